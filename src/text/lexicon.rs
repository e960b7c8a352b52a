//! Word tables the extractors read: months, weekdays, bound words, scale words,
//! currencies, corporate suffixes, kind cues, and a small gazetteer of places and
//! markets. Data, not code: extend a table to teach a rule a new word. Every entry is
//! lower case unless it says otherwise; lookups fold case.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Month names and abbreviations, with their number.
#[rustfmt::skip]
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
    ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
    ("august", 8), ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9), ("october", 10),
    ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
];

/// Weekday names, Monday = 0.
#[rustfmt::skip]
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Bound words before a number, longest first, and the `bound` each means.
#[rustfmt::skip]
pub(crate) const BOUND_WORDS: &[(&str, super::figure_types::Bound)] = {
    use super::figure_types::Bound::*;
    &[
        ("in excess of", Exceeding), ("no fewer than", AtLeast), ("no less than", AtLeast),
        ("no more than", UpTo), ("as many as", UpTo), ("as much as", UpTo),
        ("as high as", UpTo), ("more than", Over), ("upwards of", Over), ("at least", AtLeast),
        ("at most", UpTo), ("less than", Under), ("fewer than", Under), ("close to", About),
        ("up to", UpTo), ("exceeding", Exceeding), ("over", Over), ("above", Over),
        ("nearly", About), ("almost", About), ("about", About), ("roughly", About),
        ("around", About), ("approximately", About), ("some", About), ("under", Under),
        ("below", Under), ("just over", Over), ("just under", Under),
    ]
};

/// Scale words after a number; the flag says the word may only touch the number
/// ("13m", "$5k": a lone "m" or "k" after a space is not a scale).
#[rustfmt::skip]
pub(crate) const SCALE_WORDS: &[(&str, super::figure_types::Scale, bool)] = {
    use super::figure_types::Scale::*;
    &[
        ("thousand", Thousand, false), ("million", Million, false),
        ("billion", Billion, false), ("trillion", Trillion, false), ("mn", Million, false),
        ("mln", Million, false), ("bn", Billion, false), ("tn", Trillion, false),
        ("trn", Trillion, false), ("k", Thousand, true), ("m", Million, true),
        ("b", Billion, true),
    ]
};

/// Currency words and codes, as written before or after a number, with the ISO code.
#[rustfmt::skip]
pub(crate) const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("usd", "USD"), ("dollars", "USD"), ("dollar", "USD"), ("rmb", "CNY"), ("cny", "CNY"),
    ("yuan", "CNY"), ("renminbi", "CNY"), ("eur", "EUR"), ("euros", "EUR"), ("euro", "EUR"),
    ("gbp", "GBP"), ("pounds", "GBP"), ("hkd", "HKD"), ("jpy", "JPY"), ("yen", "JPY"),
    ("won", "KRW"), ("krw", "KRW"),
];

/// Currency symbols before a number, with the ISO code (a "US"/"HK"/"CN" touching the
/// symbol makes it "US$", "HK$", "CN¥").
#[rustfmt::skip]
pub(crate) const CURRENCY_SYMBOLS: &[(char, &str)] = &[
    ('$', "USD"), ('€', "EUR"), ('£', "GBP"), ('¥', "CNY"), ('₩', "KRW"),
];

/// Lower-case words that are never a figure's unit noun, though they may follow one.
#[rustfmt::skip]
pub(crate) static NOT_UNITS: &[&str] = &[
    "as", "is", "was", "has", "this", "its", "us", "thus", "plus", "across", "less", "yes",
    "his", "hers", "does", "always", "perhaps", "unless", "whereas", "besides", "towards",
    "afterwards", "sales", "news", "series",
];

/// Unit nouns that do not end in "s" but are counted ("staff", "people").
#[rustfmt::skip]
pub(crate) const UNCOUNTED_UNITS: &[&str] = &[
    "staff", "people", "employees", "workers", "personnel", "units", "times",
];

