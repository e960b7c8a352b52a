//! The config's `editor` setting: an editor command with `{file}` and `{line}`
//! placeholders, as lazygit's `editAtLine`, for an editor storyscope does not know how
//! to tell the line. The values are quoted for the shell that runs the command, so a
//! story file's name is never read as shell code.

/// What may appear between braces in the template.
const PLACEHOLDERS: [&str; 2] = ["file", "line"];

/// Checks a template as written in the config: not blank, `{file}` in it, and no
/// placeholder but `{file}` and `{line}`. The error says what to write instead.
pub(crate) fn check_template(template: &str) -> Result<(), String> {
    if template.trim().is_empty() {
        return Err("must not be blank; leave it out to use $VISUAL or $EDITOR".to_owned());
    }
    for name in placeholder_names(template) {
        if !PLACEHOLDERS.contains(&name) {
            return Err(format!(
                "`{{{name}}}` is not a placeholder: write {{file}} for the story file and {{line}} for the line"
            ));
        }
    }
    if !template.contains("{file}") {
        return Err(format!(
            "has no {{file}}: say where the file goes, e.g. \"{} {{file}}:{{line}}\"",
            template.split_whitespace().next().unwrap_or("myeditor")
        ));
    }
    Ok(())
}

/// The names between braces (`{file}` → `file`), for words of letters and `_` only,
/// so a `{` the command itself needs (`awk '{print}'`) is not taken for one.
fn placeholder_names(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    names
}

fn is_name(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}

/// The command for `sh -c`: the template with `{file}` and `{line}` (1 when the line
/// is not known) each replaced by its value in single quotes.
pub(crate) fn shell_command(template: &str, file: &str, line: Option<usize>) -> String {
    fill(template, &sh_quote(file), &line.unwrap_or(1).to_string())
}

/// The command as words, for a system without `sh`: split at spaces, then filled in
/// (a file name with spaces stays one word).
pub(crate) fn command_words(template: &str, file: &str, line: Option<usize>) -> Vec<String> {
    let line = line.unwrap_or(1).to_string();
    template
        .split_whitespace()
        .map(|word| fill(word, file, &line))
        .collect()
}

fn fill(template: &str, file: &str, line: &str) -> String {
    template.replace("{file}", file).replace("{line}", line)
}

/// `it's` → `'it'\''s'`: one word to `sh`, whatever it holds.
fn sh_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_quoted() {
        let command = shell_command("ed --goto {file}:{line}", "/s/it's.json", Some(42));
        assert_eq!(command, r"ed --goto '/s/it'\''s.json':42");
        assert_eq!(
            shell_command("ed {file} +{line}", "/s/a.json", None),
            "ed '/s/a.json' +1"
        );
        assert_eq!(
            command_words("ed -l {line} {file}", "/s/my story.json", Some(7)),
            ["ed", "-l", "7", "/s/my story.json"]
        );
    }

    #[test]
    fn a_template_must_place_the_file_and_use_known_placeholders() {
        assert!(check_template("ed {file}:{line}").is_ok());
        assert!(check_template("sh -c 'awk \"{print}\" {file}'").is_err());
        assert!(check_template("awk '{ print }' {file}").is_ok());
        let blank = check_template("  ").unwrap_err();
        assert!(blank.contains("must not be blank"), "{blank}");
        let no_file = check_template("ed +{line}").unwrap_err();
        assert!(no_file.contains("has no {file}"), "{no_file}");
        let unknown = check_template("ed {filename}:{line}").unwrap_err();
        assert!(
            unknown.contains("`{filename}` is not a placeholder"),
            "{unknown}"
        );
    }
}
