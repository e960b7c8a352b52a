//! Properties of the story as of a date, on generated stories with sources dated to the
//! day, the month or the year, approximate, undated, relying on each other, and with
//! entities first described by a late source:
//!
//! - narrowing never fails;
//! - it is monotone: a later date keeps everything an earlier one keeps;
//! - nothing shown as of D rests on a source that does not count by D (citations,
//!   statuses, figures, sources);
//! - as of a day after the last source, a story with every source dated is whole;
//! - `diff(a, b)` is exactly what the story as of b holds beyond the story as of a.
//!
//! The checks compute what counts and what is shown on their own (from the file's
//! JSON), not with the code under test.

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::{Value, json};

use storyscope::story::FactRef;
use storyscope::story::model::DateSpec;
use storyscope::story::query::{Clock, ViewFilter};
use storyscope::story::time::{StoryDiff, diff};
use storyscope::story::{RecordRef, Story, load};

const STATUSES: [(&str, &str); 6] = [
    ("reported", "expected"),
    ("announced", "happened"),
    ("rumoured", "conditional"),
    ("confirmed", "cancelled"),
    ("denied", "ongoing"),
    ("disputed", "happened"),
];

/// A publication date: a day, a month, a year, approximate, or none.
fn published() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        2 => (1u32..=30).prop_map(|d| Some(format!("2025-11-{d:02}"))),
        1 => (1u32..=31).prop_map(|d| Some(format!("2025-12-{d:02}"))),
        1 => prop::sample::select(vec!["2025-11", "2025-12", "~2025-11-20", "~2025-12", "2025"])
            .prop_map(|d| Some(d.to_owned())),
        1 => Just(None),
    ]
}

/// Citations as (source, para) picks; resolved against the number of sources later.
fn cites() -> impl Strategy<Value = Vec<(usize, u32)>> {
    prop::collection::vec((0usize..100, 1u32..4), 1..4)
}

/// Citations as (source pick, paragraph).
type Picks = Vec<(usize, u32)>;
/// An event: involved entities, day, first status, citations, changes.
type EventShape = (Vec<usize>, u32, usize, Picks, Vec<(usize, Picks)>);
/// A dispute: what it is about, its versions, its settlement.
type DisputeShape = (Vec<usize>, Vec<Picks>, Option<Picks>);

#[derive(Debug, Clone)]
struct Shape {
    sources: Vec<(Option<String>, Option<usize>)>,
    entities: Vec<Picks>,
    relations: Vec<(usize, usize, Picks)>,
    events: Vec<EventShape>,
    candidacies: Vec<(usize, usize, Vec<Picks>)>,
    metrics: Vec<(usize, Picks)>,
    disputes: Vec<DisputeShape>,
    all_dated: bool,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        prop::collection::vec((published(), prop::option::of(0usize..100)), 1..6),
        prop::collection::vec(cites(), 1..6),
        prop::collection::vec((0usize..100, 0usize..100, cites()), 0..4),
        prop::collection::vec(
            (
                prop::collection::vec(0usize..100, 1..4),
                1u32..=31,
                0usize..6,
                cites(),
                prop::collection::vec((0usize..6, cites()), 0..3),
            ),
            0..6,
        ),
        prop::collection::vec(
            (
                0usize..100,
                0usize..100,
                prop::collection::vec(cites(), 1..4),
            ),
            0..3,
        ),
        prop::collection::vec((0usize..100, cites()), 0..4),
        prop::collection::vec(
            (
                prop::collection::vec(0usize..100, 0..3),
                prop::collection::vec(cites(), 2..4),
                prop::option::of(cites()),
            ),
            0..3,
        ),
        any::<bool>(),
    )
        .prop_map(
            |(sources, entities, relations, events, candidacies, metrics, disputes, all_dated)| {
                Shape {
                    sources,
                    entities,
                    relations,
                    events,
                    candidacies,
                    metrics,
                    disputes,
                    all_dated,
                }
            },
        )
}

