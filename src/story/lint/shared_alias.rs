//! The lint check `shared-alias`: two entities answering to the same name or alias
//! make search and links ambiguous, so it is an error.

use std::collections::{BTreeSet, HashMap};

use crate::story::graph::Story;
use crate::story::lint::finding::{Finding, Severity, debug_checked};

/// One error per name (case-insensitive) that more than one entity answers to.
pub(crate) fn shared_names(story: &Story) -> Vec<Finding> {
    let mut owners: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    for (i, entity) in story.file.entities.iter().enumerate() {
        let mut names: BTreeSet<String> = BTreeSet::new();
        names.insert(entity.name.to_lowercase());
        for (a, alias) in entity.aliases.iter().enumerate() {
            if names.insert(alias.to_lowercase()) {
                owners
                    .entry(alias.to_lowercase())
                    .or_default()
                    .push((i, format!("entities[{i}].aliases[{a}]")));
            }
        }
        owners
            .entry(entity.name.to_lowercase())
            .or_default()
            .push((i, format!("entities[{i}].name")));
    }
    let mut findings: Vec<Finding> = owners
        .into_iter()
        .filter(|(_, users)| users.len() > 1)
        .map(|(name, users)| {
            let who: Vec<&str> = users
                .iter()
                .map(|(i, _)| story.file.entities[*i].name.as_str())
                .collect();
            Finding {
                severity: debug_checked("shared-alias", Severity::Error),
                check: "shared-alias",
                location: users[1].1.clone(),
                message: format!("“{name}” names more than one entity: {}", who.join(", ")),
                group: None,
            }
        })
        .collect();
    findings.sort_by(|a, b| a.location.cmp(&b.location));
    findings
}
