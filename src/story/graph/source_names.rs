//! What a source is called where it is named alone (an origin, a "relies on" column, a
//! footnote's "relying on", a lint group): its outlet, told apart from the outlet's
//! other reports by date, or by title where their dates match.

use std::collections::HashMap;

use super::Story;
use crate::story::model::Source;
use crate::story::model::date::DateSpec;

/// One name per source, in file order. An outlet with one report is named alone
/// ("The Information"); reports of one outlet on different dates carry the date
/// ("Transpacific Wire, 17 Nov 2023"); reports of one outlet on the same date (or all
/// undated) carry the title, and two with the same title too carry the id.
pub(crate) fn distinct_source_names(sources: &[Source]) -> Vec<String> {
    // Each source's outlet, date and title counted once, by key, not compared with
    // every other source's: a big story has thousands of sources (2,000 at 1M generated
    // events), and comparing each pair was 4M comparisons of two lists of lower-cased
    // words; a hostile file's 40,000 reports of one outlet, 1.6 billion.
    let keys: Vec<Vec<String>> = sources.iter().map(outlet_words).collect();
    let mut reports = Counts::default();
    let mut on_date = Counts::default();
    let mut on_date_titled = Counts::default();
    for (key, source) in keys.iter().zip(sources) {
        let date = source.published;
        *reports.entry((key, None, None)).or_default() += 1;
        *on_date.entry((key, Some(date), None)).or_default() += 1;
        *on_date_titled
            .entry((key, Some(date), Some(source.title.trim())))
            .or_default() += 1;
    }
    (keys.iter().zip(sources))
        .map(|(key, source)| {
            let date = Some(source.published);
            let outlet = Reports {
                all: reports[&(key, None, None)],
                same_date: on_date[&(key, date, None)],
                same_date_and_title: on_date_titled[&(key, date, Some(source.title.trim()))],
            };
            name_among(source, outlet)
        })
        .collect()
}

/// How many reports of one outlet there are: an outlet's words, then a date and a
/// title where they are counted too.
type Counts<'a> = HashMap<
    (&'a Vec<String>, Option<Option<DateSpec>>, Option<&'a str>),
    usize,
    foldhash::fast::RandomState,
>;

/// A source's outlet's reports, the source among them: all of them, those of its
/// date, and those of its date and title.
struct Reports {
    all: usize,
    same_date: usize,
    same_date_and_title: usize,
}

/// The name of `source` given how many reports its outlet has.
fn name_among(source: &Source, outlet_reports: Reports) -> String {
    let outlet = source.outlet.trim();
    if outlet_reports.all == 1 {
        return outlet.to_owned();
    }
    if outlet_reports.same_date == 1 {
        let date = source
            .published
            .map_or_else(|| "undated".to_owned(), |d| d.human());
        return format!("{outlet}, {date}");
    }
    let title = source.title.trim();
    if outlet_reports.same_date_and_title > 1 {
        format!("{outlet}, “{title}” ({})", source.id)
    } else {
        format!("{outlet}, “{title}”")
    }
}

/// What outlets compare by, as a reader would: spacing and letter case aside.
fn outlet_words(source: &Source) -> Vec<String> {
    (source.outlet.split_whitespace())
        .map(str::to_lowercase)
        .collect()
}

impl Story {
    /// The source at arena index `source` named alone, told apart from the outlet's
    /// other reports (see `distinct_source_names`). A story narrowed to a date uses
    /// the whole story's names, so a report is called the same on every date.
    pub fn source_name(&self, source: usize) -> &str {
        if let Some(names) = self.narrowing.as_ref().map(|n| &n.source_names)
            && let Some(name) = names.get(source)
        {
            return name;
        }
        &self.all_source_names()[source]
    }

    /// Every source's name where it is named alone, this story's sources only, made
    /// on first use.
    fn all_source_names(&self) -> &[String] {
        (self.source_names_cache()).get_or_init(|| distinct_source_names(&self.file.sources))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str, outlet: &str, published: Option<&str>, title: &str) -> Source {
        let mut value = serde_json::json!({
            "id": id, "kind": "article", "outlet": outlet, "title": title
        });
        if let Some(date) = published {
            value["published"] = date.into();
        }
        serde_json::from_value(value).expect("a valid source")
    }

    /// The names as they were made before outlets were grouped and counted: each
    /// source's siblings found by comparing it with every other source.
    fn names_by_pairs(sources: &[Source]) -> Vec<String> {
        (sources.iter().enumerate())
            .map(|(index, source)| {
                let siblings: Vec<&Source> = (sources.iter().enumerate())
                    .filter(|&(other, s)| other != index && outlet_words(s) == outlet_words(source))
                    .map(|(_, s)| s)
                    .collect();
                let same_date = |s: &&&Source| s.published == source.published;
                let same_title = |s: &&&Source| s.title.trim() == source.title.trim();
                let reports = Reports {
                    all: siblings.len() + 1,
                    same_date: siblings.iter().filter(same_date).count() + 1,
                    same_date_and_title: (siblings.iter())
                        .filter(|s| same_date(s) && same_title(s))
                        .count()
                        + 1,
                };
                name_among(source, reports)
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn grouping_outlets_names_sources_as_comparing_pairs_did(
            picks in proptest::collection::vec((0usize..6, 0usize..3, 0usize..3), 0..24)
        ) {
            let outlets = ["Wire", "wire ", " WIRE", "The  Ledger", "the ledger", "Ledger"];
            let dates = [Some("2023-11-17"), Some("2023-11-20"), None];
            let titles = ["One", "Two", "one"];
            let sources: Vec<Source> = (picks.iter().enumerate())
                .map(|(n, &(o, d, t))| source(&format!("s{n}"), outlets[o], dates[d], titles[t]))
                .collect();
            proptest::prop_assert_eq!(distinct_source_names(&sources), names_by_pairs(&sources));
        }
    }

    #[test]
    fn an_outlet_with_one_report_is_named_alone() {
        let names = distinct_source_names(&[
            source("a", "The Ledger", Some("2023-11-17"), "One"),
            source("b", "Northwind", Some("2023-11-17"), "Two"),
        ]);
        assert_eq!(names, ["The Ledger", "Northwind"]);
    }

    #[test]
    fn reports_of_one_outlet_carry_their_date_or_title() {
        let names = distinct_source_names(&[
            source("w1", "Wire", Some("2023-11-17"), "Board ousts chief"),
            source("w2", "wire ", Some("2023-11-20"), "Chief returns"),
            source("w3", "Wire", Some("2023-11-21"), "Morning: talks"),
            source("w4", "Wire", Some("2023-11-21"), "Evening: deal"),
            source("w5", "Wire", None, "Undated"),
            source("w6", "Wire", Some("2023-11-21"), "Evening: deal"),
        ]);
        assert_eq!(
            names,
            [
                "Wire, 17 Nov 2023",
                "wire, 20 Nov 2023",
                "Wire, “Morning: talks”",
                "Wire, “Evening: deal” (w4)",
                "Wire, undated",
                "Wire, “Evening: deal” (w6)",
            ]
        );
    }
}
