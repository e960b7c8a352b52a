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

/// A big story built to be shown has its timeline order made while it is checked (the
/// explorer's panes and every export ask for it first), and it is the order its first
/// use would make; built to be checked, or small, it waits for its first use. Narrowed
/// to a date, a story sorts as the story it was narrowed from.
#[test]
fn a_big_story_to_be_shown_is_sorted_while_it_is_checked() {
    use crate::story::graph::timeline_order::{SORTED_WHILE_CHECKING_FROM, events_by_date};
    let file = || {
        crate::synth::generate(&crate::synth::SynthOptions {
            // Twice the threshold: narrowed to a date, the story keeps more than it.
            events: 2 * SORTED_WHILE_CHECKING_FROM,
            entities: 200,
            seed: 4,
        })
    };
    let shown = Story::build_to_show(file(), "big").expect("valid");
    let made = shown.indexes.events_by_date.get().expect("made by build");
    assert_eq!(made.capacity(), made.len());
    assert_eq!(&events_by_date(&shown.file.events), made);
    let checked = Story::build(file(), "big").expect("valid");
    assert!(checked.indexes.events_by_date.get().is_none());
    let small = crate::synth::generate(&crate::synth::SynthOptions {
        events: 300,
        entities: 20,
        seed: 4,
    });
    let small = Story::build_to_show(small, "small").expect("valid");
    assert!(small.indexes.events_by_date.get().is_none());
    // A day after every source: the narrowed story keeps every fact a dated source
    // stands behind.
    let narrowed = |story: &Story| story.as_of(1 << 24).expect("narrows");
    let narrowed_shown = narrowed(&shown);
    assert!(narrowed_shown.file.events.len() >= SORTED_WHILE_CHECKING_FROM);
    assert!(narrowed_shown.indexes.events_by_date.get().is_some());
    assert!(narrowed(&checked).indexes.events_by_date.get().is_none());
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

/// The shipped story with citations of sources that have a `via` going each way a
/// citation can: its own `via` naming the cited source itself (the source is then the
/// origin), naming the source's own `via`, and naming another source; and one turned
/// into a citation of that `via` source whose own `via` leads back to it through the
/// source first cited.
fn citations_going_every_way() -> Story {
    let shipped = crate::story::embedded().unwrap();
    let mut file = (*shipped.file).clone();
    let via_of: std::collections::HashMap<String, String> = (file.sources.iter())
        .filter_map(|s| Some((s.id.to_string(), s.via.as_deref()?.to_owned())))
        .collect();
    let other = (file.sources.iter())
        .find(|s| s.via.is_none() && !via_of.values().any(|v| v == s.id.as_str()))
        .map(|s| s.id.to_string())
        .expect("a source no other relies on");
    // Where four citations of relayed sources, with no `via` of their own, sit.
    let places: Vec<(usize, usize)> = (file.events.iter().enumerate())
        .flat_map(|(e, event)| (0..event.cite.len()).map(move |c| (e, c)))
        .filter(|&(e, c)| {
            let citation = &file.events[e].cite[c];
            citation.via().is_none() && via_of.contains_key(citation.source.as_str())
        })
        .take(4)
        .collect();
    let mut ways = 0;
    for (way, &(e, c)) in places.iter().enumerate() {
        let citation = &mut file.events[e].cite[c];
        let cited = citation.source.to_string();
        let (now_cites, through) = match way {
            0 => (cited.clone(), cited),
            1 => (cited.clone(), via_of[&cited].clone()),
            2 => (cited, other.clone()),
            _ => (via_of[&cited].clone(), cited),
        };
        citation.source = now_cites.as_str().into();
        citation.set_via(Some(through.as_str()));
        if way == 3 {
            // Alone in its fact: the only citation, counted once in every count.
            let alone = citation.clone();
            file.events[e].cite = vec![alone].into();
        }
        ways += 1;
    }
    assert_eq!(ways, 4, "four citations of sources with a via");
    Story::build(file, "citations going every way").unwrap()
}

/// Each source's fact counts (any citation traces to it; every citation does) are
/// what a plain count gives: every fact's citations' chains, as sets, with no list
/// reused between facts. On the shipped story (via chains, citations with their own
/// `via`), a generated one (chains of varying length, two citations a fact), and
/// citations going every way a citation can.
#[test]
fn source_fact_counts_are_a_plain_count() {
    use std::collections::BTreeSet;
    let synthetic = generated(2000, 40, 9);
    let shipped = crate::story::embedded().expect("the shipped story loads");
    for story in [&shipped, &synthetic, &citations_going_every_way()] {
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

/// The sources behind some facts are the union of their citations' chains
/// (`citation_chain`): for every fact, and for the facts about every seventh entity, on
/// the shipped story, a generated one and citations going every way a citation can
/// (one of them loops back through the source first cited).
#[test]
fn the_sources_behind_are_the_union_of_the_citation_chains() {
    use std::collections::BTreeSet;
    let stories = [
        crate::story::embedded().unwrap(),
        generated(2000, 40, 9),
        citations_going_every_way(),
    ];
    for story in &stories {
        let mut fact_sets = vec![story.facts()];
        let entities = (0..story.file.entities.len()).step_by(7);
        fact_sets.extend(entities.map(|e| story.facts_about(e)));
        for facts in &fact_sets {
            let expected: BTreeSet<usize> = (facts.iter())
                .flat_map(|(_, cite)| cite.iter())
                .flat_map(|c| story.citation_chain(c))
                .collect();
            assert_eq!(story.sources_behind(facts).0, expected);
        }
    }
}

/// A citation with a `via` of its own whose way loops back to the cited source stops
/// there, short of the cited source's own `via`; another citation passing through the
/// same sources still goes on to the end: `daily` cited through `relay` (which relies
/// on `daily`) reaches `daily` and `relay`; `relay` cited plainly reaches `wire` too.
#[test]
fn a_walk_cut_short_by_its_own_via_does_not_stop_another() {
    use crate::story::graph::RecordRef;
    use crate::story::graph::provenance::FactRef;
    let mut file: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/small.json")).unwrap();
    file["sources"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "relay", "kind": "article", "outlet": "Relay", "title": "t",
            "published": "2025-02-13", "via": "daily",
        }));
    file["events"][0]["cite"] = serde_json::json!([{"source": "daily", "para": 1, "via": "relay"}]);
    file["events"][1]["cite"] = serde_json::json!([{"source": "relay", "para": 1}]);
    let story = crate::story::load::load_bytes(file.to_string().as_bytes(), "relay").unwrap();
    let fact = |e: usize| {
        (
            FactRef::Record(RecordRef::Event(e)),
            &story.file.events[e].cite[..],
        )
    };
    let names = |facts: &[(FactRef, &[crate::story::model::Citation])]| -> Vec<String> {
        let (behind, _) = story.sources_behind(facts);
        let id = |s: usize| story.file.sources[s].id.to_string();
        behind.into_iter().map(id).collect()
    };
    assert_eq!(names(&[fact(0)]), ["daily", "relay"]);
    assert_eq!(names(&[fact(0), fact(1)]), ["wire", "daily", "relay"]);
    assert_eq!(names(&[fact(1), fact(0)]), ["wire", "daily", "relay"]);
}
