//! The story as of a date tells the truth: narrowing never falls back to the whole
//! story, statuses are the ones known then (with their sources), and `diff` lists
//! exactly what became known between two dates. Checked on the shipped story and on
//! two fixtures of another shape (a late-described company and person; a choir whose
//! concert is announced then cancelled, with people as candidates).

use std::process::Command;

use storyscope::story::model::DateSpec;
use storyscope::story::query::{Clock, ViewFilter};
use storyscope::story::report::{ExportOptions, ExportView, export_markdown};
use storyscope::story::time::diff;

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn day(text: &str) -> i64 {
    DateSpec::parse(text).unwrap().latest()
}

/// The number after `name` in `check`'s output.
fn count(check: &str, name: &str) -> usize {
    let line = check
        .lines()
        .find(|l| l.trim_start().starts_with(name))
        .unwrap_or_else(|| panic!("no {name} line in {check}"));
    line.trim_start()[name.len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

const LATE: &str = "tests/fixtures/asof_late_entity.json";
const CHOIR: &str = "tests/fixtures/status_changes.json";

#[test]
fn check_as_of_the_first_day_counts_fewer_sources_and_citations_than_the_whole_story() {
    // The regression: an event known on 18 Nov names Bluewater, which only the 2 Dec
    // report describes. The old narrowing failed validation and returned everything.
    let (code, all, _) = run(&["check", "--story", LATE]);
    assert_eq!(code, 0);
    let (code, first, err) = run(&["check", "--story", LATE, "--as-of", "2025-11-18"]);
    assert_eq!(code, 0, "{err}");
    assert!(first.contains("as of 18 Nov 2025"), "{first}");
    assert_eq!(count(&all, "sources"), 3);
    assert_eq!(count(&first, "sources"), 1, "{first}");
    assert!(
        count(&first, "citations") < count(&all, "citations"),
        "{first}"
    );
    assert_eq!(count(&first, "events"), 1, "{first}");
    assert!(first.contains("1 named, not yet described"), "{first}");
    // The day before the describing report: still only the first report counts.
    let (_, eve, _) = run(&["check", "--story", LATE, "--as-of", "2025-12-01"]);
    assert_eq!(count(&eve, "sources"), 1, "{eve}");
    assert_eq!(
        count(&eve, "citations"),
        count(&first, "citations"),
        "{eve}"
    );
}

#[test]
fn an_entity_named_before_it_is_described_keeps_only_its_name() {
    let full = crate::common::fixture("asof_late_entity.json");
    let narrowed = full
        .as_of(day("2025-11-18"))
        .expect("narrowing never fails");
    let index = narrowed
        .file
        .entities
        .iter()
        .position(|e| e.id == "bluewater")
        .unwrap();
    let entity = &narrowed.file.entities[index];
    assert!(narrowed.is_undescribed(index));
    assert_eq!(entity.name, "Bluewater Lines");
    assert!(entity.summary.is_none() && entity.aliases.is_empty() && entity.cite.is_empty());
    assert!(
        !narrowed
            .file
            .sources
            .iter()
            .any(|s| s.id == "flyer" || s.id == "courier")
    );
    // Marked in the rows, the export and search.
    let clock = Clock {
        reference_day: day("2025-11-18"),
    };
    let rows = narrowed.timeline_rows(ViewFilter::default(), clock);
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0]
            .entities
            .contains(&"Bluewater Lines (not yet described)".to_owned())
    );
    let candidates = narrowed.candidate_rows(ViewFilter::default());
    assert!(candidates[0].undescribed);
    let report = export_markdown(
        &narrowed,
        ExportView::Report,
        &ExportOptions::default(),
        clock,
    );
    assert!(
        report.contains("| **Bluewater Lines** | company |   | _named, not yet described_ |"),
        "{report}"
    );
    let (_, hits, _) = run(&[
        "search",
        "bluewater",
        "--story",
        LATE,
        "--as-of",
        "2025-11-18",
    ]);
    assert!(
        hits.contains("Bluewater Lines") && hits.contains("not yet described"),
        "{hits}"
    );
    // Once the describing report counts, it is an ordinary entity again.
    let later = full.as_of(day("2025-12-02")).unwrap();
    let index = later
        .file
        .entities
        .iter()
        .position(|e| e.id == "bluewater")
        .unwrap();
    assert!(!later.is_undescribed(index));
    assert_eq!(
        later.file.entities[index].cite.len(),
        1,
        "the undated leaflet never counts"
    );
}

