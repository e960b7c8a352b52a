//! The fast order is the order of the five-field keys, on one thread and on two, for
//! dates of every precision, ranges, approximations, ties, and days before 1970.

use super::*;
use crate::story::model::date::DateSpec;
use crate::synth::generated_story;

/// The order the plain sort of whole keys gives.
fn plain_order(events: &[Event]) -> Vec<usize> {
    let mut keys: Vec<Key> = (events.iter().enumerate())
        .map(|(index, event)| key_of(event, index))
        .collect();
    keys.sort_unstable();
    keys.iter().map(|&(.., index)| index).collect()
}

#[test]
fn the_packed_order_is_the_order_of_the_keys_on_one_thread_and_two() {
    for seed in [1, 2, 3] {
        let story = generated_story(2_000, 30, seed);
        let events = &story.file.events;
        let expected = plain_order(events);
        assert_eq!(
            events_by_date_with(events, usize::MAX),
            expected,
            "one thread"
        );
        assert_eq!(events_by_date_with(events, 0), expected, "two threads");
    }
}

#[test]
fn ties_and_old_dates_keep_the_keys_order() {
    let mut story = generated_story(40, 30, 9);
    let file = std::sync::Arc::make_mut(&mut story.file);
    // The same day in several precisions, ranges, approximations and pre-1970 days,
    // each twice (ties fall to file order).
    let dates = [
        "2024",
        "FY2024",
        "2024-01",
        "2024-Q1",
        "2024-01-01",
        "~2024-01-01",
        "2024-01-01/2024-01-05",
        "1969-12-31",
        "1901-03",
        "2024-01-01",
    ];
    for (event, date) in file.events.iter_mut().zip(dates.iter().cycle()) {
        event.date = DateSpec::parse(date).expect("a date");
    }
    let events = &file.events;
    let expected = plain_order(events);
    assert_eq!(events_by_date_with(events, usize::MAX), expected);
    assert_eq!(events_by_date_with(events, 0), expected);
}

#[test]
fn a_key_packs_in_the_order_of_its_fields() {
    let keys: Vec<Key> = vec![
        (-5, Precision::Day, -5, false, 3),
        (-5, Precision::Day, -5, true, 0),
        (0, Precision::FiscalYear, 364, false, 9),
        (0, Precision::Year, 300, false, 1),
        (0, Precision::Year, 364, false, 0),
        (1, Precision::FiscalYear, 0, false, 0),
    ];
    let numbers: Vec<u128> = keys.iter().map(|&key| packed(key).expect("fits")).collect();
    assert!(
        numbers.windows(2).all(|pair| pair[0] < pair[1]),
        "{numbers:x?}"
    );
    assert_eq!(packed((1 << 40, Precision::Day, 0, false, 0)), None);
}

/// The check runs once either way; from the threshold on, and when asked, the order
/// made beside it is the plain order; below it, or not asked, none is made.
#[test]
fn the_order_made_beside_the_check_is_the_plain_order() {
    let story = generated_story(2_000, 30, 4);
    let events = &story.file.events;
    let mut checks = 0;
    let (checked, order) = check_and_sort(events, (Sort::WhileChecking, 2_000), || {
        checks += 1;
        "checked"
    });
    assert_eq!((checked, order), ("checked", Some(plain_order(events))));
    let (_, below) = check_and_sort(events, (Sort::WhileChecking, 2_001), || checks += 1);
    let (_, not_asked) = check_and_sort(events, (Sort::OnFirstUse, 0), || checks += 1);
    assert_eq!((checks, below, not_asked), (3, None, None));
}
