//! Citations down to the passage: a source's text in a local file, its paragraphs
//! numbered the way citations number them, and each citation's `quote` checked
//! against its paragraph.
//!
//! The paragraph rule (docs/story-format.md, "Article text and quotes"): every
//! non-blank line of the text file is one paragraph, counted from 1; a line starting
//! with `#` is site furniture (headline, share bar, promos, date and view lines,
//! related links, footers) and is not counted. A paragraph that itself starts with `#`
//! is written `\#`.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::story::graph::Story;
use crate::story::graph::provenance::fact_path;
use crate::story::model::Citation;
use crate::story::problem::Problem;
use crate::story::safe_text::{clean_line, escape_controls};

/// The paragraphs of every source that has a readable `text` file, by source id (ids
/// stay put when an as-of view drops sources; indexes do not).
#[derive(Debug, Clone, Default)]
pub struct SourceTexts {
    paragraphs: HashMap<String, Vec<String>>,
}

impl SourceTexts {
    /// Reads each source's `text` file, relative to `story_dir` (the story file's
    /// folder). A story with no folder (the embedded one) may not name text files.
    pub fn load(story: &Story, story_dir: Option<&Path>) -> (SourceTexts, Vec<Problem>) {
        SourceTexts::load_with(story, story_dir, None)
    }

    /// As `load`, or with `texts_dir` (`--texts DIR`) every text is looked up in that
    /// folder instead, by its file name; a source with no `text` is looked up as
    /// `<source id>.txt` there and skipped when there is none.
    pub fn load_with(
        story: &Story,
        story_dir: Option<&Path>,
        texts_dir: Option<&Path>,
    ) -> (SourceTexts, Vec<Problem>) {
        let mut texts = SourceTexts::default();
        let mut problems = Vec::new();
        for (i, source) in story.file.sources.iter().enumerate() {
            let id = source.id.clone();
            let path = format!("sources[{i}].text");
            let full = match text_path(&id, source.text.as_deref(), story_dir, texts_dir) {
                Ok(Some(full)) => full,
                Ok(None) => continue,
                Err(mut problem) => {
                    problem.location = crate::story::problem::Location::Path(path);
                    problems.push(problem);
                    continue;
                }
            };
            match std::fs::read(&full) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => {
                        texts.paragraphs.insert(id.to_string(), paragraphs(&text));
                    }
                    Err(_) => problems.push(Problem::at(
                        path,
                        format!("text file {} is not UTF-8 text", full.display()),
                    )),
                },
                Err(err) => {
                    let why = match err.kind() {
                        std::io::ErrorKind::NotFound => "no such file".to_owned(),
                        _ => err.to_string(),
                    };
                    problems.push(
                        Problem::at(
                            path,
                            format!("cannot read text file {}: {why}", full.display()),
                        )
                        .with_hint("the path is relative to the story file's folder"),
                    );
                }
            }
        }
        (texts, problems)
    }

    /// Paragraph `para` (from 1) of a source's text, when the text is loaded and has it.
    pub fn paragraph(&self, source: &str, para: u32) -> Option<&str> {
        let index = usize::try_from(para).ok()?.checked_sub(1)?;
        self.paragraphs.get(source)?.get(index).map(String::as_str)
    }

    /// True when no source's text is loaded.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// True when the source's text is loaded.
    pub fn has_text(&self, source: &str) -> bool {
        self.paragraphs.contains_key(source)
    }

    /// Every citation whose paragraph or quote the texts contradict, each with the
    /// paragraph it was checked against when there is one.
    pub fn check_quotes(&self, story: &Story) -> Vec<(Problem, Option<String>)> {
        let mut problems = Vec::new();
        // Without a text there is nothing to hold a citation to: no walk over them all.
        if self.is_empty() {
            return problems;
        }
        for (fact, cite) in story.each_fact() {
            for (c, citation) in cite.iter().enumerate() {
                let Some(paragraphs) = self.paragraphs.get(citation.source.as_str()) else {
                    continue;
                };
                let path = || format!("{}.cite[{c}]", fact_path(fact));
                problems.extend(self.check_citation(citation, paragraphs, path));
            }
        }
        problems
    }

    /// What is wrong with one citation of a source whose text (`paragraphs`) is read;
    /// `path` says where the citation is.
    fn check_citation(
        &self,
        citation: &Citation,
        paragraphs: &[String],
        path: impl Fn() -> String,
    ) -> Option<(Problem, Option<String>)> {
        let Some(para) = citation.para else {
            citation.quote()?;
            let problem = Problem::at(format!("{}.quote", path()), "a quote needs a paragraph");
            return Some((problem.with_hint("add \"para\": N"), None));
        };
        let Some(text) = self.paragraph(&citation.source, para) else {
            let count = paragraphs.len();
            let noun = if count == 1 {
                "paragraph"
            } else {
                "paragraphs"
            };
            let problem = Problem::at(
                format!("{}.para", path()),
                format!("`{}` has {count} {noun}, not {para}", citation.source),
            );
            let hint = "count paragraphs as docs/story-format.md says";
            return Some((problem.with_hint(hint), None));
        };
        let quote = citation.quote()?;
        if find_quote(text, quote).is_some() {
            return None;
        }
        let problem = Problem::at(
            format!("{}.quote", path()),
            format!(
                "“{quote}” is not in paragraph {para} of `{}`",
                citation.source
            ),
        );
        Some((problem, Some(format!("¶{para}: {text}"))))
    }
}

