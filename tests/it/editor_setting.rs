//! The config's `editor` setting: a command with `{file}` and `{line}` placeholders (as
//! lazygit's `editAtLine`) is what the edit key runs, filled in with the story file and
//! the record's line, even for a file name a shell would split; a template that cannot
//! work is refused with its line and column.

use std::path::{Path, PathBuf};

use storyscope::config::ConfigFile;
use storyscope::tui::shell::run_editor;
use storyscope::tui::update::{EditRequest, EditTarget};

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("editor-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn the_configured_editor_gets_the_file_and_the_record_line() {
    let dir = scratch("template");
    // A story file whose name has a space and a quote, and a record on line 3.
    let story = dir.join("my 'story'.json");
    std::fs::write(
        &story,
        "{\n  \"events\": [\n    { \"id\": \"ev-one\" }\n  ]\n}\n",
    )
    .unwrap();
    let out = dir.join("called.txt");
    let config = format!(
        "editor = \"printf '%s|%s' {{file}} {{line}} > '{}'\"\n",
        out.display()
    );
    let settings = ConfigFile::parse(&config).expect("the config reads");
    let template = settings
        .editor
        .as_deref()
        .expect("the editor setting is kept");
    let request = EditRequest {
        file: story.clone(),
        target: EditTarget::Record {
            id: "ev-one".to_owned(),
            path: Some("events[0]".to_owned()),
        },
    };
    let note = run_editor(&request, Some(template)).expect("the editor ran");
    assert!(note.starts_with("back from `printf"), "{note}");
    let called = std::fs::read_to_string(&out).expect("the editor wrote its arguments");
    assert_eq!(called, format!("{}|3", story.display()));
}

#[test]
fn a_template_that_cannot_work_is_refused_with_its_place() {
    let no_file = ConfigFile::parse("theme = \"dark\"\neditor = \"myeditor +{line}\"\n")
        .expect_err("no {file}");
    assert!(
        no_file.starts_with("2:10: editor: has no {file}"),
        "{no_file}"
    );
    let unknown = ConfigFile::parse("editor = \"myeditor {filename}\"\n").expect_err("unknown");
    assert!(
        unknown.contains("`{filename}` is not a placeholder"),
        "{unknown}"
    );
    // The default config documents the setting without setting it.
    let default = storyscope::config::ConfigFile::parse(&default_config()).unwrap();
    assert_eq!(default.editor, None);
    assert!(default_config().contains("# editor = \"myeditor --goto {file}:{line}\""));
}

fn default_config() -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(["config", "default"])
        .output()
        .expect("run storyscope");
    String::from_utf8(output.stdout).unwrap()
}
