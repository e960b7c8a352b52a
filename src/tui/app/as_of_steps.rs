//! Stepping through dates (`<` and `>`) on the explorer's state, and recomputing what
//! is new at each step (the marks themselves are `tui::app::new_since`).

use crate::story::model::date::DateSpec;
use crate::story::time::diff::{StoryDiff, diff};
use crate::story::{RecordRef, Story};
use crate::tui::app::new_since::NewSince;

use crate::tui::app::App;

impl App {
    /// `<` and `>`: the story as of the previous or next publication date (after the
    /// last one, every source), with what is new at that step.
    pub fn step_as_of(&mut self, later: bool) {
        let app = self;
        let days = app.full.publication_days();
        let current = app.as_of.map(|d| d.latest());
        // Outer None: nowhere to go. Inner None: the whole story, every source.
        let target: Option<Option<i64>> = match (current, later) {
            (None, true) => None,
            (None, false) => days.last().map(|&d| Some(d)),
            (Some(day), true) => Some(days.iter().copied().find(|&d| d > day)),
            (Some(day), false) => days.iter().copied().rev().find(|&d| d < day).map(Some),
        };
        let Some(target) = target else {
            app.info(if later {
                "already showing every source"
            } else {
                "no earlier publication date"
            });
            return;
        };
        app.go_to_as_of(target.map(DateSpec::from_day_number));
    }

    /// Shows the story as of `target` (every source when None), carrying the filter
    /// over and marking what is new, as `<`, `>` and the date prompt do; false, with
    /// the reason on the status line and nothing else changed, when it cannot.
    pub(crate) fn go_to_as_of(&mut self, target: Option<DateSpec>) -> bool {
        let app = self;
        // Arena indexes differ between narrowings: carry the filter over by id.
        let filter_id = app
            .panes
            .filter
            .map(|e| app.story.file.entities[e].id.clone());
        // Stepping forward, the date left is the new date's previous one: its story is
        // kept so it is not narrowed again.
        let left = app.as_of.map(|d| (d.latest(), app.story.clone()));
        // Should narrowing fail, stay where we are rather than show something else
        // under the date.
        if !app.show_as_of(target) {
            return false;
        }
        app.forget_search_index();
        // Hits point into the old narrowing's arenas.
        app.run_search();
        app.panes.filter = filter_id.and_then(|id| match app.story.lookup(&id) {
            Some(RecordRef::Entity(e)) => Some(e),
            _ => None,
        });
        app.detail.trail.reset();
        app.refresh_rows();
        app.refresh_new_since_with(true, left);
        let new = app.new_since_note();
        match app.as_of {
            Some(date) => app.info(format!(
                "as of {}: {}{new}",
                date.human(),
                crate::story::graph::provenance::AS_OF_RULE
            )),
            None => app.info(format!("showing every source{new}")),
        }
        true
    }

    /// Recomputes the marks after the as-of date changed. With no date, marks show only
    /// once the user stepped there (`stepped`): opening on every source marks nothing.
    /// `known`: a date's story already narrowed, used when it is the previous date.
    pub fn refresh_new_since_with(&mut self, stepped: bool, known: Option<(i64, Story)>) {
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
        let earlier = match known {
            Some((day, story)) if day == previous => Some(story),
            _ => self.narrowed_to(previous),
        };
        match earlier {
            Some(earlier) => {
                let changes = diff(&earlier, previous, &self.story, self.clock().reference_day);
                self.new_since = Some(NewSince {
                    since: Some(DateSpec::from_day_number(previous)),
                    diff: changes,
                });
            }
            None => self.new_since = None,
        }
    }

    /// As `refresh_new_since_with`, for the date the app opened on.
    pub fn refresh_new_since(&mut self) {
        self.refresh_new_since_with(false, None);
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
