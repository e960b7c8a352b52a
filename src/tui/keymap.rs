//! The one key table: it drives key handling, the help overlay and the status-bar hints.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Where a binding applies. `Global` bindings apply in normal mode in every pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    Lists,
    Detail,
    Search,
    Help,
}

impl Scope {
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

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// How the key is written in help and hints.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub description: &'static str,
    /// Short label for the status bar when this scope is active; None keeps it out.
    pub hint: Option<&'static str>,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        description,
        hint,
    }
}

use Scope::{Detail, Global, Help, Lists, Search};

/// Every binding. Order is the order of the help screen.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(Global, &[ch('/')], Action::OpenSearch, "search everything", Some("search")),
    bind(Global, &[plain(KeyCode::Tab)], Action::NextPane, "next pane", None),
    bind(Global, &[plain(KeyCode::BackTab)], Action::PrevPane, "previous pane", None),
    bind(Global, &[ch('1')], Action::FocusPane(1), "Timeline pane", None),
    bind(Global, &[ch('2')], Action::FocusPane(2), "Candidates pane", None),
    bind(Global, &[ch('3')], Action::FocusPane(3), "Cited metrics pane", None),
    bind(Global, &[ch('4')], Action::FocusPane(4), "Sources pane", None),
    bind(Global, &[ch('5')], Action::FocusPane(5), "Detail pane", None),
    bind(Global, &[plain(KeyCode::Up), ch('k')], Action::Up, "move up", None),
    bind(Global, &[plain(KeyCode::Down), ch('j')], Action::Down, "move down", None),
    bind(Global, &[ch('g'), plain(KeyCode::Home)], Action::Top, "first row", None),
    bind(Global, &[ch('G'), plain(KeyCode::End)], Action::Bottom, "last row", None),
    bind(Global, &[plain(KeyCode::PageUp), ctrl('b')], Action::PageUp, "page up", None),
    bind(Global, &[plain(KeyCode::PageDown), ctrl('f')], Action::PageDown, "page down", None),
    bind(Global, &[plain(KeyCode::Enter)], Action::Follow, "open the selection / follow the link", Some("open")),
    bind(Global, &[plain(KeyCode::Backspace)], Action::Back, "back one hop", None),
    bind(Global, &[ch(']')], Action::Forward, "forward one hop", None),
    bind(Global, &[plain(KeyCode::Esc)], Action::Escape, "close, go back, or clear the filter", None),
    bind(Global, &[ch('e')], Action::Export, "export the focused view to Markdown", Some("export")),
    bind(Global, &[ch('q')], Action::Quit, "quit", Some("quit")),
    bind(Global, &[ch('?')], Action::ToggleHelp, "show or hide this help", Some("help")),
    bind(Global, &[ch('y')], Action::Copy, "copy the selected record as Markdown", None),
    bind(Global, &[ch('<')], Action::AsOfEarlier, "as of the previous publication date", None),
    bind(Global, &[ch('>')], Action::AsOfLater, "as of the next publication date (or all)", None),
    bind(Global, &[ctrl('c')], Action::Quit, "quit, from anywhere", None),
    bind(Lists, &[ch('f')], Action::ToggleFilter, "filter the timeline to the selected entity / clear", Some("filter")),
    bind(Lists, &[ch('c')], Action::ToggleChart, "metrics as a bar chart / as a list", Some("chart")),
    bind(Detail, &[ch('f')], Action::ToggleFilter, "filter the timeline to this entity / clear", Some("filter")),
    bind(Detail, &[ch('c')], Action::ToggleChart, "metrics as a bar chart / as a list", None),
    bind(Search, &[plain(KeyCode::Enter)], Action::SearchAccept, "go to the highlighted result", Some("go to")),
    bind(Search, &[plain(KeyCode::Esc)], Action::SearchCancel, "cancel", Some("cancel")),
    bind(Search, &[plain(KeyCode::Up), ctrl('p')], Action::SearchUp, "previous result", Some("previous")),
    bind(Search, &[plain(KeyCode::Down), ctrl('n')], Action::SearchDown, "next result", Some("next")),
    bind(Search, &[plain(KeyCode::Backspace)], Action::SearchDeleteChar, "delete a character", None),
    bind(Search, &[ctrl('u')], Action::SearchClear, "clear the query", None),
    bind(Search, &[ctrl('c')], Action::Quit, "quit", None),
    bind(Help, &[ch('?'), plain(KeyCode::Esc), ch('q')], Action::ToggleHelp, "close help", Some("close")),
    bind(Help, &[plain(KeyCode::Down), ch('j')], Action::Down, "scroll help down", Some("scroll")),
    bind(Help, &[plain(KeyCode::Up), ch('k')], Action::Up, "scroll help up", None),
    bind(Help, &[ctrl('c')], Action::Quit, "quit", None),
];

/// The bindings of each scope, scopes in help order, bindings in table order.
pub fn by_scope() -> impl Iterator<Item = (Scope, impl Iterator<Item = &'static Binding>)> {
    [
        Scope::Global,
        Scope::Lists,
        Scope::Detail,
        Scope::Search,
        Scope::Help,
    ]
    .into_iter()
    .map(|scope| (scope, BINDINGS.iter().filter(move |b| b.scope == scope)))
}

/// The action for a key in the given scopes (first scope wins), if any.
pub fn resolve(event: KeyEvent, scopes: &[Scope]) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = normalize(event);
    for &scope in scopes {
        if let Some(binding) = BINDINGS
            .iter()
            .find(|b| b.scope == scope && b.keys.contains(&key))
        {
            return Some(binding.action);
        }
    }
    None
}

/// Terminals report Shift-letter as an uppercase char with SHIFT set (or not); bindings
/// are written without SHIFT, so drop it for characters.
fn normalize(event: KeyEvent) -> Key {
    let mut modifiers =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        modifiers.remove(KeyModifiers::SHIFT);
    }
    Key {
        code: event.code,
        modifiers,
    }
}

/// "q quit · / search · …" for the status bar.
/// The most specific scope's hints come first.
pub fn hints(scopes: &[Scope]) -> Vec<(String, &'static str)> {
    scopes
        .iter()
        .flat_map(|&scope| BINDINGS.iter().filter(move |b| b.scope == scope))
        .filter_map(|b| b.hint.map(|short| (b.keys[0].label(), short)))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
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
}
