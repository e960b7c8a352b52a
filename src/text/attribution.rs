//! Where a text says its words come from: "according to X", "X reported", "X said",
//! "per X", "told X", "citing people familiar with the matter", "sources close to",
//! "said in a (joint) statement", "X's report", "the report stated".

use std::ops::Range;

/// The shape of an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttributionKind {
    /// "according to X".
    AccordingTo,
    /// "X reported", "X's report", "as reported by X", "X first reported".
    Reported,
    /// "X said", "X says", "said X".
    Said,
    /// "per X".
    Per,
    /// "told X" (X is the outlet told).
    Told,
    /// "citing people familiar with the matter", "sources close to", "people with
    /// knowledge of": no name.
    UnnamedSources,
    /// "said in a statement", "in a joint statement", "a statement from X".
    Statement,
    /// "the report said", "the report stated": a back-reference to a report named
    /// earlier.
    TheReport,
}

/// One attribution in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Where its words are (the cue and the name).
    pub range: Range<usize>,
    /// Its shape.
    pub kind: AttributionKind,
    /// The name credited, as written ("The Information", "Reuters"), when the words
    /// give one.
    pub who: Option<String>,
}

/// Every attribution in `text`, in order of position.
pub fn attributions(text: &str) -> Vec<Attribution> {
    let _ = text;
    Vec::new()
}
