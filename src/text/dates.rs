//! Dates in prose: absolute ("February 11", "Feb. 11, 2025", "11 February 2025",
//! "2025-02-11", "02/13 2025", "in 2023", "March 2024", "the fourth quarter", "fiscal
//! year 2024") and relative to an anchor, the article's own date ("yesterday", "last
//! week", "earlier this month", "last March", "in October", "the next day"), each
//! resolved with the precision its words carry.

pub use super::date_types::{DateMention, Day, TextDate};

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
    fn a_month_with_a_year_word_takes_that_year() {
        // "this year" is the anchor's year, whichever side of the anchor the month is.
        expect(
            "It will ship in May this year.",
            &[("May this year", "2025-05")],
        );
        expect(
            "It shipped in May this year.",
            &[("May this year", "2025-05")],
        );
        expect(
            "It shipped in March last year and in May of next year.",
            &[
                ("March last year", "2024-03"),
                ("May of next year", "2026-05"),
            ],
        );
        expect(
            "On February 20 last year it met.",
            &[("February 20 last year", "2024-02-20")],
        );
        expect("Early this year it grew.", &[("Early this year", "~2025")]);
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
