//! Dates in prose: absolute ("February 11", "Feb. 11, 2025", "11 February 2025",
//! "2025-02-11", "02/13 2025", "in 2023", "March 2024", "the fourth quarter", "fiscal
//! year 2024") and relative to an anchor, the article's own date ("yesterday", "last
//! week", "earlier this month", "last March", "in October", "the next day"), each
//! resolved with the precision its words carry.

use std::ops::Range;

/// A calendar day: the anchor relative dates are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Day {
    /// The year, e.g. 2025.
    pub year: i32,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

/// A date as precise as the words that gave it: a year, a quarter, a month or a day.
/// The leaf's own type (it must not import the story's date); convert with
/// [`TextDate::to_story_date`] and the story's date parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextDate {
    /// The year (the fiscal year when `fiscal`).
    pub year: i32,
    /// 1–12 when the words name a month.
    pub month: Option<u8>,
    /// 1–31 when the words name a day (then `month` is set too).
    pub day: Option<u8>,
    /// The words are vague about it: "early last year", "late March", "around June".
    pub approximate: bool,
    /// 1–4 when the words name a quarter and no month.
    pub quarter: Option<u8>,
    /// A fiscal year ("fiscal year 2024", "FY2024").
    pub fiscal: bool,
}

impl TextDate {
    /// The date in the story format's spelling: `2025`, `2024-Q4`, `2025-02`,
    /// `2025-02-11`, `FY2024`, `FY2024-Q4`, with a leading `~` when approximate.
    pub fn to_story_date(&self) -> String {
        let mut out = String::new();
        if self.approximate {
            out.push('~');
        }
        if self.fiscal {
            out.push_str("FY");
        }
        out.push_str(&format!("{:04}", self.year));
        match (self.month, self.day, self.quarter) {
            (Some(month), Some(day), _) => out.push_str(&format!("-{month:02}-{day:02}")),
            (Some(month), None, _) => out.push_str(&format!("-{month:02}")),
            (None, _, Some(quarter)) => out.push_str(&format!("-Q{quarter}")),
            _ => {}
        }
        out
    }
}

/// One date stated in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Where its words are.
    pub range: Range<usize>,
    /// What they resolve to.
    pub date: TextDate,
    /// True when resolving needed the anchor (or an earlier date): "last week", "in
    /// October" (the year is inferred), "the next day".
    pub relative: bool,
    /// The words, as written: the reason to give when the date is marked inferred.
    pub words: String,
}

/// Every date in `text`, in order of position. Relative dates are resolved against
/// `anchor`; without one, only the dates the words fix on their own are returned.
pub fn dates(text: &str, anchor: Option<Day>) -> Vec<DateMention> {
    let _ = (text, anchor);
    Vec::new()
}
