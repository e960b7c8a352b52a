//! `storyscope check`: the story loads and its quotes are found in their sources'
//! texts; then a summary of what it holds, kind by kind.

use anyhow::Result;

use crate::bad_input::BadInput;
use crate::cli::Cli;
use crate::loaded::{Loaded, story_dir};
use crate::output::write_stdout;
use crate::story::authored::AUTHOR_MARK;
use crate::story::model::{Citation, EntityKind};
use crate::story::passage::{SourceTexts, report};
use crate::story::text::clean_line;

pub(super) fn check(cli: &Cli, loaded: &Loaded) -> Result<i32> {
    let story = &loaded.story;
    let texts = SourceTexts::load(&loaded.full, cli.story.as_deref().map(story_dir).as_deref());
    let mut problems: Vec<_> = texts.1.into_iter().map(|p| (p, None)).collect();
    problems.extend(texts.0.check_quotes(&loaded.full));
    if !problems.is_empty() {
        let report = report(&story.origin, &problems);
        return Err(BadInput(report).into());
    }
    let texts_read = (0..loaded.full.file.sources.len())
        .filter(|&s| texts.0.has_text(&loaded.full.file.sources[s].id))
        .count();
    let quotes: Vec<&Citation> = loaded
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
