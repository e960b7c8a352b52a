//! Record → [`RecordDoc`]: what each kind of record shows, in what order.

use crate::story::graph::authored::note_text;
use crate::story::model::{AuthorNote, Citation};
use crate::story::query::views::{Clock, SourceRow, metric_value_text};
use crate::story::{RecordRef, Story};

use crate::story::query::citation::citation_text;
use crate::story::report::document::{Block, RecordDoc, Version};

mod sources;
mod time_parts;

/// Facts listed under a source; the count says how many more there are.
const MAX_LISTED_FACTS: usize = 200;

/// The document of `record`. `clock` decides what is overdue; `source_rows` are the
/// explorer's rows when it has them (a source's counts are then not recounted), or
/// empty.
pub fn build(
    story: &Story,
    record: RecordRef,
    clock: Clock,
    source_rows: &[SourceRow],
) -> RecordDoc {
    let mut doc = Doc {
        story,
        blocks: Vec::new(),
    };
    match record {
        RecordRef::Event(i) => doc.event(i, clock),
        RecordRef::Entity(i) => doc.entity(i),
        RecordRef::Candidacy(i) => doc.candidacy(i),
        RecordRef::Metric(i) => doc.metric(i),
        RecordRef::Source(i) => doc.source(i, source_rows),
        RecordRef::Dispute(i) => doc.dispute(i),
        RecordRef::Relation(i) => doc.relation(i),
    }
    RecordDoc { blocks: doc.blocks }
}

struct Doc<'a> {
    story: &'a Story,
    blocks: Vec<Block>,
}

