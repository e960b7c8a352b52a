//! The binary's manners: output into a full disk (`/dev/full`) or a closed pipe, flags
//! only where they apply, the man page, dynamic completion of record ids, and the
//! `config` commands.

use std::io::Read;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_storyscope");

/// Every command that writes to stdout, with arguments that make it write something.
const WRITERS: &[&[&str]] = &[
    &["schema"],
    &["completions", "bash"],
    &["completions", "zsh"],
    &["export", "timeline"],
    &["export", "record", "--id", "apple"],
    &["search", "qwen"],
    &["search", "qwen", "--json"],
    &["lint"],
    &["lint", "--json"],
    &["check"],
    &["man"],
    &["config", "default"],
    &["--help"],
];

fn storyscope(args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command.args(args);
    // No user config or colour settings leak into the tests.
    command.env("STORYSCOPE_CONFIG", "/nonexistent/storyscope-test.toml");
    for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COMPLETE"] {
        command.env_remove(name);
    }
    command
}

/// The exit code and output of a run with stdout to a normal pipe.
fn run(args: &[&str]) -> (i32, String, String) {
    let output = storyscope(args).output().expect("run storyscope");
    (
        output.status.code().expect("exited, not killed"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_line_and_exit_1_for_every_command() {
    for args in WRITERS.iter().filter(|a| a[0] != "--help") {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let output = storyscope(args)
            .stdout(full)
            .output()
            .expect("run storyscope");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("storyscope: cannot write to standard output"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_usual_exit_code() {
    for args in WRITERS {
        let (usual, _, _) = run(args);
        let mut child = storyscope(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn storyscope");
        // The reader is gone before storyscope writes anything (it is still starting),
        // so every write meets a closed pipe, as after `| head -c1` on a long output.
        drop(child.stdout.take());
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .expect("read stderr");
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(usual), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn explorer_flags_belong_to_the_explorer_only() {
    for (args, flag) in [
        (&["lint", "--no-mouse"][..], "--no-mouse"),
        (&["search", "x", "--export-dir", "."][..], "--export-dir"),
        (&["export", "timeline", "--theme", "light"][..], "--theme"),
        (&["--no-mouse", "check"][..], "--no-mouse"),
    ] {
        let (code, _, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.contains(flag), "{args:?}: {stderr}");
    }
    for command in ["lint", "search", "export", "check", "schema"] {
        let (_, help, _) = run(&[command, "--help"]);
        for flag in ["--no-mouse", "--export-dir", "--theme", "--config"] {
            assert!(!help.contains(flag), "{command} --help lists {flag}");
        }
    }
    let (_, help, _) = run(&["--help"]);
    for flag in [
        "--no-mouse",
        "--export-dir",
        "--theme",
        "--config",
        "--color",
        "--story",
    ] {
        assert!(help.contains(flag), "storyscope --help lacks {flag}");
    }
    // The story options still work before a subcommand, as the README shows.
    let (code, out, _) = run(&["--as-of", "2025-02-12", "check"]);
    assert_eq!(code, 0);
    assert!(out.contains("as of 12 Feb 2025"), "{out}");
}

#[test]
fn the_man_page_comes_from_the_cli_definition() {
    let (code, page, _) = run(&["man"]);
    assert_eq!(code, 0);
    assert!(
        page.starts_with(".ie") || page.contains(".TH storyscope"),
        "{page}"
    );
    for word in [
        "export",
        "completions",
        "no\\-mouse",
        "config",
        "STORYSCOPE_CONFIG",
        "NO_COLOR",
    ] {
        assert!(page.contains(word), "man page lacks {word}");
    }
    let (code, export, _) = run(&["man", "export"]);
    assert_eq!(code, 0);
    assert!(export.contains(".TH storyscope-export"), "{export}");
    assert!(
        export.contains("\\-\\-filter") && export.contains("record"),
        "{export}"
    );
    let (code, _, stderr) = run(&["man", "exprot"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no command `exprot`"), "{stderr}");
}

#[test]
fn completion_offers_record_ids_from_the_story_on_the_line() {
    let complete = |words: &[&str]| {
        let output = storyscope(&[])
            .env("COMPLETE", "fish")
            .arg("--")
            .args(words)
            .output()
            .expect("run storyscope");
        assert!(output.status.success(), "{words:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let ids = complete(&["storyscope", "export", "entity", "--id", "alib"]);
    assert!(ids.lines().any(|l| l.starts_with("alibaba\t")), "{ids}");
    assert!(ids.lines().all(|l| l.starts_with("alib")), "{ids}");
    let filter = complete(&["storyscope", "export", "timeline", "--filter", "app"]);
    assert!(
        filter.lines().any(|l| l.starts_with("apple\tApple")),
        "{filter}"
    );
    // `--id` takes any record; `--filter` only entities.
    let any = complete(&["storyscope", "export", "record", "--id", "disp-announced"]);
    assert!(any.contains("disp-announced-or-reported"), "{any}");
    let entities = complete(&["storyscope", "export", "timeline", "--filter", "disp-"]);
    assert_eq!(entities.trim(), "", "{entities}");
    // Another story on the line is the one completed.
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.json");
    let other = complete(&[
        "storyscope",
        "export",
        "record",
        "--story",
        fixture,
        "--id",
        "",
    ]);
    assert!(other.contains("ev-choice\t"), "{other}");
    assert!(!other.contains("ev-qwen-2-5-max-unveiled"), "{other}");
    // `export entity --id` offers entities only.
    let entities_only = complete(&[
        "storyscope",
        "export",
        "entity",
        "--story",
        fixture,
        "--id",
        "",
    ]);
    assert!(
        entities_only.contains("apple\t") && !entities_only.contains("ev-choice"),
        "{entities_only}"
    );
    // The registration script calls back into storyscope.
    let (code, script, _) = run(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(
        script.contains("COMPLETE=\"bash\"") || script.contains("COMPLETE=bash"),
        "{script}"
    );
}

#[test]
fn export_record_shows_any_record_as_detail_does() {
    let (code, out, _) = run(&["export", "record", "--id", "disp-announced-or-reported"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("View: record · dispute disp-announced-or-reported"),
        "{out}"
    );
    assert!(
        out.contains("## Did Apple announce the Alibaba deal, or is it only reported?"),
        "{out}"
    );
    let (code, _, stderr) = run(&["export", "record", "--id", "disp-announced-or-reportd"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `disp-announced-or-reported`"),
        "{stderr}"
    );
}

#[test]
fn config_path_default_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("my.toml");
    let path = file.to_str().unwrap();
    let (code, out, stderr) = run(&["config", "--config", path, "path"]);
    assert_eq!((code, out.trim()), (0, path));
    assert!(stderr.contains("no file there"), "{stderr}");
    // The platform's place: $XDG_CONFIG_HOME/storyscope/config.toml.
    let output = Command::new(BIN)
        .args(["config", "path"])
        .env_remove("STORYSCOPE_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        shown.trim(),
        dir.path().join("storyscope/config.toml").to_str().unwrap()
    );

    // Without XDG_CONFIG_HOME: ~/.config, on macOS too.
    let output = Command::new(BIN)
        .args(["config", "path"])
        .env_remove("STORYSCOPE_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        dir.path()
            .join(".config/storyscope/config.toml")
            .to_str()
            .unwrap()
    );

    let (code, default, _) = run(&["config", "default"]);
    assert_eq!(code, 0);
    std::fs::write(&file, &default).unwrap();
    let (code, out, _) = run(&["config", "--config", path, "check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(": ok"), "{out}");

    std::fs::write(&file, "theme = \"dark\"\n\n[keys]\nquit = \"Hyper-q\"\n").unwrap();
    let (code, _, stderr) = run(&["config", "--config", path, "check"]);
    assert_eq!(code, 2);
    assert!(stderr.contains(&format!("{path}:4:8:")), "{stderr}");
    let output = storyscope(&["config", "check"])
        .env("STORYSCOPE_CONFIG", path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn color_flag_reaches_clap_messages() {
    let (_, _, plain) = run(&["--color", "never", "lint", "--bogus"]);
    assert!(!plain.contains('\x1b'), "{plain}");
    let (_, _, coloured) = run(&["--color", "always", "lint", "--bogus"]);
    assert!(coloured.contains('\x1b'), "{coloured}");
    let (code, _, stderr) = run(&["--color", "sometimes", "check"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("sometimes"), "{stderr}");
}

#[test]
fn the_readme_config_example_is_a_valid_config() {
    let readme = include_str!("../../README.md");
    let mut blocks = 0;
    for block in readme.split("```toml\n").skip(1) {
        let text = block.split("```").next().unwrap();
        let file = storyscope::config::ConfigFile::parse(text)
            .unwrap_or_else(|err| panic!("README config example: {err}\n{text}"));
        let settings = file.settings(&Default::default(), true);
        assert!(!settings.keymap.rows().is_empty());
        blocks += 1;
    }
    assert!(blocks >= 1, "the README shows a config file");
}

#[cfg(unix)]
#[test]
fn piping_into_head_in_a_shell_is_quiet() {
    for args in ["schema", "export report", "lint --json", "man"] {
        let script = format!(
            "STORYSCOPE_CONFIG=/nonexistent '{BIN}' {args} | head -c1 >/dev/null; echo \"${{PIPESTATUS[0]}}\""
        );
        let output = Command::new("bash")
            .arg("-c")
            .arg(&script)
            .output()
            .expect("bash");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            String::from_utf8_lossy(&output.stdout).trim(),
            "0",
            "{args}: {stderr}"
        );
        assert_eq!(stderr, "", "{args}");
    }
}
