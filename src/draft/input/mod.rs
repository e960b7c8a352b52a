//! Reading the articles a user has into one shape: a headline, what the page says
//! about itself (outlet, date, address, author) and its lines, each either a
//! paragraph of the article or site furniture (`#` in the text file written beside
//! the draft). Plain text, YAML front matter, saved HTML pages and web-page text
//! dumps are told apart here; each has its own file.

mod dump;
mod front_matter;
mod html;

use std::path::Path;

/// Pages above this size are refused with a message rather than parsed: a saved
/// article page is well under a megabyte, and parsing 50 MB of markup would take
/// seconds and hundreds of megabytes for what cannot be one article.
pub(crate) const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// One line of an article as drafted: the article's own paragraph, or furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A paragraph of the article, counted by the paragraph rule.
    Paragraph(String),
    /// Site furniture (banner, headline, share bar, promo, footer), kept as a `#`
    /// line so the text still reads like the page but is never counted.
    Furniture(String),
}

/// The form an article was read in, named in the drafted source's note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Plain text; the headline is the first line.
    Plain,
    /// Text with YAML front matter.
    FrontMatter,
    /// A web-page text dump: furniture lines found and marked.
    Dump,
    /// A saved HTML page; the main text found the way reader modes do.
    Html,
}

impl Form {
    /// How the form reads in a note.
    pub fn label(self) -> &'static str {
        match self {
            Form::Plain => "plain text",
            Form::FrontMatter => "text with front matter",
            Form::Dump => "web-page text dump",
            Form::Html => "saved HTML page",
        }
    }
}

/// An article as read, before anything is drafted from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The file it came from, as given on the command line.
    pub file: String,
    /// Its headline.
    pub title: String,
    /// Who published it, when the article says.
    pub outlet: Option<String>,
    /// When it was published, in the story format's spelling (`2025-02-12`, `2025-02`).
    pub published: Option<String>,
    /// Where it is on the web.
    pub url: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Its lines in order: paragraphs and furniture.
    pub lines: Vec<Line>,
    /// The form it was read in (`None` only for the default value).
    pub form: Option<Form>,
}

impl Article {
    /// The article's own paragraphs, in order (¶1 first).
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.lines.iter().filter_map(|line| match line {
            Line::Paragraph(text) => Some(text.as_str()),
            Line::Furniture(_) => None,
        })
    }
}

/// Why an article could not be read, in words for the terminal.
pub(crate) type ReadError = String;

/// Reads one article from its bytes; `file` names it in messages.
pub fn read_article(file: &str, bytes: &[u8]) -> Result<Article, ReadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "{file}: {:.1} MB is too large for one article (storyscope draft reads files up to {} MB; save the article's page alone, or its text)",
            bytes.len() as f64 / 1_048_576.0,
            MAX_INPUT_BYTES / 1_048_576
        ));
    }
    if looks_binary(bytes) {
        return Err(format!(
            "{file}: not text (a binary file?); draft reads plain text, Markdown with front matter and saved HTML pages"
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "{file}: not UTF-8 text (invalid byte at offset {}); save the article as UTF-8",
            e.valid_up_to()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut article = if is_html(file, text) {
        html::read_html(text)?
    } else if let Some(article) = front_matter::read_front_matter(text) {
        article
    } else {
        dump::read_text(text)
    };
    article.file = file.to_owned();
    Ok(article)
}

/// A NUL byte, or many control characters, in the first 8 KB: no article is written so.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    head.contains(&0) || controls * 20 > head.len().max(1)
}

/// By extension, or by a document that opens with markup.
fn is_html(file: &str, text: &str) -> bool {
    let extension = Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(extension.as_deref(), Some("html" | "htm" | "xhtml")) {
        return true;
    }
    let head: String = text.trim_start().chars().take(64).collect::<String>();
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// One paragraph's text as the text file holds it: control characters dropped,
/// white space runs (a page's line breaks inside a paragraph) made one space.
pub(crate) fn clean_paragraph(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    out
}

#[cfg(test)]
mod tests;
