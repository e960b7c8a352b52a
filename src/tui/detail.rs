//! The Detail pane's document for any record: wrapped, cleaned lines plus the links
//! in it (entities, events, disputes …) that Enter follows.

use ratatui::text::{Line, Span};

use crate::story::model::Citation;
use crate::story::text::{clean_line, fit_to_width, truncate_to_width};
use crate::story::views::metric_value_text;
use crate::story::{RecordRef, Story};

use super::app::App;
use super::theme::Theme;

/// A record laid out for the Detail pane at one width.
#[derive(Debug, Default)]
pub struct DetailDoc {
    pub lines: Vec<Line<'static>>,
    /// (line index, target) for each followable link, in reading order.
    pub links: Vec<(usize, RecordRef)>,
}

struct Builder<'a> {
    story: &'a Story,
    theme: Theme,
    width: usize,
    doc: DetailDoc,
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
        self.doc.links.push((self.doc.lines.len(), target));
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
        let disputes = self.story.disputes_about(record).to_vec();
        if disputes.is_empty() {
            return;
        }
        self.heading("Disputed");
        for d in disputes {
            let point = self.story.file.disputes[d].point.clone();
            self.link(RecordRef::Dispute(d), &point);
        }
    }

    fn citations(&mut self, cite: &[Citation]) {
        self.blank();
        self.field("Sourcing", &self.story.provenance(cite).label());
        self.heading("Citations");
        for citation in cite {
            let source = &self.story.file.sources[self.story.source_index(&citation.source)];
            let mut text = format!("• {}, “{}”", source.outlet, source.title);
            if let Some(date) = source.published {
                text.push_str(&format!(", {}", date.human()));
            }
            if let Some(para) = citation.para {
                text.push_str(&format!(", ¶{para}"));
            }
            if let Some(note) = &citation.note {
                text.push_str(&format!(" — {note}"));
            }
            for line in textwrap::wrap(
                &clean_line(&text),
                textwrap::Options::new(self.width.max(8)).subsequent_indent("  "),
            ) {
                self.doc.lines.push(Line::from(Span::styled(
                    line.into_owned(),
                    self.theme.dim(),
                )));
            }
        }
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
            b.citations(&metric.cite);
        }
        RecordRef::Source(i) => source(&mut b, app, i),
        RecordRef::Dispute(i) => {
            let dispute = &file.disputes[i];
            b.heading(&dispute.point);
            b.field("Kind", "dispute: the sources disagree");
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
            let outgoing = relation.from == entity.id;
            let other = story.entity_index(if outgoing {
                &relation.to
            } else {
                &relation.from
            });
            let other_name = &story.file.entities[other].name;
            // A kind the program does not know has no inverse wording ("member of"
            // does not turn into "has as member"), so its far side reads as a sentence.
            let text = match (outgoing, relation.kind.inverse_label()) {
                (true, _) => format!("{} {other_name}", relation.kind.label()),
                (false, Some(inverse)) => format!("{inverse} {other_name}"),
                (false, None) => {
                    format!("{other_name} {} {}", relation.kind.label(), entity.name)
                }
            };
            b.link(RecordRef::Entity(other), &text);
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
    b.citations(&entity.cite);
}

/// Facts listed under a source in Detail; the count says how many more there are.
const MAX_LISTED_FACTS: usize = 200;

fn source(b: &mut Builder<'_>, app: &App, i: usize) {
    let story = b.story;
    let source = &story.file.sources[i];
    // The explorer already holds every source's row; recounting would walk all facts.
    let row = match app.source_rows.iter().find(|r| r.source == i) {
        Some(row) => row.clone(),
        None => story.source_row(i),
    };
    b.heading(&source.title);
    b.field("Kind", source.kind.label());
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
        b.field("Independent origin", &story.file.sources[root].outlet);
    }
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
