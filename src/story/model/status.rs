//! The file format's records of statuses that change: an event's later statuses and a
//! dispute's settlement (`story::status_history` reads them).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::story::model::exact::exact_vec;

use crate::story::model::date::DateSpec;
use crate::story::model::not_null::present;
use crate::story::model::{Citation, Status};

/// A later status of an event, as the cited sources report it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// The new status.
    pub status: Status,
    /// When the change happened, if the sources say (not when it was reported).
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DateSpec")]
    pub date: Option<DateSpec>,
    /// Why the status changed, as the sources tell it.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub reason: Option<String>,
    /// The sources that report the change; at least one. The change is left out of
    /// the story as of a date until one of them counts.
    #[serde(deserialize_with = "exact_vec")]
    pub cite: Vec<Citation>,
}

/// How a later source settled a disputed point.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// What settled it, in the story author's words.
    pub summary: String,
    /// When it was settled, if the sources say.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DateSpec")]
    pub date: Option<DateSpec>,
    /// The sources that settle the point; at least one. The dispute shows as settled
    /// only once one of them counts.
    #[serde(deserialize_with = "exact_vec")]
    pub cite: Vec<Citation>,
}
