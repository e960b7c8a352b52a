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
    let anchor =
        anchor.filter(|day| super::calendar::is_valid(*day) && (1000..=9999).contains(&day.year));
    super::date_rules::read_dates(&super::match_words::Words::new(text), anchor)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANCHOR: Day = Day {
        year: 2025,
        month: 2,
        day: 12,
    }; // a Wednesday

    /// Each mention as (words, story date, relative).
    fn read(text: &str) -> Vec<(String, String, bool)> {
        dates(text, Some(ANCHOR))
            .into_iter()
            .map(|m| (m.words, m.date.to_story_date(), m.relative))
            .collect()
    }

    fn pairs(text: &str) -> Vec<(String, String)> {
        read(text).into_iter().map(|(w, d, _)| (w, d)).collect()
    }

    fn expect(text: &str, want: &[(&str, &str)]) {
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(w, d)| (w.to_string(), d.to_string()))
            .collect();
        assert_eq!(pairs(text), want, "{text}");
    }

    #[test]
    fn absolute_dates() {
        expect(
            "Signed on Feb. 11, 2025 and 11 February 2025.",
            &[
                ("Feb. 11, 2025", "2025-02-11"),
                ("11 February 2025", "2025-02-11"),
            ],
        );
        expect(
            "Filed 2025-02-11, posted 02/13 2025 447.",
            &[("2025-02-11", "2025-02-11"), ("02/13 2025", "2025-02-13")],
        );
        expect(
            "It began in 2023 and grew by March 2024.",
            &[("2023", "2023"), ("March 2024", "2024-03")],
        );
        expect(
            "Results for the fourth quarter of 2024 and fiscal year 2024, FY2023.",
            &[
                ("fourth quarter of 2024", "2024-Q4"),
                ("fiscal year 2024", "FY2024"),
                ("FY2023", "FY2023"),
            ],
        );
        expect("Sales dipped in mid-2024.", &[("mid-2024", "~2024")]);
        assert!(
            read("Posted 2025-02-11.")
                .iter()
                .all(|(_, _, relative)| !relative)
        );
    }

    #[test]
    fn relative_dates_resolve_against_the_anchor() {
        expect(
            "It launched yesterday, not today.",
            &[("yesterday", "2025-02-11"), ("today", "2025-02-12")],
        );
        expect(
            "Talks began last week and earlier this month.",
            &[("last week", "~2025-02"), ("earlier this month", "2025-02")],
        );
        expect(
            "The unit was formed last March.",
            &[("last March", "2024-03")],
        );
        expect(
            "Early last year it stalled; next month it returns.",
            &[("Early last year", "~2024"), ("next month", "2025-03")],
        );
        expect(
            "It opened in October and will close in June.",
            &[("October", "2024-10"), ("June", "2025-06")],
        );
        expect("As of June the count stood firm.", &[("June", "2024-06")]);
        expect(
            "Talks ended on Monday; next Friday they resume.",
            &[("Monday", "2025-02-10"), ("next Friday", "2025-02-14")],
        );
        expect(
            "Three days ago the board met.",
            &[("Three days ago", "2025-02-09")],
        );
        expect("It closed on February 3.", &[("February 3", "2025-02-03")]);
        expect(
            "The report covered the fourth quarter.",
            &[("fourth quarter", "2024-Q4")],
        );
        assert!(read("It launched yesterday.")[0].2);
    }

    #[test]
    fn the_next_day_follows_the_last_day_named() {
        expect(
            "It was unveiled on January 28, 2025. The next day shares rose.",
            &[
                ("January 28, 2025", "2025-01-28"),
                ("The next day", "2025-01-29"),
            ],
        );
        expect(
            "The following day it was gone.",
            &[("The following day", "2025-02-13")],
        );
    }

    #[test]
    fn without_an_anchor_only_fixed_dates() {
        let found = dates(
            "On 3 March 2024, last week, in October and yesterday.",
            None,
        );
        let words: Vec<&str> = found.iter().map(|m| m.words.as_str()).collect();
        assert_eq!(words, vec!["3 March 2024"]);
    }

    #[test]
    fn not_dates() {
        for text in [
            "You may sign it. May I ask? Mark and April met Will.",
            "Over 2,025 users paid 2024 yuan for 10 percent.",
            "The vote was 05/11/2023 or so.",
            "It earned $2023 million.",
            "In the last decade the model grew; the next step is unclear.",
        ] {
            assert!(read(text).is_empty(), "{text}: {:?}", read(text));
        }
    }
}
