//! Where `y` puts the text, and saying so: the terminal's clipboard through OSC 52
//! where the sequence will reach it, else a clipboard tool (wl-copy, xclip, xsel,
//! pbcopy, clip.exe) where one runs, else a file in the user's cache folder. Under
//! tmux's defaults (`set-clipboard external`, `allow-passthrough off`) the sequence is
//! dropped, so "copied" is never said of text that went nowhere.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What the environment says about reaching a clipboard, read once per copy.
#[derive(Debug, Clone, Default)]
pub(crate) struct ClipboardEnv {
    /// Inside tmux: its `set-clipboard` and `allow-passthrough` options, as it reports
    /// them (empty when it could not be asked).
    pub tmux: Option<(String, String)>,
    /// `$TERM`.
    pub term: String,
    /// `$TERM_PROGRAM` (iTerm.app, WezTerm …).
    pub term_program: String,
    /// `$WT_SESSION` is set: Windows Terminal.
    pub windows_terminal: bool,
    /// Clipboard tools that can run here, in the order to try them.
    pub tools: Vec<&'static str>,
    /// Where the fallback file goes: the user's cache folder for storyscope.
    pub cache_dir: Option<PathBuf>,
}

/// How the OSC 52 sequence would fare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Osc52 {
    /// It reaches a terminal known to set its clipboard from it (directly, or through
    /// tmux with `set-clipboard on` or passthrough allowed).
    Reaches {
        /// Inside tmux with passthrough allowed: wrapped for it.
        wrap_for_tmux: bool,
    },
    /// tmux drops it: neither `set-clipboard on` nor `allow-passthrough on`.
    DroppedByTmux,
    /// A terminal not known to take it: sent, but not relied on.
    Unknown,
}

impl ClipboardEnv {
    /// The environment of this process (asking tmux for its options when inside it).
    pub(crate) fn from_process() -> ClipboardEnv {
        let var = |name: &str| std::env::var(name).unwrap_or_default();
        let tmux = std::env::var_os("TMUX").map(|_| {
            (
                tmux_option("set-clipboard"),
                tmux_option("allow-passthrough"),
            )
        });
        let mut tools = Vec::new();
        if std::env::var_os("WAYLAND_DISPLAY").is_some() && on_path("wl-copy") {
            tools.push("wl-copy");
        }
        if std::env::var_os("DISPLAY").is_some() {
            tools.extend(["xclip", "xsel"].into_iter().filter(|t| on_path(t)));
        }
        tools.extend(["pbcopy", "clip.exe"].into_iter().filter(|t| on_path(t)));
        let cache_dir = {
            use etcetera::BaseStrategy;
            etcetera::choose_base_strategy()
                .ok()
                .map(|s| s.cache_dir().join("storyscope"))
        };
        ClipboardEnv {
            tmux,
            term: var("TERM"),
            term_program: var("TERM_PROGRAM"),
            windows_terminal: std::env::var_os("WT_SESSION").is_some(),
            tools,
            cache_dir,
        }
    }

    /// Whether OSC 52 reaches a clipboard here.
    pub(crate) fn osc52(&self) -> Osc52 {
        if let Some((set_clipboard, passthrough)) = &self.tmux {
            return match (set_clipboard.trim(), passthrough.trim()) {
                // tmux takes the sequence itself and hands it to the outer terminal.
                ("on", _) => Osc52::Reaches {
                    wrap_for_tmux: false,
                },
                (_, "on" | "all") => Osc52::Reaches {
                    wrap_for_tmux: true,
                },
                _ => Osc52::DroppedByTmux,
            };
        }
        let known_term = [
            "kitty",
            "alacritty",
            "foot",
            "ghostty",
            "wezterm",
            "contour",
        ]
        .iter()
        .any(|name| self.term.contains(name));
        let known_program =
            ["iTerm.app", "WezTerm", "ghostty", "rio"].contains(&self.term_program.as_str());
        if known_term || known_program || self.windows_terminal {
            Osc52::Reaches {
                wrap_for_tmux: false,
            }
        } else {
            Osc52::Unknown
        }
    }
}

/// Where the text went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Delivery {
    /// On the clipboard, by this route ("through the terminal, OSC 52", "with wl-copy").
    Clipboard(String),
    /// Not on the clipboard: in this file, and why.
    File(PathBuf, String),
}

impl Delivery {
    /// The status bar's note, after `what` ("copied “Title” as Markdown"); the file's
    /// path comes first, so a narrow bar still shows it.
    pub(crate) fn note(&self, what: &str) -> String {
        match self {
            Delivery::Clipboard(how) => format!("{what} to the clipboard ({how})"),
            Delivery::File(path, why) => {
                format!("saved to {}, not on the clipboard: {why}", path.display())
            }
        }
    }
}

