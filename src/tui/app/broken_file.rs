//! Why the story file on disk does not load: the problems panel's content, kept by the
//! explorer's state while the last good story stays on screen, made by the watcher and
//! drawn by `ui::file_problems`.

use crate::story::load::{Location, Problem};

/// How many of a broken file's problems are spelled out on screen.
pub(crate) const PROBLEMS_SHOWN: usize = 4;

/// Why the story file on disk does not load, for the problems panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenFile {
    /// Every problem the loader found.
    pub count: usize,
    /// The first few, each with its line (when known) and record id.
    pub shown: Vec<FileProblem>,
}

/// One problem of a broken file, placed for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// 1-based line in the file.
    pub line: Option<usize>,
    /// Id of the record the problem is in, when it has one.
    pub id: Option<String>,
    /// Where in the record (a path, or line and column for a syntax error) and the
    /// message, without the line and id above, and the hint after it: said once each.
    pub text: String,
}

impl BrokenFile {
    /// The loader's problems for the file whose bytes are `bytes`.
    pub fn from_problems(problems: &[Problem], bytes: &[u8]) -> BrokenFile {
        let text = String::from_utf8_lossy(bytes);
        BrokenFile {
            count: problems.len(),
            shown: problems
                .iter()
                .take(PROBLEMS_SHOWN)
                .map(|problem| {
                    let (line, id) = match &problem.place {
                        Some(place) => (Some(place.line), place.id.clone()),
                        None => where_in_text(&text, &problem.location),
                    };
                    let mut said = Problem {
                        place: None,
                        ..problem.clone()
                    };
                    if let Some(hint) = said.hint.take() {
                        said.message = format!("{}; {hint}", said.message);
                    }
                    FileProblem {
                        line,
                        id,
                        text: said.to_string(),
                    }
                })
                .collect(),
        }
    }

    /// The file is gone (moved or deleted since the explorer opened it).
    pub fn missing() -> BrokenFile {
        BrokenFile::one("file: the story file is not there (moved or deleted?)")
    }

    /// The file is there but cannot be read (`why` says what the system said).
    pub fn unreadable(why: &str) -> BrokenFile {
        BrokenFile::one(&format!("file: cannot be read: {why}"))
    }

    fn one(text: &str) -> BrokenFile {
        BrokenFile {
            count: 1,
            shown: vec![FileProblem {
                line: None,
                id: None,
                text: text.to_owned(),
            }],
        }
    }

    /// The line of the first problem that has one: where the editor key opens.
    pub fn first_line(&self) -> Option<usize> {
        self.shown.iter().find_map(|p| p.line)
    }
}

/// The line of a problem, and the id of the record it sits in, found in the text.
fn where_in_text(text: &str, location: &Location) -> (Option<usize>, Option<String>) {
    match location {
        Location::LineColumn { line, .. } => (Some(*line), None),
        Location::Path(path) => crate::tui::app::record_lines::line_and_id(text, path),
        Location::File => (None, None),
    }
}
