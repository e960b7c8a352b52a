//! The Detail pane's lines: a record's [`RecordDoc`] rendered to wrapped, cleaned
//! terminal lines, with the line of each link that Enter follows.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::story::graph::passage::SourceTexts;
use std::ops::Range;

use crate::story::model::Citation;
use crate::story::report::document::{
    Block, DISPUTED, DOUBT, INCONSISTENT, OVERDUE, RecordDoc, Version,
};
use crate::story::safe_text::{clean_line, fit_to_width, truncate_to_width};

use crate::story::RecordRef;

use crate::tui::app::detail_state::{DetailLayout, DetailLink, DetailSource};
use crate::tui::ui::passage_lines;
use crate::tui::ui::theme::Theme;

/// A record laid out for the Detail pane at one width.
#[derive(Debug, Default)]
pub struct DetailDoc {
    /// The lines, styled, each at most the width.
    pub lines: Vec<Line<'static>>,
    /// (line index, target) for each followable link, in reading order.
    pub links: Vec<(usize, DetailLink)>,
}

impl DetailSource<'_> {
    /// `record` laid out `width` cells wide.
    pub fn lay_out(&self, record: RecordRef, width: usize, theme: Theme) -> DetailDoc {
        let passages = Passages {
            texts: self.texts,
            open: self
                .open_passage
                .filter(|(open, _)| *open == record)
                .map(|(_, ordinal)| ordinal),
        };
        render_with(&self.document(record), width, theme, passages)
    }

    /// Only where `record`'s links fall at `width`.
    pub fn layout(&self, record: RecordRef, width: usize) -> DetailLayout {
        let doc = self.lay_out(record, width, Theme::no_color());
        DetailLayout {
            record,
            width,
            lines: doc.lines.len(),
            links: doc.links,
        }
    }
}

/// The texts behind a document's citations, and which citation shows its paragraph.
#[derive(Clone, Copy)]
pub(crate) struct Passages<'a> {
    /// The sources' texts, where the story has them.
    pub texts: &'a SourceTexts,
    /// The open citation, by its place among the record's citations.
    pub open: Option<usize>,
}

/// Like [`render`], with citations whose paragraph Enter opens.
pub(crate) fn render_with(
    doc: &RecordDoc,
    width: usize,
    theme: Theme,
    passages: Passages<'_>,
) -> DetailDoc {
    let mut out = Lines {
        theme,
        width: width.max(1),
        doc: DetailDoc::default(),
    };
    let mut citations = 0;
    // The lines of the citation just drawn: a `Passage` marks them as its link, a
    // `Doubt` goes right under them (before the paragraph Enter opens).
    let mut citation_lines = 0..0;
    for block in &doc.blocks {
        match block {
            Block::Title(text) | Block::Heading(text) => out.heading(text),
            Block::Field { label, value } => out.field(label, value),
            Block::Value(text) => {
                out.push(Line::from(Span::styled(clean_line(text), theme.value())))
            }
            Block::Text(text) => out.text(text),
            Block::Break => out.blank(),
            Block::Badges { disputed, overdue } => out.badges(*disputed, *overdue),
            Block::Link { target, label } => out.link(*target, label),
            Block::Citation(text) => {
                let start = out.doc.lines.len();
                out.citation(text);
                citation_lines = start..out.doc.lines.len();
            }
            Block::Doubt(reason) => out.doubt(reason),
            Block::Passage(citation) => {
                out.passage(citation, citations, citation_lines.clone(), passages);
                citations += 1;
            }
            Block::Note(text) => out.note(text),
            Block::Inconsistent => {
                out.push(Line::from(Span::styled(INCONSISTENT, theme.disputed())))
            }
            Block::Versions(versions) => out.versions(versions),
        }
    }
    out.doc
}

struct Lines {
    theme: Theme,
    width: usize,
    doc: DetailDoc,
}

impl Lines {
    fn push(&mut self, line: Line<'static>) {
        self.doc.lines.push(line);
    }

