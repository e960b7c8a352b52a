//! Named styles, built once per session from a built-in theme (`themes.rs`), the
//! colour decision (`--color`, NO_COLOR …) and the user's single-style overrides. Drawing
//! code asks for a style by name and never decides about colour itself. The built-in
//! palettes and the constructors that use them are in `themes.rs`.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// Every style the explorer draws with; the config file's `[styles]` table uses these
/// names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StyleName {
    /// Ordinary text.
    Text,
    /// Secondary text: sourcing, hints, empty panes.
    Muted,
    /// Headings in Detail, help and search.
    Heading,
    /// The title bar and the mode badge.
    TitleBar,
    /// Borders of unfocused panes.
    Border,
    /// The border of the focused pane and of overlays.
    BorderFocused,
    /// The selected row of the focused pane.
    Selection,
    /// The selected row of the other panes.
    SelectionUnfocused,
    /// Dates.
    Date,
    /// Links in Detail.
    Link,
    /// The ◆ disputed badge.
    DisputeBadge,
    /// The ⚠ overdue badge.
    Overdue,
    /// Metric values and candidacy stages.
    Value,
    /// Matched characters in search results.
    Match,
    /// Error messages.
    Error,
    /// Information messages.
    Info,
}

impl StyleName {
    /// Every style, in the order `config default` lists them.
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

    /// The style a config file's `[styles]` key names, if any.
    pub fn from_key(key: &str) -> Option<StyleName> {
        StyleName::ALL.into_iter().find(|name| name.key() == key)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A built-in theme, as the config file and `--theme` name it: `dark` for dark
/// terminals in the 16 ANSI colours (the default), `light` for white or pale
/// backgrounds (no yellow or cyan text, which would vanish), `high-contrast` (bright
/// colours and bold on the terminal's own background, no grey).
// The variants go without doc comments: clap would print them in `--help`.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}

impl ThemeName {
    /// Every built-in theme.
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];

    /// The name in the config file and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
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
    /// A theme from a table that names every style (the built-in palettes in
    /// `themes.rs`); `color` false marks the NO_COLOR styles.
    pub(crate) fn from_table(
        color: bool,
        table: [(StyleName, Style); StyleName::ALL.len()],
    ) -> Theme {
        let mut styles = [Style::new(); StyleName::ALL.len()];
        for (style_name, style) in table {
            styles[style_name.index()] = style;
        }
        Theme { color, styles }
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

    /// The style drawn for `name`.
    pub fn style(self, name: StyleName) -> Style {
        self.styles[name.index()]
    }

    /// Ordinary text.
    pub fn plain(self) -> Style {
        self.style(StyleName::Text)
    }

    /// Secondary text: sourcing, hints, empty panes.
    pub fn dim(self) -> Style {
        self.style(StyleName::Muted)
    }

    /// Headings.
    pub fn heading(self) -> Style {
        self.style(StyleName::Heading)
    }

    /// The title bar.
    pub fn title_bar(self) -> Style {
        self.style(StyleName::TitleBar)
    }

    /// A pane's border, brighter on the focused one.
    pub fn border(self, focused: bool) -> Style {
        self.style(if focused {
            StyleName::BorderFocused
        } else {
            StyleName::Border
        })
    }

    /// The selected row, of the focused pane or of another.
    pub fn selected(self, focused: bool) -> Style {
        self.style(if focused {
            StyleName::Selection
        } else {
            StyleName::SelectionUnfocused
        })
    }

    /// Dates.
    pub fn date(self) -> Style {
        self.style(StyleName::Date)
    }

    /// Links in Detail.
    pub fn link(self) -> Style {
        self.style(StyleName::Link)
    }

    /// The disputed badge.
    pub fn disputed(self) -> Style {
        self.style(StyleName::DisputeBadge)
    }

    /// The overdue badge.
    pub fn overdue(self) -> Style {
        self.style(StyleName::Overdue)
    }

    /// Metric values and candidacy stages.
    pub fn value(self) -> Style {
        self.style(StyleName::Value)
    }

    /// Matched characters in search results.
    pub fn matched(self) -> Style {
        self.style(StyleName::Match)
    }

    /// Error messages.
    pub fn error(self) -> Style {
        self.style(StyleName::Error)
    }

    /// Information messages.
    pub fn info(self) -> Style {
        self.style(StyleName::Info)
    }
}

/// A style with only a foreground colour, for the palettes in `themes.rs`.
pub(crate) fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

/// Bold, for the palettes in `themes.rs`.
pub(crate) fn bold() -> Modifier {
    Modifier::BOLD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_keys_round_trip() {
        for name in StyleName::ALL {
            assert_eq!(StyleName::from_key(name.key()), Some(name));
        }
    }
}
