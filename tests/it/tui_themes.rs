//! The themes on a TestBackend: `light` and `high-contrast` as snapshots with their
//! styles (the buffer's Debug form lists every style run), plus checks that the
//! selection, badges and borders really take each theme's colours, and the palette.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use storyscope::tui::app::App;
use storyscope::tui::ui;
use storyscope::tui::ui::{StyleName, Theme, ThemeName};

use crate::common::{app, app_with, fixture, press};

fn draw(app: &App, theme: Theme) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.session.size.0, app.session.size.1)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app, theme)).unwrap();
    terminal
}

/// The style of the cell where `text` first appears.
fn style_at(terminal: &Terminal<TestBackend>, text: &str) -> ratatui::style::Style {
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        if let Some(byte) = row.find(text) {
            let x = row[..byte].chars().count() as u16;
            return buffer[(x, y)].style();
        }
    }
    panic!("{text:?} not on screen");
}

#[test]
fn light_theme_snapshot() {
    let mut app = app(80, 24);
    press(&mut app, "j");
    let terminal = draw(&app, Theme::builtin(ThemeName::Light, true));
    insta::assert_snapshot!(format!("{:?}", terminal.backend().buffer()));
}

#[test]
fn high_contrast_theme_snapshot() {
    let mut app = app(80, 24);
    press(&mut app, "j");
    let terminal = draw(&app, Theme::builtin(ThemeName::HighContrast, true));
    insta::assert_snapshot!(format!("{:?}", terminal.backend().buffer()));
}

#[test]
fn each_theme_draws_the_selection_and_title_in_its_own_colours() {
    for story in [crate::common::embedded_story(), fixture("small.json")] {
        let app = app_with(story, 160, 45);
        let title = app.story.file.story.title.clone();
        for (name, selection_bg, title_bg) in [
            (ThemeName::Dark, Color::Yellow, Color::Cyan),
            (ThemeName::Light, Color::Blue, Color::Blue),
            (ThemeName::HighContrast, Color::LightYellow, Color::White),
        ] {
            let theme = Theme::builtin(name, true);
            let terminal = draw(&app, theme);
            let first = app.timeline_row(0).unwrap().title;
            let shown: String = first.chars().take(12).collect();
            assert_eq!(
                style_at(&terminal, &shown).bg,
                Some(selection_bg),
                "{name:?}"
            );
            let title_start: String = title.chars().take(10).collect();
            assert_eq!(
                style_at(&terminal, &title_start).bg,
                Some(title_bg),
                "{name:?}"
            );
        }
    }
}

