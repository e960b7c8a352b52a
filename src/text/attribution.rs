//! Where a text says its words come from: "according to X", "X reported", "X said",
//! "per X", "told X", "citing people familiar with the matter", "sources close to",
//! "said in a (joint) statement", "X's report", "the report stated".

use std::ops::Range;

use super::lexicon;
use super::match_words::Words;
use super::names::{NameMention, name_from, name_until, names};

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

/// Every attribution in `text`, in order of position. Each clause is read once: a
/// statement with its speaker ("Velt said in a statement") is one `Statement`, not a
/// `Said` as well.
pub fn attributions(text: &str) -> Vec<Attribution> {
    let words = Words::new(text);
    let names = names(text);
    let mut found: Vec<(usize, usize, AttributionKind, Option<String>)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let hit = according_to(&words, &names, i)
            .or_else(|| unnamed(&words, i))
            .or_else(|| per_or_told(&words, &names, i))
            .or_else(|| the_report(&words, i))
            .or_else(|| statement(&words, &names, i))
            .or_else(|| verb_of_saying(&words, &names, i));
        match hit {
            Some((first, last, kind, who)) => {
                found.push((first.min(i), last.max(i), kind, who));
                i = last.max(i) + 1;
            }
            None => i += 1,
        }
    }
    found.sort_by_key(|&(first, ..)| first);
    found
        .into_iter()
        .map(|(first, last, kind, who)| Attribution {
            range: words.span(first, last),
            kind,
            who,
        })
        .collect()
}

type Hit = (usize, usize, AttributionKind, Option<String>);

const REPORT_NOUNS: &[&str] = &[
    "report",
    "reports",
    "statement",
    "filing",
    "article",
    "story",
];
const SOURCE_NOUNS: &[&str] = &[
    "a",
    "an",
    "the",
    "report",
    "reports",
    "data",
    "research",
    "figures",
    "analysis",
    "by",
    "from",
    "firm",
    "market",
    "tracker",
    "consultancy",
    "at",
    "analysts",
    "survey",
    "estimates",
    "media",
    "outlet",
    "newspaper",
    "statement",
    "in",
    "on",
];

/// "according to X", "according to a report by X", "according to people familiar …",
/// "according to the report".
fn according_to(words: &Words, names: &[NameMention], i: usize) -> Option<Hit> {
    let end = words
        .phrase_from(i, "according to")
        .or_else(|| words.phrase_from(i, "citing"))?;
    if let Some((_, last, ..)) = unnamed(words, end) {
        return Some((i, last, AttributionKind::UnnamedSources, None));
    }
    let mut k = end;
    while k < end + 6 && words.in_table(k, SOURCE_NOUNS) && !words.capitalised(k) {
        if let Some((last, who)) = name_from(words, names, k) {
            return Some((i, last, AttributionKind::AccordingTo, Some(who)));
        }
        k += 1;
    }
    if let Some((last, who)) = name_from(words, names, k) {
        return Some((i, last, AttributionKind::AccordingTo, Some(who)));
    }
    if !words.is(end, "the") || words.capitalised(end + 1) {
        return None;
    }
    // "according to the report" points back to a report named before; "according to
    // the minutes" names a document without a name.
    let kind = if words.in_table(end + 1, REPORT_NOUNS) {
        AttributionKind::TheReport
    } else {
        AttributionKind::AccordingTo
    };
    let noun =
        words.kind(end + 1) == Some(super::tokens::TokenKind::Word) && words.is(i, "according");
    noun.then_some((i, end + 1, kind, None))
}

/// "people familiar with the matter", "sources close to", "people with knowledge of",
/// "a person familiar", "unnamed sources", "anonymous sources", "insiders".
fn unnamed(words: &Words, i: usize) -> Option<Hit> {
    const PHRASES: &[&str] = &[
        "people familiar with the matter",
        "people familiar with",
        "a person familiar with",
        "person familiar with",
        "people with knowledge of",
        "a person with knowledge of",
        "sources close to",
        "a source close to",
        "sources familiar with",
        "unnamed sources",
        "anonymous sources",
        "people close to",
        "industry insiders",
        "insiders said",
    ];
    let end = PHRASES.iter().find_map(|p| words.phrase_from(i, p))?;
    Some((i, end - 1, AttributionKind::UnnamedSources, None))
}

/// "per X" and "told X" (X a name right after; "per cent", "told reporters" are not).
fn per_or_told(words: &Words, names: &[NameMention], i: usize) -> Option<Hit> {
    let kind = if words.is(i, "per") {
        AttributionKind::Per
    } else if words.is(i, "told") {
        AttributionKind::Told
    } else {
        return None;
    };
    // "per Quorvel", "per the Ledger", "per data from Signalyte".
    let mut k = i + 1;
    while k < i + 4
        && words.in_table(
            k,
            &["the", "data", "figures", "research", "from", "estimates"],
        )
        && !words.capitalised(k)
    {
        k += 1;
    }
    let (last, who) = name_from(words, names, k).or_else(|| name_from(words, names, i + 1))?;
    Some((i, last, kind, Some(who)))
}

/// "the report said", "the outlet reported", "the newspaper noted".
fn the_report(words: &Words, i: usize) -> Option<Hit> {
    let nouns = [
        "report",
        "outlet",
        "newspaper",
        "publication",
        "article",
        "filing",
    ];
    if !words.is(i, "the") || !words.in_table(i + 1, &nouns) {
        return None;
    }
    let verb = words.in_table(i + 2, lexicon::SAYING_VERBS)
        || words.in_table(i + 2, &["reported", "reports", "showed", "shows"]);
    verb.then_some((i, i + 2, AttributionKind::TheReport, None))
}

