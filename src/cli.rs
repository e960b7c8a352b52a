//! Command-line definitions (clap derive): global options and the subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Explore a news story as a graph of sourced facts.
///
/// With no command, opens the explorer on the story (the embedded Apple–Alibaba story
/// unless --story names another). Exit codes: 0 ok, 2 bad input, 1 other failure.
#[derive(Debug, Parser)]
#[command(name = "storyscope", version, about, long_about)]
pub struct Cli {
    /// Story file (JSON) to use instead of the embedded story.
    #[arg(long, global = true, value_name = "FILE")]
    pub story: Option<PathBuf>,

    /// Show the story as known on this date (YYYY-MM-DD, or coarser: YYYY-MM, YYYY …, read
    /// as its last day): only sources certainly published by then; undated ones left out.
    #[arg(long, global = true, value_name = "DATE")]
    pub as_of: Option<String>,

    /// Leave the mouse to the terminal (its own text selection keeps working).
    #[arg(long, global = true)]
    pub no_mouse: bool,

    /// Do not reload the story file when it changes on disk.
    #[arg(long, global = true)]
    pub no_watch: bool,

    /// Folder the explorer's `e` writes exports into.
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub export_dir: PathBuf,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the story; print counts, or every problem (exit 2).
    Check,
    /// Write a view as Markdown to stdout or a file.
    Export {
        #[arg(value_enum)]
        view: ViewArg,
        /// Entity id, for the `entity` view.
        #[arg(long, required_if_eq("view", "entity"))]
        id: Option<String>,
        /// Only rows involving this entity id.
        #[arg(long, value_name = "ENTITY_ID")]
        filter: Option<String>,
        /// Write here (atomically) instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Mark rows new or changed since this earlier date (before --as-of, if given).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
    },
    /// Fuzzy-search every named thing; every word of the query must match.
    Search {
        query: String,
        /// How many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Check a story for weak sourcing and loose ends (warnings exit 0, errors 2).
    ///
    /// Facts resting on the same chain of sources are one line; --verbose lists each.
    /// Exit codes: 0 with only warnings, 2 with errors, 1 with warnings under
    /// --deny warnings.
    Lint {
        /// Print JSON for tools.
        #[arg(long)]
        json: bool,
        /// List every finding, not one line per group.
        #[arg(long, short)]
        verbose: bool,
        /// Run only these checks (comma-separated).
        #[arg(long, value_name = "CHECK,…", value_delimiter = ',', value_parser = check_names())]
        only: Vec<String>,
        /// Leave these checks out (comma-separated; the names listed under --only).
        #[arg(long, value_name = "CHECK,…", value_delimiter = ',', value_parser = check_names(), hide_possible_values = true)]
        skip: Vec<String>,
        /// `warnings`: fail (exit 1) when there are warnings, as clippy does.
        #[arg(long, value_enum, value_name = "LEVEL")]
        deny: Option<DenyLevel>,
    },
    /// Write a starter story to FILE (`-` prints it): one record of every kind.
    ///
    /// Refuses to replace an existing file (exit 2). The story's `$schema` names
    /// storyscope.schema.json beside it, which `new` writes there too unless a file of
    /// that name exists (or --no-schema).
    New {
        /// Where to write the story; `-` for stdout.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Do not write storyscope.schema.json beside the story.
        #[arg(long)]
        no_schema: bool,
    },
    /// What became known between two dates: new sources, facts, statuses, stages,
    /// metrics, disputes and expectations that fell due.
    Diff {
        /// The earlier date (YYYY-MM-DD, or coarser, read as its last day).
        #[arg(long, value_name = "DATE")]
        from: String,
        /// The later date; leave it out to compare with every source, undated ones
        /// included.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Markdown for people, JSON for scripts.
        #[arg(long, value_enum, default_value_t = DiffFormat::Md)]
        format: DiffFormat,
    },
    /// Print the story format's JSON Schema.
    Schema,
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// What `lint --deny` turns into a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    /// Any warning makes lint exit 1.
    Warnings,
}

/// The lint check names, each with what it looks for, for `--only` / `--skip` and help.
fn check_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        crate::story::lint::CHECKS
            .iter()
            .map(|(name, about)| clap::builder::PossibleValue::new(*name).help(*about)),
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    Timeline,
    // `partners` was this view's name before stories could weigh candidates for any
    // role; scripts that use it keep working, and help lists only the new name.
    #[value(alias = "partners")]
    Candidates,
    Metrics,
    Disputes,
    Sources,
    Entity,
    Report,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Md,
    Json,
}