/// The story file a shape describes: every reference resolves, sub-items are told
/// apart by their text.
fn story_json(shape: &Shape) -> Value {
    let n_sources = shape.sources.len();
    let n_entities = shape.entities.len();
    let cite = |picks: &Vec<(usize, u32)>| -> Value {
        picks
            .iter()
            .map(|&(s, para)| json!({ "source": format!("s{}", s % n_sources), "para": para }))
            .collect()
    };
    let entity = |i: usize| format!("n{}", i % n_entities);
    let sources: Vec<Value> = shape
        .sources
        .iter()
        .enumerate()
        .map(|(i, (published, via))| {
            let mut source = json!({
                "id": format!("s{i}"), "kind": "article", "outlet": format!("Outlet {i}"),
                "title": format!("Title {i}"),
            });
            let published = match published {
                None if shape.all_dated => Some("2025-11-15".to_owned()),
                other => other.clone(),
            };
            if let Some(date) = published {
                source["published"] = json!(date);
            }
            // Only earlier sources: `via` chains never loop.
            if let (Some(via), true) = (via, i > 0) {
                source["via"] = json!(format!("s{}", via % i));
            }
            source
        })
        .collect();
    let entities: Vec<Value> = shape
        .entities
        .iter()
        .enumerate()
        .map(|(i, picks)| {
            json!({
                "id": format!("n{i}"), "kind": if i % 2 == 0 { "person" } else { "company" },
                "name": format!("Name {i}"), "aliases": [format!("Alias {i}")],
                "summary": format!("Summary {i}"), "cite": cite(picks),
            })
        })
        .collect();
    let relations: Vec<Value> = shape
        .relations
        .iter()
        .enumerate()
        .map(|(i, (from, to, picks))| {
            json!({ "id": format!("r{i}"), "kind": "competes_with", "from": entity(*from),
                    "to": entity(*to), "cite": cite(picks) })
        })
        .collect();
    let status = |k: usize| {
        let (sourcing, timing) = STATUSES[k % STATUSES.len()];
        json!({ "sourcing": sourcing, "timing": timing })
    };
    let events: Vec<Value> = shape
        .events
        .iter()
        .enumerate()
        .map(|(i, (involved, day, first, picks, changes))| {
            let changes: Vec<Value> = changes
                .iter()
                .enumerate()
                .map(|(c, (k, picks))| {
                    json!({ "status": status(*k), "reason": format!("change {i}.{c}"), "cite": cite(picks) })
                })
                .collect();
            json!({
                "id": format!("e{i}"), "title": format!("Event {i}"),
                "date": format!("2025-11-{:02}", (day % 30) + 1), "summary": "s",
                "entities": involved.iter().map(|&e| entity(e)).collect::<Vec<_>>(),
                "status": status(*first), "condition": "if it holds", "cite": cite(picks),
                "status_changes": changes,
            })
        })
        .collect();
    let candidates: Vec<Value> = shape
        .candidacies
        .iter()
        .enumerate()
        .map(|(i, (candidate, seeker, stages))| {
            let stages: Vec<Value> = stages
                .iter()
                .enumerate()
                .map(|(s, picks)| {
                    let kind = ["considered", "evaluated", "selected", "dropped"][s % 4];
                    json!({ "stage": kind,
                            "reason": format!("stage {i}.{s}"), "cite": cite(picks) })
                })
                .collect();
            json!({ "id": format!("c{i}"), "candidate": entity(*candidate), "seeker": entity(*seeker),
                    "role": "partner", "stages": stages })
        })
        .collect();
    let metrics: Vec<Value> = shape
        .metrics
        .iter()
        .enumerate()
        .map(|(i, (subject, picks))| {
            json!({ "id": format!("m{i}"), "subject": entity(*subject), "label": format!("Figure {i}"),
                    "value": i, "unit": "units", "bound": "over", "basis": "level", "cite": cite(picks) })
        })
        .collect();
    let about_ids: Vec<String> = (0..n_entities)
        .map(|i| format!("n{i}"))
        .chain((0..events.len()).map(|i| format!("e{i}")))
        .collect();
    let disputes: Vec<Value> = shape
        .disputes
        .iter()
        .enumerate()
        .map(|(i, (about, variants, resolution))| {
            let mut about: Vec<String> = about.iter().map(|&a| about_ids[a % about_ids.len()].clone()).collect();
            about.dedup();
            let mut dispute = json!({
                "id": format!("d{i}"), "point": format!("Point {i}"), "about": about,
                "variants": variants.iter().enumerate()
                    .map(|(v, picks)| json!({ "claim": format!("claim {i}.{v}"), "cite": cite(picks) }))
                    .collect::<Vec<_>>(),
            });
            if let Some(picks) = resolution {
                dispute["resolution"] = json!({ "summary": "settled", "cite": cite(picks) });
            }
            dispute
        })
        .collect();
    json!({
        "format": 1,
        "story": { "title": "Generated", "summary": "A generated story." },
        "sources": sources, "entities": entities, "relations": relations, "events": events,
        "candidates": candidates, "metrics": metrics, "disputes": disputes,
    })
}

