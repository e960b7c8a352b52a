//! The explorer on tests/fixtures/wire_reports.json and the shipped story at 80×24,
//! 120×30 and 160×45: timeline rows say which events were denied, cancelled or are
//! still expected, and two reports of one outlet are told apart where Detail names a
//! source alone.

use crate::common::{app, app_with, fixture, press, screen_text};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 30), (160, 45)];

/// The screen row holding `needle`.
fn row_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle}:\n{screen}"))
}

#[test]
fn timeline_rows_show_denied_cancelled_and_expected() {
    for (width, height) in SIZES {
        let app = app_with(fixture("wire_reports.json"), width, height);
        let screen = screen_text(&app);
        for (title, mark) in [
            ("Sale talks with Corrigan", "denied"),
            ("Listing on the Northern", "cancelled"),
            ("Extraordinary shareholder", "expected"),
            ("Talks on a new board", "ongoing"),
        ] {
            let row = row_with(&screen, title);
            assert!(
                row.contains(&format!("{mark} {title}")),
                "{width}x{height}: {row}"
            );
        }
        // An event that happened as reported carries no word.
        let row = row_with(&screen, "Staff letter threatening");
        for mark in ["denied", "cancelled", "expected", "ongoing"] {
            assert!(!row.contains(mark), "{width}x{height}: {row}");
        }
    }
}

#[test]
fn the_shipped_timeline_marks_what_is_not_plain_fact() {
    for (width, height) in SIZES {
        let mut app = app(width, height);
        let screen = screen_text(&app);
        assert!(
            screen.contains("ongoing Apple tests"),
            "{width}x{height}:\n{screen}"
        );
        let row = row_with(&screen, "Alibaba launches Tongyi");
        let timeline_part = row.split('│').next().unwrap_or(row);
        for mark in ["ongoing", "expected", "conditional", "denied", "cancelled"] {
            assert!(!timeline_part.contains(mark), "{width}x{height}: {row}");
        }
        // The last event, at the end of the list.
        press(&mut app, "G");
        let screen = screen_text(&app);
        assert!(
            screen.contains("conditional AI features"),
            "{width}x{height}:\n{screen}"
        );
    }
}

#[test]
fn detail_tells_two_reports_of_one_wire_apart() {
    for (width, height) in SIZES {
        let mut app = app_with(fixture("wire_reports.json"), width, height);
        // The dispute's versions are the morning and evening reports of one day.
        press(&mut app, "/investors back<Enter>");
        let screen = screen_text(&app);
        assert!(
            screen.contains("Morning briefing"),
            "{width}x{height}:\n{screen}"
        );
        assert!(
            screen.contains("Evening briefing"),
            "{width}x{height}:\n{screen}"
        );
    }
}

#[test]
fn an_ungrouped_metric_clears_the_previous_chart() {
    for (width, height) in SIZES {
        let mut app = app_with(fixture("wire_reports.json"), width, height);
        press(&mut app, "3c");
        let screen = screen_text(&app);
        assert!(
            screen.contains("chart: staff"),
            "{width}x{height}:\n{screen}"
        );
        // The third metric, the listing's valuation, is in no group: chosen in the
        // list, then the chart asked for.
        press(&mut app, "cjjc");
        let screen = screen_text(&app);
        assert!(
            !screen.contains("chart: staff"),
            "{width}x{height}:\n{screen}"
        );
        assert!(!screen.contains("over 640"), "{width}x{height}:\n{screen}");
        assert!(
            screen.contains("in no group"),
            "{width}x{height}:\n{screen}"
        );
    }
}
