//! The rows each view shows (timeline, candidates, metrics, disputes, sources), built
//! from the graph with filters applied, how candidacies are named, and how a citation
//! and a status read. The screen and the exports both read these; neither computes
//! rows of its own. Search is the `storyscope-search` crate; `search_adapter` feeds it
//! the story's names.

pub(crate) mod candidacy;
pub(crate) mod citation;
pub(crate) mod metric_rows;
pub(crate) mod search_adapter;
pub(crate) mod views;

pub use crate::story::graph::status_history::status_text;
pub use citation::citation_text;
pub use search_adapter::{
    MatchTier, NameKind, SearchEntry, SearchHit, SearchIndex, SearchKey, SearchResults,
    SearchWorker, ShownName, build_index, search_entries, shown_name,
};
pub use views::{Clock, ViewFilter, metric_value_text};
