//! The Detail pane's document for any record: wrapped, cleaned lines plus the links
//! in it (entities, events, disputes …) that Enter follows.

use ratatui::text::{Line, Span};

use crate::story::model::{AuthorNote, Citation};
use crate::story::passage::SourceTexts;
use crate::story::text::{clean_line, fit_to_width, truncate_to_width};
use crate::story::views::metric_value_text;
use crate::story::{RecordRef, Story};

use super::app::App;

mod source_doc;
use super::passage_view::{authored_lines, citation_block};
use super::theme::Theme;

/// What Enter does on a line of Detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailLink {
    /// Show another record.
    Record(RecordRef),
    /// Open or close the cited paragraph of the record's n-th citation.
    Passage(usize),
}

/// A record laid out for the Detail pane at one width.
#[derive(Debug, Default)]
pub struct DetailDoc {
    pub lines: Vec<Line<'static>>,
    /// (line index, target) for each followable link, in reading order.
    pub links: Vec<(usize, DetailLink)>,
}

struct Builder<'a> {
    story: &'a Story,
    theme: Theme,
    width: usize,
    doc: DetailDoc,
    texts: &'a SourceTexts,
    /// The citation whose paragraph is open, by its place among this record's.
    open_passage: Option<usize>,
    /// Citations laid out so far.
    citations_seen: usize,
}

impl Builder<'_> {
    fn blank(&mut self) {
        if self.doc.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.doc.lines.push(Line::default());
        }
    }

    fn heading(&mut self, text: &str) {
        self.blank();
        let text = truncate_to_width(&clean_line(text), self.width);
        self.doc
            .lines
            .push(Line::from(Span::styled(text, self.theme.heading())));
    }

    /// "Label: value", wrapped with the value's continuation lines indented.
    fn field(&mut self, label: &str, value: &str) {
        let label = format!("{label}: ");
        let indent = " ".repeat(label.chars().count().min(self.width / 2));
        let options = textwrap::Options::new(self.width.max(8))
            .initial_indent(&label)
            .subsequent_indent(&indent);
        for (i, line) in textwrap::wrap(&clean_line(value), options)
            .into_iter()
            .enumerate()
        {
            let line = line.into_owned();
            if i == 0 && line.starts_with(&label) {
                let rest = line[label.len()..].to_owned();
                self.doc.lines.push(Line::from(vec![
                    Span::styled(label.clone(), self.theme.dim()),
                    Span::raw(rest),
                ]));
            } else {
                self.doc.lines.push(Line::from(line));
            }
        }
    }

    fn text(&mut self, value: &str) {
        for line in textwrap::wrap(&clean_line(value), self.width.max(8)) {
            self.doc.lines.push(Line::from(line.into_owned()));
        }
    }

    fn badges(&mut self, record: RecordRef, overdue: bool) {
        let mut spans = Vec::new();
        if self.story.is_disputed(record) {
            spans.push(Span::styled("◆ disputed", self.theme.disputed()));
        }
        if self.story.is_inconsistent(record) {
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(
                "◆ a source contradicts itself",
                self.theme.disputed(),
            ));
        }
        if overdue {
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled("⚠ overdue", self.theme.overdue()));
        }
        if !spans.is_empty() {
            self.doc.lines.push(Line::from(spans));
        }
    }

    fn link(&mut self, target: RecordRef, label: &str) {
        let text = truncate_to_width(&format!("→ {}", clean_line(label)), self.width);
        self.doc
            .links
            .push((self.doc.lines.len(), DetailLink::Record(target)));
        self.doc
            .lines
            .push(Line::from(Span::styled(text, self.theme.link())));
    }

    fn entity_link(&mut self, id: &str) {
        let index = self.story.entity_index(id);
        let entity = &self.story.file.entities[index];
        self.link(
            RecordRef::Entity(index),
            &format!("{} ({})", entity.name, entity.kind.label()),
        );
    }

    fn disputes(&mut self, record: RecordRef) {
        let (disagreements, inconsistencies): (Vec<usize>, Vec<usize>) = self
            .story
            .disputes_about(record)
            .iter()
            .partition(|&&d| self.story.is_disagreement(d));
        for (heading, disputes) in [
            ("Disputed", disagreements),
            ("A source contradicts itself", inconsistencies),
        ] {
            if disputes.is_empty() {
                continue;
            }
            self.heading(heading);
            for d in disputes {
                let point = self.story.file.disputes[d].point.clone();
                self.link(RecordRef::Dispute(d), &point);
            }
        }
    }

    /// The author's own additions to the record, apart from what the sources say.
    fn authored(&mut self, notes: &[AuthorNote]) {
        if notes.is_empty() {
            return;
        }
        self.heading("Not from the sources");
        let lines = authored_lines(notes, self.width, self.theme);
        self.doc.lines.extend(lines);
    }

    fn citations(&mut self, cite: &[Citation]) {
        self.blank();
        self.field("Sourcing", &self.story.provenance(cite).label());
        self.heading("Citations");
        let open = self.open_passage;
        let (lines, passages) = citation_block(
            self.story,
            self.texts,
            cite,
            (self.citations_seen, open),
            self.width,
            self.theme,
        );
        self.citations_seen += cite.len();
        let first = self.doc.lines.len();
        self.doc.links.extend(
            passages
                .into_iter()
                .map(|(line, ordinal)| (first + line, DetailLink::Passage(ordinal))),
        );
        self.doc.lines.extend(lines);
    }

    /// When the first source citing these was published: "reported" apart from "happened".
    fn first_reported(&self, cite: &[Citation]) -> Option<String> {
        cite.iter()
            .filter_map(|c| self.story.file.sources[self.story.source_index(&c.source)].published)
            .min()
            .map(|d| d.human())
    }
}

