//! The explorer at 80×24, 120×30 and 160×45 on the shipped story, the board story
//! (two reports of one outlet, a long title, people with long names) and the wire
//! story (four reports of one wire, two of them on one day, long ranges): what
//! must stay on screen at every size, and text that must not be cut while its row
//! has room.

use crate::common::{app_with, embedded_story, fixture, press, screen_text};
use storyscope::story::Story;
use storyscope::tui::app::App;

/// The sizes the explorer is tried at: narrow (one pane and a tab bar), the smallest
/// wide one, and a roomy one.
pub const SIZES: [(u16, u16); 3] = [(80, 24), (120, 30), (160, 45)];

/// Each story the screens are tried on, by name.
pub fn stories() -> Vec<(&'static str, Story)> {
    vec![
        ("shipped", embedded_story()),
        ("board", fixture("board_rehire.json")),
        ("wire", fixture("wire_reports.json")),
    ]
}

/// Every story at every size.
pub fn every_screen() -> Vec<(String, App)> {
    let mut apps = Vec::new();
    for (name, story) in stories() {
        for (width, height) in SIZES {
            let app = app_with(story.clone(), width, height);
            apps.push((format!("{name} at {width}×{height}"), app));
        }
    }
    apps
}

/// The title bar names the date shown and how much is new since the previous date at
/// every size: a long story title is what gives way.
#[test]
fn the_as_of_date_and_the_new_count_are_always_in_the_title_bar() {
    for (what, mut app) in every_screen() {
        // The latest date, then the one before: each step has a previous date.
        for keys in ["<lt>", "<lt>"] {
            press(&mut app, keys);
            let date = app.as_of.expect("a step sets a date").human();
            let new = app.new_since.as_ref().expect("a step counts what is new");
            let count = new.diff.len();
            let screen = screen_text(&app);
            let title = screen.lines().next().unwrap();
            assert!(
                title.contains(&format!("as of {date}")),
                "{what}: the as-of date is cut:\n{title}"
            );
            if new.since.is_some() {
                let after = title
                    .split("new since previous date")
                    .nth(1)
                    .unwrap_or_else(|| panic!("{what}: no new-since count:\n{title}"));
                assert!(
                    after.contains(&format!(": {count}")),
                    "{what}: the count ({count}) is cut:\n{title}"
                );
            }
            assert!(title.starts_with(" storyscope"), "{what}:\n{title}");
        }
    }
}