/// Corporate suffixes that name_key drops from the end of a name.
#[rustfmt::skip]
pub(crate) static CORPORATE_SUFFIXES: &[&str] = &[
    "inc", "incorporated", "ltd", "limited", "corp", "corporation", "co", "company", "plc",
    "llc", "group", "holding", "holdings", "gmbh", "ag", "sa", "nv", "bv",
];

/// Words inside or right after a name that make it a company.
#[rustfmt::skip]
pub(crate) static COMPANY_NAME_WORDS: &[&str] = &[
    "inc", "ltd", "limited", "corp", "corporation", "plc", "llc", "holdings", "holding",
    "gmbh", "technologies", "group", "cloud", "systems", "capital", "labs", "bank", "motors",
    "ventures", "partners", "networks", "software", "airlines", "energy", "pharma",
    "electronics", "industries", "semiconductor",
];

/// Words after the first in a name that make it an outlet ("Lantern Daily").
#[rustfmt::skip]
pub(crate) const OUTLET_NAME_WORDS: &[&str] = &[
    "daily", "times", "post", "news", "journal", "courier", "herald", "gazette", "tribune",
    "ledger", "observer", "chronicle", "telegraph", "express", "weekly", "wire",
];

/// Words after the first in a name that make it a place ("Quay Street").
#[rustfmt::skip]
pub(crate) const PLACE_NAME_WORDS: &[&str] = &[
    "street", "road", "avenue", "square", "river", "bay", "city", "county", "province",
    "district", "valley", "island", "lane", "park",
];

/// Words just before a name that make it a company ("tech giant X", "startup X").
#[rustfmt::skip]
pub(crate) static COMPANY_CUES_BEFORE: &[&str] = &[
    "giant", "firm", "startup", "start-up", "company", "maker", "chipmaker", "carmaker",
    "automaker", "smartphone-maker", "retailer", "conglomerate", "rival", "competitor",
    "subsidiary", "unit", "developer", "companies", "firms",
];

/// Titles before a name that make it a person.
#[rustfmt::skip]
pub(crate) static PERSON_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "ceo", "cfo", "cto", "chairman", "chairwoman", "chair",
    "president", "founder", "co-founder", "spokesperson", "spokesman", "spokeswoman",
    "analyst", "professor", "minister", "director", "executive", "officer", "chief",
    "secretary", "senator", "governor", "mayor",
];

/// Verbs of saying after a name.
#[rustfmt::skip]
pub(crate) static SAYING_VERBS: &[&str] = &[
    "said", "says", "stated", "states", "noted", "added", "told", "explained", "wrote",
    "commented", "argued", "insisted",
];

/// Words after a name that make it an AI model.
#[rustfmt::skip]
pub(crate) const MODEL_CUES_AFTER: &[&str] =
    &["model", "models", "chatbot", "chatbots", "llm", "llms"];

/// Words after a name that make it a product.
#[rustfmt::skip]
pub(crate) static PRODUCT_CUES_AFTER: &[&str] = &[
    "app", "apps", "phone", "phones", "smartphone", "smartphones", "device", "devices",
    "platform", "software", "service", "browser", "feature", "features", "console", "chip",
    "chips", "handset", "handsets", "tablet", "laptop",
];

/// Words inside a name that make it a public body or other organisation.
#[rustfmt::skip]
pub(crate) static ORGANISATION_WORDS: &[&str] = &[
    "ministry", "administration", "commission", "authority", "university", "institute",
    "agency", "council", "association", "bureau", "department", "foundation", "court",
    "parliament", "congress", "regulator", "committee", "union", "federation", "academy",
];

