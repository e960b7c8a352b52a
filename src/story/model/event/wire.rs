//! An event as the file writes it: what serde reads (its words borrowed from the file's
//! text where they need no unescaping) and the schema describes, and the borrowed view
//! that writes it back in the same field order.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use thin_vec::ThinVec;

use crate::story::model::exact::exact_boxed;
use crate::story::model::not_null::present;
use crate::story::model::{AuthorNote, Citation, DateSpec, Id, Status, StatusChange};

/// A string field's words, borrowed from the text being parsed when they can be.
#[derive(Deserialize)]
#[serde(transparent)]
pub(super) struct Words<'a>(#[serde(borrow)] pub(super) Cow<'a, str>);

// The doc comments below are the schema's descriptions (`storyscope schema`), and
// `skip_serializing_if` tells the schema that a field has no default to show.
#[derive(Deserialize, JsonSchema)]
#[serde(rename = "Event", deny_unknown_fields)]
#[schemars(rename = "Event")]
/// Something that happened, is happening, or is expected.
pub(super) struct EventFields<'a> {
    /// Unique across the whole file, whatever the record kind; other records point at
    /// this one by it.
    #[schemars(with = "String")]
    pub(super) id: Id,
    /// A short headline; not blank.
    #[serde(borrow)]
    #[schemars(with = "String")]
    pub(super) title: Cow<'a, str>,
    /// When it happened (or is expected), not when it was reported.
    pub(super) date: DateSpec,
    /// What happened, in a sentence or two.
    #[serde(borrow)]
    #[schemars(with = "String")]
    pub(super) summary: Cow<'a, str>,
    /// Ids of the entities involved, most central first.
    #[serde(deserialize_with = "exact_boxed")]
    #[schemars(with = "Vec<String>")]
    pub(super) entities: Box<[Id]>,
    /// The status as first reported, resting on `cite`; later changes go in
    /// `status_changes`.
    pub(super) status: Status,
    /// What a conditional event waits on ("if regulators approve").
    #[serde(default, deserialize_with = "present", borrow)]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub(super) condition: Option<Words<'a>>,
    /// The sources the event and its first `status` rest on; at least one.
    #[serde(deserialize_with = "exact_boxed")]
    #[schemars(with = "Vec<Citation>")]
    pub(super) cite: Box<[Citation]>,
    /// What in this record the author added rather than a source said: inferences and
    /// outside knowledge, each with its field and reason.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[schemars(with = "Vec<AuthorNote>")]
    pub(super) authored: ThinVec<AuthorNote>,
    /// Later statuses, oldest first, each cited: the last one known is where it stands.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[schemars(with = "Vec<StatusChange>")]
    pub(super) status_changes: ThinVec<StatusChange>,
}

/// An event as written back: the file's fields, borrowed, in the file's order.
#[derive(Serialize)]
#[serde(rename = "Event")]
pub(super) struct EventView<'a> {
    pub(super) id: &'a str,
    pub(super) title: &'a str,
    pub(super) date: &'a DateSpec,
    pub(super) summary: &'a str,
    pub(super) entities: &'a [Id],
    pub(super) status: &'a Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) condition: Option<&'a str>,
    pub(super) cite: &'a [Citation],
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub(super) authored: &'a ThinVec<AuthorNote>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub(super) status_changes: &'a ThinVec<StatusChange>,
}
