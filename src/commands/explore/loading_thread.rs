//! The explorer's story loaded on a thread of its own, while the loading screen shows
//! the title (read off the file's start) and the loader's progress: the thread loads,
//! narrows to `--as-of` and builds the explorer's state, so the first frame of panes
//! is drawn as soon as it arrives.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use anyhow::Result;

use crate::cli::Cli;
use crate::commands::loaded::{as_of_date, narrow};
use crate::story::load::{LoadError, Progress, load_path_with_progress, peek_title_of_file};
use crate::tui::app::App;
use crate::tui::app::broken_file::BrokenFile;
use crate::tui::app::loading::{LoadFailure, Loading};
use crate::tui::shell::loading::{LoadingIo, Waited, spawn_load, wait_for_story};
use crate::tui::shell::terminal as run;
use crate::tui::shell::watch::Stamp;

use super::{Opening, open_app};

/// A load under way: what the loading screen shows, and where its outcome arrives.
pub(super) struct Load {
    loading: Loading,
    outcome: Receiver<Result<App, LoadFailure>>,
    /// The story file, and how it was when this load began (to tell a save after a
    /// failure).
    path: std::path::PathBuf,
    began: Option<Stamp>,
}

/// How often a broken file is looked at for a save: a stat call, five times a second.
const LOOK_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

/// Starts loading the story at `path` (the date and the export folder are checked
/// already).
pub(super) fn start(cli: &Cli, settings: &crate::config::Settings, path: &Path) -> Load {
    let progress = Arc::new(Progress::new());
    let began = Stamp::of(path);
    let opening = Opening::new(cli, settings);
    // Checked before the terminal was taken; a date that fails now fails in the thread.
    let as_of = as_of_date(cli);
    let owned = path.to_path_buf();
    let reporting = Arc::clone(&progress);
    let outcome = spawn_load(move || {
        let as_of = as_of.map_err(|err| LoadFailure::said(err.to_string()))?;
        let full =
            load_path_with_progress(&owned, &reporting).map_err(|err| failure_of(&err, &owned))?;
        let loaded = narrow(full, as_of).map_err(|err| LoadFailure::said(err.to_string()))?;
        Ok(open_app(&opening, loaded))
    });
    // Read while the loader starts: 64 KB, well under a millisecond.
    let title = peek_title_of_file(path);
    let mut loading = Loading::new(path.display().to_string(), title, progress);
    loading.reloads_on_save = settings.watch;
    Load {
        loading,
        outcome,
        path: path.to_path_buf(),
        began,
    }
}

/// The loading screen until the story is ready or the user quits. A file that fails
/// to load is loaded again when it is saved, if the file is watched.
pub(super) fn wait(
    session: &mut run::TerminalSession,
    settings: &crate::config::Settings,
    signals: &run::StopSignals,
    mut load: Load,
    cli: &Cli,
) -> Result<Waited<App>> {
    loop {
        let waited = wait_once(session, settings, signals, &mut load);
        if !matches!(waited, Ok(Waited::Changed)) {
            return waited;
        }
        load = start(cli, settings, &load.path.clone());
    }
}

/// One load's wait, until it is ready, the user quits or the broken file is saved.
fn wait_once(
    session: &mut run::TerminalSession,
    settings: &crate::config::Settings,
    signals: &run::StopSignals,
    load: &mut Load,
) -> Result<Waited<App>> {
    let path = load.path.clone();
    let (began, watched) = (load.began.clone(), settings.watch);
    let mut looked = std::time::Instant::now();
    let mut file_changed = move || {
        if !watched || looked.elapsed() < LOOK_EVERY {
            return false;
        }
        looked = std::time::Instant::now();
        // A file missing mid-save is not a change yet; the next look sees it back.
        Stamp::of(&path).is_some_and(|now| Some(&now) != began.as_ref())
    };
    let (_, outcome) = std::sync::mpsc::channel();
    let outcome = std::mem::replace(&mut load.outcome, outcome);
    let waited = wait_for_story(
        &mut load.loading,
        &outcome,
        LoadingIo {
            terminal: &mut session.terminal,
            theme: settings.theme,
            keymap: &settings.keymap,
            next_event: &mut run::crossterm_events,
            stop: &signals.flag,
            file_changed: &mut file_changed,
        },
    );
    // The loading thread may still be at work: its channel is left to the OS with it.
    std::mem::forget(outcome);
    waited
}

/// The problems of a file that did not load, for the panel and for the message after.
fn failure_of(err: &LoadError, path: &Path) -> LoadFailure {
    // The text is read again only to place problems on the panel; it may be gone.
    let bytes = std::fs::read(path).unwrap_or_default();
    LoadFailure {
        panel: BrokenFile::from_problems(&err.problems, &bytes),
        message: err.to_string(),
    }
}
