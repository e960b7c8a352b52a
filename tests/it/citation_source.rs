//! Enter on a citation in Detail goes to the source it cites (that report, not another
//! of its outlet): Detail shows the source's record, Sources selects it, Backspace
//! comes back to the citation with the cursor on it, and `]` goes there again. `p` on
//! a citation opens its paragraph, or says the text is not at hand.

use crate::common::{app_with, embedded_story, fixture, press, screen_text};
use storyscope::story::{RecordRef, Story};
use storyscope::tui::app::{App, DetailLink, Pane};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 30), (160, 45)];

/// The explorer with Detail on the event `id`, focused.
fn on_event(story: &Story, id: &str, (width, height): (u16, u16)) -> App {
    let mut app = app_with(story.clone(), width, height);
    let Some(RecordRef::Event(event)) = app.story.lookup(id) else {
        panic!("no event {id}");
    };
    let row = app.panes.timeline_events.iter().position(|&e| e == event);
    press(&mut app, &format!("1g{}<Enter>", "j".repeat(row.unwrap())));
    assert_eq!(app.detail_target(), Some(RecordRef::Event(event)));
    app
}

/// Moves Detail's cursor down to the record's `ordinal`-th citation.
fn to_citation(app: &mut App, ordinal: usize) {
    for _ in 0..200 {
        let under = (app.detail.layout.as_ref()).and_then(|l| l.links.get(app.detail.link));
        if let Some((_, DetailLink::Citation(n))) = under {
            if *n == ordinal {
                return;
            }
        }
        press(app, "j");
    }
    panic!("no citation {ordinal}");
}

/// The source the event's `ordinal`-th citation names, by arena index.
fn cited(app: &App, id: &str, ordinal: usize) -> usize {
    let Some(RecordRef::Event(event)) = app.story.lookup(id) else {
        panic!("no event {id}");
    };
    let source = &app.story.file.events[event].cite[ordinal].source;
    match app.story.lookup(source) {
        Some(RecordRef::Source(index)) => index,
        other => panic!("{source}: {other:?}"),
    }
}

/// Follows the `ordinal`-th citation of event `id` and checks where it lands, how it
/// reads, that Backspace and `]` walk back and forth with the cursor kept.
fn follow_and_come_back(story: &Story, id: &str, ordinal: usize, size: (u16, u16)) {
    let mut app = on_event(story, id, size);
    let what = format!("{id} citation {ordinal} at {size:?}");
    to_citation(&mut app, ordinal);
    let (link, scroll) = (app.detail.link, app.detail.scroll);
    let event = app.detail_target();
    let source = cited(&app, id, ordinal);
    press(&mut app, "<Enter>");
    assert_eq!(
        app.detail_target(),
        Some(RecordRef::Source(source)),
        "{what}"
    );
    assert_eq!(app.panes.focus, Pane::Detail, "{what}");
    let row = app
        .panes
        .source_rows
        .iter()
        .position(|r| r.source == source);
    assert_eq!(app.cursor(Pane::Sources).selected, row.unwrap(), "{what}");
    let screen = screen_text(&app);
    let title = &app.story.file.sources[source].title;
    assert!(screen.contains("Detail · source"), "{what}:\n{screen}");
    assert!(
        screen.contains(&title[..20]),
        "{what}: not {title}:\n{screen}"
    );
    if size.0 >= 120 {
        let position = format!("Sources · {}/", row.unwrap() + 1);
        assert!(screen.contains(&position), "{what}:\n{screen}");
    }
    press(&mut app, "<BS>");
    assert_eq!(app.detail_target(), event, "{what}: Backspace");
    assert_eq!(
        (app.detail.link, app.detail.scroll),
        (link, scroll),
        "{what}"
    );
    press(&mut app, "]");
    assert_eq!(
        app.detail_target(),
        Some(RecordRef::Source(source)),
        "{what}: ]"
    );
}

#[test]
fn enter_on_a_citation_goes_to_the_shipped_storys_source_and_back() {
    let story = embedded_story();
    let app = app_with(story.clone(), 160, 45);
    // Every citation of the first events with more than one.
    let events: Vec<(String, usize)> = (app.story.file.events.iter())
        .filter(|e| e.cite.len() > 1)
        .take(3)
        .map(|e| (e.id.to_string(), e.cite.len()))
        .collect();
    assert!(!events.is_empty());
    for size in SIZES {
        for (id, citations) in &events {
            for ordinal in 0..*citations {
                follow_and_come_back(&story, id, ordinal, size);
            }
        }
    }
}

/// Two reports of one wire: the new board's only citation is the evening briefing,
/// published the same day as the morning one; the allies' first is the 5 Jun report,
/// their second the 2 Jun one (the outlet's first).
#[test]
fn a_citation_lands_on_its_own_report_not_another_of_the_outlet() {
    let story = fixture("wire_reports.json");
    for size in SIZES {
        for (id, ordinal, report) in [
            ("ev-new-board", 0, "Evening briefing"),
            ("ev-allies", 0, "Founder's allies press"),
            ("ev-allies", 1, "Meridian board removes its founder"),
        ] {
            follow_and_come_back(&story, id, ordinal, size);
            let mut app = on_event(&story, id, size);
            to_citation(&mut app, ordinal);
            press(&mut app, "<Enter>");
            let screen = screen_text(&app);
            let detail = screen.lines().skip(1).take(4).collect::<String>();
            assert!(detail.contains(report), "{id} {size:?}:\n{screen}");
        }
    }
}

/// The keys are offered where they act: on a citation Detail's title says Enter goes
/// to the source and `p` opens the paragraph, and the status bar offers `p`; on an
/// entity link neither. Without the text, `p` says it is not at hand.
#[test]
fn the_citation_keys_are_offered_on_a_citation_and_p_says_when_the_text_is_missing() {
    let story = fixture("wire_reports.json");
    for size in SIZES {
        let mut app = on_event(&story, "ev-new-board", size);
        let screen = screen_text(&app);
        assert!(!screen.contains("p paragraph"), "{screen}");
        assert!(screen.contains("Enter follows"), "{screen}");
        press(&mut app, "p");
        let status = screen_text(&app).lines().last().unwrap().to_owned();
        assert!(status.contains("put the cursor on a citation"), "{status}");
        to_citation(&mut app, 0);
        let screen = screen_text(&app);
        assert!(screen.contains("Enter source"), "{screen}");
        assert!(
            screen.lines().last().unwrap().contains("│ p paragraph"),
            "{screen}"
        );
        press(&mut app, "p");
        let status = screen_text(&app).lines().last().unwrap().to_owned();
        assert!(
            status.contains("¶2 cannot be shown: the text of this source is not at hand"),
            "{size:?}: {status}"
        );
        assert!(!status.contains('…'), "{size:?}: cut: {status}");
        press(&mut app, "<Enter>");
        let status = screen_text(&app).lines().last().unwrap().to_owned();
        assert!(
            status.contains("cited at ¶2 · Backspace goes back"),
            "{size:?}: {status}"
        );
        assert!(!status.contains('…'), "{size:?}: cut: {status}");
    }
}
