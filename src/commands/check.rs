//! `storyscope check`: the story loads and its quotes are found in their sources'
//! texts; then a summary of what it holds, kind by kind.

use std::path::Path;

use anyhow::Result;

use crate::bad_input::BadInput;
use crate::cli::Cli;
use crate::commands::loaded::{Loaded, story_dir};
use crate::commands::output::write_stdout;
use crate::story::Story;
use crate::story::graph::authored::AUTHOR_MARK;
use crate::story::graph::passage::{SourceTexts, report};
use crate::story::lint::grounded;
use crate::story::model::EntityKind;
use crate::story::model::date::DateSpec;
use crate::story::safe_text::clean_line;

/// Checks the quotes against the texts beside the story (bad input when one is not
/// found), then prints the summary; the exit code is 0.
pub(super) fn check(cli: &Cli, loaded: &Loaded, texts_dir: Option<&Path>) -> Result<i32> {
    let texts = check_texts(cli, loaded, texts_dir)?;
    let story = &loaded.story;
    if let Some(date) = loaded.as_of.filter(|_| story.knows_nothing()) {
        write_stdout(nothing_known(loaded, date).as_bytes())?;
        return Ok(0);
    }
    let mut out = format!(
        "{}: ok — “{}”\n",
        clean_line(&story.origin),
        clean_line(&story.file.story.title)
    );
    if let Some(date) = loaded.as_of {
        out.push_str(&format!("as of {}\n", date.human()));
    }
    // The story shown (narrowed to a date, it may hold fewer) counted its own.
    let (citations, _) = story.citation_counts();
    for (name, value) in summary_rows(story, citations, &texts) {
        out.push_str(&format!("  {name:<11}{value}\n"));
    }
    write_stdout(out.as_bytes())?;
    Ok(0)
}

/// `check --as-of` a date before any source counts: the file is fine, but nothing is
/// known yet; all zeros under "ok" would read as an empty story.
fn nothing_known(loaded: &Loaded, date: DateSpec) -> String {
    let head = format!(
        "{}: ok — “{}”\nnothing is known as of {}: ",
        clean_line(&loaded.story.origin),
        clean_line(&loaded.story.file.story.title),
        date.human()
    );
    match loaded.full.first_source_day() {
        Some(day) => format!(
            "{head}no source counts before {}, when the first is published\n",
            DateSpec::from_day_number(day).human()
        ),
        None => format!("{head}no source has a publication date\n"),
    }
}

/// What the source texts beside the story let `check` verify.
struct TextCounts {
    /// Sources whose text file was read.
    read: usize,
    /// Quotes found in the paragraph they cite.
    quotes_checked: usize,
    /// Quotes whose source has no text file.
    unchecked: usize,
    /// Citations read against their paragraphs by the grounded checks, and how many
    /// of them `lint` has doubts about.
    grounded: (usize, usize),
}

/// Reads the texts the whole story's sources name and finds every quote in them; a
/// text that cannot be read or a quote not found is bad input, all listed at once.
fn check_texts(cli: &Cli, loaded: &Loaded, texts_dir: Option<&Path>) -> Result<TextCounts> {
    let full = &loaded.full;
    let story_dir = cli.story.as_deref().map(story_dir);
    let (texts, unreadable) = SourceTexts::load_with(full, story_dir.as_deref(), texts_dir);
    let mut problems: Vec<_> = unreadable.into_iter().map(|p| (p, None)).collect();
    problems.extend(texts.check_quotes(full));
    if !problems.is_empty() {
        return Err(BadInput(report(&loaded.story.origin, &problems)).into());
    }
    let read = (full.file.sources.iter())
        .filter(|source| texts.has_text(&source.id))
        .count();
    let (_, quotes) = full.citation_counts();
    // Only quotes whose source has a text were checked: with no text read there are
    // none, and no walk over every citation (4 % of a check at 1M events).
    let quotes_checked = if read == 0 {
        0
    } else {
        (full.each_fact().flat_map(|(_, cite)| cite))
            .filter(|citation| citation.quote().is_some() && texts.has_text(&citation.source))
            .count()
    };
    let grounded = grounded(full, &texts);
    Ok(TextCounts {
        read,
        quotes_checked,
        unchecked: quotes - quotes_checked,
        grounded: (grounded.checked, grounded.doubtful),
    })
}