#[test]
fn the_status_shown_is_the_one_known_on_the_day_with_its_source() {
    let full = crate::common::fixture("status_changes.json");
    let event = |story: &storyscope::story::Story| {
        story
            .file
            .events
            .iter()
            .position(|e| e.id == "ev-concert")
            .unwrap()
    };
    let first = full.as_of(day("2026-03-02")).unwrap();
    let clock = Clock {
        reference_day: day("2026-03-02"),
    };
    let row = first.timeline_row(event(&first), clock);
    assert_eq!(row.status, "announced · expected");
    let history = first.status_history(event(&first));
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].per, "Riverside Post, 2 Mar 2026");

    let second = full.as_of(day("2026-03-10")).unwrap();
    let clock = Clock {
        reference_day: day("2026-03-10"),
    };
    let row = second.timeline_row(event(&second), clock);
    assert_eq!(row.status, "announced · cancelled");
    let history = second.status_history(event(&second));
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].per, "Riverside Post, 10 Mar 2026");
    // With no date: the latest status, and the history in the export.
    let clock = Clock {
        reference_day: crate::common::fixed_today(),
    };
    let row = full.timeline_row(event(&full), clock);
    assert_eq!(row.status, "announced · cancelled");
    let markdown = export_markdown(
        &full,
        ExportView::Timeline,
        &ExportOptions::default(),
        clock,
    );
    assert!(markdown.contains("### Status over time"), "{markdown}");
    assert!(
        markdown
            .contains("| ″ | announced · cancelled | 9 Mar 2026 | Riverside Post, 10 Mar 2026 |"),
        "{markdown}"
    );
    // Standing of a candidacy: considered on 2 Mar, dropped from 10 Mar.
    let wrona = |story: &storyscope::story::Story| {
        story
            .candidate_rows(ViewFilter::default())
            .into_iter()
            .find(|r| r.name == "Tomasz Wrona")
            .unwrap()
            .current
            .label()
            .to_owned()
    };
    assert_eq!(wrona(&first), "considered");
    assert_eq!(wrona(&second), "dropped");
}

#[test]
fn the_explorer_detail_shows_the_status_known_then_and_its_source() {
    let full = crate::common::fixture("status_changes.json");
    let mut app = storyscope::tui::app::App::new(
        full,
        DateSpec::parse("2026-03-02").ok(),
        crate::common::fixed_today(),
    );
    storyscope::tui::update::update(&mut app, storyscope::tui::input::Action::Resize(160, 45));
    let screen = crate::common::screen_text(&app);
    assert!(screen.contains("Status: announced · expected"), "{screen}");
    assert!(!screen.contains("cancelled"), "{screen}");
    crate::common::press(&mut app, "<gt>");
    assert_eq!(app.as_of.unwrap().human(), "10 Mar 2026");
    let screen = crate::common::screen_text(&app);
    assert!(
        screen.contains("Status: announced · cancelled (per Riverside Post, 10 Mar"),
        "{screen}"
    );
    assert!(screen.contains("Status over time"), "{screen}");
    assert!(
        screen.contains("new since previous date (2 Mar 2026): "),
        "{screen}"
    );
    // On 20 Mar a second version makes the cancellation disputed: the row is marked.
    crate::common::press(&mut app, "<gt>");
    assert_eq!(app.as_of.unwrap().human(), "20 Mar 2026");
    let concert = app
        .story
        .file
        .events
        .iter()
        .position(|e| e.id == "ev-concert")
        .unwrap();
    assert_eq!(
        app.row_mark(storyscope::story::RecordRef::Event(concert)),
        Some('*')
    );
}

#[test]
fn a_dispute_is_settled_once_the_minutes_count() {
    let full = crate::common::fixture("status_changes.json");
    let before = full.as_of(day("2026-03-20")).unwrap();
    assert!(before.file.disputes[0].resolution.is_none());
    let after = full.as_of(day("2026-04-02")).unwrap();
    assert!(after.file.disputes[0].resolution.is_some());
    let changes = diff(&before, day("2026-03-20"), &after, day("2026-04-02"));
    assert_eq!(changes.resolved, vec![0]);
    let markdown = export_markdown(
        &after,
        ExportView::Disputes,
        &ExportOptions::default(),
        Clock {
            reference_day: day("2026-04-02"),
        },
    );
    assert!(
        markdown.contains("Settled (1 Apr 2026): The minutes record water damage"),
        "{markdown}"
    );
}

