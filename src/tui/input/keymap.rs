//! The one key table: it drives key handling, the help overlay and the status-bar hints.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use crate::tui::input::action::{Action, PaletteAction};
pub(crate) use crate::tui::input::key_names::Key;
use crate::tui::input::key_names::{ch, ctrl, plain};

/// Where a binding applies. `Global` bindings apply in normal mode in every pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Normal mode, whatever pane has focus.
    Global,
    /// Normal mode, in the four list panes.
    Lists,
    /// Normal mode, in Detail.
    Detail,
    /// While the search overlay is open.
    Search,
    /// While help, the command palette, is open.
    Help,
}

impl Scope {
    /// The heading of the scope's rows in help.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::Lists => "Lists",
            Scope::Detail => "Detail",
            Scope::Search => "Search",
            Scope::Help => "Help",
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where the binding applies.
    pub scope: Scope,
    /// The name the help shows and the config file rebinds the row by. Rows sharing a
    /// name (the same action in several scopes) are rebound together.
    pub name: &'static str,
    /// The default keys; the first is the one hints show.
    pub keys: &'static [Key],
    /// What the keys do.
    pub action: Action,
    /// What the row does, in help's words.
    pub description: &'static str,
    /// Short label for the status bar when this scope is active; None keeps it out.
    pub hint: Option<&'static str>,
}

const fn bind(
    scope: Scope,
    name: &'static str,
    keys: &'static [Key],
    action: Action,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        name,
        keys,
        action,
        description,
        hint,
    }
}

use Scope::{Detail, Global, Help, Lists, Search};

/// Every binding, with its default keys. Order is the order of the help screen.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(Global, "search", &[ch('/')], Action::OpenSearch, "search everything", Some("search")),
    bind(Global, "next-pane", &[plain(KeyCode::Tab)], Action::NextPane, "next pane", None),
    bind(Global, "previous-pane", &[plain(KeyCode::BackTab)], Action::PrevPane, "previous pane", None),
    bind(Global, "focus-timeline", &[ch('1')], Action::FocusPane(1), "Timeline pane", None),
    bind(Global, "focus-candidates", &[ch('2')], Action::FocusPane(2), "Candidates pane", None),
    bind(Global, "focus-metrics", &[ch('3')], Action::FocusPane(3), "Cited metrics pane", None),
    bind(Global, "focus-sources", &[ch('4')], Action::FocusPane(4), "Sources pane", None),
    bind(Global, "focus-detail", &[ch('5')], Action::FocusPane(5), "Detail pane", None),
    bind(Global, "zoom", &[ch('z')], Action::ToggleZoom, "the focused pane on the whole screen / every pane again", None),
    bind(Global, "up", &[plain(KeyCode::Up), ch('k')], Action::Up, "move up", None),
    bind(Global, "down", &[plain(KeyCode::Down), ch('j')], Action::Down, "move down", None),
    bind(Global, "first", &[ch('g'), plain(KeyCode::Home)], Action::Top, "first row", None),
    bind(Global, "last", &[ch('G'), plain(KeyCode::End)], Action::Bottom, "last row", None),
    bind(Global, "page-up", &[plain(KeyCode::PageUp), ctrl('b')], Action::PageUp, "page up", None),
    bind(Global, "page-down", &[plain(KeyCode::PageDown), ctrl('f')], Action::PageDown, "page down", None),
    bind(Global, "open", &[plain(KeyCode::Enter)], Action::Follow, "open the selection / follow the link or citation", Some("open")),
    bind(Global, "back", &[plain(KeyCode::Backspace)], Action::Back, "back one hop", None),
    bind(Global, "forward", &[ch(']')], Action::Forward, "forward one hop", None),
    bind(Global, "escape", &[plain(KeyCode::Esc)], Action::Escape, "close, go back, or clear the filter", None),
    bind(Global, "export", &[ch('e')], Action::Export, "export the focused view to Markdown", Some("export")),
    bind(Global, "edit", &[ch('E')], Action::OpenInEditor, "open the story file in $EDITOR at this record", Some("edit")),
    bind(Global, "quit", &[ch('q')], Action::Quit, "quit", Some("quit")),
    bind(Global, "help", &[ch('?')], Action::ToggleHelp, "keys and commands: type to filter, Enter runs", Some("help")),
    bind(Global, "copy", &[ch('y')], Action::Copy, "copy the selected record as Markdown", None),
    bind(Global, "as-of-earlier", &[ch('<')], Action::AsOfEarlier, "as of the previous publication date", None),
    bind(Global, "as-of-later", &[ch('>')], Action::AsOfLater, "as of the next publication date (or all)", None),
    bind(Global, "as-of-date", &[ch('@')], Action::AskDate, "as of a date you type (any form --as-of takes)", None),
    bind(Global, "all-sources", &[ch('A')], Action::AllSources, "every source again (no as-of date)", None),
    bind(Global, "force-quit", &[ctrl('c')], Action::Quit, "quit, from anywhere", None),
    bind(Lists, "filter", &[ch('f')], Action::ToggleFilter, "filter every list to the selected entity / clear", Some("filter")),
    bind(Lists, "chart", &[ch('c')], Action::ToggleChart, "metrics as a bar chart / as a list", Some("chart")),
    bind(Detail, "filter", &[ch('f')], Action::ToggleFilter, "filter every list to this entity / clear", Some("filter")),
    bind(Detail, "chart", &[ch('c')], Action::ToggleChart, "metrics as a bar chart / as a list", None),
    bind(Detail, "paragraph", &[ch('p')], Action::OpenParagraph, "open or close a citation's paragraph", Some("paragraph")),
    bind(Search, "search-go", &[plain(KeyCode::Enter)], Action::SearchAccept, "go to the highlighted result", Some("go to")),
    bind(Search, "search-cancel", &[plain(KeyCode::Esc)], Action::SearchCancel, "cancel", Some("cancel")),
    bind(Search, "search-previous", &[plain(KeyCode::Up), ctrl('p')], Action::SearchUp, "previous result", Some("previous")),
    bind(Search, "search-next", &[plain(KeyCode::Down), ctrl('n')], Action::SearchDown, "next result", Some("next")),
    bind(Search, "search-delete", &[plain(KeyCode::Backspace)], Action::SearchDeleteChar, "delete a character", None),
    bind(Search, "search-clear", &[ctrl('u')], Action::SearchClear, "clear the query", None),
    bind(Search, "force-quit", &[ctrl('c')], Action::Quit, "quit", None),
    bind(Help, "palette-run", &[plain(KeyCode::Enter)], Action::Palette(PaletteAction::Run), "run the highlighted command", Some("run")),
    bind(Help, "palette-close", &[plain(KeyCode::Esc), ch('?')], Action::ToggleHelp, "close help", Some("close")),
    bind(Help, "palette-previous", &[plain(KeyCode::Up), ctrl('p')], Action::Palette(PaletteAction::Up), "previous command", Some("previous")),
    bind(Help, "palette-next", &[plain(KeyCode::Down), ctrl('n')], Action::Palette(PaletteAction::Down), "next command", Some("next")),
    bind(Help, "palette-page-up", &[plain(KeyCode::PageUp)], Action::Palette(PaletteAction::PageUp), "page up", None),
    bind(Help, "palette-page-down", &[plain(KeyCode::PageDown)], Action::Palette(PaletteAction::PageDown), "page down", None),
    bind(Help, "palette-delete", &[plain(KeyCode::Backspace)], Action::Palette(PaletteAction::DeleteChar), "delete a character of the filter", None),
    bind(Help, "palette-clear", &[ctrl('u')], Action::Palette(PaletteAction::Clear), "clear the filter", None),
    bind(Help, "force-quit", &[ctrl('c')], Action::Quit, "quit", None),
];

