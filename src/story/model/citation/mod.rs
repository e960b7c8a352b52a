//! A citation: which source, where in it, and the words a few citations carry (a
//! note, a `via`, a quote). Those three sit behind one box, absent for most citations,
//! so a citation is 48 bytes rather than 88: at 100k events (200k citations) that is
//! 8 MB less to hold and to write while parsing.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

use crate::story::model::not_null::present;
use crate::story::model::{Id, ResolvedCitation};

/// Where a fact comes from: a source id plus where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Id of a record in `sources`.
    pub source: Id,
    /// Paragraph number in the source, counting from 1 (the headline is not counted).
    pub para: Option<u32>,
    /// The note, `via` and quote, when the citation has any of them.
    words: Option<Box<CitationWords>>,
    /// The sources' arena indexes, filled in by `Story::build`; not in the file.
    pub resolved: ResolvedCitation,
}

/// A citation's optional words; never all three absent (then there is no box).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct CitationWords {
    note: Option<Box<str>>,
    via: Option<Box<str>>,
    quote: Option<Box<str>>,
}

impl Citation {
    /// A citation of `source` (at paragraph `para`) with no note, `via` or quote.
    pub fn new(source: impl Into<Id>, para: Option<u32>) -> Citation {
        Citation {
            source: source.into(),
            para,
            words: None,
            resolved: ResolvedCitation::default(),
        }
    }

    /// A short paraphrase of what the source says here, in the story author's words.
    pub fn note(&self) -> Option<&str> {
        self.words.as_ref()?.note.as_deref()
    }

    /// Where this statement comes from, when not from the cited source's own `via`.
    pub fn via(&self) -> Option<&str> {
        self.words.as_ref()?.via.as_deref()
    }

    /// A few words of the cited paragraph, checked against the source's `text` file.
    pub fn quote(&self) -> Option<&str> {
        self.words.as_ref()?.quote.as_deref()
    }

    /// This citation with its note set (or cleared, with None).
    pub fn with_note(mut self, note: Option<impl Into<Box<str>>>) -> Citation {
        self.set_note(note);
        self
    }

    /// This citation with its `via` set (or cleared, with None).
    pub fn with_via(mut self, via: Option<impl Into<Box<str>>>) -> Citation {
        self.set_via(via);
        self
    }

    /// This citation with its quote set (or cleared, with None).
    pub fn with_quote(mut self, quote: Option<impl Into<Box<str>>>) -> Citation {
        self.set_quote(quote);
        self
    }

    /// Sets the note (or clears it, with None).
    pub fn set_note(&mut self, note: Option<impl Into<Box<str>>>) {
        self.change_words(|words| words.note = note.map(Into::into));
    }

    /// Sets the `via` (or clears it, with None).
    pub fn set_via(&mut self, via: Option<impl Into<Box<str>>>) {
        self.change_words(|words| words.via = via.map(Into::into));
    }

    /// Sets the quote (or clears it, with None).
    pub fn set_quote(&mut self, quote: Option<impl Into<Box<str>>>) {
        self.change_words(|words| words.quote = quote.map(Into::into));
    }

    /// Changes the words, keeping the rule that a box is never empty.
    fn change_words(&mut self, change: impl FnOnce(&mut CitationWords)) {
        let mut words = self.words.take().map(|boxed| *boxed).unwrap_or_default();
        change(&mut words);
        self.words = CitationWords::boxed(words);
    }
}

impl CitationWords {
    fn boxed(self) -> Option<Box<CitationWords>> {
        let empty = self.note.is_none() && self.via.is_none() && self.quote.is_none();
        (!empty).then(|| Box::new(self))
    }
}

// A citation as the file writes it: what serde reads and the schema describes. (Not a
// doc comment: that would change the schema's description.)
#[derive(Deserialize, JsonSchema)]
#[serde(rename = "Citation", deny_unknown_fields)]
#[schemars(rename = "Citation")]
/// Where a fact comes from: a source id plus where in it.
struct CitationFields {
    /// Id of a record in `sources`.
    #[schemars(with = "String")]
    source: Id,
    /// Paragraph number in the source, counting from 1 (the headline is not counted).
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "u32")]
    para: Option<u32>,
    /// A short paraphrase of what the source says here, in the story author's words.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    note: Option<Box<str>>,
    /// Where this statement comes from, when not from the cited source's own `via`:
    /// the id of the source it rests on (a data firm, a company's results …), or the
    /// cited source's own id for its own reporting. See `origin.rs`.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    via: Option<Box<str>>,
    /// A few words of the cited paragraph, checked against the source's `text` file.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    quote: Option<Box<str>>,
}

/// A citation as written back: the same fields, borrowed.
#[derive(Serialize)]
#[serde(rename = "Citation")]
struct CitationView<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    para: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    via: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
}

impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = CitationFields::deserialize(deserializer)?;
        let words = CitationWords {
            note: fields.note,
            via: fields.via,
            quote: fields.quote,
        };
        Ok(Citation {
            source: fields.source,
            para: fields.para,
            words: words.boxed(),
            resolved: ResolvedCitation::default(),
        })
    }
}

impl Serialize for Citation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CitationView {
            source: &self.source,
            para: self.para,
            note: self.note(),
            via: self.via(),
            quote: self.quote(),
        }
        .serialize(serializer)
    }
}

impl JsonSchema for Citation {
    fn schema_name() -> Cow<'static, str> {
        CitationFields::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        CitationFields::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        CitationFields::json_schema(generator)
    }
}

#[cfg(test)]
mod tests;
