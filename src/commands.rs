//! The non-interactive subcommands, and loading the story every command shares.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::{Cli, Command, ViewArg};
use crate::story::date::DateSpec;
use crate::story::export::{ExportOptions, ExportView, export_markdown};
use crate::story::lint::{Severity, lint};
use crate::story::model::{EntityKind, StoryFile};
use crate::story::search::{MatchTier, SearchIndex};
use crate::story::text::{clean_line, is_unsafe_char};
use crate::story::views::{Clock, ViewFilter};
use crate::story::{self, RecordRef, Story, load};

/// Bad input from the user: exit code 2, message shown as is.
#[derive(Debug)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.trim_end())
    }
}

impl std::error::Error for BadInput {}

/// The story named on the command line, narrowed to `--as-of` if given.
pub struct Loaded {
    pub story: Story,
    /// The whole story, before any as-of narrowing (the explorer steps through dates).
    pub full: Story,
    pub as_of: Option<DateSpec>,
    pub clock: Clock,
}

pub fn load_story(cli: &Cli) -> Result<Loaded> {
    let full = match &cli.story {
        Some(path) => load::load_path(path),
        None => story::embedded(),
    }
    .map_err(|err| BadInput(err.to_string()))?;
    let as_of = match &cli.as_of {
        Some(text) => {
            let date = DateSpec::parse(text).map_err(|why| BadInput(format!("--as-of: {why}")))?;
            Some(date)
        }
        None => None,
    };
    let story = match as_of {
        Some(date) => full.as_of(date.latest()),
        None => full.clone(),
    };
    let clock = Clock {
        reference_day: as_of.map_or_else(today, |d| d.latest()),
    };
    Ok(Loaded {
        story,
        full,
        as_of,
        clock,
    })
}

/// Today as a day number, from the system clock (UTC).
pub fn today() -> i64 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (seconds / 86_400) as i64
}

/// Runs a subcommand; returns the process exit code.
pub fn run_command(cli: &Cli, command: &Command) -> Result<i32> {
    match command {
        Command::Schema => {
            let schema = schemars::schema_for!(StoryFile);
            println!("{}", serde_json::to_string_pretty(&schema)?);
            Ok(0)
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                *shell,
                &mut Cli::command(),
                "storyscope",
                &mut std::io::stdout(),
            );
            Ok(0)
        }
        Command::Check => {
            let loaded = load_story(cli)?;
            let code = check(&loaded);
            // The process ends right after this: freeing a 100k-event story record by
            // record would only delay the exit, by about 50 ms.
            std::mem::forget(loaded);
            code
        }
        Command::Export {
            view,
            id,
            filter,
            output,
        } => {
            let loaded = load_story(cli)?;
            let view = resolve_view(&loaded.story, *view, id.as_deref())?;
            let entity = filter
                .as_deref()
                .map(|id| entity_arg(&loaded.story, id))
                .transpose()?;
            let options = ExportOptions {
                filter: ViewFilter { entity },
                as_of: loaded.as_of,
                selected: None,
                chart: true,
            };
            let markdown = export_markdown(&loaded.story, view, &options, loaded.clock);
            match output {
                Some(path) => crate::fsutil::write_atomic(path, markdown.as_bytes())
                    .with_context(|| format!("cannot write {}", path.display()))?,
                None => write_stdout(markdown.as_bytes())?,
            }
            Ok(0)
        }
        Command::Search { query, limit, json } => {
            search(&load_story(cli)?.story, query, *limit, *json)
        }
        Command::Lint { json } => run_lint(&load_story(cli)?, *json),
    }
}