/// Where a source's text is read from, or None when it has none to read; an error
/// (its path still to be set) when the embedded story names one.
fn text_path(
    id: &str,
    text: Option<&str>,
    story_dir: Option<&Path>,
    texts_dir: Option<&Path>,
) -> Result<Option<PathBuf>, Problem> {
    Ok(Some(match (texts_dir, text) {
        (Some(dir), Some(relative)) => {
            let relative = Path::new(relative);
            dir.join(relative.file_name().unwrap_or(relative.as_os_str()))
        }
        (Some(dir), None) => {
            // An id is not a path: one that could leave the folder is not looked up.
            let plain = !id.contains(['/', '\\']) && !id.starts_with('.');
            let by_id = dir.join(format!("{id}.txt"));
            if !plain || !by_id.is_file() {
                return Ok(None);
            }
            by_id
        }
        (None, None) => return Ok(None),
        (None, Some(relative)) => match story_dir {
            Some(dir) => dir.join(relative),
            None => {
                return Err(Problem::at(
                    String::new(),
                    "the embedded story cannot carry article text",
                )
                .with_hint("text files belong to stories read with --story"));
            }
        },
    }))
}

/// What `check` prints when texts cannot be read or citations do not match them:
/// each problem on its line, and under it the paragraph it was checked against, whole
/// (cleaned of control characters, wrapped at 100 columns).
pub(crate) fn report(origin: &str, problems: &[(Problem, Option<String>)]) -> String {
    let count = problems.len();
    let noun = if count == 1 { "problem" } else { "problems" };
    let mut out = format!(
        "{}: {count} {noun} with the sources' texts (the story itself is valid):\n",
        escape_controls(origin)
    );
    for (problem, paragraph) in problems {
        out.push_str(&format!("  {problem}\n"));
        if let Some(paragraph) = paragraph {
            for line in textwrap::wrap(&clean_line(paragraph), 100) {
                out.push_str(&format!("      {line}\n"));
            }
        }
    }
    out
}

/// The paragraphs of a text file, by the rule at the top of this file (kept in one
/// place, the text layer, which the drafter numbers paragraphs with too).
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    crate::text::paragraph_texts(text)
}

/// One character of a paragraph as matching sees it, and where it came from.
fn normalised(text: &str) -> (Vec<char>, Vec<Range<usize>>) {
    let mut chars = Vec::new();
    let mut spans: Vec<Range<usize>> = Vec::new();
    for (at, c) in text.char_indices() {
        let span = at..at + c.len_utf8();
        if c.is_whitespace() {
            // Runs of white space count as one space; leading space not at all.
            if chars.last().is_some_and(|&last| last != ' ') {
                chars.push(' ');
                spans.push(span);
            }
            continue;
        }
        let c = match c {
            '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
            other => other,
        };
        chars.push(c);
        spans.push(span);
    }
    if chars.last() == Some(&' ') {
        chars.pop();
        spans.pop();
    }
    (chars, spans)
}

/// Where `quote` sits in `paragraph` (a byte range of the paragraph), forgiving
/// differences in white space and in the shape of quote marks.
pub(crate) fn find_quote(paragraph: &str, quote: &str) -> Option<Range<usize>> {
    let (needle, _) = normalised(quote);
    if needle.is_empty() {
        return None;
    }
    let (hay, spans) = normalised(paragraph);
    let start = hay
        .windows(needle.len())
        .position(|w| w == needle.as_slice())?;
    let end = start + needle.len() - 1;
    Some(spans[start].start..spans[end].end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_and_blank_lines_are_not_paragraphs() {
        let text = "# Headline\n\n# share on\nFirst one.\nSecond, right after.\n\n# Promo: read this\n  Third.  \n\\# Fourth starts with a hash.\n";
        assert_eq!(
            paragraphs(text),
            vec![
                "First one.",
                "Second, right after.",
                "Third.",
                "# Fourth starts with a hash."
            ]
        );
    }

    #[test]
    fn quotes_match_across_spacing_and_quote_marks() {
        let para = "The mayor said   “it’s done” on\tFriday.";
        let found = find_quote(para, "said \"it's done\" on Friday").unwrap();
        assert_eq!(&para[found], "said   “it’s done” on\tFriday");
        assert!(find_quote(para, "it is done").is_none());
        assert!(find_quote(para, "   ").is_none());
        assert!(find_quote(para, "Said").is_none(), "case still matters");
    }
}
