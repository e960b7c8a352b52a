//! What the fuzz targets check, apart from libFuzzer: `tests/it/fuzz_regressions.rs` in the
//! main crate includes this file, so every input a fuzzer ever crashed on is replayed
//! through exactly these checks by `cargo test`.
//!
//! - `check_loader`: any bytes given to the loader give a story or a list of problems,
//!   never a panic; a story that loads survives search, the as-of view and every export.
//! - `check_export_text`: any text put into every text field of a small valid story
//!   leaves every Markdown export with its structure intact.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use storyscope::story::Story;
use storyscope::story::load::load_bytes;
use storyscope::story::model::{Bound, Citation, StoryFile};
use storyscope::story::model::{DateSpec, days_from_civil};
use storyscope::story::query::{Clock, ViewFilter, build_index, shown_name};
use storyscope::story::report::{ExportOptions, ExportView, export_markdown};
use storyscope::story::safe_text::is_unsafe_char;

/// The loader's problem list is capped at 200 plus one line saying how many more.
const MOST_PROBLEMS_SHOWN: usize = 201;

/// A fixed "today", so overdue badges do not depend on when an input is replayed.
fn clock() -> Clock {
    Clock {
        reference_day: days_from_civil(2026, 1, 1),
    }
}

/// Every view of `story`, with one entity view per entity (the first few only, so a
/// story of many entities stays fast to check).
fn every_view(story: &Story) -> Vec<ExportView> {
    let mut views = vec![
        ExportView::Timeline,
        ExportView::Candidates,
        ExportView::Metrics,
        ExportView::Disputes,
        ExportView::Sources,
        ExportView::Report,
    ];
    views.extend((0..story.file.entities.len().min(4)).map(ExportView::Entity));
    views
}

/// The options `storyscope export` uses by default, and the fullest set the explorer
/// can pass (a filter, a selection, the chart tables).
fn option_sets(story: &Story, selected: &str) -> Vec<ExportOptions> {
    let mut sets = vec![ExportOptions::default()];
    if !story.file.entities.is_empty() {
        sets.push(ExportOptions {
            filter: ViewFilter { entity: Some(0) },
            as_of: None,
            selected: Some(selected.to_owned()),
            chart: true,
            // The marks of a step through dates: new and changed since 12 Feb 2025.
            new_since: new_marks(story),
        });
    }
    sets
}

/// What the story holds beyond itself as of 12 Feb 2025, as the explorer marks it.
fn new_marks(story: &Story) -> Option<storyscope::story::time::NewMarks> {
    let day = days_from_civil(2025, 2, 12);
    let earlier = story.as_of(day).ok()?;
    Some(storyscope::story::time::NewMarks {
        since: storyscope::story::model::DateSpec::from_day_number(day),
        diff: storyscope::story::time::diff(&earlier, day, story, clock().reference_day),
    })
}

/// Bytes as a story file.
pub fn check_loader(data: &[u8]) {
    let story = match load_bytes(data, "fuzz") {
        Ok(story) => story,
        Err(err) => {
            assert!(!err.problems.is_empty(), "a refusal names no problem");
            assert!(
                err.problems.len() <= MOST_PROBLEMS_SHOWN,
                "{} problems listed: the list is meant to be capped",
                err.problems.len()
            );
            for problem in &err.problems {
                assert!(
                    !problem.message.trim().is_empty(),
                    "empty message: {problem:?}"
                );
            }
            let shown = err.to_string();
            assert!(
                !shown.chars().any(|c| c != '\n' && is_unsafe_char(c)),
                "a control character reached the message: {shown:?}"
            );
            return;
        }
    };
    let index = build_index(&story);
    let name = |entry: usize| {
        let name = shown_name(&story, &index.targets, entry);
        name.expect("every entry has a name").text.into_owned()
    };
    let queries: Vec<String> = (0..index.len().min(3))
        .map(name)
        .flat_map(|text| [text.chars().take(3).collect(), text])
        .collect();
    for query in &queries {
        for hit in index.search(query, 5) {
            assert!(hit.entry < index.targets.len());
            let shown = name(hit.entry);
            assert!(
                hit.positions.iter().all(|&p| p < shown.chars().count()),
                "match positions past the end of {shown:?}: {:?}",
                hit.positions
            );
        }
    }
    for options in option_sets(&story, "fuzz") {
        for view in every_view(&story) {
            export_markdown(&story, view, &options, clock());
        }
    }
    // The as-of view keeps only what was published by a date; export it too.
    let narrowed = story
        .as_of(days_from_civil(2025, 2, 12))
        .expect("narrowing never fails");
    for view in every_view(&narrowed) {
        export_markdown(&narrowed, view, &ExportOptions::default(), clock());
    }
}

/// The story every text field of which `check_export_text` fills.
const BASE: &str = include_str!("../../tests/fixtures/cjk.json");

