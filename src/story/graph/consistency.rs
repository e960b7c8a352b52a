//! Disagreements between sources versus one source contradicting itself: two kinds of
//! dispute, shown and counted apart, so neither is passed off as the other.

use crate::story::graph::{RecordRef, Story};
use crate::story::model::DisputeKind;

impl Story {
    /// True when a dispute sets sources against each other (not a source against itself).
    pub fn is_disagreement(&self, dispute: usize) -> bool {
        self.file.disputes[dispute].kind == DisputeKind::Disagreement
    }

    /// True when an inconsistency (one source contradicting itself) is about `record`.
    pub fn is_inconsistent(&self, record: RecordRef) -> bool {
        self.disputes_about(record)
            .iter()
            .any(|&d| !self.is_disagreement(d))
    }

    /// (disagreements, inconsistencies) in the story.
    pub fn dispute_counts(&self) -> (usize, usize) {
        let disagreements = (0..self.file.disputes.len())
            .filter(|&d| self.is_disagreement(d))
            .count();
        (disagreements, self.file.disputes.len() - disagreements)
    }
}
