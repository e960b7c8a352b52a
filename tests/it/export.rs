//! Markdown exports: a snapshot of every view of the embedded story, each parsed back
//! with pulldown-cmark to check its structure (one H1, whole tables, footnotes numbered
//! by first use with one definition each), plus hostile story text and the as-of rule.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use storyscope::story::RecordRef;
use storyscope::story::load::load_bytes;
use storyscope::story::model::{DateSpec, days_from_civil};
use storyscope::story::query::{Clock, ViewFilter};
use storyscope::story::report::escape;
use storyscope::story::report::{ExportOptions, ExportView, export_markdown};
use storyscope::story::safe_text::clean_line;
use storyscope::story::{self, Story};

/// A fixed "today", so overdue badges do not depend on when the tests run.
fn clock() -> Clock {
    Clock {
        reference_day: days_from_civil(2026, 1, 1),
    }
}

/// The options `storyscope export` uses when no filter or as-of date is given.
fn cli_options() -> ExportOptions {
    ExportOptions {
        filter: ViewFilter::default(),
        as_of: None,
        selected: None,
        chart: true,
        new_since: None,
    }
}

fn embedded() -> Story {
    story::embedded().expect("the embedded story loads")
}

fn entity(story: &Story, id: &str) -> usize {
    match story.lookup(id) {
        Some(RecordRef::Entity(index)) => index,
        other => panic!("`{id}` is not an entity: {other:?}"),
    }
}

/// What a Markdown document turned out to contain, as pulldown-cmark read it.
#[derive(Debug, Default)]
struct Parsed {
    /// (level, text) of every heading.
    headings: Vec<(HeadingLevel, String)>,
    /// Each table: its header cells, then each body row's cells, as rendered text.
    tables: Vec<Table>,
    /// Footnote labels in the order they are referenced.
    references: Vec<String>,
    /// Footnote labels in the order they are defined.
    definitions: Vec<String>,
    /// Links, images, autolinks and raw HTML: none may come from story text.
    links: Vec<String>,
    html: Vec<String>,
}

#[derive(Debug, Default, Clone)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES
}

fn parse(markdown: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut table: Option<Table> = None;
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<String> = None;
    let mut in_head = false;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => parsed.headings.extend(heading.take()),
            Event::Start(Tag::Table(_)) => table = Some(Table::default()),
            Event::End(TagEnd::Table) => parsed.tables.extend(table.take()),
            Event::Start(Tag::TableHead) => {
                in_head = true;
                row = Some(Vec::new());
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                let t = table.as_mut().expect("head inside a table");
                t.header = row.take().unwrap_or_default();
            }
            Event::Start(Tag::TableRow) => row = Some(Vec::new()),
            Event::End(TagEnd::TableRow) => {
                let t = table.as_mut().expect("row inside a table");
                t.rows.extend(row.take());
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().unwrap_or_default();
                row.as_mut().expect("cell inside a row").push(text);
            }
            Event::Start(Tag::Link { dest_url, .. }) => parsed.links.push(dest_url.to_string()),
            Event::Start(Tag::Image { dest_url, .. }) => parsed.links.push(dest_url.to_string()),
            Event::Html(html) | Event::InlineHtml(html) => parsed.html.push(html.to_string()),
            Event::FootnoteReference(label) => {
                parsed.references.push(label.to_string());
                if let Some(cell) = cell.as_mut() {
                    cell.push_str(&format!("[^{label}]"));
                }
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                parsed.definitions.push(label.to_string())
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_str(&text);
                } else if let Some((_, heading)) = heading.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(cell) = cell.as_mut() {
                    cell.push(' ');
                }
            }
            _ => {}
        }
    }
    assert!(!in_head, "unclosed table head");
    parsed
}

/// Cells of a raw table line, split on unescaped `|`; pulldown-cmark silently pads or
/// drops cells, so the source is counted too.
fn raw_cell_count(line: &str) -> usize {
    let mut pipes = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            _ => {}
        }
    }
    pipes - 1
}

/// Footnote labels written in the source as `[^N]` outside definitions.
fn raw_references(markdown: &str) -> Vec<String> {
    let mut labels = Vec::new();
    for line in markdown.lines() {
        let body = match line
            .strip_prefix("[^")
            .and_then(|rest| rest.split_once("]:"))
        {
            Some((_, definition)) => definition,
            None => line,
        };
        let mut rest = body;
        while let Some(start) = rest.find("[^") {
            let escaped = rest[..start].ends_with('\\');
            let after = &rest[start + 2..];
            let end = after.find(']').expect("a footnote reference is closed");
            if !escaped {
                labels.push(after[..end].to_owned());
            }
            rest = &after[end..];
        }
    }
    labels
}

