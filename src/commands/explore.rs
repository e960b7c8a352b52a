//! `storyscope` with no subcommand: the explorer opened on the story, with the
//! config file's settings under the command line's flags. The terminal shell itself
//! (`crate::tui`) knows nothing of the command line, the config file or the loader's
//! error type; this is where they meet.

use std::io::IsTerminal;

use anyhow::Result;

use crate::bad_input::BadInput;
use crate::cli::Cli;
use crate::commands::loaded::{Loaded, as_of_date, load_story, today};
use crate::fsutil::story_dir;
use crate::tui::shell::event_loop::{LoopIo, run_loop};
use crate::tui::shell::loading::Waited;
use crate::tui::shell::{editor, terminal as run, watch};
use crate::tui::{app, update::effect::EditRequest};

mod loading_thread;

/// The explorer's settings: the config file (`--config`, STORYSCOPE_CONFIG or the usual
/// place) under the command line's flags. A bad config file stops here, exit 2.
fn load_settings(cli: &Cli) -> Result<crate::config::Settings> {
    let file = crate::config::ConfigPath::find(cli.explore.config.as_deref())?.load()?;
    let overrides = crate::config::Overrides {
        theme: cli.explore.theme,
        color: cli.color,
        no_mouse: cli.explore.no_mouse,
        export_dir: cli.explore.export_dir.clone(),
        no_watch: cli.explore.no_watch,
    };
    Ok(file.settings(&overrides, true))
}

/// `storyscope` with no subcommand: open the explorer on the story. A story file is
/// loaded on another thread while the loading screen shows its title and progress.
pub fn explore(cli: &Cli) -> Result<i32> {
    check_terminal()?;
    crate::allocator::keep_big_blocks_out_of_the_arenas();
    let settings = load_settings(cli)?;
    let start = match &cli.story {
        Some(path) => {
            // Before the terminal is taken: a bad date or export folder is said plainly.
            as_of_date(cli)?;
            check_export_dir(cli, &settings)?;
            // Watched before the load begins, so a save made while it loads is loaded
            // after it (its reloads wait in the channel until the explorer is there).
            let watching = start_watcher(cli, &settings);
            let load = loading_thread::start(cli, &settings, path);
            Start::Loading(Box::new(load), watching)
        }
        None => {
            let loaded = load_story(cli)?;
            check_export_dir(cli, &settings)?;
            Start::Ready(Box::new(open_app(&Opening::new(cli, &settings), loaded)))
        }
    };
    run_explorer(cli, &settings, start)
}

/// What the explorer opens on: a story in hand, or one being loaded (and watched).
enum Start {
    Ready(Box<app::App>),
    Loading(Box<loading_thread::Load>, Watching),
}

/// The story file's watcher, or why there is none (said once the explorer is there);
/// neither when the file is not watched.
type Watching = Result<Option<watch::StoryWatcher>, String>;

/// The explorer needs a terminal on both ends, and one that can show it.
fn check_terminal() -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(BadInput(
            "the explorer needs a terminal, and standard input or output is not one. For scripts, use `storyscope export VIEW` or `storyscope search QUERY` (see --help).".to_owned(),
        )
        .into());
    }
    if std::env::var("TERM").is_ok_and(|term| term == "dumb") {
        return Err(BadInput(
            "TERM=dumb cannot show the explorer. Set TERM to your terminal's type (e.g. xterm-256color), or use `storyscope export VIEW` / `storyscope search QUERY`.".to_owned(),
        )
        .into());
    }
    Ok(())
}

/// The export folder must exist before the explorer opens, not when `e` is pressed.
fn check_export_dir(cli: &Cli, settings: &crate::config::Settings) -> Result<()> {
    if settings.export_dir.is_dir() {
        return Ok(());
    }
    Err(BadInput(format!(
        "export folder {}: no such folder (from {})",
        settings.export_dir.display(),
        if cli.explore.export_dir.is_some() {
            "--export-dir"
        } else {
            "the config file's export-dir"
        }
    ))
    .into())
}

/// What the explorer's state takes from the command line and the config file, owned so
/// the loading thread can build the state too.
#[derive(Clone)]
pub(crate) struct Opening {
    story_file: Option<std::path::PathBuf>,
    export_dir: std::path::PathBuf,
    keymap: crate::tui::input::keymap::Keymap,
}

