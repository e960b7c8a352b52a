//! One record as a document: the blocks the Detail pane draws and `y` copies.
//!
//! A record is described here once (headings, fields, links, citations, a dispute's
//! versions side by side); the explorer renders the blocks to terminal lines and
//! [`to_markdown`] renders the same blocks to Markdown, so what is copied is what is on
//! screen by construction.

mod as_markdown;
mod build;

pub use as_markdown::to_markdown;
pub use build::build;

use crate::story::graph::RecordRef;
use crate::story::model::Citation;

/// A record laid out as a sequence of blocks, in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordDoc {
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
}

impl RecordDoc {
    /// The records the document links to, in reading order.
    pub fn links(&self) -> impl Iterator<Item = RecordRef> + '_ {
        self.blocks.iter().filter_map(|block| match block {
            Block::Link { target, .. } => Some(*target),
            _ => None,
        })
    }
}

/// One piece of a record's document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The record's name, first in the document.
    Title(String),
    /// A section: "Involved", "Citations", a candidacy's stage …
    Heading(String),
    /// "Label: value".
    Field {
        /// What the value is ("When", "Status").
        label: String,
        /// The value, as story text.
        value: String,
    },
    /// A value shown prominently (a metric's figure).
    Value(String),
    /// A paragraph of story text.
    Text(String),
    /// A pause between parts (a blank line on screen, a paragraph break in Markdown).
    Break,
    /// The record's warnings.
    Badges {
        /// Some sources disagree about the record.
        disputed: bool,
        /// Its date has passed without the expected news.
        overdue: bool,
    },
    /// Another record, which Enter follows on screen.
    Link {
        /// The record the link leads to.
        target: RecordRef,
        /// How the link reads.
        label: String,
    },
    /// One citation, formatted by [`citation_text`](crate::story::query::citation_text), with its note.
    Citation(String),
    /// The citation just before, for opening its paragraph where the source's text is
    /// at hand (the explorer); nothing in Markdown.
    Passage(Citation),
    /// Why a grounded check doubts the citation just before (its paragraph read from
    /// the source's text), after [`DOUBT`]: "origin-mismatch: credits …". Only the
    /// explorer, which has the texts, adds these.
    Doubt(String),
    /// One of the author's own additions, after `◇` (worded by `graph::authored::note_text`).
    Note(String),
    /// The record is the subject of a source contradicting itself.
    Inconsistent,
    /// A dispute's versions, side by side where there is room.
    Versions(Vec<Version>),
}

/// One side of a dispute.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// "Version 1 — Reuters, Bloomberg".
    pub heading: String,
    /// What this side says happened.
    pub claim: String,
    /// How well sourced this version is.
    pub sourcing: String,
    /// Its citations, each formatted by [`citation_text`](crate::story::query::citation_text).
    pub citations: Vec<String>,
}

/// The badge of a record the sources disagree about.
pub const DISPUTED: &str = "◆ disputed";
/// The badge of an expectation whose date has passed.
pub const OVERDUE: &str = "⚠ overdue";
/// The badge of a record a source contradicts itself about.
pub const INCONSISTENT: &str = "◆ a source contradicts itself";
/// The sign of a citation a grounded check doubts.
pub const DOUBT: &str = "⚑";
