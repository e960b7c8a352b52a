//! `storyscope diff` output as Markdown: what became known between two dates, one table
//! per kind of change, with footnotes like every export (`diff_json` writes the same for
//! scripts, `json`). Both record both dates.

mod candidacies;
mod json;

pub(crate) use json::diff_json;

use crate::story::graph::provenance::{AS_OF_RULE, FactRef};
use crate::story::graph::status_history::status_text;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::Citation;
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

/// The diff as Markdown: one section per kind of change, empty ones left out, in the
/// order a reader wants them (sources first, footnotes numbered in that order).
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
    let mut page = Page {
        later,
        diff,
        out,
        notes: Footnotes::default(),
    };
    page.sources();
    page.events(dates);
    page.status_changes();
    page.metrics();
    page.candidacies();
    page.stages();
    page.disputes();
    page.new_versions();
    page.settled_disputes();
    page.entities();
    page.relations();
    page.more_citations();
    page.fell_due();
    let Page { mut out, notes, .. } = page;
    if !notes.is_empty() {
        out.push_str(&notes.definitions(later));
    }
    out
}

/// The Markdown being written, and the footnotes its sections have cited so far.
struct Page<'a> {
    later: &'a Story,
    diff: &'a StoryDiff,
    out: String,
    notes: Footnotes,
}

impl Page<'_> {
    /// A `## title` and its table; nothing for no rows.
    fn section(&mut self, title: &str, header: &[&str], rows: Vec<Vec<String>>) {
        if !rows.is_empty() {
            self.out.push_str(&format!("## {title}\n\n"));
            table(&mut self.out, header, &rows);
        }
    }

    fn sources(&mut self) {
        let later = self.later;
        let rows = self
            .diff
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
        let header = ["Title", "Outlet", "Published", "Relies on"];
        self.section("New sources", &header, rows);
    }

    fn events(&mut self, dates: DiffDates) {
        let (later, notes) = (self.later, &mut self.notes);
        let clock = crate::story::query::views::Clock {
            reference_day: dates.reference_day,
        };
        let rows = self
            .diff
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
                    notes.refs(&later.file.events[e].cite),
                ]
            })
            .collect();
        let header = ["When", "Event", "Status", "Involved", "Sourcing", "Sources"];
        self.section("New events", &header, rows);
    }

    fn status_changes(&mut self) {
        let (later, diff, notes) = (self.later, self.diff, &mut self.notes);
        let file = &later.file;
        let rows = diff
            .status_shifts
            .iter()
            .map(|shift| {
                let event = &file.events[shift.event];
                let condition = event.condition();
                let cite: Vec<_> = diff
                    .changes
                    .iter()
                    .filter(|&&(e, _)| e == shift.event)
                    .flat_map(|&(e, c)| file.events[e].status_changes[c].cite.clone())
                    .collect();
                vec![
                    format!("**{}**", escape(event.title())),
                    escape(&status_text(shift.before, condition)),
                    escape(&status_text(shift.after, condition)),
                    escape(&later.cited_outlets(&cite)),
                    notes.refs(&cite),
                ]
            })
            .collect();
        let header = ["Event", "Was", "Now", "Per", "Sources"];
        self.section("Status changes", &header, rows);
    }

    fn metrics(&mut self) {
        let (later, notes) = (self.later, &mut self.notes);
        let rows = self
            .diff
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
                    notes.refs(&later.file.metrics[m].cite),
                ]
            })
            .collect();
        let header = [
            "Metric", "Value", "Subject", "Period", "Sourcing", "Sources",
        ];
        self.section("New metrics", &header, rows);
    }

    fn disputes(&mut self) {
        let (later, notes) = (self.later, &mut self.notes);
        let mut rows = Vec::new();
        for &d in &self.diff.disputes {
            let dispute = &later.file.disputes[d];
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
        let header = ["Point", "Version", "Told by", "Sources"];
        self.section("New disputes", &header, rows);
    }

    fn new_versions(&mut self) {
        let (later, notes) = (self.later, &mut self.notes);
        let rows = self
            .diff
            .variants
            .iter()
            .map(|&(d, v)| {
                let dispute = &later.file.disputes[d];
                vec![
                    format!("**{}**", escape(&dispute.point)),
                    escape(&dispute.variants[v].claim),
                    notes.refs(&dispute.variants[v].cite),
                ]
            })
            .collect();
        let header = ["Point", "Version", "Sources"];
        self.section("New versions of known disputes", &header, rows);
    }

    fn settled_disputes(&mut self) {
        let (later, notes) = (self.later, &mut self.notes);
        let rows = self
            .diff
            .resolved
            .iter()
            .filter_map(|&d| {
                let dispute = &later.file.disputes[d];
                let resolution = dispute.resolution.as_ref()?;
                Some(vec![
                    format!("**{}**", escape(&dispute.point)),
                    escape(&resolution.summary),
                    notes.refs(&resolution.cite),
                ])
            })
            .collect();
        self.section("Settled disputes", &["Point", "How", "Sources"], rows);
    }

    /// New entities, then those known before only by name and now described.
    fn entities(&mut self) {
        let header = ["Name", "Kind", "Described as", "Sources"];
        let rows = self.entity_rows(&self.diff.entities);
        self.section("New entities", &header, rows);
        let rows = self.entity_rows(&self.diff.described);
        self.section("Now described", &header, rows);
    }

    fn entity_rows(&mut self, entities: &[usize]) -> Vec<Vec<String>> {
        let (later, notes) = (self.later, &mut self.notes);
        entities
            .iter()
            .map(|&e| {
                let entity = &later.file.entities[e];
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
    }

    fn relations(&mut self) {
        let (later, notes) = (self.later, &mut self.notes);
        let rows = self
            .diff
            .relations
            .iter()
            .map(|&r| {
                let relation = &later.file.relations[r];
                vec![
                    escape(&later.record_title(RecordRef::Relation(r))),
                    escape(relation.summary.as_deref().unwrap_or("")),
                    notes.refs(&relation.cite),
                ]
            })
            .collect();
        let header = ["Relation", "Details", "Sources"];
        self.section("New relations", &header, rows);
    }

    /// One row per fact, its new citations together.
    fn more_citations(&mut self) {
        let (later, notes) = (self.later, &mut self.notes);
        let mut grouped: Vec<(FactRef, Vec<Citation>)> = Vec::new();
        for (fact, citation) in &self.diff.citations {
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
        let header = ["Fact", "Now also told by", "New citations"];
        self.section("More sources for facts already known", &header, rows);
    }

    fn fell_due(&mut self) {
        let later = self.later;
        let rows = self
            .diff
            .fell_due
            .iter()
            .map(|&e| {
                let event = &later.file.events[e];
                vec![
                    escape(&event.date.human()),
                    format!("**{}**", escape(event.title())),
                    escape(&status_text(later.event_status(e), event.condition())),
                ]
            })
            .collect();
        let header = ["Expected", "Event", "Status"];
        self.section("Expectations that fell due", &header, rows);
    }
}
