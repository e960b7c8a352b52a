//! Reload on save: a native file watcher (notify) on the story file's folder, so
//! editors that save by writing a new file and renaming it over the old one (vim, most
//! IDEs) are seen too. A save is read at once when its last event says the write is
//! over, after a short quiet spell otherwise (`settle`); it is loaded on the watcher's
//! own thread (the story on screen stays meanwhile, "reloading…" on the status line)
//! and handed to the event loop as `Reload` messages.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

#[cfg(unix)]
use super::doorbell::{Doorbell, Ringer};
use super::settle::{self, SETTLE, Signal};
use super::taking_turns::TakingTurns;
use crate::story::graph::passage::SourceTexts;
use crate::story::load;
use crate::tui::app::App;
use crate::tui::app::broken_file::BrokenFile;
use crate::tui::app::prepared::{PreparedStory, ViewWanted};
use crate::tui::update::reload::Reload;

/// The watcher and the channel its reloads arrive on; dropping it stops watching (and
/// ends the thread that loads, once its load is over).
pub struct StoryWatcher {
    _watcher: RecommendedWatcher,
    /// A `Reload` each time the file settled after a change.
    pub reloads: Receiver<Reload>,
    /// What the explorer shows: a reload is made ready for it on the watcher's thread.
    pub shown: Arc<ShownView>,
    /// Rung after each message on `reloads`, so the event loop wakes to it at once;
    /// None when the system would not make one (the loop then wakes often instead).
    #[cfg(unix)]
    pub bell: Option<Doorbell>,
}

/// Where the reloads go: the channel, and the event loop's doorbell rung after each.
struct Outbox {
    sender: Sender<Reload>,
    #[cfg(unix)]
    ringer: Option<Arc<Ringer>>,
}

impl Outbox {
    /// Sends `reload` and wakes the loop to it. The explorer may be gone already;
    /// nothing to do then.
    fn send(&self, reload: Reload) {
        let _ = self.sender.send(reload);
        #[cfg(unix)]
        if let Some(ringer) = &self.ringer {
            ringer.ring();
        }
    }
}

/// The view the explorer shows, told by the event loop and read by the watcher's
/// thread when a load is done; unknown (None) until the explorer is there.
#[derive(Debug, Default)]
pub struct ShownView(Mutex<Option<ViewWanted>>);

impl ShownView {
    /// Tells the watcher what `app` shows now.
    pub fn tell(&self, app: &App) {
        let wanted = app.view_wanted();
        // A poisoned lock only means a panicked load: the next reload prepares on the
        // UI thread.
        if let Ok(mut held) = self.0.lock()
            && held.as_ref() != Some(&wanted)
        {
            *held = Some(wanted);
        }
    }

    fn get(&self) -> Option<ViewWanted> {
        self.0.lock().ok()?.clone()
    }
}

impl StoryWatcher {
    /// Starts watching `path` (the story file the explorer opened). Its stamp now is the
    /// version taken as shown: a save from here on is loaded.
    pub fn start(path: &Path) -> Result<StoryWatcher, String> {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .ok_or_else(|| format!("{} names no file", path.display()))?
            .to_owned();
        let (sender, reloads) = channel();
        let shown = Arc::new(ShownView::default());
        #[cfg(unix)]
        let bell = Doorbell::new().ok();
        let outbox = Outbox {
            sender,
            #[cfg(unix)]
            ringer: bell.as_ref().map(Doorbell::ringer),
        };
        let reader = Reader {
            path: path.to_path_buf(),
            last_seen: Stamp::of(path),
            outbox,
            shown: Arc::clone(&shown),
            turns: TakingTurns::start("story-load"),
        };
        let (signals, seen) = channel();
        let mut watcher = notify::recommended_watcher(move |result: notify::Result<_>| {
            // An error from the watcher carries no path; the next event will.
            if let Some(signal) = result.ok().and_then(|event| Signal::of(&event, &name)) {
                let _ = signals.send(signal);
            }
        })
        .map_err(|err| err.to_string())?;
        watcher
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|err| err.to_string())?;
        std::thread::Builder::new()
            .name("story-reload".to_owned())
            .spawn(move || {
                let mut reader = reader;
                settle::run(&seen, SETTLE, || reader.changed());
            })
            .map_err(|err| err.to_string())?;
        Ok(StoryWatcher {
            _watcher: watcher,
            reloads,
            shown,
            #[cfg(unix)]
            bell,
        })
    }
}

