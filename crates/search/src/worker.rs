//! Searching off the input thread, for indexes big enough (a million names) that a
//! search can outlast a frame: the explorer submits each query as it is typed, shows
//! the typed character at once, and polls for the hits. A newer query cancels the
//! search still running for an older one.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{Key, SearchHit, SearchIndex};

/// The hits for one submitted query.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults<K> {
    /// Which `submit` these answer.
    pub generation: u64,
    /// The query as submitted.
    pub query: String,
    /// The best hits, best first.
    pub hits: Vec<SearchHit<K>>,
}

/// A thread that runs the latest submitted query against a shared index.
pub struct SearchWorker<K: Key> {
    index: Arc<SearchIndex<K>>,
    shared: Arc<Shared<K>>,
    thread: Option<JoinHandle<()>>,
}

struct Request {
    generation: u64,
    query: String,
    limit: usize,
}

struct Shared<K> {
    /// Generation of the newest submitted query; a search for any other stops.
    latest: AtomicU64,
    stop: AtomicBool,
    request: Mutex<Option<Request>>,
    requested: Condvar,
    results: Mutex<Option<SearchResults<K>>>,
    /// Generation of the newest results stored.
    answered: AtomicU64,
    ready: Condvar,
}

// By hand: derived, it would ask for `K: Default`.
impl<K> Default for Shared<K> {
    fn default() -> Self {
        Shared {
            latest: AtomicU64::default(),
            stop: AtomicBool::default(),
            request: Mutex::default(),
            requested: Condvar::default(),
            results: Mutex::default(),
            answered: AtomicU64::default(),
            ready: Condvar::default(),
        }
    }
}

impl<K: Key> SearchWorker<K> {
    /// Starts the search thread over `index`. (If the thread cannot be started, queries
    /// are answered on the caller's thread instead.)
    pub fn new(index: Arc<SearchIndex<K>>) -> SearchWorker<K> {
        let shared = Arc::new(Shared::default());
        let thread = {
            let (index, shared) = (Arc::clone(&index), Arc::clone(&shared));
            std::thread::Builder::new()
                .name("storyscope-search".to_owned())
                .spawn(move || run(&index, &shared))
                .ok()
        };
        SearchWorker {
            index,
            shared,
            thread,
        }
    }

    /// The index this worker searches.
    pub fn index(&self) -> &Arc<SearchIndex<K>> {
        &self.index
    }

    /// Asks for the best `limit` hits for `query`; returns the request's generation.
    /// Never blocks on a search in progress: that search is told to stop.
    pub fn submit(&self, query: &str, limit: usize) -> u64 {
        let generation = self.shared.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let request = Request {
            generation,
            query: query.to_owned(),
            limit,
        };
        if self.thread.is_none() {
            // No thread could be started: answer in place rather than never.
            let hits = self.index.search(query, limit);
            self.store(SearchResults {
                generation,
                query: request.query,
                hits,
            });
            return generation;
        }
        if let Ok(mut slot) = self.shared.request.lock() {
            *slot = Some(request);
        }
        self.shared.requested.notify_one();
        generation
    }

    /// The hits for the newest query, once they are ready; None until then, and None
    /// again once taken. Never blocks.
    pub fn poll(&self) -> Option<SearchResults<K>> {
        let mut slot = self.shared.results.lock().ok()?;
        self.take_current(&mut slot)
    }

    /// Like `poll`, but waits up to `timeout` for the hits to be ready.
    pub fn wait(&self, timeout: Duration) -> Option<SearchResults<K>> {
        let slot = self.shared.results.lock().ok()?;
        let latest = || self.shared.latest.load(Ordering::SeqCst);
        let (mut slot, _) = self
            .shared
            .ready
            .wait_timeout_while(slot, timeout, |r| {
                r.as_ref().is_none_or(|r| r.generation != latest())
            })
            .ok()?;
        self.take_current(&mut slot)
    }

    /// True while the newest query has no hits yet.
    pub fn is_pending(&self) -> bool {
        self.shared.answered.load(Ordering::SeqCst) != self.shared.latest.load(Ordering::SeqCst)
    }

    fn take_current(&self, slot: &mut Option<SearchResults<K>>) -> Option<SearchResults<K>> {
        let latest = self.shared.latest.load(Ordering::SeqCst);
        match slot.take() {
            Some(results) if results.generation == latest => Some(results),
            _ => None,
        }
    }

    fn store(&self, results: SearchResults<K>) {
        store(&self.shared, results);
    }
}

fn store<K>(shared: &Shared<K>, results: SearchResults<K>) {
    let generation = results.generation;
    if let Ok(mut slot) = shared.results.lock() {
        *slot = Some(results);
        shared.answered.store(generation, Ordering::SeqCst);
    }
    shared.ready.notify_all();
}

fn run<K: Key>(index: &SearchIndex<K>, shared: &Shared<K>) {
    loop {
        let request = {
            let Ok(slot) = shared.request.lock() else {
                return;
            };
            let Ok(mut slot) = shared
                .requested
                .wait_while(slot, |r| r.is_none() && !shared.stop.load(Ordering::SeqCst))
            else {
                return;
            };
            if shared.stop.load(Ordering::SeqCst) {
                return;
            }
            slot.take()
        };
        let Some(request) = request else { continue };
        let stale = || {
            shared.latest.load(Ordering::SeqCst) != request.generation
                || shared.stop.load(Ordering::SeqCst)
        };
        if let Some(hits) = index.search_until(&request.query, request.limit, &stale) {
            if !stale() {
                store(
                    shared,
                    SearchResults {
                        generation: request.generation,
                        query: request.query,
                        hits,
                    },
                );
            }
        }
    }
}

impl<K: Key> Drop for SearchWorker<K> {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Take the lock so the thread is either waiting (and gets the wake-up) or
        // about to check `stop`.
        drop(self.shared.request.lock());
        self.shared.requested.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MatchTier;
    use crate::fixture::synthetic;

    #[test]
    fn answers_the_newest_query() {
        let index = Arc::new(synthetic().index());
        let worker = SearchWorker::new(Arc::clone(&index));
        assert!(!worker.is_pending());
        assert_eq!(worker.poll(), None);
        // Typed faster than searched: only the last query is answered.
        let mut last = 0;
        for typed in ["q", "qw", "qwe", "qwen"] {
            last = worker.submit(typed, 20);
        }
        let results = worker.wait(Duration::from_secs(10)).expect("an answer");
        assert_eq!(results.generation, last);
        assert_eq!(results.query, "qwen");
        assert_eq!(results.hits, index.search("qwen", 20));
        assert!(!worker.is_pending());
        // Taken once.
        assert_eq!(worker.poll(), None);
        // A typo is forgiven in the background too (the typo index is built there).
        worker.submit("tencnet", 20);
        let results = worker.wait(Duration::from_secs(10)).expect("an answer");
        assert_eq!(results.hits, index.search("tencnet", 20));
        assert!(results.hits.iter().any(|hit| hit.tier == MatchTier::Typo));
        drop(worker);
    }
}
