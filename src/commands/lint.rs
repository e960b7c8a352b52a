//! `storyscope lint`: the findings selected by `--only` / `--skip`, as a report, as
//! plain JSON or Ruff-shaped JSON; the exit code says whether any is an error.

use anyhow::Result;

use crate::cli::Cli;
use crate::commands::diagnostic_lines;
use crate::commands::loaded::{Loaded, story_dir};
use crate::commands::output::{json_for_terminal, write_stdout};
use crate::story::graph::passage::SourceTexts;
use crate::story::lint::{grounded, lint};
use crate::story::report::lint_report;

pub(super) struct LintOptions<'a> {
    /// `--json`: the findings as they are (`check`, `location`, `message` …), as
    /// scripts written before `--format json` read them.
    pub(super) json: bool,
    /// `--format json`: located, in the shape of Ruff's JSON, like `check --format json`.
    pub(super) ruff_json: bool,
    pub(super) verbose: bool,
    pub(super) only: &'a [String],
    pub(super) skip: &'a [String],
    pub(super) deny_warnings: bool,
    /// `--texts DIR`: where to look the sources' text files up instead of beside the
    /// story.
    pub(super) texts: Option<&'a std::path::Path>,
}

pub(super) fn run_lint(cli: &Cli, loaded: &Loaded, options: &LintOptions<'_>) -> Result<i32> {
    // The grounded checks read the texts the story names (or `--texts` holds); a text
    // that cannot be read is `check`'s business, so lint reads what it can.
    let story_dir = cli.story.as_deref().map(story_dir);
    let (texts, _) = SourceTexts::load_with(&loaded.story, story_dir.as_deref(), options.texts);
    let mut all = lint(&loaded.story, loaded.clock.reference_day);
    all.extend(grounded(&loaded.story, &texts).findings);
    let findings = lint_report::select(all, options.only, options.skip);
    let mut findings = findings;
    // A story narrowed to `--as-of` numbers only what was known then; every path
    // printed names the file's own record instead.
    for finding in &mut findings {
        finding.location = (loaded.story).path_in_whole(&loaded.full, &finding.location);
    }
    let (errors, warnings, _) = diagnostic_lines::counts(&findings);
    if options.ruff_json {
        diagnostic_lines::print_lint_json(cli, loaded, &findings)?;
    } else if options.json {
        write_stdout(format!("{}\n", json_for_terminal(&findings)?).as_bytes())?;
    } else {
        // Each finding's location gains its record's id and line and column.
        let findings = diagnostic_lines::placed(cli, loaded, findings)?;
        let report = lint_report::render(&findings, &loaded.story.origin, options.verbose);
        write_stdout(report.as_bytes())?;
    }
    Ok(if errors > 0 {
        2
    } else if warnings > 0 && options.deny_warnings {
        1
    } else {
        0
    })
}
