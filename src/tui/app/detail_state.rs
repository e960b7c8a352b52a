//! Detail's part of the explorer's state: the trail of records followed, the link
//! cursor and scroll, the open citation, and where the shown record's links fall
//! (cached so a key does not lay the record out again); and what a record's document
//! is built from.

use std::sync::Arc;

use crate::story::graph::passage::SourceTexts;
use crate::story::lint::Doubts;
use crate::story::query::views::{Clock, SourceRow};
use crate::story::report::document::{Block, RecordDoc};
use crate::story::{RecordRef, Story, report::document};

use super::new_since::NewSince;
use super::trail::Trail;

/// Detail's cursor, trail and cached layout.
#[derive(Debug, Default)]
pub struct DetailState {
    /// The records followed in Detail.
    pub trail: Trail,
    /// Which link in Detail the cursor is on.
    pub link: usize,
    /// First Detail line shown.
    pub scroll: usize,
    /// The sources' article texts, for showing a citation's paragraph.
    pub texts: Arc<SourceTexts>,
    /// The citations the grounded checks doubt on `texts`, worked out when the story
    /// or the texts change (`App::set_texts`, a reload), not at each frame.
    pub doubts: Arc<Doubts>,
    /// The citation whose paragraph Detail shows open: (record, citation's place
    /// among the record's citations).
    pub(crate) open_passage: Option<(RecordRef, usize)>,
    /// Where Detail's links fall, for the record and width it was laid out at; keys
    /// reuse it instead of laying the record out again. `refresh_rows` forgets it.
    pub layout: Option<DetailLayout>,
}

/// What Enter does on a line of Detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailLink {
    /// Show another record.
    Record(RecordRef),
    /// The record's n-th citation: Enter follows it to its source, and the paragraph
    /// key opens (or closes) the cited paragraph under it where the text is at hand.
    Citation(usize),
}

/// Where the links of one record fall at one width: what moving, following and
/// clicking in Detail need, kept between keys so they do not lay the record out again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLayout {
    /// The record laid out.
    pub record: RecordRef,
    /// The width it was laid out at, in cells.
    pub width: usize,
    /// How many lines it takes.
    pub lines: usize,
    /// (line index, target) for each link, in reading order.
    pub links: Vec<(usize, DetailLink)>,
}

/// What a record's document needs from the explorer: the story, its clock and the
/// source rows it already holds.
#[derive(Clone, Copy)]
pub struct DetailSource<'a> {
    /// The story as shown (narrowed to the as-of date).
    pub story: &'a Story,
    /// What "overdue" is measured against.
    pub clock: Clock,
    /// The explorer's source rows, so a source's counts are not recounted.
    pub source_rows: &'a [SourceRow],
    /// The sources' texts, where the story has them.
    pub texts: &'a SourceTexts,
    /// The citations the grounded checks doubt, marked where they are shown.
    pub doubts: &'a Doubts,
    /// The record and citation whose paragraph is open.
    pub open_passage: Option<(RecordRef, usize)>,
    /// What is new since the previous date, after a step through dates.
    pub new_since: Option<&'a NewSince>,
}

impl DetailSource<'_> {
    /// The document of `record`.
    pub fn document(&self, record: RecordRef) -> RecordDoc {
        let mut doc = document::build(self.story, record, self.clock, self.source_rows);
        // "New since 12 Feb 2025" right under the title, after a step through dates.
        if let Some(note) = self.new_since.and_then(|n| n.note_for(record)) {
            doc.blocks.insert(
                1,
                Block::Field {
                    label: note.0,
                    value: note.1,
                },
            );
        }
        mark_doubts(&mut doc, self.doubts, self.story.record_id(record));
        doc
    }
}

/// Puts each doubted citation's reasons right after it (before its paragraph), so
/// Detail and the Markdown copy show them together.
fn mark_doubts(doc: &mut RecordDoc, doubts: &Doubts, record_id: &str) {
    if doubts.is_empty() {
        return;
    }
    let blocks = std::mem::take(&mut doc.blocks);
    for block in blocks {
        if let Block::Passage(citation) = &block {
            let reasons = doubts.of(record_id, citation);
            doc.blocks
                .extend(reasons.map(|reason| Block::Doubt(reason.to_owned())));
        }
        doc.blocks.push(block);
    }
}
