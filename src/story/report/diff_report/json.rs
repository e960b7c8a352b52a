//! `storyscope diff --json`: what became known between two dates, for scripts: ids first,
//! with enough text to read it, one list per kind of change (`diff_report` writes the
//! same as Markdown).

use serde_json::{Map, Value, json};

use super::DiffDates;
use crate::story::graph::provenance::AS_OF_RULE;
use crate::story::graph::status_history::status_text;
use crate::story::graph::{RecordRef, Story};
use crate::story::model::Citation;
use crate::story::query::views::metric_value_text;
use crate::story::time::diff::StoryDiff;

/// The diff as JSON for scripts: ids first, with enough text to read it.
pub(crate) fn diff_json(later: &Story, diff: &StoryDiff, dates: DiffDates) -> Value {
    let mut out = Map::new();
    out.insert("from".into(), dates.from.canonical().into());
    out.insert("to".into(), json!(dates.to.map(|d| d.canonical())));
    out.insert("rule".into(), AS_OF_RULE.into());
    out.insert("count".into(), diff.len().into());
    for part in [
        new_records(later, diff),
        event_changes(later, diff),
        candidacies(later, diff),
        disputes(later, diff),
        later_news(later, diff),
    ] {
        if let Value::Object(fields) = part {
            out.extend(fields);
        }
    }
    Value::Object(out)
}

/// Where each citation points: its source's id and paragraph.
fn cite(citations: &[Citation]) -> Value {
    citations
        .iter()
        .map(|c| json!({ "source": c.source, "para": c.para }))
        .collect()
}

/// New sources, entities (and entities now described), relations and metrics.
fn new_records(later: &Story, diff: &StoryDiff) -> Value {
    let file = &later.file;
    let entity = |&e: &usize| {
        let record = &file.entities[e];
        json!({
            "id": record.id,
            "name": record.name,
            "kind": record.kind.label(),
            "described": !later.is_undescribed(e),
        })
    };
    json!({
        "new_sources": diff.sources.iter().map(|&s| {
            let source = &file.sources[s];
            json!({
                "id": source.id,
                "outlet": source.outlet,
                "title": source.title,
                "published": source.published.map(|d| d.canonical()),
            })
        }).collect::<Vec<_>>(),
        "new_entities": diff.entities.iter().map(entity).collect::<Vec<_>>(),
        "now_described": diff.described.iter().map(entity).collect::<Vec<_>>(),
        "new_relations": diff.relations.iter().map(|&r| json!({
            "id": file.relations[r].id,
            "title": later.record_title(RecordRef::Relation(r)),
        })).collect::<Vec<_>>(),
        "new_metrics": diff.metrics.iter().map(|&m| {
            let metric = &file.metrics[m];
            json!({ "id": metric.id, "label": metric.label, "value": metric_value_text(metric) })
        }).collect::<Vec<_>>(),
    })
}

/// New events, the events whose status changed, and the status entries that did it.
fn event_changes(later: &Story, diff: &StoryDiff) -> Value {
    let file = &later.file;
    json!({
        "new_events": diff.events.iter().map(|&e| {
            let event = &file.events[e];
            json!({
                "id": event.id,
                "title": event.title(),
                "date": event.date.canonical(),
                "status": status_text(later.event_status(e), event.condition()),
            })
        }).collect::<Vec<_>>(),
        "status_changes": diff.status_shifts.iter().map(|shift| {
            let event = &file.events[shift.event];
            let condition = event.condition();
            json!({
                "event": event.id,
                "title": event.title(),
                "was": status_text(shift.before, condition),
                "now": status_text(shift.after, condition),
            })
        }).collect::<Vec<_>>(),
        "new_status_entries": diff.changes.iter().map(|&(e, c)| {
            let event = &file.events[e];
            let change = &event.status_changes[c];
            json!({
                "event": event.id,
                "status": status_text(change.status, event.condition()),
                "cite": cite(&change.cite),
            })
        }).collect::<Vec<_>>(),
    })
}

/// New candidacies, and new stages of candidacies known before.
fn candidacies(later: &Story, diff: &StoryDiff) -> Value {
    let file = &later.file;
    json!({
        "new_candidacies": diff.candidacies.iter().map(|&c| {
            let row = later.candidate_row(c);
            json!({
                "id": file.candidates[c].id,
                "candidate": row.name,
                "role": row.role,
                "chooser": row.seeker,
                "standing": row.current.label(),
            })
        }).collect::<Vec<_>>(),
        "new_stages": diff.stages.iter().map(|&(c, s)| {
            let candidacy = &file.candidates[c];
            let stage = &candidacy.stages[s];
            json!({
                "candidacy": candidacy.id,
                "candidate": later.entity_name(&candidacy.candidate),
                "role": candidacy.role,
                "chooser": later.entity_name(&candidacy.seeker),
                "stage": stage.stage.label(),
                "date": stage.date.map(|d| d.canonical()),
                "cite": cite(&stage.cite),
            })
        }).collect::<Vec<_>>(),
    })
}

/// New disputes, new versions of known ones, and disputes settled.
fn disputes(later: &Story, diff: &StoryDiff) -> Value {
    let file = &later.file;
    json!({
        "new_disputes": diff.disputes.iter().map(|&d| {
            let dispute = &file.disputes[d];
            json!({
                "id": dispute.id,
                "point": dispute.point,
                "versions": dispute.variants.iter().map(|v| v.claim.clone()).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
        "new_versions": diff.variants.iter().map(|&(d, v)| json!({
            "dispute": file.disputes[d].id,
            "claim": file.disputes[d].variants[v].claim,
            "cite": cite(&file.disputes[d].variants[v].cite),
        })).collect::<Vec<_>>(),
        "settled_disputes": diff.resolved.iter().map(|&d| json!({
            "dispute": file.disputes[d].id,
            "how": file.disputes[d].resolution.as_ref().map(|r| r.summary.clone()),
        })).collect::<Vec<_>>(),
    })
}

/// New citations of facts known before, and expectations whose date passed.
fn later_news(later: &Story, diff: &StoryDiff) -> Value {
    let file = &later.file;
    json!({
        "new_citations": diff.citations.iter().map(|(fact, c)| json!({
            "record": later.record_id(later.fact_record(*fact)),
            "fact": later.fact_title(*fact),
            "source": c.source,
            "para": c.para,
        })).collect::<Vec<_>>(),
        "fell_due": diff.fell_due.iter().map(|&e| json!({
            "id": file.events[e].id,
            "title": file.events[e].title(),
            "date": file.events[e].date.canonical(),
        })).collect::<Vec<_>>(),
    })
}
