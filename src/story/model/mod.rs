//! The file format: the story file's records, as serde and JSON Schema types, and
//! the values they are made of (dates, amounts, scales, vocabularies, closed values,
//! the author's notes). One source of truth for the loader, the schema (`storyscope
//! schema`) and the format documentation. A change to what a story file may say
//! belongs here; nothing here reads a resolved story.
//!
//! Ids are strings in the file; `graph` resolves them into arena indexes once.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use crate::story::model::not_null::present;
pub use crate::story::model::notes::{AuthorNote, AuthorNoteKind, DisputeKind};
use exact::exact_vec;
pub(crate) mod amount;
mod citation;
mod claim;
pub(crate) mod closed_values;
pub(crate) mod date;
mod entity_kind;
mod event;
mod exact;
mod metric;
mod not_null;
mod notes;
mod resolved;
pub(crate) mod scale;
mod status;
pub(crate) mod vocabularies;

pub use crate::story::model::vocabularies::{
    Basis, KnownBasis, KnownRelation, KnownSource, KnownStage, OtherKind, RelationKind, SourceKind,
    StageKind,
};
pub use citation::Citation;
pub use claim::{Sourcing, Status, Timing};
pub use date::{DatePoint, DateSpec, Precision, days_from_civil};
pub use entity_kind::EntityKind;
pub use event::{Event, EventText, TooLong};
pub use metric::{Bound, Direction, Metric};
pub use resolved::ResolvedCitation;
pub use status::{Resolution, StatusChange};

/// A reference to a record by its id, as the file writes it. Ids are short (`src-12`,
/// `ev-50000`): up to 15 bytes are kept inline in a 16-byte value, with no allocation of
/// their own, which at 100k events saves half a million allocations; a longer id has
/// one. Reads as a `&str`.
pub type Id = ecow::EcoString;

/// The `format` value this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

// Its lists are read at their exact length (`exact_vec`): a list of 100k events grown
// by doubling keeps room for 31k more. (Not a doc comment: that would change the schema.)
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
    /// The story's title and summary, and what it calls its candidacies.
    pub story: StoryMeta,
    /// Every article, report or statement a fact can cite.
    #[serde(deserialize_with = "exact_vec")]
    pub sources: Vec<Source>,
    /// Who and what the story is about, each cited.
    #[serde(deserialize_with = "exact_vec")]
    pub entities: Vec<Entity>,
    /// Typed links between two entities; empty when left out.
    #[serde(default, deserialize_with = "exact_vec")]
    pub relations: Vec<Relation>,
    /// Dated events in any order (the timeline sorts them by date); empty when left
    /// out.
    #[serde(default, deserialize_with = "exact_vec")]
    pub events: Vec<Event>,
    /// Parties one entity weighed for a role, each with a dated history of stages.
    #[serde(default, deserialize_with = "exact_vec")]
    pub candidates: Vec<Candidacy>,
    /// Cited metrics: numbers, ranges or words a source gives, with their bounds.
    #[serde(default, deserialize_with = "exact_vec")]
    pub metrics: Vec<Metric>,
    /// Points on which sources give different versions.
    #[serde(default, deserialize_with = "exact_vec")]
    pub disputes: Vec<Dispute>,
}

/// The story as a whole: its heading, and what it calls its candidacies.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StoryMeta {
    /// The story's headline, in the author's own words; not blank. It heads every
    /// export.
    pub title: String,
    /// A paragraph on what the story is about.
    pub summary: String,
    /// What the candidates pane and export call the candidacies ("Candidate
    /// partners", "Who will run the company"); "Candidates" when absent.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub candidates_title: Option<String>,
}

/// An article, report or statement.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique across the whole file, whatever the record kind; other records point at
    /// this one by it.
    #[schemars(with = "String")]
    pub id: Id,
    /// What sort of source: `article`, `report`, `statement`, `filing` or a kind of the
    /// story's own; only `article` changes the wording ("2 articles", not "2 sources").
    pub kind: SourceKind,
    /// Who published it; not blank.
    pub outlet: String,
    /// Its headline, or a description when the headline is unknown; not blank.
    pub title: String,
    /// Publication date; absent when unknown.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DateSpec")]
    pub published: Option<DateSpec>,
    /// Where to read it.
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
    /// What in this record the author added rather than a source said: inferences and
    /// outside knowledge, each with its field and reason.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[schemars(with = "Vec<AuthorNote>")]
    pub authored: ThinVec<AuthorNote>,
}

