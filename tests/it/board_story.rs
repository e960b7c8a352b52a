//! A story of another shape (a board firing and rehiring its chief executive, people
//! rather than companies, money in two currencies and scales, a range, words where no
//! number exists) on the explorer: the candidates pane tells two candidacies of one
//! person apart, and the chart draws bars in proportion on both sides of zero.

use crate::common::{app_with, fixture, press, screen, screen_text};
use storyscope::tui::app::App;

fn board_app(width: u16, height: u16) -> App {
    app_with(fixture("board_rehire.json"), width, height)
}

/// The screen rows that contain `needle`.
fn rows_with<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
    text.lines().filter(|l| l.contains(needle)).collect()
}

/// The chart pane's part of the screen row showing `value`: the text between the
/// focused pane's thick borders.
fn chart_row(text: &str, value: &str) -> String {
    let row = text
        .lines()
        .find(|l| l.contains(value) && l.contains('┃'))
        .unwrap_or_else(|| panic!("no chart row for {value}:\n{text}"));
    let start = row.find('┃').unwrap() + '┃'.len_utf8();
    let end = row[start..].find('┃').map_or(row.len(), |e| start + e);
    row[start..end].to_owned()
}

/// The solid cells left of the zero line, the zero line's column, and the solid cells
/// right of it, on the chart row showing `value`.
fn bar_of(text: &str, value: &str) -> (usize, usize, usize) {
    let chars: Vec<char> = chart_row(text, value).chars().collect();
    let zero = chars
        .iter()
        .position(|&c| c == '│')
        .unwrap_or_else(|| panic!("no zero line for {value}"));
    let left = chars[..zero].iter().filter(|&&c| c == '█').count();
    let right = chars[zero + 1..].iter().filter(|&&c| c == '█').count();
    (left, zero, right)
}

#[test]
fn the_candidates_pane_tells_two_candidacies_of_one_person_apart_at_80x24() {
    let mut app = board_app(80, 24);
    press(&mut app, "2");
    let text = screen_text(&app);
    assert!(
        text.contains("2 Who will run the company ·"),
        "the story's title for its candidates:\n{text}"
    );
    let quist = rows_with(&text, "Mara Quist");
    assert_eq!(quist.len(), 2, "{text}");
    assert!(
        quist[0].contains("Halden board: chief executive of Halden Labs"),
        "{}",
        quist[0]
    );
    assert!(
        quist[1].contains("Corvane: head of a new research unit"),
        "{}",
        quist[1]
    );
    insta::assert_snapshot!("board_candidates_80x24", screen(&app).backend());
}

#[test]
fn the_candidates_pane_at_160x45() {
    let mut app = board_app(160, 45);
    press(&mut app, "2j");
    let text = screen_text(&app);
    assert!(text.contains("2 Who will run the company"), "{text}");
    assert!(
        text.contains("Chooser: Corvane"),
        "Detail names the chooser:\n{text}"
    );
    insta::assert_snapshot!("board_candidates_160x45", screen(&app).backend());
}

#[test]
fn search_results_name_the_role_and_the_chooser() {
    let mut app = board_app(160, 45);
    press(&mut app, "/quist as");
    let text = screen_text(&app);
    assert!(
        text.contains("Mara Quist as chief executive of Halden Labs, weighed by Halden board"),
        "{text}"
    );
    assert!(
        text.contains("Mara Quist as head of a new research unit, weighed by Corvane"),
        "{text}"
    );
}

#[test]
fn metrics_read_with_currency_scale_range_and_words() {
    let mut app = board_app(160, 45);
    press(&mut app, "3");
    let text = screen_text(&app);
    for value in [
        "about $13 billion",
        "about $2–3 billion",
        "$800 million",
        "about 13亿元",
        "over 700 staff",
        "nearly all staff",
        "−2.1%",
        "up to +1.4%",
    ] {
        // A wide character is followed by a blank cell in the test screen.
        let found = text.contains(value) || text.replace("亿 元", "亿元").contains(value);
        assert!(found, "{value} missing:\n{text}");
    }
}

/// Selects the metric labelled `label` in the metrics pane and shows the chart.
fn chart_of(app: &mut App, label: &str) -> String {
    press(app, "3g");
    let index = app
        .panes
        .metric_rows
        .iter()
        .position(|r| r.label == label)
        .unwrap_or_else(|| panic!("no metric {label}"));
    press(app, &"j".repeat(index));
    press(app, "c");
    screen_text(app)
}