fn load(shape: &Shape) -> Story {
    let json = serde_json::to_string(&story_json(shape)).unwrap();
    load::load_bytes(json.as_bytes(), "generated").expect("a generated story is valid")
}

/// Does `source` (an id) count by `day`? Computed here, not by the code under test.
fn counts(full: &Story, source: &str, day: i64) -> bool {
    let record = full.file.sources.iter().find(|s| s.id == source).unwrap();
    record.published.is_some_and(|d| d.latest() <= day)
}

fn cite_atoms(owner: &str, cite: &Value, atoms: &mut BTreeSet<String>) {
    for c in cite.as_array().into_iter().flatten() {
        atoms.insert(format!("cite {owner} | {} ¶{}", c["source"], c["para"]));
    }
}

/// Every atom of one record's JSON: the record, its sub-items, and every citation.
fn record_atoms(kind: &str, record: &Value, atoms: &mut BTreeSet<String>) {
    let id = record["id"].as_str().unwrap();
    let owner = format!("{kind}:{id}");
    atoms.insert(owner.clone());
    match kind {
        "entity" if !record["cite"].as_array().unwrap().is_empty() => {
            atoms.insert(format!("described:{id}"));
        }
        "event" => {
            for change in record["status_changes"].as_array().into_iter().flatten() {
                let key = format!("change:{id}:{}", change["reason"]);
                atoms.insert(key.clone());
                cite_atoms(&key, &change["cite"], atoms);
            }
        }
        "candidacy" => {
            for stage in record["stages"].as_array().unwrap() {
                let key = format!("stage:{id}:{}", stage["reason"]);
                atoms.insert(key.clone());
                cite_atoms(&key, &stage["cite"], atoms);
            }
        }
        "dispute" => {
            for variant in record["variants"].as_array().unwrap() {
                let key = format!("variant:{id}:{}", variant["claim"]);
                atoms.insert(key.clone());
                cite_atoms(&key, &variant["cite"], atoms);
            }
            if !record["resolution"].is_null() {
                let key = format!("resolution:{id}");
                atoms.insert(key.clone());
                cite_atoms(&key, &record["resolution"]["cite"], atoms);
            }
        }
        _ => {}
    }
    if kind != "candidacy" && kind != "dispute" {
        cite_atoms(&owner, &record["cite"], atoms);
    }
}

const LISTS: [(&str, &str); 6] = [
    ("entities", "entity"),
    ("relations", "relation"),
    ("events", "event"),
    ("candidates", "candidacy"),
    ("metrics", "metric"),
    ("disputes", "dispute"),
];

/// Everything a story narrowed to `day` holds, as comparable atoms.
fn atoms(full: &Story, story: &Story, day: i64) -> BTreeSet<String> {
    let value = serde_json::to_value(&*story.file).unwrap();
    let mut atoms = BTreeSet::new();
    for source in value["sources"].as_array().unwrap() {
        let id = source["id"].as_str().unwrap();
        if counts(full, id, day) {
            atoms.insert(format!("source:{id}"));
        }
    }
    for (list, kind) in LISTS {
        for record in value[list].as_array().unwrap() {
            record_atoms(kind, record, &mut atoms);
        }
    }
    atoms
}

