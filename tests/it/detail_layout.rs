//! Detail's link positions: laid out once per record and width, reused by the keys
//! that move, follow and click, and laid out again when the record, the width or the
//! story changes.

use crate::common::{app, press};
use ratatui::layout::Rect;
use storyscope::story::RecordRef;
use storyscope::tui::app::{App, Pane};
use storyscope::tui::app::{DetailLayout, DetailLink};
use storyscope::tui::input::Action;
use storyscope::tui::ui::{compute, inner};
use storyscope::tui::update::update;

fn detail_inner(app: &App) -> Rect {
    let areas = compute(
        Rect::new(0, 0, app.session.size.0, app.session.size.1),
        Pane::Detail,
    );
    let (_, rect) = areas
        .panes
        .iter()
        .find(|(p, _)| *p == Pane::Detail)
        .unwrap();
    inner(*rect)
}

#[test]
fn keys_use_the_kept_layout_instead_of_laying_the_record_out_again() {
    let mut app = app(160, 45);
    press(&mut app, "5");
    press(&mut app, "j");
    let kept = app
        .detail
        .layout
        .clone()
        .expect("moving in Detail lays it out");
    assert_eq!(Some(kept.record), app.detail_target());
    // Plant a layout whose only link goes somewhere the record does not link to: if
    // Enter laid the record out again it would not go there.
    let planted = RecordRef::Dispute(app.story.file.disputes.len() - 1);
    app.detail.layout = Some(DetailLayout {
        links: vec![(0, DetailLink::Record(planted))],
        ..kept
    });
    app.detail.link = 0;
    press(&mut app, "<Enter>");
    assert_eq!(app.detail_target(), Some(planted));
}

#[test]
fn a_new_width_or_a_new_story_lays_the_record_out_again() {
    let mut app = app(160, 45);
    press(&mut app, "5j");
    let wide = app.detail.layout.clone().unwrap();
    update(&mut app, Action::Resize(130, 45));
    press(&mut app, "j");
    let narrower = app.detail.layout.clone().unwrap();
    assert!(narrower.width < wide.width);
    assert!(narrower.lines >= wide.lines, "a narrower pane wraps more");
    press(&mut app, "<lt>");
    assert_eq!(
        app.detail.layout, None,
        "a new as-of story forgets the layout"
    );
}

#[test]
fn clicking_a_link_line_puts_the_cursor_on_that_link_even_when_scrolled() {
    let mut app = app(160, 45);
    // An entity with many links, so its document is longer than the pane.
    press(&mut app, "/alibaba<Enter>");
    let record = app.detail_target().unwrap();
    press(&mut app, "5");
    let body = detail_inner(&app);
    let layout = app.detail_source().layout(record, usize::from(body.width));
    assert!(layout.links.len() > 3, "{layout:?}");
    for scroll in [0, 5] {
        app.detail.scroll = scroll;
        let (link, &(line, target)) = layout
            .links
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, (line, _))| *line > scroll && *line < scroll + 10)
            .expect("a link on screen past the first");
        app.detail.link = 0;
        let row = body.y + (line - scroll) as u16;
        update(&mut app, Action::Click(body.x + 2, row));
        assert_eq!(app.detail.link, link, "scroll {scroll}");
        press(&mut app, "<Enter>");
        let DetailLink::Record(target) = target else {
            panic!("a record link")
        };
        assert_eq!(app.detail_target(), Some(target));
        press(&mut app, "<BS>");
        app.set_focus(Pane::Detail);
    }
}
