//! The explorer's state: the story (and its as-of narrowing), focus, mode, one small
//! state per pane, the detail trail, search, and the transient status message.

use std::path::PathBuf;
use std::sync::Arc;

use crate::story::date::{DateSpec, DayNumber};
use crate::story::search::{SearchHit, SearchIndex, SearchWorker};
use crate::story::views::{CandidateRow, Clock, MetricRow, SourceRow, TimelineRow, ViewFilter};
use crate::story::{RecordRef, Story};

use super::detail::{DetailLayout, DetailSource};

/// Above this many names a search may take longer than a frame (BENCHMARKS.md: p95
/// 8.7 ms at 113k names, 30 ms at 1M), so it runs on the search worker.
pub const BACKGROUND_SEARCH_NAMES: usize = 300_000;

/// The panes, in Tab order; the number keys 1–5 follow this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Timeline,
    Candidates,
    Metrics,
    Sources,
    Detail,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Timeline,
        Pane::Candidates,
        Pane::Metrics,
        Pane::Sources,
        Pane::Detail,
    ];

    /// The pane's own name; `App::pane_title` gives the story's title for candidates.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Candidates => crate::story::candidacy::DEFAULT_CANDIDATES_TITLE,
            Pane::Metrics => "Cited metrics",
            Pane::Sources => "Sources",
            Pane::Detail => "Detail",
        }
    }

    /// For the tab bar of narrow terminals.
    pub fn short_title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Candidates => "Candidates",
            Pane::Metrics => "Metrics",
            Pane::Sources => "Sources",
            Pane::Detail => "Detail",
        }
    }

    pub fn number(self) -> u8 {
        Pane::ALL
            .iter()
            .position(|&p| p == self)
            .map_or(1, |i| i as u8 + 1)
    }

    pub fn is_list(self) -> bool {
        self != Pane::Detail
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Search,
    Help,
}

/// Selection and scroll of one list pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    /// First visible row; kept so the selection stays in view with little movement.
    pub offset: usize,
}

impl ListCursor {
    /// Moves by `delta` rows within `len`, clamping at the ends.
    pub fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let target = self.selected as isize + delta;
        self.selected = target.clamp(0, len as isize - 1) as usize;
    }

    /// Adjusts `offset` so the selection is inside a window of `height` rows.
    pub fn scroll_into_view(&mut self, height: usize, len: usize) {
        if height == 0 {
            return;
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Error,
}

#[derive(Debug, Default)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<SearchHit>,
    pub selected: usize,
}

/// Everything the screen shows, and nothing about the terminal itself.
pub struct App {
    /// The whole story as loaded.
    pub full: Story,
    /// The story as of `as_of` (the whole story when None).
    pub story: Story,
    pub as_of: Option<DateSpec>,
    pub today: DayNumber,
    /// Built when search is first used (not at start: 40 ms at 100k events), and
    /// dropped whenever the story changes.
    pub index: Option<Arc<SearchIndex>>,
    /// Searches off the input thread once the index is big enough that a search could
    /// outlast a frame; None for smaller stories, which search in place.
    pub search_worker: Option<SearchWorker>,
    /// Index size from which search runs on the worker (a field so tests can lower it).
    pub background_search_names: usize,
    pub focus: Pane,
    /// The list pane focused last: Detail shows its selection while Detail has focus.
    pub origin_pane: Pane,
    pub mode: Mode,
    pub timeline: ListCursor,
    pub candidates: ListCursor,
    pub metrics: ListCursor,
    pub sources: ListCursor,
    /// The timeline's events in order (arena indexes); rows are built only for what
    /// is drawn, so a story of 100k events opens at once.
    pub timeline_events: Vec<usize>,
    /// Width of the widest metric value, for the metrics pane's first column.
    pub metric_value_cols: usize,
    /// Width of the widest candidate's name (at most 18), for the candidates pane.
    pub candidate_name_cols: usize,
    pub candidate_rows: Vec<CandidateRow>,
    pub metric_rows: Vec<MetricRow>,
    pub source_rows: Vec<SourceRow>,
    /// Timeline narrowed to this entity's events.
    pub filter: Option<usize>,
    pub chart: bool,
    /// The record Detail shows when the user followed a link; None shows the selection.
    pub followed: Option<RecordRef>,
    /// Records visited before `followed`, oldest first: the breadcrumb.
    pub trail: Vec<RecordRef>,
    /// The list pane the trail started from, first in the breadcrumb.
    pub trail_start: Pane,
    pub forward: Vec<RecordRef>,
    /// Which link in Detail the cursor is on.
    pub detail_link: usize,
    /// First Detail line shown.
    pub detail_scroll: usize,
    /// The sources' article texts, for showing a citation's paragraph.
    pub texts: Arc<crate::story::passage::SourceTexts>,
    /// The citation whose paragraph Detail shows open: (record, citation's place
    /// among the record's citations).
    pub open_passage: Option<(RecordRef, usize)>,
    /// Where Detail's links fall, for the record and width it was laid out at; keys
    /// reuse it instead of laying the record out again. `refresh_rows` forgets it.
    pub detail_layout: Option<DetailLayout>,
    pub search: SearchState,
    /// The help overlay's filter and highlighted command.
    pub palette: super::palette::PaletteState,
    /// The keys as bound in this session (defaults plus the user's config).
    pub keymap: super::keymap::Keymap,
    pub message: Option<(String, MessageKind)>,
    /// What is new at the date shown, since the previous publication date.
    pub new_since: Option<super::new_since::NewSince>,
    /// Terminal size at the last resize; paging and layout use it.
    pub size: (u16, u16),
    pub export_dir: PathBuf,
    /// The story's file, for the editor key; None for the embedded story.
    pub story_file: Option<PathBuf>,
    /// Why the file on disk does not load, while the last good story stays shown.
    pub broken_file: Option<super::reload::BrokenFile>,
    pub color: bool,
    pub should_quit: bool,
}

