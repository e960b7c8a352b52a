//! `storyscope config default`: a complete config file with every setting at its
//! default, each explained, built from the keymap table and the themes so it can never
//! fall behind them.

use std::fmt::Write as _;

use super::styles::style_text;
use crate::tui::input::keymap::{BINDINGS, Scope};
use crate::tui::ui::theme::{StyleName, Theme, ThemeName};

const HEADER: &str = r#"# storyscope configuration.
# `storyscope config path` says where this file is read from; --config FILE or
# STORYSCOPE_CONFIG name another. Every setting below is at its default: keep only
# what you change. A mistake stops storyscope with its line and column.

# Colours: "dark" (for dark terminals), "light" (for light ones) or "high-contrast".
# --theme overrides it for one run.
theme = "dark"

# When to colour: "auto" (on a terminal, unless NO_COLOR is set or CLICOLOR=0;
# CLICOLOR_FORCE forces colour), "always" or "never". --color overrides it.
color = "auto"

# Let the explorer use the mouse (click to select, wheel to scroll). --no-mouse turns
# it off for one run, leaving the terminal's own text selection alone.
mouse = true

# Folder the explorer's export key writes Markdown into ("~/" is your home folder).
# --export-dir overrides it.
export-dir = "."

# Reload the story when its file changes. --no-watch turns it off for one run.
watch = true

# Keys: each action by the name the help (?) shows, bound to one key ("q") or several
# (["q", "Ctrl-C"]); [] leaves it unbound. A key is one character (case matters:
# "g" and "G" differ) or Enter, Esc, Tab, Shift-Tab, Backspace, Delete, Insert, Home,
# End, PgUp, PgDn, Up, Down, Left, Right, Space, F1 to F24, with Ctrl- or Alt- before.
# A key bound to two actions that apply at once is an error.
[keys]
"#;

const STYLES: &str = r#"
# Styles: the chosen theme, with single styles replaced. Each is a table of fg, bg
# (a colour name such as red, light-blue or dark-gray, a number 0-255, or #rrggbb),
# and bold, dim, italic, underlined, reversed (true or false). The lines below show
# the dark theme's styles; remove the `#` before one to change it. With NO_COLOR or
# --color never only the bold/underlined/… parts are used.
[styles]
"#;

/// The complete default config file.
pub(crate) fn default_text() -> String {
    let mut out = HEADER.to_owned();
    let mut done: Vec<&str> = Vec::new();
    let mut scope = None;
    for binding in BINDINGS {
        if done.contains(&binding.name) {
            continue;
        }
        done.push(binding.name);
        if scope != Some(binding.scope) {
            scope = Some(binding.scope);
            let _ = writeln!(out, "\n# {}", scope_heading(binding.scope));
        }
        let keys: Vec<String> = binding
            .keys
            .iter()
            .map(|key| {
                format!(
                    "\"{}\"",
                    key.label().replace('\\', "\\\\").replace('"', "\\\"")
                )
            })
            .collect();
        let value = if keys.len() == 1 {
            keys[0].clone()
        } else {
            format!("[{}]", keys.join(", "))
        };
        let line = format!("{} = {value}", binding.name);
        let _ = writeln!(out, "{line:<40} # {}", binding.description);
    }
    out.push_str(STYLES);
    let dark = Theme::builtin(ThemeName::Dark, true);
    for name in StyleName::ALL {
        let line = format!("# {} = {}", name.key(), style_text(dark.style(name)));
        let _ = writeln!(out, "{line:<72} # {}", name.purpose());
    }
    out
}

fn scope_heading(scope: Scope) -> &'static str {
    match scope {
        Scope::Global => "Everywhere",
        Scope::Lists => "In the list panes (filter and chart apply in Detail too)",
        Scope::Detail => "In Detail",
        Scope::Search => "In the search box",
        Scope::Help => "In the help and command palette (typed letters filter it)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ConfigFile;
    use crate::tui::input::keymap::Keymap;

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        let text = default_text();
        let file = ConfigFile::parse(&text).unwrap_or_else(|err| panic!("{err}\n{text}"));
        let defaults = Keymap::default();
        for (row, default) in file.keymap.rows().iter().zip(defaults.rows()) {
            assert_eq!(row.keys, default.keys, "{}", row.binding.name);
        }
        assert!(file.styles.is_empty());
        let settings = file.settings(&Default::default(), true);
        assert_eq!(settings.theme, Theme::dark());
    }

    #[test]
    fn the_default_file_names_every_action_and_style() {
        let text = default_text();
        for binding in BINDINGS {
            assert!(
                text.contains(&format!("\n{} = ", binding.name)),
                "{}",
                binding.name
            );
        }
        for name in StyleName::ALL {
            assert!(
                text.contains(&format!("# {} = ", name.key())),
                "{}",
                name.key()
            );
        }
    }

    #[test]
    fn rows_sharing_a_name_share_their_default_keys() {
        for a in BINDINGS {
            for b in BINDINGS.iter().filter(|b| b.name == a.name) {
                assert_eq!(a.keys, b.keys, "{}", a.name);
            }
        }
    }

    #[test]
    fn every_commented_style_line_works_when_uncommented() {
        for line in default_text()
            .lines()
            .filter(|l| l.starts_with("# ") && l.contains(" = {"))
        {
            let setting = line.trim_start_matches("# ");
            let setting = setting.split(" # ").next().unwrap();
            let file = format!("[styles]\n{setting}\n");
            ConfigFile::parse(&file).unwrap_or_else(|err| panic!("{err}: {setting}"));
        }
    }
}
