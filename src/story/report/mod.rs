//! What the program writes for people and scripts: Markdown building blocks, one
//! record as a document, the view exports, the diff and lint reports, and loader
//! problems and lint findings as diagnostics. Reports read the graph, the views and
//! the time layer; nothing below reads a report.

pub mod diagnostic;
pub mod diff_report;
pub mod document;
pub mod export;
pub mod lint_report;
pub mod markdown;