/// The summary's rows, name and value; `texts` only when the story has any.
fn summary_rows(
    story: &Story,
    citations: usize,
    texts: &TextCounts,
) -> Vec<(&'static str, String)> {
    let file = &story.file;
    let stages: usize = file.candidates.iter().map(|c| c.stages.len()).sum();
    let authored = story.all_notes().len();
    let mut rows = vec![
        ("entities", entities_value(story)),
        ("relations", file.relations.len().to_string()),
        ("events", file.events.len().to_string()),
        (
            "candidates",
            format!(
                "{} ({stages} {})",
                file.candidates.len(),
                plural(stages, "stage", "stages")
            ),
        ),
        ("metrics", file.metrics.len().to_string()),
        ("disputes", disputes_value(story)),
        ("sources", sources_value(story)),
        ("citations", citations.to_string()),
    ];
    if texts.read > 0 || texts.unchecked > 0 {
        rows.push(("texts", texts_value(texts)));
    }
    rows.push((
        "authored",
        format!("{authored} ({AUTHOR_MARK} the author's inferences and outside knowledge)"),
    ));
    rows
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "12 (3 companies, 9 people; 2 named, not yet described)".
fn entities_value(story: &Story) -> String {
    let entities = &story.file.entities;
    let kinds: Vec<String> = EntityKind::ALL
        .iter()
        .map(|&kind| (kind, entities.iter().filter(|e| e.kind == kind).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| format!("{n} {}", plural(n, kind.label(), kind.plural())))
        .collect();
    let undescribed = (0..entities.len())
        .filter(|&e| story.is_undescribed(e))
        .count();
    let mut parts = kinds.join(", ");
    if undescribed > 0 {
        parts.push_str(&format!("; {undescribed} named, not yet described"));
    }
    if parts.is_empty() {
        entities.len().to_string()
    } else {
        format!("{} ({parts})", entities.len())
    }
}

/// "3 (7 versions)", or disagreements and inconsistencies apart when there are both
/// kinds.
fn disputes_value(story: &Story) -> String {
    let disputes = &story.file.disputes;
    let (disagreements, inconsistencies) = story.dispute_counts();
    let versions = |disagreement: bool| -> usize {
        (0..disputes.len())
            .filter(|&d| story.is_disagreement(d) == disagreement)
            .map(|d| disputes[d].variants.len())
            .sum()
    };
    if inconsistencies == 0 {
        return format!("{disagreements} ({} versions)", versions(true));
    }
    let with_versions = |n: usize, versions: usize, how: &str| match versions {
        0 => format!("{n} {how}"),
        v => format!("{n} {how} ({v} versions)"),
    };
    format!(
        "{}, {}",
        with_versions(disagreements, versions(true), "between sources"),
        with_versions(inconsistencies, versions(false), "within one source")
    )
}

/// "7 (5 independent origins)".
fn sources_value(story: &Story) -> String {
    let origins = story.story_origins().len();
    format!(
        "{} ({origins} independent {})",
        story.file.sources.len(),
        plural(origins, "origin", "origins")
    )
}

/// "2 read, 14 quotes found in their paragraphs, 3 not checked (…)".
fn texts_value(texts: &TextCounts) -> String {
    let mut line = format!(
        "{} read, {} quotes found in their paragraphs",
        texts.read, texts.quotes_checked
    );
    if texts.unchecked > 0 {
        line.push_str(&format!(
            ", {} not checked (their sources have no text file)",
            texts.unchecked
        ));
    }
    let (checked, doubtful) = texts.grounded;
    if checked == 0 {
        return line;
    }
    line.push_str(&format!(
        "; {checked} {} read against their paragraphs, {doubtful} doubtful{}",
        plural(checked, "citation", "citations"),
        if doubtful > 0 {
            " (`storyscope lint` lists them)"
        } else {
            ""
        }
    ));
    line
}
