//! The explorer's state: the story (and its as-of narrowing), focus, mode, one small
//! state per pane, the detail trail, search, and the transient status message.

use std::path::PathBuf;
use std::sync::Arc;

use crate::story::model::date::{DateSpec, DayNumber};
use crate::story::query::views::{
    CandidateRow, Clock, MetricRow, SourceRow, TimelineRow, ViewFilter,
};
use crate::story::search::{SearchIndex, SearchWorker};
use crate::story::{RecordRef, Story};

mod as_of;
mod as_of_steps;
mod search;

use crate::tui::detail::{DetailLayout, DetailSource};
pub use crate::tui::panes::{ListCursor, Pane};
use crate::tui::trail::Trail;
pub(crate) use search::BACKGROUND_SEARCH_NAMES;
pub use search::SearchState;

/// What the keys act on: the panes, or an overlay over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The panes.
    Normal,
    /// The search overlay: typing goes into the query.
    Search,
    /// Help, the command palette: typing filters the commands.
    Help,
}

/// How the status line shows a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    /// What just happened ("copied …", "as of 12 Feb 2025 …").
    Info,
    /// What could not be done, and why.
    Error,
}

/// Everything the screen shows, and nothing about the terminal itself.
pub struct App {
    /// The whole story as loaded.
    pub full: Story,
    /// The story as of `as_of` (the whole story when None).
    pub story: Story,
    /// The date the story is shown as of; None for every source.
    pub as_of: Option<DateSpec>,
    /// The reader's today, for what is overdue when no as-of date is set.
    pub(crate) today: DayNumber,
    /// Built when search is first used (not at start, which it would slow), and
    /// dropped whenever the story changes.
    pub index: Option<Arc<SearchIndex>>,
    /// Searches off the input thread once the index is big enough that a search could
    /// outlast a frame; None for smaller stories, which search in place.
    pub search_worker: Option<SearchWorker>,
    /// Index size from which search runs on the worker (a field so tests can lower it).
    pub background_search_names: usize,
    /// The pane the keys act on.
    pub focus: Pane,
    /// The list pane focused last: Detail shows its selection while Detail has focus.
    pub origin_pane: Pane,
    /// Whether keys go to the panes, the search overlay or help.
    pub mode: Mode,
    /// One cursor per list pane, in `Pane::LISTS` order.
    pub(crate) lists: [ListCursor; 4],
    /// The timeline's events in order (arena indexes); rows are built only for what
    /// is drawn, so a story of 100k events opens at once.
    pub timeline_events: Vec<usize>,
    /// Width of the widest metric value, for the metrics pane's first column.
    pub(crate) metric_value_cols: usize,
    /// Width of the widest candidate's name (at most 18), for the candidates pane.
    pub(crate) candidate_name_cols: usize,
    /// The candidates pane's rows.
    pub candidate_rows: Vec<CandidateRow>,
    /// The metrics pane's rows.
    pub metric_rows: Vec<MetricRow>,
    /// The sources pane's rows.
    pub source_rows: Vec<SourceRow>,
    /// Timeline narrowed to this entity's events.
    pub filter: Option<usize>,
    /// The metrics pane draws bars instead of its list.
    pub chart: bool,
    /// The records followed in Detail.
    pub trail: Trail,
    /// Which link in Detail the cursor is on.
    pub detail_link: usize,
    /// First Detail line shown.
    pub detail_scroll: usize,
    /// The sources' article texts, for showing a citation's paragraph.
    pub texts: Arc<crate::story::graph::passage::SourceTexts>,
    /// The citation whose paragraph Detail shows open: (record, citation's place
    /// among the record's citations).
    pub(crate) open_passage: Option<(RecordRef, usize)>,
    /// Where Detail's links fall, for the record and width it was laid out at; keys
    /// reuse it instead of laying the record out again. `refresh_rows` forgets it.
    pub detail_layout: Option<DetailLayout>,
    /// The search overlay's query and hits.
    pub search: SearchState,
    /// The help overlay's filter and highlighted command.
    pub palette: crate::tui::palette::PaletteState,
    /// The keys as bound in this session (defaults plus the user's config).
    pub keymap: crate::tui::keymap::Keymap,
    /// The status line's message, until the next key.
    pub message: Option<(String, MessageKind)>,
    /// What is new at the date shown, since the previous publication date.
    pub new_since: Option<crate::tui::new_since::NewSince>,
    /// Terminal size at the last resize; paging and layout use it.
    pub size: (u16, u16),
    /// Where `e` writes its Markdown files.
    pub(crate) export_dir: PathBuf,
    /// The story's file, for the editor key; None for the embedded story.
    pub story_file: Option<PathBuf>,
    /// Why the file on disk does not load, while the last good story stays shown.
    pub broken_file: Option<crate::tui::broken_file::BrokenFile>,
    /// Set by quit: the event loop ends after this key.
    pub should_quit: bool,
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
            today,
            index: None,
            search_worker: None,
            background_search_names: BACKGROUND_SEARCH_NAMES,
            focus: Pane::Timeline,
            origin_pane: Pane::Timeline,
            mode: Mode::Normal,
            lists: [ListCursor::default(); 4],
            timeline_events: Vec::new(),
            metric_value_cols: 0,
            candidate_name_cols: 0,
            candidate_rows: Vec::new(),
            metric_rows: Vec::new(),
            source_rows: Vec::new(),
            filter: None,
            chart: false,
            trail: Trail::default(),
            detail_link: 0,
            detail_scroll: 0,
            texts: Arc::default(),
            open_passage: None,
            detail_layout: None,
            search: SearchState::default(),
            palette: Default::default(),
            keymap: Default::default(),
            message: None,
            new_since: None,
            size: (160, 45),
            export_dir: PathBuf::from("."),
            story_file: None,
            broken_file: None,
            should_quit: false,
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
        Clock::at(self.as_of, self.today)
    }

    /// Rebuilds every pane's rows after the story, as-of date or filter changed, and
    /// clamps the selections.
    pub(crate) fn refresh_rows(&mut self) {
        self.detail_layout = None;
        self.timeline_events = self.story.timeline_events(ViewFilter {
            entity: self.filter,
        });
        self.candidate_rows = self.story.candidate_rows(ViewFilter::default());
        self.metric_rows = self.story.metric_rows(ViewFilter::default());
        self.source_rows = self.story.source_rows();
        self.candidate_name_cols = self
            .candidate_rows
            .iter()
            .map(|r| crate::story::safe_text::width(&r.name) + usize::from(r.undescribed))
            .max()
            .unwrap_or(0)
            .clamp(4, 18);
        self.metric_value_cols = self
            .metric_rows
            .iter()
            .map(|r| crate::story::safe_text::width(&r.value))
            .max()
            .unwrap_or(10);
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
        let &event = self.timeline_events.get(index)?;
        Some(self.story.timeline_row(event, self.clock()))
    }

    pub(crate) fn rows_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Timeline => self.timeline_events.len(),
            Pane::Candidates => self.candidate_rows.len(),
            Pane::Metrics => self.metric_rows.len(),
            Pane::Sources => self.source_rows.len(),
            Pane::Detail => 0,
        }
    }

    /// A list pane's cursor (the default one for Detail, which has none).
    pub fn cursor(&self, pane: Pane) -> ListCursor {
        pane.list_index()
            .map_or_else(ListCursor::default, |index| self.lists[index])
    }

    pub(crate) fn cursor_mut(&mut self, pane: Pane) -> Option<&mut ListCursor> {
        pane.list_index().map(|index| &mut self.lists[index])
    }

    /// The record selected in a list pane.
    pub fn selected_record(&self, pane: Pane) -> Option<RecordRef> {
        self.selected_record_at(pane, self.cursor(pane).selected)
    }

    /// The record on row `row` of a list pane.
    pub fn selected_record_at(&self, pane: Pane, row: usize) -> Option<RecordRef> {
        match pane {
            Pane::Timeline => self
                .timeline_events
                .get(row)
                .map(|&event| RecordRef::Event(event)),
            Pane::Candidates => self
                .candidate_rows
                .get(row)
                .map(|r| RecordRef::Candidacy(r.candidacy)),
            Pane::Metrics => self
                .metric_rows
                .get(row)
                .map(|r| RecordRef::Metric(r.metric)),
            Pane::Sources => self
                .source_rows
                .get(row)
                .map(|r| RecordRef::Source(r.source)),
            Pane::Detail => None,
        }
    }

    /// The list pane Detail follows when nothing was followed: the focused list, or the
    /// Timeline when Detail itself is focused.
    pub(crate) fn last_list_pane(&self) -> Pane {
        if self.focus.is_list() {
            self.focus
        } else {
            self.origin_pane
        }
    }

    /// What Detail shows.
    pub fn detail_target(&self) -> Option<RecordRef> {
        self.trail
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
            self.origin_pane = pane;
            if self.trail.reset() {
                self.reset_detail_cursor();
            }
        }
        self.focus = pane;
    }

    /// Puts Detail's cursor back on its first link, scrolled to the top.
    pub(crate) fn reset_detail_cursor(&mut self) {
        self.detail_link = 0;
        self.detail_scroll = 0;
    }

    /// Detail shows the list's selection again, from its top.
    pub(crate) fn start_over(&mut self) {
        self.trail.reset();
        self.reset_detail_cursor();
    }

    /// Shows `text` on the status line until the next key.
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), MessageKind::Info));
    }

    /// Shows `text` as an error on the status line until the next key.
    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), MessageKind::Error));
    }

    /// What Detail's document is built from.
    pub fn detail_source(&self) -> DetailSource<'_> {
        DetailSource {
            story: &self.story,
            clock: self.clock(),
            source_rows: &self.source_rows,
            texts: &self.texts,
            open_passage: self.open_passage,
            new_since: self.new_since.as_ref(),
        }
    }
}
