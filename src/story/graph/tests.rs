//! A built story's indexes: no spare room kept while the story is open, the right records linked.

use crate::story::graph::Story;

/// A generated story of this shape, built.
fn generated(events: usize, entities: usize, seed: u64) -> Story {
    crate::synth::generated_story(events, entities, seed)
}

/// The timeline order is kept while the story is open: it holds no spare room (the
/// sort keys it is made from are five times its size).
#[test]
fn the_timeline_order_holds_no_spare_room() {
    let story = generated(300, 20, 3);
    let order = story.events_by_date();
    assert_eq!(order.len(), 300);
    assert!(order.windows(2).all(|w| {
        let (a, b) = (&story.file.events[w[0]].date, &story.file.events[w[1]].date);
        a.earliest() <= b.earliest()
    }));
    let kept = story.indexes.events_by_date.get().expect("made");
    assert_eq!(kept.capacity(), kept.len());
}

/// What points at each entity is kept while the story is open: no list keeps the
/// room it grew into, and every event is linked from each entity it names, once.
#[test]
fn entity_links_hold_no_spare_room() {
    let story = generated(3000, 20, 5);
    for (entity, links) in story.indexes.entity_links.iter().enumerate() {
        for (len, capacity) in [
            (links.relations.len(), links.relations.capacity()),
            (links.events.len(), links.events.capacity()),
            (links.metrics.len(), links.metrics.capacity()),
            (links.candidacies.len(), links.candidacies.capacity()),
        ] {
            assert_eq!(capacity, len, "entity {entity}");
        }
        let id = &story.file.entities[entity].id;
        let naming: Vec<usize> = (story.file.events.iter().enumerate())
            .filter(|(_, event)| event.entities.contains(id))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(links.event_indexes().collect::<Vec<_>>(), naming);
    }
}

/// Each source's fact counts (any citation traces to it; every citation does) are
/// what a plain count gives: every fact's citations' chains, as sets, with no list
/// reused between facts. On the shipped story (via chains, citations with their own
/// `via`) and a generated one (chains of varying length, two citations a fact).
#[test]
fn source_fact_counts_are_a_plain_count() {
    use std::collections::BTreeSet;
    let synthetic = generated(2000, 40, 9);
    let shipped = crate::story::embedded().expect("the shipped story loads");
    for story in [&shipped, &synthetic] {
        let mut expected = vec![(0, 0); story.file.sources.len()];
        for (_, cite) in story.each_fact() {
            let chains: Vec<BTreeSet<usize>> = (cite.iter())
                .map(|citation| story.citation_chain(citation).into_iter().collect())
                .collect();
            let any: BTreeSet<usize> = chains.iter().flatten().copied().collect();
            for &s in &any {
                expected[s].0 += 1;
                expected[s].1 += usize::from(chains.iter().all(|chain| chain.contains(&s)));
            }
        }
        assert_eq!(story.source_fact_counts(), expected, "{}", story.origin);
    }
}

/// Every kind of record comes back from its kind number and index as it was, and no
/// two kinds share a number.
#[test]
fn a_record_comes_back_from_its_kind_and_index() {
    use crate::story::graph::RecordRef;
    let records = [
        RecordRef::Source(7),
        RecordRef::Entity(7),
        RecordRef::Relation(7),
        RecordRef::Event(7),
        RecordRef::Candidacy(7),
        RecordRef::Metric(7),
        RecordRef::Dispute(7),
    ];
    let kinds: std::collections::BTreeSet<u8> =
        records.iter().map(|r| r.kind_and_index().0).collect();
    assert_eq!(kinds.len(), records.len());
    for record in records {
        let (kind, index) = record.kind_and_index();
        assert_eq!(RecordRef::from_kind_and_index(kind, index), record);
    }
}
