//! `y` copies what Detail shows: for every record of every kind, each piece of text on
//! the Detail pane is also in the record's Markdown copy.

use storyscope::story::report::document::to_markdown;
use storyscope::tui::app::App;
use storyscope::tui::ui::Theme;

/// Wide enough that Detail neither wraps nor truncates anything.
const WIDE: usize = 10_000;

/// Markdown as a reader sees it: escapes resolved, emphasis markers dropped.
fn as_read(markdown: &str) -> String {
    let mut out = String::new();
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '*' | '_' => {}
            _ => out.push(c),
        }
    }
    out
}

/// The pieces of text on one Detail line: side-by-side columns and badges apart, the
/// link arrow and citation bullet off.
fn pieces(line: &str) -> Vec<String> {
    line.split(" │ ")
        .flat_map(|column| column.split("  "))
        .map(|piece| {
            piece
                .trim()
                .trim_start_matches("→ ")
                .trim_start_matches("• ")
        })
        .filter(|piece| !piece.is_empty())
        .map(str::to_owned)
        .collect()
}

fn check_story(app: &App) -> usize {
    let mut checked = 0;
    for record in app.story.records() {
        let source = app.detail_source();
        let detail = source.lay_out(record, WIDE, Theme::no_color());
        let copy = as_read(&to_markdown(&source.document(record)));
        for line in &detail.lines {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            for piece in pieces(&text) {
                assert!(
                    copy.contains(&piece),
                    "{record:?}: Detail shows {piece:?}, the copy does not:\n{copy}"
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn the_copy_of_every_record_holds_everything_detail_shows() {
    let shipped = crate::common::app(160, 45);
    assert!(check_story(&shipped) > 1000);
    for fixture in ["small.json", "cjk.json"] {
        let app = crate::common::app_with(crate::common::fixture(fixture), 160, 45);
        assert!(check_story(&app) > 50, "{fixture}");
    }
}

#[test]
fn the_copy_follows_the_as_of_narrowing_and_the_clock() {
    // An overdue badge depends on the clock Detail is given; the copy uses the same one.
    let app = crate::common::app(160, 45);
    let overdue = app.story.records().find(|&record| {
        let doc = app.detail_source().document(record);
        doc.blocks.iter().any(|block| {
            matches!(
                block,
                storyscope::story::report::document::Block::Badges { overdue: true, .. }
            )
        })
    });
    let record = overdue.expect("the shipped story has an overdue event in 2026");
    let copy = to_markdown(&app.detail_source().document(record));
    assert!(copy.contains("⚠ overdue"), "{copy}");
}
