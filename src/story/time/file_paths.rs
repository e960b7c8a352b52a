//! Paths in a story narrowed to a date (`events[3].cite[1]`) turned back into paths in
//! the file: a narrowed story numbers only what was known then, but every path a
//! command prints must name the file's own record, stage, version and citation.

use crate::story::graph::provenance::FactRef;
use crate::story::graph::{RecordRef, Story, record_path};
use crate::story::model::Citation;

impl Story {
    /// `path`, a place in this story, as the same place in `whole`, the story this one
    /// was narrowed from: `events[2].cite[0]` → `events[4].cite[1]`. Unchanged for a
    /// story not narrowed, or a path naming no record of this story.
    pub(crate) fn path_in_whole(&self, whole: &Story, path: &str) -> String {
        if self.narrowing.is_none() {
            return path.to_owned();
        }
        self.mapped_path(whole, path)
            .unwrap_or_else(|| path.to_owned())
    }

    fn mapped_path(&self, whole: &Story, path: &str) -> Option<String> {
        let mut segments = path.split('.').map(segment);
        let (list, index) = segments.next()?;
        let record = self.record_at(list, index?)?;
        let whole_record = whole.lookup(self.record_id(record))?;
        let mut out = record_path(whole_record);
        let (mut fact, mut whole_fact) = (FactRef::Record(record), FactRef::Record(whole_record));
        for (name, index) in segments {
            let next = match (name, index, fact, whole_fact) {
                ("stages", Some(s), FactRef::Record(RecordRef::Candidacy(c)), _) => {
                    Some((FactRef::Stage(c, s), self.stage_origin(c, s)))
                }
                ("variants", Some(v), FactRef::Record(RecordRef::Dispute(d)), _) => {
                    Some((FactRef::Variant(d, v), self.variant_origin(d, v)))
                }
                ("status_changes", Some(k), FactRef::Record(RecordRef::Event(e)), _) => {
                    Some((FactRef::StatusChange(e, k), self.change_origin(e, k)))
                }
                _ => None,
            };
            match (next, name, index) {
                (Some((narrowed, in_whole)), _, _) => {
                    whole_fact = with_index(whole_fact, in_whole)?;
                    fact = narrowed;
                    out.push_str(&format!(".{name}[{in_whole}]"));
                }
                (None, "cite", Some(c)) => {
                    let c = cite_in_whole(self.fact_cite(fact)?, whole.fact_cite(whole_fact)?, c)?;
                    out.push_str(&format!(".cite[{c}]"));
                }
                (None, "resolution", None) => {
                    (fact, whole_fact) = (resolution(fact)?, resolution(whole_fact)?);
                    out.push_str(".resolution");
                }
                (None, name, Some(i)) => out.push_str(&format!(".{name}[{i}]")),
                (None, name, None) => out.push_str(&format!(".{name}")),
            }
        }
        Some(out)
    }

    fn record_at(&self, list: &str, index: usize) -> Option<RecordRef> {
        let file = &self.file;
        let (record, len) = match list {
            "sources" => (RecordRef::Source(index), file.sources.len()),
            "entities" => (RecordRef::Entity(index), file.entities.len()),
            "relations" => (RecordRef::Relation(index), file.relations.len()),
            "events" => (RecordRef::Event(index), file.events.len()),
            "candidates" => (RecordRef::Candidacy(index), file.candidates.len()),
            "metrics" => (RecordRef::Metric(index), file.metrics.len()),
            "disputes" => (RecordRef::Dispute(index), file.disputes.len()),
            _ => return None,
        };
        (index < len).then_some(record)
    }

    /// The citations of one fact, if it has any and exists.
    fn fact_cite(&self, fact: FactRef) -> Option<&[Citation]> {
        let file = &self.file;
        Some(match fact {
            FactRef::Record(RecordRef::Entity(i)) => &file.entities.get(i)?.cite,
            FactRef::Record(RecordRef::Relation(i)) => &file.relations.get(i)?.cite,
            FactRef::Record(RecordRef::Event(i)) => &file.events.get(i)?.cite,
            FactRef::Record(RecordRef::Metric(i)) => &file.metrics.get(i)?.cite,
            FactRef::Record(_) => return None,
            FactRef::Stage(c, s) => &file.candidates.get(c)?.stages.get(s)?.cite,
            FactRef::Variant(d, v) => &file.disputes.get(d)?.variants.get(v)?.cite,
            FactRef::StatusChange(e, k) => &file.events.get(e)?.status_changes.get(k)?.cite,
            FactRef::Resolution(d) => &file.disputes.get(d)?.resolution.as_ref()?.cite,
        })
    }
}

/// `events[3]` → ("events", Some(3)); `resolution` → ("resolution", None).
fn segment(text: &str) -> (&str, Option<usize>) {
    match text.strip_suffix(']').and_then(|t| t.split_once('[')) {
        Some((name, index)) => (name, index.parse().ok()),
        None => (text, None),
    }
}

/// The same kind of sub-fact of the whole story's record, at its index there.
fn with_index(whole_fact: FactRef, index: usize) -> Option<FactRef> {
    match whole_fact {
        FactRef::Record(RecordRef::Candidacy(c)) => Some(FactRef::Stage(c, index)),
        FactRef::Record(RecordRef::Dispute(d)) => Some(FactRef::Variant(d, index)),
        FactRef::Record(RecordRef::Event(e)) => Some(FactRef::StatusChange(e, index)),
        _ => None,
    }
}

fn resolution(fact: FactRef) -> Option<FactRef> {
    match fact {
        FactRef::Record(RecordRef::Dispute(d)) => Some(FactRef::Resolution(d)),
        _ => None,
    }
}

/// Narrowing keeps a fact's citations in order and drops some: the `index`-th kept one
/// is found by walking the whole list alongside.
fn cite_in_whole(narrowed: &[Citation], whole: &[Citation], index: usize) -> Option<usize> {
    let same = |a: &Citation, b: &Citation| {
        a.source == b.source
            && a.para == b.para
            && a.via() == b.via()
            && a.quote() == b.quote()
            && a.note() == b.note()
    };
    let mut kept = 0;
    for (position, citation) in whole.iter().enumerate() {
        if narrowed.get(kept).is_some_and(|n| same(n, citation)) {
            if kept == index {
                return Some(position);
            }
            kept += 1;
        }
    }
    None
}