impl Opening {
    fn new(cli: &Cli, settings: &crate::config::Settings) -> Opening {
        Opening {
            story_file: cli.story.clone(),
            export_dir: settings.export_dir.clone(),
            keymap: settings.keymap.clone(),
        }
    }
}

/// The explorer's state on the loaded story: its source texts and the settings.
fn open_app(opening: &Opening, loaded: Loaded) -> app::App {
    let story_dir = opening.story_file.as_deref().map(story_dir);
    let (texts, problems) =
        crate::story::graph::passage::SourceTexts::load(&loaded.full, story_dir.as_deref());
    let mut app = app::App::with_narrowed(loaded.full, loaded.story, loaded.as_of, today());
    app.set_texts(std::sync::Arc::new(texts));
    // A missing text file costs only its paragraphs: the story still opens, and the
    // status line says which file (`storyscope check` lists them all).
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more; see storyscope check)", n - 1),
        };
        app.error(format!("{first}{more}"));
    }
    app.session.export_dir = opening.export_dir.clone();
    app.session.keymap = opening.keymap.clone();
    app.session.story_file = opening.story_file.clone();
    app
}

/// Reload on save (the config's `watch`, --no-watch for one run); without a watcher
/// (no inotify watches left, an odd file system) the explorer still works, and says so.
fn start_watcher(cli: &Cli, settings: &crate::config::Settings) -> Watching {
    match (&cli.story, settings.watch) {
        (Some(path), true) => watch::StoryWatcher::start(path)
            .map(Some)
            .map_err(|why| format!("not reloading on save: cannot watch the file ({why})")),
        _ => Ok(None),
    }
}

/// Runs the explorer in the terminal until it quits (the loading screen first, when the
/// story is still loading); the exit code is a signal's when one ended it.
fn run_explorer(cli: &Cli, settings: &crate::config::Settings, start: Start) -> Result<i32> {
    let signals = run::StopSignals::install();
    let mut session = run::TerminalSession::enter(settings.mouse)?;
    let (mut app, watching) = match start {
        Start::Ready(app) => (*app, Ok(None)),
        Start::Loading(load, watching) => {
            match loading_thread::wait(&mut session, settings, &signals, *load, cli) {
                Ok(Waited::Ready(app)) => (app, watching),
                other => {
                    drop(session);
                    if let Some(code) = signals.exit_code() {
                        return Ok(code);
                    }
                    // Quit during the load (the loading thread is left to the OS), or the
                    // file did not load: its problems are said again where they stay.
                    return match other? {
                        Waited::Quit(Some(failure)) => Err(BadInput(failure.message).into()),
                        _ => Ok(0),
                    };
                }
            }
        }
    };
    let watcher = watching.unwrap_or_else(|why| {
        app.error(why);
        None
    });
    let result = explore_loop(&mut app, settings, &signals, &mut session, watcher.as_ref());
    drop(session);
    // The terminal is back by now; leave the story, its indexes and the threads to the
    // OS as `check` does: freeing a big story record by record (and joining a search
    // still running) would hold the exit up, a second at 1M events.
    std::mem::forget(app);
    std::mem::forget(watcher);
    // A closed terminal fails the loop's next read or draw, sometimes a moment before
    // its SIGHUP lands; the signal is the better account of what happened, so give it
    // that moment.
    if result.is_err() {
        for _ in 0..20 {
            if signals.exit_code().is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
    if let Some(code) = signals.exit_code() {
        return Ok(code);
    }
    result?;
    Ok(0)
}

/// The explorer's loop on the story.
fn explore_loop(
    app: &mut app::App,
    settings: &crate::config::Settings,
    signals: &run::StopSignals,
    session: &mut run::TerminalSession,
    watcher: Option<&watch::StoryWatcher>,
) -> Result<()> {
    let mouse = settings.mouse;
    let mut clipboard = std::io::stdout();
    let template = settings.editor.clone();
    let mut edit = |request: &EditRequest| {
        run::hand_over_terminal(mouse, || editor::run_editor(request, template.as_deref()))
    };
    // With a watcher, the wait for a key also ends when it sends a reload.
    let (mut next_event, reloads_ring) = run::event_reader(watcher);
    run_loop(
        app,
        LoopIo {
            terminal: &mut session.terminal,
            theme: settings.theme,
            mouse,
            next_event: &mut next_event,
            stop: &signals.flag,
            clipboard: &mut clipboard,
            reloads: watcher.map(|w| &w.reloads),
            reloads_ring,
            shown: watcher.map(|w| &*w.shown),
            edit: &mut edit,
        },
    )
}