impl App {
    /// An explorer on `full`, as of `as_of`. Should narrowing fail (a bug), it opens on
    /// every source, says so in the title bar, and shows why: never the whole story
    /// under a date.
    pub fn new(full: Story, as_of: Option<DateSpec>, today: DayNumber) -> App {
        let (story, as_of, failure) = match as_of.map(|date| full.as_of(date.latest())) {
            Some(Ok(story)) => (story, as_of, None),
            Some(Err(err)) => (full.clone(), None, Some(err.to_string())),
            None => (full.clone(), None, None),
        };
        let mut app = App {
            full,
            story,
            as_of,
            today,
            index: None,
            search_worker: None,
            background_search_names: BACKGROUND_SEARCH_NAMES,
            focus: Pane::Timeline,
            origin_pane: Pane::Timeline,
            mode: Mode::Normal,
            timeline: ListCursor::default(),
            candidates: ListCursor::default(),
            metrics: ListCursor::default(),
            sources: ListCursor::default(),
            timeline_events: Vec::new(),
            metric_value_cols: 0,
            candidate_name_cols: 0,
            candidate_rows: Vec::new(),
            metric_rows: Vec::new(),
            source_rows: Vec::new(),
            filter: None,
            chart: false,
            followed: None,
            trail: Vec::new(),
            trail_start: Pane::Timeline,
            forward: Vec::new(),
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
            color: true,
            should_quit: false,
        };
        if let Some(failure) = failure {
            app.error(failure);
        }
        app.refresh_rows();
        app.refresh_new_since();
        app
    }

    /// The title a pane shows: the story names its candidates pane (story text, so
    /// cleaned of anything a terminal would act on).
    pub fn pane_title(&self, pane: Pane) -> String {
        match pane {
            Pane::Candidates => crate::story::text::clean_line(self.story.candidates_title()),
            _ => pane.title().to_owned(),
        }
    }

    pub fn clock(&self) -> Clock {
        Clock {
            reference_day: self.as_of.map_or(self.today, |d| d.latest()),
        }
    }

    /// Rebuilds every pane's rows after the story, as-of date or filter changed, and
    /// clamps the selections.
    pub fn refresh_rows(&mut self) {
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
            .map(|r| crate::story::text::width(&r.name) + usize::from(r.undescribed))
            .max()
            .unwrap_or(0)
            .clamp(4, 18);
        self.metric_value_cols = self
            .metric_rows
            .iter()
            .map(|r| crate::story::text::width(&r.value))
            .max()
            .unwrap_or(10);
        for (cursor, len) in [
            (&mut self.timeline, self.timeline_events.len()),
            (&mut self.candidates, self.candidate_rows.len()),
            (&mut self.metrics, self.metric_rows.len()),
            (&mut self.sources, self.source_rows.len()),
        ] {
            cursor.step(0, len);
            cursor.offset = cursor.offset.min(cursor.selected);
        }
    }

    /// The search index, built on first use, with its worker thread when it is big.
    pub fn search_index(&mut self) -> &Arc<SearchIndex> {
        if self.index.is_none() {
            let index = Arc::new(SearchIndex::build(&self.story));
            if index.len() > self.background_search_names {
                self.search_worker = Some(SearchWorker::new(Arc::clone(&index)));
            }
            self.index = Some(index);
        }
        self.index.as_ref().expect("just built")
    }

    /// Drops the index and its worker, after the story changed.
    pub fn forget_search_index(&mut self) {
        self.index = None;
        self.search_worker = None;
    }

    /// The timeline row at `index`, built on demand.
    pub fn timeline_row(&self, index: usize) -> Option<TimelineRow> {
        let &event = self.timeline_events.get(index)?;
        Some(self.story.timeline_row(event, self.clock()))
    }

    pub fn rows_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Timeline => self.timeline_events.len(),
            Pane::Candidates => self.candidate_rows.len(),
            Pane::Metrics => self.metric_rows.len(),
            Pane::Sources => self.source_rows.len(),
            Pane::Detail => 0,
        }
    }

    pub fn cursor(&self, pane: Pane) -> ListCursor {
        match pane {
            Pane::Timeline => self.timeline,
            Pane::Candidates => self.candidates,
            Pane::Metrics => self.metrics,
            Pane::Sources => self.sources,
            Pane::Detail => ListCursor::default(),
        }
    }

    pub fn cursor_mut(&mut self, pane: Pane) -> Option<&mut ListCursor> {
        match pane {
            Pane::Timeline => Some(&mut self.timeline),
            Pane::Candidates => Some(&mut self.candidates),
            Pane::Metrics => Some(&mut self.metrics),
            Pane::Sources => Some(&mut self.sources),
            Pane::Detail => None,
        }
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
    pub fn last_list_pane(&self) -> Pane {
        if self.focus.is_list() {
            self.focus
        } else {
            self.origin_pane
        }
    }

    /// What Detail shows.
    pub fn detail_target(&self) -> Option<RecordRef> {
        self.followed
            .or_else(|| self.selected_record(self.last_list_pane()))
    }

    /// The entity a filter would use: the one in Detail, else the most central entity
    /// of the selected record.
    pub fn entity_in_focus(&self) -> Option<usize> {
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
            if self.followed.is_some() || !self.trail.is_empty() {
                self.followed = None;
                self.trail.clear();
                self.forward.clear();
                self.detail_link = 0;
                self.detail_scroll = 0;
            }
        }
        self.focus = pane;
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), MessageKind::Info));
    }

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