/// The atoms a diff says became known, from the later story's records.
fn diff_atoms(d: &StoryDiff, later: &Story) -> BTreeSet<String> {
    let value = serde_json::to_value(&*later.file).unwrap();
    let mut atoms = BTreeSet::new();
    let record = |list: &str, i: usize| value[list][i].clone();
    for &s in &d.sources {
        atoms.insert(format!(
            "source:{}",
            value["sources"][s]["id"].as_str().unwrap()
        ));
    }
    let whole: [(&str, &str, &Vec<usize>); 6] = [
        ("entities", "entity", &d.entities),
        ("relations", "relation", &d.relations),
        ("events", "event", &d.events),
        ("candidates", "candidacy", &d.candidacies),
        ("metrics", "metric", &d.metrics),
        ("disputes", "dispute", &d.disputes),
    ];
    for (list, kind, indexes) in whole {
        for &i in indexes {
            record_atoms(kind, &record(list, i), &mut atoms);
        }
    }
    for &e in &d.described {
        let entity = record("entities", e);
        let id = entity["id"].as_str().unwrap();
        atoms.insert(format!("described:{id}"));
        cite_atoms(&format!("entity:{id}"), &entity["cite"], &mut atoms);
    }
    let owner = |fact: FactRef| -> String {
        match fact {
            FactRef::Record(r) => {
                let (list, kind, i) = match r {
                    RecordRef::Entity(i) => ("entities", "entity", i),
                    RecordRef::Relation(i) => ("relations", "relation", i),
                    RecordRef::Event(i) => ("events", "event", i),
                    RecordRef::Metric(i) => ("metrics", "metric", i),
                    other => panic!("not a one-fact record: {other:?}"),
                };
                format!("{kind}:{}", value[list][i]["id"].as_str().unwrap())
            }
            FactRef::Stage(c, s) => format!(
                "stage:{}:{}",
                value["candidates"][c]["id"].as_str().unwrap(),
                value["candidates"][c]["stages"][s]["reason"]
            ),
            FactRef::Variant(dd, v) => format!(
                "variant:{}:{}",
                value["disputes"][dd]["id"].as_str().unwrap(),
                value["disputes"][dd]["variants"][v]["claim"]
            ),
            FactRef::StatusChange(e, c) => format!(
                "change:{}:{}",
                value["events"][e]["id"].as_str().unwrap(),
                value["events"][e]["status_changes"][c]["reason"]
            ),
            FactRef::Resolution(dd) => format!(
                "resolution:{}",
                value["disputes"][dd]["id"].as_str().unwrap()
            ),
        }
    };
    let sub = |key: String, cite: &Value, atoms: &mut BTreeSet<String>| {
        atoms.insert(key.clone());
        cite_atoms(&key, cite, atoms);
    };
    for &(c, s) in &d.stages {
        sub(
            owner(FactRef::Stage(c, s)),
            &value["candidates"][c]["stages"][s]["cite"],
            &mut atoms,
        );
    }
    for &(dd, v) in &d.variants {
        sub(
            owner(FactRef::Variant(dd, v)),
            &value["disputes"][dd]["variants"][v]["cite"],
            &mut atoms,
        );
    }
    for &(e, c) in &d.changes {
        sub(
            owner(FactRef::StatusChange(e, c)),
            &value["events"][e]["status_changes"][c]["cite"],
            &mut atoms,
        );
    }
    for &dd in &d.resolved {
        sub(
            owner(FactRef::Resolution(dd)),
            &value["disputes"][dd]["resolution"]["cite"],
            &mut atoms,
        );
    }
    for (fact, citation) in &d.citations {
        atoms.insert(format!(
            "cite {} | \"{}\" ¶{}",
            owner(*fact),
            citation.source,
            citation.para.unwrap()
        ));
    }
    atoms
}

/// The days worth checking: each source's last possible day, the day before, and a
/// day after everything.
fn days(full: &Story) -> Vec<i64> {
    let mut days: BTreeSet<i64> = BTreeSet::new();
    for source in &full.file.sources {
        if let Some(date) = source.published {
            days.extend([date.latest() - 1, date.latest(), date.earliest()]);
        }
    }
    days.insert(DateSpec::parse("2026-06-01").unwrap().latest());
    days.into_iter().collect()
}

