//! The search overlay's state on the explorer: the query and its hits, the index built
//! on first use, and the worker that searches big stories off the input thread.

use std::sync::Arc;

use crate::story::query::{SearchHit, SearchIndex, SearchWorker, build_index};

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
    /// The search index: the one built in the background once it is ready, or built
    /// here on first use when no build was started (tests, a failed spawn). None while
    /// the background build runs: the key that asked is not held up.
    pub(crate) fn search_index(&mut self) -> Option<&Arc<SearchIndex>> {
        self.collect_index();
        if self.overlay.index.is_none() {
            if self.index_pending() {
                return None;
            }
            self.install_index(build_index(&self.story));
        }
        self.overlay.index.as_ref()
    }

    /// Starts building the search index on another thread, unless it exists or is
    /// being built; the explorer calls this after each frame.
    pub fn start_index_build(&mut self) {
        if self.overlay.index.is_some() || self.overlay.index_build.is_some() {
            return;
        }
        let story = self.story.clone();
        let (sender, receiver) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("search-index".to_owned())
            .spawn(move || {
                let index = build_index(&story);
                crate::allocator::give_back_freed_memory();
                // The receiver is gone when the story changed meanwhile.
                let _ = sender.send(index);
            });
        // Without a thread the index is built on first use, as before.
        if spawned.is_ok() {
            self.overlay.index_build = Some(receiver);
        }
    }

    /// Takes the index built in the background if it is ready; true when it arrived.
    pub fn collect_index(&mut self) -> bool {
        let Some(receiver) = &self.overlay.index_build else {
            return false;
        };
        match receiver.try_recv() {
            Ok(index) => {
                self.overlay.index_build = None;
                self.install_index(index);
                true
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            // The builder died (it should not): build on first use instead.
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.overlay.index_build = None;
                false
            }
        }
    }

    /// True while the index is being built in the background.
    pub fn index_pending(&self) -> bool {
        self.overlay.index_build.is_some()
    }

    /// Keeps `index`, with its worker thread when it is big.
    fn install_index(&mut self, index: SearchIndex) {
        let index = Arc::new(index);
        if index.len() > self.overlay.background_search_names {
            self.overlay.search_worker = Some(SearchWorker::new(Arc::clone(&index)));
        }
        self.overlay.index = Some(index);
    }

    /// Drops the index, its worker and any build under way, after the story changed.
    pub(crate) fn forget_search_index(&mut self) {
        self.overlay.index = None;
        self.overlay.search_worker = None;
        self.overlay.index_build = None;
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
        if self.search_index().is_none() {
            // Searched when the index arrives (`update::poll_search`).
            self.overlay.search.hits.clear();
            self.overlay.search.selected = 0;
            return;
        }
        match &self.overlay.search_worker {
            // The typed character shows now; the hits follow when `poll_search` sees them.
            Some(worker) => {
                worker.submit(&query, SEARCH_LIMIT);
                return;
            }
            None => {
                if let Some(index) = self.search_index() {
                    self.overlay.search.hits = index.search(&query, SEARCH_LIMIT);
                }
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
