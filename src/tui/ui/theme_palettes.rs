//! The built-in themes: `dark` (for dark terminals, the 16 ANSI colours), `light` (no
//! yellow or cyan text, which vanish on a white background), `high-contrast` (bright
//! colours, bold, no grey), and the NO_COLOR styles, where only modifiers remain so the
//! selection and badges stay visible through REVERSED, BOLD and UNDERLINED; and the
//! `Theme` constructors that pick one of them.

use ratatui::style::{Color, Modifier, Style};

use crate::tui::ui::theme::StyleName::{self, *};
use crate::tui::ui::theme::{Theme, ThemeName, bold, fg};

impl Theme {
    /// A built-in theme; with `color` false, the NO_COLOR styles whatever the name.
    pub fn builtin(name: ThemeName, color: bool) -> Theme {
        let table = if color { palette(name) } else { no_color() };
        Theme::from_table(color, table)
    }

    /// The default dark theme, in colour.
    pub fn dark() -> Theme {
        Theme::builtin(ThemeName::Dark, true)
    }

    /// The NO_COLOR styles; also what layout and tests use when colour does not matter.
    pub fn no_color() -> Theme {
        Theme::builtin(ThemeName::Dark, false)
    }

    /// Colour unless NO_COLOR is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme::builtin(
            ThemeName::Dark,
            crate::color::ColorChoice::Auto.resolve(true),
        )
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::dark()
    }
}

/// The styles of a theme in colour.
fn palette(name: ThemeName) -> [(StyleName, Style); 16] {
    match name {
        ThemeName::Dark => dark(),
        ThemeName::Light => light(),
        ThemeName::HighContrast => high_contrast(),
    }
}

fn dark() -> [(StyleName, Style); 16] {
    [
        (Text, Style::new()),
        (Muted, fg(Color::DarkGray)),
        (Heading, fg(Color::Cyan).add_modifier(bold())),
        (TitleBar, fg(Color::Black).bg(Color::Cyan)),
        (Border, fg(Color::DarkGray)),
        (BorderFocused, fg(Color::Yellow)),
        (
            Selection,
            fg(Color::Black).bg(Color::Yellow).add_modifier(bold()),
        ),
        (SelectionUnfocused, Style::new().bg(Color::DarkGray)),
        (Date, fg(Color::Blue)),
        (Link, fg(Color::Cyan).add_modifier(Modifier::UNDERLINED)),
        (DisputeBadge, fg(Color::Magenta).add_modifier(bold())),
        (Overdue, fg(Color::Red).add_modifier(bold())),
        (Value, fg(Color::Green).add_modifier(bold())),
        (
            Match,
            fg(Color::Yellow).add_modifier(bold() | Modifier::UNDERLINED),
        ),
        (Error, fg(Color::Red).add_modifier(bold())),
        (Info, fg(Color::Green)),
    ]
}

/// For white or pale backgrounds: dark text colours only, and selections drawn as
/// white on blue.
fn light() -> [(StyleName, Style); 16] {
    [
        (Text, Style::new()),
        (Muted, fg(Color::DarkGray)),
        (Heading, fg(Color::Blue).add_modifier(bold())),
        (TitleBar, fg(Color::White).bg(Color::Blue)),
        (Border, fg(Color::DarkGray)),
        (BorderFocused, fg(Color::Blue).add_modifier(bold())),
        (
            Selection,
            fg(Color::White).bg(Color::Blue).add_modifier(bold()),
        ),
        (SelectionUnfocused, fg(Color::Black).bg(Color::Gray)),
        (Date, fg(Color::Blue)),
        (Link, fg(Color::Blue).add_modifier(Modifier::UNDERLINED)),
        (DisputeBadge, fg(Color::Magenta).add_modifier(bold())),
        (Overdue, fg(Color::Red).add_modifier(bold())),
        (Value, fg(Color::Green).add_modifier(bold())),
        (
            Match,
            fg(Color::Magenta).add_modifier(bold() | Modifier::UNDERLINED),
        ),
        (Error, fg(Color::Red).add_modifier(bold())),
        (Info, fg(Color::Blue)),
    ]
}

