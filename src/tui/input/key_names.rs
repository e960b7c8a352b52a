//! A key with its modifiers, how help writes it ("Ctrl-F", "PgDn", "↑"), and reading it
//! back from the config file, which accepts what help shows and a few common spellings.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key pressed.
    pub code: KeyCode,
    /// Ctrl, Alt and so on held with it (Shift only where it is not in the character).
    pub modifiers: KeyModifiers,
}

pub(crate) const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

pub(crate) const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

pub(crate) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// Named keys: the first name of each is the one help shows.
const NAMED: &[(&[&str], KeyCode)] = &[
    (&["↑", "Up"], KeyCode::Up),
    (&["↓", "Down"], KeyCode::Down),
    (&["←", "Left"], KeyCode::Left),
    (&["→", "Right"], KeyCode::Right),
    (&["Enter", "Return"], KeyCode::Enter),
    (&["Esc", "Escape"], KeyCode::Esc),
    (&["Tab"], KeyCode::Tab),
    (&["Shift-Tab", "BackTab"], KeyCode::BackTab),
    (&["Backspace", "BS"], KeyCode::Backspace),
    (&["Delete", "Del"], KeyCode::Delete),
    (&["Insert", "Ins"], KeyCode::Insert),
    (&["Home"], KeyCode::Home),
    (&["End"], KeyCode::End),
    (&["PgUp", "PageUp"], KeyCode::PageUp),
    (&["PgDn", "PageDown"], KeyCode::PageDown),
    (&["Space"], KeyCode::Char(' ')),
];

impl Key {
    /// How the key is written in help and hints (and accepted in the config file).
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            code => NAMED
                .iter()
                .find(|(_, named)| *named == code)
                .map_or_else(|| format!("{code:?}"), |(names, _)| names[0].to_owned()),
        };
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        // Ctrl-letters are case-blind on a terminal and read better in capitals;
        // Alt-x and Alt-X are different keys.
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label + &base.to_uppercase()
        } else {
            label + &base
        }
    }

    /// Reads a key as the config file writes it: `q`, `G`, `?`, `Ctrl-F`, `Alt-x`,
    /// `Enter`, `PgDn`, `↑` / `Up`, `F5`, `Space`. Names and modifiers ignore case;
    /// single characters keep it (`g` and `G` are different keys).
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text.trim();
        if rest.is_empty() {
            return Err("an empty key".to_owned());
        }
        let mut modifiers = KeyModifiers::NONE;
        loop {
            let lower = rest.to_lowercase();
            let (modifier, len) = if lower.starts_with("ctrl-") || lower.starts_with("ctrl+") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("c-") && rest.chars().count() > 2 {
                (KeyModifiers::CONTROL, 2)
            } else if lower.starts_with("alt-") || lower.starts_with("alt+") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("a-") && rest.chars().count() > 2 {
                (KeyModifiers::ALT, 2)
            } else {
                break;
            };
            modifiers |= modifier;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            // The arrows are single characters too.
            _ if named(rest).is_some() => named(rest).expect("just checked"),
            (Some(c), None) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            (Some(c), None) => KeyCode::Char(c),
            _ => named(rest).ok_or_else(|| {
                format!(
                    "`{text}` is not a key (write one character, or a name such as Enter, Esc, Tab, Shift-Tab, Backspace, Up, PgDn, Home, Space, F5, with Ctrl- or Alt- before it if needed)"
                )
            })?,
        };
        if code == KeyCode::BackTab && modifiers.is_empty() {
            return Ok(plain(KeyCode::BackTab));
        }
        Ok(Key { code, modifiers })
    }

    /// The key a terminal event stands for, in the form bindings are written in.
    /// Terminals report Shift-letter as an uppercase char with SHIFT set (or not);
    /// bindings are written without SHIFT, so it is dropped for characters.
    pub fn from_event(event: KeyEvent) -> Key {
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
}

fn named(text: &str) -> Option<KeyCode> {
    let lower = text.to_lowercase();
    if let Some(number) = lower.strip_prefix('f') {
        if let Ok(n) = number.parse::<u8>() {
            return (1..=24).contains(&n).then_some(KeyCode::F(n));
        }
    }
    NAMED
        .iter()
        .find(|(names, _)| names.iter().any(|name| name.to_lowercase() == lower))
        .map(|(_, code)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_reads_back_as_its_key() {
        let keys = [
            ch('q'),
            ch('G'),
            ch('?'),
            ch('<'),
            ctrl('c'),
            ctrl('f'),
            plain(KeyCode::Up),
            plain(KeyCode::PageDown),
            plain(KeyCode::BackTab),
            plain(KeyCode::Enter),
            plain(KeyCode::Char(' ')),
            plain(KeyCode::F(5)),
            Key {
                code: KeyCode::Char('x'),
                modifiers: KeyModifiers::ALT,
            },
        ];
        for key in keys {
            assert_eq!(Key::parse(&key.label()), Ok(key), "{}", key.label());
        }
    }

    #[test]
    fn common_spellings_are_accepted() {
        assert_eq!(Key::parse("ctrl+F"), Ok(ctrl('f')));
        assert_eq!(Key::parse("C-u"), Ok(ctrl('u')));
        assert_eq!(Key::parse("pagedown"), Ok(plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("escape"), Ok(plain(KeyCode::Esc)));
        assert_eq!(Key::parse("g"), Ok(ch('g')));
        assert_ne!(Key::parse("g"), Key::parse("G"));
    }

    #[test]
    fn nonsense_is_refused_with_a_hint() {
        for bad in ["", "Ctrl-", "Hyper-x", "qq", "F99"] {
            let err = Key::parse(bad).unwrap_err();
            assert!(!err.is_empty(), "{bad}");
        }
    }
}
