//! The index in two parts, built on two threads, finds what the index in one part
//! finds and reports the same problems in the same order: the records' order.

use super::*;
use crate::story::model::Id;

/// A generated story's records, with ids made duplicate and empty here and there.
fn file_with_bad_ids() -> StoryFile {
    let story = crate::synth::generated_story(400, 30, 21);
    let mut file = (*story.file).clone();
    let entity = file.entities[3].id.clone();
    let source = file.sources[1].id.clone();
    for (n, event) in file.events.iter_mut().enumerate() {
        match n % 50 {
            7 => event.id = entity.clone(),
            13 => event.id = Id::from("  "),
            29 => event.id = source.clone(),
            _ => {}
        }
    }
    file.metrics[0].id = file.events[0].id.clone();
    file
}

/// Every record's id found as the index finds it.
fn found(file: &StoryFile, index: &IdIndex) -> Vec<Option<RecordRef>> {
    let lookup = IdLookup { index, file };
    (all_records(file))
        .map(|record| record_id(file, record).and_then(|id| lookup.get(id)))
        .collect()
}

#[test]
fn two_parts_find_and_report_what_one_part_does() {
    let file = file_with_bad_ids();
    let (mut one_problems, mut two_problems) = (Vec::new(), Vec::new());
    let one = index_ids_in(&file, &mut one_problems, 1);
    let two = index_ids_in(&file, &mut two_problems, 2);
    assert_eq!(two.parts.len(), 2);
    assert!(
        two.parts.iter().all(|part| part.len() > 100),
        "both parts hold ids"
    );
    assert_eq!(found(&file, &one), found(&file, &two));
    assert_eq!(one_problems, two_problems);
    // 8 events each of three kinds of bad id, and the metric.
    assert_eq!(one_problems.len(), 25, "{one_problems:#?}");
    let first = one_problems
        .iter()
        .position(|p| p.message.contains("duplicate id"));
    assert_eq!(
        first,
        Some(0),
        "an event's duplicate comes before the others"
    );
    let last = one_problems.last().expect("problems");
    assert_eq!(
        last.location,
        crate::story::problem::Location::Path("metrics[0].id".into())
    );
}

#[test]
fn every_record_is_found_by_its_own_id_in_two_parts() {
    let story = crate::synth::generated_story(300, 20, 4);
    let file = &story.file;
    let mut problems = Vec::new();
    let index = index_ids_in(file, &mut problems, 2);
    assert!(problems.is_empty());
    let records: Vec<Option<RecordRef>> = all_records(file).map(Some).collect();
    assert_eq!(found(file, &index), records);
    let lookup = IdLookup {
        index: &index,
        file,
    };
    assert_eq!(lookup.iter().count(), records.len());
    assert_eq!(lookup.get("no-such-id"), None);
}
