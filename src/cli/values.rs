//! The closed values the command line takes: config actions, lint levels, export views
//! and output formats.

use clap::{Subcommand, ValueEnum};

/// What `storyscope config` does.
#[derive(Debug, Clone, Copy, Subcommand)]
pub enum ConfigAction {
    /// Print where the config file is read from.
    Path,
    /// Print a complete config file with every default, commented.
    Default,
    /// Read the config file and report its problems (exit 2), or that it is fine.
    Check,
}

/// What `lint --deny` turns into a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    /// Any warning makes lint exit 1.
    Warnings,
}

/// The lint check names, each with what it looks for, for `--only` / `--skip` and help.
pub(super) fn check_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        crate::story::lint::CHECKS
            .iter()
            .map(|(name, about)| clap::builder::PossibleValue::new(*name).help(*about)),
    )
}

/// The views `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// Every event in date order, with its status and sourcing.
    Timeline,
    // `partners` was this view's name before stories could weigh candidates for any
    // role; scripts that use it keep working, and help lists only the new name.
    #[value(alias = "partners")]
    /// Each candidacy: who was weighed, for what, by whom, and where it stands.
    Candidates,
    /// The cited metrics, with their chart tables.
    Metrics,
    /// Where sources disagree, or one contradicts itself, version by version.
    Disputes,
    /// Every source: what it relies on and how many facts rest on it.
    Sources,
    /// One entity and everything linked to it (needs --id).
    Entity,
    /// One record of any kind, as the explorer's Detail pane shows it (needs --id).
    Record,
    /// Every view in one document.
    Report,
}

/// How `check` and `lint` print what they find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One line each, with path, id, line and column.
    Human,
    /// A JSON array in the shape of Ruff's `--output-format json`.
    Json,
}

/// How `diff` prints the changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Markdown, for people.
    Md,
    /// JSON, for scripts.
    Json,
}
