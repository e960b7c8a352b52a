//! Open vocabularies: relation kinds, source kinds, candidacy stages and metric bases.
//!
//! Each has a few kinds the program knows (with a hand-written label, and for
//! relations an inverse) and accepts any other lowercase snake_case kind a story needs
//! (`member_of`, `declined`, `close_to_close`, `blog`), shown humanised ("member of").
//! In the file each is a plain string; matching code sees `Known(…)` or `Other(…)`.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Longest kind accepted: a kind is a word or three, not a sentence.
const LONGEST_KIND: usize = 64;

/// A kind the program does not know, as written and as shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OtherKind {
    key: Box<str>,
    label: Box<str>,
}

impl OtherKind {
    /// The kind as written in the file: `member_of`.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The kind as a reader sees it: "member of".
    pub fn label(&self) -> &str {
        &self.label
    }
}

/// Checks the spelling of a kind the program does not know; the error says why.
fn other_kind(text: &str) -> Result<OtherKind, String> {
    let well_formed = !text.is_empty()
        && text.len() <= LONGEST_KIND
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && !text.ends_with('_')
        && !text.contains("__")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !well_formed {
        let suggestion = snake_case(text);
        let hint = if suggestion.is_empty() || suggestion == text {
            String::new()
        } else {
            format!("; write `{suggestion}`")
        };
        return Err(format!(
            "`{}` is not a kind: a kind is lowercase words joined by `_`, like `member_of`, at most {LONGEST_KIND} characters{hint}",
            crate::story::safe_text::escape_controls(
                &text.chars().take(LONGEST_KIND).collect::<String>()
            )
        ));
    }
    Ok(OtherKind {
        key: text.into(),
        label: text.replace('_', " ").into(),
    })
}

/// "Member Of" → "member_of": what a near-miss spelling most likely meant.
fn snake_case(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, ' ' | '-' | '_' | '.') && !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let trimmed = out.trim_end_matches('_').to_owned();
    if trimmed.len() > LONGEST_KIND || !trimmed.starts_with(|c: char| c.is_ascii_lowercase()) {
        return String::new();
    }
    trimmed
}

/// The known keys of a vocabulary one edit away from `key`, for lint.
pub(crate) fn one_edit_from<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .copied()
        .find(|candidate| strsim::levenshtein(key, candidate) == 1)
}

