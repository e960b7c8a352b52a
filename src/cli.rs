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
    ///
    /// A word matches when its letters appear in a name in order ("nadela" finds
    /// Nadella), or when it is within a few typos of a word of the name: a wrong, extra,
    /// missing or swapped letter, one from 5 letters and two from 9 ("tencnet" finds
    /// Tencent). An entity whose own name or alias the query is comes first; then the
    /// best scores, an in-order match before a typo match of equal score. Typo matches
    /// are marked "(typo)", and `"match": "typo"` in --json. Chinese, Japanese and
    /// Korean words match in order only, never by typo.
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
    Lint {
        /// Print JSON for tools.
        #[arg(long)]
        json: bool,
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
