//! Four reports of one wire service (two on different days, two on one day) and an
//! outlet with one report: wherever a source is named alone — the origins of a
//! sourcing line, a "relies on" column, a footnote's "relying on", a dispute version,
//! a lint group — two reports of one outlet are told apart, and a lone outlet is
//! named alone. On tests/fixtures/wire_reports.json and the shipped story.

use crate::common::storyscope_in_repo as storyscope;

const WIRE: &str = "tests/fixtures/wire_reports.json";

/// Stdout of a run that must succeed.
fn run_ok(args: &[&str]) -> String {
    let output = storyscope(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

const FIRST: &str = "Transoceanic Wire Service, 2 Jun 2031";
const SECOND: &str = "Transoceanic Wire Service, 5 Jun 2031";
const MORNING: &str =
    "Transoceanic Wire Service, “Morning briefing: investors weigh in on Meridian”";
const EVENING: &str =
    "Transoceanic Wire Service, “Evening briefing: talks on a new Meridian board”";

#[test]
fn a_sourcing_line_names_each_report_of_one_outlet() {
    let text = run_ok(&["export", "entity", "--id", "meridian", "--story", WIRE]);
    // Two origins that are two reports of one day: both named, by title.
    let both = format!("2 articles · 2 independent origins ({MORNING}; {EVENING})");
    assert!(text.contains(&both), "{text}");
    // A report of the wire and a lone outlet: the wire's by date, the outlet alone.
    let mixed = format!("3 sources · 2 independent origins ({FIRST}; Meridian Quantum Computing)");
    assert!(text.contains(&mixed), "{text}");
    assert!(
        !text.contains("origins (Transoceanic Wire Service)"),
        "{text}"
    );
}

#[test]
fn footnotes_and_the_relies_on_column_name_the_upstream_report() {
    let text = run_ok(&["export", "entity", "--id", "meridian", "--story", WIRE]);
    assert!(text.contains(&format!("(relying on {FIRST}).")), "{text}");
    let sources = run_ok(&["export", "sources", "--story", WIRE]);
    let harbour = sources
        .lines()
        .find(|l| l.contains("harbour's largest employer"))
        .expect("the Harbour row");
    assert!(harbour.contains(&format!("| {FIRST} |")), "{harbour}");
}

#[test]
fn dispute_versions_name_the_report_each_rests_on() {
    let text = run_ok(&["export", "record", "--id", "d-investors", "--story", WIRE]);
    assert!(text.contains(&format!("Version 1 — {MORNING}")), "{text}");
    assert!(text.contains(&format!("Version 2 — {EVENING}")), "{text}");
}

#[test]
fn lint_groups_facts_by_the_report_they_rest_on() {
    let text = run_ok(&["lint", "--story", WIRE]);
    for report in [FIRST, SECOND, MORNING, EVENING] {
        let group = format!("rest only on {report}, cited directly");
        assert!(text.contains(&group), "no group for {report}:\n{text}");
    }
    assert!(
        !text.contains("rest only on Transoceanic Wire Service, cited directly"),
        "{text}"
    );
    // A single fact's own line names the report too.
    assert!(
        text.contains(&format!("rests on one origin ({FIRST})")),
        "{text}"
    );
}

#[test]
fn a_report_keeps_its_name_on_a_date_its_siblings_are_not_known() {
    // On 3 June only the 2 June report is known; it is still named with its date, as
    // on every other date, so a reader moving between dates sees one name.
    let text = run_ok(&["lint", "--story", WIRE, "--as-of", "2031-06-03"]);
    assert!(
        text.contains(&format!("rest only on {FIRST}, cited directly")),
        "{text}"
    );
}

#[test]
fn the_shipped_story_names_each_outlet_alone() {
    let text = run_ok(&["export", "report"]);
    assert!(
        text.contains("independent origin (The Information)"),
        "{text}"
    );
    assert!(text.contains("(relying on The Information)"), "{text}");
    assert!(!text.contains("The Information, Feb 2025"), "{text}");
}
