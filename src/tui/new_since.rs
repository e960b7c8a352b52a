//! What is new at each date the explorer steps to: the difference between the story as
//! of the previous publication date and the one shown, for row marks ("+" new, "*"
//! changed) and the "new since previous date: N" count.

use crate::story::RecordRef;
use crate::story::date::DateSpec;
use crate::story::diff::{StoryDiff, diff};

use super::app::App;

/// The previous date and what became known since.
#[derive(Debug, Clone)]
pub struct NewSince {
    /// The previous publication date; None at the earliest one, where nothing is
    /// marked.
    pub since: Option<DateSpec>,
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

impl App {
    /// Recomputes the marks after the as-of date changed. With no date, marks show only
    /// once the user stepped there (`stepped`): opening on every source marks nothing.
    pub fn refresh_new_since_with(&mut self, stepped: bool) {
        let current = self.as_of.map(|d| d.latest());
        if current.is_none() && !stepped {
            self.new_since = None;
            return;
        }
        let days = self.full.publication_days();
        let previous = match current {
            Some(day) => days.iter().copied().rev().find(|&d| d < day),
            None => days.last().copied(),
        };
        let Some(previous) = previous else {
            self.new_since = Some(NewSince {
                since: None,
                diff: StoryDiff::default(),
            });
            return;
        };
        match self.full.as_of(previous) {
            Ok(earlier) => {
                let changes = diff(&earlier, previous, &self.story, self.clock().reference_day);
                self.new_since = Some(NewSince {
                    since: Some(DateSpec::from_day_number(previous)),
                    diff: changes,
                });
            }
            Err(err) => {
                self.new_since = None;
                self.error(err.to_string());
            }
        }
    }

    /// As `refresh_new_since_with`, for the date the app opened on.
    pub fn refresh_new_since(&mut self) {
        self.refresh_new_since_with(false);
    }

    /// " · new since 12 Feb 2025: 14", for messages and the title bar; empty when
    /// nothing is marked.
    pub fn new_since_note(&self) -> String {
        match &self.new_since {
            Some(NewSince {
                since: Some(date),
                diff,
            }) => format!(" · new since {}: {}", date.human(), diff.len()),
            Some(NewSince { since: None, .. }) => " · earliest date".to_owned(),
            None => String::new(),
        }
    }

    /// The mark of a record's row: '+' new since the previous date, '*' changed.
    pub fn row_mark(&self, record: RecordRef) -> Option<char> {
        self.new_since.as_ref()?.diff.mark(record)
    }
}
