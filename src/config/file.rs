//! The config file's contents: TOML read with `toml`, every setting checked, keys merged
//! onto the default keymap and conflicts refused, each problem with its line and column.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ratatui::style::Style;
use serde::Deserialize;
use toml::Spanned;

use super::styles::StyleSpec;
use crate::color::ColorChoice;
use crate::story::load::json_spans::line_col;
use crate::tui::input::key_names::Key;
use crate::tui::input::keymap::{BINDINGS, Keymap};
use crate::tui::ui::theme::{StyleName, ThemeName};

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    theme: Option<ThemeName>,
    color: Option<ColorChoice>,
    mouse: Option<bool>,
    export_dir: Option<String>,
    watch: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<String, Spanned<KeyList>>,
    #[serde(default)]
    styles: BTreeMap<String, Spanned<StyleSpec>>,
}

/// One key, or several.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

/// A checked config file.
#[derive(Debug, Clone, Default)]
pub struct ConfigFile {
    /// `theme`: the palette to start from.
    pub theme: Option<ThemeName>,
    /// `color`: when to colour, as `--color`.
    pub color: Option<ColorChoice>,
    /// `mouse`: whether clicks and the wheel act on the panes.
    pub mouse: Option<bool>,
    /// `export-dir`: where the explorer's `e` writes.
    pub export_dir: Option<PathBuf>,
    /// `watch`: reload the story when its file changes.
    pub watch: Option<bool>,
    /// The default keymap with the file's `[keys]` applied.
    pub keymap: Keymap,
    /// The `[styles]` table: each named style the file changes, in file order.
    pub styles: Vec<(StyleName, Style)>,
}

impl ConfigFile {
    /// Reads a config file's text. The error starts with `line:column: ` and says what
    /// is wrong and what would be right; several problems are listed one a line.
    pub fn parse(text: &str) -> Result<ConfigFile, String> {
        let raw: Raw = toml::from_str(text).map_err(|err| {
            let (line, column) = err.span().map_or((1, 1), |span| line_col(text, span.start));
            format!("{line}:{column}: {}", err.message().trim_end())
        })?;
        let mut problems = Vec::new();
        let at = |span: std::ops::Range<usize>| {
            let (line, column) = line_col(text, span.start);
            format!("{line}:{column}")
        };
        let mut keymap = Keymap::default();
        let mut places: BTreeMap<&str, String> = BTreeMap::new();
        for (name, keys) in &raw.keys {
            let place = at(keys.span());
            let list = match keys.get_ref() {
                KeyList::One(key) => vec![key.clone()],
                KeyList::Many(keys) => keys.clone(),
            };
            let mut parsed = Vec::new();
            for key in &list {
                match Key::parse(key) {
                    Ok(key) if !parsed.contains(&key) => parsed.push(key),
                    Ok(_) => {}
                    Err(why) => problems.push(format!("{place}: keys.{name}: {why}")),
                }
            }
            if !keymap.rebind(name, &parsed) {
                let names = BINDINGS.iter().map(|b| b.name);
                let hint = crate::story::safe_text::did_you_mean(name, names)
                    .map(|near| format!(" (did you mean `{near}`?)"))
                    .unwrap_or_default();
                problems.push(format!(
                    "{place}: keys.{name}: no action has this name{hint}; `storyscope config default` lists them all"
                ));
            }
            places.insert(name.as_str(), place);
        }
        for (key, first, second) in keymap.conflicts() {
            // Point at the line that made the clash: the user's, not the default's.
            let place = places
                .get(first)
                .or_else(|| places.get(second))
                .cloned()
                .unwrap_or_else(|| "1:1".to_owned());
            problems.push(format!(
                "{place}: key {} is bound to both `{first}` and `{second}`; give one of them another key",
                key.label()
            ));
        }
        let can_quit = keymap.rows().iter().any(|row| {
            row.binding.scope == crate::tui::input::keymap::Scope::Global
                && row.binding.action == crate::tui::input::action::Action::Quit
                && !row.keys.is_empty()
        });
        if !can_quit {
            let place = places
                .get("quit")
                .or_else(|| places.get("force-quit"))
                .cloned()
                .unwrap_or_else(|| "1:1".to_owned());
            problems.push(format!(
                "{place}: keys: neither `quit` nor `force-quit` has a key left, so nothing would leave the explorer"
            ));
        }
        let mut styles = Vec::new();
        for (name, spec) in &raw.styles {
            let place = at(spec.span());
            let Some(style_name) = StyleName::from_key(name) else {
                let names = StyleName::ALL.iter().map(|s| s.key());
                let hint = crate::story::safe_text::did_you_mean(name, names)
                    .map(|near| format!(" (did you mean `{near}`?)"))
                    .unwrap_or_default();
                problems.push(format!(
                    "{place}: styles.{name}: no style has this name{hint}"
                ));
                continue;
            };
            match spec.get_ref().to_style() {
                Ok(style) => styles.push((style_name, style)),
                Err(why) => problems.push(format!("{place}: styles.{name}: {why}")),
            }
        }
        if !problems.is_empty() {
            return Err(problems.join("\n  "));
        }
        Ok(ConfigFile {
            theme: raw.theme,
            color: raw.color,
            mouse: raw.mouse,
            export_dir: raw.export_dir.map(|dir| expand_home(&dir)),
            watch: raw.watch,
            keymap,
            styles,
        })
    }
}

