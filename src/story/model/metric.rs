//! A cited metric and the words that qualify its value: bound, basis, direction.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use crate::story::model::exact::exact_vec;

use crate::story::model::date::DateSpec;
use crate::story::model::not_null::present;
use crate::story::model::{AuthorNote, Basis, Citation, Id};

/// How a metric relates to its stated value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The value as stated; the default.
    #[default]
    Exact,
    /// Approximately.
    About,
    /// Strictly more.
    Over,
    /// Strictly more, for a source that says "exceeding".
    Exceeding,
    /// The value or more.
    AtLeast,
    /// At most, e.g. an intraday peak.
    UpTo,
    /// Strictly less.
    Under,
}

impl Bound {
    /// Word placed before the value ("over 300,000"); empty for exact metrics.
    pub fn prefix(self) -> &'static str {
        match self {
            Bound::Exact => "",
            Bound::About => "about",
            Bound::Over => "over",
            Bound::Exceeding => "exceeding",
            Bound::AtLeast => "at least",
            Bound::UpTo => "up to",
            Bound::Under => "under",
        }
    }
}

/// Which way a change went; the change's value is then written without a sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A rise, shown with "+".
    Up,
    /// A fall, shown with "−".
    Down,
}

/// A cited metric. The value is never shown without its bound.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Unique across the whole file, whatever the record kind; other records point at
    /// this one by it.
    #[schemars(with = "String")]
    pub id: Id,
    /// Entity id the metric is about.
    #[schemars(with = "String")]
    pub subject: Id,
    /// What is measured ("Businesses using Qwen"); not blank.
    pub label: String,
    /// The number as stated. Exactly one of `value`, `range` and `qualitative`.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "f64")]
    pub value: Option<f64>,
    /// A range as stated, low then high: `[2, 3]` for "2–3 billion".
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "[f64; 2]")]
    pub range: Option<[f64; 2]>,
    /// Words standing where no number exists ("nearly all"): shown and cited, never
    /// charted.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub qualitative: Option<String>,
    /// "%", "enterprises", "downloads" …
    pub unit: String,
    /// ISO 4217 code of a money amount: "USD", "CNY", "EUR" …
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    #[schemars(regex(pattern = r"^[A-Z]{3}$"))]
    pub currency: Option<String>,
    /// The scale word the value is stated in: 13 with `billion` is 13 billion.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "crate::story::model::scale::Scale")]
    pub scale: Option<crate::story::model::scale::Scale>,
    /// Exact when absent.
    #[serde(default)]
    pub bound: Bound,
    /// For changes: which way.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Direction")]
    pub direction: Option<Direction>,
    /// The period or date the metric covers.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DateSpec")]
    pub period: Option<DateSpec>,
    /// Period in words where no date expresses it ("the past year").
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub period_note: Option<String>,
    /// What the value is measured against: `level`, `year_on_year`, `intraday` … or a
    /// basis of the story's own.
    pub basis: Basis,
    /// Entity id of whoever stated the metric.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub stated_by: Option<String>,
    /// Metrics sharing a group compare with each other and are charted together.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub group: Option<String>,
    /// Where the sources give the metric; at least one.
    #[serde(deserialize_with = "exact_vec")]
    pub cite: Vec<Citation>,
    /// What in this record the author added rather than a source said: inferences and
    /// outside knowledge, each with its field and reason.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[schemars(with = "Vec<AuthorNote>")]
    pub authored: ThinVec<AuthorNote>,
}