/// Every structural promise of an export, checked on the parsed document.
fn check_structure(name: &str, markdown: &str) -> Parsed {
    let parsed = parse(markdown);

    let h1: Vec<&String> = parsed
        .headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H1)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(h1.len(), 1, "{name}: exactly one H1, got {h1:?}");
    assert!(markdown.starts_with("# "), "{name}: the H1 comes first");

    for (t, table) in parsed.tables.iter().enumerate() {
        assert!(!table.header.is_empty(), "{name}: table {t} has a header");
        for (r, row) in table.rows.iter().enumerate() {
            assert_eq!(
                row.len(),
                table.header.len(),
                "{name}: table {t} row {r}: {row:?}"
            );
        }
    }
    let mut in_table = false;
    let mut header_cells = 0;
    for line in markdown.lines() {
        if line.starts_with('|') {
            let cells = raw_cell_count(line);
            if !in_table {
                header_cells = cells;
                in_table = true;
            }
            assert_eq!(
                cells, header_cells,
                "{name}: raw row has {cells} cells, header {header_cells}: {line}"
            );
        } else {
            in_table = false;
        }
    }

    let defined: BTreeSet<&String> = parsed.definitions.iter().collect();
    assert_eq!(
        defined.len(),
        parsed.definitions.len(),
        "{name}: a footnote is defined twice"
    );
    let referenced: BTreeSet<&String> = parsed.references.iter().collect();
    assert_eq!(
        referenced, defined,
        "{name}: footnotes referenced vs defined"
    );
    assert_eq!(
        raw_references(markdown),
        parsed.references,
        "{name}: every `[^N]` in the source is a working footnote reference"
    );
    let mut first_use: Vec<&String> = Vec::new();
    for label in &parsed.references {
        if !first_use.contains(&label) {
            first_use.push(label);
        }
    }
    let expected: Vec<String> = (1..=first_use.len()).map(|n| n.to_string()).collect();
    assert_eq!(
        first_use,
        expected.iter().collect::<Vec<_>>(),
        "{name}: numbered by first use"
    );
    assert_eq!(
        parsed.definitions, expected,
        "{name}: definitions listed 1..n"
    );

    // The only links are sources' web addresses, never story text turned into one.
    assert!(
        parsed
            .links
            .iter()
            .all(|l| (l.starts_with("https://") || l.starts_with("http://")) && !l.contains(' ')),
        "{name}: unexpected links {:?}",
        parsed.links
    );
    assert!(
        parsed.html.is_empty(),
        "{name}: unexpected HTML {:?}",
        parsed.html
    );
    parsed
}

fn export(story: &Story, view: ExportView) -> String {
    export_markdown(story, view, &cli_options(), clock())
}

fn snapshot_view(view: ExportView, name: &str) {
    let story = embedded();
    let markdown = export(&story, view);
    check_structure(name, &markdown);
    assert_eq!(
        markdown,
        export(&story, view),
        "{name}: output is deterministic"
    );
    insta::assert_snapshot!(name, markdown);
}

/// The story of another shape: two candidacies of one person, money in two
/// currencies and scales, a range and words in place of a number.
fn board_story() -> Story {
    // Named by its path in the repository, so snapshots hold no absolute path.
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/board_rehire.json"),
    )
    .unwrap();
    load_bytes(&bytes, "tests/fixtures/board_rehire.json").expect("the board fixture loads")
}

#[test]
fn board_story_candidates_export() {
    let markdown = export(&board_story(), ExportView::Candidates);
    let parsed = check_structure("board candidates", &markdown);
    assert!(
        markdown.contains("## Who will run the company\n"),
        "{markdown}"
    );
    let summary = &parsed.tables[0];
    assert_eq!(
        summary.header,
        ["Candidate", "For", "Chooser", "Where it stands"]
    );
    let quist: Vec<&Vec<String>> = summary
        .rows
        .iter()
        .filter(|row| row[0] == "Mara Quist")
        .collect();
    assert_eq!(quist.len(), 2);
    assert_eq!(
        quist[0][1..3],
        ["chief executive of Halden Labs", "Halden board"]
    );
    assert_eq!(quist[1][1..3], ["head of a new research unit", "Corvane"]);
    // In the history every stage names the candidacy it belongs to.
    let history = &parsed.tables[1];
    assert!(history.rows.iter().any(|row| row[0] == "Mara Quist"
        && row[1] == "Corvane: head of a new research unit"
        && row[2] == "dropped"));
    insta::assert_snapshot!("export_board_candidates", markdown);
}

