//! Proper names in prose: capitalised runs that name something (not sentence-initial
//! common words, months, weekdays), with possessives stripped and internal connectors
//! kept ("Bank of America", "Qwen 2.5-Max", "GPT-4o", "iPhone"), each with the cue
//! that suggests its kind; and the key that merges variants of one name.

use std::collections::HashSet;
use std::ops::Range;

use super::lexicon;
use super::match_words::Words;
use super::name_kinds;
use super::name_rules::{self, Chunk, possessive_after};

/// The kind of thing a name names, as far as cue words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A company: a corporate suffix or a word like "firm", "giant", "startup".
    Company,
    /// A person: a title ("CEO", "Mr"), a verb of saying, given and family names.
    Person,
    /// An AI model: a version number, "model", "chatbot", "LLM".
    Model,
    /// A product: "app", "phone", "device", "platform" after it.
    Product,
    /// A place or market from the gazetteer.
    Place,
    /// A public body, regulator, university or association.
    Organisation,
    /// A news outlet: "reported", "told", a known outlet.
    Outlet,
    /// Nothing says.
    Unknown,
}

impl NameKind {
    /// The kind in lower case, as the story format's entity kinds spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Company => "company",
            NameKind::Person => "person",
            NameKind::Model => "model",
            NameKind::Product => "product",
            NameKind::Place => "place",
            NameKind::Organisation => "organisation",
            NameKind::Outlet => "outlet",
            NameKind::Unknown => "unknown",
        }
    }
}

/// Why a name was given its kind: the kind and the word that suggested it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindCue {
    /// The kind suggested.
    pub kind: NameKind,
    /// The word or words that suggested it ("Ltd.", "giant", "said", "gazetteer").
    pub cue: String,
}

/// One proper name in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// Where the name is (without a possessive "'s").
    pub range: Range<usize>,
    /// The name as written (without a possessive).
    pub text: String,
    /// Its kind, when a cue suggests one.
    pub kind_cue: Option<KindCue>,
}

/// Every proper name in `text`, in order of position.
pub fn names(text: &str) -> Vec<NameMention> {
    let words = Words::new(text);
    let chunks = name_rules::chunks(&words);
    let starts = sentence_starts(&words);
    let runs = name_rules::runs(&words, &chunks);
    // Capitalised words seen away from a sentence start: evidence that a lone
    // capitalised word at a start is a name too.
    let mid: HashSet<&str> = runs
        .iter()
        .flat_map(|run| run.chunks.clone())
        .map(|c| &chunks[c])
        .filter(|chunk| !starts.contains(&chunk.first))
        .map(|chunk| words.slice(chunk.first, chunk.last))
        .collect();
    let mut found = Vec::new();
    for run in &runs {
        let first = &chunks[run.chunks.start];
        let last = &chunks[run.chunks.end - 1];
        let name = words.slice(first.first, last.last);
        if run.chunks.len() == 1
            && !lone_word_is_name(&words, last, name, starts.contains(&first.first), &mid)
        {
            continue;
        }
        found.push(NameMention {
            range: words.span(first.first, last.last),
            text: name.to_owned(),
            kind_cue: name_kinds::kind_cue(&words, &chunks, run),
        });
    }
    found
}

/// The name (as found by `names`) that starts at token `k`, and its last token.
pub(crate) fn name_from(words: &Words, names: &[NameMention], k: usize) -> Option<(usize, String)> {
    let start = words.tokens.get(k)?.range.start;
    // Names come in order and never overlap: binary search, not a scan per token.
    let at = names.partition_point(|n| n.range.start < start);
    let name = names.get(at).filter(|n| n.range.start == start)?;
    let last = (k..words.len()).find(|&t| words.tokens[t].range.end >= name.range.end)?;
    Some((last, name.text.clone()))
}

/// The name that ends at token `k` (a possessive after it allowed), and its first token.
pub(crate) fn name_until(
    words: &Words,
    names: &[NameMention],
    k: usize,
) -> Option<(usize, String)> {
    let end = words.tokens.get(k)?.range.end;
    let at = names.partition_point(|n| n.range.end < end);
    let name = names.get(at).filter(|n| n.range.end == end)?;
    let first = (0..=k)
        .rev()
        .find(|&t| words.tokens[t].range.start <= name.range.start)?;
    Some((first, name.text.clone()))
}

/// Token indexes that begin a sentence (or a quotation at one).
fn sentence_starts(words: &Words) -> HashSet<usize> {
    let starts: HashSet<usize> = super::sentences::sentences(words.text)
        .into_iter()
        .map(|r| r.start)
        .collect();
    let mut found = HashSet::new();
    for (i, token) in words.tokens.iter().enumerate() {
        let opens = i > 0
            && found.contains(&(i - 1))
            && ["“", "\"", "‘", "(", "'"].contains(&words.at(i - 1));
        if i == 0 || starts.contains(&token.range.start) || opens {
            found.insert(i);
        }
    }
    found
}

