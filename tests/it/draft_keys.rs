//! The drafting answer keys (tests/fixtures/draft/*/key.json) are well-formed: every
//! figure, date, relation and direct quote gives words found in the paragraph it names
//! (counted by the rule in tests/fixtures/draft/README.md), every name is in some article, closed
//! values are the story format's, and each event has 3–5 articles of 4–10 paragraphs.
//! Also: the grounded-check fixtures pass `check`, and their two twins differ only in
//! the six records tests/fixtures/grounded/README.md names.

mod grounded;
mod paragraphs;

use serde_json::Value;
use std::path::{Path, PathBuf};

const BOUNDS: &[&str] = &[
    "exact",
    "about",
    "over",
    "exceeding",
    "at_least",
    "up_to",
    "under",
];
const SCALES: &[&str] = &["thousand", "million", "billion", "trillion", "wan", "yi"];
const KINDS: &[&str] = &[
    "company",
    "person",
    "model",
    "product",
    "place",
    "organisation",
    "outlet",
];
const RELATIONS: &[&str] = &[
    "chose",
    "partnered_with",
    "considered",
    "rejected",
    "dropped",
    "acquired",
    "invested_in",
    "sued",
];

fn draft_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/draft")
}

fn events() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(draft_dir())
        .expect("tests/fixtures/draft exists")
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.join("key.json").is_file())
        .collect();
    dirs.sort();
    dirs
}

use paragraphs::{normalise, paragraphs};
struct Event {
    name: String,
    key: Value,
    articles: Vec<(String, Vec<String>)>,
}

fn load_event(dir: &Path) -> Event {
    let key_text = std::fs::read_to_string(dir.join("key.json")).expect("a readable key");
    let key: Value = serde_json::from_str(&key_text).expect("key.json is JSON");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("articles"))
        .expect("an articles folder")
        .map(|entry| entry.expect("a readable entry").path())
        .collect();
    files.sort();
    let articles = files
        .iter()
        .map(|f| {
            (
                f.file_name().unwrap().to_string_lossy().into_owned(),
                paragraphs(f),
            )
        })
        .collect();
    Event {
        name: dir.file_name().unwrap().to_string_lossy().into_owned(),
        key,
        articles,
    }
}

fn list<'a>(key: &'a Value, field: &str) -> &'a Vec<Value> {
    key[field]
        .as_array()
        .unwrap_or_else(|| panic!("`{field}` is a list"))
}

fn str_of<'a>(record: &'a Value, field: &str) -> &'a str {
    record[field]
        .as_str()
        .unwrap_or_else(|| panic!("`{field}` is a string in {record}"))
}

/// Problems with one record that quotes `field`'s words from (article, para).
fn quoted_in_paragraph(event: &Event, where_: &str, record: &Value, field: &str) -> Option<String> {
    let article = str_of(record, "article");
    let Some((_, paras)) = event.articles.iter().find(|(name, _)| name == article) else {
        return Some(format!("{where_}: no article `{article}`"));
    };
    let para = record["para"].as_u64().unwrap_or(0) as usize;
    let words = normalise(str_of(record, field));
    match paras.get(para.wrapping_sub(1)) {
        None => Some(format!(
            "{where_}: ¶{para} is not among {article}'s {} paragraphs",
            paras.len()
        )),
        Some(text) if !text.contains(&words) => Some(format!(
            "{where_}: “{words}” is not in {article} ¶{para}: {text}"
        )),
        Some(_) => None,
    }
}

/// A date in the story format's forms, checked loosely: `~`, a four-digit year, then
/// `-Qn`, `-MM` or `-MM-DD`, and an optional `/…` end.
fn is_date_form(date: &str) -> bool {
    let date = date.trim_start_matches('~');
    let (start, end) = date.split_once('/').unwrap_or((date, ""));
    let parts: Vec<&str> = start.split('-').collect();
    let year_ok = parts[0].len() == 4 && parts[0].chars().all(|c| c.is_ascii_digit());
    let rest_ok = parts[1..].iter().all(|p| {
        (p.len() == 2 && p.chars().all(|c| c.is_ascii_digit()))
            || (p.len() == 2
                && p.starts_with('Q')
                && ('1'..='4').contains(&p.chars().nth(1).unwrap()))
    });
    year_ok && parts.len() <= 3 && rest_ok && end.chars().all(|c| c.is_ascii_digit() || c == '-')
}

fn figure_problems(event: &Event, problems: &mut Vec<String>) {
    for (i, figure) in list(&event.key, "figures").iter().enumerate() {
        let where_ = format!("{}: figures[{i}]", event.name);
        problems.extend(quoted_in_paragraph(event, &where_, figure, "text"));
        if !BOUNDS.contains(&str_of(figure, "bound")) {
            problems.push(format!("{where_}: bound `{}`", figure["bound"]));
        }
        if let Some(scale) = figure["scale"].as_str().filter(|s| !SCALES.contains(s)) {
            problems.push(format!("{where_}: scale `{scale}`"));
        }
        if figure["value"].is_null() && figure["qualitative"].as_str().is_none() {
            problems.push(format!("{where_}: neither a value nor qualitative words"));
        }
    }
}

