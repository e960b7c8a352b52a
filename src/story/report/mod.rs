//! What the program writes for people and scripts: Markdown building blocks, one
//! record as a document, the view exports, the diff and lint reports, and loader
//! problems and lint findings as diagnostics. Reports read the graph, the views and
//! the time layer; nothing below reads a report.

pub(crate) mod diagnostic;
pub(crate) mod diff_report;
pub mod document;
pub(crate) mod export;
pub(crate) mod lint_report;
pub(crate) mod markdown;

pub use diagnostic::problem_code;
pub use export::{ExportOptions, ExportView, export_markdown, write_markdown};
pub use markdown::escape;
