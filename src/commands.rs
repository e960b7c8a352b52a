//! The non-interactive subcommands, and loading the story every command shares.

use std::io::Write;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command, DiffFormat, OutputFormat, ViewArg};
use crate::story::authored::AUTHOR_MARK;
use crate::story::date::DateSpec;
use crate::story::export::{ExportOptions, ExportView, export_markdown};
use crate::story::lint::lint;
use crate::story::lint_report;
use crate::story::model::EntityKind;
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
            let date =
                DateSpec::parse_any(text).map_err(|why| BadInput(format!("--as-of: {why}")))?;
            Some(date)
        }
        None => None,
    };
    // Narrowing never falls back to the whole story: if it fails (a bug), say so.
    let story = match as_of {
        Some(date) => full.as_of(date.latest())?,
        None => full.clone(),
    };
    let clock = Clock::at(as_of, today());
    Ok(Loaded {
        story,
        full,
        as_of,
        clock,
    })
}

/// The folder a story file's relative paths (its sources' `text`) start from.
pub fn story_dir(path: &std::path::Path) -> std::path::PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
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
        Command::Schema
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Config { .. } => crate::commands_meta::run(cli, command),
        Command::Check {
            format: OutputFormat::Json,
        } => crate::diagnostics_cli::check_json(cli),
        Command::Check { .. } => {
            let loaded = load_story(cli)?;
            let code = check(cli, &loaded);
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
        } => {
            let loaded = load_story(cli)?;
            let new_since = since
                .as_deref()
                .map(|text| new_marks(&loaded, text))
                .transpose()?;
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
                new_since,
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
        Command::Lint {
            format,
            json,
            verbose,
            only,
            skip,
            deny,
        } => {
            let options = LintOptions {
                json: *json,
                ruff_json: *format == OutputFormat::Json,
                verbose: *verbose,
                only,
                skip,
                deny_warnings: deny.is_some(),
            };
            run_lint(cli, &load_story(cli)?, &options)
        }
        Command::New { file, no_schema } => crate::starter::run_new(file, !*no_schema),
        Command::Diff { from, to, format } => run_diff(cli, from, to.as_deref(), *format),
    }
}

/// Writes to stdout, treating a closed pipe (`| head`) as success; any other failure
/// (a full disk, `> /dev/full`) is an error of one line, exit 1.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(anyhow::anyhow!("cannot write to standard output: {err}")),
        Ok(()) => Ok(()),
    }
}

/// Pretty JSON that is safe to print: serde_json escapes C0 controls in strings but
/// leaves DEL, C1 controls (a lone U+009B is a CSI) and bidi overrides raw, and a
/// terminal would act on them. Written as `\uXXXX` escapes, the JSON means the same.
pub(crate) fn json_for_terminal(value: &impl serde::Serialize) -> Result<String> {
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
        ViewArg::Record => {
            let id = id.ok_or_else(|| BadInput("the record view needs --id ID".to_owned()))?;
            ExportView::Record(crate::commands_meta::record_arg(story, id)?)
        }
    })
}

fn check(cli: &Cli, loaded: &Loaded) -> Result<i32> {
    let story = &loaded.story;
    let texts = crate::story::passage::SourceTexts::load(
        &loaded.full,
        cli.story.as_deref().map(story_dir).as_deref(),
    );
    let mut problems: Vec<_> = texts.1.into_iter().map(|p| (p, None)).collect();
    problems.extend(texts.0.check_quotes(&loaded.full));
    if !problems.is_empty() {
        let report = crate::story::passage::report(&story.origin, &problems);
        return Err(BadInput(report).into());
    }
    let texts_read = (0..loaded.full.file.sources.len())
        .filter(|&s| texts.0.has_text(&loaded.full.file.sources[s].id))
        .count();
    let quotes: Vec<&crate::story::model::Citation> = loaded
        .full
        .facts()
        .into_iter()
        .flat_map(|(_, cite)| cite.iter())
        .filter(|c| c.quote.is_some())
        .collect();
    let quotes_checked = quotes
        .iter()
        .filter(|c| texts.0.has_text(&c.source))
        .count();
    let unchecked = quotes.len() - quotes_checked;
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
    let origins = story.story_origins();
    let (disagreements, inconsistencies) = story.dispute_counts();
    let versions = |disagreement: bool| -> usize {
        (0..file.disputes.len())
            .filter(|&d| story.is_disagreement(d) == disagreement)
            .map(|d| file.disputes[d].variants.len())
            .sum()
    };
    let authored = story.all_notes().len();
    let citations: usize = story.facts().iter().map(|(_, cite)| cite.len()).sum();
    let undescribed = (0..file.entities.len())
        .filter(|&e| story.is_undescribed(e))
        .count();
    let mut entity_parts = kinds.join(", ");
    if undescribed > 0 {
        entity_parts.push_str(&format!("; {undescribed} named, not yet described"));
    }
    let entities = if entity_parts.is_empty() {
        file.entities.len().to_string()
    } else {
        format!("{} ({entity_parts})", file.entities.len())
    };
    let rows = [
        ("entities", entities),
        ("relations", file.relations.len().to_string()),
        ("events", file.events.len().to_string()),
        (
            "candidates",
            format!(
                "{} ({stages} {})",
                file.candidates.len(),
                if stages == 1 { "stage" } else { "stages" }
            ),
        ),
        ("metrics", file.metrics.len().to_string()),
        (
            "disputes",
            if inconsistencies == 0 {
                format!("{disagreements} ({} versions)", versions(true))
            } else {
                let with_versions = |n: usize, versions: usize, how: &str| match versions {
                    0 => format!("{n} {how}"),
                    v => format!("{n} {how} ({v} versions)"),
                };
                format!(
                    "{}, {}",
                    with_versions(disagreements, versions(true), "between sources"),
                    with_versions(inconsistencies, versions(false), "within one source")
                )
            },
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
        ("texts", {
            let mut line =
                format!("{texts_read} read, {quotes_checked} quotes found in their paragraphs");
            if unchecked > 0 {
                line.push_str(&format!(
                    ", {unchecked} not checked (their sources have no text file)"
                ));
            }
            line
        }),
        (
            "authored",
            format!("{authored} ({AUTHOR_MARK} the author's inferences and outside knowledge)"),
        ),
    ];
    for (name, value) in rows {
        if name == "texts" && texts_read == 0 && unchecked == 0 {
            continue;
        }
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
                    item["origins"] = provenance.origin_names.clone().into();
                }
                if let RecordRef::Entity(e) = hit.target {
                    item["described"] = (!story.is_undescribed(e)).into();
                }
                item
            })
            .collect();
        write_stdout(format!("{}\n", json_for_terminal(&items)?).as_bytes())?;
        return Ok(0);
    }
    if hits.is_empty() {
        // Not `eprintln!`: with stderr closed it would panic.
        let _ = writeln!(std::io::stderr(), "no match for “{}”", clean_line(query));
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
        if let Some(sourcing) = story.sourcing_label(hit.target) {
            line.push_str(&format!("  {}", clean_line(&sourcing)));
        }
        out.push_str(&line);
        out.push('\n');
    }
    write_stdout(out.as_bytes())?;
    Ok(0)
}