/// A company, model, product, person, organisation, regulator or market.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Unique across the whole file, whatever the record kind; other records point at
    /// this one by it.
    #[schemars(with = "String")]
    pub id: Id,
    /// What it is: company, AI model, product, person, organisation, regulator or
    /// market.
    pub kind: EntityKind,
    /// The name shown everywhere; not blank.
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
    #[serde(deserialize_with = "exact_vec")]
    pub cite: Vec<Citation>,
    /// What in this record the author added rather than a source said: inferences and
    /// outside knowledge, each with its field and reason.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[schemars(with = "Vec<AuthorNote>")]
    pub authored: ThinVec<AuthorNote>,
}

/// A typed link between two entities.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Unique across the whole file, whatever the record kind; other records point at
    /// this one by it.
    #[schemars(with = "String")]
    pub id: Id,
    /// The kind of link, read from `from` to `to`: `develops`, `member_of` …
    pub kind: RelationKind,
    /// Entity id of the end the kind reads from (Alibaba in "Alibaba develops Qwen").
    #[schemars(with = "String")]
    pub from: Id,
    /// Entity id of the other end.
    #[schemars(with = "String")]
    pub to: Id,
    /// Details in a sentence.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub summary: Option<String>,
    /// When the link began or was observed.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DateSpec")]
    pub date: Option<DateSpec>,
    /// How well sourced, and when; shown only when given.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Status")]
    pub status: Option<Status>,
    /// Where the sources state the link; at least one.
    #[serde(deserialize_with = "exact_vec")]
    pub cite: Vec<Citation>,
    /// What in this record the author added rather than a source said: inferences and
    /// outside knowledge, each with its field and reason.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[schemars(with = "Vec<AuthorNote>")]
    pub authored: ThinVec<AuthorNote>,
}

/// One step in a candidacy, with the reason the sources give.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// The step: `considered`, `evaluated`, `selected`, `dropped`, `rejected` or a
    /// kind of the story's own (`declined`).
    pub stage: StageKind,
    /// When, if the sources say.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "DateSpec")]
    pub date: Option<DateSpec>,
    /// The reason the sources give for this step.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub reason: Option<String>,
    /// The sources that report this step; at least one.
    #[serde(deserialize_with = "exact_vec")]
    pub cite: Vec<Citation>,
    /// What in this record the author added rather than a source said: inferences and
    /// outside knowledge, each with its field and reason.
    #[serde(default, skip_serializing_if = "ThinVec::is_empty")]
    #[schemars(with = "Vec<AuthorNote>")]
    pub authored: ThinVec<AuthorNote>,
}

/// A party that `seeker` weighed for `role`, and how that went.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Candidacy {
    /// Unique across the whole file, whatever the record kind; other records point at
    /// this one by it.
    #[schemars(with = "String")]
    pub id: Id,
    /// Entity id of the candidate.
    #[schemars(with = "String")]
    pub candidate: Id,
    /// Entity id of the party doing the choosing.
    #[schemars(with = "String")]
    pub seeker: Id,
    /// What the candidate was weighed for ("AI partner in China"); not blank.
    pub role: String,
    /// The history, in the order it happened; at least one. The last stage known is
    /// where the candidacy stands.
    pub stages: Vec<Stage>,
}

/// One source's version of a disputed point.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// This version of the point, in the author's words; not blank.
    pub claim: String,
    /// The sources that tell this version; at least one.
    #[serde(deserialize_with = "exact_vec")]
    pub cite: Vec<Citation>,
}

/// A point on which sources differ; every version is kept.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    /// Unique across the whole file, whatever the record kind; other records point at
    /// this one by it.
    #[schemars(with = "String")]
    pub id: Id,
    /// The question the sources differ on; not blank.
    pub point: String,
    /// Ids of the records (events, relations, candidacies, metrics, entities) the point
    /// is about; they show a "disputed" badge.
    pub about: Vec<String>,
    /// A disagreement between sources (the default), or one source contradicting itself.
    #[serde(default, skip_serializing_if = "DisputeKind::is_default")]
    pub kind: DisputeKind,
    /// The versions the sources tell, side by side; at least two.
    pub variants: Vec<Variant>,
    /// How a later source settled the point, if one did.
    #[serde(default, deserialize_with = "present")]
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Resolution")]
    pub resolution: Option<Resolution>,
}
