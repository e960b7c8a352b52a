//! The session's part of the explorer's state: what comes from outside the story (the
//! reader's today, the keys as configured, the terminal's size, the file and export
//! folder) and what the session reports back (the status message, the broken file,
//! whether to quit).

use std::path::PathBuf;

use crate::story::model::date::DayNumber;
use crate::tui::input::keymap::Keymap;

use super::broken_file::BrokenFile;

/// How the status line shows a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    /// What just happened ("copied …", "as of 12 Feb 2025 …").
    Info,
    /// What could not be done, and why.
    Error,
}

/// The session around the story.
pub struct Session {
    /// The reader's today, for what is overdue when no as-of date is set.
    pub(crate) today: DayNumber,
    /// The keys as bound in this session (defaults plus the user's config).
    pub keymap: Keymap,
    /// The status line's message, until the next key.
    pub message: Option<(String, MessageKind)>,
    /// Terminal size at the last resize; paging and layout use it.
    pub size: (u16, u16),
    /// Where `e` writes its Markdown files.
    pub(crate) export_dir: PathBuf,
    /// The story's file, for the editor key; None for the embedded story.
    pub story_file: Option<PathBuf>,
    /// Why the file on disk does not load, while the last good story stays shown.
    pub broken_file: Option<BrokenFile>,
    /// Set by quit: the event loop ends after this key.
    pub should_quit: bool,
}

impl Session {
    /// A session on `today`, at the size tests draw at until the first resize.
    pub(crate) fn new(today: DayNumber) -> Session {
        Session {
            today,
            keymap: Keymap::default(),
            message: None,
            size: (160, 45),
            export_dir: PathBuf::from("."),
            story_file: None,
            broken_file: None,
            should_quit: false,
        }
    }
}