#[test]
fn board_story_metrics_export() {
    let markdown = export(&board_story(), ExportView::Metrics);
    let parsed = check_structure("board metrics", &markdown);
    let values: Vec<&str> = parsed.tables[0]
        .rows
        .iter()
        .map(|row| row[1].as_str())
        .collect();
    for value in [
        "about $13 billion",
        "about $2–3 billion",
        "$800 million",
        "about 13亿元",
        "nearly all staff · disputed",
        "−2.1%",
    ] {
        assert!(values.contains(&value), "{value} not in {values:?}");
    }
    let charts: Vec<&str> = parsed
        .headings
        .iter()
        .map(|(_, text)| text.as_str())
        .filter(|text| text.starts_with("Chart"))
        .collect();
    assert_eq!(
        charts,
        [
            "Chart: money (USD)",
            "Chart: letter (staff)",
            "Chart: share-moves (%)"
        ]
    );
    // Words are listed with the metrics, never in a chart.
    let charted = &parsed.tables[1..];
    assert!(
        charted
            .iter()
            .flat_map(|t| &t.rows)
            .all(|row| !row[1].contains("nearly all"))
    );
    insta::assert_snapshot!("export_board_metrics", markdown);
}

#[test]
fn timeline_export() {
    snapshot_view(ExportView::Timeline, "export_timeline");
}

#[test]
fn candidates_export() {
    snapshot_view(ExportView::Candidates, "export_candidates");
}

#[test]
fn metrics_export() {
    snapshot_view(ExportView::Metrics, "export_metrics");
}

#[test]
fn disputes_export() {
    snapshot_view(ExportView::Disputes, "export_disputes");
}

#[test]
fn sources_export() {
    snapshot_view(ExportView::Sources, "export_sources");
}

#[test]
fn entity_export() {
    let story = embedded();
    snapshot_view(
        ExportView::Entity(entity(&story, "alibaba")),
        "export_entity_alibaba",
    );
}

#[test]
fn report_export() {
    snapshot_view(ExportView::Report, "export_report");
}

#[test]
fn the_report_carries_every_fact_and_every_view() {
    let story = embedded();
    let markdown = export(&story, ExportView::Report);
    let parsed = check_structure("report", &markdown);
    let sections: Vec<&str> = parsed
        .headings
        .iter()
        .filter(|(level, _)| *level == HeadingLevel::H2)
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(
        sections,
        [
            "Timeline",
            "Candidate partners",
            "Cited metrics",
            "Where the sources disagree",
            "Where a source contradicts itself",
            "Who and what",
            "Relations",
            "Sources"
        ]
    );
    let file = &story.file;
    let cells: BTreeSet<&str> = parsed
        .tables
        .iter()
        .flat_map(|t| t.rows.iter().flatten())
        .map(String::as_str)
        .collect();
    let has_cell = |text: &str| cells.contains(text);
    for event in &file.events {
        assert!(
            has_cell(&clean_line(event.title())),
            "event {} missing",
            event.id
        );
    }
    for metric in &file.metrics {
        assert!(
            has_cell(&clean_line(&metric.label)),
            "figure {} missing",
            metric.id
        );
    }
    for entity in &file.entities {
        assert!(
            has_cell(&clean_line(&entity.name)),
            "entity {} missing",
            entity.id
        );
    }
    for dispute in &file.disputes {
        assert!(
            parsed
                .headings
                .iter()
                .any(|(_, t)| *t == clean_line(&dispute.point)),
            "dispute {}",
            dispute.id
        );
        for variant in &dispute.variants {
            assert!(
                has_cell(&clean_line(&variant.claim)),
                "a version of {} missing",
                dispute.id
            );
        }
    }
    let stages: usize = file.candidates.iter().map(|c| c.stages.len()).sum();
    let stage_table = parsed
        .tables
        .iter()
        .find(|t| t.header.get(2).is_some_and(|h| h == "Stage"))
        .unwrap();
    assert_eq!(
        stage_table.rows.len(),
        stages,
        "one row per candidate stage"
    );
    assert_eq!(
        parsed.definitions.len(),
        distinct_citations(&story),
        "one footnote per (source, paragraph, via, quote)"
    );
}

/// Distinct (source, paragraph) pairs cited anywhere in the story.
fn distinct_citations(story: &Story) -> usize {
    // A footnote stands for a paragraph as one origin's and with one quote.
    type Key = (String, Option<u32>, Option<String>, Option<String>);
    let pairs: BTreeSet<Key> = story
        .facts()
        .into_iter()
        .flat_map(|(_, cite)| {
            cite.iter().map(|c| {
                (
                    c.source.to_string(),
                    c.para,
                    c.via().map(str::to_owned),
                    c.quote().map(str::to_owned),
                )
            })
        })
        .collect();
    pairs.len()
}

