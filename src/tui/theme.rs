//! Named styles, built once per session from a built-in theme (`themes.rs`), the
//! colour decision (`--color`, NO_COLOR …) and the user's single-style overrides. Drawing
//! code asks for a style by name and never decides about colour itself.

use ratatui::style::{Color, Modifier, Style};

pub use super::themes::ThemeName;

/// Every style the explorer draws with; the config file's `[styles]` table uses these
/// names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StyleName {
    Text,
    Muted,
    Heading,
    TitleBar,
    Border,
    BorderFocused,
    Selection,
    SelectionUnfocused,
    Date,
    Link,
    DisputeBadge,
    Overdue,
    Value,
    Match,
    Error,
    Info,
}

impl StyleName {
    pub const ALL: [StyleName; 16] = [
        StyleName::Text,
        StyleName::Muted,
        StyleName::Heading,
        StyleName::TitleBar,
        StyleName::Border,
        StyleName::BorderFocused,
        StyleName::Selection,
        StyleName::SelectionUnfocused,
        StyleName::Date,
        StyleName::Link,
        StyleName::DisputeBadge,
        StyleName::Overdue,
        StyleName::Value,
        StyleName::Match,
        StyleName::Error,
        StyleName::Info,
    ];

    /// The name in the config file.
    pub fn key(self) -> &'static str {
        match self {
            StyleName::Text => "text",
            StyleName::Muted => "muted",
            StyleName::Heading => "heading",
            StyleName::TitleBar => "title-bar",
            StyleName::Border => "border",
            StyleName::BorderFocused => "border-focused",
            StyleName::Selection => "selection",
            StyleName::SelectionUnfocused => "selection-unfocused",
            StyleName::Date => "date",
            StyleName::Link => "link",
            StyleName::DisputeBadge => "dispute-badge",
            StyleName::Overdue => "overdue",
            StyleName::Value => "value",
            StyleName::Match => "match",
            StyleName::Error => "error",
            StyleName::Info => "info",
        }
    }

    /// What the style is used for, for `config default`.
    pub fn purpose(self) -> &'static str {
        match self {
            StyleName::Text => "ordinary text",
            StyleName::Muted => "secondary text: sourcing, hints, empty panes",
            StyleName::Heading => "headings in Detail, help and search",
            StyleName::TitleBar => "the title bar and the mode badge",
            StyleName::Border => "borders of unfocused panes",
            StyleName::BorderFocused => "the border of the focused pane and of overlays",
            StyleName::Selection => "the selected row of the focused pane",
            StyleName::SelectionUnfocused => "the selected row of other panes",
            StyleName::Date => "dates",
            StyleName::Link => "links in Detail",
            StyleName::DisputeBadge => "the ◆ disputed badge",
            StyleName::Overdue => "the ⚠ overdue badge",
            StyleName::Value => "figure values and candidacy stages",
            StyleName::Match => "matched characters in search results",
            StyleName::Error => "error messages",
            StyleName::Info => "information messages",
        }
    }

    pub fn from_key(key: &str) -> Option<StyleName> {
        StyleName::ALL.into_iter().find(|name| name.key() == key)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The styles of one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False in NO_COLOR mode: only modifiers (bold, reversed …) are used.
    pub color: bool,
    styles: [Style; StyleName::ALL.len()],
}

impl Theme {
    /// A built-in theme; with `color` false, the NO_COLOR styles whatever the name.
    pub fn builtin(name: ThemeName, color: bool) -> Theme {
        let table = if color {
            super::themes::palette(name)
        } else {
            super::themes::no_color()
        };
        let mut styles = [Style::new(); StyleName::ALL.len()];
        for (style_name, style) in table {
            styles[style_name.index()] = style;
        }
        Theme { color, styles }
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

    /// Replaces one style. Without colour, the override keeps only its modifiers, so
    /// NO_COLOR is honoured even for a user's own styles.
    pub fn with_style(mut self, name: StyleName, style: Style) -> Theme {
        let style = if self.color {
            style
        } else {
            Style::new()
                .add_modifier(style.add_modifier)
                .remove_modifier(style.sub_modifier)
        };
        self.styles[name.index()] = style;
        self
    }

    pub fn style(self, name: StyleName) -> Style {
        self.styles[name.index()]
    }

    pub fn plain(self) -> Style {
        self.style(StyleName::Text)
    }

    pub fn dim(self) -> Style {
        self.style(StyleName::Muted)
    }

    pub fn heading(self) -> Style {
        self.style(StyleName::Heading)
    }

    pub fn title_bar(self) -> Style {
        self.style(StyleName::TitleBar)
    }

    pub fn border(self, focused: bool) -> Style {
        self.style(if focused {
            StyleName::BorderFocused
        } else {
            StyleName::Border
        })
    }

    pub fn selected(self, focused: bool) -> Style {
        self.style(if focused {
            StyleName::Selection
        } else {
            StyleName::SelectionUnfocused
        })
    }

    pub fn date(self) -> Style {
        self.style(StyleName::Date)
    }

    pub fn link(self) -> Style {
        self.style(StyleName::Link)
    }

    pub fn disputed(self) -> Style {
        self.style(StyleName::DisputeBadge)
    }

    pub fn overdue(self) -> Style {
        self.style(StyleName::Overdue)
    }

    pub fn value(self) -> Style {
        self.style(StyleName::Value)
    }

    pub fn matched(self) -> Style {
        self.style(StyleName::Match)
    }

    pub fn error(self) -> Style {
        self.style(StyleName::Error)
    }

    pub fn info(self) -> Style {
        self.style(StyleName::Info)
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::dark()
    }
}

/// Shorthands for the palettes in `themes.rs`.
pub(crate) fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

pub(crate) fn bold() -> Modifier {
    Modifier::BOLD
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
    fn style_keys_round_trip() {
        for name in StyleName::ALL {
            assert_eq!(StyleName::from_key(name.key()), Some(name));
        }
    }
}
