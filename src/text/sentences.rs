//! Sentences of one paragraph, as byte ranges: a full stop, question or exclamation
//! mark ends a sentence unless it belongs to an abbreviation ("Inc.", "Ltd.", "U.S.",
//! "Mr."), a decimal ("2.5"), an initial ("J. Smith") or sits inside a quotation.

use std::ops::Range;

/// The sentences of `paragraph`, in order, each a byte range trimmed of white space.
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let _ = paragraph;
    Vec::new()
}
