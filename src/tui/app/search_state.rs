//! The search overlay's state on the explorer: the query and its hits, the index built
//! on first use, and the worker that searches big stories off the input thread.

use std::sync::Arc;

use crate::story::search::{SearchHit, SearchIndex, SearchWorker};

use crate::tui::app::App;

/// Above this many names a search may take longer than a frame (see the search rows of
/// BENCHMARKS.md), so it runs on the search worker.
pub(crate) const BACKGROUND_SEARCH_NAMES: usize = 300_000;

/// Results the search overlay keeps for a query.
const SEARCH_LIMIT: usize = 200;

/// What the search overlay shows.
#[derive(Debug, Default)]
pub struct SearchState {
    /// The query as typed.
    pub query: String,
    /// The hits for `query`, best first (those of an earlier query while the worker
    /// searches).
    pub hits: Vec<SearchHit>,
    /// The highlighted hit.
    pub selected: usize,
}

impl App {
    /// The search index, built on first use, with its worker thread when it is big.
    pub(crate) fn search_index(&mut self) -> &Arc<SearchIndex> {
        if self.overlay.index.is_none() {
            let index = Arc::new(SearchIndex::build(&self.story));
            if index.len() > self.overlay.background_search_names {
                self.overlay.search_worker = Some(SearchWorker::new(Arc::clone(&index)));
            }
            self.overlay.index = Some(index);
        }
        self.overlay.index.as_ref().expect("just built")
    }

    /// Drops the index and its worker, after the story changed.
    pub(crate) fn forget_search_index(&mut self) {
        self.overlay.index = None;
        self.overlay.search_worker = None;
    }

    /// Searches for the query typed: in place, or on the worker for a big index, whose
    /// hits `update::poll_search` picks up.
    pub(crate) fn run_search(&mut self) {
        if self.overlay.search.query.trim().is_empty() {
            self.overlay.search.hits.clear();
            self.overlay.search.selected = 0;
            return;
        }
        let query = self.overlay.search.query.clone();
        self.search_index();
        match &self.overlay.search_worker {
            // The typed character shows now; the hits follow when `poll_search` sees them.
            Some(worker) => {
                worker.submit(&query, SEARCH_LIMIT);
                return;
            }
            None => {
                self.overlay.search.hits = self.search_index().search(&query, SEARCH_LIMIT);
            }
        }
        self.overlay.search.selected = 0;
    }

    /// Searches the current story again for the query typed, after the story changed:
    /// the old hits point into the old story's arenas, so none is kept meanwhile.
    pub(crate) fn rerun_search(&mut self) {
        self.overlay.search.hits.clear();
        self.overlay.search.selected = 0;
        self.run_search();
    }
}