/// Bright colours on the terminal's own background, everything that matters in bold,
/// and no grey: muted text is the ordinary foreground.
fn high_contrast() -> [(StyleName, Style); 16] {
    [
        (Text, Style::new()),
        (Muted, Style::new()),
        (
            Heading,
            fg(Color::White).add_modifier(bold() | Modifier::UNDERLINED),
        ),
        (
            TitleBar,
            fg(Color::Black).bg(Color::White).add_modifier(bold()),
        ),
        (Border, fg(Color::White)),
        (BorderFocused, fg(Color::LightYellow).add_modifier(bold())),
        (
            Selection,
            fg(Color::Black).bg(Color::LightYellow).add_modifier(bold()),
        ),
        (
            SelectionUnfocused,
            fg(Color::Black).bg(Color::White).add_modifier(bold()),
        ),
        (Date, fg(Color::LightCyan).add_modifier(bold())),
        (
            Link,
            fg(Color::LightCyan).add_modifier(bold() | Modifier::UNDERLINED),
        ),
        (DisputeBadge, fg(Color::LightMagenta).add_modifier(bold())),
        (Overdue, fg(Color::LightRed).add_modifier(bold())),
        (Value, fg(Color::LightGreen).add_modifier(bold())),
        (
            Match,
            fg(Color::LightYellow).add_modifier(bold() | Modifier::UNDERLINED),
        ),
        (Error, fg(Color::LightRed).add_modifier(bold())),
        (Info, fg(Color::LightGreen).add_modifier(bold())),
    ]
}

/// NO_COLOR: modifiers only.
fn no_color() -> [(StyleName, Style); 16] {
    let with = |modifier: Modifier| Style::new().add_modifier(modifier);
    [
        (Text, Style::new()),
        (Muted, with(Modifier::DIM)),
        (Heading, with(bold())),
        (TitleBar, with(Modifier::REVERSED)),
        (Border, with(Modifier::DIM)),
        (BorderFocused, with(bold())),
        (Selection, with(Modifier::REVERSED | bold())),
        (SelectionUnfocused, with(Modifier::UNDERLINED)),
        (Date, Style::new()),
        (Link, with(Modifier::UNDERLINED)),
        (DisputeBadge, with(bold())),
        (Overdue, with(bold())),
        (Value, with(bold())),
        (Match, with(bold() | Modifier::UNDERLINED)),
        (Error, with(bold())),
        (Info, Style::new()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_sets_every_style_it_needs() {
        for name in ThemeName::ALL {
            let theme = Theme::builtin(name, true);
            // A selection that looks like plain text would hide where the reader is.
            assert_ne!(theme.selected(true), Style::new(), "{name:?}");
            assert_ne!(theme.selected(false), Style::new(), "{name:?}");
            assert_ne!(theme.title_bar(), Style::new(), "{name:?}");
        }
    }

    #[test]
    fn no_color_uses_no_colours_at_all() {
        for name in ThemeName::ALL {
            let theme = Theme::builtin(name, false)
                .with_style(StyleName::Selection, Style::new().fg(Color::Red).bold());
            for style_name in StyleName::ALL {
                let style = theme.style(style_name);
                assert_eq!((style.fg, style.bg), (None, None), "{style_name:?}");
            }
            assert!(theme.selected(true).add_modifier.contains(Modifier::BOLD));
        }
    }

    #[test]
    fn every_palette_names_every_style_once() {
        for table in ThemeName::ALL
            .into_iter()
            .map(palette)
            .chain(std::iter::once(no_color()))
        {
            let names: std::collections::HashSet<StyleName> =
                table.iter().map(|(name, _)| *name).collect();
            assert_eq!(names.len(), StyleName::ALL.len());
        }
    }

    #[test]
    fn light_theme_has_no_yellow_or_cyan_text() {
        for (name, style) in light() {
            assert!(
                !matches!(
                    style.fg,
                    Some(Color::Yellow | Color::Cyan | Color::LightYellow | Color::LightCyan)
                ),
                "{name:?}"
            );
        }
    }
}
