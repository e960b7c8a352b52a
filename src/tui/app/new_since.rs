//! What is new at each step through dates: the difference between the story as of the
//! previous publication date and the one shown, for row marks ("+" new, "*" changed)
//! and the "new since previous date: N" count. The steps themselves are
//! `tui::app::as_of_steps`.

use crate::story::RecordRef;
use crate::story::model::date::DateSpec;
use crate::story::time::diff::StoryDiff;

/// The previous date and what became known since.
#[derive(Debug, Clone)]
pub struct NewSince {
    /// The previous publication date; None at the earliest one, where nothing is
    /// marked.
    pub since: Option<DateSpec>,
    /// What became known between that date and the one shown.
    pub diff: StoryDiff,
}

impl NewSince {
    /// ("New since", "12 Feb 2025") or ("Changed since", …) for a record's document.
    pub fn note_for(&self, record: RecordRef) -> Option<(String, String)> {
        let since = self.since?;
        let label = match self.diff.mark(record)? {
            '+' => "New since",
            _ => "Changed since",
        };
        Some((label.to_owned(), since.human()))
    }
}