#[test]
fn no_color_draws_without_colours_and_keeps_the_selection_visible() {
    let app = app(120, 30);
    let terminal = draw(&app, Theme::builtin(ThemeName::Light, false));
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    let first = app.timeline_row(0).unwrap().title;
    let shown: String = first.chars().take(12).collect();
    assert!(
        style_at(&terminal, &shown)
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn a_single_style_override_changes_only_that_style() {
    let app = app(120, 30);
    let theme = Theme::builtin(ThemeName::Dark, true).with_style(
        StyleName::Selection,
        ratatui::style::Style::new().fg(Color::White).bg(Color::Red),
    );
    let terminal = draw(&app, theme);
    let first = app.timeline_row(0).unwrap().title;
    let shown: String = first.chars().take(12).collect();
    assert_eq!(style_at(&terminal, &shown).bg, Some(Color::Red));
    assert_eq!(
        style_at(&terminal, "storyscope ·").bg,
        Some(Color::Cyan),
        "the title bar keeps the theme's style"
    );
}

#[test]
fn palette_filtered_snapshot() {
    let mut app = app(100, 30);
    press(&mut app, "?exp");
    let terminal = draw(&app, Theme::no_color());
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn rebound_keys_show_in_titles_messages_and_hints() {
    for story in [crate::common::embedded_story(), fixture("small.json")] {
        let mut app = app_with(story, 160, 45);
        let config =
            storyscope::config::ConfigFile::parse("[keys]\nfilter = \"x\"\nquit = \"Q\"\n")
                .expect("config parses");
        app.session.keymap = config.keymap;
        press(&mut app, "x");
        assert!(app.panes.filter.is_some(), "x filters now");
        let text = crate::common::screen_text(&app);
        assert!(text.contains("(x clears)"), "{text}");
        press(&mut app, "x");
        assert!(app.panes.filter.is_none());
        // Any key clears the message; the hints come back.
        press(&mut app, "j");
        let text = crate::common::screen_text(&app);
        let status = text.lines().last().unwrap();
        assert!(
            status.contains("Q quit") && status.contains("x filter"),
            "{status}"
        );
        assert!(!status.contains("q quit"), "{status}");
        press(&mut app, "q");
        assert!(!app.session.should_quit, "q is no longer bound");
        press(&mut app, "Q");
        assert!(app.session.should_quit);
    }
}

#[test]
fn palette_scroll_is_settled_in_update_and_never_runs_past_the_end() {
    let mut app = app(80, 24);
    press(&mut app, "?");
    for _ in 0..200 {
        press(&mut app, "<Down>");
    }
    let entries = storyscope::tui::app::palette_entries(&app.session.keymap, "");
    let lines = storyscope::tui::app::palette_lines(&entries);
    let (_, height) = storyscope::tui::app::palette_popup_size(app.session.size, lines.len());
    let visible = storyscope::tui::app::palette_list_height(height);
    assert!(
        app.overlay.palette.scroll > 0,
        "the state follows the selection"
    );
    assert!(
        app.overlay.palette.scroll + visible <= lines.len(),
        "{}",
        app.overlay.palette.scroll
    );
    assert!(entries[app.overlay.palette.selected].runnable());
    // The highlighted command is on screen.
    let description = entries[app.overlay.palette.selected]
        .row
        .binding
        .description;
    assert!(
        crate::common::screen_text(&app).contains(description),
        "{description}"
    );
    for _ in 0..200 {
        press(&mut app, "<Up>");
    }
    assert_eq!(
        (app.overlay.palette.selected, app.overlay.palette.scroll),
        (0, 0)
    );
}

#[test]
fn export_from_detail_writes_the_record_detail_shows() {
    for story in [crate::common::embedded_story(), fixture("small.json")] {
        let mut app = app_with(story, 160, 45);
        // An event in Detail: that event, not the whole report.
        let effects = press(&mut app, "<Enter>e");
        let [storyscope::tui::update::Effect::Export { stem, markdown }] = effects.as_slice()
        else {
            panic!("{effects:?}")
        };
        assert_eq!(stem, "storyscope-record");
        let title = app.story.record_title(app.detail_target().unwrap());
        assert!(markdown.contains(&format!("## {title}")), "{markdown}");
        assert!(markdown.contains("View: record · event"), "{markdown}");
        assert!(
            !markdown.contains("## Sources"),
            "not the report: {markdown}"
        );
    }
}

#[test]
fn a_narrowed_palette_starts_from_the_top_of_its_list() {
    let mut app = app(40, 10);
    press(&mut app, "?e");
    press(&mut app, "x");
    assert_eq!(app.overlay.palette.scroll, 0);
    let text = crate::common::screen_text(&app);
    assert!(text.contains("Everywhere"), "{text}");
}

#[test]
fn the_palette_highlights_what_the_filter_matched() {
    let mut app = app(100, 30);
    press(&mut app, "?exp");
    let theme = Theme::dark();
    let terminal = draw(&app, theme);
    let buffer = terminal.backend().buffer();
    let row = (0..buffer.area.height)
        .find(|&y| {
            let text: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            text.contains("next pane") && !text.contains('▶')
        })
        .expect("the next pane row is listed");
    let matched = (0..buffer.area.width)
        .filter(|&x| {
            let cell = buffer[(x, row)].style();
            cell.fg == theme.matched().fg && cell.add_modifier == theme.matched().add_modifier
        })
        .count();
    assert_eq!(matched, 3, "e, x and p of “next pane” are highlighted");
}