/// Lays out `record` for a pane `width` cells wide.
pub fn build(app: &App, record: RecordRef, width: usize, theme: Theme) -> DetailDoc {
    let story = &app.story;
    let mut b = Builder {
        story,
        theme,
        width: width.max(1),
        doc: DetailDoc::default(),
        texts: &app.texts,
        open_passage: app
            .open_passage
            .filter(|(open, _)| *open == record)
            .map(|(_, ordinal)| ordinal),
        citations_seen: 0,
    };
    let file = &story.file;
    let kind = record.kind_label();
    match record {
        RecordRef::Event(i) => {
            let event = &file.events[i];
            let row = story.timeline_row(i, app.clock());
            b.heading(&event.title);
            b.field("Kind", kind);
            b.field("When", &row.date);
            if let Some(reported) = b.first_reported(&event.cite) {
                b.field("First reported", &reported);
            }
            b.field("Status", &row.status);
            b.badges(record, row.overdue);
            b.blank();
            b.text(&event.summary);
            b.heading("Involved");
            for id in &event.entities {
                b.entity_link(id);
            }
            b.disputes(record);
            b.authored(&event.authored);
            b.citations(&event.cite);
        }
        RecordRef::Entity(i) => entity(&mut b, i),
        RecordRef::Candidacy(i) => {
            let row = story.candidate_row(i);
            let candidacy = &file.candidates[i];
            b.heading(&format!("{} — candidate", row.name));
            b.field("For", &row.role);
            b.field("Where it stands", row.current.label());
            b.badges(record, false);
            b.heading("Candidate and chooser");
            b.entity_link(&candidacy.candidate);
            b.entity_link(&candidacy.seeker);
            for stage in &candidacy.stages {
                let date = stage
                    .date
                    .map_or_else(|| "undated".to_owned(), |d| d.human());
                b.heading(&format!("{} · {date}", stage.stage.label()));
                if let Some(reason) = &stage.reason {
                    b.text(reason);
                }
                b.authored(&stage.authored);
                b.citations(&stage.cite);
            }
            b.disputes(record);
        }
        RecordRef::Metric(i) => {
            let metric = &file.metrics[i];
            let row = story.metric_row(i);
            b.heading(&metric.label);
            b.doc.lines.push(Line::from(Span::styled(
                clean_line(&metric_value_text(metric)),
                theme.value(),
            )));
            b.field("Period", &row.period);
            b.field("Basis", &row.basis);
            b.badges(record, false);
            b.heading("About");
            b.entity_link(&metric.subject);
            if let Some(by) = &metric.stated_by {
                b.heading("Stated by");
                b.entity_link(by);
            }
            b.disputes(record);
            b.authored(&metric.authored);
            b.citations(&metric.cite);
        }
        RecordRef::Source(i) => source_doc::source(&mut b, app, i),
        RecordRef::Dispute(i) => {
            let dispute = &file.disputes[i];
            b.heading(&dispute.point);
            if story.is_disagreement(i) {
                b.field("Kind", "dispute: the sources disagree");
            } else {
                b.field("Kind", "self-contradiction: one source tells both versions");
            }
            b.heading("About");
            for id in &dispute.about {
                if let Some(target) = story.lookup(id) {
                    b.link(
                        target,
                        &format!("{} {}", target.kind_label(), story.record_title(target)),
                    );
                }
            }
            versions(&mut b, i);
        }
        RecordRef::Relation(i) => {
            let relation = &file.relations[i];
            b.heading(&story.record_title(record));
            if let Some(summary) = &relation.summary {
                b.text(summary);
            }
            if let Some(status) = relation.status {
                b.field(
                    "Status",
                    &format!("{} · {}", status.sourcing.label(), status.timing.label()),
                );
            }
            if let Some(date) = relation.date {
                b.field("When", &date.human());
            }
            b.badges(record, false);
            b.entity_link(&relation.from);
            b.entity_link(&relation.to);
            b.authored(&relation.authored);
            b.citations(&relation.cite);
        }
    }
    b.doc
}