#[test]
fn the_small_fixture_exports_cleanly_in_every_view() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    let story = storyscope::story::load::load_path(&path).unwrap();
    let alibaba = entity(&story, "alibaba");
    for view in [
        ExportView::Timeline,
        ExportView::Candidates,
        ExportView::Metrics,
        ExportView::Disputes,
        ExportView::Sources,
        ExportView::Entity(alibaba),
        ExportView::Report,
    ] {
        let markdown = export(&story, view);
        check_structure(view.name(), &markdown);
    }
    let report = export(&story, ExportView::Report);
    assert!(
        report.contains("| **阿里巴巴** |"),
        "the CJK name survives escaping"
    );
    assert!(
        report.contains("**over 300,000 businesses**"),
        "the bound is kept with the value"
    );
    assert!(report.contains("**up to +3%**"));
    let board = board_story();
    let quist = entity(&board, "quist");
    for view in [
        ExportView::Timeline,
        ExportView::Disputes,
        ExportView::Sources,
        ExportView::Entity(quist),
        ExportView::Report,
    ] {
        let markdown = export(&board, view);
        check_structure(&format!("board {}", view.name()), &markdown);
    }
    let quist_page = export(&board, ExportView::Entity(quist));
    assert!(quist_page.contains("### Who will run the company"));
    assert!(quist_page.contains("| Mara Quist | Corvane: head of a new research unit |"));
}

/// Text a hostile story file might carry: a pipe, a newline, a link, HTML, and
/// terminal escape sequences.
const HOSTILE: &str = "Evil|Co\nsecond line [x](http://evil) <script>alert(1)</script> \x1b[31mred\x1b]0;title\x07 <http://auto.link> www.evil.com ![i](http://img) `code` \\| done";

fn hostile_story() -> Story {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let hostile = serde_json::Value::from(HOSTILE);
    file["story"]["title"] = hostile.clone();
    file["story"]["summary"] = hostile.clone();
    file["sources"][0]["outlet"] = hostile.clone();
    file["sources"][1]["title"] = hostile.clone();
    file["sources"][1]["url"] = hostile.clone();
    file["entities"][1]["name"] = hostile.clone();
    file["entities"][1]["aliases"][0] = hostile.clone();
    file["entities"][1]["summary"] = hostile.clone();
    file["events"][0]["title"] = hostile.clone();
    file["events"][0]["summary"] = hostile.clone();
    file["events"][1]["condition"] = hostile.clone();
    file["candidates"][0]["role"] = hostile.clone();
    file["candidates"][0]["stages"][1]["reason"] = hostile.clone();
    file["metrics"][0]["label"] = hostile.clone();
    file["metrics"][0]["unit"] = hostile.clone();
    file["story"]["candidates_title"] = hostile.clone();
    let words = file["metrics"][1].as_object_mut().unwrap();
    words.remove("value");
    words.remove("bound");
    words.insert("qualitative".to_owned(), hostile.clone());
    file["disputes"][0]["point"] = hostile.clone();
    file["disputes"][0]["variants"][0]["claim"] = hostile.clone();
    file["relations"][0]["summary"] = hostile;
    load_bytes(
        file.to_string().as_bytes(),
        "hostile <story> | [x](http://evil)",
    )
    .expect("hostile text is still valid")
}

