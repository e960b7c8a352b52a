//! The synthetic story generator (benchmarks, scale tests) makes stories that load and
//! validate, the same every time for a seed, with what it promises: Chinese names,
//! aliases, relations, figures, candidates, disputes, two citations per fact, sources
//! relying on each other.

use storyscope::story::load::load_bytes;
use storyscope::story::query::{build_index, shown_name};
use storyscope::synth::{SynthOptions, generate_json, search_names};

const OPTIONS: SynthOptions = SynthOptions {
    events: 2_000,
    entities: 300,
    seed: 42,
};

#[test]
fn generated_story_validates() {
    let json = generate_json(&OPTIONS);
    let story = match load_bytes(json.as_bytes(), "synthetic") {
        Ok(story) => story,
        Err(err) => panic!("{err}"),
    };
    let file = &story.file;
    assert_eq!(file.events.len(), 2_000);
    assert_eq!(file.entities.len(), 300);
    for list in [
        file.relations.len(),
        file.candidates.len(),
        file.metrics.len(),
        file.disputes.len(),
    ] {
        assert!(list > 0);
    }
    assert!(file.entities.iter().any(|e| !e.aliases.is_empty()));
    assert!(file.events.iter().all(|e| e.cite.len() == 2));
    assert!(file.sources.iter().any(|s| s.via.is_some()));
    // Some sources rely on a source that itself relies on another.
    assert!(file.sources.iter().any(|s| {
        let up = s
            .via
            .as_ref()
            .and_then(|id| file.sources.iter().find(|u| &u.id == id));
        up.is_some_and(|u| u.via.is_some())
    }));
    // About a third of the headlines are in Chinese.
    let chinese = file.events.iter().filter(|e| !e.title().is_ascii()).count();
    assert!(
        (500..=900).contains(&chinese),
        "{chinese} Chinese headlines"
    );
}

#[test]
fn same_seed_same_story() {
    assert_eq!(generate_json(&OPTIONS), generate_json(&OPTIONS));
    let other = SynthOptions {
        seed: 43,
        ..OPTIONS
    };
    assert_ne!(generate_json(&OPTIONS), generate_json(&other));
}

#[test]
fn search_finds_the_seeded_names() {
    let story = load_bytes(generate_json(&OPTIONS).as_bytes(), "synthetic").expect("valid");
    let index = build_index(&story);
    let hits = index.search("qwen", 5);
    let name = shown_name(&story, &index.targets, hits[0].entry).expect("a name");
    assert_eq!(name.text, "Qwen 2.5-Max");
    let names = search_names(5_000, 1);
    assert_eq!(names.len(), 5_000);
    assert!(names.iter().any(|name| name.contains("Qwen")));
}

#[test]
fn timeline_order_matches_the_timeline_view() {
    use storyscope::story::query::{Clock, ViewFilter};
    let story = load_bytes(generate_json(&OPTIONS).as_bytes(), "synthetic").expect("valid");
    let clock = Clock {
        reference_day: 20_000,
    };
    let rows: Vec<usize> = story
        .timeline_rows(ViewFilter::default(), clock)
        .iter()
        .map(|row| row.event)
        .collect();
    assert_eq!(story.events_by_date(), rows.as_slice());
}
