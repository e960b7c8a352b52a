//! The story domain: the file format, loading, the resolved graph, time, the views,
//! the reports and the lint checks. Nothing here touches a terminal.
//!
//! The groups form layers, each using only those listed before it:
//! `safe_text` and `problem` (shared by all), `model` (the file format), `graph` (the
//! resolved story), `load` (bytes → `Story`), `time` (as-of narrowing, diff), `query`
//! (the rows each view shows), `lint` (the checks), `report` (Markdown, JSON and
//! diagnostics). `search` (the name index) is being carved out into its own crate.

pub(crate) mod beside;
pub(crate) mod graph;
pub mod lint;
pub mod load;
pub mod model;
pub(crate) mod problem;
pub mod query;
pub mod report;
pub mod safe_text;
pub mod time;
pub(crate) mod u32_lists;

pub use graph::passage::SourceTexts;
pub use graph::provenance::FactRef;
pub use graph::{RecordRef, Story};
pub use problem::{LoadError, Location, Place, Problem};

/// The shipped story: two February 2025 articles on Apple choosing Alibaba.
pub const EMBEDDED_STORY: &str = include_str!("../../assets/story.json");

/// How the embedded story is named in messages and provenance lines.
pub(crate) const EMBEDDED_ORIGIN: &str = "embedded story";

/// Loads the shipped story.
pub fn embedded() -> Result<Story, LoadError> {
    load::load_bytes(EMBEDDED_STORY.as_bytes(), EMBEDDED_ORIGIN)
}