impl Doc<'_> {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn title(&mut self, text: &str) {
        self.push(Block::Title(text.to_owned()));
    }

    fn heading(&mut self, text: &str) {
        self.push(Block::Heading(text.to_owned()));
    }

    fn field(&mut self, label: &str, value: &str) {
        self.push(Block::Field {
            label: label.to_owned(),
            value: value.to_owned(),
        });
    }

    fn text(&mut self, text: &str) {
        self.push(Block::Text(text.to_owned()));
    }

    fn badges(&mut self, record: RecordRef, overdue: bool) {
        let disputed = self.story.is_disputed(record);
        if disputed || overdue {
            self.push(Block::Badges { disputed, overdue });
        }
        if self.story.is_inconsistent(record) {
            self.push(Block::Inconsistent);
        }
    }

    /// The author's own additions to a record, apart from what the sources say.
    fn notes(&mut self, notes: &[AuthorNote]) {
        if notes.is_empty() {
            return;
        }
        self.heading("Not from the sources");
        for note in notes {
            self.push(Block::Note(note_text(note)));
        }
    }

    fn link(&mut self, target: RecordRef, label: String) {
        self.push(Block::Link { target, label });
    }

    fn entity_link(&mut self, id: &str) {
        let index = self.story.entity_index(id);
        let entity = &self.story.file.entities[index];
        let marker = time_parts::link_marker(self, index);
        let label = format!("{} ({}){marker}", entity.name, entity.kind.label());
        self.link(RecordRef::Entity(index), label);
    }

    fn disputes(&mut self, record: RecordRef) {
        let story = self.story;
        let (disagreements, inconsistencies): (Vec<usize>, Vec<usize>) = story
            .disputes_about(record)
            .iter()
            .partition(|&&d| story.is_disagreement(d));
        for (heading, disputes) in [
            ("Disputed", disagreements),
            ("A source contradicts itself", inconsistencies),
        ] {
            if disputes.is_empty() {
                continue;
            }
            self.heading(heading);
            for d in disputes {
                let point = story.file.disputes[d].point.clone();
                self.link(RecordRef::Dispute(d), point);
            }
        }
    }

    fn citations(&mut self, cite: &[Citation]) {
        self.push(Block::Break);
        self.field("Sourcing", &self.story.provenance(cite).label());
        self.heading("Citations");
        for citation in cite {
            let mut text = citation_text(self.story, citation);
            if let Some(note) = citation.note() {
                text.push_str(&format!(" — {note}"));
            }
            self.push(Block::Citation(text));
            self.push(Block::Passage(citation.clone()));
        }
    }

    /// When the first source citing these was published: "reported" apart from "happened".
    fn first_reported(&self, cite: &[Citation]) -> Option<String> {
        cite.iter()
            .filter_map(|c| self.story.source(&c.source).published)
            .min()
            .map(|d| d.human())
    }

    fn event(&mut self, i: usize, clock: Clock) {
        let story = self.story;
        let record = RecordRef::Event(i);
        let event = &story.file.events[i];
        let row = story.timeline_row(i, clock);
        self.title(event.title());
        self.field("Kind", record.kind_label());
        self.field("When", &row.date);
        if let Some(reported) = self.first_reported(&event.cite) {
            self.field("First reported", &reported);
        }
        time_parts::event_status(self, &row.status, i);
        self.badges(record, row.overdue);
        self.push(Block::Break);
        self.text(event.summary());
        self.heading("Involved");
        for id in &event.entities {
            self.entity_link(id);
        }
        self.disputes(record);
        self.notes(&event.authored);
        self.citations(&event.cite);
    }

    fn entity(&mut self, i: usize) {
        let story = self.story;
        let entity = &story.file.entities[i];
        self.title(&entity.name);
        self.field("Kind", entity.kind.label());
        let undescribed = time_parts::undescribed(self, i);
        if !entity.aliases.is_empty() {
            self.field("Also called", &entity.aliases.join(", "));
        }
        if let Some(summary) = &entity.summary {
            self.push(Block::Break);
            self.text(summary);
        }
        self.entity_links(i);
        self.disputes(RecordRef::Entity(i));
        self.notes(&entity.authored);
        if !undescribed {
            self.citations(&entity.cite);
        }
    }

    /// An entity's relations, events, metrics and candidacies, as links.
    fn entity_links(&mut self, i: usize) {
        let story = self.story;
        let entity = &story.file.entities[i];
        let links = story.links(i);
        if !links.relations.is_empty() {
            self.heading("Relations");
            for &r in &links.relations {
                let relation = &story.file.relations[r];
                let outgoing = relation.from == entity.id;
                let other = story.entity_index(if outgoing {
                    &relation.to
                } else {
                    &relation.from
                });
                let name = &story.file.entities[other].name;
                let label = relation.kind.label();
                let marker = time_parts::link_marker(self, other);
                // A kind the program does not know has no inverse wording ("member of"
                // does not turn into "has as member"), so its far side reads as a
                // sentence.
                let text = match (outgoing, relation.kind.inverse_label()) {
                    (true, _) => format!("{label} {name}{marker}"),
                    (false, Some(inverse)) => format!("{inverse} {name}{marker}"),
                    (false, None) => format!("{name} {label} {}{marker}", entity.name),
                };
                self.link(RecordRef::Entity(other), text);
            }
        }
        if !links.events.is_empty() {
            self.heading("Events");
            let mut events: Vec<usize> = links.event_indexes().collect();
            events.sort_by_key(|&e| story.file.events[e].date);
            for e in events {
                let event = &story.file.events[e];
                let label = format!("{} · {}", event.date.human(), event.title());
                self.link(RecordRef::Event(e), label);
            }
        }
        if !links.metrics.is_empty() {
            self.heading("Metrics");
            for &m in &links.metrics {
                let metric = &story.file.metrics[m];
                let label = format!("{}: {}", metric.label, metric_value_text(metric));
                self.link(RecordRef::Metric(m), label);
            }
        }
        if !links.candidacies.is_empty() {
            self.heading("Candidacies");
            for &c in &links.candidacies {
                let record = RecordRef::Candidacy(c);
                self.link(record, story.record_title(record));
            }
        }
    }

    fn candidacy(&mut self, i: usize) {
        let story = self.story;
        let record = RecordRef::Candidacy(i);
        let row = story.candidate_row(i);
        let candidacy = &story.file.candidates[i];
        // The title names the role and the chooser: one party can be weighed twice.
        self.title(&story.record_title(record));
        self.field("For", &row.role);
        self.field("Chooser", &row.seeker);
        time_parts::standing(self, i);
        self.badges(record, false);
        self.heading("Candidate and chooser");
        self.entity_link(&candidacy.candidate);
        self.entity_link(&candidacy.seeker);
        for stage in &candidacy.stages {
            let date = stage
                .date
                .map_or_else(|| "undated".to_owned(), |d| d.human());
            self.heading(&format!("{} · {date}", stage.stage.label()));
            if let Some(reason) = &stage.reason {
                self.text(reason);
            }
            self.notes(&stage.authored);
            self.citations(&stage.cite);
        }
        self.disputes(record);
    }

    fn metric(&mut self, i: usize) {
        let story = self.story;
        let record = RecordRef::Metric(i);
        let metric = &story.file.metrics[i];
        let row = story.metric_row(i);
        self.title(&metric.label);
        self.push(Block::Value(metric_value_text(metric)));
        self.field("Period", &row.period);
        self.field("Basis", &row.basis);
        self.badges(record, false);
        self.heading("About");
        self.entity_link(&metric.subject);
        if let Some(by) = &metric.stated_by {
            self.heading("Stated by");
            self.entity_link(by);
        }
        self.disputes(record);
        self.notes(&metric.authored);
        self.citations(&metric.cite);
    }

    fn dispute(&mut self, i: usize) {
        let story = self.story;
        let dispute = &story.file.disputes[i];
        self.title(&dispute.point);
        if story.is_disagreement(i) {
            self.field("Kind", "dispute: the sources disagree");
        } else {
            self.field("Kind", "self-contradiction: one source tells both versions");
        }
        self.heading("About");
        for id in &dispute.about {
            if let Some(target) = story.lookup(id) {
                let label = format!("{} {}", target.kind_label(), story.record_title(target));
                self.link(target, label);
            }
        }
        let versions = dispute
            .variants
            .iter()
            .enumerate()
            .map(|(v, variant)| {
                let outlets: Vec<&str> = variant
                    .cite
                    .iter()
                    .map(|c| story.source_name(story.cited_source(c)))
                    .collect();
                Version {
                    heading: format!("Version {} — {}", v + 1, outlets.join(", ")),
                    claim: variant.claim.clone(),
                    sourcing: story.provenance(&variant.cite).label(),
                    citations: variant
                        .cite
                        .iter()
                        .map(|c| citation_text(story, c))
                        .collect(),
                }
            })
            .collect();
        self.push(Block::Versions(versions));
        time_parts::resolution(self, i);
    }

    fn relation(&mut self, i: usize) {
        let story = self.story;
        let record = RecordRef::Relation(i);
        let relation = &story.file.relations[i];
        self.title(&story.record_title(record));
        if let Some(summary) = &relation.summary {
            self.text(summary);
        }
        if let Some(status) = relation.status {
            let status = format!("{} · {}", status.sourcing.label(), status.timing.label());
            self.field("Status", &status);
        }
        if let Some(date) = relation.date {
            self.field("When", &date.human());
        }
        self.badges(record, false);
        self.entity_link(&relation.from);
        self.entity_link(&relation.to);
        self.notes(&relation.authored);
        self.citations(&relation.cite);
    }
}
