//! What a source is called where it is named alone (an origin, a "relies on" column, a
//! footnote's "relying on", a lint group): its outlet, told apart from the outlet's
//! other reports by date, or by title where their dates match.

use std::collections::HashMap;

use super::Story;
use crate::story::model::Source;

/// One name per source, in file order. An outlet with one report is named alone
/// ("The Information"); reports of one outlet on different dates carry the date
/// ("Transpacific Wire, 17 Nov 2023"); reports of one outlet on the same date (or all
/// undated) carry the title, and two with the same title too carry the id.
pub(crate) fn distinct_source_names(sources: &[Source]) -> Vec<String> {
    // Each outlet's key made once, and the sources grouped by it: comparing every pair
    // of sources afresh cost 40 ms of a reload at 400 sources (a million allocations).
    let keys: Vec<String> = sources.iter().map(outlet_key).collect();
    let mut by_outlet: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, key) in keys.iter().enumerate() {
        by_outlet.entry(key.as_str()).or_default().push(index);
    }
    (sources.iter().enumerate())
        .map(|(index, source)| {
            let siblings: Vec<&Source> = (by_outlet[keys[index].as_str()].iter())
                .filter(|&&other| other != index)
                .map(|&other| &sources[other])
                .collect();
            name_among(source, &siblings)
        })
        .collect()
}

fn name_among(source: &Source, siblings: &[&Source]) -> String {
    let outlet = source.outlet.trim();
    if siblings.is_empty() {
        return outlet.to_owned();
    }
    if !siblings.iter().any(|s| s.published == source.published) {
        let date = source
            .published
            .map_or_else(|| "undated".to_owned(), |d| d.human());
        return format!("{outlet}, {date}");
    }
    let title = source.title.trim();
    let twin_title = siblings
        .iter()
        .any(|s| s.published == source.published && s.title.trim() == title);
    if twin_title {
        format!("{outlet}, “{title}” ({})", source.id)
    } else {
        format!("{outlet}, “{title}”")
    }
}

/// Outlets compare as a reader would: spacing and letter case aside. Two sources have
/// the same outlet when their keys are equal (words hold no spaces, so joining them
/// with one keeps them apart).
fn outlet_key(source: &Source) -> String {
    (source.outlet.split_whitespace())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
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
