//! `storyscope diff` output: what became known between two dates, as Markdown (tables
//! with footnotes, like every export) or JSON for scripts. Both record both dates.

mod json;

pub(crate) use json::diff_json;

use crate::story::graph::provenance::AS_OF_RULE;
use crate::story::graph::status_history::status_text;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::date::DateSpec;
use crate::story::report::markdown::{Footnotes, escape, table};
use crate::story::time::diff::StoryDiff;

/// The two dates compared; `to` None is the whole story, undated sources included.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DiffDates {
    /// The earlier date: what was known by then is the baseline.
    pub(crate) from: DateSpec,
    /// The later date; None compares with the whole story.
    pub(crate) to: Option<DateSpec>,
    /// The day expectations are judged against at `to` (today for every source).
    pub(crate) reference_day: crate::story::model::date::DayNumber,
}

impl DiffDates {
    fn phrase(self) -> String {
        match self.to {
            Some(to) => format!(
                "from {} to {} ({AS_OF_RULE})",
                self.from.human(),
                to.human()
            ),
            None => format!(
                "from {} to every source, undated ones included ({AS_OF_RULE} before that)",
                self.from.human()
            ),
        }
    }
}

/// The diff as Markdown: one section per kind of change, empty ones left out.
pub(crate) fn diff_markdown(later: &Story, diff: &StoryDiff, dates: DiffDates) -> String {
    let mut out = format!("# {}\n\n", escape(&later.file.story.title));
    out.push_str(&format!(
        "_View: diff · {} · story: {}_\n\n",
        dates.phrase(),
        escape(&later.origin)
    ));
    if diff.is_empty() {
        out.push_str("_Nothing became known between these dates._\n\n");
        return out;
    }
    let noun = if diff.len() == 1 { "thing" } else { "things" };
    out.push_str(&format!("{} {noun} became known.\n\n", diff.len()));
    let mut notes = Footnotes::default();
    let file = &later.file;
    let section = |out: &mut String, title: &str, header: &[&str], rows: Vec<Vec<String>>| {
        if !rows.is_empty() {
            out.push_str(&format!("## {title}\n\n"));
            table(out, header, &rows);
        }
    };
    let rows = diff
        .sources
        .iter()
        .map(|&s| {
            let row = later.source_row(s);
            vec![
                format!("“{}”", escape(&row.title)),
                escape(&row.outlet),
                escape(&row.published),
                escape(row.via.as_deref().unwrap_or("— (an origin)")),
            ]
        })
        .collect();
    section(
        &mut out,
        "New sources",
        &["Title", "Outlet", "Published", "Relies on"],
        rows,
    );
    let clock = crate::story::query::views::Clock {
        reference_day: dates.reference_day,
    };
    let rows = diff
        .events
        .iter()
        .map(|&e| {
            let row = later.timeline_row(e, clock);
            vec![
                escape(&row.date),
                format!("**{}**", escape(&row.title)),
                escape(&row.status),
                escape(&row.entities.join(", ")),
                escape(&row.provenance.label()),
                notes.refs(&file.events[e].cite),
            ]
        })
        .collect();
    section(
        &mut out,
        "New events",
        &["When", "Event", "Status", "Involved", "Sourcing", "Sources"],
        rows,
    );
    let rows = diff
        .status_shifts
        .iter()
        .map(|shift| {
            let event = &file.events[shift.event];
            let condition = event.condition.as_deref();
            let cite: Vec<_> = diff
                .changes
                .iter()
                .filter(|&&(e, _)| e == shift.event)
                .flat_map(|&(e, c)| file.events[e].status_changes[c].cite.clone())
                .collect();
            vec![
                format!("**{}**", escape(&event.title)),
                escape(&status_text(shift.before, condition)),
                escape(&status_text(shift.after, condition)),
                escape(&later.cited_outlets(&cite)),
                notes.refs(&cite),
            ]
        })
        .collect();
    section(
        &mut out,
        "Status changes",
        &["Event", "Was", "Now", "Per", "Sources"],
        rows,
    );
    let rows = diff
        .metrics
        .iter()
        .map(|&m| {
            let row = later.metric_row(m);
            vec![
                escape(&row.label),
                format!("**{}**", escape(&row.value)),
                escape(&row.subject),
                escape(&row.period),
                escape(&row.provenance.label()),
                notes.refs(&file.metrics[m].cite),
            ]
        })
        .collect();
    section(
        &mut out,
        "New metrics",
        &[
            "Metric", "Value", "Subject", "Period", "Sourcing", "Sources",
        ],
        rows,
    );
    let rows = diff
        .candidacies
        .iter()
        .map(|&c| {
            let row = later.candidate_row(c);
            let cite: Vec<_> = row.stages.iter().flat_map(|s| s.cite.clone()).collect();
            let stages: Vec<&str> = row.stages.iter().map(|s| s.stage.label()).collect();
            vec![
                format!("**{}**", escape(&candidate_name(later, c))),
                escape(&row.role),
                row.current.label().to_owned(),
                stages.join(" → "),
                notes.refs(&cite),
            ]
        })
        .collect();
    section(
        &mut out,
        "New candidacies",
        &["Candidate", "For", "Where it stands", "Stages", "Sources"],
        rows,
    );
    let rows = diff
        .stages
        .iter()
        .map(|&(c, s)| {
            let stage = &file.candidates[c].stages[s];
            vec![
                format!("**{}**", escape(&candidate_name(later, c))),
                stage.stage.label().to_owned(),
                escape(&stage.date.map_or_else(|| "—".to_owned(), |d| d.human())),
                escape(stage.reason.as_deref().unwrap_or("—")),
                notes.refs(&stage.cite),
            ]
        })
        .collect();
    section(
        &mut out,
        "New stages",
        &["Candidate", "Stage", "When", "Reason given", "Sources"],
        rows,
    );
    let mut rows = Vec::new();
    for &d in &diff.disputes {
        let dispute = &file.disputes[d];
        for (v, variant) in dispute.variants.iter().enumerate() {
            rows.push(vec![
                if v == 0 {
                    format!("**{}**", escape(&dispute.point))
                } else {
                    "″".to_owned()
                },
                escape(&variant.claim),
                escape(&later.cited_outlets(&variant.cite)),
                notes.refs(&variant.cite),
            ]);
        }
    }
    // A point becomes a dispute once a second version is known: "Told by" shows
    // which version is the new one.
    section(
        &mut out,
        "New disputes",
        &["Point", "Version", "Told by", "Sources"],
        rows,
    );
    let rows = diff
        .variants
        .iter()
        .map(|&(d, v)| {
            let dispute = &file.disputes[d];
            vec![
                format!("**{}**", escape(&dispute.point)),
                escape(&dispute.variants[v].claim),
                notes.refs(&dispute.variants[v].cite),
            ]
        })
        .collect();
    section(
        &mut out,
        "New versions of known disputes",
        &["Point", "Version", "Sources"],
        rows,
    );
    let rows = diff
        .resolved
        .iter()
        .filter_map(|&d| {
            let dispute = &file.disputes[d];
            let resolution = dispute.resolution.as_ref()?;
            Some(vec![
                format!("**{}**", escape(&dispute.point)),
                escape(&resolution.summary),
                notes.refs(&resolution.cite),
            ])
        })
        .collect();
    section(
        &mut out,
        "Settled disputes",
        &["Point", "How", "Sources"],
        rows,
    );
    let entity_rows = |entities: &[usize], notes: &mut Footnotes| -> Vec<Vec<String>> {
        entities
            .iter()
            .map(|&e| {
                let entity = &file.entities[e];
                let described = if later.is_undescribed(e) {
                    "_named, not yet described_".to_owned()
                } else {
                    escape(entity.summary.as_deref().unwrap_or(""))
                };
                vec![
                    format!("**{}**", escape(&entity.name)),
                    entity.kind.label().to_owned(),
                    described,
                    notes.refs(&entity.cite),
                ]
            })
            .collect()
    };
    let header = ["Name", "Kind", "Described as", "Sources"];
    let rows = entity_rows(&diff.entities, &mut notes);
    section(&mut out, "New entities", &header, rows);
    let rows = entity_rows(&diff.described, &mut notes);
    section(&mut out, "Now described", &header, rows);
    let rows = diff
        .relations
        .iter()
        .map(|&r| {
            let relation = &file.relations[r];
            vec![
                escape(&later.record_title(RecordRef::Relation(r))),
                escape(relation.summary.as_deref().unwrap_or("")),
                notes.refs(&relation.cite),
            ]
        })
        .collect();
    section(
        &mut out,
        "New relations",
        &["Relation", "Details", "Sources"],
        rows,
    );
    // One row per fact, its new citations together.
    let mut grouped: Vec<(
        crate::story::graph::provenance::FactRef,
        Vec<crate::story::model::Citation>,
    )> = Vec::new();
    for (fact, citation) in &diff.citations {
        match grouped.iter_mut().find(|(f, _)| f == fact) {
            Some((_, cite)) => cite.push(citation.clone()),
            None => grouped.push((*fact, vec![citation.clone()])),
        }
    }
    let rows = grouped
        .iter()
        .map(|(fact, cite)| {
            vec![
                escape(&later.fact_title(*fact)),
                escape(&later.cited_outlets(cite)),
                notes.refs(cite),
            ]
        })
        .collect();
    section(
        &mut out,
        "More sources for facts already known",
        &["Fact", "Now also told by", "New citations"],
        rows,
    );
    let rows = diff
        .fell_due
        .iter()
        .map(|&e| {
            let event = &file.events[e];
            vec![
                escape(&event.date.human()),
                format!("**{}**", escape(&event.title)),
                escape(&status_text(
                    later.event_status(e),
                    event.condition.as_deref(),
                )),
            ]
        })
        .collect();
    section(
        &mut out,
        "Expectations that fell due",
        &["Expected", "Event", "Status"],
        rows,
    );
    if !notes.is_empty() {
        out.push_str(&notes.definitions(later));
    }
    out
}

fn candidate_name(story: &Story, candidacy: usize) -> String {
    story.entity_label(&story.file.candidates[candidacy].candidate)
}
