//! `check --format json` and `lint` output: loader problems and lint findings as
//! located lines or as Ruff-shaped JSON (see `story::diagnostic`).

use anyhow::Result;

use crate::cli::{Cli, OutputFormat};
use crate::commands::{Loaded, json_for_terminal, write_stdout};
use crate::story::diagnostic::Diagnostic;
use crate::story::lint::{Severity, lint};
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

/// `lint`: findings with their record's id and line and column in the file.
pub(crate) fn run_lint(cli: &Cli, loaded: &Loaded, format: OutputFormat) -> Result<i32> {
    let findings = lint(&loaded.story, loaded.clock.reference_day);
    // The story loaded from this text a moment ago; read again only to place findings.
    let text = match &cli.story {
        Some(path) => std::fs::read_to_string(path)?,
        None => story::EMBEDDED_STORY.to_owned(),
    };
    let origin = &loaded.story.origin;
    let diagnostics = Diagnostic::from_findings(origin, &text, &loaded.story, &findings);
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let (errors, notes) = (count(Severity::Error), count(Severity::Note));
    let warnings = findings.len() - errors - notes;
    match format {
        OutputFormat::Json => print_json(&diagnostics)?,
        OutputFormat::Human => {
            let mut out = String::new();
            for diagnostic in &diagnostics {
                let level = match diagnostic.severity {
                    Severity::Note => "note",
                    Severity::Warning => "warning",
                    Severity::Error => "error",
                };
                out.push_str(&format!(
                    "{level}[{}] {}\n",
                    diagnostic.code,
                    diagnostic.human()
                ));
            }
            out.push_str(&format!(
                "{}: {errors} errors, {warnings} warnings, {notes} notes of the author's own (◇)\n",
                crate::story::text::clean_line(origin)
            ));
            write_stdout(out.as_bytes())?;
        }
    }
    Ok(if errors > 0 { 2 } else { 0 })
}

fn print_json(diagnostics: &[Diagnostic]) -> Result<()> {
    let objects: Vec<_> = diagnostics.iter().map(Diagnostic::json).collect();
    write_stdout(format!("{}\n", json_for_terminal(&objects)?).as_bytes())
}
