//! When a record first becomes known: the first publication day on which the story
//! narrowed to that day holds it. Said where a record asked for by id is not known yet
//! (`export entity --id X --as-of D`), rather than calling it missing.

use crate::story::graph::Story;
use crate::story::model::date::DayNumber;

impl Story {
    /// The first publication day on which the record with `id` is known, or None when
    /// no dated source ever makes it known (or the story has no such record).
    ///
    /// What is known only grows with the date (a source that counts keeps counting),
    /// so the days are searched by halves: a few narrowings, not one a day.
    pub fn first_known(&self, id: &str) -> Option<DayNumber> {
        self.lookup(id)?;
        let days = self.publication_days();
        let known_on = |day: DayNumber| self.as_of(day).is_ok_and(|s| s.lookup(id).is_some());
        let first = days.partition_point(|&day| !known_on(day));
        days.get(first).copied()
    }

    /// The first day any source counts on (the first publication day), if any does.
    pub fn first_source_day(&self) -> Option<DayNumber> {
        self.publication_days().first().copied()
    }

    /// True when no source counts: a story narrowed to a day before the first source.
    pub fn knows_nothing(&self) -> bool {
        (0..self.file.sources.len()).all(|s| !self.source_counts(s)) || self.file.sources.is_empty()
    }
}
