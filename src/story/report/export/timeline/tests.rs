//! The timeline rows written straight from the events are the rows the export wrote
//! from `TimelineRow`s, byte for byte, whatever the names of entities and sources.

use proptest::prelude::*;

use super::TimelineCells;
use crate::story::graph::Story;
use crate::story::load::load_bytes;
use crate::story::model::{Citation, StoryFile};
use crate::story::query::views::Clock;
use crate::story::report::export::Doc;
use crate::story::report::markdown::{
    Cited, Footnotes, NumberingInTurn, cell, escape_into, sourcing_cell_into,
};
use crate::synth::{SynthOptions, generate};

/// The row as the export wrote it before: from `Story::timeline_row`, every cell a
/// string of its own.
fn row_from_timeline_row(story: &Story, notes: &mut Footnotes, index: usize) -> String {
    let row = story.timeline_row(index, clock());
    let event = &story.file.events[index];
    let mut out = String::from("|");
    let out_ref = &mut out;
    cell(out_ref, |out| escape_into(out, &row.date));
    cell(out_ref, |out| {
        out.push_str("**");
        escape_into(out, &row.title);
        out.push_str("**");
    });
    cell(out_ref, |out| escape_into(out, event.summary()));
    cell(out_ref, |out| {
        escape_into(out, &row.status);
        Doc::push_badges(out, row.disputed, row.overdue);
    });
    cell(out_ref, |out| escape_into(out, &row.entities.join(", ")));
    cell(out_ref, |out| {
        sourcing_cell_into(out, &row.provenance.label(), &event.authored)
    });
    cell(out_ref, |out| notes.refs_into(out, &event.cite));
    out.push('\n');
    out
}

fn clock() -> Clock {
    Clock {
        reference_day: crate::story::model::date::DateSpec::parse("2025-06-01")
            .expect("a date")
            .latest(),
    }
}

/// A small generated story whose entities and sources carry `names`, with an event
/// citing five sources (a label naming three origins, then "2 more") and one citing
/// eleven (more than `Few` holds).
fn story_named(names: &[String]) -> Story {
    let mut file: StoryFile = generate(&SynthOptions {
        events: 120,
        entities: 12,
        seed: 3,
    });
    // More sources than a fact's citations `Few` holds, so an event can cite them all.
    let first = file.sources[0].clone();
    for n in file.sources.len()..12 {
        let mut extra = first.clone();
        extra.id = format!("extra-{n}").into();
        file.sources.push(extra);
    }
    let mut next = names.iter().cycle();
    for entity in &mut file.entities {
        entity.name = next.next().expect("names").clone();
    }
    for source in &mut file.sources {
        source.outlet = next.next().expect("names").clone();
        source.via = None;
    }
    let cite = |count: usize| -> Vec<Citation> {
        (file.sources.iter().take(count))
            .map(|source| Citation::new(source.id.as_str(), Some(1)))
            .collect()
    };
    let (five, eleven) = (cite(5), cite(11));
    file.events[0].cite = five.into_boxed_slice();
    file.events[1].cite = eleven.into_boxed_slice();
    let json = serde_json::to_string(&file).expect("serialises");
    load_bytes(json.as_bytes(), "named").expect("still valid")
}

fn assert_rows_match(story: &Story) {
    let cells = TimelineCells::new(story);
    let (mut old_notes, mut new_notes) = (Footnotes::default(), Footnotes::default());
    for &index in story.events_by_date() {
        let mut new = String::new();
        let cited = Cited {
            items: &[index],
            cite_of: &|&index: &usize| &story.file.events[index].cite[..],
            source_of: &|citation| Some(story.own_cited_source(citation)),
            ahead: &|_| {},
        };
        let refs = NumberingInTurn::default().number(&mut new_notes, &cited);
        cells.row_into(&mut new, (&refs, 0), index, clock(), "");
        let old = row_from_timeline_row(story, &mut old_notes, index);
        assert_eq!(new, old, "event {index}");
    }
}

/// Names that join cleanly and names that do not: white space or controls at either
/// end, empty, markup, and the look-behinds of the escape (`:` then `/`, `www` then `.`).
fn name() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Apple",
        "阿里巴巴",
        " ",
        "\t",
        "\u{7}",
        "\u{202e}",
        "|",
        "*",
        "_",
        "www",
        ".",
        ":",
        "/",
        "http://x",
        "[a]",
        "(b)",
        ";",
        ",",
        "1",
        "e\u{301}",
        "",
    ]);
    prop::collection::vec(pieces, 0..5).prop_map(|parts| parts.concat())
}

#[test]
fn rows_match_the_rows_built_from_timeline_rows() {
    let names: Vec<String> = ["Caixin", "Reuters", "The Information", "Nikkei Asia"]
        .map(str::to_owned)
        .to_vec();
    assert_rows_match(&story_named(&names));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn rows_match_whatever_the_names(names in prop::collection::vec(name(), 1..9)) {
        // Outlets must not be empty: the story would not load.
        let names: Vec<String> = names
            .into_iter()
            .map(|n| if n.trim().is_empty() { format!("{n}x") } else { n })
            .collect();
        assert_rows_match(&story_named(&names));
    }
}
