//! The config file: where it is looked for, reading it (TOML), and turning it into the
//! explorer's settings — keys merged onto the keymap's defaults, a theme with the
//! user's single-style overrides, defaults for flags. A bad file is an error with its
//! line and column (exit 2); nothing falls back silently.

mod default;
mod file;
mod styles;

use std::path::{Path, PathBuf};

use crate::bad_input::BadInput;
use crate::color::ColorChoice;
use crate::tui::input::keymap::Keymap;
use crate::tui::ui::theme::{Theme, ThemeName};

pub(crate) use default::default_text;
pub use file::ConfigFile;

/// The variable that names a config file, like `--config`.
pub(crate) const CONFIG_ENV: &str = "STORYSCOPE_CONFIG";

/// Why a path was chosen: a path named by the user must exist, the default need not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathOrigin {
    /// Named by `--config`.
    Flag,
    /// Named by `$STORYSCOPE_CONFIG`.
    Env,
    /// The platform's usual place; no file there means the defaults.
    Default,
}

/// Where the config file is looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigPath {
    /// The file, which may not exist yet.
    pub path: PathBuf,
    /// Who chose it, which decides whether a missing file is an error.
    pub origin: PathOrigin,
}

impl ConfigPath {
    /// `--config FILE`, else `$STORYSCOPE_CONFIG`, else the platform's config folder:
    /// `$XDG_CONFIG_HOME/storyscope/config.toml` (`~/.config/storyscope/config.toml`
    /// when it is unset), on macOS too, as terminal tools there usually do; on Windows,
    /// `%APPDATA%\storyscope\config.toml`.
    pub fn find(flag: Option<&Path>) -> Result<ConfigPath, BadInput> {
        if let Some(path) = flag {
            return Ok(ConfigPath {
                path: path.to_owned(),
                origin: PathOrigin::Flag,
            });
        }
        if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
            return Ok(ConfigPath {
                path: PathBuf::from(path),
                origin: PathOrigin::Env,
            });
        }
        let base = etcetera::choose_base_strategy().map_err(|err| {
            BadInput(format!(
                "cannot tell where the config file lives ({err}); name one with --config FILE or {CONFIG_ENV}"
            ))
        })?;
        use etcetera::BaseStrategy;
        Ok(ConfigPath {
            path: base.config_dir().join("storyscope").join("config.toml"),
            origin: PathOrigin::Default,
        })
    }

    /// Reads and checks the file; a missing default file is the defaults.
    pub fn load(&self) -> Result<ConfigFile, BadInput> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(err)
                if err.kind() == std::io::ErrorKind::NotFound
                    && self.origin == PathOrigin::Default =>
            {
                return Ok(ConfigFile::default());
            }
            Err(err) => {
                let named_by = match self.origin {
                    PathOrigin::Flag => " (named by --config)",
                    PathOrigin::Env => " (named by STORYSCOPE_CONFIG)",
                    PathOrigin::Default => "",
                };
                return Err(BadInput(format!(
                    "config file {}{named_by}: {err}",
                    self.path.display()
                )));
            }
        };
        ConfigFile::parse(&text).map_err(|why| {
            let path = self.path.display();
            let problems: Vec<String> = why.split("\n  ").map(|p| format!("{path}:{p}")).collect();
            BadInput(match problems.len() {
                1 => format!("config file {}", problems[0]),
                n => format!(
                    "config file {path}: {n} problems:\n  {}",
                    problems.join("\n  ")
                ),
            })
        })
    }
}

/// What the explorer runs with, after flags, the config file and defaults.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Every key binding, the defaults with the file's `[keys]` applied.
    pub keymap: Keymap,
    /// The colours, resolved against `--color` and the environment.
    pub theme: Theme,
    /// Whether clicks and the wheel act on the panes.
    pub mouse: bool,
    /// Where the explorer's `e` writes its Markdown files.
    pub export_dir: PathBuf,
    /// Reload the story when its file changes (the `--no-watch` flag turns it off).
    pub watch: bool,
}

/// The flags that override the config file for one run.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--theme`.
    pub theme: Option<ThemeName>,
    /// `--color`.
    pub color: Option<ColorChoice>,
    /// `--no-mouse`.
    pub no_mouse: bool,
    /// `--export-dir`.
    pub export_dir: Option<PathBuf>,
    /// `--no-watch`.
    pub no_watch: bool,
}

impl ConfigFile {
    /// The settings for a session on a terminal, with `overrides` from the command line.
    pub fn settings(&self, overrides: &Overrides, is_terminal: bool) -> Settings {
        let color = overrides
            .color
            .or(self.color)
            .unwrap_or_default()
            .resolve(is_terminal);
        let name = overrides.theme.or(self.theme).unwrap_or_default();
        let mut theme = Theme::builtin(name, color);
        for (style_name, style) in &self.styles {
            theme = theme.with_style(*style_name, *style);
        }
        Settings {
            keymap: self.keymap.clone(),
            theme,
            mouse: !overrides.no_mouse && self.mouse.unwrap_or(true),
            export_dir: overrides
                .export_dir
                .clone()
                .or_else(|| self.export_dir.clone())
                .unwrap_or_else(|| PathBuf::from(".")),
            watch: !overrides.no_watch && self.watch.unwrap_or(true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_file_must_exist_but_the_default_need_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.toml");
        let named = ConfigPath::find(Some(&missing)).unwrap();
        let err = named.load().unwrap_err().to_string();
        assert!(
            err.contains("nope.toml") && err.contains("--config"),
            "{err}"
        );
        let default = ConfigPath {
            path: missing,
            origin: PathOrigin::Default,
        };
        assert!(default.load().is_ok());
    }

    #[test]
    fn flags_beat_the_file_and_the_file_beats_defaults() {
        let file = ConfigFile::parse(
            "theme = \"light\"\nmouse = false\nwatch = false\nexport-dir = \"out\"\n",
        )
        .unwrap();
        let settings = file.settings(&Overrides::default(), true);
        assert_eq!(settings.theme, Theme::builtin(ThemeName::Light, true));
        assert!(!settings.mouse && !settings.watch);
        assert_eq!(settings.export_dir, PathBuf::from("out"));
        let flags = Overrides {
            theme: Some(ThemeName::HighContrast),
            color: Some(ColorChoice::Never),
            export_dir: Some(PathBuf::from("elsewhere")),
            ..Overrides::default()
        };
        let settings = file.settings(&flags, true);
        assert_eq!(
            settings.theme,
            Theme::builtin(ThemeName::HighContrast, false)
        );
        assert_eq!(settings.export_dir, PathBuf::from("elsewhere"));
        let defaults = ConfigFile::default().settings(&Overrides::default(), true);
        assert!(defaults.mouse && defaults.watch);
        assert_eq!(defaults.theme, Theme::dark());
    }
}