/// The status bar's last row.
fn status_row(app: &App) -> String {
    screen_text(app)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

/// Sources lists no figures and its rows name no entity: its status bar offers
/// neither the chart nor the entity filter, which would do nothing there. Where they
/// act (a metric selected), they are still offered.
#[test]
fn the_sources_pane_offers_only_keys_that_act_there() {
    for (what, mut app) in every_screen() {
        press(&mut app, "4");
        let status = status_row(&app);
        assert!(status.contains("Sources"), "{what}: {status}");
        for dead in ["f filter", "c chart"] {
            assert!(
                !status.contains(dead),
                "{what}: Sources offers {dead}:\n{status}"
            );
        }
        press(&mut app, "3");
        let status = status_row(&app);
        if app.session.size.0 >= 160 {
            for live in ["f filter", "c chart"] {
                assert!(
                    status.contains(live),
                    "{what}: Metrics lacks {live}:\n{status}"
                );
            }
        }
    }
}

/// `z` gives the focused pane every row between the title and status bars, and the
/// whole width, at every size; `z` again brings back the screen as it was. Help lists
/// the key.
#[test]
fn zoom_shows_the_focused_pane_on_the_whole_screen_and_back() {
    for (what, mut app) in every_screen() {
        press(&mut app, "2");
        let before = screen_text(&app);
        press(&mut app, "z");
        let zoomed = screen_text(&app);
        let rows: Vec<&str> = zoomed.lines().collect();
        let (width, height) = (app.session.size.0 as usize, rows.len());
        let title = app.pane_title(storyscope::tui::app::Pane::Candidates);
        assert!(rows[1].contains(&title), "{what}: not on row 1:\n{zoomed}");
        assert!(
            rows[1].starts_with('┏') && rows[1].ends_with('┓'),
            "{what}: the pane does not span the width:\n{zoomed}"
        );
        assert!(rows[height - 2].starts_with('┗'), "{what}:\n{zoomed}");
        assert_eq!(rows[1].chars().count(), width, "{what}");
        for other in ["Sources ·", "Timeline ·", " 1 Timeline"] {
            assert!(
                !zoomed.contains(other),
                "{what}: {other} still shown:\n{zoomed}"
            );
        }
        press(&mut app, "z");
        assert_eq!(
            screen_text(&app),
            before,
            "{what}: z twice changed the screen"
        );
    }
    let mut app = app_with(embedded_story(), 160, 45);
    press(&mut app, "?zoom");
    let help = screen_text(&app);
    assert!(
        help.contains("whole screen"),
        "help does not list zoom:\n{help}"
    );
}

/// Whether `segment` has text cut at its end ("…" then a blank or the border).
fn has_cut(segment: &str) -> bool {
    let chars: Vec<char> = segment.chars().collect();
    chars
        .iter()
        .enumerate()
        .any(|(i, &c)| c == '…' && chars.get(i + 1).is_none_or(|n| *n == ' '))
}

/// Each pane's part of each screen row with where it starts and its length, so the
/// rows of one pane can be taken together.
pub fn placed_segments(row: &str) -> Vec<((usize, usize), String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in row.split(['│', '┃']) {
        let len = part.chars().count();
        if len > 0 {
            out.push(((start, len), part.to_owned()));
        }
        start += len + 1;
    }
    out
}

/// Whether the pane whose rows are `rows` has two cells side by side that are blank
/// on every row with text: room no row uses, which a cut text could have had.
fn has_unused_stripe(rows: &[&String]) -> bool {
    let rows: Vec<Vec<char>> = (rows.iter())
        .filter(|r| !r.trim().is_empty())
        .map(|r| r.chars().collect())
        .collect();
    let len = rows.iter().map(Vec::len).min().unwrap_or(0);
    let blank = |x: usize| rows.iter().all(|r| r[x] == ' ');
    (0..len.saturating_sub(1)).any(|x| blank(x) && blank(x + 1))
}

/// Panes (title, tab and status bars left out) where text was cut while the pane
/// has room no row uses (two cells side by side blank on every row): its columns
/// are sized from what they show. A row's blank cells that line its columns up with
/// the other rows' are not room.
fn cut_with_room(screen: &str) -> Vec<String> {
    let rows: Vec<&str> = screen.lines().collect();
    let body = &rows[1..rows.len().saturating_sub(1)];
    let mut panes: std::collections::BTreeMap<(usize, usize), Vec<String>> = Default::default();
    for row in body.iter().filter(|row| !row.starts_with(" 1 ")) {
        for (place, segment) in placed_segments(row) {
            panes.entry(place).or_default().push(segment);
        }
    }
    let mut faults = Vec::new();
    for segments in panes.values() {
        let rows: Vec<&String> = segments.iter().collect();
        if let Some(cut) = segments.iter().find(|s| has_cut(s)) {
            if has_unused_stripe(&rows) {
                faults.push(cut.clone());
            }
        }
    }
    faults
}

/// The keys that bring each list pane (and Detail after Enter) to the front.
const PANE_KEYS: [&str; 8] = [
    "1", "2", "3", "5", "1<Enter>", "2<Enter>", "3<Enter>", "4<Enter>",
];

/// No label, date, chooser or value is cut while its pane has room no row uses: the
/// columns are sized from their content and the room there is, and line up.
#[test]
fn no_label_is_cut_while_its_row_has_blank_cells() {
    let mut faults = Vec::new();
    for (what, app) in every_screen() {
        for keys in PANE_KEYS {
            let (width, height) = app.session.size;
            let mut app = app_with(app.full.clone(), width, height);
            press(&mut app, keys);
            for cut in cut_with_room(&screen_text(&app)) {
                faults.push(format!("{what} after {keys}: {cut}|"));
            }
        }
    }
    assert!(
        faults.is_empty(),
        "cut with room left:\n{}",
        faults.join("\n")
    );
}

/// The chart's labels show whole at every size: a label longer than the pane has
/// room for beside its bar goes on under itself instead of being cut (on the wide
/// layouts the metrics pane is narrower than the board and wire stories' labels).
#[test]
fn chart_labels_show_whole_where_there_is_room() {
    for (what, mut app) in every_screen() {
        // A metric with a group selected: one in no group has no chart (issue 22).
        press(&mut app, "3");
        let grouped = (app.panes.metric_rows.iter())
            .position(|row| app.story.file.metrics[row.metric].group.is_some())
            .expect("a grouped metric");
        press(&mut app, &"j".repeat(grouped));
        press(&mut app, "c");
        let screen = screen_text(&app);
        let rows: Vec<&str> = screen
            .lines()
            .filter(|row| row.contains(" │█") || row.contains(" │░"))
            .collect();
        assert!(!rows.is_empty(), "{what}: no chart:\n{screen}");
        for row in rows {
            let chart = row.split('┃').nth(1).unwrap_or(row);
            let label = chart.split(" │").next().unwrap_or_default();
            assert!(!has_cut(label), "{what}: label cut:\n{row}");
        }
        // The end of each charted label is on screen (where labels share an opening,
        // that is left out: the end is what tells them apart).
        let chart: String = (screen.lines())
            .filter_map(|row| row.split('┃').nth(1))
            .collect::<Vec<_>>()
            .join(" ");
        for row in &app.panes.metric_rows {
            let metric = &app.story.file.metrics[row.metric];
            // A chart is one group in one unit: a label whose opening is not on screen
            // is in another chart.
            let opening = metric
                .label
                .split(' ')
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            if !chart.contains(&opening) {
                continue;
            }
            let last = metric.label.split(' ').next_back().unwrap_or_default();
            assert!(
                chart.contains(last),
                "{what}: {} cut:\n{screen}",
                metric.label
            );
        }
    }
}

/// Detail's title keeps its hint whole or leaves it out ("Backspac" was cut by the
/// border).
#[test]
fn the_detail_title_is_never_cut_mid_word() {
    for (what, mut app) in every_screen() {
        press(&mut app, "1<Enter>");
        let screen = screen_text(&app);
        let title_row = screen
            .lines()
            .find(|row| row.contains("5 Detail ·"))
            .unwrap_or_else(|| panic!("{what}: no Detail title:\n{screen}"));
        let title = title_row.split("5 Detail ·").nth(1).unwrap();
        let title = title.split(['━', '─']).next().unwrap().trim();
        assert!(
            ["back", "follows", "event"]
                .iter()
                .any(|end| title.ends_with(end)),
            "{what}: Detail title cut: {title}"
        );
    }
}

/// On a pane under 60 cells the timeline's date column used to be 13 cells, which
/// cut "Jun 2030 · expected" while the title beside it had room: every date shows
/// whole now.
#[test]
fn timeline_dates_show_whole_on_a_narrow_pane() {
    let mut app = app_with(fixture("board_rehire.json"), 50, 20);
    press(&mut app, "1");
    let screen = screen_text(&app);
    // The status word has its own column now (issue 22): the date shows alone.
    assert!(screen.contains("Jun 2030"), "{screen}");
    assert!(screen.contains("expected"), "{screen}");
    for index in 0..app.panes.timeline_events.len().min(15) {
        let row = app.timeline_row(index).unwrap();
        let date = row.date.split(" · ").next().unwrap_or_default().to_owned();
        assert!(screen.contains(&date), "{date} cut:\n{screen}");
    }
}