/// Declares one open vocabulary: the enum of known kinds and the open type around it.
macro_rules! open_vocabulary {
    (
        $(#[$doc:meta])*
        $open:ident, $known:ident, $what:literal, $description:literal {
            $($(#[$vdoc:meta])* $variant:ident => $key:literal, $label:literal;)*
        }
    ) => {
        /// The kinds the program knows, with their labels.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $known {
            $($(#[$vdoc])* $variant,)*
        }

        impl $known {
            /// Every known kind as written in a file.
            pub const KEYS: &'static [&'static str] = &[$($key,)*];

            /// As written in the file.
            pub fn key(self) -> &'static str {
                match self {
                    $($known::$variant => $key,)*
                }
            }

            /// As a reader sees it.
            pub fn label(self) -> &'static str {
                match self {
                    $($known::$variant => $label,)*
                }
            }

            fn from_key(key: &str) -> Option<$known> {
                match key {
                    $($key => Some($known::$variant),)*
                    _ => None,
                }
            }
        }

        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $open {
            /// A kind the program knows, with its own label.
            Known($known),
            /// Any other well-formed kind, shown with spaces for `_`.
            Other(OtherKind),
        }

        impl $open {
            /// What this vocabulary is called in messages.
            pub const WHAT: &'static str = $what;

            /// Reads a kind as written in a story file.
            pub fn parse(text: &str) -> Result<$open, String> {
                match $known::from_key(text) {
                    Some(known) => Ok($open::Known(known)),
                    None => other_kind(text).map($open::Other),
                }
            }

            /// As written in the file.
            pub fn key(&self) -> &str {
                match self {
                    $open::Known(known) => known.key(),
                    $open::Other(other) => other.key(),
                }
            }

            /// As a reader sees it: the known label, or the kind with spaces for `_`.
            pub fn label(&self) -> &str {
                match self {
                    $open::Known(known) => known.label(),
                    $open::Other(other) => other.label(),
                }
            }

            /// The known kind, or None for a kind of the story's own.
            pub fn known(&self) -> Option<$known> {
                match self {
                    $open::Known(known) => Some(*known),
                    $open::Other(_) => None,
                }
            }

            /// A kind the program does not know that is one edit from one it does
            /// (`partner_with` for `partners_with`): most likely a typo.
            pub fn near_miss(&self) -> Option<&'static str> {
                match self {
                    $open::Known(_) => None,
                    $open::Other(other) => one_edit_from(other.key(), $known::KEYS),
                }
            }
        }

        impl From<$known> for $open {
            fn from(known: $known) -> $open {
                $open::Known(known)
            }
        }

        impl Serialize for $open {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }

        impl<'de> Deserialize<'de> for $open {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text: Cow<'de, str> = Deserialize::deserialize(deserializer)?;
                $open::parse(&text).map_err(serde::de::Error::custom)
            }
        }

        impl JsonSchema for $open {
            fn schema_name() -> Cow<'static, str> {
                stringify!($open).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let known: Vec<&str> = $known::KEYS.to_vec();
                json_schema!({
                    "type": "string",
                    "description": format!(
                        "{} An open vocabulary: the known kinds ({}) have their own labels; any other lowercase snake_case kind is accepted and shown with spaces.",
                        $description,
                        known.join(", ")
                    ),
                    "pattern": "^[a-z][a-z0-9]*(_[a-z0-9]+)*$",
                    "maxLength": LONGEST_KIND,
                    "examples": known
                })
            }
        }
    };
}

open_vocabulary! {
    /// How two entities are linked: `develops`, `member_of`, …
    RelationKind, KnownRelation, "relation kind",
    "How the `from` entity relates to the `to` entity." {
        /// `from` builds `to` (a company and its model).
        Develops => "develops", "develops";
        /// Each works with the other; reads the same from both ends.
        PartnersWith => "partners_with", "partners with";
        /// Each is a rival of the other; reads the same from both ends.
        CompetesWith => "competes_with", "competes with";
        /// `from` owns `to`.
        Owns => "owns", "owns";
        /// `from` is assessing `to`, as a possible partner, supplier or purchase.
        Evaluates => "evaluates", "evaluates";
        /// `from` has authority over `to`.
        Regulates => "regulates", "regulates";
        /// `to` examines `from`: an approval, an audit, a review.
        ReviewedBy => "reviewed_by", "is reviewed by";
        /// `from` is built on `to` (a product on a model).
        BasedOn => "based_on", "is based on";
        /// A claim that `from` does better than `to`, so it reads "is claimed to".
        Outperforms => "outperforms", "is claimed to outperform";
        /// `from` sells or hands out `to`.
        Distributes => "distributes", "distributes";
        /// `from` leads or operates `to`.
        Runs => "runs", "runs";
        /// `from` covers `to` as news.
        Reports => "reports", "reports on";
    }
}

impl KnownRelation {
    /// How the relation reads from its `to` side.
    pub fn inverse_label(self) -> &'static str {
        match self {
            KnownRelation::Develops => "is developed by",
            KnownRelation::PartnersWith => "partners with",
            KnownRelation::CompetesWith => "competes with",
            KnownRelation::Owns => "is owned by",
            KnownRelation::Evaluates => "is evaluated by",
            KnownRelation::Regulates => "is regulated by",
            KnownRelation::ReviewedBy => "reviews",
            KnownRelation::BasedOn => "is the basis of",
            KnownRelation::Outperforms => "is claimed to be outperformed by",
            KnownRelation::Distributes => "is distributed by",
            KnownRelation::Runs => "is run by",
            KnownRelation::Reports => "is reported on by",
        }
    }
}

