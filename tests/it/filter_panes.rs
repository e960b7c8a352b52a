//! The entity filter (`f`) narrows every list pane, not only the timeline, and each
//! filtered pane's title says so; clearing it brings every row back.

use crate::common::{app, press, screen, screen_text};
use storyscope::tui::app::App;

/// The explorer at 120×30 with the filter on Alibaba (found by search, then `f`).
fn filtered_on_alibaba() -> App {
    let mut app = app(120, 30);
    press(&mut app, "/alibaba<Enter>f1");
    let entity = app.panes.filter.expect("f sets the filter");
    assert_eq!(app.story.file.entities[entity].name, "Alibaba");
    app
}

/// The sources behind the facts about `entity`, by arena index, in file order.
fn sources_about(app: &App, entity: usize) -> Vec<usize> {
    let facts = app.story.facts_about(entity);
    app.story.sources_behind(&facts).0.into_iter().collect()
}

#[test]
fn every_pane_shows_only_rows_involving_the_entity() {
    let app = filtered_on_alibaba();
    let entity = app.panes.filter.unwrap();
    let file = &app.story.file;
    let id = &file.entities[entity].id;
    let all = crate::common::app(120, 30);
    assert!(!app.panes.candidate_rows.is_empty());
    assert!(app.panes.candidate_rows.len() < all.panes.candidate_rows.len());
    for row in &app.panes.candidate_rows {
        let candidacy = &file.candidates[row.candidacy];
        assert!(
            candidacy.candidate == *id || candidacy.seeker == *id,
            "{row:?}"
        );
    }
    assert!(!app.panes.metric_rows.is_empty());
    assert!(app.panes.metric_rows.len() < all.panes.metric_rows.len());
    for row in &app.panes.metric_rows {
        let metric = &file.metrics[row.metric];
        assert!(
            metric.subject == id.as_str() || metric.stated_by.as_deref() == Some(id.as_str()),
            "{row:?}"
        );
    }
    let sources: Vec<usize> = app.panes.source_rows.iter().map(|r| r.source).collect();
    assert_eq!(sources, sources_about(&app, entity));
    assert!(sources.len() < all.panes.source_rows.len());
}

#[test]
fn every_filtered_pane_says_so_in_its_title() {
    let app = filtered_on_alibaba();
    let text = screen_text(&app);
    // One title each: Timeline, Candidates, Cited metrics, Sources.
    let said: usize = text
        .lines()
        .map(|l| l.matches("only Alibaba").count())
        .sum();
    assert_eq!(said, 4, "{text}");
    insta::assert_snapshot!(screen(&app).backend());
}

#[test]
fn clearing_the_filter_restores_every_row() {
    let mut app = filtered_on_alibaba();
    let all = crate::common::app(120, 30);
    press(&mut app, "f");
    assert_eq!(app.panes.filter, None);
    assert_eq!(app.panes.timeline_events, all.panes.timeline_events);
    assert_eq!(app.panes.candidate_rows, all.panes.candidate_rows);
    assert_eq!(app.panes.metric_rows, all.panes.metric_rows);
    assert_eq!(app.panes.source_rows, all.panes.source_rows);
    assert!(!screen_text(&app).contains("only Alibaba"));
}
