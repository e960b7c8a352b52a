//! The explorer's state: the story (and its as-of narrowing), and four parts kept
//! apart: the list panes ([`PaneState`]), Detail ([`DetailState`]), the overlays
//! ([`OverlayState`]) and the session ([`Session`]). Methods here answer questions
//! that need more than one part (what Detail shows, what the filter would use).
//!
//! May import: the story and `tui::input` (the keymap a session holds); never `ui`,
//! `update` or `shell`, which all read or change this state.

use crate::story::model::date::{DateSpec, DayNumber};
use crate::story::query::views::{Clock, TimelineRow, ViewFilter};
use crate::story::{RecordRef, Story};

mod as_of;
mod as_of_steps;
pub(crate) mod broken_file;
pub(crate) mod command_palette;
pub(crate) mod detail_state;
pub(crate) mod key_context;
mod list_rows;
pub(crate) mod loading;
pub(crate) mod new_since;
pub(crate) mod overlay_state;
pub(crate) mod pane_state;
pub(crate) mod panes;
pub mod prepared;
pub(crate) mod record_lines;
pub(crate) mod search_state;
pub(crate) mod session;
pub(crate) mod trail;

pub use command_palette::{
    entries as palette_entries, lines as palette_lines, list_height as palette_list_height,
    popup_size as palette_popup_size,
};
pub use detail_state::{DetailLayout, DetailLink, DetailSource, DetailState};
pub use key_context::action_for;
pub use loading::{LoadFailure, Loading, progress_words};
pub use overlay_state::{Mode, OverlayState};
pub use pane_state::PaneState;
pub use panes::{ListCursor, Pane};
pub use search_state::SearchState;
pub use session::{MessageKind, Session};

/// Everything the screen shows, and nothing about the terminal itself.
pub struct App {
    /// The whole story as loaded.
    pub full: Story,
    /// The story as of `as_of` (the whole story when None).
    pub story: Story,
    /// The date the story is shown as of; None for every source.
    pub as_of: Option<DateSpec>,
    /// What is new at the date shown, since the previous publication date.
    pub new_since: Option<new_since::NewSince>,
    /// Focus, and the list panes' rows and cursors.
    pub panes: PaneState,
    /// Detail's trail, cursor and cached layout.
    pub detail: DetailState,
    /// The search and help overlays.
    pub overlay: OverlayState,
    /// The keymap, terminal size, story file, status message and quit flag.
    pub session: Session,
}

impl App {
    /// An explorer on `full`, as of `as_of`. Should narrowing fail (a bug), it opens on
    /// every source, says so in the title bar, and shows why: never the whole story
    /// under a date.
    pub fn new(full: Story, as_of: Option<DateSpec>, today: DayNumber) -> App {
        let mut app = App::unrefreshed(full.clone(), full, today);
        app.show_as_of_or_every_source(as_of);
        app.refresh_rows();
        app.refresh_new_since();
        app
    }

    /// An explorer on `story`, which the caller has already narrowed from `full` to
    /// `as_of` (the command line loads and narrows once, and stops on a date that
    /// fails); nothing is narrowed again here.
    pub fn with_narrowed(
        full: Story,
        story: Story,
        as_of: Option<DateSpec>,
        today: DayNumber,
    ) -> App {
        let mut app = App::unrefreshed(story, full, today);
        app.as_of = as_of;
        app.refresh_rows();
        app.refresh_new_since();
        app
    }

    /// The state before any rows are built: every pane empty, no date.
    fn unrefreshed(story: Story, full: Story, today: DayNumber) -> App {
        App {
            story,
            full,
            as_of: None,
            new_since: None,
            panes: PaneState::default(),
            detail: DetailState::default(),
            overlay: OverlayState::default(),
            session: Session::new(today),
        }
    }

    /// The title a pane shows: the story names its candidates pane (story text, so
    /// cleaned of anything a terminal would act on).
    pub fn pane_title(&self, pane: Pane) -> String {
        match pane {
            Pane::Candidates => crate::story::safe_text::clean_line(self.story.candidates_title()),
            _ => pane.title().to_owned(),
        }
    }

    /// The date the views judge by: the as-of date, else today.
    pub fn clock(&self) -> Clock {
        Clock::at(self.as_of, self.session.today)
    }

    /// Rebuilds every pane's rows after the story, as-of date or filter changed, and
    /// clamps the selections.
    pub(crate) fn refresh_rows(&mut self) {
        self.detail.layout = None;
        // The entity filter narrows every list pane; see `PaneState::filter`.
        let filter = ViewFilter {
            entity: self.panes.filter,
        };
        let rows = list_rows::list_rows(&self.story, filter);
        self.panes.timeline_events = rows.timeline;
        self.panes.candidate_rows = rows.candidates;
        self.panes.metric_rows = rows.metrics;
        self.panes.source_rows = rows.sources;
        self.clamp_cursors();
    }

    /// Keeps every list's selection and scroll within its rows, after they changed.
    pub(crate) fn clamp_cursors(&mut self) {
        for pane in Pane::LISTS {
            let len = self.rows_len(pane);
            let Some(cursor) = self.cursor_mut(pane) else {
                continue;
            };
            cursor.step(0, len);
            cursor.offset = cursor.offset.min(cursor.selected);
        }
    }

    /// The timeline row at `index`, built on demand.
    pub fn timeline_row(&self, index: usize) -> Option<TimelineRow> {
        let &event = self.panes.timeline_events.get(index)?;
        Some(self.story.timeline_row(event, self.clock()))
    }

