//! `check --format json` and `lint` output: loader problems and lint findings as
//! located lines or as Ruff-shaped JSON (see `story::diagnostic`).

use anyhow::Result;

use crate::cli::Cli;
use crate::commands::loaded::Loaded;
use crate::commands::output::{json_for_terminal, write_stdout};
use crate::story::lint::{Finding, Severity};
use crate::story::problem::PlaceSuffix;
use crate::story::report::diagnostic::Diagnostic;
use crate::story::{self, load};

/// `check --format json`: every problem as JSON on stdout (exit 2), or `[]` (exit 0).
pub(crate) fn check_json(cli: &Cli) -> Result<i32> {
    let loaded = match &cli.story {
        Some(path) => load::load_path(path),
        None => story::embedded(),
    };
    let diagnostics: Vec<Diagnostic> = match &loaded {
        Ok(_) => Vec::new(),
        Err(err) => err
            .problems
            .iter()
            .map(|problem| Diagnostic::from_problem(&err.origin, problem))
            .collect(),
    };
    print_json(&diagnostics)?;
    Ok(if diagnostics.is_empty() { 0 } else { 2 })
}

/// Errors, warnings and notes among `findings`.
pub(crate) fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let (errors, notes) = (count(Severity::Error), count(Severity::Note));
    (errors, findings.len() - errors - notes, notes)
}

/// The text the story was loaded from, to place findings in: read again, since the
/// story holds records, not text.
fn story_text(cli: &Cli) -> Result<String> {
    Ok(match &cli.story {
        Some(path) => std::fs::read_to_string(path)?,
        None => story::EMBEDDED_STORY.to_owned(),
    })
}

/// `lint --format json`: every finding as a Ruff-shaped object.
pub(crate) fn print_lint_json(cli: &Cli, loaded: &Loaded, findings: &[Finding]) -> Result<()> {
    let text = story_text(cli)?;
    let origin = &loaded.story.origin;
    print_json(&Diagnostic::from_findings(
        origin,
        &text,
        &loaded.full,
        findings,
    ))
}

/// The findings with `events[3] (ev-offer), line 187 col 5` as their location.
pub(crate) fn placed(cli: &Cli, loaded: &Loaded, findings: Vec<Finding>) -> Result<Vec<Finding>> {
    let text = story_text(cli)?;
    let origin = &loaded.story.origin;
    // The findings' paths are the file's (`run_lint` maps a narrowed story's back).
    let diagnostics = Diagnostic::from_findings(origin, &text, &loaded.full, &findings);
    Ok(findings
        .into_iter()
        .zip(diagnostics)
        .map(|(mut finding, diagnostic)| {
            if let Some(place) = &diagnostic.place {
                finding.location = format!("{}{}", finding.location, PlaceSuffix(place));
            }
            finding
        })
        .collect())
}

fn print_json(diagnostics: &[Diagnostic]) -> Result<()> {
    let objects: Vec<_> = diagnostics.iter().map(Diagnostic::json).collect();
    write_stdout(format!("{}\n", json_for_terminal(&objects)?).as_bytes())
}