/// Capitalised words that start sentences but are not names (function words and
/// sentence adverbs). Kept apart from names even when they stand mid-sentence after a
/// colon or quote.
#[rustfmt::skip]
pub(crate) static NOT_NAMES: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or",
    "but", "nor", "so", "yet", "as", "if", "when", "while", "after", "before", "since",
    "until", "because", "although", "though", "despite", "following", "according", "this",
    "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
    "their", "our", "my", "your", "there", "here", "what", "which", "who", "whom", "whose",
    "where", "why", "how", "however", "meanwhile", "also", "still", "earlier", "later", "last",
    "next", "this", "then", "now", "today", "yesterday", "tomorrow", "one", "two", "three",
    "some", "many", "most", "more", "all", "both", "each", "every", "no", "not", "other",
    "another", "such", "only", "just", "even", "shares", "analysts", "sources", "people",
    "users", "separately", "additionally", "moreover", "furthermore", "instead", "indeed",
    "overall", "unlike", "like", "among", "about", "over", "under", "up", "down", "is", "are",
    "was", "were", "be", "has", "have", "had", "do", "does", "did", "will", "would", "can",
    "could", "should", "may", "might", "must", "per", "via", "amid", "into", "through",
    "during", "without", "within", "against", "between", "once", "first", "second", "third",
    "new", "based", "speaking", "asked", "reportedly", "notably", "recently", "currently",
    "previously", "initially", "finally", "yes", "oh", "dear", "hello", "thanks", "please",
    "ceo", "mr", "mrs", "ms", "dr",
];

/// Words for a people or nation ("Chinese", "American"): capitalised, but adjectives,
/// not names of things.
#[rustfmt::skip]
pub(crate) static DEMONYMS: &[&str] = &[
    "chinese", "american", "japanese", "korean", "british", "european", "indian", "german",
    "french", "asian", "western", "taiwanese", "russian", "african", "canadian", "english",
    "global", "internet", "international", "national", "democrat", "republican",
];

/// Capitalised acronyms that are common nouns, not names, when they stand alone.
#[rustfmt::skip]
pub(crate) static COMMON_ACRONYMS: &[&str] = &[
    "ai", "llm", "llms", "gpu", "gpus", "cpu", "ipo", "ceo", "cfo", "cto", "app", "apps", "tv",
    "pc", "api", "ar", "vr", "gdp", "faq", "pdf", "url", "ok", "am", "pm", "ev", "evs", "q&a",
];

/// Common given names: with a capitalised word after them they make a person.
#[rustfmt::skip]
pub(crate) static GIVEN_NAMES: &[&str] = &[
    "tim", "jack", "joe", "daniel", "eddie", "sam", "elon", "mark", "satya", "sundar", "jensen",
    "lisa", "mary", "john", "james", "robert", "michael", "david", "william", "richard", "thomas",
    "peter", "paul", "anna", "maria", "sarah", "emma", "laura", "wei", "li", "wang", "zhang",
    "liu", "chen", "yang", "huang", "zhao", "zhou", "wu", "lei", "pony", "robin", "jeff", "bill",
    "steve", "kevin", "george", "helen", "susan", "karen",
];

/// The lower-case words an attribution rule can start at: any other token is skipped.
pub(crate) static ATTRIBUTION_TRIGGERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut set: HashSet<&'static str> = UNNAMED_SOURCES
        .iter()
        .filter_map(|p| p.split(' ').next())
        .collect();
    set.extend([
        "according",
        "citing",
        "per",
        "told",
        "the",
        "in",
        "a",
        "reported",
        "reports",
        "reporting",
        "said",
        "says",
        "stated",
        "noted",
        "added",
        "wrote",
        "report",
    ]);
    set
});

/// The lower-case words a date rule can start at, besides numbers, months, weekdays
/// and quarter or fiscal-year codes ("Q4", "FY2024").
pub(crate) static DATE_TRIGGERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    HashSet::from([
        "yesterday",
        "today",
        "tomorrow",
        "early",
        "late",
        "mid",
        "earlier",
        "later",
        "last",
        "this",
        "next",
        "fiscal",
        "first",
        "second",
        "third",
        "fourth",
        "1st",
        "2nd",
        "3rd",
        "4th",
        "the",
        "a",
        "an",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
    ])
});