    pub(crate) fn rows_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Timeline => self.panes.timeline_events.len(),
            Pane::Candidates => self.panes.candidate_rows.len(),
            Pane::Metrics => self.panes.metric_rows.len(),
            Pane::Sources => self.panes.source_rows.len(),
            Pane::Detail => 0,
        }
    }

    /// A list pane's cursor (the default one for Detail, which has none).
    pub fn cursor(&self, pane: Pane) -> ListCursor {
        pane.list_index()
            .map_or_else(ListCursor::default, |index| self.panes.lists[index])
    }

    pub(crate) fn cursor_mut(&mut self, pane: Pane) -> Option<&mut ListCursor> {
        pane.list_index().map(|index| &mut self.panes.lists[index])
    }

    /// The record selected in a list pane.
    pub fn selected_record(&self, pane: Pane) -> Option<RecordRef> {
        self.selected_record_at(pane, self.cursor(pane).selected)
    }

    /// The record on row `row` of a list pane.
    pub fn selected_record_at(&self, pane: Pane, row: usize) -> Option<RecordRef> {
        match pane {
            Pane::Timeline => self
                .panes
                .timeline_events
                .get(row)
                .map(|&event| RecordRef::Event(event)),
            Pane::Candidates => self
                .panes
                .candidate_rows
                .get(row)
                .map(|r| RecordRef::Candidacy(r.candidacy)),
            Pane::Metrics => self
                .panes
                .metric_rows
                .get(row)
                .map(|r| RecordRef::Metric(r.metric)),
            Pane::Sources => self
                .panes
                .source_rows
                .get(row)
                .map(|r| RecordRef::Source(r.source)),
            Pane::Detail => None,
        }
    }

    /// The list pane Detail follows when nothing was followed: the focused list, or the
    /// Timeline when Detail itself is focused.
    pub(crate) fn last_list_pane(&self) -> Pane {
        if self.panes.focus.is_list() {
            self.panes.focus
        } else {
            self.panes.origin_pane
        }
    }

    /// What Detail shows.
    pub fn detail_target(&self) -> Option<RecordRef> {
        self.detail
            .trail
            .followed
            .or_else(|| self.selected_record(self.last_list_pane()))
    }

    /// The entity a filter would use: the one in Detail, else the most central entity
    /// of the selected record.
    pub(crate) fn entity_in_focus(&self) -> Option<usize> {
        let file = &self.story.file;
        match self.detail_target()? {
            RecordRef::Entity(e) => Some(e),
            RecordRef::Event(i) => file.events[i]
                .entities
                .first()
                .map(|id| self.story.entity_index(id)),
            RecordRef::Candidacy(i) => Some(self.story.entity_index(&file.candidates[i].candidate)),
            RecordRef::Metric(i) => Some(self.story.entity_index(&file.metrics[i].subject)),
            RecordRef::Relation(i) => Some(self.story.entity_index(&file.relations[i].from)),
            RecordRef::Source(_) | RecordRef::Dispute(_) => None,
        }
    }

    /// Moves focus, remembering the last list pane for Detail. Going to a list ends
    /// any trail of hops: Detail follows that list's selection again.
    pub fn set_focus(&mut self, pane: Pane) {
        if pane.is_list() {
            self.panes.origin_pane = pane;
            if self.detail.trail.reset() {
                self.reset_detail_cursor();
            }
        }
        self.panes.focus = pane;
    }

    /// Puts Detail's cursor back on its first link, scrolled to the top.
    pub(crate) fn reset_detail_cursor(&mut self) {
        self.detail.link = 0;
        self.detail.scroll = 0;
    }

    /// Detail shows the list's selection again, from its top.
    pub(crate) fn start_over(&mut self) {
        self.detail.trail.reset();
        self.reset_detail_cursor();
    }

    /// Shows `text` on the status line until the next key.
    pub fn info(&mut self, text: impl Into<String>) {
        self.session.message = Some((text.into(), MessageKind::Info));
    }

    /// Shows `text` as an error on the status line until the next key.
    pub fn error(&mut self, text: impl Into<String>) {
        self.session.message = Some((text.into(), MessageKind::Error));
    }

    /// The sources' article texts, and the citations the grounded checks doubt on
    /// them (worked out here once, not at each frame).
    pub fn set_texts(&mut self, texts: std::sync::Arc<crate::story::graph::passage::SourceTexts>) {
        self.detail.texts = texts;
        self.refresh_doubts();
    }

    /// Works out again which citations the grounded checks doubt, after the story or
    /// its texts changed. On the whole file: a doubt does not depend on the as-of date.
    pub(crate) fn refresh_doubts(&mut self) {
        let doubts = crate::story::lint::doubts(&self.full, &self.detail.texts);
        self.detail.doubts = std::sync::Arc::new(doubts);
        // A doubt's line moves the links below it: lay the record out again.
        self.detail.layout = None;
    }

    /// What Detail's document is built from.
    pub fn detail_source(&self) -> DetailSource<'_> {
        DetailSource {
            story: &self.story,
            clock: self.clock(),
            // Filtered rows count only the facts about one entity: Detail counts all.
            source_rows: match self.panes.filter {
                None => &self.panes.source_rows,
                Some(_) => &[],
            },
            texts: &self.detail.texts,
            doubts: &self.detail.doubts,
            open_passage: self.detail.open_passage,
            new_since: self.new_since.as_ref(),
        }
    }
}
