//! What is wrong with a story file: the problem types every part of the core reports in.
//!
//! They sit at the bottom of the core so that the loader, the graph builder and lint can
//! all report problems without depending on each other.

use std::fmt;

use crate::story::safe_text::escape_controls;

/// Where in the file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole (empty, unreadable, not UTF-8 …).
    File,
    /// 1-based line and column, for syntax errors.
    LineColumn {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A path into the document, like `events[3].entities[1]`.
    Path(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => f.write_str("file"),
            Location::LineColumn { line, column } => write!(f, "line {line} col {column}"),
            Location::Path(path) if path.is_empty() => f.write_str("top level"),
            Location::Path(path) => f.write_str(path),
        }
    }
}

/// Where a path is in the text: its record's own id, when it has one, and the line and
/// column (1-based, columns in characters) where its value starts. Found by
/// `place::Locator` once there is something to report.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Place {
    /// The id of the record the path is in, when it has one.
    pub id: Option<String>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One thing wrong with a story file, and what would fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub location: Location,
    /// What is wrong.
    pub message: String,
    /// What would fix it, when that can be said.
    pub hint: Option<String>,
    /// For a `Location::Path`: where it is in the text (set by the loader).
    pub place: Option<Place>,
}

impl Problem {
    /// A problem at a record path like `events[3].entities[1]`.
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            location: Location::Path(path.into()),
            message: message.into(),
            hint: None,
            place: None,
        }
    }

    /// A problem with the file as a whole.
    pub fn file(message: impl Into<String>) -> Problem {
        Problem {
            location: Location::File,
            message: message.into(),
            hint: None,
            place: None,
        }
    }

    /// The same problem, with what would fix it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages quote ids and values from the file, which may hold escape sequences.
        let location = escape_controls(&self.location.to_string());
        f.write_str(&location)?;
        if let Some(place) = &self.place {
            write!(f, "{}", PlaceSuffix(place))?;
        }
        write!(f, ": {}", escape_controls(&self.message))?;
        if let Some(hint) = &self.hint {
            write!(f, " ({})", escape_controls(hint))?;
        }
        Ok(())
    }
}

/// ` (ev-fired), line 233 col 7`: what follows a path in a message.
pub(crate) struct PlaceSuffix<'a>(pub &'a Place);

impl fmt::Display for PlaceSuffix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.0;
        if let Some(id) = &place.id {
            write!(f, " ({})", escape_controls(id))?;
        }
        write!(f, ", line {} col {}", place.line, place.column)
    }
}

/// A story file that could not be loaded, with every problem found in it.
#[derive(Debug, Clone)]
pub struct LoadError {
    /// How the file was named on the command line, or "embedded story".
    pub origin: String,
    /// Every problem found (capped, the last one counting the rest).
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        writeln!(
            f,
            "{}: {count} {noun}, the story was not loaded:",
            self.origin
        )?;
        for problem in &self.problems {
            writeln!(f, "  {}: {problem}", escape_controls(&self.origin))?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Problems beyond this many are summarised, so a file of junk cannot flood a terminal.
pub(crate) const MAX_PROBLEMS: usize = 200;

/// Keeps at most `MAX_PROBLEMS`, saying how many more there were.
pub(crate) fn cap_problems(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() > MAX_PROBLEMS {
        let dropped = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(more_problems(dropped));
    }
    problems
}

/// The closing line of a capped list: how many problems were left out.
pub(crate) fn more_problems(count: usize) -> Problem {
    let noun = if count == 1 { "problem" } else { "problems" };
    Problem::file(format!("…and {count} more {noun} not shown"))
}

/// Problems up to `MAX_PROBLEMS`, and a count of the ones past it: a file of junk can
/// hold millions, and each would cost memory and time to describe.
#[derive(Default)]
pub(crate) struct CappedProblems {
    problems: Vec<Problem>,
    more: usize,
}

impl CappedProblems {
    pub(crate) fn is_full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.problems.is_empty() && self.more == 0
    }

    /// Keeps the problem `describe` gives, or only counts it once the list is full.
    pub(crate) fn add(&mut self, describe: impl FnOnce() -> Problem) {
        if self.is_full() {
            self.more += 1;
        } else {
            self.problems.push(describe());
        }
    }

    /// Counts a problem past the cap without describing it.
    pub(crate) fn count_one_more(&mut self) {
        self.more += 1;
    }

    pub(crate) fn finish(mut self) -> Vec<Problem> {
        if self.more > 0 {
            self.problems.push(more_problems(self.more));
        }
        self.problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_escapes_controls_and_names_top_level() {
        let problem = Problem::at("", "bad \u{1b}[31m").with_hint("fix \u{7}");
        let shown = problem.to_string();
        assert!(shown.starts_with("top level: bad "), "{shown}");
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown}"
        );
        let at = Problem {
            location: Location::LineColumn { line: 3, column: 9 },
            message: "x".into(),
            hint: None,
            place: None,
        };
        assert_eq!(at.to_string(), "line 3 col 9: x");
        let placed = Problem {
            place: Some(Place {
                id: Some("ev-\u{1b}a".into()),
                line: 233,
                column: 7,
            }),
            ..Problem::at("events[12]", "m")
        };
        assert_eq!(
            placed.to_string(),
            "events[12] (ev-\\u{1b}a), line 233 col 7: m"
        );
    }

    #[test]
    fn load_error_counts_problems() {
        let err = LoadError {
            origin: "a.json".into(),
            problems: vec![Problem::file("one")],
        };
        assert_eq!(
            err.to_string(),
            "a.json: 1 problem, the story was not loaded:\n  a.json: file: one\n"
        );
    }

    #[test]
    fn cap_keeps_the_first_and_counts_the_rest() {
        let many: Vec<Problem> = (0..MAX_PROBLEMS + 3)
            .map(|i| Problem::file(i.to_string()))
            .collect();
        let capped = cap_problems(many);
        assert_eq!(capped.len(), MAX_PROBLEMS + 1);
        assert_eq!(capped[0].message, "0");
        assert_eq!(
            capped[MAX_PROBLEMS].message,
            "…and 3 more problems not shown"
        );
        assert_eq!(cap_problems(vec![Problem::file("a")]).len(), 1);
    }

    #[test]
    fn capped_list_describes_only_what_it_keeps() {
        let mut found = CappedProblems::default();
        assert!(found.is_empty());
        for _ in 0..MAX_PROBLEMS {
            found.add(|| Problem::file("kept"));
        }
        assert!(found.is_full());
        found.add(|| unreachable!("a problem past the cap is not described"));
        found.count_one_more();
        let problems = found.finish();
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(
            problems[MAX_PROBLEMS].message,
            "…and 2 more problems not shown"
        );
    }
}