impl RelationKind {
    /// How the relation reads from its `to` side; only known kinds have one (the
    /// program cannot guess that "member of" turns into "has as member").
    pub fn inverse_label(&self) -> Option<&'static str> {
        self.known().map(KnownRelation::inverse_label)
    }
}

open_vocabulary! {
    /// What a source is: `article`, `blog`, …
    SourceKind, KnownSource, "source kind",
    "What kind of source this is." {
        /// A news article; the only kind that changes the wording ("2 articles").
        Article => "article", "article";
        /// A report: a wire story, a research note, a data firm's tally.
        Report => "report", "report";
        /// What a party says for itself: a press release, a post.
        Statement => "statement", "statement";
        /// A document lodged with a regulator or exchange.
        Filing => "filing", "filing";
    }
}

open_vocabulary! {
    /// A step in a candidacy: `considered`, `declined`, …
    StageKind, KnownStage, "stage",
    "A step in a candidacy." {
        /// Named as a possibility.
        Considered => "considered", "considered";
        /// Assessed in earnest: tested, talked to.
        Evaluated => "evaluated", "evaluated";
        /// Chosen for the role.
        Selected => "selected", "selected";
        /// Out of the running after being weighed or even chosen.
        Dropped => "dropped", "dropped";
        /// Weighed and judged unfit for the role.
        Rejected => "rejected", "rejected";
    }
}

open_vocabulary! {
    /// What a metric is measured against: `year_on_year`, `close_to_close`, …
    Basis, KnownBasis, "basis",
    "What the metric is measured against." {
        /// A level or count at a point in time.
        Level => "level", "level";
        /// A total over the period.
        Cumulative => "cumulative", "cumulative";
        /// Change against the same period a year earlier.
        YearOnYear => "year_on_year", "year on year";
        /// Change within one trading day.
        Intraday => "intraday", "intraday";
        /// Change over the stated period.
        OverPeriod => "over_period", "over the period";
        /// A share of a whole.
        Share => "share", "share";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_kinds_keep_their_labels() {
        let kind = RelationKind::parse("reviewed_by").unwrap();
        assert_eq!(kind, RelationKind::Known(KnownRelation::ReviewedBy));
        assert_eq!(kind.label(), "is reviewed by");
        assert_eq!(kind.inverse_label(), Some("reviews"));
        assert_eq!(
            Basis::parse("year_on_year").unwrap().label(),
            "year on year"
        );
    }

    #[test]
    fn other_kinds_are_humanised_and_written_back_as_given() {
        let kind = RelationKind::parse("member_of").unwrap();
        assert_eq!(kind.label(), "member of");
        assert_eq!(kind.key(), "member_of");
        assert_eq!(kind.inverse_label(), None);
        assert_eq!(serde_json::to_string(&kind).unwrap(), "\"member_of\"");
        let stage: StageKind = serde_json::from_str("\"declined\"").unwrap();
        assert_eq!(stage.label(), "declined");
        assert_eq!(
            Basis::parse("close_to_close").unwrap().label(),
            "close to close"
        );
        assert_eq!(SourceKind::parse("blog2").unwrap().label(), "blog2");
    }

    #[test]
    fn badly_spelt_kinds_are_refused_with_the_fix() {
        let err = RelationKind::parse("Member Of").unwrap_err();
        assert!(err.contains("write `member_of`"), "{err}");
        for bad in ["", "_x", "x_", "a__b", "9lives", "works-for", "é"] {
            assert!(StageKind::parse(bad).is_err(), "{bad}");
        }
        assert!(RelationKind::parse(&"a".repeat(65)).is_err());
    }

    #[test]
    fn a_near_miss_is_one_edit_from_a_known_kind() {
        let kind = RelationKind::parse("partner_with").unwrap();
        assert_eq!(kind.near_miss(), Some("partners_with"));
        assert_eq!(RelationKind::parse("member_of").unwrap().near_miss(), None);
        assert_eq!(
            StageKind::parse("selcted").unwrap().near_miss(),
            Some("selected")
        );
        assert_eq!(StageKind::parse("selected").unwrap().near_miss(), None);
    }
}