    fn blank(&mut self) {
        if self.doc.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.push(Line::default());
        }
    }

    fn heading(&mut self, text: &str) {
        self.blank();
        let text = truncate_to_width(&clean_line(text), self.width);
        self.push(Line::from(Span::styled(text, self.theme.heading())));
    }

    /// "Label: value", wrapped with the value's continuation lines indented.
    fn field(&mut self, label: &str, value: &str) {
        let label = format!("{}: ", clean_line(label));
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
                self.push(Line::from(vec![
                    Span::styled(label.clone(), self.theme.dim()),
                    Span::raw(rest),
                ]));
            } else {
                self.push(Line::from(line));
            }
        }
    }

    fn text(&mut self, value: &str) {
        for line in textwrap::wrap(&clean_line(value), self.width.max(8)) {
            self.push(Line::from(line.into_owned()));
        }
    }

    fn badges(&mut self, disputed: bool, overdue: bool) {
        let mut spans = Vec::new();
        if disputed {
            spans.push(Span::styled(DISPUTED, self.theme.disputed()));
        }
        if overdue {
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(OVERDUE, self.theme.overdue()));
        }
        if !spans.is_empty() {
            self.push(Line::from(spans));
        }
    }

    fn link(&mut self, target: RecordRef, label: &str) {
        let text = truncate_to_width(&format!("→ {}", clean_line(label)), self.width);
        self.doc
            .links
            .push((self.doc.lines.len(), DetailLink::Record(target)));
        self.push(Line::from(Span::styled(text, self.theme.link())));
    }

    /// The `ordinal`-th citation: its lines are a link (Enter follows it to its
    /// source); where its source's text is at hand its bullet says the paragraph can
    /// be opened under it (`▸`, `▾` when open), and the paragraph shows when open.
    fn passage(
        &mut self,
        citation: &Citation,
        ordinal: usize,
        citation_lines: Range<usize>,
        passages: Passages<'_>,
    ) {
        let open = passages.open == Some(ordinal);
        let start = citation_lines.start;
        self.doc.links.push((start, DetailLink::Citation(ordinal)));
        let lines = passage_lines::opened(passages.texts, citation, open, self.width, self.theme);
        let openable = lines.is_some();
        passage_lines::mark_citation(
            &mut self.doc.lines[citation_lines],
            openable.then_some(open),
            self.theme,
        );
        self.doc.lines.extend(lines.into_iter().flatten());
    }

    /// Why a grounded check doubts the citation above: its sign, then the reason,
    /// indented under the citation's bullet.
    fn doubt(&mut self, reason: &str) {
        let options = textwrap::Options::new(self.width.max(8))
            .initial_indent("  ")
            .subsequent_indent("    ");
        let text = clean_line(&format!("{DOUBT} {reason}"));
        for (i, line) in textwrap::wrap(&text, options).into_iter().enumerate() {
            let line = line.into_owned();
            match line.split_once(DOUBT) {
                Some((indent, rest)) if i == 0 => self.push(Line::from(vec![
                    Span::raw(indent.to_owned()),
                    Span::styled(DOUBT, self.theme.overdue()),
                    Span::styled(rest.to_owned(), self.theme.dim()),
                ])),
                _ => self.push(Line::from(Span::styled(line, self.theme.dim()))),
            }
        }
    }

    fn note(&mut self, text: &str) {
        let lines = passage_lines::note_lines(text, self.width, self.theme);
        self.doc.lines.extend(lines);
    }

    fn citation(&mut self, text: &str) {
        let options = textwrap::Options::new(self.width.max(8)).subsequent_indent("  ");
        for line in textwrap::wrap(&clean_line(&format!("• {text}")), options) {
            self.push(Line::from(Span::styled(
                line.into_owned(),
                self.theme.dim(),
            )));
        }
    }

    /// A dispute's versions next to each other when there is room (two or three
    /// columns), else one under the other.
    fn versions(&mut self, versions: &[Version]) {
        let columns = versions.len();
        let gap = 3;
        let side_by_side =
            (2..=3).contains(&columns) && self.width >= 24 * columns + gap * (columns - 1);
        let column_width = if side_by_side {
            (self.width - gap * (columns - 1)) / columns
        } else {
            self.width
        };
        let blocks: Vec<Vec<(String, Style)>> = versions
            .iter()
            .map(|version| self.version_block(version, column_width))
            .collect();
        self.blank();
        if !side_by_side {
            for block in blocks {
                self.blank();
                for (text, style) in block {
                    self.push(Line::from(Span::styled(text, style)));
                }
            }
            return;
        }
        let rows = blocks.iter().map(Vec::len).max().unwrap_or(0);
        for row in 0..rows {
            let mut spans = Vec::new();
            for (c, block) in blocks.iter().enumerate() {
                if c > 0 {
                    spans.push(Span::styled(" │ ", self.theme.dim()));
                }
                let (text, style) = block.get(row).cloned().unwrap_or_default();
                spans.push(Span::styled(fit_to_width(&text, column_width), style));
            }
            self.push(Line::from(spans));
        }
    }

    /// One version's lines, wrapped to its column.
    fn version_block(&self, version: &Version, width: usize) -> Vec<(String, Style)> {
        let mut block = Vec::new();
        let mut add = |text: &str, style: Style| {
            for line in textwrap::wrap(&clean_line(text), width.max(8)) {
                block.push((line.into_owned(), style));
            }
        };
        add(&version.heading, self.theme.heading());
        add(&version.claim, self.theme.plain());
        add(&version.sourcing, self.theme.dim());
        for citation in &version.citations {
            add(&format!("• {citation}"), self.theme.dim());
        }
        block
    }
}
