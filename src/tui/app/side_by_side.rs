//! Work done side by side on threads of their own, for the preparations that hold a
//! reload (and an opening, and a change of filter) up: the list panes' rows are four
//! independent passes over the story (the sources' fact counts walk every citation,
//! the metrics' rows format every metric, the timeline's order sorts every event), and
//! the doubts one more. One after the other they were 33 ms of a 100k-event reload on
//! one core while the other idled (BENCHMARKS.md, issue 23, fourth stop). A thread
//! that cannot be started leaves its work to the caller's thread.

use std::thread::{Builder, Scope, ScopedJoinHandle};

use crate::story::Story;
use crate::story::query::views::{CandidateRow, MetricRow, SourceRow, ViewFilter};

/// Work started beside the caller's, or already done (no thread could start).
pub(crate) enum Beside<'scope, T> {
    Running(ScopedJoinHandle<'scope, T>),
    Done(T),
}

/// Starts `work` on a thread of `scope`; on this thread at once if none will start.
/// `work` is `Copy` (it holds only references and small values) so that it is still
/// there to run when the thread is refused.
pub(crate) fn beside<'scope, T: Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + Copy + 'scope,
) -> Beside<'scope, T> {
    match Builder::new()
        .name("prepare".to_owned())
        .spawn_scoped(scope, work)
    {
        Ok(running) => Beside::Running(running),
        Err(_) => Beside::Done(work()),
    }
}

impl<T> Beside<'_, T> {
    /// The work's result, once it is done. A panic in it (a bug) goes on here, where
    /// the caller's own would have.
    pub(crate) fn finish(self) -> T {
        match self {
            Beside::Running(running) => running
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Beside::Done(result) => result,
        }
    }
}

/// The four list panes' rows for `filter`.
#[derive(Debug)]
pub(crate) struct PaneRows {
    pub(crate) timeline: Vec<usize>,
    pub(crate) candidates: Vec<CandidateRow>,
    pub(crate) metrics: Vec<MetricRow>,
    pub(crate) sources: Vec<SourceRow>,
}

/// The list panes' rows of `story` narrowed by `filter`, the three dearest passes side
/// by side: the sources' and the metrics' rows each on a thread, the timeline's order
/// and the candidates' rows on this one.
pub(crate) fn pane_rows(story: &Story, filter: ViewFilter) -> PaneRows {
    std::thread::scope(|scope| {
        let sources = beside(scope, || match filter.entity {
            Some(entity) => story.source_rows_about(entity),
            None => story.source_rows(),
        });
        let metrics = beside(scope, || story.metric_rows(filter));
        let timeline = story.timeline_events(filter);
        let candidates = story.candidate_rows(filter);
        PaneRows {
            timeline,
            candidates,
            metrics: metrics.finish(),
            sources: sources.finish(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{beside, pane_rows};
    use crate::story::query::views::ViewFilter;

    #[test]
    fn the_rows_side_by_side_are_the_rows_one_after_another() {
        let story = crate::story::embedded().unwrap();
        let filters = [None, Some(0), Some(story.file.entities.len() - 1)];
        for entity in filters {
            let filter = ViewFilter { entity };
            let rows = pane_rows(&story, filter);
            let sources = match entity {
                Some(entity) => story.source_rows_about(entity),
                None => story.source_rows(),
            };
            assert_eq!(rows.timeline, story.timeline_events(filter), "{entity:?}");
            let one_by_one = (story.candidate_rows(filter), story.metric_rows(filter));
            assert_eq!(
                format!("{:?}", (&rows.candidates, &rows.metrics, &rows.sources)),
                format!("{:?}", (&one_by_one.0, &one_by_one.1, &sources)),
                "{entity:?}"
            );
        }
    }

    #[test]
    fn work_beside_runs_on_another_thread_and_its_panic_reaches_the_caller() {
        let caller = std::thread::current().id();
        let ran_on =
            std::thread::scope(|scope| beside(scope, || std::thread::current().id()).finish());
        assert_ne!(ran_on, caller, "the work ran on the caller's thread");
        let panicked = std::panic::catch_unwind(|| {
            std::thread::scope(|scope| beside(scope, || panic!("a bug in the rows")).finish())
        });
        assert!(panicked.is_err(), "a panic beside was lost");
    }
}
