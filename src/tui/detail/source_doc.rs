//! A source in Detail: where it was published, what it relies on, its origin, the
//! facts resting on it alone and the disputes it takes a side in.

use crate::story::RecordRef;

use super::Builder;
use crate::tui::app::App;

/// Facts listed under a source in Detail; the count says how many more there are.
const MAX_LISTED_FACTS: usize = 200;

pub(super) fn source(b: &mut Builder<'_>, app: &App, i: usize) {
    let story = b.story;
    let source = &story.file.sources[i];
    // The explorer already holds every source's row; recounting would walk all facts.
    let row = match app.source_rows.iter().find(|r| r.source == i) {
        Some(row) => row.clone(),
        None => story.source_row(i),
    };
    b.heading(&source.title);
    b.field("Outlet", &source.outlet);
    b.field("Published", &row.published);
    if let Some(url) = &source.url {
        b.field("Address", url);
    }
    if let Some(note) = &source.note {
        b.field("Note", note);
    }
    if let Some(via) = &source.via {
        b.heading("Relies on");
        let up = story.source_index(via);
        b.link(
            RecordRef::Source(up),
            &format!(
                "{} — {}",
                story.file.sources[up].outlet, story.file.sources[up].title
            ),
        );
    }
    let root = story.source_root(i);
    if root != i {
        b.field(
            "Independent origin",
            &format!(
                "{} (unless a citation names another)",
                story.file.sources[root].outlet
            ),
        );
    }
    b.authored(&source.authored);
    b.field("Facts citing it", &row.facts.to_string());
    let alone = story.facts_resting_on(i);
    b.heading(&format!("Facts resting on it alone ({})", alone.len()));
    // An upstream report can carry every fact of a big story: list the first ones.
    for &fact in alone.iter().take(MAX_LISTED_FACTS) {
        b.link(story.fact_record(fact), &story.fact_title(fact));
    }
    if alone.len() > MAX_LISTED_FACTS {
        b.text(&format!("… and {} more", alone.len() - MAX_LISTED_FACTS));
    }
    // The disputes this source takes a side in: the way from Sources to the
    // side-by-side versions.
    let id = &source.id;
    let disputes: Vec<usize> = (0..story.file.disputes.len())
        .filter(|&d| {
            story.file.disputes[d]
                .variants
                .iter()
                .any(|v| v.cite.iter().any(|c| &c.source == id))
        })
        .collect();
    if !disputes.is_empty() {
        b.heading(&format!("Disputes it takes a side in ({})", disputes.len()));
        for d in disputes {
            b.link(RecordRef::Dispute(d), &story.file.disputes[d].point);
        }
    }
}
