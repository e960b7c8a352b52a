//! `--color auto|always|never` and the environment's say in it (NO_COLOR, CLICOLOR,
//! CLICOLOR_FORCE), for the explorer and for clap's own help and errors.

use serde::Deserialize;

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set or CLICOLOR=0; CLICOLOR_FORCE
    /// forces it even when not on a terminal.
    #[default]
    Auto,
    /// Colour always, even into a file or a pipe.
    Always,
    /// Never colour.
    Never,
}

/// What the colour rules read from the environment, apart so tests need not change it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ColorEnv {
    pub(crate) no_color: Option<String>,
    pub(crate) clicolor: Option<String>,
    pub(crate) clicolor_force: Option<String>,
}

impl ColorEnv {
    /// The variables as this process has them.
    pub(crate) fn from_process() -> ColorEnv {
        let get = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
        ColorEnv {
            no_color: get("NO_COLOR"),
            clicolor: get("CLICOLOR"),
            clicolor_force: get("CLICOLOR_FORCE"),
        }
    }
}

impl ColorChoice {
    /// Whether to colour output going to a terminal (`is_terminal`) or not, with the
    /// process's environment.
    pub fn resolve(self, is_terminal: bool) -> bool {
        self.resolve_with(&ColorEnv::from_process(), is_terminal)
    }

    /// The rules, in the order most tools apply them (anstream, which clap uses, too):
    /// an explicit `always`/`never` wins; then a non-empty NO_COLOR turns colour off
    /// (no-color.org); then CLICOLOR_FORCE other than `0` turns it on; then CLICOLOR=0
    /// turns it off; otherwise colour exactly when the output is a terminal.
    pub(crate) fn resolve_with(self, env: &ColorEnv, is_terminal: bool) -> bool {
        let set = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if set(&env.no_color) {
                    false
                } else if set(&env.clicolor_force) && env.clicolor_force.as_deref() != Some("0") {
                    true
                } else if env.clicolor.as_deref() == Some("0") {
                    false
                } else {
                    is_terminal
                }
            }
        }
    }

    /// The word for this choice in `--color` and the config file.
    pub fn key(self) -> &'static str {
        match self {
            ColorChoice::Auto => "auto",
            ColorChoice::Always => "always",
            ColorChoice::Never => "never",
        }
    }

    /// The same choice for clap's help and error messages.
    pub fn for_clap(self) -> clap::ColorChoice {
        match self {
            ColorChoice::Auto => clap::ColorChoice::Auto,
            ColorChoice::Always => clap::ColorChoice::Always,
            ColorChoice::Never => clap::ColorChoice::Never,
        }
    }

    /// `--color` as written on a command line, read before clap parses it, so clap's own
    /// messages (help, usage errors) follow it too. The last one wins, as in parsing.
    pub fn from_args(args: &[std::ffi::OsString]) -> Option<ColorChoice> {
        let mut found = None;
        let mut args = args.iter().map(|a| a.to_string_lossy());
        while let Some(arg) = args.next() {
            if arg == "--" {
                break;
            }
            let value = if arg == "--color" {
                args.next().map(|v| v.into_owned())
            } else {
                arg.strip_prefix("--color=").map(str::to_owned)
            };
            match value.as_deref() {
                Some("auto") => found = Some(ColorChoice::Auto),
                Some("always") => found = Some(ColorChoice::Always),
                Some("never") => found = Some(ColorChoice::Never),
                _ => {}
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no_color: Option<&str>, clicolor: Option<&str>, force: Option<&str>) -> ColorEnv {
        ColorEnv {
            no_color: no_color.map(str::to_owned),
            clicolor: clicolor.map(str::to_owned),
            clicolor_force: force.map(str::to_owned),
        }
    }

    #[test]
    fn auto_follows_the_terminal_and_the_environment() {
        let auto = ColorChoice::Auto;
        assert!(auto.resolve_with(&env(None, None, None), true));
        assert!(!auto.resolve_with(&env(None, None, None), false));
        assert!(!auto.resolve_with(&env(Some("1"), None, None), true));
        // An empty NO_COLOR does not count (no-color.org).
        assert!(auto.resolve_with(&env(Some(""), None, None), true));
        assert!(!auto.resolve_with(&env(None, Some("0"), None), true));
        assert!(auto.resolve_with(&env(None, Some("1"), None), true));
        assert!(auto.resolve_with(&env(None, None, Some("1")), false));
        assert!(!auto.resolve_with(&env(None, None, Some("0")), false));
        assert!(auto.resolve_with(&env(None, Some("0"), Some("1")), false));
        assert!(!auto.resolve_with(&env(Some("1"), None, Some("1")), true));
    }

    #[test]
    fn explicit_choices_beat_the_environment() {
        let everything = env(Some("1"), Some("0"), None);
        assert!(ColorChoice::Always.resolve_with(&everything, false));
        assert!(!ColorChoice::Never.resolve_with(&env(None, None, Some("1")), true));
    }

    #[test]
    fn color_flag_is_found_before_parsing() {
        let args = |list: &[&str]| list.iter().map(Into::into).collect::<Vec<_>>();
        assert_eq!(
            ColorChoice::from_args(&args(&["storyscope", "--color", "never", "lint"])),
            Some(ColorChoice::Never)
        );
        assert_eq!(
            ColorChoice::from_args(&args(&["storyscope", "--color=always"])),
            Some(ColorChoice::Always)
        );
        assert_eq!(
            ColorChoice::from_args(&args(&["storyscope", "search", "--", "--color=always"])),
            None
        );
    }
}
