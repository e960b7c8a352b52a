//! Proper names in prose: capitalised runs that name something (not sentence-initial
//! common words, months, weekdays), with possessives stripped and internal connectors
//! kept ("Bank of America", "Qwen 2.5-Max", "GPT-4o", "iPhone"), each with the cue
//! that suggests its kind; and the key that merges variants of one name.

use std::ops::Range;

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
    let _ = text;
    Vec::new()
}

/// The form used to merge variants of one name: case-folded, possessive and corporate
/// suffixes ("Inc.", "Ltd.", "Group Holding Ltd.", "Corp", "plc") dropped, white space
/// collapsed. "Alibaba Group Holding Ltd." and "Alibaba's" both give "alibaba".
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}
