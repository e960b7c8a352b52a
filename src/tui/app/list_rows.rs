//! The list panes' rows made from the story, for a big story on two threads: half the
//! metrics' rows beside, everything else here (at 100k events about 4 and 3 ms, the
//! timeline's order made by `build` for a story loaded to be shown).

use crate::story::Story;
use crate::story::beside::here_and_beside;
use crate::story::query::metric_rows::MetricRow;
use crate::story::query::views::{CandidateRow, SourceRow, ViewFilter};

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
    let metrics = story.metric_indexes(filter);
    if story.file.events.len() < second_thread_from {
        return rows_here(story, filter, &metrics, &[]);
    }
    // The metrics' rows cost most (5 ms for 4,000 at 100k events), the others little
    // once `build` has sorted the timeline: half the metrics go beside.
    let (front, back) = metrics.split_at(metrics.len() / 2);
    let (mut rows, back) = here_and_beside(
        || rows_here(story, filter, front, back),
        || story.metric_rows_of(back),
    );
    rows.metrics.extend(back);
    rows
}

/// Every pane's rows but those of the metrics in `left_out`: the metrics' come from
/// `metrics`, with room kept for the rest.
fn rows_here(story: &Story, filter: ViewFilter, metrics: &[usize], left_out: &[usize]) -> ListRows {
    let mut metric_rows = Vec::with_capacity(metrics.len() + left_out.len());
    metric_rows.extend(metrics.iter().map(|&i| story.metric_row(i)));
    ListRows {
        timeline: story.timeline_events(filter),
        candidates: story.candidate_rows(filter),
        metrics: metric_rows,
        sources: match filter.entity {
            Some(entity) => story.source_rows_about(entity),
            None => story.source_rows(),
        },
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