#[test]
fn bars_are_in_proportion_and_words_are_never_charted() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut app = board_app(width, height);
        let text = chart_of(&mut app, "Staff at Halden in all");
        assert!(text.contains("chart: letter"), "{text}");
        let (_, _, early) = bar_of(&text, " 500 staff");
        let (_, _, later) = bar_of(&text, "over 700 staff");
        let (_, _, all) = bar_of(&text, "about 770 staff");
        assert!(all > 10, "the longest bar uses the room: {all}");
        for (length, value) in [(early, 500.0), (later, 700.0)] {
            let ideal = value / 770.0 * all as f64;
            assert!(
                (length as f64 - ideal).abs() <= 1.0,
                "{width}×{height}: {length} cells for {value} beside {all} for 770\n{text}"
            );
        }
        assert!(text.contains("over 700 staff") && text.contains("about 770 staff"));
        assert!(
            !text.contains("nearly all"),
            "words are never charted:\n{text}"
        );
        insta::assert_snapshot!(
            format!("board_chart_letter_{width}x{height}"),
            screen(&app).backend()
        );
    }
}

#[test]
fn a_fall_is_drawn_left_of_the_zero_line() {
    for (width, height) in [(80, 24), (160, 45)] {
        let mut app = board_app(width, height);
        let text = chart_of(&mut app, "Corvane shares on the day of the firing");
        let (fall_left, zero, fall_right) = bar_of(&text, "−2.1%");
        let (rise_left, rise_zero, rise_right) = bar_of(&text, "up to +1.4%");
        assert_eq!(zero, rise_zero, "one zero line");
        assert_eq!((fall_right, rise_left), (0, 0), "{text}");
        assert!(fall_left > rise_right && rise_right > 0, "{text}");
        let ratio = fall_left as f64 / rise_right as f64;
        assert!(
            (ratio - 2.1 / 1.4).abs() < 0.35,
            "{fall_left} vs {rise_right}"
        );
        assert!(
            text.contains("−2.1%") && !text.contains("-2.1%"),
            "a true minus"
        );
        insta::assert_snapshot!(
            format!("board_chart_share_moves_{width}x{height}"),
            screen(&app).backend()
        );
    }
}

#[test]
fn money_compares_scale_normalised_and_one_currency_per_chart() {
    let mut app = board_app(160, 45);
    let text = chart_of(&mut app, "Halden's value in its last funding round");
    assert!(text.contains("chart: money (USD)"), "{text}");
    assert!(
        !text.contains("13亿元"),
        "yuan are charted apart from dollars"
    );
    let (_, _, valuation) = bar_of(&text, "about $13 billion");
    let (_, _, sale) = bar_of(&text, "$800 million");
    let ideal = 0.8 / 13.0 * valuation as f64;
    assert!((sale as f64 - ideal).abs() <= 1.0, "{sale} vs {valuation}");
    // The range is solid to its low end and shaded to its high end.
    let range_row = chart_row(&text, "about $2–3 billion");
    assert!(range_row.contains('░'), "{range_row}");
    let solid = range_row.chars().filter(|&c| c == '█').count() as f64;
    let shade = range_row.chars().filter(|&c| c == '░').count() as f64;
    assert!((solid - 2.0 / 13.0 * valuation as f64).abs() <= 1.0);
    assert!((solid + shade - 3.0 / 13.0 * valuation as f64).abs() <= 1.0);
}

#[test]
fn the_shipped_story_chart_draws_every_bar() {
    // Issue 14: at 160×45 a value of 500 showed no bar beside 4 blocks for 700.
    let mut app = crate::common::app(160, 45);
    let text = chart_of(&mut app, "Apple revenue in Greater China");
    // Both are falls: their bars run left of the zero line.
    let (fy, _, _) = bar_of(&text, "−7.7%");
    let (q4, _, _) = bar_of(&text, "−11%");
    assert!(fy > 0 && q4 > fy, "{fy} {q4}\n{text}");
    let ideal = 7.7 / 11.0 * q4 as f64;
    assert!((fy as f64 - ideal).abs() <= 1.0, "{fy} vs {q4}");
}

#[test]
fn a_hostile_candidates_title_never_reaches_the_terminal() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/board_rehire.json");
    let mut file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    file["story"]["candidates_title"] =
        serde_json::json!("Who\u{1b}]52;c;ZXZpbA==\u{7} runs\u{1b}[2J it");
    let story = storyscope::story::load::load_bytes(file.to_string().as_bytes(), "hostile")
        .expect("still a valid story");
    let mut app = app_with(story, 160, 45);
    press(&mut app, "2");
    let text = screen_text(&app);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
    assert!(text.contains("2 Who"), "{text}");
}

#[test]
fn words_selected_in_the_chart_show_their_group_and_say_why_they_have_no_bar() {
    let mut app = board_app(80, 24);
    let text = chart_of(&mut app, "Staff behind the letter, in the union's words");
    assert!(text.contains("chart: letter (staff)"), "{text}");
    assert!(
        text.contains("“nearly all staff”: words, not charted"),
        "{text}"
    );
    assert!(bar_of(&text, "about 770 staff").2 > 0, "{text}");
}
