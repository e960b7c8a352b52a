//! The story domain: records, dates, loading, the graph, views, search and export.
//! Nothing here touches a terminal.

pub mod amount;
pub mod asof;
pub mod authored;
pub mod candidacy;
mod closed_values;
pub mod consistency;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod diff_report;
pub mod document;
pub mod export;
mod file_paths;
mod first_known;
pub(crate) mod graph;
pub(crate) mod json_spans;
pub mod lint;
pub mod lint_report;
pub mod load;
pub mod markdown;
pub mod model;
mod model_notes;
pub(crate) mod narrowing;
mod not_null;
pub mod origin;
mod partial_check;
pub mod passage;
pub mod place;
pub mod problem;
pub(crate) mod provenance;
pub mod scale;
// The search slice is rewriting these files; its merge brings them to pub(crate).
#[allow(unreachable_pub)]
pub mod search;
pub(crate) mod serde_messages;
mod source_names;
pub mod sources_view;
pub mod status_history;
pub mod text;
pub mod views;
pub mod vocab;

pub use graph::{RecordRef, Story};
pub use problem::{LoadError, Location, Problem};
pub use provenance::FactRef;

/// The shipped story: two February 2025 articles on Apple choosing Alibaba.
pub const EMBEDDED_STORY: &str = include_str!("../../assets/story.json");

/// How the embedded story is named in messages and provenance lines.
pub(crate) const EMBEDDED_ORIGIN: &str = "embedded story";

/// Loads the shipped story.
pub fn embedded() -> Result<Story, LoadError> {
    load::load_bytes(EMBEDDED_STORY.as_bytes(), EMBEDDED_ORIGIN)
}
