//! Property tests: random keys and sizes never panic the explorer; width-aware
//! truncation never splits a wide character; exports of hostile text keep their shape.

// Shared with the fuzz targets and tests/it/fuzz_regressions.rs; only `check_shape` is
// used here.
#[allow(dead_code)]
use proptest::prelude::*;

use storyscope::story::model::StoryFile;
use storyscope::story::query::Clock;
use storyscope::story::report::{ExportOptions, ExportView, export_markdown};
use storyscope::story::safe_text::{truncate_to_width, width};
use storyscope::story::{Story, load};
use storyscope::tui::input::Action;
use storyscope::tui::update::update;

/// Text mixing what breaks terminals and Markdown with wide and zero-width characters.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Apple",
        "阿里巴巴",
        "|",
        "\n",
        "\r\n",
        "[x](http://evil.example)",
        "<script>",
        "\x1b[2J",
        "\x1b]0;t\x07",
        "\u{9b}",
        "\u{202e}",
        "\u{200b}",
        "e\u{301}",
        "👩‍💻",
        "*",
        "_",
        "`",
        "\\",
        "#",
        "www.x.com",
        " ",
        "&amp;",
        "[^1]",
    ]);
    prop::collection::vec(pieces, 1..12).prop_map(|parts| parts.concat())
}

fn story_with_text(texts: &[String]) -> Story {
    let base = include_str!("../fixtures/cjk.json");
    let mut file: StoryFile = serde_json::from_str(base).expect("fixture parses");
    let mut next = texts.iter().cycle();
    for event in &mut file.events {
        let title = format!("t{}", next.next().unwrap());
        let summary = next.next().unwrap();
        event.text = storyscope::story::model::EventText::new(&title, summary, event.condition())
            .expect("short");
    }
    for entity in &mut file.entities {
        entity.name = format!("n{}", next.next().unwrap());
        entity.aliases.clear();
    }
    for metric in &mut file.metrics {
        metric.label = format!("l{}", next.next().unwrap());
        metric.unit = next.next().unwrap().clone();
    }
    for dispute in &mut file.disputes {
        dispute.point = format!("p{}", next.next().unwrap());
        for variant in &mut dispute.variants {
            variant.claim = format!("c{}", next.next().unwrap());
        }
    }
    file.story.title = format!("s{}", next.next().unwrap());
    let json = serde_json::to_string(&file).expect("serialises");
    load::load_bytes(json.as_bytes(), "generated").expect("still valid")
}

fn key_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::NextPane),
        Just(Action::PrevPane),
        (1u8..=5).prop_map(Action::FocusPane),
        Just(Action::Follow),
        Just(Action::Back),
        Just(Action::Forward),
        Just(Action::Escape),
        Just(Action::OpenSearch),
        Just(Action::ToggleFilter),
        Just(Action::ToggleChart),
        Just(Action::Export),
        Just(Action::Copy),
        Just(Action::ToggleHelp),
        Just(Action::AsOfEarlier),
        Just(Action::AsOfLater),
        Just(Action::SearchAccept),
        Just(Action::SearchCancel),
        Just(Action::SearchUp),
        Just(Action::SearchDown),
        Just(Action::SearchDeleteChar),
        prop::char::any().prop_map(Action::SearchInput),
        (0u16..200, 0u16..60).prop_map(|(x, y)| Action::Click(x, y)),
        (0u16..200, 0u16..60, -1i8..=1).prop_map(|(x, y, d)| Action::Scroll(x, y, d)),
        (1u16..200, 1u16..60).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_and_sizes_never_panic(
        texts in prop::collection::vec(hostile_text(), 4..8),
        embedded in any::<bool>(),
        actions in prop::collection::vec(key_action(), 1..60),
    ) {
        let story = if embedded { crate::common::embedded_story() } else { story_with_text(&texts) };
        let mut app = crate::common::app_with(story, 80, 24);
        for action in actions {
            update(&mut app, action);
            let text = crate::common::screen_text(&app);
            prop_assert!(!text.contains('\x1b'), "escape reached the screen");
            prop_assert!(!text.contains('\u{9b}'), "C1 CSI reached the screen");
            if app.session.should_quit {
                break;
            }
        }
    }

    #[test]
    fn truncation_never_splits_a_wide_character(text in "\\PC{0,40}", max in 0usize..50) {
        let cut = truncate_to_width(&text, max);
        prop_assert!(width(&cut) <= max);
        let kept = cut.trim_end_matches('…');
        prop_assert!(text.starts_with(kept), "{cut:?} is not a prefix of {text:?}");
    }

    #[test]
    fn exports_of_hostile_text_keep_their_shape(texts in prop::collection::vec(hostile_text(), 4..12)) {
        let story = story_with_text(&texts);
        let clock = Clock { reference_day: crate::common::fixed_today() };
        for view in [ExportView::Timeline, ExportView::Metrics, ExportView::Disputes, ExportView::Report] {
            let markdown = export_markdown(&story, view, &ExportOptions::default(), clock);
            // The fuzz target's checker: one H1, no link, image, HTML or other block
            // markup, every row as wide as its header, footnotes matching one to one.
            let shape = crate::fuzz_checks::check_shape(&markdown);
            match view {
                ExportView::Timeline => prop_assert_eq!(shape.body_rows, story.file.events.len()),
                ExportView::Metrics => prop_assert!(shape.body_rows >= story.file.metrics.len()),
                _ => {}
            }
        }
    }
}
