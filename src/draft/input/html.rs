//! Saved HTML pages. The page's own metadata gives the headline, outlet, date and
//! address (`og:title`, `og:site_name`, `article:published_time`, JSON-LD
//! `datePublished`, `<time datetime>`, `<link rel=canonical>`); the main text is found
//! by dom_smoothie, a port of Mozilla's Readability (Firefox's reader mode), and its
//! blocks become paragraphs. Scripts, navigation, asides, figures and their captions,
//! forms and footers are left out, and a "Further reading" or "Related" heading ends
//! the article: what follows it is kept as furniture.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use super::dump::is_furniture_line;
use super::{Article, Form, Line, clean_paragraph};

/// Readability gives up (with a message) past this many elements: a real article page
/// has a few thousand.
const MAX_ELEMENTS: usize = 200_000;

/// Elements never part of the article's text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "form",
    "button",
    "iframe",
    "svg",
    "select",
    "menu",
    "dialog",
];

/// Elements whose text is one block of the article.
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "blockquote",
    "pre",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Reads a saved page; an error when it holds no article text.
pub(super) fn read_html(html: &str) -> Result<Article, String> {
    let document = Document::from(html);
    let mut article = page_metadata(&document);
    remove_site_boxes(&document);
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut readability = Readability::with_document(document, None, Some(config))
        .map_err(|e| format!("the page could not be read: {e}"))?;
    let main = readability
        .parse()
        .map_err(|e| format!("no article found in the page ({e})"))?;
    if article.title.is_empty() {
        article.title = clean_paragraph(&main.title);
    }
    article.outlet = article
        .outlet
        .or(main.site_name.map(|s| clean_paragraph(&s)));
    article.published = article
        .published
        .or(main.published_time.as_deref().and_then(day_of));
    article.author = article.author.or(main.byline.map(|s| clean_paragraph(&s)));
    let content = Document::from(main.content.as_ref());
    let mut blocks = Blocks::default();
    blocks.walk(&content.html_root());
    if !blocks.lines.iter().any(|l| matches!(l, Line::Paragraph(_))) {
        return Err("no article text found in the page (no paragraphs in its main content)".into());
    }
    let title = article.title.clone();
    for line in &mut blocks.lines {
        if let Line::Paragraph(text) = line
            && *text == title
        {
            *line = Line::Furniture(text.clone());
        }
    }
    article.lines = blocks.lines;
    article.form = Some(Form::Html);
    Ok(article)
}

/// Words in a class or id that mark a box of the site's, not of the article: cookie
/// and consent banners, share bars, newsletter and subscribe offers, promos, related
/// links, ads. Readability drops many such boxes itself; these it may keep.
const SITE_BOX_WORDS: &[&str] = &[
    "cookie",
    "consent",
    "newsletter",
    "subscribe",
    "share",
    "social",
    "promo",
    "related",
    "advert",
    "sponsor",
    "paywall",
    "signup",
    "byline",
    "pull-quote",
    "pullquote",
    "ad-slot",
    "recirc",
    "outbrain",
    "taboola",
];

fn remove_site_boxes(document: &Document) {
    let selector: Vec<String> = SITE_BOX_WORDS
        .iter()
        .flat_map(|w| [format!("[class*='{w}']"), format!("[id*='{w}']")])
        .collect();
    document.select(&selector.join(", ")).remove();
}

/// What the page says about itself, before Readability changes the document.
fn page_metadata(document: &Document) -> Article {
    let meta = |selector: &str, attribute: &str| {
        let value = document.select(selector).attr(attribute)?;
        let value = clean_paragraph(&value);
        (!value.is_empty()).then_some(value)
    };
    let title = meta("meta[property='og:title']", "content")
        .or_else(|| meta("meta[name='twitter:title']", "content"))
        .or_else(|| Some(clean_paragraph(&document.select("title").text())))
        .unwrap_or_default();
    let published = meta("meta[property='article:published_time']", "content")
        .or_else(|| json_ld_date(document))
        .or_else(|| meta("time[datetime]", "datetime"))
        .or_else(|| meta("meta[name='date']", "content"))
        .and_then(|stamp| day_of(&stamp));
    Article {
        title,
        outlet: meta("meta[property='og:site_name']", "content")
            .or_else(|| meta("meta[name='application-name']", "content")),
        published,
        url: meta("link[rel='canonical']", "href")
            .or_else(|| meta("meta[property='og:url']", "content")),
        author: meta("meta[name='author']", "content"),
        ..Article::default()
    }
}

/// `datePublished` from the page's JSON-LD blocks, read with serde_json.
fn json_ld_date(document: &Document) -> Option<String> {
    let scripts = document.select("script[type='application/ld+json']");
    scripts.iter().find_map(|script| {
        let value: serde_json::Value = serde_json::from_str(&script.text()).ok()?;
        find_key(&value, "datePublished")
    })
}

fn find_key(value: &serde_json::Value, key: &str) -> Option<String> {
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .and_then(|v| v.as_str().map(str::to_owned))
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

/// The day of a timestamp in its own offset (`2025-02-12T08:00:00+08:00` → `2025-02-12`),
/// as the story format asks; `None` when it does not start with a date.
fn day_of(stamp: &str) -> Option<String> {
    let day: String = stamp.trim().chars().take(10).collect();
    let bytes = day.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    shaped.then_some(day)
}

/// The main content's blocks in document order.
#[derive(Default)]
struct Blocks {
    lines: Vec<Line>,
    /// A "Further reading" heading was passed: the rest is the site's, not the story's.
    in_trailer: bool,
}

impl Blocks {
    fn walk(&mut self, node: &NodeRef) {
        for child in node.element_children() {
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if SKIPPED.contains(&name.as_str()) {
                continue;
            }
            let holds_blocks = BLOCKS.iter().any(|b| child.select_has(b));
            if BLOCKS.contains(&name.as_str()) && !holds_blocks {
                self.block(&name, &child);
            } else {
                self.walk(&child);
            }
        }
    }

    fn block(&mut self, name: &str, node: &NodeRef) {
        let text = clean_paragraph(&node.text());
        if text.is_empty() {
            return;
        }
        let heading = name.starts_with('h') && name.len() == 2;
        if heading && is_trailer_heading(&text) {
            self.in_trailer = true;
        }
        let furniture =
            heading || self.in_trailer || is_furniture_line(&text) || only_a_link(node, &text);
        self.lines.push(if furniture {
            Line::Furniture(text)
        } else {
            Line::Paragraph(text)
        });
    }
}

/// A block that is nothing but one link ("Read: Ten things about …"): a promo.
fn only_a_link(node: &NodeRef, text: &str) -> bool {
    let links: String = node
        .element_children()
        .iter()
        .filter(|c| c.has_name("a"))
        .map(|c| clean_paragraph(&c.text()))
        .collect();
    links == text
}

fn is_trailer_heading(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "further reading",
        "related",
        "read more",
        "more from",
        "you may also like",
        "recommended",
        "most read",
        "more stories",
    ]
    .iter()
    .any(|cue| lower.starts_with(cue))
}

/// `select_has` for NodeRef: whether any descendant is a `name` element.
trait SelectHas {
    fn select_has(&self, name: &str) -> bool;
}

impl SelectHas for NodeRef<'_> {
    fn select_has(&self, name: &str) -> bool {
        self.element_children()
            .iter()
            .any(|c| c.has_name(name) || c.select_has(name))
    }
}
