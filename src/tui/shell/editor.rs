//! Opening the story file in the user's editor at a record's line: which editor
//! (`$VISUAL`, else `$EDITOR`, else `vi`), how it takes a line (`+LINE FILE` for the
//! vi family, nano, emacs, kakoune …; `FILE:LINE` for helix, Sublime Text, Zed;
//! `-g FILE:LINE` for VS Code and its forks; `--line N FILE` for JetBrains IDEs and
//! Xcode, as lazygit's presets do), and handing the terminal over and back.

use std::path::Path;
use std::process::Command;

use super::editor_template::{command_words, shell_command};
use crate::tui::update::effect::{EditRequest, EditTarget};

/// The editor command from the environment, as a shell would read it.
pub(crate) fn editor_command(visual: Option<String>, editor: Option<String>) -> String {
    [visual, editor]
        .into_iter()
        .flatten()
        .find(|command| !command.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// How an editor is told the line to open at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineForm {
    /// `+LINE FILE`
    Plus,
    /// `FILE:LINE`
    Colon,
    /// `-g FILE:LINE`
    Goto,
    /// `--line LINE FILE`
    LineFlag,
    /// `-l LINE FILE`
    ShortLineFlag,
    /// An editor we do not know: the file alone, rather than an argument it might
    /// take for a file name.
    Unknown,
}

/// The form for an editor command like `nvim`, `/usr/bin/vim -u NONE`, `code --wait`.
pub(crate) fn line_form(command: &str) -> LineForm {
    let program = command.split_whitespace().next().unwrap_or_default();
    let name = Path::new(program)
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or(program);
    let name = name.strip_suffix(".exe").unwrap_or(name);
    match name {
        "vi" | "vim" | "nvim" | "gvim" | "mvim" | "view" | "vis" | "nano" | "pico" | "emacs"
        | "emacsclient" | "kak" | "micro" | "joe" | "jed" | "mg" | "ne" | "gedit" | "bbedit" => {
            LineForm::Plus
        }
        // helix reads `FILE:LINE` in every release, `+LINE` only in recent ones.
        "hx" | "helix" | "subl" | "sublime_text" | "zed" | "zeditor" => LineForm::Colon,
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" | "windsurf" => LineForm::Goto,
        "idea" | "pycharm" | "webstorm" | "clion" | "goland" | "rustrover" | "phpstorm"
        | "rider" | "xed" => LineForm::LineFlag,
        "kate" | "mate" => LineForm::ShortLineFlag,
        _ => LineForm::Unknown,
    }
}

/// The arguments after the editor command for `file` at `line`.
pub(crate) fn editor_args(form: LineForm, file: &str, line: Option<usize>) -> Vec<String> {
    let Some(line) = line else {
        return vec![file.to_owned()];
    };
    match form {
        LineForm::Plus => vec![format!("+{line}"), file.to_owned()],
        LineForm::Colon => vec![format!("{file}:{line}")],
        LineForm::Goto => vec!["-g".to_owned(), format!("{file}:{line}")],
        LineForm::LineFlag => vec!["--line".to_owned(), line.to_string(), file.to_owned()],
        LineForm::ShortLineFlag => vec!["-l".to_owned(), line.to_string(), file.to_owned()],
        LineForm::Unknown => vec![file.to_owned()],
    }
}

/// The line to open `request` at, looked up in the file as it is now on disk.
pub(crate) fn resolve_line(request: &EditRequest) -> Option<usize> {
    match &request.target {
        EditTarget::Line(line) => Some(*line),
        EditTarget::Record { id, path } => {
            let text = std::fs::read_to_string(&request.file).ok()?;
            crate::tui::app::record_lines::line_of_record(&text, id, path.as_deref())
        }
    }
}

/// Runs the editor on `request` and waits for it: the config's `editor` template when
/// there is one (`{file}` and `{line}` filled in), else `$VISUAL`/`$EDITOR` told the
/// line its own way. The caller has handed the terminal over. Ok carries a note for
/// the status bar; Err says why the editor did not run.
pub fn run_editor(request: &EditRequest, template: Option<&str>) -> Result<String, String> {
    let line = resolve_line(request);
    // An absolute path cannot be taken for an option, whatever the file is called.
    let file = std::path::absolute(&request.file).unwrap_or_else(|_| request.file.clone());
    let file = file.to_string_lossy();
    let (mut command, shown, form) = match template {
        Some(template) => (
            templated(template, &file, line),
            template.to_owned(),
            LineForm::Plus,
        ),
        None => {
            let command =
                editor_command(std::env::var("VISUAL").ok(), std::env::var("EDITOR").ok());
            let form = line_form(&command);
            (
                from_environment(&command, editor_args(form, &file, line)),
                command,
                form,
            )
        }
    };
    let shown = crate::story::safe_text::clean_line(&shown);
    match command.status() {
        Err(err) => Err(format!("could not start the editor `{shown}`: {err}")),
        // The shell's "not found" (127) and "not executable" (126).
        Ok(status) if matches!(status.code(), Some(126 | 127)) => Err(format!(
            "could not start the editor `{shown}` (not found or not executable); set $VISUAL or $EDITOR"
        )),
        Ok(status) if !status.success() => Err(format!(
            "the editor `{shown}` exited with {}",
            status
                .code()
                .map_or_else(|| "a signal".to_owned(), |code| format!("code {code}"))
        )),
        Ok(_) => Ok(match (line, form) {
            (Some(_), LineForm::Unknown) => format!(
                "back from `{shown}` (it was not told the line: set `editor` in the config, e.g. \"{} {{file}}:{{line}}\")",
                shown.split_whitespace().next().unwrap_or("myeditor")
            ),
            _ => format!("back from `{shown}`"),
        }),
    }
}

/// `$VISUAL`/`$EDITOR` as git runs it: through the shell, so `code --wait` or a quoted
/// path works, with the file names passed as arguments, never pasted into it.
fn from_environment(command: &str, args: Vec<String>) -> Command {
    if cfg!(unix) {
        let mut shell = Command::new("sh");
        shell
            .arg("-c")
            .arg(format!("{command} \"$@\""))
            .arg(command)
            .args(args);
        shell
    } else {
        let mut words = command.split_whitespace();
        let mut program = Command::new(words.next().unwrap_or("vi"));
        program.args(words).args(args);
        program
    }
}

/// The config's template, filled in; through the shell where there is one, the file
/// name quoted for it.
fn templated(template: &str, file: &str, line: Option<usize>) -> Command {
    if cfg!(unix) {
        let mut shell = Command::new("sh");
        shell.arg("-c").arg(shell_command(template, file, line));
        shell
    } else {
        let words = command_words(template, file, line);
        let mut program = Command::new(words.first().map_or("vi", String::as_str));
        program.args(words.iter().skip(1));
        program
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_then_editor_then_vi() {
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(editor_command(some("hx"), some("nano")), "hx");
        assert_eq!(editor_command(some(" "), some("nano")), "nano");
        assert_eq!(editor_command(None, some("code --wait")), "code --wait");
        assert_eq!(editor_command(None, None), "vi");
    }

    #[test]
    fn each_editor_gets_the_line_its_own_way() {
        let args = |command: &str| editor_args(line_form(command), "/s/story.json", Some(42));
        for plus in [
            "vi",
            "/usr/bin/vim -u NONE",
            "nvim",
            "nano",
            "emacs -nw",
            "kak",
            "micro",
        ] {
            assert_eq!(args(plus), ["+42", "/s/story.json"], "{plus}");
        }
        for colon in ["hx", "subl -w", "zed --wait"] {
            assert_eq!(args(colon), ["/s/story.json:42"], "{colon}");
        }
        assert_eq!(args("code --wait"), ["-g", "/s/story.json:42"]);
        assert_eq!(args("codium.exe"), ["-g", "/s/story.json:42"]);
        assert_eq!(args("idea"), ["--line", "42", "/s/story.json"]);
        assert_eq!(args("kate"), ["-l", "42", "/s/story.json"]);
        assert_eq!(args("my-editor"), ["/s/story.json"]);
        assert_eq!(
            editor_args(LineForm::Plus, "/s/story.json", None),
            ["/s/story.json"]
        );
    }
}
