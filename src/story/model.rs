//! The story file's records, as serde and JSON Schema types: one source of truth for
//! the loader, the schema (`storyscope schema`) and the format documentation.
//!
//! Ids are strings in the file; `graph` resolves them into arena indexes once.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::DateSpec;
pub use super::model_notes::{AuthorNote, AuthorNoteKind, DisputeKind};
use super::not_null::present;
pub use super::status_history::{Resolution, StatusChange};
pub use super::vocab::{
    Basis, KnownBasis, KnownRelation, KnownSource, KnownStage, OtherKind, RelationKind, SourceKind,
    StageKind,
};

/// The `format` value this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole story file.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StoryFile {
    /// The JSON Schema editors validate this file against (`storyscope new` writes
    /// `storyscope.schema.json` beside the story); storyscope itself ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; must be 1.
    pub format: u32,
    pub story: StoryMeta,
    /// Every article, report or statement a fact can cite.
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// Parties one entity weighed for a role, each with a dated history of stages.
    #[serde(default)]
    pub candidates: Vec<Candidacy>,
    /// Cited metrics: numbers, ranges or words a source gives, with their bounds.
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// Points on which sources give different versions.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StoryMeta {
    pub title: String,
    pub summary: String,
    /// What the candidates pane and export call the candidacies ("Candidate
    /// partners", "Who will run the company"); "Candidates" when absent.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub candidates_title: Option<String>,
}

/// Where a fact comes from: a source id plus where in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Id of a record in `sources`.
    pub source: String,
    /// Paragraph number in the source, counting from 1 (the headline is not counted).
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "u32")]
    pub para: Option<u32>,
    /// A short paraphrase of what the source says here, in the story author's words.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub note: Option<String>,
    /// Where this statement comes from, when not from the cited source's own `via`:
    /// the id of the source it rests on (a data firm, a company's results …), or the
    /// cited source's own id for its own reporting. See `origin.rs`.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub via: Option<String>,
    /// A few words of the cited paragraph, checked against the source's `text` file.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub quote: Option<String>,
}

/// An article, report or statement.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    pub outlet: String,
    pub title: String,
    /// Publication date; absent when unknown.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DateSpec")]
    pub published: Option<DateSpec>,
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub url: Option<String>,
    /// Id of the upstream source this one relies on for its facts.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub via: Option<String>,
    /// Anything a reader should know about the source itself.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub note: Option<String>,
    /// The source's text in a local file, relative to the story file (see `passage.rs`).
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authored: Vec<AuthorNote>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Company,
    AiModel,
    Product,
    Person,
    Organisation,
    Regulator,
    Market,
}

impl EntityKind {
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Company,
        EntityKind::AiModel,
        EntityKind::Product,
        EntityKind::Person,
        EntityKind::Organisation,
        EntityKind::Regulator,
        EntityKind::Market,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Company => "company",
            EntityKind::AiModel => "AI model",
            EntityKind::Product => "product",
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Regulator => "regulator",
            EntityKind::Market => "market",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Company => "companies",
            EntityKind::AiModel => "AI models",
            EntityKind::Product => "products",
            EntityKind::Person => "people",
            EntityKind::Organisation => "organisations",
            EntityKind::Regulator => "regulators",
            EntityKind::Market => "markets",
        }
    }
}

/// A company, model, product, person, organisation, regulator or market.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// Other names it goes by; search finds the entity by these too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// One line on what it is, as the sources describe it.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub summary: Option<String>,
    /// Where the sources name or describe it.
    pub cite: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authored: Vec<AuthorNote>,
}

/// How well a claim is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sourcing {
    Rumoured,
    Reported,
    Announced,
    Confirmed,
    Denied,
    Disputed,
}

impl Sourcing {
    pub fn label(self) -> &'static str {
        match self {
            Sourcing::Rumoured => "rumoured",
            Sourcing::Reported => "reported",
            Sourcing::Announced => "announced",
            Sourcing::Confirmed => "confirmed",
            Sourcing::Denied => "denied",
            Sourcing::Disputed => "disputed",
        }
    }
}

/// Where a claim sits in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    Happened,
    Ongoing,
    Expected,
    /// Expected only if a condition holds (see `condition`).
    Conditional,
    Cancelled,
}

impl Timing {
    pub fn label(self) -> &'static str {
        match self {
            Timing::Happened => "happened",
            Timing::Ongoing => "ongoing",
            Timing::Expected => "expected",
            Timing::Conditional => "expected",
            Timing::Cancelled => "cancelled",
        }
    }

    /// True for claims about the future, which can become overdue.
    pub fn is_expectation(self) -> bool {
        matches!(self, Timing::Expected | Timing::Conditional)
    }
}

/// Claim status on its two axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub sourcing: Sourcing,
    pub timing: Timing,
}

/// A typed link between two entities.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub id: String,
    pub kind: RelationKind,
    pub from: String,
    pub to: String,
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub summary: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DateSpec")]
    pub date: Option<DateSpec>,
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Status")]
    pub status: Option<Status>,
    pub cite: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authored: Vec<AuthorNote>,
}

/// Something that happened, is happening, or is expected.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub title: String,
    /// When it happened (or is expected), not when it was reported.
    pub date: DateSpec,
    pub summary: String,
    /// Ids of the entities involved, most central first.
    pub entities: Vec<String>,
    /// The status as first reported, resting on `cite`; later changes go in
    /// `status_changes`.
    pub status: Status,
    /// What a conditional event waits on ("if regulators approve").
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub condition: Option<String>,
    pub cite: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authored: Vec<AuthorNote>,
    /// Later statuses, oldest first, each cited: the last one known is where it stands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_changes: Vec<StatusChange>,
}

/// One step in a candidacy, with the reason the sources give.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub stage: StageKind,
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DateSpec")]
    pub date: Option<DateSpec>,
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub reason: Option<String>,
    pub cite: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authored: Vec<AuthorNote>,
}

/// A party that `seeker` weighed for `role`, and how that went.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Candidacy {
    pub id: String,
    /// Entity id of the candidate.
    pub candidate: String,
    /// Entity id of the party doing the choosing.
    pub seeker: String,
    pub role: String,
    /// In the order they happened.
    pub stages: Vec<Stage>,
}

/// How a metric relates to its stated value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    #[default]
    Exact,
    About,
    Over,
    Exceeding,
    AtLeast,
    UpTo,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// A cited metric. The value is never shown without its bound.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: String,
    /// Entity id the metric is about.
    pub subject: String,
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
    #[schemars(with = "super::amount::Scale")]
    pub scale: Option<super::amount::Scale>,
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
    pub cite: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authored: Vec<AuthorNote>,
}

/// One source's version of a disputed point.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub claim: String,
    pub cite: Vec<Citation>,
}

/// A point on which sources differ; every version is kept.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    pub id: String,
    pub point: String,
    /// Ids of the records (events, relations, candidacies, metrics, entities) the point
    /// is about; they show a "disputed" badge.
    pub about: Vec<String>,
    /// A disagreement between sources (the default), or one source contradicting itself.
    #[serde(default, skip_serializing_if = "DisputeKind::is_default")]
    pub kind: DisputeKind,
    /// At least two.
    pub variants: Vec<Variant>,
    /// How a later source settled the point, if one did.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Resolution")]
    pub resolution: Option<Resolution>,
}
