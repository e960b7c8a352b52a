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

use super::{Opening, open_app};

/// A load under way: what the loading screen shows, and where its outcome arrives.
pub(super) struct Load {
    loading: Loading,
    outcome: Receiver<Result<App, LoadFailure>>,
}

/// Starts loading the story at `path` (the date and the export folder are checked
/// already).
pub(super) fn start(cli: &Cli, settings: &crate::config::Settings, path: &Path) -> Load {
    let progress = Arc::new(Progress::new());
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
    Load {
        loading: Loading::new(path.display().to_string(), title, progress),
        outcome,
    }
}

/// The loading screen until the story is ready or the user quits.
pub(super) fn wait(
    session: &mut run::TerminalSession,
    settings: &crate::config::Settings,
    signals: &run::StopSignals,
    mut load: Load,
) -> Result<Waited<App>> {
    let waited = wait_for_story(
        &mut load.loading,
        &load.outcome,
        LoadingIo {
            terminal: &mut session.terminal,
            theme: settings.theme,
            keymap: &settings.keymap,
            next_event: &mut run::crossterm_events,
            stop: &signals.flag,
        },
    );
    // The loading thread may still be at work: its channel is left to the OS with it.
    std::mem::forget(load.outcome);
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
