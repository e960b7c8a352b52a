//! Word tables the extractors read: months, weekdays, bound words, scale words,
//! currencies, corporate suffixes, kind cues, and a small gazetteer of places and
//! markets. Data, not code: extend a table to teach a rule a new word. Every entry is
//! lower case unless it says otherwise; lookups fold case.

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
pub(crate) const BOUND_WORDS: &[(&str, super::figures::Bound)] = {
    use super::figures::Bound::*;
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
pub(crate) const SCALE_WORDS: &[(&str, super::figures::Scale, bool)] = {
    use super::figures::Scale::*;
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
pub(crate) const NOT_UNITS: &[&str] = &[
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
pub(crate) const CORPORATE_SUFFIXES: &[&str] = &[
    "inc", "incorporated", "ltd", "limited", "corp", "corporation", "co", "company", "plc",
    "llc", "group", "holding", "holdings", "gmbh", "ag", "sa", "nv", "bv",
];

/// Words inside or right after a name that make it a company.
#[rustfmt::skip]
pub(crate) const COMPANY_NAME_WORDS: &[&str] = &[
    "inc", "ltd", "limited", "corp", "corporation", "plc", "llc", "holdings", "holding",
    "gmbh", "technologies",
];

/// Words just before a name that make it a company ("tech giant X", "startup X").
#[rustfmt::skip]
pub(crate) const COMPANY_CUES_BEFORE: &[&str] = &[
    "giant", "firm", "startup", "start-up", "company", "maker", "chipmaker", "carmaker",
    "automaker", "smartphone-maker", "retailer", "conglomerate", "rival", "competitor",
    "subsidiary", "unit", "developer", "companies", "firms",
];

/// Titles before a name that make it a person.
#[rustfmt::skip]
pub(crate) const PERSON_TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "ceo", "cfo", "cto", "chairman", "chairwoman", "chair",
    "president", "founder", "co-founder", "spokesperson", "spokesman", "spokeswoman",
    "analyst", "professor", "minister", "director", "executive", "officer", "chief",
    "secretary", "senator", "governor", "mayor",
];

/// Verbs of saying after a name.
#[rustfmt::skip]
pub(crate) const SAYING_VERBS: &[&str] = &[
    "said", "says", "stated", "states", "noted", "added", "told", "explained", "wrote",
    "commented", "argued", "insisted",
];

/// Words after a name that make it an AI model.
#[rustfmt::skip]
pub(crate) const MODEL_CUES_AFTER: &[&str] =
    &["model", "models", "chatbot", "chatbots", "llm", "llms"];

/// Words after a name that make it a product.
#[rustfmt::skip]
pub(crate) const PRODUCT_CUES_AFTER: &[&str] = &[
    "app", "apps", "phone", "phones", "smartphone", "smartphones", "device", "devices",
    "platform", "software", "service", "browser", "feature", "features", "console", "chip",
    "chips", "handset", "handsets", "tablet", "laptop",
];

/// Product lines whose names carry numbers that are not model versions (case as written).
#[rustfmt::skip]
pub(crate) const PRODUCT_STEMS: &[&str] = &[
    "iPhone", "iPad", "iOS", "macOS", "Android", "Windows", "Galaxy", "Pixel", "PlayStation",
    "Xbox", "Mac", "MacBook", "Surface",
];

/// Words inside a name that make it a public body or other organisation.
#[rustfmt::skip]
pub(crate) const ORGANISATION_WORDS: &[&str] = &[
    "ministry", "administration", "commission", "authority", "university", "institute",
    "agency", "council", "association", "bureau", "department", "foundation", "court",
    "parliament", "congress", "regulator", "committee", "union", "federation", "academy",
];

/// Places and markets (case as written).
#[rustfmt::skip]
pub(crate) const PLACES: &[&str] = &[
    "China", "Chinese mainland", "Mainland China", "Greater China", "Hong Kong", "Macau",
    "Taiwan", "Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Guangzhou", "Japan", "Tokyo",
    "South Korea", "Korea", "Seoul", "India", "Singapore", "Asia", "Asia Pacific", "Europe",
    "United States", "US", "U.S.", "USA", "America", "United Kingdom", "UK", "Britain",
    "London", "Germany", "France", "Paris", "Berlin", "Canada", "Australia", "Brazil",
    "Mexico", "Russia", "Silicon Valley", "New York", "California", "Washington", "EU",
    "European Union", "Middle East", "Africa", "Vietnam", "Indonesia", "Thailand", "Malaysia",
];

/// News outlets and data firms that articles cite (case as written).
#[rustfmt::skip]
pub(crate) const OUTLETS: &[&str] = &[
    "The Information", "Reuters", "Bloomberg", "Bloomberg News", "Financial Times",
    "The Wall Street Journal", "Wall Street Journal", "The New York Times", "New York Times",
    "CNBC", "South China Morning Post", "Caixin", "Xinhua", "The Verge", "TechCrunch",
    "The Economist", "The Guardian", "BBC", "CNN", "Nikkei", "Nikkei Asia", "Associated Press",
    "AP", "AFP", "Yicai", "MARKETING-INTERACTIVE", "Axios", "Forbes",
];

/// Capitalised words that start sentences but are not names (function words and
/// sentence adverbs). Kept apart from names even when they stand mid-sentence after a
/// colon or quote.
#[rustfmt::skip]
pub(crate) const NOT_NAMES: &[&str] = &[
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
pub(crate) const DEMONYMS: &[&str] = &[
    "chinese", "american", "japanese", "korean", "british", "european", "indian", "german",
    "french", "asian", "western", "taiwanese", "russian", "african", "canadian", "english",
    "global", "internet", "international", "national", "democrat", "republican",
];

/// Capitalised acronyms that are common nouns, not names, when they stand alone.
#[rustfmt::skip]
pub(crate) const COMMON_ACRONYMS: &[&str] = &[
    "ai", "llm", "llms", "gpu", "gpus", "cpu", "ipo", "ceo", "cfo", "cto", "app", "apps", "tv",
    "pc", "api", "ar", "vr", "gdp", "faq", "pdf", "url", "ok", "am", "pm", "ev", "evs", "q&a",
];

/// Common given names: with a capitalised word after them they make a person.
#[rustfmt::skip]
pub(crate) const GIVEN_NAMES: &[&str] = &[
    "tim", "jack", "joe", "daniel", "eddie", "sam", "elon", "mark", "satya", "sundar", "jensen",
    "lisa", "mary", "john", "james", "robert", "michael", "david", "william", "richard", "thomas",
    "peter", "paul", "anna", "maria", "sarah", "emma", "laura", "wei", "li", "wang", "zhang",
    "liu", "chen", "yang", "huang", "zhao", "zhou", "wu", "lei", "pony", "robin", "jeff", "bill",
    "steve", "kevin", "george", "helen", "susan", "karen",
];

/// True when `word` (any case) is in `table`.
pub(crate) fn has(table: &[&str], word: &str) -> bool {
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
