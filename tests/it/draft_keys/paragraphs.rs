//! Splits the drafting fixtures' articles into paragraphs by the rule in
//! tests/fixtures/draft/README.md: plain text and web-page dumps, Markdown with front
//! matter, and saved HTML pages (the `<p>` blocks of the main text).

use std::path::Path;

/// Same comparison as `check` makes for quotes: white space and quote shapes forgiven.
pub fn normalise(text: &str) -> String {
    let straight: String = text
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            other => other,
        })
        .collect();
    straight.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs of a plain-text article or a web-page dump. The title, banner, repeated
/// headline and date line come before the first paragraph; every fixture's first
/// paragraph is a long line (100 characters or more) and none of those header lines is.
fn text_paragraphs(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.chars().count() >= 100)
        .unwrap_or(0);
    let mut paragraphs = Vec::new();
    for line in &lines[start..] {
        let line = line.trim();
        let lower = line.to_lowercase();
        if ["related articles:", "related:", "read next:"]
            .iter()
            .any(|end| lower.starts_with(end))
        {
            break;
        }
        if !line.is_empty() && !line.starts_with('#') && !is_dump_furniture(&lower) {
            paragraphs.push(normalise(line));
        }
    }
    paragraphs
}

/// Site furniture set between a dump's paragraphs (README.md of the draft fixtures
/// lists it). Date and view-count lines need no test here: every fixture has them in
/// its header, before the first paragraph.
fn is_dump_furniture(lower: &str) -> bool {
    let prefixes = [
        "share on",
        "follow",
        "free newsletter",
        "subscribe now",
        "don't miss:",
        "solemnly declare:",
        "advertisement",
    ];
    prefixes.iter().any(|p| lower.starts_with(p))
}

/// Paragraphs of a Markdown article: after the YAML front matter, every non-blank line
/// that is not a `#` heading.
fn markdown_paragraphs(text: &str) -> Vec<String> {
    let mut parts = text.splitn(3, "---\n");
    let (before, _front, body) = (parts.next(), parts.next(), parts.next());
    assert_eq!(
        before,
        Some(""),
        "a Markdown fixture starts with front matter"
    );
    body.expect("front matter is closed")
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(normalise)
        .collect()
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The class attribute of a tag's source (`<div class="a b" …>`), or "".
fn class_of(tag: &str) -> &str {
    tag.split_once("class=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("", |(classes, _)| classes)
}

fn is_skipped(name: &str, classes: &str) -> bool {
    let skip_tag = ["aside", "figure", "figcaption", "blockquote"].contains(&name);
    let skip_class = classes.split_whitespace().any(|c| {
        c == "ad"
            || c.starts_with("ad-")
            || ["promo", "newsletter", "related", "pull-quote"]
                .iter()
                .any(|p| c.starts_with(p))
    });
    skip_tag || skip_class
}

/// The `<p>` blocks of a saved page's main text: inside an article-body container,
/// outside ads, promos, asides, figures and pull quotes. A fixture's scan, not a parser:
/// the product uses a real HTML crate; this only has to read our own pages.
fn html_paragraphs(html: &str) -> Vec<String> {
    const BODY: &[&str] = &["story-body", "body", "entry-content", "article-body"];
    const VOID: &[&str] = &[
        "img", "br", "hr", "input", "meta", "link", "source", "wbr", "!doctype",
    ];
    let mut stack: Vec<(String, bool, bool)> = Vec::new(); // (tag, in body, skipped)
    let (mut paragraphs, mut current): (Vec<String>, Option<String>) = (Vec::new(), None);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        if let Some(text) = current.as_mut() {
            text.push_str(&rest[..open]);
        }
        let close = rest[open..].find('>').expect("every tag closes") + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        let name = tag
            .trim_start_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if name == "script" || name == "style" {
            let end = rest
                .find(&format!("</{name}>"))
                .expect("script and style close");
            rest = &rest[end + name.len() + 3..];
        } else if tag.starts_with('/') {
            while let Some((top, _, _)) = stack.pop() {
                if top == name {
                    break;
                }
            }
            if name == "p" {
                if let Some(text) = current.take() {
                    paragraphs.push(normalise(&decode_entities(&text)));
                }
            }
        } else if !VOID.contains(&name.as_str()) && !tag.starts_with('!') {
            let (in_body, skipped) = stack.last().map_or((false, false), |(_, b, s)| (*b, *s));
            let classes = class_of(tag);
            let body_here = classes.split_whitespace().any(|c| BODY.contains(&c));
            if name == "p" && in_body && !skipped {
                current = Some(String::new());
            }
            stack.push((
                name.clone(),
                in_body || body_here,
                skipped || is_skipped(&name, classes),
            ));
        }
    }
    paragraphs
}

pub fn paragraphs(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("a readable article");
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => html_paragraphs(&text),
        Some("md") => markdown_paragraphs(&text),
        _ => text_paragraphs(&text),
    }
}

#[test]
fn html_main_text_leaves_out_furniture_and_counts_body_paragraphs() {
    let page = r#"<html><head><script>var x = "<p>no</p>";</script></head><body>
        <nav><p>Menu</p></nav><div class="story-body"><p>One &amp; all.</p>
        <div class="ad ad-inarticle"><p>Advertisement</p></div><figure><figcaption>Cap</figcaption></figure>
        <aside class="inline-related"><p>Read more</p></aside><p>Two <a href="/">linked</a>.</p>
        <blockquote class="pull-quote"><p>Pulled</p></blockquote></div><footer><p>©</p></footer></body></html>"#;
    assert_eq!(html_paragraphs(page), ["One & all.", "Two linked."]);
}

#[test]
fn dump_paragraphs_skip_header_promos_date_lines_and_everything_after_related() {
    let long = "A".repeat(100);
    let dump = format!(
        "Banner 2026\nHeadline\n\nHeadline\n\n04/23 2026 1,208\n\nshare on\n\n{long}\nSecond line.\n\n\
         Don't miss: a promo\n\nThird.\n\nRelated articles:\n\nA link\n"
    );
    assert_eq!(
        text_paragraphs(&dump),
        [long.as_str(), "Second line.", "Third."]
    );
}
