//! The list panes' rows made from the story, for a big story on two threads: the
//! timeline's order and the candidates here, the metrics' and sources' rows beside
//! (at 100k events about 7 and 8 ms).

use crate::story::Story;
use crate::story::beside::here_and_beside;
use crate::story::query::views::{CandidateRow, MetricRow, SourceRow, ViewFilter};

/// Stories with fewer events make their rows on one thread: a thread costs more than
/// it saves there, and a small story's refresh (a filter key) stays on the UI thread.
const SECOND_THREAD_FROM_EVENTS: usize = 20_000;

/// Every list pane's rows under one filter.
pub(crate) struct ListRows {
    pub(crate) timeline: Vec<usize>,
    pub(crate) candidates: Vec<CandidateRow>,
    pub(crate) metrics: Vec<MetricRow>,
    pub(crate) sources: Vec<SourceRow>,
}

/// The rows of `story`'s list panes under `filter`.
pub(crate) fn list_rows(story: &Story, filter: ViewFilter) -> ListRows {
    list_rows_from(story, filter, SECOND_THREAD_FROM_EVENTS)
}

/// As `list_rows`, with a second thread from `second_thread_from` events on.
pub(crate) fn list_rows_from(
    story: &Story,
    filter: ViewFilter,
    second_thread_from: usize,
) -> ListRows {
    let sources_and_metrics = || {
        let sources = match filter.entity {
            Some(entity) => story.source_rows_about(entity),
            None => story.source_rows(),
        };
        (sources, story.metric_rows(filter))
    };
    let timeline_and_candidates = || (story.timeline_events(filter), story.candidate_rows(filter));
    let ((timeline, candidates), (sources, metrics)) =
        if story.file.events.len() < second_thread_from {
            (timeline_and_candidates(), sources_and_metrics())
        } else {
            here_and_beside(timeline_and_candidates, sources_and_metrics)
        };
    ListRows {
        timeline,
        candidates,
        metrics,
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows are the same whichever thread makes them, with and without a filter.
    #[test]
    fn rows_made_on_two_threads_are_the_rows_made_on_one() {
        let story = crate::synth::generated_story(300, 40, 11);
        for entity in [None, Some(0), Some(7)] {
            let filter = ViewFilter { entity };
            let one = list_rows_from(&story, filter, usize::MAX);
            let two = list_rows_from(&story, filter, 0);
            assert_eq!(one.timeline, two.timeline);
            assert_eq!(one.candidates, two.candidates);
            assert_eq!(one.metrics, two.metrics);
            assert_eq!(one.sources, two.sources);
            assert!(!one.timeline.is_empty() && !one.sources.is_empty());
        }
    }
}
