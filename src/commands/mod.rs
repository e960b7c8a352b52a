//! The non-interactive subcommands: `run_command` hands each to the file that runs it.
//! Loading the story, writing output and the bad-input error are below this, in
//! `loaded`, `output` and `bad_input`, so the commands never call back up here.

mod check;
mod diff;
mod explore;
mod export;
mod lint;
mod search;

use anyhow::Result;

use crate::cli::{Cli, Command, OutputFormat};

// The library's way to these (main, the explorer, the benchmarks); the leaves they
// live in are private to the crate.
pub use crate::bad_input::BadInput;
pub use crate::loaded::{Loaded, load_story, story_dir, today};
pub use explore::explore;

/// Runs a subcommand; returns the process exit code.
pub fn run_command(cli: &Cli, command: &Command) -> Result<i32> {
    match command {
        Command::Schema
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Config { .. } => crate::commands_meta::run(cli, command),
        Command::Check {
            format: OutputFormat::Json,
        } => crate::diagnostics_cli::check_json(cli),
        Command::Check { .. } => {
            let loaded = load_story(cli)?;
            let code = check::check(cli, &loaded);
            // The process ends right after this: freeing a big story record by record
            // would only delay the exit.
            std::mem::forget(loaded);
            code
        }
        Command::Export {
            view,
            id,
            filter,
            output,
            since,
        } => export::run_export(
            &load_story(cli)?,
            &export::ExportArgs {
                view: *view,
                id: id.as_deref(),
                filter: filter.as_deref(),
                output: output.as_deref(),
                since: since.as_deref(),
            },
        ),
        Command::Search { query, limit, json } => {
            search::search(&load_story(cli)?.story, query, *limit, *json)
        }
        Command::Lint {
            format,
            json,
            verbose,
            only,
            skip,
            deny,
        } => {
            let options = lint::LintOptions {
                json: *json,
                ruff_json: *format == OutputFormat::Json,
                verbose: *verbose,
                only,
                skip,
                deny_warnings: deny.is_some(),
            };
            lint::run_lint(cli, &load_story(cli)?, &options)
        }
        Command::New { file, no_schema } => crate::starter::run_new(file, !*no_schema),
        Command::Diff { from, to, format } => diff::run_diff(cli, from, to.as_deref(), *format),
    }
}
