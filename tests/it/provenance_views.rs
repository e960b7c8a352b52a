//! Provenance and time in the explorer: both articles resting on one upstream report,
//! the shipped disputes side by side, overdue expectations, sourcing in search results.

use crate::common::{app, press, screen_text};
use storyscope::story::RecordRef;
use storyscope::story::model::days_from_civil;
use storyscope::story::query::{Clock, ViewFilter};

#[test]
fn the_sources_pane_shows_both_articles_relying_on_the_same_report() {
    let mut app = app(160, 45);
    let articles: Vec<_> = app
        .panes
        .source_rows
        .iter()
        .filter(|r| r.via.is_some())
        .collect();
    assert_eq!(articles.len(), 2, "two articles");
    assert!(
        articles
            .iter()
            .all(|r| r.via.as_deref() == Some("The Information"))
    );
    // The Information is one origin among several: the data firm, Apple's report and
    // Alibaba's cloud unit are origins too.
    let origins: Vec<&str> = app
        .panes
        .source_rows
        .iter()
        .filter(|r| r.via.is_none())
        .map(|r| r.outlet.as_str())
        .collect();
    for outlet in ["The Information", "CARMA", "Apple", "Alibaba's cloud unit"] {
        assert!(origins.contains(&outlet), "{outlet} in {origins:?}");
    }
    let text = screen_text(&app);
    assert_eq!(
        text.lines()
            .filter(|l| l.contains("← MARKETING") || l.contains("← Unattributed"))
            .count(),
        2,
        "{text}"
    );
    // Enter on a source lists the facts resting on it alone, and the disputes it joins.
    press(&mut app, "4<Enter>");
    let text = screen_text(&app);
    assert!(text.contains("Facts resting on it alone"), "{text}");
}

/// The shipped disputes, each with both versions on the same lines.
#[test]
fn the_shipped_disputes_show_their_versions_side_by_side() {
    for query in ["did apple announce", "features have launched"] {
        let mut app = app(160, 45);
        press(&mut app, &format!("/{query}"));
        let hit = app
            .overlay
            .search
            .hits
            .first()
            .unwrap_or_else(|| panic!("no hit for {query}"));
        assert!(
            matches!(hit.target.record(), RecordRef::Dispute(_)),
            "{query}: {:?}",
            app.story.record_title(hit.target.record())
        );
        press(&mut app, "<Enter>");
        let text = screen_text(&app);
        assert!(
            text.lines()
                .any(|line| line.contains("Version 1") && line.contains("Version 2")),
            "{query}: versions not side by side:\n{text}"
        );
    }
}

#[test]
fn the_may_2025_rollout_is_overdue_now_but_not_as_of_february() {
    let story = crate::common::embedded_story();
    let now = Clock {
        reference_day: crate::common::fixed_today(),
    };
    let rollout = story
        .timeline_rows(ViewFilter::default(), now)
        .into_iter()
        .find(|row| row.title.contains("iOS 18.5"))
        .expect("the rollout event");
    assert!(rollout.overdue);
    let february = Clock {
        reference_day: days_from_civil(2025, 2, 13),
    };
    let then = story.timeline_row(rollout.event, february);
    assert!(!then.overdue, "not yet due on 13 Feb 2025");
    let app = app(160, 45);
    let text = screen_text(&app);
    assert!(
        text.lines()
            .any(|l| l.contains('⚠') && l.contains("iOS 18.5")),
        "{text}"
    );
}

#[test]
fn search_results_carry_their_sourcing() {
    let mut app = app(160, 45);
    press(&mut app, "/qwen max");
    let text = screen_text(&app);
    assert!(
        text.contains("Qwen 2.5-Max")
            && text.contains("2 articles · 2 independent origins (Alibaba"),
        "{text}"
    );
}
