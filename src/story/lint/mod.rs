//! `storyscope lint`: weak sourcing and loose ends a story author should look at.
//! A file that does not load is the loader's business; this checks valid stories.
//! Each check lives in its own file and returns its findings; `lint` runs them all.

mod dates;
mod dispute_kind;
mod drafted;
mod finding;
mod future_prose;
mod grounded;
mod kind;
mod loose_ends;
mod one_origin_dispute;
mod shared_alias;
mod sourcing;
mod status_no_history;

pub use finding::{CHECKS, Finding, Severity};
pub use grounded::{Doubt, Doubts, Grounded, doubts, grounded};

use crate::story::graph::Story;
use crate::story::model::date::DayNumber;
use finding::debug_checked;

/// Runs every check; `reference_day` decides which expectations are past due. The
/// findings come check by check, each in file order (`single-origin` and `no-locator`
/// fact by fact, together); `--json` prints them in this order, so it stays put.
pub fn lint(story: &Story, reference_day: DayNumber) -> Vec<Finding> {
    let mut findings = sourcing::fact_sourcing(story);
    findings.extend(loose_ends::past_due(story, reference_day));
    findings.extend(loose_ends::unreferenced_entities(story));
    findings.extend(loose_ends::metrics_without_period(story));
    findings.extend(sourcing::uncited_sources(story));
    findings.extend(dates::dated_after_sources(story));
    findings.extend(dates::stage_order(story));
    findings.extend(shared_alias::shared_names(story));
    findings.extend(dispute_kind::dispute_kind_findings(story));
    findings.extend(one_origin_dispute::one_origin_disputes(story));
    findings.extend(status_no_history::status_without_history(story));
    findings.extend(future_prose::future_prose(story));
    findings.extend(drafted::drafted_records(story));
    findings.extend(authored_findings(story));
    findings.extend(kind::near_miss_kinds(story));
    findings
}

/// One note per place the author added something no source says: counted, so the
/// author can see how much of the story is theirs.
fn authored_findings(story: &Story) -> Vec<Finding> {
    story
        .all_notes()
        .into_iter()
        // A drafted note is not the author's own yet: `drafted` lists those records.
        .filter(|(_, note)| note.kind != super::model::AuthorNoteKind::Drafted)
        .map(|(location, note)| Finding {
            severity: debug_checked("authored", Severity::Note),
            check: "authored",
            // Counted, not problems: one line unless --verbose.
            group: Some("the author's own".to_owned()),
            location: match &note.field {
                Some(field) => format!("{location}.{field}"),
                None => location,
            },
            message: crate::story::graph::authored::note_text(note),
        })
        .collect()
}
