//! The rows made side by side are the rows made one after another; each part runs on
//! a helper apart from the asking thread, the same helper every time, and a panic in
//! it reaches the asking thread.

use super::{Helper, beside, pane_rows};
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
fn each_part_runs_on_its_own_helper_every_time() {
    let asking = std::thread::current().id();
    let on = |helper| beside(helper, || std::thread::current().id()).finish();
    let (first, second) = (on(Helper::First), on(Helper::Second));
    assert_ne!(first, asking, "the work ran on the asking thread");
    assert_ne!(first, second, "two parts shared a helper");
    for _ in 0..3 {
        assert_eq!(on(Helper::First), first, "a new thread did the first part");
        assert_eq!(
            on(Helper::Second),
            second,
            "a new thread did the second part"
        );
    }
    // Another asking thread has helpers of its own.
    let elsewhere = std::thread::spawn(move || on(Helper::First))
        .join()
        .unwrap();
    assert_ne!(elsewhere, first, "two asking threads shared a helper");
}

#[test]
fn a_panic_in_a_part_reaches_the_asking_thread_and_the_helper_goes_on() {
    let panicked = std::panic::catch_unwind(|| beside(Helper::First, || panic!("a bug")).finish());
    assert!(panicked.is_err(), "a panic in a part was lost");
    assert_eq!(beside(Helper::First, || 7).finish(), 7);
}