/// "(X said) in a (joint) statement", "a statement from X", "X's statement".
fn statement(words: &Words, names: &[NameMention], i: usize) -> Option<Hit> {
    let start = [
        "in a statement",
        "in a joint statement",
        "in its statement",
        "in a separate statement",
    ]
    .iter()
    .find_map(|p| words.phrase_from(i, p).map(|end| (i, end - 1)))
    .or_else(|| {
        words
            .phrase_from(i, "a statement from")
            .map(|end| (i, end - 1))
    })?;
    let (first, last) = start;
    if words.is(last, "from") {
        let (name_last, who) = name_from(words, names, last + 1)?;
        return Some((first, name_last, AttributionKind::Statement, Some(who)));
    }
    let speaker = if words.in_table(first.wrapping_sub(1), lexicon::SAYING_VERBS) {
        name_until(words, names, first.wrapping_sub(2))
    } else {
        None
    };
    match speaker {
        Some((name_first, who)) => Some((name_first, last, AttributionKind::Statement, Some(who))),
        None => Some((first, last, AttributionKind::Statement, None)),
    }
}

/// "X said", "X reported", "X first reported", "said X", "reported by X", "X's report",
/// "a report by X"; a statement right after the verb makes it a `Statement`.
fn verb_of_saying(words: &Words, names: &[NameMention], i: usize) -> Option<Hit> {
    let report_verb = words.in_table(i, &["reported", "reports", "reporting"]);
    let say_verb = words.in_table(i, &["said", "says", "stated", "noted", "added", "wrote"]);
    if words.in_table(i, &["report", "reports"])
        && (words.is(i + 1, "by") || words.is(i + 1, "from") || words.is(i + 1, "in"))
    {
        let (last, who) = name_from(words, names, i + 2)?;
        return Some((i, last, AttributionKind::Reported, Some(who)));
    }
    if words.is(i, "report")
        && words
            .tokens
            .get(i.wrapping_sub(1))
            .is_some_and(|t| t.is_possessive(words.text))
    {
        let (first, who) = name_until(words, names, i - 2)?;
        return Some((first, i, AttributionKind::Reported, Some(who)));
    }
    if !(report_verb || say_verb) {
        return None;
    }
    let kind = if report_verb {
        AttributionKind::Reported
    } else {
        AttributionKind::Said
    };
    if report_verb && words.is(i + 1, "by") {
        let at = if words.is(i + 2, "the") { i + 3 } else { i + 2 };
        let (last, who) = name_from(words, names, at).or_else(|| name_from(words, names, i + 2))?;
        return Some((i, last, kind, Some(who)));
    }
    let adverb = words.in_table(
        i.wrapping_sub(1),
        &["first", "also", "previously", "earlier", "initially"],
    );
    let before = if adverb {
        i.wrapping_sub(2)
    } else {
        i.wrapping_sub(1)
    };
    if let Some((first, who)) = name_until(words, names, before) {
        if let Some((_, last, ..)) = statement(words, names, i + 1) {
            return Some((first, last, AttributionKind::Statement, Some(who)));
        }
        return Some((first, i, kind, Some(who)));
    }
    let (last, who) = name_from(words, names, i + 1)?;
    let ends_clause =
        words.is_mark(last + 1, '.') || words.is_mark(last + 1, ',') || last + 1 >= words.len();
    ends_clause.then_some((i, last, kind, Some(who)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttributionKind::*;

    fn read(text: &str) -> Vec<(AttributionKind, Option<String>)> {
        attributions(text)
            .into_iter()
            .map(|a| (a.kind, a.who))
            .collect()
    }

    fn one(text: &str, kind: AttributionKind, who: Option<&str>) {
        assert_eq!(read(text), vec![(kind, who.map(str::to_owned))], "{text}");
    }

    #[test]
    fn named_origins() {
        one(
            "The pair had talked for weeks, according to The Information.",
            AccordingTo,
            Some("The Information"),
        );
        one(
            "Mentions tripled, according to data from Quorvel.",
            AccordingTo,
            Some("Quorvel"),
        );
        one(
            "The Information first reported the talks.",
            Reported,
            Some("The Information"),
        );
        one(
            "The plan was reported by Lantern Daily on Monday.",
            Reported,
            Some("Lantern Daily"),
        );
        one(
            "Sales slipped, per Quorvel, in the quarter.",
            Per,
            Some("Quorvel"),
        );
        one(
            "A spokesperson told Lantern Daily the deal was off.",
            Told,
            Some("Lantern Daily"),
        );
        one("Velt said the app would ship soon.", Said, Some("Velt"));
        one(
            "The app is late, said Marta Ilves.",
            Said,
            Some("Marta Ilves"),
        );
        one(
            "Lantern Daily's report named three bidders.",
            Reported,
            Some("Lantern Daily"),
        );
    }

    #[test]
    fn statements_unnamed_sources_and_back_references() {
        one(
            "Velt Cloud said in a joint statement that tests went well.",
            Statement,
            Some("Velt Cloud"),
        );
        one(
            "In a statement on its site, the firm denied it.",
            Statement,
            None,
        );
        one(
            "The deal is close, citing people familiar with the matter.",
            UnnamedSources,
            None,
        );
        one(
            "Sources close to the board denied it.",
            UnnamedSources,
            None,
        );
        one("The report said the talks had stalled.", TheReport, None);
        one("That is according to the report.", TheReport, None);
    }

    #[test]
    fn not_attributions() {
        for text in [
            "Margins rose 5 per cent per year.",
            "He told reporters nothing and said little.",
            "The firm reported revenue of $2 billion.",
            "She said Velt would win the bid.",
            "Reports suggest a delay.",
        ] {
            assert!(read(text).is_empty(), "{text}: {:?}", read(text));
        }
    }
}
