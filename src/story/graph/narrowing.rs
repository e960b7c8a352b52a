//! What narrowing a story to a date kept: a narrowed `Story` carries it (see
//! `story::asof`), so marks and comparisons between dates need not narrow again.

use crate::story::model::date::DayNumber;

/// What a narrowing kept, for marking records and for comparing two dates.
#[derive(Debug, Clone)]
pub(crate) struct Narrowing {
    pub(crate) day: DayNumber,
    /// Per entity: named by a known record, described by no counted source yet.
    pub(crate) undescribed: Vec<bool>,
    /// Per source: counts by `day` (false: kept only because a counted source relies
    /// on it, so its origin can be counted).
    pub(crate) counted: Vec<bool>,
    /// Per event: the whole story's index of each status change kept.
    pub(crate) changes: Vec<Vec<usize>>,
    /// Per candidacy: the whole story's index of each stage kept.
    pub(crate) stages: Vec<Vec<usize>>,
    /// Per dispute: the whole story's index of each version kept.
    pub(crate) variants: Vec<Vec<usize>>,
    /// The last day any dated source of the whole story counts from: the story's
    /// title and summary are written as of then.
    pub(crate) story_end: Option<DayNumber>,
    /// Per source: its name in the whole story, so a report is called the same on
    /// every date (`Story::source_name`).
    pub(crate) source_names: Vec<String>,
}
