//! The help overlay as a command palette (lazygit-style): every row of the keymap, as
//! bound in this session, narrowed by a typed filter with the fuzzy matcher search
//! uses (SkimMatcherV2; every word must match), the best match highlighted, and Enter
//! running it. Only state and pure functions here; `ui/palette.rs` draws it.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::tui::input::action::Action;
use crate::tui::input::keymap::{Bound, Keymap, Scope};

/// What the palette remembers between keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaletteState {
    /// The filter typed.
    pub query: String,
    /// Index into `entries(..)` of the highlighted row; always a runnable one.
    pub selected: usize,
    /// First line shown (lines include scope headings), kept so the selection is in view.
    pub scroll: usize,
}

/// One row the palette lists.
#[derive(Debug, Clone)]
pub struct Entry<'k> {
    /// The keymap row.
    pub row: &'k Bound,
    /// How well it matches the filter, as the fuzzy matcher scores it; 0 with no
    /// filter.
    pub score: i64,
}

impl Entry<'_> {
    /// Rows of the normal-mode scopes run from the palette; the search box's and the
    /// palette's own keys are listed for reference only.
    pub fn runnable(&self) -> bool {
        is_runnable(self.row.binding.scope)
    }

    /// What Enter on the row runs.
    pub fn action(&self) -> Action {
        self.row.binding.action
    }
}

/// True for the scopes whose rows run from the palette.
pub(crate) fn is_runnable(scope: Scope) -> bool {
    matches!(scope, Scope::Global | Scope::Lists | Scope::Detail)
}

/// The text a row is matched against: its name, what it does, its keys and scope.
fn haystack(row: &Bound) -> String {
    let keys: Vec<String> = row.keys.iter().map(|key| key.label()).collect();
    format!(
        "{} {} {} {}",
        row.binding.name,
        row.binding.description,
        keys.join(" "),
        row.binding.scope.title()
    )
}

/// The rows matching `query`, in table order (so the list keeps its shape while it
/// narrows); every word of the query must match, as in search.
pub fn entries<'k>(keymap: &'k Keymap, query: &str) -> Vec<Entry<'k>> {
    let words: Vec<&str> = query.split_whitespace().collect();
    let matcher = SkimMatcherV2::default();
    keymap
        .rows()
        .iter()
        .filter_map(|row| {
            let hay = haystack(row);
            let mut score = 0;
            for word in &words {
                score += matcher.fuzzy_match(&hay, word)?;
            }
            // A name that starts with the query is what the user is typing.
            if let Some(first) = words.first() {
                if row.binding.name.starts_with(first) {
                    score += 1_000;
                }
            }
            Some(Entry { row, score })
        })
        .collect()
}

/// The runnable entry to highlight for a fresh query: the best score, the first in
/// the table among equals.
pub(crate) fn best(entries: &[Entry<'_>]) -> usize {
    let mut best: Option<(usize, i64)> = None;
    for (i, entry) in entries.iter().enumerate().filter(|(_, e)| e.runnable()) {
        if best.is_none_or(|(_, score)| entry.score > score) {
            best = Some((i, entry.score));
        }
    }
    best.map_or(0, |(i, _)| i)
}

/// `steps` runnable entries from `from` (negative goes up), stopping at the ends.
pub(crate) fn step(entries: &[Entry<'_>], from: usize, steps: isize) -> usize {
    let runnable: Vec<usize> = (0..entries.len())
        .filter(|&i| entries[i].runnable())
        .collect();
    let Some(position) = runnable
        .iter()
        .position(|&i| i >= from)
        .or(runnable.len().checked_sub(1))
    else {
        return 0;
    };
    let target = (position as isize + steps).clamp(0, runnable.len() as isize - 1);
    runnable[target as usize]
}

/// The lines the palette shows: a heading before each scope's first entry, then the
/// entries. Returns, for each line, the entry it shows (None for a heading).
pub fn lines(entries: &[Entry<'_>]) -> Vec<Option<usize>> {
    let mut lines = Vec::new();
    let mut scope = None;
    for (i, entry) in entries.iter().enumerate() {
        if scope != Some(entry.row.binding.scope) {
            scope = Some(entry.row.binding.scope);
            lines.push(None);
        }
        lines.push(Some(i));
    }
    lines
}

/// The first line to show so that the selected entry (and its heading, when it is the
/// first of its scope) is inside `height` lines.
pub(crate) fn scroll_for(
    lines: &[Option<usize>],
    selected: usize,
    scroll: usize,
    height: usize,
) -> usize {
    let height = height.max(1);
    let Some(line) = lines.iter().position(|&l| l == Some(selected)) else {
        return 0;
    };
    let top = if line > 0 && lines[line - 1].is_none() {
        line - 1
    } else {
        line
    };
    let scroll = if top < scroll {
        top
    } else if line >= scroll + height {
        line + 1 - height
    } else {
        scroll
    };
    scroll.min(lines.len().saturating_sub(height))
}

/// The palette's outer size on a terminal of `size`, shared by drawing and by `update`
/// (which keeps the selection in view).
pub fn popup_size(size: (u16, u16), lines: usize) -> (u16, u16) {
    let width = size.0.saturating_sub(4).min(96);
    // Two border lines and the filter line around the list.
    let wanted = u16::try_from(lines + 3).unwrap_or(u16::MAX);
    let height = size.1.saturating_sub(2).min(wanted).max(4.min(size.1));
    (width, height)
}

/// Lines of the list visible in a popup of `height`.
pub fn list_height(height: u16) -> usize {
    usize::from(height.saturating_sub(3)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_part_of_a_name_highlights_that_command() {
        let keymap = Keymap::default();
        for (query, action) in [
            ("exp", Action::Export),
            ("quit", Action::Quit),
            ("chart", Action::ToggleChart),
            ("as of earlier", Action::AsOfEarlier),
            ("copy markdown", Action::Copy),
        ] {
            let found = entries(&keymap, query);
            assert_eq!(found[best(&found)].action(), action, "{query}");
        }
    }

    #[test]
    fn every_word_must_match() {
        let keymap = Keymap::default();
        assert!(entries(&keymap, "export zzzq").is_empty());
        assert_eq!(entries(&keymap, "").len(), keymap.rows().len());
    }

    #[test]
    fn stepping_skips_rows_that_do_not_run() {
        let keymap = Keymap::default();
        let all = entries(&keymap, "");
        let last = step(&all, 0, isize::MAX / 2);
        assert!(all[last].runnable());
        assert_eq!(step(&all, last, 1), last);
        assert_eq!(step(&all, 0, -5), 0);
        let second = step(&all, 0, 1);
        assert_eq!(second, 1);
    }

    #[test]
    fn scroll_keeps_the_selection_and_its_heading_in_view() {
        let keymap = Keymap::default();
        let all = entries(&keymap, "");
        let lines = lines(&all);
        let last = step(&all, 0, isize::MAX / 2);
        let scroll = scroll_for(&lines, last, 0, 10);
        let line = lines.iter().position(|&l| l == Some(last)).unwrap();
        assert!(line >= scroll && line < scroll + 10);
        assert_eq!(scroll_for(&lines, 0, scroll, 10), 0);
        // Never past the end, whatever was stored before.
        assert!(scroll_for(&lines, last, 10_000, 10) <= lines.len() - 10);
    }
}