fn date_problems(event: &Event, problems: &mut Vec<String>) {
    for (i, date) in list(&event.key, "dates").iter().enumerate() {
        let where_ = format!("{}: dates[{i}]", event.name);
        problems.extend(quoted_in_paragraph(event, &where_, date, "text"));
        let also = date["also"].as_array().cloned().unwrap_or_default();
        for form in std::iter::once(&date["date"]).chain(also.iter()) {
            if !form.as_str().is_some_and(is_date_form) {
                problems.push(format!("{where_}: `{form}` is not a story-format date"));
            }
        }
    }
}

fn name_problems(event: &Event, problems: &mut Vec<String>) {
    let all_text: String = event
        .articles
        .iter()
        .flat_map(|(_, p)| p.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    let mut names = Vec::new();
    for (i, entity) in list(&event.key, "entities").iter().enumerate() {
        if !KINDS.contains(&str_of(entity, "kind")) {
            problems.push(format!(
                "{}: entities[{i}]: kind `{}`",
                event.name, entity["kind"]
            ));
        }
        let aliases = entity["aliases"].as_array().cloned().unwrap_or_default();
        for name in std::iter::once(&entity["name"])
            .chain(aliases.iter())
            .filter_map(Value::as_str)
        {
            if !all_text.contains(&normalise(name)) {
                problems.push(format!(
                    "{}: entities[{i}]: “{name}” is in no article's paragraphs",
                    event.name
                ));
            }
        }
        names.push(str_of(entity, "name").to_owned());
    }
    for (i, relation) in list(&event.key, "relations").iter().enumerate() {
        let where_ = format!("{}: relations[{i}]", event.name);
        if !RELATIONS.contains(&str_of(relation, "kind")) {
            problems.push(format!("{where_}: kind `{}`", relation["kind"]));
        }
        let over = relation["over"].as_array().cloned().unwrap_or_default();
        let ends = [&relation["from"], &relation["to"]]
            .into_iter()
            .chain(over.iter());
        for end in ends
            .filter_map(Value::as_str)
            .filter(|end| !names.iter().any(|n| n == end))
        {
            problems.push(format!("{where_}: `{end}` is not an entity's name"));
        }
        problems.extend(quoted_in_paragraph(event, &where_, relation, "quote"));
    }
}

fn size_problems(event: &Event, problems: &mut Vec<String>) {
    if !(3..=5).contains(&event.articles.len()) {
        problems.push(format!(
            "{}: {} articles, not 3 to 5",
            event.name,
            event.articles.len()
        ));
    }
    for (name, paras) in &event.articles {
        if !(4..=10).contains(&paras.len()) {
            problems.push(format!(
                "{}: {name} has {} paragraphs, not 4 to 10",
                event.name,
                paras.len()
            ));
        }
    }
    for (i, origin) in list(&event.key, "origins").iter().enumerate() {
        // The origin's own article (when it is one of the event's), then those leaning on it.
        let itself = origin["article"].as_str().into_iter();
        let leaning = list(origin, "relied_on_by")
            .iter()
            .filter_map(Value::as_str);
        for article in itself.chain(leaning) {
            if !event.articles.iter().any(|(name, _)| name == article) {
                problems.push(format!(
                    "{}: origins[{i}]: no article `{article}`",
                    event.name
                ));
            }
        }
    }
}

/// Direct quotes (optional in a key): the words are in the paragraph, and the speaker
/// is one of the key's entities.
fn quote_problems(event: &Event, problems: &mut Vec<String>) {
    let quotes = event.key["quotes"].as_array().cloned().unwrap_or_default();
    for (i, quote) in quotes.iter().enumerate() {
        let where_ = format!("{}: quotes[{i}]", event.name);
        problems.extend(quoted_in_paragraph(event, &where_, quote, "words"));
        let speaker = str_of(quote, "speaker");
        let entities = list(&event.key, "entities");
        if !entities.iter().any(|e| e["name"].as_str() == Some(speaker)) {
            problems.push(format!(
                "{where_}: speaker `{speaker}` is not an entity's name"
            ));
        }
    }
}

/// The key's `articles` (the metadata a drafter should read) list exactly the folder's
/// files, with a story-format date or `null` as `published`.
fn article_problems(event: &Event, problems: &mut Vec<String>) {
    let mut listed: Vec<&str> = list(&event.key, "articles")
        .iter()
        .map(|article| str_of(article, "file"))
        .collect();
    listed.sort_unstable();
    let files: Vec<&str> = event
        .articles
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    if listed != files {
        problems.push(format!(
            "{}: articles {listed:?}, folder {files:?}",
            event.name
        ));
    }
    for article in list(&event.key, "articles") {
        let published = &article["published"];
        if !(published.is_null() || published.as_str().is_some_and(is_date_form)) {
            problems.push(format!("{}: published {published}", event.name));
        }
    }
}

fn key_problems(event: &Event) -> Vec<String> {
    let mut problems = Vec::new();
    figure_problems(event, &mut problems);
    date_problems(event, &mut problems);
    name_problems(event, &mut problems);
    size_problems(event, &mut problems);
    quote_problems(event, &mut problems);
    article_problems(event, &mut problems);
    problems
}

#[test]
fn every_answer_key_quotes_its_paragraphs_and_uses_closed_values() {
    let events = events();
    assert!(
        events.len() >= 4,
        "at least four drafting events, found {}",
        events.len()
    );
    let problems: Vec<String> = events
        .iter()
        .flat_map(|dir| key_problems(&load_event(dir)))
        .collect();
    assert!(
        problems.is_empty(),
        "answer-key problems:\n{}",
        problems.join("\n")
    );
}
