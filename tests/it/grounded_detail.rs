//! Issue 21 in the explorer: Detail marks each citation a grounded check doubts with
//! `⚑` and the reason in a few words, and `y` copies the same marks.

use std::sync::Arc;

use crate::common::{app_with, press, screen_text};
use storyscope::story::report::document::Block;
use storyscope::story::report::document::to_markdown;
use storyscope::story::{SourceTexts, Story, load};
use storyscope::tui::app::App;
use storyscope::tui::ui::Theme;
use storyscope::tui::update::{Reload, apply_reload};

fn grounded_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/grounded")
        .join(name)
}

/// The explorer on a grounded fixture at 120×30, with its article texts loaded as
/// `explore` loads them.
fn grounded_app(name: &str) -> App {
    let story: Story = load::load_path(&grounded_path(name)).expect("the fixture loads");
    let (texts, problems) = SourceTexts::load(&story, Some(&grounded_path("")));
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = app_with(story, 120, 30);
    app.set_texts(Arc::new(texts));
    app
}

/// Detail's screen after searching for `query` and opening the hit.
fn detail_of(app: &mut App, query: &str) -> String {
    // Detail on the whole screen, scrolled to its citations at the end.
    press(app, &format!("/{query}<Enter>5z<End>"));
    screen_text(app)
}

/// The screen's line holding `needle`, and the line above it.
fn line_and_above<'a>(screen: &'a str, needle: &str) -> (&'a str, &'a str) {
    let lines: Vec<&str> = screen.lines().collect();
    let at = (lines.iter().position(|l| l.contains(needle)))
        .unwrap_or_else(|| panic!("no line with {needle:?} in\n{screen}"));
    (lines[at], lines[at.saturating_sub(1)])
}

/// The records whose document (as Detail shows it and `y` copies it) marks a doubt.
fn records_with_doubts(app: &App) -> Vec<String> {
    let story = &app.story;
    story
        .records()
        .filter(|&record| {
            let doc = app.detail_source().document(record);
            doc.blocks.iter().any(|b| matches!(b, Block::Doubt(_)))
        })
        .map(|record| story.record_id(record).to_owned())
        .collect()
}

#[test]
fn detail_marks_the_unsupported_citation_and_the_origin_mismatch() {
    let mut app = grounded_app("trips.json");
    let entity = detail_of(&mut app, "Tidewater Ferries");
    let (mark, above) = line_and_above(&entity, "⚑");
    assert!(
        mark.contains("⚑ unsupported-citation: names none of the record's names, figure or date"),
        "{entity}"
    );
    // Right under the citation it doubts (the Gazette's ¶4, wrapped onto two lines).
    assert!(above.contains("at Holm”"), "{entity}");

    let mut app = grounded_app("trips.json");
    let event = detail_of(&mut app, "Tidewater to stop");
    let (mark, above) = line_and_above(&event, "⚑");
    assert!(
        mark.contains("⚑ origin-mismatch: credits “According to the Saltmarsh Gazette”, but the citation's origin is Tidewater Ferries"),
        "{event}"
    );
    // Under the Courier's citation, not the Gazette's, which is sound.
    assert!(above.contains("(from Tidewater Ferries)"), "{event}");
    assert_eq!(event.matches('⚑').count(), 1, "{event}");
}

#[test]
fn only_the_doubted_records_carry_marks_and_the_clean_twin_none() {
    let trips = grounded_app("trips.json");
    assert_eq!(records_with_doubts(&trips), ["tidewater", "ev-winter-cut"]);
    let mut clean = grounded_app("clean.json");
    assert_eq!(records_with_doubts(&clean), Vec::<String>::new());
    for query in ["Tidewater Ferries", "Tidewater to stop"] {
        let screen = detail_of(&mut clean, query);
        assert!(screen.contains("Citations"), "{screen}");
        assert!(!screen.contains('⚑'), "{screen}");
    }
}

#[test]
fn the_copy_and_the_plain_theme_carry_the_same_mark() {
    let app = grounded_app("trips.json");
    let record = app.story.lookup("ev-winter-cut").expect("the event");
    let markdown = to_markdown(&app.detail_source().document(record));
    assert!(
        markdown.contains("  - ⚑ origin-mismatch: credits “According to the Saltmarsh Gazette”"),
        "{markdown}"
    );
    // No colour: the sign is a character, not a colour.
    let doc = app.detail_source().lay_out(record, 120, Theme::no_color());
    let text: Vec<String> = doc.lines.iter().map(|l| l.to_string()).collect();
    assert!(
        text.iter().any(|l| l.starts_with("  ⚑ origin-mismatch")),
        "{text:?}"
    );
}

#[test]
fn the_marks_follow_the_texts_and_the_story_on_reload() {
    let story = load::load_path(&grounded_path("trips.json")).expect("the fixture loads");
    let mut app = app_with(story, 120, 30);
    // No texts yet: nothing can be read, nothing is doubted.
    assert!(records_with_doubts(&app).is_empty());
    let (texts, _) = SourceTexts::load(&app.full, Some(&grounded_path("")));
    apply_reload(&mut app, Reload::Texts(Arc::new(texts)));
    assert_eq!(records_with_doubts(&app), ["tidewater", "ev-winter-cut"]);

    // The clean twin open with its texts, then saved with the flaws: the marks come.
    let mut app = grounded_app("clean.json");
    assert!(records_with_doubts(&app).is_empty());
    let trips = load::load_path(&grounded_path("trips.json")).expect("the fixture loads");
    apply_reload(&mut app, Reload::Loaded(Box::new(trips)));
    assert_eq!(records_with_doubts(&app), ["tidewater", "ev-winter-cut"]);
}