/// A one-word name counts unless it is a common acronym or a people's adjective; at a
/// sentence start it needs more: seen capitalised mid-sentence, known to a gazetteer,
/// inner capitals, digits or hyphens, a possessive or a verb of saying after it.
fn lone_word_is_name(
    words: &Words,
    chunk: &Chunk,
    name: &str,
    at_start: bool,
    mid: &HashSet<&str>,
) -> bool {
    if lexicon::has(lexicon::COMMON_ACRONYMS, name)
        || lexicon::has(lexicon::DEMONYMS, name)
        || name.chars().count() < 2
    {
        return false;
    }
    if !at_start {
        return true;
    }
    let inner = name
        .chars()
        .skip(1)
        .any(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
    let known = [lexicon::PLACES, lexicon::OUTLETS, lexicon::PRODUCT_STEMS]
        .iter()
        .any(|table| table.contains(&name));
    let next = chunk.last + 1;
    mid.contains(name)
        || inner
        || known
        || possessive_after(words, chunk)
        || words.in_table(next, lexicon::SAYING_VERBS)
        || words.in_table(next, lexicon::COMPANY_NAME_WORDS)
        || name_kinds::appositive(words, next).is_some()
}

/// The form used to merge variants of one name: case-folded, possessive and corporate
/// suffixes ("Inc.", "Ltd.", "Group Holding Ltd.", "Corp", "plc") dropped, a leading
/// "the" dropped, white space collapsed. "Alibaba Group Holding Ltd." and "Alibaba's"
/// both give "alibaba"; a name that is all suffix ("Group") keeps its last word.
pub fn name_key(name: &str) -> String {
    let folded = name.trim().to_lowercase();
    let folded = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix("’s"))
        .unwrap_or(&folded);
    let mut parts: Vec<&str> = folded
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ',' | '\'' | '’' | '"' | '“' | '”')))
        .filter(|w| !w.is_empty())
        .collect();
    if parts.len() > 1 && parts[0] == "the" {
        parts.remove(0);
    }
    while parts.len() > 1
        && parts
            .last()
            .is_some_and(|w| lexicon::has(lexicon::CORPORATE_SUFFIXES, w))
    {
        parts.pop();
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<NameKind>)> {
        names(text)
            .into_iter()
            .map(|n| (n.text, n.kind_cue.map(|c| c.kind)))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn runs_connectors_versions_and_possessives() {
        assert_eq!(
            texts("Savings at Bank of Lorrow rose, Zorvik's data shows."),
            vec!["Bank of Lorrow", "Zorvik"]
        );
        assert_eq!(
            texts("It tested Quill 3.5-Pro, GPT-4o and Tarn 2 on the iPhone 16."),
            vec!["Quill 3.5-Pro", "GPT-4o", "Tarn", "iPhone 16"]
        );
        assert_eq!(
            texts("Staff at MARKETING-INTERACTIVE and the U.S. unit agreed."),
            vec!["MARKETING-INTERACTIVE", "U.S."]
        );
        assert_eq!(
            texts("Brindle Group Holding Ltd. owns Procter & Gamble shares."),
            vec!["Brindle Group Holding Ltd.", "Procter & Gamble"]
        );
    }

    #[test]
    fn sentence_starts_months_and_function_words_are_not_names() {
        assert!(texts("Shares fell. Analysts shrugged. Sales were flat in March.").is_empty());
        assert!(texts("However, the AI boom left Chinese firms on Tuesday in a bind.").is_empty());
        assert_eq!(
            texts("Quillon rose. Later, Quillon fell."),
            vec!["Quillon", "Quillon"],
            "seen mid-sentence"
        );
        assert_eq!(
            texts("Tarvio said no. In Hangzhou it rained."),
            vec!["Tarvio", "Hangzhou"]
        );
        assert_eq!(
            texts("The Information reported it first."),
            vec!["The Information"]
        );
        assert!(texts("Revenue doubled.").is_empty());
    }

    #[test]
    fn kinds_and_their_cues() {
        let kind = |text: &str| found(text).into_iter().next().and_then(|(_, k)| k);
        assert_eq!(kind("Shares of Velt Inc. rose."), Some(NameKind::Company));
        assert_eq!(
            kind("The tech giant Orvane said little."),
            Some(NameKind::Company)
        );
        assert_eq!(
            kind("Analysts like Parsa Dole said it would last."),
            Some(NameKind::Person)
        );
        assert_eq!(kind("Its CEO Marta Ilves left."), Some(NameKind::Person));
        assert_eq!(kind("We tried the Brio chatbot."), Some(NameKind::Model));
        assert_eq!(
            kind("Users tried Quill 3.5 at once."),
            Some(NameKind::Model)
        );
        assert_eq!(
            kind("Users opened the Plinth app."),
            Some(NameKind::Product)
        );
        assert_eq!(kind("Sales in Greater China fell."), Some(NameKind::Place));
        assert_eq!(
            kind("Approval from the Ministry of Trade came."),
            Some(NameKind::Organisation)
        );
        assert_eq!(kind("Data came via Reuters today."), Some(NameKind::Outlet));
        assert_eq!(
            kind("Lumo, a Chinese startup, won."),
            Some(NameKind::Company)
        );
        assert_eq!(
            kind("We met Orla Venn at noon."),
            None,
            "two capitalised words alone say nothing"
        );
        let cue = names("The tech giant Orvane grew.")
            .remove(0)
            .kind_cue
            .unwrap();
        assert_eq!(cue.cue, "giant");
    }

    #[test]
    fn name_keys_merge_variants() {
        for variant in [
            "Brindle",
            "Brindle's",
            "Brindle Group Holding Ltd.",
            "BRINDLE Inc.",
            "brindle  corp",
        ] {
            assert_eq!(name_key(variant), "brindle", "{variant}");
        }
        assert_eq!(name_key("The Information"), "information");
        assert_eq!(name_key("Bank of Lorrow"), "bank of lorrow");
        assert_eq!(name_key("Group"), "group");
        assert_ne!(name_key("Quill"), name_key("Quill 2.5"));
    }
}
