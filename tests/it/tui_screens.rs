//! Screen snapshots on ratatui's TestBackend, drawn without colour: each pane, an
//! entity view, help, search, the filter, the chart, tiny sizes and CJK names.

use crate::common::{app, app_with, fixture, press, screen, screen_text};
use storyscope::story::safe_text::width;
use storyscope::tui::input::Action;
use storyscope::tui::update::update;

#[test]
fn main_screen_wide() {
    let app = app(160, 45);
    let text = screen_text(&app);
    for title in [
        "1 Timeline",
        "2 Candidate partners",
        "3 Cited metrics",
        "4 Sources",
        "5 Detail",
    ] {
        assert!(text.contains(title), "{title} missing");
    }
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn main_screen_narrow_shows_one_pane_with_tabs() {
    let app = app(80, 24);
    let text = screen_text(&app);
    assert!(
        text.contains("1 Timeline") && text.contains("5 Detail"),
        "tab bar"
    );
    assert!(
        !text.contains("2 Candidate partners ·"),
        "only one pane's block"
    );
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn each_pane_narrow() {
    let mut app = app(80, 24);
    for (key, name) in [
        ("2", "candidates"),
        ("3", "metrics"),
        ("4", "sources"),
        ("5", "detail"),
    ] {
        press(&mut app, key);
        insta::assert_snapshot!(format!("narrow_pane_{name}"), screen(&app).backend());
    }
}

#[test]
fn entity_view() {
    let mut app = app(160, 45);
    press(&mut app, "/alibaba<Enter>");
    let text = screen_text(&app);
    assert!(
        text.contains("Relations") && text.contains("→ develops Tongyi Qianwen"),
        "{text}"
    );
    insta::assert_snapshot!(screen(&app).backend());
    // Moving down past the last link scrolls on to the citations.
    press(&mut app, "<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>");
    let text = screen_text(&app);
    assert!(
        text.contains("Candidacies") || text.contains("Citations"),
        "{text}"
    );
}

#[test]
fn dispute_view_shows_every_version() {
    let mut app = app(160, 45);
    press(&mut app, "/did apple announce<Enter>");
    let text = screen_text(&app);
    assert!(
        text.contains("Version 1") && text.contains("Version 2"),
        "{text}"
    );
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn help_overlay_lists_the_keymap() {
    // Every row of the table is in the palette: filtering by its name brings it up.
    for binding in storyscope::tui::input::BINDINGS {
        let mut app = app(160, 45);
        press(&mut app, &format!("?{}", binding.name));
        let text = screen_text(&app);
        assert!(
            text.contains(binding.description),
            "help lacks {:?}",
            binding.description
        );
    }
    let mut app = app(160, 45);
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn help_overlay_narrow() {
    let mut app = app(80, 24);
    press(&mut app, "?");
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn search_with_results() {
    let mut app = app(160, 45);
    press(&mut app, "/qwen");
    insta::assert_snapshot!(screen(&app).backend());
    let mut narrow = crate::common::app(80, 24);
    press(&mut narrow, "/tenc");
    insta::assert_snapshot!("search_narrow", screen(&narrow).backend());
}

#[test]
fn filtered_timeline() {
    let mut app = app(160, 45);
    press(&mut app, "/deepseek<Enter>f1");
    let text = screen_text(&app);
    assert!(text.contains("only DeepSeek (f clears)"), "{text}");
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn chart_of_metrics() {
    let mut app = app(160, 45);
    press(&mut app, "3Gc");
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn as_of_in_the_title_bar() {
    let mut app = app(160, 45);
    press(&mut app, "<lt><lt><lt>");
    let text = screen_text(&app);
    assert!(text.lines().next().unwrap().contains("as of 12 Feb 2025"));
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn tiny_sizes_show_the_size_needed() {
    let app = app(39, 9);
    let text = screen_text(&app);
    assert!(text.contains("needs 40×10"), "{text}");
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn every_size_draws_without_panicking() {
    let mut app = app(1, 1);
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (10, 3),
        (39, 10),
        (40, 9),
        (40, 10),
        (41, 11),
        (119, 29),
        (120, 30),
        (300, 100),
    ] {
        update(&mut app, Action::Resize(w, h));
        for keys in ["", "/q", "<Esc>?", "<Esc>3c", "<Esc>5<Enter>"] {
            press(&mut app, keys);
            let _ = screen(&app);
        }
    }
}

#[test]
fn cjk_names_line_up() {
    let mut app = app_with(fixture("cjk.json"), 160, 45);
    // The Detail pane's left border sits in one column on every row of the pane, so
    // wide characters in the panes beside it took exactly their two cells.
    let terminal = screen(&app);
    let buffer = terminal.backend().buffer();
    let top = (0..160)
        .find(|&x| buffer[(x, 1)].symbol() == "┌" && x > 0)
        .expect("detail corner");
    for y in 2..30 {
        let symbol = buffer[(top, y)].symbol();
        assert!(
            matches!(symbol, "│" | "┃" | "├" | "└" | "┌"),
            "row {y}: {symbol:?}"
        );
    }
    for line in screen_text(&app).lines().filter(|l| l.contains('阿')) {
        assert!(width(line) >= 160, "{line}");
    }
    insta::assert_snapshot!(screen(&app).backend());
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, "2");
    insta::assert_snapshot!("cjk_narrow_candidates", screen(&app).backend());
}

/// A typo finds the entity, marks the hit "≈ typo" and highlights the name it was taken
/// for (the second result line, the first being the one selected).
#[test]
fn search_with_a_typo_highlights_the_name_it_found() {
    let mut app = app(160, 45);
    press(&mut app, "/tencnet");
    let terminal = screen(&app);
    insta::assert_snapshot!(terminal.backend());
    let text = screen_text(&app);
    let first = text
        .lines()
        .find(|line| line.contains("entity") && line.contains("Tencent"))
        .expect("Tencent listed");
    assert!(first.contains("≈ typo"), "{first}");
    let mut board =
        crate::common::app_with(crate::common::fixture("search/board_people.json"), 160, 45);
    press(&mut board, "/murrati");
    let terminal = screen(&board);
    let buffer = terminal.backend().buffer();
    // The second result row (not selected): find "Murati" in it and check its letters
    // carry the match style.
    let area = buffer.area;
    let mut highlighted = 0;
    for y in 0..area.height {
        let row: String = (0..area.width)
            .map(|x| buffer[(x, y)].symbol().to_owned())
            .collect();
        if !row.contains("Murati named interim") {
            continue;
        }
        let start = row.find("Murati").expect("in the row");
        let column = row[..start].chars().count() as u16;
        for x in column..column + 6 {
            if buffer[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::UNDERLINED)
            {
                highlighted += 1;
            }
        }
    }
    assert_eq!(highlighted, 6, "every letter of Murati is highlighted");
}