#[test]
fn hostile_text_stays_inert_and_inside_its_cell() {
    let story = hostile_story();
    let shown = clean_line(HOSTILE);
    assert!(!shown.contains('\x1b') && !shown.contains('\n'));
    let alibaba = entity(&story, "alibaba");
    for view in [
        ExportView::Timeline,
        ExportView::Candidates,
        ExportView::Metrics,
        ExportView::Disputes,
        ExportView::Sources,
        ExportView::Entity(alibaba),
        ExportView::Report,
    ] {
        let name = format!("hostile {}", view.name());
        let markdown = export(&story, view);
        assert!(
            !markdown.chars().any(|c| c.is_control() && c != '\n'),
            "{name}: a control character got through"
        );
        // check_structure also asserts: no link, image, autolink or HTML; whole rows.
        let parsed = check_structure(&name, &markdown);
        assert_eq!(
            parsed.headings[0].1, shown,
            "{name}: the title is one inert heading"
        );
        let whole_cells = parsed
            .tables
            .iter()
            .flat_map(|t| t.rows.iter().flatten())
            .filter(|cell| cell.contains(&shown))
            .count();
        assert!(
            whole_cells > 0,
            "{name}: the hostile text shows, whole, inside a cell:\n{markdown}"
        );
        for table in &parsed.tables {
            for row in &table.rows {
                for cell in row {
                    if cell.contains("Evil") {
                        assert!(
                            cell.contains(&shown),
                            "{name}: hostile text split across cells: {cell:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn hostile_text_in_the_metrics_table_keeps_the_other_columns_in_place() {
    let story = hostile_story();
    let parsed = check_structure("hostile metrics", &export(&story, ExportView::Metrics));
    let figures = &parsed.tables[0];
    assert_eq!(figures.header[0], "Metric");
    let row = &figures.rows[0];
    assert_eq!(row[0], clean_line(HOSTILE));
    assert!(
        row[1].starts_with("over 300,000 Evil|Co"),
        "the value column: {:?}",
        row[1]
    );
    assert_eq!(row[2], "Qwen 2.5", "the subject column did not shift");
    assert_eq!(row[3], "Jan 2025");
}

fn as_of_feb_12(story: &Story) -> (Story, ExportOptions, Clock) {
    let date = DateSpec::parse("2025-02-12").unwrap();
    let options = ExportOptions {
        as_of: Some(date),
        ..cli_options()
    };
    (
        story.as_of(date.latest()).expect("narrowing never fails"),
        options,
        Clock {
            reference_day: date.latest(),
        },
    )
}

#[test]
fn metrics_as_of_a_date_leave_out_figures_from_later_sources() {
    let full = embedded();
    let (narrowed, options, clock) = as_of_feb_12(&full);
    let library = export_markdown(&narrowed, ExportView::Metrics, &options, clock);
    let binary = Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(["--as-of", "2025-02-12", "export", "metrics"])
        .output()
        .expect("run storyscope");
    assert_eq!(binary.status.code(), Some(0));
    let binary = String::from_utf8(binary.stdout).unwrap();
    assert_eq!(binary, library, "the command line and the library agree");

    let parsed = check_structure("metrics as of 12 Feb", &library);
    let shown: BTreeSet<&str> = parsed.tables[0]
        .rows
        .iter()
        .map(|row| row[0].as_str())
        .collect();
    let mut dropped = 0;
    let mut kept = 0;
    for metric in &full.file.metrics {
        let label = clean_line(&metric.label);
        if metric.cite.iter().all(|c| c.source == "reprint-2025-02-13") {
            assert!(
                !shown.contains(label.as_str()),
                "{} rests on the 13 Feb reprint only",
                metric.id
            );
            assert!(
                !library.contains(&escape(&metric.label)),
                "{} leaks elsewhere",
                metric.id
            );
            dropped += 1;
        } else {
            assert!(
                shown.contains(label.as_str()),
                "{} has an earlier source and stays",
                metric.id
            );
            kept += 1;
        }
    }
    assert!(
        dropped > 0 && kept > 0,
        "the story has figures on both sides ({dropped} dropped, {kept} kept)"
    );
    assert_eq!(parsed.tables[0].rows.len(), kept);
    assert!(
        !library.contains("Major Announcement"),
        "no footnote cites the reprint"
    );
    assert!(
        library.contains("_View: metrics · as of 12 Feb 2025 ("),
        "the provenance line names the date"
    );
}

#[test]
fn the_structure_checks_catch_broken_markdown() {
    let good = "# Title\n\n| A | B |\n| --- | --- |\n| x | y[^1] |\n\n[^1]: Source.\n";
    check_structure("good", good);
    let broken = [
        ("two H1", "# One\n\n# Two\n"),
        ("short row", "# T\n\n| A | B |\n| --- | --- |\n| x |\n"),
        (
            "long row",
            "# T\n\n| A | B |\n| --- | --- |\n| x | y | z |\n",
        ),
        ("undefined footnote", "# T\n\nText[^1].\n"),
        (
            "unused footnote",
            "# T\n\nText[^1].\n\n[^1]: A.\n[^2]: B.\n",
        ),
        (
            "out of order",
            "# T\n\nText[^2] and[^1].\n\n[^1]: A.\n[^2]: B.\n",
        ),
        ("defined twice", "# T\n\nText[^1].\n\n[^1]: A.\n[^1]: B.\n"),
        ("a script link", "# T\n\n[x](javascript:alert(1))\n"),
        ("a link with a space", "# T\n\n[x](<http://e vil>)\n"),
        ("raw HTML", "# T\n\n<script>alert(1)</script>\n"),
    ];
    for (name, markdown) in broken {
        let caught = std::panic::catch_unwind(|| check_structure(name, markdown)).is_err();
        assert!(caught, "the checks let {name:?} through");
    }
}