/// The base story with `text` in every text field (behind a letter where a field must
/// not be blank) and as the story's origin.
pub fn story_with_text(text: &str) -> Story {
    let mut file: StoryFile = serde_json::from_str(BASE).expect("the base story parses");
    let named = |prefix: &str| format!("{prefix}{text}");
    let some = || Some(text.to_owned());
    let notes = |cite: &mut [Citation]| {
        for citation in cite {
            citation.set_note(some());
        }
    };
    file.story.title = named("s");
    file.story.summary = text.to_owned();
    file.story.candidates_title = Some(named("c"));
    for source in &mut file.sources {
        source.outlet = named("o");
        source.title = named("t");
        source.url = some();
        source.note = some();
    }
    for entity in &mut file.entities {
        entity.name = named("n");
        entity.aliases = vec![named("a")];
        entity.summary = some();
        notes(&mut entity.cite);
    }
    for relation in &mut file.relations {
        relation.summary = some();
        notes(&mut relation.cite);
    }
    for event in &mut file.events {
        let condition = some();
        event.text =
            storyscope::story::model::EventText::new(&named("e"), text, condition.as_deref())
                .expect("short");
        notes(&mut event.cite);
    }
    for candidacy in &mut file.candidates {
        candidacy.role = named("r");
        for stage in &mut candidacy.stages {
            stage.reason = some();
            notes(&mut stage.cite);
        }
    }
    for (m, metric) in file.metrics.iter_mut().enumerate() {
        // Every other metric is words in place of a number, so they meet the text too.
        if m % 2 == 1 {
            metric.value = None;
            metric.range = None;
            metric.qualitative = Some(named("q"));
            metric.bound = Bound::Exact;
        }
        metric.label = named("l");
        metric.unit = text.to_owned();
        metric.period_note = some();
        metric.group = some();
        notes(&mut metric.cite);
    }
    for dispute in &mut file.disputes {
        dispute.point = named("p");
        for variant in &mut dispute.variants {
            variant.claim = named("c");
            notes(&mut variant.cite);
        }
    }
    let json = serde_json::to_string(&file).expect("a story serialises");
    load_bytes(json.as_bytes(), text)
        .unwrap_or_else(|err| panic!("the base story with text {text:?} no longer loads: {err}"))
}

/// Bytes as text (invalid UTF-8 replaced) in every text field: each export must keep
/// the structure the view gives it, whatever the text.
pub fn check_export_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let story = story_with_text(&text);
    // Every view with the default options; then the fullest options and the as-of view
    // on the report (which holds every other view) and one entity: each export costs
    // time, and the text passes through the same escaping in all of them.
    for view in every_view(&story) {
        let markdown = export_markdown(&story, view, &ExportOptions::default(), clock());
        let shape = check_shape(&markdown);
        if view == ExportView::Timeline {
            assert_eq!(
                shape.body_rows,
                story.file.events.len(),
                "one timeline row per event:\n{markdown}"
            );
        }
    }
    let fullest = option_sets(&story, &text).pop().expect("an option set");
    for view in [ExportView::Report, ExportView::Entity(0)] {
        check_shape(&export_markdown(&story, view, &fullest, clock()));
    }
    let narrowed = story
        .as_of(days_from_civil(2025, 3, 1))
        .expect("narrowing never fails");
    let as_of = ExportOptions {
        as_of: DateSpec::parse("2025-03-01").ok(),
        ..ExportOptions::default()
    };
    check_shape(&export_markdown(
        &narrowed,
        ExportView::Report,
        &as_of,
        clock(),
    ));
}

/// What `check_shape` counted in a document.
#[derive(Debug, Default)]
pub struct Shape {
    pub body_rows: usize,
}

/// Parses `markdown` as GitHub does (tables, footnotes, strikethrough) and panics unless
/// it has exactly one H1, no links, images, HTML, lists, rules, quotes or code blocks,
/// every table row as wide as its header, footnote references and definitions that
/// match one to one, and no control character but the line ends.
pub fn check_shape(markdown: &str) -> Shape {
    if let Some(c) = markdown.chars().find(|&c| c != '\n' && is_unsafe_char(c)) {
        panic!("control character {c:?} in the export:\n{markdown}");
    }
    let mut shape = Shape::default();
    let mut headings_1 = 0;
    let mut header_cells = 0;
    let mut cells = 0;
    let mut in_head = false;
    let mut references: Vec<String> = Vec::new();
    let mut definitions: Vec<String> = Vec::new();
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => headings_1 += 1,
            Event::Start(
                tag @ (Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::List(_)
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock),
            ) => panic!("story text made markup ({tag:?}):\n{markdown}"),
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("story text made HTML ({html:?}):\n{markdown}")
            }
            Event::Rule => panic!("story text made a rule:\n{markdown}"),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                cells = 0;
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                header_cells = cells;
            }
            Event::Start(Tag::TableRow) => cells = 0,
            Event::End(TagEnd::TableRow) if !in_head => {
                shape.body_rows += 1;
                assert_eq!(
                    cells, header_cells,
                    "a row's cell count differs from its header:\n{markdown}"
                );
            }
            Event::Start(Tag::TableCell) => cells += 1,
            Event::FootnoteReference(label) if !references.contains(&label.to_string()) => {
                references.push(label.to_string())
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                assert!(
                    !definitions.contains(&label.to_string()),
                    "footnote {label} defined twice:\n{markdown}"
                );
                definitions.push(label.to_string());
            }
            _ => {}
        }
    }
    assert_eq!(headings_1, 1, "exactly one H1:\n{markdown}");
    assert_eq!(
        references, definitions,
        "footnotes referenced and defined differ:\n{markdown}"
    );
    shape
}