#[test]
fn diff_on_the_choir_lists_sources_statuses_stages_settlements_and_what_fell_due() {
    let (code, out, err) = run(&[
        "diff",
        "--story",
        CHOIR,
        "--from",
        "2026-03-02",
        "--to",
        "2026-05-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["from"], "2026-03-02");
    assert_eq!(json["to"], "2026-05-01");
    let ids = |key: &str, field: &str| -> Vec<String> {
        json[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v[field].as_str().unwrap_or("").to_owned())
            .collect()
    };
    assert_eq!(
        ids("new_sources", "id"),
        ["post-0310", "radio-0320", "bulletin", "minutes"]
    );
    assert_eq!(json["status_changes"][0]["was"], "announced · expected");
    assert_eq!(json["status_changes"][0]["now"], "announced · cancelled");
    assert_eq!(ids("new_stages", "stage"), ["selected", "dropped"]);
    assert_eq!(ids("new_disputes", "id"), ["disp-why-cancelled"]);
    assert_eq!(ids("fell_due", "id"), ["ev-rehearsal"]);
    assert_eq!(ids("now_described", "id"), ["hall"]);
    assert_eq!(ids("new_entities", "id"), ["lind"]);
    // Reversed dates are refused, as is a global --as-of.
    let (code, _, err) = run(&[
        "diff",
        "--story",
        CHOIR,
        "--from",
        "2026-05-01",
        "--to",
        "2026-03-02",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("give the earlier date first"), "{err}");
    let (code, _, _) = run(&[
        "--as-of",
        "2026-03-02",
        "diff",
        "--story",
        CHOIR,
        "--from",
        "2026-03-02",
    ]);
    assert_eq!(code, 2);
}

#[test]
fn diff_of_the_shipped_story_lists_only_what_the_13_february_reprint_adds() {
    let (code, out, err) = run(&[
        "diff",
        "--from",
        "2025-02-12",
        "--to",
        "2025-02-13",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let reprint = "reprint-2025-02-13";
    assert_eq!(json["new_sources"].as_array().unwrap().len(), 1);
    assert_eq!(json["new_sources"][0]["id"], reprint);
    // The figures listed are exactly those the reprint alone carries.
    let full = crate::common::embedded_story();
    let mut expected: Vec<&str> = full
        .file
        .metrics
        .iter()
        .filter(|m| m.cite.iter().all(|c| c.source == reprint))
        .map(|m| m.id.as_str())
        .collect();
    let mut listed: Vec<&str> = json["new_metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    expected.sort();
    listed.sort();
    assert_eq!(listed, expected);
    assert!(!listed.is_empty());
    // Every new citation, stage and version rests on the reprint.
    for citation in json["new_citations"].as_array().unwrap() {
        assert_eq!(citation["source"], reprint, "{citation}");
    }
    for key in ["new_stages", "new_versions", "new_status_entries"] {
        for item in json[key].as_array().unwrap() {
            assert!(
                item["cite"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|c| c["source"] == reprint),
                "{key}: {item}"
            );
        }
    }
    // Each new dispute has a version told by the reprint (the one that made it a dispute).
    for dispute in json["new_disputes"].as_array().unwrap() {
        let id = dispute["id"].as_str().unwrap();
        let record = full.file.disputes.iter().find(|d| d.id == id).unwrap();
        assert!(
            record
                .variants
                .iter()
                .any(|v| v.cite.iter().all(|c| c.source == reprint)),
            "{id}"
        );
    }
    assert_eq!(json["status_changes"][0]["now"], "disputed · happened");
    // The Markdown names both dates.
    let (_, markdown, _) = run(&["diff", "--from", "2025-02-12", "--to", "2025-02-13"]);
    assert!(
        markdown.contains("_View: diff · from 12 Feb 2025 to 13 Feb 2025"),
        "{markdown}"
    );
    assert!(
        !markdown.contains("MARKETING-INTERACTIVE, 12 Feb 2025 |")
            || markdown.contains("## New disputes")
    );
}

#[test]
fn diff_markdown_of_the_choir() {
    let (code, out, err) = run(&[
        "diff",
        "--story",
        CHOIR,
        "--from",
        "2026-03-02",
        "--to",
        "2026-03-20",
    ]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(out);
}

#[test]
fn export_since_records_both_dates_and_marks_rows() {
    let (code, out, err) = run(&[
        "--as-of",
        "2026-03-10",
        "export",
        "timeline",
        "--story",
        CHOIR,
        "--since",
        "2026-03-02",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("as of 10 Mar 2026") && out.contains("marked new or changed since 2 Mar 2026"),
        "{out}"
    );
    assert!(out.contains("announced · cancelled · **changed**"), "{out}");
}

#[test]
fn stepping_back_never_shows_more_events_than_a_later_date() {
    for story in [
        crate::common::fixture("asof_late_entity.json"),
        crate::common::fixture("status_changes.json"),
        crate::common::embedded_story(),
    ] {
        let origin = story.origin.clone();
        let mut app = crate::common::app_with(story, 160, 45);
        let mut counts = vec![(None, app.panes.timeline_events.len())];
        loop {
            let before = app.as_of;
            crate::common::press(&mut app, "<lt>");
            if app.as_of == before {
                break;
            }
            counts.push((app.as_of, app.panes.timeline_events.len()));
        }
        assert!(counts.len() >= 3, "{origin}: {counts:?}");
        for pair in counts.windows(2) {
            assert!(
                pair[0].1 >= pair[1].1,
                "{origin}: an earlier date shows more events: {counts:?}"
            );
        }
        let earliest = counts.last().unwrap().1;
        assert!(earliest < counts[0].1, "{origin}: {counts:?}");
        let screen = crate::common::screen_text(&app);
        assert!(screen.contains("earliest date"), "{origin}:\n{screen}");
    }
}

#[test]
fn a_step_marks_what_is_new_and_counts_it() {
    let mut app = crate::common::app_with(crate::common::fixture("asof_late_entity.json"), 160, 45);
    crate::common::press(&mut app, "<lt>");
    assert_eq!(app.as_of.unwrap().human(), "2 Dec 2025");
    let screen = crate::common::screen_text(&app);
    let marks = app.new_since.as_ref().unwrap();
    assert_eq!(marks.since.unwrap().human(), "18 Nov 2025");
    assert!(
        screen.contains(&format!(
            "new since previous date (18 Nov 2025): {}",
            marks.diff.len()
        )),
        "{screen}"
    );
    // The event first known on 2 Dec is new, the one known since 18 Nov gained a source.
    let line = |title: &str| {
        screen
            .lines()
            .find(|l| l.contains(title))
            .unwrap()
            .to_owned()
    };
    assert!(
        line("Bluewater's owner speaks").contains("┃+ 1 Dec 2025"),
        "{screen}"
    );
    assert!(
        line("Council opens ferry talks").contains("┃* 17 Nov 2025"),
        "{screen}"
    );
    // Export from here records both dates.
    let effects = crate::common::press(&mut app, "e");
    let Some(storyscope::tui::update::Effect::Export { markdown, .. }) = effects.first() else {
        panic!("no export");
    };
    assert!(
        markdown.contains("as of 2 Dec 2025")
            && markdown.contains("marked new or changed since 18 Nov 2025"),
        "{markdown}"
    );
    assert!(markdown.contains("**Bluewater's owner speaks to the press**"));
    assert!(
        markdown.contains("reported · happened · **new**"),
        "{markdown}"
    );
}

#[test]
fn the_choir_screen_after_stepping_back_to_10_march() {
    let mut app = crate::common::app_with(crate::common::fixture("status_changes.json"), 160, 45);
    // Every source → 2 Apr → 31 Mar (the bulletin, dated only "c. Mar") → 20 Mar → 10 Mar.
    crate::common::press(&mut app, "<lt><lt><lt><lt>");
    assert_eq!(app.as_of.unwrap().human(), "10 Mar 2026");
    insta::assert_snapshot!(crate::common::screen(&app).backend());
}

#[test]
fn marks_after_a_step_forward_equal_marks_computed_afresh() {
    let full = crate::common::fixture("status_changes.json");
    let mut app = crate::common::app_with(full.clone(), 160, 45);
    // Back to 10 Mar, then forward to 20 Mar: the 10 Mar story is reused as "previous".
    crate::common::press(&mut app, "<lt><lt><lt><lt><gt>");
    assert_eq!(app.as_of.unwrap().human(), "20 Mar 2026");
    let (from, to) = (day("2026-03-10"), day("2026-03-20"));
    let fresh = diff(
        &full.as_of(from).unwrap(),
        from,
        &full.as_of(to).unwrap(),
        to,
    );
    let marks = app.new_since.as_ref().unwrap();
    assert_eq!(marks.since.unwrap().human(), "10 Mar 2026");
    assert_eq!(marks.diff, fresh);
    assert!(!fresh.is_empty());
}

#[test]
fn an_explorer_opened_on_a_story_narrowed_by_the_command_line_matches_one_that_narrows_itself() {
    // `storyscope --as-of` narrows once, in the loader; the explorer takes that story
    // as it is and must show what narrowing it again would have shown.
    let full = crate::common::fixture("status_changes.json");
    let date = DateSpec::parse("2026-03-02").unwrap();
    let narrowed = full.as_of(date.latest()).unwrap();
    let today = crate::common::fixed_today();
    let mut given =
        storyscope::tui::app::App::with_narrowed(full.clone(), narrowed, Some(date), today);
    let mut narrowing = storyscope::tui::app::App::new(full, Some(date), today);
    for app in [&mut given, &mut narrowing] {
        storyscope::tui::update::update(app, storyscope::tui::input::Action::Resize(160, 45));
    }
    assert_eq!(given.as_of, narrowing.as_of);
    let screen = crate::common::screen_text(&given);
    assert!(screen.contains("2 Mar 2026"), "{screen}");
    assert_eq!(screen, crate::common::screen_text(&narrowing));
    // A step later, both step from the same date to the same story.
    crate::common::press(&mut given, "<gt>");
    crate::common::press(&mut narrowing, "<gt>");
    assert_eq!(
        crate::common::screen_text(&given),
        crate::common::screen_text(&narrowing)
    );
}
