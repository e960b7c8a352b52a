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

/// The screen rows of the Sources pane (zoomed: the whole width) or, with `zoom`
/// false, as the layout of the size shows it: each row's text inside the borders.
fn source_rows_on_screen(app: &mut storyscope::tui::app::App, zoom: bool) -> Vec<String> {
    press(app, if zoom { "4z" } else { "4" });
    let screen = screen_text(app);
    if zoom {
        press(app, "z");
    }
    let count = app.panes.source_rows.len();
    screen
        .lines()
        .flat_map(|row| row.split(['│', '┃']).map(str::to_owned).collect::<Vec<_>>())
        .filter(|part| part.starts_with("● ") || part.starts_with("← "))
        .take(count)
        .collect()
}

/// Every place the explorer names a source alone tells the wire's four reports
/// apart at every size: the Sources pane's rows (the pane as laid out and zoomed),
/// the Sourcing line and citations in Detail, and the breadcrumb after following a
/// citation.
#[test]
fn every_place_a_source_is_named_tells_the_wires_reports_apart() {
    for (width, height) in SIZES {
        let what = format!("{width}x{height}");
        let mut app = app_with(fixture("wire_reports.json"), width, height);
        for zoom in [false, true] {
            let rows = source_rows_on_screen(&mut app, zoom);
            // The pane may be shorter than the list; the wire's four come first.
            let wire: Vec<&String> = (rows.iter()).filter(|r| r.contains("Transocean")).collect();
            assert_eq!(wire.len(), 4, "{what}: {rows:?}");
            for (i, a) in wire.iter().enumerate() {
                for b in &wire[i + 1..] {
                    assert_ne!(
                        a.trim_end(),
                        b.trim_end(),
                        "{what} zoom {zoom}: two rows read alike"
                    );
                }
            }
        }
        // Detail on the sale talks: its Sourcing line and citation name the morning
        // report, not just the wire.
        press(&mut app, "/sale talks with corrigan<Enter>");
        assert_eq!(app.panes.focus, storyscope::tui::app::Pane::Detail);
        // Zoomed, Detail's lines are whole rows between its borders: read as one text.
        press(&mut app, "z");
        let screen = screen_text(&app);
        press(&mut app, "z");
        let inside = screen.lines().map(|row| row.trim_matches(['┃', '│', ' ']));
        let detail: String = inside.collect::<Vec<_>>().join(" ");
        let detail = detail.split_whitespace().collect::<Vec<_>>().join(" ");
        let sourcing = detail.split("Sourcing:").nth(1).unwrap_or_default();
        let sourcing = sourcing.split("Citations").next().unwrap_or_default();
        assert!(sourcing.contains("“Morning briefing"), "{what}: {sourcing}");
        // Following its first citation, the breadcrumb names the report by its title.
        for _ in 0..40 {
            let layout = app.detail.layout.as_ref();
            let under = layout.and_then(|l| l.links.get(app.detail.link));
            if matches!(
                under,
                Some((_, storyscope::tui::app::DetailLink::Citation(0)))
            ) {
                break;
            }
            press(&mut app, "j");
        }
        press(&mut app, "<Enter>");
        let crumb = screen_text(&app).lines().next().unwrap().to_owned();
        assert!(crumb.contains("› Morning"), "{what}: {crumb}");
    }
}