struct LintOptions<'a> {
    /// `--json`: the findings as they are (`check`, `location`, `message` …), as
    /// scripts written before `--format json` read them.
    json: bool,
    /// `--format json`: located, in the shape of Ruff's JSON, like `check --format json`.
    ruff_json: bool,
    verbose: bool,
    only: &'a [String],
    skip: &'a [String],
    deny_warnings: bool,
}

fn run_lint(cli: &Cli, loaded: &Loaded, options: &LintOptions<'_>) -> Result<i32> {
    let findings = lint_report::select(
        lint(&loaded.story, loaded.clock.reference_day),
        options.only,
        options.skip,
    );
    let (errors, warnings, _) = crate::diagnostics_cli::counts(&findings);
    if options.ruff_json {
        crate::diagnostics_cli::print_lint_json(cli, loaded, &findings)?;
    } else if options.json {
        write_stdout(format!("{}\n", json_for_terminal(&findings)?).as_bytes())?;
    } else {
        // Each finding's location gains its record's id and line and column.
        let findings = crate::diagnostics_cli::placed(cli, loaded, findings)?;
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

/// `storyscope diff`: the story as of `--from` against the story as of `--to` (or every
/// source). A global `--as-of` would be ambiguous here and is refused.
fn run_diff(cli: &Cli, from: &str, to: Option<&str>, format: DiffFormat) -> Result<i32> {
    if cli.as_of.is_some() {
        return Err(BadInput("diff takes --from and --to, not --as-of".to_owned()).into());
    }
    let full = match &cli.story {
        Some(path) => load::load_path(path),
        None => story::embedded(),
    }
    .map_err(|err| BadInput(err.to_string()))?;
    let parse = |flag: &str, text: &str| {
        DateSpec::parse_any(text).map_err(|why| BadInput(format!("--{flag}: {why}")))
    };
    let from = parse("from", from)?;
    let to = to.map(|text| parse("to", text)).transpose()?;
    if let Some(to) = to {
        if to.latest() < from.latest() {
            return Err(BadInput(format!(
                "--from {} is after --to {}; give the earlier date first",
                from.human(),
                to.human()
            ))
            .into());
        }
    }
    let earlier = full.as_of(from.latest())?;
    let later = match to {
        Some(to) => full.as_of(to.latest())?,
        None => full.clone(),
    };
    let reference_day = to.map_or_else(today, |d| d.latest());
    let changes = crate::story::diff::diff(&earlier, from.latest(), &later, reference_day);
    let dates = crate::story::diff_report::DiffDates {
        from,
        to,
        reference_day,
    };
    let text = match format {
        DiffFormat::Md => crate::story::diff_report::diff_markdown(&later, &changes, dates),
        DiffFormat::Json => format!(
            "{}\n",
            json_for_terminal(&crate::story::diff_report::diff_json(
                &later, &changes, dates
            ))?
        ),
    };
    write_stdout(text.as_bytes())?;
    Ok(0)
}

/// The marks of `export --since DATE`: what the story shown holds that it did not hold
/// as of DATE.
fn new_marks(loaded: &Loaded, since: &str) -> Result<crate::story::diff::NewMarks> {
    let date = DateSpec::parse_any(since).map_err(|why| BadInput(format!("--since: {why}")))?;
    if let Some(as_of) = loaded.as_of {
        if as_of.latest() < date.latest() {
            return Err(BadInput(format!(
                "--since {} is after --as-of {}; give an earlier date",
                date.human(),
                as_of.human()
            ))
            .into());
        }
    }
    let earlier = loaded.full.as_of(date.latest())?;
    let diff = crate::story::diff::diff(
        &earlier,
        date.latest(),
        &loaded.story,
        loaded.clock.reference_day,
    );
    Ok(crate::story::diff::NewMarks { since: date, diff })
}
