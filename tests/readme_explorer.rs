//! Keeps the README's explorer section true: its screenshot is the app as drawn now,
//! and its key table is the keymap table. On a mismatch the test prints the new text.

mod common;

use storyscope::tui::keymap::{BINDINGS, Scope};

const README: &str = include_str!("../README.md");

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
    let app = common::app(120, 30);
    let text = common::screen_text(&app);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    format!("```text\n{}\n```\n", lines.join("\n"))
}

fn key_table() -> String {
    let mut out = String::from("| Where | Keys | Does |\n| --- | --- | --- |\n");
    for scope in [
        Scope::Global,
        Scope::Lists,
        Scope::Detail,
        Scope::Search,
        Scope::Help,
    ] {
        for binding in BINDINGS.iter().filter(|b| b.scope == scope) {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|k| format!("`{}`", k.label().replace('|', "\\|")))
                .collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                scope.title(),
                keys.join(" "),
                binding.description
            ));
        }
    }
    out
}

#[test]
fn readme_screenshot_is_the_current_screen() {
    let expected = screenshot();
    assert!(
        section("screenshot") == expected,
        "README screenshot is out of date; it should be:\n{expected}"
    );
}

#[test]
fn readme_key_table_is_the_keymap() {
    let expected = key_table();
    assert!(
        section("keys") == expected,
        "README key table is out of date; it should be:\n{expected}"
    );
}
