//! What kind of thing an entity is (company, model, person …): a closed list of the
//! file format, counted by `check` and named in the views.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What an entity is. A closed list: `check` counts a story's entities by kind.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A business, listed or not.
    Company,
    /// An AI model or a family of them (Qwen 2.5); shown as "AI model".
    AiModel,
    /// Something made and shipped: a phone, an operating system, an app.
    Product,
    /// One person; counted as "people".
    Person,
    /// A body that is not a company: a board, an agency, a university.
    Organisation,
    /// An authority whose approval or oversight the story turns on.
    Regulator,
    /// A market or region the story concerns (smartphones in China).
    Market,
}

impl EntityKind {
    /// Every kind, in the order `check` counts them.
    pub(crate) const ALL: [EntityKind; 7] = [
        EntityKind::Company,
        EntityKind::AiModel,
        EntityKind::Product,
        EntityKind::Person,
        EntityKind::Organisation,
        EntityKind::Regulator,
        EntityKind::Market,
    ];

    /// The kind as a reader sees it: "AI model", "person".
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

    /// The kind in counts of more than one: "AI models", "people".
    pub(crate) fn plural(self) -> &'static str {
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
