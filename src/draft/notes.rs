//! The marks a drafted record carries: `drafted` (which rule wrote it, until a person
//! checks it) and `inference` (a kind guessed from a cue, a date worked out from
//! relative words), and the ids drafted records get: stable slugs of their names.

use std::collections::BTreeSet;

use crate::story::model::{AuthorNote, AuthorNoteKind};

/// `drafted`: the rule named in `reason` wrote this record (or `field` of it).
pub(crate) fn drafted(field: Option<&str>, reason: impl Into<String>) -> AuthorNote {
    AuthorNote {
        field: field.map(str::to_owned),
        kind: AuthorNoteKind::Drafted,
        reason: reason.into(),
    }
}

/// `inference`: worked out from the text by a rule; the reason gives the cue.
pub(crate) fn inferred(field: &str, reason: impl Into<String>) -> AuthorNote {
    AuthorNote {
        field: Some(field.to_owned()),
        kind: AuthorNoteKind::Inference,
        reason: reason.into(),
    }
}

/// A slug of `text`: lower case, letters and digits (any script) kept, every other run
/// of characters one `-`, at most 48 characters.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 48 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "x".to_owned() } else { out }
}

/// Ids handed out so far: every id in a story is unique across the whole file.
#[derive(Default)]
pub(crate) struct Ids {
    taken: BTreeSet<String>,
}

impl Ids {
    /// Ids already in a story being merged into.
    pub(crate) fn with_taken(taken: impl IntoIterator<Item = String>) -> Ids {
        Ids {
            taken: taken.into_iter().collect(),
        }
    }

    /// `base`, or `base-2`, `base-3` … when taken. Records are drafted in a fixed
    /// order, so the same input gives the same ids.
    pub(crate) fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let mut n = 2;
        while self.taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone());
        id
    }
}
