//! One style as the config file writes it — `{ fg = "white", bg = "blue", bold = true }`
//! — read into a ratatui `Style`, and written back for `config default`.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// A style in the config file. Colours are ANSI names (`red`, `light-blue`, `dark-gray`
/// …), a number 0–255, or `#rrggbb`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    dim: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underlined: bool,
    #[serde(default)]
    reversed: bool,
}

const MODIFIERS: [(&str, Modifier); 5] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
];

impl StyleSpec {
    pub(super) fn to_style(&self) -> Result<Style, String> {
        let mut style = Style::new();
        if let Some(fg) = &self.fg {
            style = style.fg(color(fg)?);
        }
        if let Some(bg) = &self.bg {
            style = style.bg(color(bg)?);
        }
        let flags = [
            self.bold,
            self.dim,
            self.italic,
            self.underlined,
            self.reversed,
        ];
        for ((_, modifier), on) in MODIFIERS.into_iter().zip(flags) {
            if on {
                style = style.add_modifier(modifier);
            }
        }
        Ok(style)
    }
}

fn color(text: &str) -> Result<Color, String> {
    // ratatui reads "reset" as the terminal's default, which is fine; anything it
    // cannot read gets a hint rather than its bare error.
    Color::from_str(text.trim()).map_err(|_| {
        format!(
            "`{text}` is not a colour (use a name such as red, light-blue or dark-gray, a number 0–255, or #rrggbb)"
        )
    })
}

/// `{ fg = "black", bg = "yellow", bold = true }`, as `config default` shows a style.
pub(super) fn style_text(style: Style) -> String {
    let mut parts = Vec::new();
    let name = |color: Color| kebab(&color.to_string());
    if let Some(fg) = style.fg {
        parts.push(format!("fg = \"{}\"", name(fg)));
    }
    if let Some(bg) = style.bg {
        parts.push(format!("bg = \"{}\"", name(bg)));
    }
    for (key, modifier) in MODIFIERS {
        if style.add_modifier.contains(modifier) {
            parts.push(format!("{key} = true"));
        }
    }
    if parts.is_empty() {
        "{}".to_owned()
    } else {
        format!("{{ {} }}", parts.join(", "))
    }
}

/// "LightYellow" → "light-yellow".
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('-');
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::ui::theme::{StyleName, Theme, ThemeName};

    #[test]
    fn every_builtin_style_reads_back_from_its_text() {
        for name in ThemeName::ALL {
            let theme = Theme::builtin(name, true);
            for style_name in StyleName::ALL {
                let style = theme.style(style_name);
                let text = format!("s = {}", style_text(style));
                #[derive(Deserialize)]
                struct One {
                    s: StyleSpec,
                }
                let back: One = toml::from_str(&text).expect(&text);
                assert_eq!(back.s.to_style(), Ok(style), "{text}");
            }
        }
    }

    #[test]
    fn colours_by_name_number_and_hex() {
        let spec = |fg: &str| StyleSpec {
            fg: Some(fg.to_owned()),
            ..StyleSpec::default()
        };
        assert_eq!(
            spec("light-blue").to_style(),
            Ok(Style::new().fg(Color::LightBlue))
        );
        assert_eq!(
            spec("208").to_style(),
            Ok(Style::new().fg(Color::Indexed(208)))
        );
        assert_eq!(
            spec("#112233").to_style(),
            Ok(Style::new().fg(Color::Rgb(0x11, 0x22, 0x33)))
        );
        assert!(spec("bluish").to_style().unwrap_err().contains("bluish"));
    }
}
