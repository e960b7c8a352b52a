//! The list panes' part of the explorer's state: which pane has focus, each list's
//! rows and cursor, and the two view switches (the entity filter, the chart).

use crate::story::query::metric_rows::MetricRow;
use crate::story::query::views::{CandidateRow, SourceRow};

use super::panes::{ListCursor, Pane};

/// Focus and the rows of the four list panes.
#[derive(Debug)]
pub struct PaneState {
    /// The pane the keys act on.
    pub focus: Pane,
    /// The list pane focused last: Detail shows its selection while Detail has focus.
    pub origin_pane: Pane,
    /// One cursor per list pane, in `Pane::LISTS` order.
    pub(crate) lists: [ListCursor; 4],
    /// The timeline's events in order (arena indexes); rows are built only for what
    /// is drawn, so a story of 100k events opens at once.
    pub timeline_events: Vec<usize>,
    /// The candidates pane's rows.
    pub candidate_rows: Vec<CandidateRow>,
    /// The metrics pane's rows.
    pub metric_rows: Vec<MetricRow>,
    /// The sources pane's rows.
    pub source_rows: Vec<SourceRow>,
    /// Every list pane narrowed to this entity: the timeline to its events, the
    /// candidates to candidacies it is candidate or chooser in, the metrics to those
    /// about or stated by it, the sources to those behind the facts about it.
    pub filter: Option<usize>,
    /// The metrics pane draws bars instead of its list.
    pub chart: bool,
    /// The focused pane takes the whole screen (below the title bar, above the status
    /// bar), as lazygit's screen mode does.
    pub zoomed: bool,
}

impl Default for PaneState {
    fn default() -> PaneState {
        PaneState {
            focus: Pane::Timeline,
            origin_pane: Pane::Timeline,
            lists: [ListCursor::default(); 4],
            timeline_events: Vec::new(),
            candidate_rows: Vec::new(),
            metric_rows: Vec::new(),
            source_rows: Vec::new(),
            filter: None,
            chart: false,
            zoomed: false,
        }
    }
}
