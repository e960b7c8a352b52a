//! The diff's candidacy sections: new candidacies, and new stages of known ones. Each
//! row says what the candidacy is for and who weighs it: one person can be weighed for
//! two roles, or by two choosers.

use super::Page;
use crate::story::graph::Story;
use crate::story::report::markdown::escape;

impl Page<'_> {
    pub(super) fn candidacies(&mut self) {
        let (later, notes) = (self.later, &mut self.notes);
        let rows = self
            .diff
            .candidacies
            .iter()
            .map(|&c| {
                let row = later.candidate_row(c);
                let cite: Vec<_> = row.stages.iter().flat_map(|s| s.cite.clone()).collect();
                let stages: Vec<&str> = row.stages.iter().map(|s| s.stage.label()).collect();
                vec![
                    format!("**{}**", escape(&candidate_name(later, c))),
                    escape(&row.role),
                    escape(&chooser_name(later, c)),
                    row.current.label().to_owned(),
                    stages.join(" → "),
                    notes.refs(&cite),
                ]
            })
            .collect();
        let header = [
            "Candidate",
            "For",
            "Chosen by",
            "Where it stands",
            "Stages",
            "Sources",
        ];
        self.section("New candidacies", &header, rows);
    }

    pub(super) fn stages(&mut self) {
        let (later, notes) = (self.later, &mut self.notes);
        let rows = self
            .diff
            .stages
            .iter()
            .map(|&(c, s)| {
                let candidacy = &later.file.candidates[c];
                let stage = &candidacy.stages[s];
                vec![
                    format!("**{}**", escape(&candidate_name(later, c))),
                    escape(&candidacy.role),
                    escape(&chooser_name(later, c)),
                    stage.stage.label().to_owned(),
                    escape(&stage.date.map_or_else(|| "—".to_owned(), |d| d.human())),
                    escape(stage.reason.as_deref().unwrap_or("—")),
                    notes.refs(&stage.cite),
                ]
            })
            .collect();
        let header = [
            "Candidate",
            "For",
            "Chosen by",
            "Stage",
            "When",
            "Reason given",
            "Sources",
        ];
        self.section("New stages", &header, rows);
    }
}

fn candidate_name(story: &Story, candidacy: usize) -> String {
    story.entity_label(&story.file.candidates[candidacy].candidate)
}

/// Who weighs the candidacy (its `seeker`).
fn chooser_name(story: &Story, candidacy: usize) -> String {
    story.entity_label(&story.file.candidates[candidacy].seeker)
}