/// What identifies one version of the file without reading it. Reading the file
/// itself raises events (inotify reports opens), so an unchanged stamp is skipped:
/// otherwise every reload would cause the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: u64,
}

impl Stamp {
    /// The file's stamp now; None when it cannot be read (missing mid-save).
    pub(crate) fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: std::os::unix::fs::MetadataExt::ino(&meta),
        })
    }
}

/// Reads and loads the file when it changed, and sends the outcome.
struct Reader {
    path: PathBuf,
    last_seen: Option<Stamp>,
    outbox: Outbox,
    shown: Arc<ShownView>,
    /// Where the loads run (see `taking_turns` for why two threads).
    turns: TakingTurns,
}

impl Reader {
    fn changed(&mut self) {
        let stamp = Stamp::of(&self.path);
        if stamp.is_some() && stamp == self.last_seen {
            return;
        }
        self.last_seen = stamp;
        // The story on screen stays while this one loads; the status line says so.
        self.outbox.send(Reload::Reading);
        let (path, view) = (self.path.clone(), self.shown.get());
        let reload = self
            .turns
            .run(move |result| load_and_prepare(&path, view, &result));
        let reload = reload.unwrap_or_else(|| {
            Reload::Broken(BrokenFile::unreadable("the reload stopped on a bug"))
        });
        self.outbox.send(reload);
    }
}

/// Sends the story at `path` loaded, with what the explorer shows of it in `view`, or
/// why it does not load; then builds the new story's search index, on this thread (the
/// index lives and dies with the story: see `taking_turns`).
fn load_and_prepare(path: &Path, view: Option<ViewWanted>, result: &Sender<Reload>) {
    let (reload, index) = match load_and_prepare_story(path, view) {
        Reload::Ready(mut prepared) => {
            let index = prepared.build_index_later();
            (Reload::Ready(prepared), index)
        }
        other => (other, None),
    };
    let _ = result.send(reload);
    if let Some((story, sender)) = index {
        // The explorer may have dropped it (the view changed, or another save).
        let _ = sender.send(crate::story::query::build_index(&story));
    }
}

/// The story at `path` loaded, with what the explorer shows of it in `view`; or why it
/// does not load.
fn load_and_prepare_story(path: &Path, view: Option<ViewWanted>) -> Reload {
    // As at start: the file's text is let go before the indexes are built, which keeps
    // the reload's peak at a load's; the timeline's order is made while it is checked.
    match load::load_path_to_show(path) {
        Ok(story) => {
            // The sources' text files too: a new source may name one. Their problems
            // are `check`'s to list; a missing file costs only its paragraphs.
            let folder = crate::fsutil::story_dir(path);
            let (texts, _) = SourceTexts::load(&story, Some(&folder));
            // The panes' rows, new-since and doubts too, for the view on screen now:
            // the UI thread then only swaps.
            let prepared = PreparedStory::prepare(story, Arc::new(texts), view);
            Reload::Ready(Box::new(prepared))
        }
        Err(err) => match std::fs::read(path) {
            Ok(bytes) => Reload::Broken(BrokenFile::from_problems(&err.problems, &bytes)),
            // Between an editor's remove and its rename the file is briefly missing;
            // the rename raises the next event.
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                Reload::Broken(BrokenFile::missing())
            }
            Err(err) => Reload::Broken(BrokenFile::unreadable(&err.to_string())),
        },
    }
}
