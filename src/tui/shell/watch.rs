//! Reload on save: a native file watcher (notify, debounced as gitui does) on the story
//! file's folder, so editors that save by writing a new file and renaming it over the
//! old one (vim, most IDEs) are seen too. Each settled change is loaded on the
//! watcher's thread (the story on screen stays meanwhile, "reloading…" on the status
//! line) and handed to the event loop as a `Reload` message.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, SystemTime};

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::story::graph::passage::SourceTexts;
use crate::story::load;
use crate::tui::app::broken_file::BrokenFile;
use crate::tui::update::reload::Reload;

/// How long the file must stay quiet before it is read: long enough to let an editor
/// finish a save (write, fsync, rename), short enough to feel immediate.
const SETTLE: Duration = Duration::from_millis(120);

/// The watcher and the channel its reloads arrive on; dropping it stops watching.
pub struct StoryWatcher {
    _debouncer: Debouncer<RecommendedWatcher>,
    /// A `Reload` each time the file settled after a change.
    pub reloads: Receiver<Reload>,
}

impl StoryWatcher {
    /// Starts watching `path` (the story file the explorer opened).
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
        let mut reader = Reader {
            path: path.to_path_buf(),
            last_seen: Stamp::of(path),
            sender,
        };
        let mut debouncer = new_debouncer(SETTLE, move |result: DebounceEventResult| {
            let Ok(events) = result else {
                return;
            };
            if events
                .iter()
                .any(|event| event.path.file_name() == Some(&name))
            {
                reader.changed();
            }
        })
        .map_err(|err| err.to_string())?;
        debouncer
            .watcher()
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|err| err.to_string())?;
        Ok(StoryWatcher {
            _debouncer: debouncer,
            reloads,
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
    sender: Sender<Reload>,
}

impl Reader {
    fn changed(&mut self) {
        let stamp = Stamp::of(&self.path);
        if stamp.is_some() && stamp == self.last_seen {
            return;
        }
        self.last_seen = stamp;
        // The story on screen stays while this one loads; the status line says so.
        let _ = self.sender.send(Reload::Reading);
        // `load_path`, as at start: the file's text is let go before the indexes are
        // built, which keeps the reload's peak at a load's.
        let reload = match load::load_path(&self.path) {
            Ok(story) => {
                // The sources' text files too: a new source may name one. Their
                // problems are `check`'s to list; a missing file costs only its
                // paragraphs.
                let folder = crate::fsutil::story_dir(&self.path);
                let (texts, _) = SourceTexts::load(&story, Some(&folder));
                let _ = self.sender.send(Reload::Loaded(Box::new(story)));
                Reload::Texts(Arc::new(texts))
            }
            Err(err) => match std::fs::read(&self.path) {
                Ok(bytes) => Reload::Broken(BrokenFile::from_problems(&err.problems, &bytes)),
                // Between an editor's remove and its rename the file is briefly
                // missing; the rename raises the next event.
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                    Reload::Broken(BrokenFile::missing())
                }
                Err(err) => Reload::Broken(BrokenFile::unreadable(&err.to_string())),
            },
        };
        // The explorer may be gone already; nothing to do then.
        let _ = self.sender.send(reload);
    }
}
