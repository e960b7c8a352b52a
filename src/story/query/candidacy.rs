//! How candidacies are named for a reader: the story's own title for them, and the
//! chooser and the role that tell two candidacies of one party apart.

use crate::story::Story;
use crate::story::query::views::CandidateRow;

/// The candidates pane's and export's title when the story gives none: neutral, since
/// a story's candidates may be partners, hires, bidders or anything else.
pub(crate) const DEFAULT_CANDIDATES_TITLE: &str = "Candidates";

impl Story {
    /// The story's title for its candidacies ("Candidate partners", "Who will run the
    /// company"), or "Candidates".
    pub fn candidates_title(&self) -> &str {
        self.file
            .story
            .candidates_title
            .as_deref()
            .map(str::trim)
            .filter(|title| !title.is_empty())
            .unwrap_or(DEFAULT_CANDIDATES_TITLE)
    }
}

impl CandidateRow {
    /// Who is choosing and for what, chooser first so it survives truncation:
    /// "Halden board: chief executive" beside "Corvane: head of research".
    pub fn chooser_and_role(&self) -> String {
        format!("{}: {}", self.seeker, self.role)
    }
}
