//! Format types added for fact-checking, kept apart from `model.rs`: the author's own
//! notes on a record, and the kind of a dispute. `model` re-exports them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Whether a dispute sets sources against each other or one source against itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisputeKind {
    /// Two or more sources tell different versions.
    #[default]
    Disagreement,
    /// One source tells two versions (a headline against its own body, say).
    Inconsistency,
}

impl DisputeKind {
    pub(crate) fn is_default(&self) -> bool {
        *self == DisputeKind::Disagreement
    }
}

/// The story author's own contribution to a record: something no source says, marked
/// so it is never shown as if a source had said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthorNote {
    /// The field it concerns (`date`, `aliases[1]`, `cite[0].via` …); the whole record
    /// when left out.
    #[serde(default, deserialize_with = "crate::story::model::not_null::present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub field: Option<String>,
    /// Whether the author worked it out from the sources or knows it from outside them.
    pub kind: AuthorNoteKind,
    /// Why, in a few words: "dated from the publication day", "common ticker".
    pub reason: String,
}

/// Where something the author added comes from, since no source says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthorNoteKind {
    /// Worked out by the author from what the sources say.
    Inference,
    /// Known to the author from outside the sources.
    Outside,
}
