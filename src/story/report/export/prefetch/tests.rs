//! The memory asked for ahead is that of the rows the right number of places on, and
//! asking never reads past the end of the rows.

use super::{POINTED_AHEAD, RECORD_AHEAD, Reads, pieces_ahead};

/// (start, length) of each piece asked for.
type Pieces = Vec<(usize, usize)>;

fn piece<T: ?Sized>(value: &T) -> (usize, usize) {
    (
        (value as *const T).cast::<u8>() as usize,
        size_of_val(value),
    )
}

#[test]
fn rows_ask_for_the_record_and_the_texts_of_the_events_ahead_and_no_further() {
    let story = crate::synth::generated_story(60, 12, 5);
    let order = story.events_by_date();
    let events = &story.file.events;
    // Every place in the list, the last rows included (nothing ahead of them).
    for at in 0..=order.len() {
        let upcoming = &order[at..];
        for reads in [Reads::Rows, Reads::Citations] {
            let mut asked: Pieces = Vec::new();
            pieces_ahead(&story, upcoming, reads, &mut |start, len| {
                asked.push((start as usize, len));
            });
            let mut expected: Pieces = Vec::new();
            if let Some(&far) = upcoming.get(RECORD_AHEAD) {
                expected.push(piece(&events[far]));
                if reads == Reads::Rows {
                    expected.push(piece(story.event_entities().start_of(far).unwrap()));
                }
            }
            if let Some(&near) = upcoming.get(POINTED_AHEAD) {
                let event = &events[near];
                expected.push(piece(&event.cite[..]));
                if reads == Reads::Rows {
                    expected.push(piece(event.text.joined()));
                    expected.push(piece(story.event_entities().of_event(near)));
                }
            }
            expected.retain(|&(_, len)| len > 0);
            assert_eq!(asked, expected, "{reads:?} at row {at}");
        }
    }
}
