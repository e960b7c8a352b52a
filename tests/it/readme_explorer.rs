//! Keeps the README's explorer section true: its screenshot is the app as drawn now,
//! and its key table is the keymap table. On a mismatch the test prints the new text.

use storyscope::tui::input::by_scope;

const README: &str = include_str!("../../README.md");

/// The text between `<!-- name:start -->` and `<!-- name:end -->`.
fn section(name: &str) -> &'static str {
    let start = format!("<!-- {name}:start -->\n");
    let end = format!("<!-- {name}:end -->");
    let from = README
        .find(&start)
        .unwrap_or_else(|| panic!("README lacks {start}"))
        + start.len();
    let to = README[from..]
        .find(&end)
        .unwrap_or_else(|| panic!("README lacks {end}"))
        + from;
    &README[from..to]
}

fn screenshot() -> String {
    let app = crate::common::app(120, 30);
    let text = crate::common::screen_text(&app);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    format!("```text\n{}\n```\n", lines.join("\n"))
}

fn key_table() -> String {
    let mut out = String::from(
        "| Where | Keys | Does | Name (for the config file) |\n| --- | --- | --- | --- |\n",
    );
    for (scope, bindings) in by_scope() {
        for binding in bindings {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|k| format!("`{}`", k.label().replace('|', "\\|")))
                .collect();
            out.push_str(&format!(
                "| {} | {} | {} | `{}` |\n",
                scope.title(),
                keys.join(" "),
                binding.description,
                binding.name
            ));
        }
    }
    out
}

/// With `UPDATE_README=1`, rewrites the section instead of failing.
fn check_or_update(name: &str, expected: &str) {
    if section(name) == expected {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        let current = std::fs::read_to_string(&path).expect("README readable");
        let updated = current.replacen(section(name), expected, 1);
        std::fs::write(&path, updated).expect("README writable");
        return;
    }
    panic!(
        "README {name} is out of date (UPDATE_README=1 cargo test --test readme_explorer rewrites it); it should be:\n{expected}"
    );
}

#[test]
fn readme_screenshot_is_the_current_screen() {
    check_or_update("screenshot", &screenshot());
}

#[test]
fn readme_key_table_is_the_keymap() {
    check_or_update("keys", &key_table());
}
