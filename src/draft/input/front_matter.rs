//! Text with YAML front matter: a `---` line, flat `key: value` lines (`title`,
//! `outlet`/`site`/`publisher`, `date`/`published`, `url`, `author`), a closing `---`,
//! then the article. Only flat keys are read (no YAML library): the keys an article
//! needs are flat, and anything else in the block is left alone.

use super::dump::read_body;
use super::{Article, Form, clean_paragraph};

/// The article, when `text` opens with a front-matter block; `None` otherwise.
pub(super) fn read_front_matter(text: &str) -> Option<Article> {
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut closed = false;
    for line in lines.by_ref() {
        if matches!(line.trim_end(), "---" | "...") {
            closed = true;
            break;
        }
        if let Some((key, value)) = line.split_once(':') {
            fields.push((key.trim().to_ascii_lowercase(), unquote(value.trim())));
        }
    }
    if !closed {
        return None;
    }
    let field = |names: &[&str]| {
        names.iter().find_map(|name| {
            fields
                .iter()
                .find(|(key, value)| key == name && !value.is_empty())
                .map(|(_, value)| clean_paragraph(value))
        })
    };
    let body: Vec<String> = lines
        .map(clean_paragraph)
        .filter(|line| !line.is_empty())
        .collect();
    let mut article = match field(&["title"]) {
        // The headline is known: a first line that repeats it, or a Markdown heading,
        // is furniture; every other line is the article's.
        Some(title) => {
            let mut article = read_body(&body, None, &title);
            mark_headings(&mut article);
            article.title = title;
            article
        }
        None => {
            let mut article = super::dump::read_text(&body.join("\n"));
            mark_headings(&mut article);
            article
        }
    };
    article.outlet = field(&["outlet", "site", "publisher", "source"]);
    article.published = field(&["date", "published", "published_at", "pubdate"]).map(|date| {
        date.chars()
            .take_while(|c| *c != 'T' && *c != ' ')
            .collect()
    });
    article.url = field(&["url", "link", "canonical"]);
    article.author = field(&["author", "byline", "by"]);
    article.form = Some(Form::FrontMatter);
    Some(article)
}

/// Markdown headings in the body (`# Heading`, `## Section`) are not paragraphs.
fn mark_headings(article: &mut Article) {
    for line in &mut article.lines {
        if let super::Line::Paragraph(text) = line
            && text.starts_with('#')
        {
            *line = super::Line::Furniture(text.clone());
        }
    }
}

fn unquote(value: &str) -> String {
    let stripped = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')));
    stripped.unwrap_or(value).to_owned()
}