/// The scopes in help order.
pub(crate) const SCOPES: [Scope; 5] = [
    Scope::Global,
    Scope::Lists,
    Scope::Detail,
    Scope::Search,
    Scope::Help,
];

/// One row of the table with the keys it has in this session.
#[derive(Debug, Clone)]
pub struct Bound {
    /// The row of `BINDINGS`.
    pub binding: &'static Binding,
    /// Its keys in this session: the defaults, or the config file's instead.
    pub keys: Vec<Key>,
}

/// The table as bound in this session: the defaults with the user's config on top
/// (`crate::config` builds it). Key handling, help, the palette and the status bar all
/// read this one value.
#[derive(Debug, Clone)]
pub struct Keymap {
    rows: Vec<Bound>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            rows: BINDINGS
                .iter()
                .map(|binding| Bound {
                    binding,
                    keys: binding.keys.to_vec(),
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// Every row, in help order.
    pub fn rows(&self) -> &[Bound] {
        &self.rows
    }

    /// Gives every row called `name` these keys; false when no row has that name.
    pub fn rebind(&mut self, name: &str, keys: &[Key]) -> bool {
        let mut found = false;
        for row in self.rows.iter_mut().filter(|row| row.binding.name == name) {
            row.keys = keys.to_vec();
            found = true;
        }
        found
    }

    /// Every key bound twice where both would be live at once: twice in one scope, or
    /// in Lists/Detail and also Everywhere (the more specific one would hide the other).
    pub fn conflicts(&self) -> Vec<(Key, &'static str, &'static str)> {
        let mut found = Vec::new();
        for (i, a) in self.rows.iter().enumerate() {
            for b in &self.rows[i + 1..] {
                let overlap = a.binding.scope == b.binding.scope
                    || (a.binding.scope == Scope::Global
                        && matches!(b.binding.scope, Scope::Lists | Scope::Detail));
                if !overlap || a.binding.name == b.binding.name {
                    continue;
                }
                for key in a.keys.iter().filter(|key| b.keys.contains(key)) {
                    found.push((*key, a.binding.name, b.binding.name));
                }
            }
        }
        found
    }

    /// The rows of each scope, scopes in help order, rows in table order.
    pub fn by_scope(&self) -> impl Iterator<Item = (Scope, impl Iterator<Item = &Bound>)> {
        SCOPES.into_iter().map(move |scope| {
            (
                scope,
                self.rows
                    .iter()
                    .filter(move |row| row.binding.scope == scope),
            )
        })
    }

    /// The action for a key in the given scopes (first scope wins), if any.
    pub fn resolve(&self, event: KeyEvent, scopes: &[Scope]) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(event);
        scopes.iter().find_map(|&scope| {
            self.rows
                .iter()
                .find(|row| row.binding.scope == scope && row.keys.contains(&key))
                .map(|row| row.binding.action)
        })
    }

    /// "q quit · / search · …" for the status bar, from the keys bound now.
    /// The most specific scope's hints come first; unbound rows give none.
    pub fn hints(&self, scopes: &[Scope]) -> Vec<(String, &'static str)> {
        self.hints_for(scopes, |_| true)
    }

    /// The hints of the rows whose action `acts` says does something now, so the
    /// status bar never offers a key that would do nothing where the reader is.
    pub fn hints_for(
        &self,
        scopes: &[Scope],
        acts: impl Fn(Action) -> bool,
    ) -> Vec<(String, &'static str)> {
        scopes
            .iter()
            .flat_map(|&scope| {
                self.rows
                    .iter()
                    .filter(move |row| row.binding.scope == scope)
            })
            .filter(|row| acts(row.binding.action))
            .filter_map(|row| Some((row.keys.first()?.label(), row.binding.hint?)))
            .collect()
    }

    /// The first key bound to `name`, as help writes it, for messages such as
    /// "f clears".
    pub fn key_for(&self, name: &str) -> Option<String> {
        self.rows
            .iter()
            .find(|row| row.binding.name == name)
            .and_then(|row| row.keys.first())
            .map(|key| key.label())
    }
}

/// The default bindings of each scope (for the README's key table).
pub fn by_scope() -> impl Iterator<Item = (Scope, impl Iterator<Item = &'static Binding>)> {
    SCOPES
        .into_iter()
        .map(|scope| (scope, BINDINGS.iter().filter(move |b| b.scope == scope)))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use crossterm::event::KeyModifiers;

    use super::*;

    /// The action for a key under the default bindings.
    fn resolve(event: KeyEvent, scopes: &[Scope]) -> Option<Action> {
        Keymap::default().resolve(event, scopes)
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        assert_eq!(Keymap::default().conflicts(), vec![]);
        let mut seen = HashSet::new();
        for binding in BINDINGS {
            for key in binding.keys {
                assert!(
                    seen.insert((binding.scope, *key)),
                    "{:?} bound twice in {:?}",
                    key,
                    binding.scope
                );
            }
        }
    }

    #[test]
    fn list_and_detail_scopes_do_not_shadow_global_keys_by_accident() {
        let global: HashSet<Key> = BINDINGS
            .iter()
            .filter(|b| b.scope == Scope::Global)
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for binding in BINDINGS
            .iter()
            .filter(|b| matches!(b.scope, Scope::Lists | Scope::Detail))
        {
            for key in binding.keys {
                assert!(
                    !global.contains(key),
                    "{key:?} in {:?} shadows a global key",
                    binding.scope
                );
            }
        }
    }

    #[test]
    fn every_binding_is_described() {
        for binding in BINDINGS {
            assert!(
                !binding.description.trim().is_empty(),
                "{:?}",
                binding.action
            );
            assert!(!binding.keys.is_empty(), "{:?}", binding.action);
        }
    }

    #[test]
    fn shifted_letters_resolve() {
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(resolve(event, &[Scope::Global]), Some(Action::Bottom));
        let event = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(resolve(event, &[Scope::Search]), Some(Action::Quit));
    }

    #[test]
    fn rebinding_moves_a_key_and_conflicts_are_found() {
        let mut keymap = Keymap::default();
        assert!(keymap.rebind("quit", &[ch('x')]));
        let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.resolve(x, &[Scope::Global]), Some(Action::Quit));
        assert_eq!(keymap.resolve(q, &[Scope::Global]), None);
        assert!(
            keymap
                .hints(&[Scope::Global])
                .contains(&("x".to_owned(), "quit"))
        );
        assert!(!keymap.rebind("no-such-action", &[ch('x')]));
        // `e` already exports; `f` in a list pane would hide a global `f`.
        keymap.rebind("search", &[ch('e')]);
        keymap.rebind("copy", &[ch('f')]);
        let conflicts = keymap.conflicts();
        assert!(
            conflicts.contains(&(ch('e'), "search", "export")),
            "{conflicts:?}"
        );
        assert!(
            conflicts.contains(&(ch('f'), "copy", "filter")),
            "{conflicts:?}"
        );
    }

    #[test]
    fn names_are_unique_per_scope_and_config_friendly() {
        let mut seen = HashSet::new();
        for binding in BINDINGS {
            assert!(
                seen.insert((binding.scope, binding.name)),
                "{}",
                binding.name
            );
            assert!(
                binding
                    .name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                binding.name
            );
        }
    }
}
