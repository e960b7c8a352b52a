//! Writing a draft: the story as pretty JSON (whole numbers written without `.0`, so a
//! figure reads as the article gives it), and each article's text file, laid out by
//! the paragraph rule: one paragraph a line, the headline and other furniture as `#`
//! lines, a paragraph that starts with `#` written `\#`.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

use super::input::{Article, Line};
use crate::story::model::StoryFile;

/// The text file for `article`: `# headline`, then its lines in order.
pub(crate) fn text_file(article: &Article) -> String {
    let mut out = String::new();
    let headline_kept = article
        .lines
        .iter()
        .any(|l| *l == Line::Furniture(article.title.clone()));
    if !headline_kept && !article.title.is_empty() {
        out.push_str(&format!("# {}\n", article.title));
    }
    for line in &article.lines {
        match line {
            Line::Furniture(text) => out.push_str(&format!("# {text}\n")),
            Line::Paragraph(text) if text.starts_with('#') => out.push_str(&format!("\\{text}\n")),
            Line::Paragraph(text) => out.push_str(&format!("{text}\n")),
        }
    }
    out
}

/// The story as JSON, two-space indented, with a final newline.
pub fn story_json(story: &StoryFile) -> String {
    let mut bytes = Vec::new();
    let mut serializer =
        Serializer::with_formatter(&mut bytes, WholeNumbers(PrettyFormatter::new()));
    // Serialising these types to memory cannot fail: every map key is a string.
    if story.serialize(&mut serializer).is_err() {
        return String::new();
    }
    let mut text = String::from_utf8(bytes).unwrap_or_default();
    text.push('\n');
    text
}

/// Pretty JSON that writes a whole `f64` (300000.0) as `300000`.
struct WholeNumbers(PrettyFormatter<'static>);

impl Formatter for WholeNumbers {
    fn write_f64<W: ?Sized + io::Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
            write!(writer, "{}", value as i64)
        } else {
            self.0.write_f64(writer, value)
        }
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}