/// A dispute's versions next to each other when there is room (two or three columns),
/// else one under the other.
fn versions(b: &mut Builder<'_>, dispute: usize) {
    let story = b.story;
    let variants = &story.file.disputes[dispute].variants;
    let columns = variants.len();
    let gap = 3;
    let side_by_side = (2..=3).contains(&columns) && b.width >= 24 * columns + gap * (columns - 1);
    let column_width = if side_by_side {
        (b.width - gap * (columns - 1)) / columns
    } else {
        b.width
    };
    let blocks: Vec<Vec<(String, ratatui::style::Style)>> = variants
        .iter()
        .enumerate()
        .map(|(v, variant)| {
            let outlets: Vec<String> = variant
                .cite
                .iter()
                .map(|c| {
                    story.file.sources[story.source_index(&c.source)]
                        .outlet
                        .clone()
                })
                .collect();
            let mut block = Vec::new();
            let mut add = |text: &str, style| {
                for line in textwrap::wrap(&clean_line(text), column_width.max(8)) {
                    block.push((line.into_owned(), style));
                }
            };
            add(
                &format!("Version {} — {}", v + 1, outlets.join(", ")),
                b.theme.heading(),
            );
            add(&variant.claim, b.theme.plain());
            add(&story.provenance(&variant.cite).label(), b.theme.dim());
            for citation in &variant.cite {
                let source = &story.file.sources[story.source_index(&citation.source)];
                let mut text = format!("• {}", source.outlet);
                if let Some(date) = source.published {
                    text.push_str(&format!(", {}", date.human()));
                }
                if let Some(para) = citation.para {
                    text.push_str(&format!(", ¶{para}"));
                }
                add(&text, b.theme.dim());
            }
            block
        })
        .collect();
    b.blank();
    if !side_by_side {
        for block in blocks {
            b.blank();
            for (text, style) in block {
                b.doc.lines.push(Line::from(Span::styled(text, style)));
            }
        }
        return;
    }
    let rows = blocks.iter().map(Vec::len).max().unwrap_or(0);
    for row in 0..rows {
        let mut spans = Vec::new();
        for (c, block) in blocks.iter().enumerate() {
            if c > 0 {
                spans.push(Span::styled(" │ ", b.theme.dim()));
            }
            let (text, style) = block.get(row).cloned().unwrap_or_default();
            spans.push(Span::styled(fit_to_width(&text, column_width), style));
        }
        b.doc.lines.push(Line::from(spans));
    }
}

fn entity(b: &mut Builder<'_>, i: usize) {
    let story = b.story;
    let entity = &story.file.entities[i];
    b.heading(&entity.name);
    b.field("Kind", entity.kind.label());
    if !entity.aliases.is_empty() {
        b.field("Also called", &entity.aliases.join(", "));
    }
    if let Some(summary) = &entity.summary {
        b.blank();
        b.text(summary);
    }
    let links = story.links(i);
    if !links.relations.is_empty() {
        b.heading("Relations");
        for &r in &links.relations {
            let relation = &story.file.relations[r];
            let (verb, other) = if relation.from == entity.id {
                (relation.kind.label(), &relation.to)
            } else {
                (relation.kind.inverse_label(), &relation.from)
            };
            let other_index = story.entity_index(other);
            b.link(
                RecordRef::Entity(other_index),
                &format!("{verb} {}", story.file.entities[other_index].name),
            );
        }
    }
    if !links.events.is_empty() {
        b.heading("Events");
        let mut events = links.events.clone();
        events.sort_by_key(|&e| story.file.events[e].date);
        for e in events {
            let event = &story.file.events[e];
            b.link(
                RecordRef::Event(e),
                &format!("{} · {}", event.date.human(), event.title),
            );
        }
    }
    if !links.metrics.is_empty() {
        b.heading("Figures");
        for &m in &links.metrics {
            let metric = &story.file.metrics[m];
            b.link(
                RecordRef::Metric(m),
                &format!("{}: {}", metric.label, metric_value_text(metric)),
            );
        }
    }
    if !links.candidacies.is_empty() {
        b.heading("Candidacies");
        for &c in &links.candidacies {
            b.link(
                RecordRef::Candidacy(c),
                &story.record_title(RecordRef::Candidacy(c)),
            );
        }
    }
    b.disputes(RecordRef::Entity(i));
    b.authored(&entity.authored);
    b.citations(&entity.cite);
}
