//! The non-interactive subcommands: `run_command` hands each to the file that runs it.
//! Loading the story, writing output and the bad-input error are below this, in
//! `loaded`, `output` and `bad_input`, so the commands never call back up here.

mod check;
mod diagnostic_lines;
mod diff;
mod draft;
mod explore;
mod export;
mod lint;
mod loaded;
mod meta;
mod new;
mod output;
mod search;

use anyhow::Result;

use crate::cli::{Cli, Command, OutputFormat};

// The library's way to these (main, the explorer, the benchmarks); the leaves they
// live in are private to the crate.
pub use crate::bad_input::BadInput;
pub use crate::commands::loaded::{Loaded, load_story, load_story_to_show, story_dir, today};
pub use explore::explore;
pub use new::STARTER_STORY;

/// Runs `command` on the story `loaded`, then leaves the story allocated: the process
/// ends right after a command, and freeing a big story record by record would only
/// delay the exit (a tenth of `lint`'s time on a 100k-event story).
fn with_story(loaded: Result<Loaded>, command: impl FnOnce(&Loaded) -> Result<i32>) -> Result<i32> {
    let loaded = loaded?;
    let code = command(&loaded);
    std::mem::forget(loaded);
    code
}

/// Runs a subcommand; returns the process exit code.
pub fn run_command(cli: &Cli, command: &Command) -> Result<i32> {
    match command {
        Command::Schema
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Config { .. } => crate::commands::meta::run(cli, command),
        Command::Check {
            format: OutputFormat::Json,
            ..
        } => crate::commands::diagnostic_lines::check_json(cli),
        Command::Check { texts, .. } => with_story(load_story(cli), |loaded| {
            check::check(cli, loaded, texts.as_deref())
        }),
        Command::Export {
            view,
            id,
            filter,
            output,
            since,
        } => with_story(load_story_to_show(cli), |loaded| {
            let args = export::ExportArgs {
                view: *view,
                id: id.as_deref(),
                filter: filter.as_deref(),
                output: output.as_deref(),
                since: since.as_deref(),
            };
            export::run_export(loaded, &args)
        }),
        Command::Search { query, limit, json } => with_story(load_story(cli), |loaded| {
            search::search(&loaded.story, query, *limit, *json)
        }),
        Command::Lint {
            format,
            json,
            verbose,
            only,
            skip,
            deny,
            texts,
        } => {
            let options = lint::LintOptions {
                texts: texts.as_deref(),
                json: *json,
                ruff_json: *format == OutputFormat::Json,
                verbose: *verbose,
                only,
                skip,
                deny_warnings: deny.is_some(),
            };
            with_story(load_story(cli), |loaded| {
                lint::run_lint(cli, loaded, &options)
            })
        }
        Command::New { file, no_schema } => crate::commands::new::run_new(file, !*no_schema),
        Command::Diff { from, to, format } => diff::run_diff(cli, from, to.as_deref(), *format),
        Command::Draft { .. } => draft::run_draft_command(command),
    }
}