/// Puts `text` where it can go and says where; Err when it could go nowhere.
/// `terminal` is where OSC 52 is written.
pub(crate) fn deliver(
    text: &str,
    env: &ClipboardEnv,
    terminal: &mut dyn Write,
) -> Result<Delivery, String> {
    let osc52 = env.osc52();
    if let Osc52::Reaches { wrap_for_tmux } = osc52 {
        send_osc52(text, wrap_for_tmux, terminal).map_err(|e| format!("copy failed: {e}"))?;
        return Ok(Delivery::Clipboard(
            "through the terminal, OSC 52".to_owned(),
        ));
    }
    for tool in &env.tools {
        if run_tool(tool, text).is_ok() {
            return Ok(Delivery::Clipboard(format!("with {tool}")));
        }
    }
    let why = match osc52 {
        Osc52::DroppedByTmux => {
            "tmux drops the clipboard sequence (set -g set-clipboard on), no clipboard tool found"
        }
        _ => {
            // Sent anyway: a terminal that takes it has the text too.
            let _ = send_osc52(text, false, terminal);
            "the terminal may not take the clipboard sequence, no clipboard tool found"
        }
    };
    let dir = env
        .cache_dir
        .as_deref()
        .ok_or("copy failed: no clipboard and no cache folder")?;
    let file = save(dir, text).map_err(|e| format!("copy failed: {why}; {e}"))?;
    Ok(Delivery::File(file, why.to_owned()))
}

fn send_osc52(text: &str, wrap_for_tmux: bool, terminal: &mut dyn Write) -> std::io::Result<()> {
    use base64::Engine;
    let payload = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let sequence = format!("\x1b]52;c;{payload}\x07");
    let bytes = if wrap_for_tmux {
        format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
    } else {
        sequence
    };
    terminal.write_all(bytes.as_bytes())?;
    terminal.flush()
}

/// The fallback file: `clipboard.md` in `dir`, replaced on each copy.
fn save(dir: &Path, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let file = dir.join("clipboard.md");
    std::fs::write(&file, text)?;
    Ok(file)
}

fn run_tool(tool: &str, text: &str) -> std::io::Result<()> {
    let args: &[&str] = match tool {
        "xclip" => &["-selection", "clipboard"],
        "xsel" => &["--clipboard", "--input"],
        _ => &[],
    };
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(text.as_bytes())?;
    match child.wait()?.success() {
        true => Ok(()),
        false => Err(std::io::Error::other(format!("{tool} failed"))),
    }
}

/// One tmux option's value, as `tmux show-options -gv NAME` prints it.
fn tmux_option(name: &str) -> String {
    Command::new("tmux")
        .args(["show-options", "-gv", name])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(tmux: Option<(&str, &str)>, term: &str) -> ClipboardEnv {
        ClipboardEnv {
            tmux: tmux.map(|(a, b)| (a.to_owned(), b.to_owned())),
            term: term.to_owned(),
            ..ClipboardEnv::default()
        }
    }

    #[test]
    fn tmux_defaults_drop_the_sequence_and_its_options_let_it_through() {
        assert_eq!(
            env(Some(("external", "off")), "tmux-256color").osc52(),
            Osc52::DroppedByTmux
        );
        assert_eq!(env(Some(("", "")), "screen").osc52(), Osc52::DroppedByTmux);
        assert_eq!(
            env(Some(("on", "off")), "tmux-256color").osc52(),
            Osc52::Reaches {
                wrap_for_tmux: false
            }
        );
        assert_eq!(
            env(Some(("external", "on")), "tmux-256color").osc52(),
            Osc52::Reaches {
                wrap_for_tmux: true
            }
        );
        assert_eq!(
            env(None, "xterm-kitty").osc52(),
            Osc52::Reaches {
                wrap_for_tmux: false
            }
        );
        assert_eq!(env(None, "xterm-256color").osc52(), Osc52::Unknown);
    }

    #[test]
    fn a_dropped_sequence_falls_back_to_a_file_and_says_so() {
        let dir = std::env::temp_dir().join(format!("storyscope-clip-{}", std::process::id()));
        let mut clipboard_env = env(Some(("external", "off")), "tmux-256color");
        clipboard_env.cache_dir = Some(dir.clone());
        let mut terminal = Vec::new();
        let delivery = deliver("the text", &clipboard_env, &mut terminal).unwrap();
        assert!(terminal.is_empty(), "nothing sent where it is dropped");
        let file = dir.join("clipboard.md");
        let note = delivery.note("copied");
        assert!(
            note.starts_with(&format!("saved to {}", file.display())),
            "{note}"
        );
        assert!(note.contains("tmux drops"), "{note}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "the text");
        let _ = std::fs::remove_dir_all(dir);
    }
}
