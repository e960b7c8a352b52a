//! `storyscope draft`: articles in, a cited first draft of a story out. Every record
//! and field it writes carries an `authored` note of kind `drafted` naming the rule
//! that made it, so nothing drafted passes for checked. Rules and limits:
//! docs/drafting.md. The order of work: read each article (`input`), read its
//! paragraphs with the text layer (`reading`), gather entities across all articles,
//! then origins, figures, events, relations and candidacies, each citing its
//! paragraph with a few words that `check` finds there.

mod entities;
mod events;
pub(crate) mod input;
pub(crate) mod merge;
mod metrics;
mod notes;
mod origins;
mod reading;
mod relations;
mod verbs;
pub(crate) mod write;

pub use input::{Article, read_article};
pub use merge::{MergeSummary, merge};
pub use write::story_json;

use crate::story::model::date::DateSpec;
use crate::story::model::{FORMAT_VERSION, Source, SourceKind, StoryFile, StoryMeta};
use notes::{Ids, drafted, slug};

/// What every rule shares while drafting: ids handed out, entities, origins.
pub struct DraftContext {
    ids: Ids,
    entities: entities::EntityTable,
    origins: origins::Origins,
}

/// A drafted story and the text of each article, to be written beside it.
pub struct Draft {
    /// The story, every record marked `drafted`.
    pub story: StoryFile,
    /// `(source id, text file contents)` for each article, in order.
    pub texts: Vec<(String, String)>,
}

/// Drafts a story from `articles`; `text_dir` is the folder (relative to the story
/// file) the texts are written in, for each source's `text`. `taken` are ids already
/// used (by a story being merged into).
pub fn draft(articles: &[Article], text_dir: &str, taken: Vec<String>) -> Draft {
    let mut cx = DraftContext {
        ids: Ids::with_taken(taken),
        entities: entities::EntityTable::default(),
        origins: origins::Origins::default(),
    };
    let source_ids: Vec<String> = articles
        .iter()
        .map(|a| cx.ids.unique(&source_slug(a)))
        .collect();
    let readings: Vec<reading::Reading> = articles
        .iter()
        .zip(&source_ids)
        .map(|(article, id)| reading::read(article, id.clone()))
        .collect();
    for reading in &readings {
        cx.entities.gather(reading);
    }
    for reading in &readings {
        cx.entities.cite_speakers(reading);
    }
    for reading in &readings {
        cx.origins.gather(reading, &mut cx.ids);
    }
    let entities = cx.entities.finish(&mut cx.ids);
    let mut metrics = Vec::new();
    let mut events = Vec::new();
    let mut links = relations::Links::default();
    for reading in &readings {
        metrics.extend(metrics::draft_metrics(&mut cx, reading));
        events::draft_events(&mut cx, reading, &mut events);
        links.gather(&mut cx, reading);
    }
    let mut sources: Vec<Source> = readings
        .iter()
        .map(|r| article_source(r, &cx, text_dir))
        .collect();
    sources.extend(cx.origins.sources());
    let texts = readings
        .iter()
        .map(|r| (r.source_id.clone(), write::text_file(r.article)))
        .collect();
    let story = StoryFile {
        schema: None,
        format: FORMAT_VERSION,
        story: story_meta(articles),
        sources,
        entities,
        relations: links.relations,
        events,
        candidates: links.candidates,
        metrics,
        disputes: Vec::new(),
    };
    Draft { story, texts }
}

/// `outlet-2025-02-12`, or the headline's first words when the outlet is unknown.
fn source_slug(article: &Article) -> String {
    let who = article.outlet.clone().unwrap_or_else(|| {
        article
            .title
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ")
    });
    match &article.published {
        Some(day) => format!("{}-{day}", slug(&who)),
        None => slug(&who),
    }
}

fn article_source(reading: &reading::Reading, cx: &DraftContext, text_dir: &str) -> Source {
    let article = reading.article;
    let form = article.form.map_or("text", |f| f.label());
    let mut authored = vec![drafted(
        None,
        format!("rule input: read as {form} from {}", article.file),
    )];
    let outlet = article.outlet.clone().unwrap_or_else(|| {
        authored.push(drafted(
            Some("outlet"),
            "the article names no outlet: give --outlet",
        ));
        format!("Unknown outlet ({})", article.file)
    });
    let via = cx.origins.article_via(&reading.source_id);
    if via.is_some() {
        authored.push(drafted(
            Some("via"),
            "rule origins: the report this article credits most often",
        ));
    }
    let title = if article.title.trim().is_empty() {
        format!("Untitled ({})", article.file)
    } else {
        article.title.clone()
    };
    Source {
        id: reading.source_id.clone().into(),
        kind: SourceKind::parse("article").expect("a known source kind"),
        outlet,
        title,
        published: article
            .published
            .as_deref()
            .and_then(|d| DateSpec::parse(d).ok()),
        url: article.url.clone(),
        via,
        note: None,
        text: Some(format!("{text_dir}/{}.txt", reading.source_id)),
        authored: authored.into(),
    }
}

fn story_meta(articles: &[Article]) -> StoryMeta {
    let title = articles
        .iter()
        .map(|a| a.title.trim())
        .find(|t| !t.is_empty())
        .map_or_else(|| "Drafted story".to_owned(), |t| format!("Draft: {t}"));
    StoryMeta {
        title,
        summary: format!(
            "A first draft by `storyscope draft` from {} article{}; every record is marked drafted until checked.",
            articles.len(),
            if articles.len() == 1 { "" } else { "s" }
        ),
        candidates_title: None,
    }
}