/// `~/exports` means the home folder's `exports`, as in a shell.
fn expand_home(dir: &str) -> PathBuf {
    match dir
        .strip_prefix("~/")
        .or(if dir == "~" { Some("") } else { None })
    {
        Some(rest) => match etcetera::home_dir() {
            Ok(home) => home.join(rest),
            Err(_) => PathBuf::from(dir),
        },
        None => PathBuf::from(dir),
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::tui::input::action::Action;
    use crate::tui::input::keymap::Scope;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn keys_are_rebound_by_name() {
        let file =
            ConfigFile::parse("[keys]\nquit = \"x\"\nsearch = [\"s\", \"Ctrl-S\"]\n").unwrap();
        let keymap = &file.keymap;
        assert_eq!(
            keymap.resolve(key('x'), &[Scope::Global]),
            Some(Action::Quit)
        );
        assert_eq!(keymap.resolve(key('q'), &[Scope::Global]), None);
        assert_eq!(
            keymap.resolve(key('s'), &[Scope::Global]),
            Some(Action::OpenSearch)
        );
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(
            keymap.resolve(ctrl_s, &[Scope::Global]),
            Some(Action::OpenSearch)
        );
        assert_eq!(keymap.resolve(key('/'), &[Scope::Global]), None);
    }

    #[test]
    fn problems_name_their_line_and_column() {
        let err = ConfigFile::parse("theme = \"dark\"\nthem = \"light\"\n").unwrap_err();
        assert!(err.starts_with("2:1:"), "{err}");
        let err = ConfigFile::parse("theme = \"solarized\"\n").unwrap_err();
        assert!(err.starts_with("1:9:") && err.contains("light"), "{err}");
        let err = ConfigFile::parse("[keys]\nquit = \"x\"\nserch = \"s\"\n").unwrap_err();
        assert!(
            err.starts_with("3:9:") && err.contains("did you mean `search`"),
            "{err}"
        );
        let err = ConfigFile::parse("[keys]\nquit = \"Hyper-q\"\n").unwrap_err();
        assert!(
            err.starts_with("2:8:") && err.contains("not a key"),
            "{err}"
        );
        let err = ConfigFile::parse("mouse = \"yes\"\n").unwrap_err();
        assert!(err.starts_with("1:9:"), "{err}");
        let err = ConfigFile::parse("[styles]\nselection = { fg = \"bluish\" }\n").unwrap_err();
        assert!(err.starts_with("2:13:") && err.contains("bluish"), "{err}");
    }

    #[test]
    fn a_key_bound_twice_is_refused_at_the_users_line() {
        let err = ConfigFile::parse("[keys]\n\nsearch = \"e\"\n").unwrap_err();
        assert!(err.starts_with("3:10:"), "{err}");
        assert!(
            err.contains("`search`") && err.contains("`export`"),
            "{err}"
        );
        // Moving the other action away as well resolves it.
        assert!(ConfigFile::parse("[keys]\nsearch = \"e\"\nexport = \"x\"\n").is_ok());
    }

    #[test]
    fn a_keymap_that_cannot_quit_is_refused() {
        let err = ConfigFile::parse("[keys]\nquit = []\nforce-quit = []\n").unwrap_err();
        assert!(err.contains("nothing would leave"), "{err}");
        assert!(ConfigFile::parse("[keys]\nquit = []\n").is_ok());
    }

    #[test]
    fn styles_override_one_style_each() {
        let file = ConfigFile::parse(
            "[styles]\nselection = { fg = \"white\", bg = \"blue\", bold = true }\n",
        )
        .unwrap();
        assert_eq!(file.styles.len(), 1);
        assert_eq!(file.styles[0].0, StyleName::Selection);
    }

    #[test]
    fn home_is_expanded_in_the_export_folder() {
        let file = ConfigFile::parse("export-dir = \"~/exports\"\n").unwrap();
        let dir = file.export_dir.unwrap();
        assert!(
            dir.ends_with("exports") && !dir.starts_with("~"),
            "{}",
            dir.display()
        );
    }
}