/// Writes to stdout, treating a closed pipe (`| head`) as success.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Pretty JSON that is safe to print: serde_json escapes C0 controls in strings but
/// leaves DEL, C1 controls (a lone U+009B is a CSI) and bidi overrides raw, and a
/// terminal would act on them. Written as `\uXXXX` escapes, the JSON means the same.
fn json_for_terminal(value: &impl serde::Serialize) -> Result<String> {
    let json = serde_json::to_string_pretty(value)?;
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        // Outside strings the JSON holds only spaces and line ends; every unsafe
        // character is in the Basic Multilingual Plane, so one escape covers it.
        if c != '\n' && is_unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

fn entity_arg(story: &Story, id: &str) -> Result<usize> {
    match story.lookup(id) {
        Some(RecordRef::Entity(index)) => Ok(index),
        _ => {
            let names = story.file.entities.iter().map(|e| e.id.as_str());
            let hint = match crate::story::text::did_you_mean(id, names) {
                Some(near) => format!(" (did you mean `{near}`?)"),
                None => " (`storyscope search NAME` finds ids)".to_owned(),
            };
            Err(BadInput(format!("no entity with id `{}`{hint}", clean_line(id))).into())
        }
    }
}

fn resolve_view(story: &Story, view: ViewArg, id: Option<&str>) -> Result<ExportView> {
    Ok(match view {
        ViewArg::Timeline => ExportView::Timeline,
        ViewArg::Candidates => ExportView::Candidates,
        ViewArg::Metrics => ExportView::Metrics,
        ViewArg::Disputes => ExportView::Disputes,
        ViewArg::Sources => ExportView::Sources,
        ViewArg::Report => ExportView::Report,
        ViewArg::Entity => {
            let id = id.ok_or_else(|| BadInput("the entity view needs --id ID".to_owned()))?;
            ExportView::Entity(entity_arg(story, id)?)
        }
    })
}

fn check(loaded: &Loaded) -> Result<i32> {
    let story = &loaded.story;
    let file = &story.file;
    let mut out = String::new();
    out.push_str(&format!(
        "{}: ok — “{}”\n",
        clean_line(&story.origin),
        clean_line(&file.story.title)
    ));
    if let Some(date) = loaded.as_of {
        out.push_str(&format!("as of {}\n", date.human()));
    }
    let kinds: Vec<String> = EntityKind::ALL
        .iter()
        .map(|&kind| {
            (
                kind,
                file.entities.iter().filter(|e| e.kind == kind).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| format!("{n} {}", if n == 1 { kind.label() } else { kind.plural() }))
        .collect();
    let stages: usize = file.candidates.iter().map(|c| c.stages.len()).sum();
    let variants: usize = file.disputes.iter().map(|d| d.variants.len()).sum();
    let origins: std::collections::BTreeSet<usize> = (0..file.sources.len())
        .map(|s| story.source_root(s))
        .collect();
    let citations: usize = story.facts().iter().map(|(_, cite)| cite.len()).sum();
    let rows = [
        (
            "entities",
            format!("{} ({})", file.entities.len(), kinds.join(", ")),
        ),
        ("relations", file.relations.len().to_string()),
        ("events", file.events.len().to_string()),
        (
            "candidates",
            format!("{} ({stages} stages)", file.candidates.len()),
        ),
        ("metrics", file.metrics.len().to_string()),
        (
            "disputes",
            format!("{} ({variants} versions)", file.disputes.len()),
        ),
        (
            "sources",
            format!(
                "{} ({} independent {})",
                file.sources.len(),
                origins.len(),
                if origins.len() == 1 {
                    "origin"
                } else {
                    "origins"
                }
            ),
        ),
        ("citations", citations.to_string()),
    ];
    for (name, value) in rows {
        out.push_str(&format!("  {name:<11}{value}\n"));
    }
    write_stdout(out.as_bytes())?;
    Ok(0)
}

fn search(story: &Story, query: &str, limit: usize, json: bool) -> Result<i32> {
    let index = SearchIndex::build(story);
    let hits = index.search(query, limit);
    if json {
        let items: Vec<serde_json::Value> = hits
            .iter()
            .map(|hit| {
                let entry = &index.entries[hit.entry];
                let mut item = serde_json::json!({
                    "kind": hit.target.kind_label(),
                    "id": story.record_id(hit.target),
                    "name": story.record_title(hit.target),
                    "matched": entry.text,
                    "match": hit.tier.label(),
                    "score": hit.score,
                });
                if let Some(provenance) = story.record_provenance(hit.target) {
                    item["sources"] = provenance.sources.into();
                    item["independent_origins"] = provenance.origins.into();
                }
                item
            })
            .collect();
        write_stdout(format!("{}\n", json_for_terminal(&items)?).as_bytes())?;
        return Ok(0);
    }
    if hits.is_empty() {
        eprintln!("no match for “{}”", clean_line(query));
        return Ok(1);
    }
    let mut out = String::new();
    for (rank, hit) in hits.iter().enumerate() {
        let entry = &index.entries[hit.entry];
        let mut line = format!(
            "{:>2}. {:<9} {}",
            rank + 1,
            hit.target.kind_label(),
            clean_line(&story.record_title(hit.target))
        );
        if entry.alias_of.is_some() {
            line.push_str(&format!(" (as “{}”)", clean_line(&entry.text)));
        }
        if hit.tier == MatchTier::Typo {
            line.push_str(" (typo)");
        }
        line.push_str(&format!("  [{}]", clean_line(story.record_id(hit.target))));
        if let Some(provenance) = story.record_provenance(hit.target) {
            line.push_str(&format!("  {}", provenance.label()));
        }
        out.push_str(&line);
        out.push('\n');
    }
    write_stdout(out.as_bytes())?;
    Ok(0)
}

fn run_lint(loaded: &Loaded, json: bool) -> Result<i32> {
    let findings = lint(&loaded.story, loaded.clock.reference_day);
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    if json {
        write_stdout(format!("{}\n", json_for_terminal(&findings)?).as_bytes())?;
    } else {
        let mut out = String::new();
        for finding in &findings {
            let level = match finding.severity {
                Severity::Warning => "warning",
                Severity::Error => "error",
            };
            out.push_str(&format!(
                "{level}[{}] {}: {}\n",
                finding.check,
                finding.location,
                clean_line(&finding.message)
            ));
        }
        out.push_str(&format!(
            "{}: {errors} errors, {warnings} warnings\n",
            clean_line(&loaded.story.origin)
        ));
        write_stdout(out.as_bytes())?;
    }
    Ok(if errors > 0 { 2 } else { 0 })
}

/// True when `path` names an existing folder we can write to, for `--export-dir`.
pub fn is_folder(path: &Path) -> bool {
    path.is_dir()
}