/// The last word of each bound phrase ("than" of "more than"): a number whose previous
/// word is none of these has no bound word.
pub(crate) static BOUND_LAST_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    BOUND_WORDS
        .iter()
        .filter_map(|(p, _)| p.split(' ').next_back())
        .collect()
});

/// The longer tables, hashed once: `has` looks words up in these by the table's address
/// instead of scanning (any other table is scanned, which gives the same answer).
static HASHED: LazyLock<HashMap<usize, HashSet<&'static str>>> = LazyLock::new(|| {
    [
        NOT_NAMES,
        PERSON_TITLES,
        COMPANY_CUES_BEFORE,
        COMPANY_NAME_WORDS,
        ORGANISATION_WORDS,
        GIVEN_NAMES,
        DEMONYMS,
        COMMON_ACRONYMS,
        SAYING_VERBS,
        NOT_UNITS,
        PRODUCT_CUES_AFTER,
        CORPORATE_SUFFIXES,
    ]
    .iter()
    .map(|table| (table.as_ptr() as usize, table.iter().copied().collect()))
    .collect()
});

/// True when `word` (any case) is in `table`.
pub(crate) fn has(table: &[&str], word: &str) -> bool {
    if let Some(set) = HASHED.get(&(table.as_ptr() as usize)) {
        let mut buffer = [0u8; 32];
        if let Some(lower) = buffer.get_mut(..word.len()).filter(|_| word.is_ascii()) {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|w| set.contains(w));
        }
    }
    table.iter().any(|entry| entry.eq_ignore_ascii_case(word))
}

/// The month a word names ("Feb", "february"), if any.
pub(crate) fn month(word: &str) -> Option<u8> {
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
}

/// The weekday a word names, Monday = 0.
pub(crate) fn weekday(word: &str) -> Option<u8> {
    WEEKDAYS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(word))
        .and_then(|i| u8::try_from(i).ok())
}

/// Nouns for a document that words are credited to ("the report said").
#[rustfmt::skip]
pub(crate) const REPORT_NOUNS: &[&str] = &[
    "report", "reports", "statement", "filing", "article", "story",
];

/// Words allowed between "according to" and the name credited ("a report by", "data from").
#[rustfmt::skip]
pub(crate) const SOURCE_NOUNS: &[&str] = &[
    "a", "an", "the", "report", "reports", "data", "research", "figures", "analysis", "by",
    "from", "firm", "market", "tracker", "consultancy", "at", "analysts", "survey",
    "estimates", "media", "outlet", "newspaper", "statement", "in", "on",
];

/// Phrases for sources that are not named.
#[rustfmt::skip]
pub(crate) const UNNAMED_SOURCES: &[&str] = &[
    "people familiar with the matter", "people familiar with", "a person familiar with",
    "person familiar with", "people with knowledge of", "a person with knowledge of",
    "sources close to", "a source close to", "sources familiar with", "unnamed sources",
    "anonymous sources", "people close to", "industry insiders", "insiders said",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_lookups_agree_with_scanning() {
        for table in [NOT_NAMES, PERSON_TITLES, SAYING_VERBS, CORPORATE_SUFFIXES] {
            for word in table.iter().chain(&[
                "",
                "zzz",
                "Ünï",
                "a-very-long-word-past-thirty-two-bytes-of-text",
            ]) {
                let scanned = table.iter().any(|e| e.eq_ignore_ascii_case(word));
                assert_eq!(has(table, word), scanned, "{word}");
                assert_eq!(has(table, &word.to_uppercase()), scanned, "{word}");
            }
        }
        assert!(has(NOT_NAMES, "The") && has(PERSON_TITLES, "CEO") && !has(NOT_NAMES, "Quorra"));
    }
}