/// The status an event shows as of `day`, worked out from the whole story: the last
/// change with a counted citation, else the status first reported.
fn expected_status(full: &Story, event_id: &str, day: i64) -> String {
    let event = full.file.events.iter().find(|e| e.id == event_id).unwrap();
    let status = event
        .status_changes
        .iter()
        .rev()
        .find(|c| c.cite.iter().any(|c| counts(full, &c.source, day)))
        .map_or(event.status, |c| c.status);
    storyscope::story::query::status_text(status, event.condition())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn narrowing_never_fails(shape in shape()) {
        let full = load(&shape);
        for day in days(&full) {
            let narrowed = full.as_of(day);
            prop_assert!(narrowed.is_ok(), "as of {day}: {}", narrowed.err().unwrap());
        }
    }

    #[test]
    fn a_later_date_keeps_everything_an_earlier_date_keeps(shape in shape()) {
        let full = load(&shape);
        let days = days(&full);
        let narrowed: Vec<(i64, BTreeSet<String>)> = days
            .iter()
            .map(|&d| (d, atoms(&full, &full.as_of(d).unwrap(), d)))
            .collect();
        for pair in narrowed.windows(2) {
            let lost: Vec<&String> = pair[0].1.difference(&pair[1].1).collect();
            prop_assert!(lost.is_empty(), "as of {} keeps {lost:?}, as of {} does not", pair[0].0, pair[1].0);
        }
    }

    #[test]
    fn nothing_shown_rests_on_a_source_that_does_not_count(shape in shape()) {
        let full = load(&shape);
        for day in days(&full) {
            let story = full.as_of(day).unwrap();
            for (fact, cite) in story.facts() {
                for c in cite {
                    prop_assert!(counts(&full, &c.source, day), "as of {day}: {fact:?} cites {}", c.source);
                }
                let placeholder = matches!(fact, FactRef::Record(RecordRef::Entity(e)) if story.is_undescribed(e));
                prop_assert!(placeholder || !cite.is_empty(), "as of {day}: {fact:?} rests on nothing");
            }
            for (i, entity) in story.file.entities.iter().enumerate() {
                if story.is_undescribed(i) {
                    prop_assert!(entity.summary.is_none() && entity.aliases.is_empty() && entity.cite.is_empty());
                }
            }
            // Statuses shown are the ones known then.
            let clock = Clock { reference_day: day };
            for row in story.timeline_rows(ViewFilter::default(), clock) {
                let id = &story.file.events[row.event].id;
                prop_assert_eq!(&row.status, &expected_status(&full, id, day), "as of {} for {}", day, id);
            }
            // Figures shown are those a counted source gives.
            let shown: BTreeSet<String> = story.metric_rows(ViewFilter::default()).iter()
                .map(|r| story.file.metrics[r.metric].id.to_string()).collect();
            let known: BTreeSet<String> = full.file.metrics.iter()
                .filter(|m| m.cite.iter().any(|c| counts(&full, &c.source, day)))
                .map(|m| m.id.to_string()).collect();
            prop_assert_eq!(shown, known);
            // A listed source that does not count is there only as what a counted one relies on.
            for (s, source) in story.file.sources.iter().enumerate() {
                prop_assert_eq!(story.source_counts(s), counts(&full, &source.id, day));
            }
        }
    }

    #[test]
    fn after_the_last_source_a_story_with_every_source_dated_is_whole(shape in shape()) {
        let shape = Shape { all_dated: true, ..shape };
        let full = load(&shape);
        let last = full.file.sources.iter().filter_map(|s| s.published).map(|d| d.latest()).max().unwrap();
        for day in [last, last + 30] {
            let narrowed = full.as_of(day).unwrap();
            prop_assert_eq!(
                serde_json::to_value(&*narrowed.file).unwrap(),
                serde_json::to_value(&*full.file).unwrap(),
                "as of {}", day
            );
            prop_assert!((0..narrowed.file.entities.len()).all(|e| !narrowed.is_undescribed(e)));
        }
    }

    #[test]
    fn diff_is_exactly_the_difference_of_the_two_narrowed_stories(shape in shape()) {
        let full = load(&shape);
        let days = days(&full);
        for (a, &from) in days.iter().enumerate() {
            for &to in &days[a..] {
                let earlier = full.as_of(from).unwrap();
                let later = full.as_of(to).unwrap();
                let d = diff(&earlier, from, &later, to);
                let expected: BTreeSet<String> = atoms(&full, &later, to)
                    .difference(&atoms(&full, &earlier, from)).cloned().collect();
                let listed = diff_atoms(&d, &later);
                prop_assert_eq!(&listed, &expected, "diff from {} to {}", from, to);
                // Status shifts: exactly the events known at both whose status differs.
                let clock_a = Clock { reference_day: from };
                let clock_b = Clock { reference_day: to };
                let mut shifted = BTreeSet::new();
                for row in later.timeline_rows(ViewFilter::default(), clock_b) {
                    let id = &later.file.events[row.event].id;
                    if let Some(RecordRef::Event(j)) = earlier.lookup(id) {
                        if earlier.timeline_row(j, clock_a).status != row.status {
                            shifted.insert(row.event);
                        }
                    }
                }
                let listed_shifts: BTreeSet<usize> = d.status_shifts.iter().map(|s| s.event).collect();
                prop_assert_eq!(listed_shifts, shifted);
                if from == to {
                    prop_assert!(d.is_empty(), "a date against itself: {:?}", d);
                }
            }
        }
    }
}
