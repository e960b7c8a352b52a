//! The command line says what it does: `diff --help` (and its man page) does not offer
//! the `--as-of` that diff refuses, while the commands that take it still list it; and
//! a blank search query is a usage error (exit 2) with or without `--json`.

use std::process::{Command, Output, Stdio};

fn storyscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .stdin(Stdio::null())
        .env("NO_COLOR", "1")
        .output()
        .expect("run storyscope")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn diff_help_does_not_offer_the_as_of_it_refuses() {
    let help = stdout(&storyscope(&["diff", "--help"]));
    assert!(help.contains("--from"), "{help}");
    assert!(!help.contains("--as-of"), "{help}");
    let man = stdout(&storyscope(&["man", "diff"]));
    assert!(man.contains("from"), "{man}");
    assert!(!man.contains(r"as\-of"), "{man}");
    // Still refused, before or after the command's name, with the reason.
    for args in [
        &["diff", "--from", "2025-02-12", "--as-of", "2025-02-13"][..],
        &["--as-of", "2025-02-13", "diff", "--from", "2025-02-12"][..],
    ] {
        let output = storyscope(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message.contains("diff takes --from and --to, not --as-of"),
            "{message}"
        );
    }
}

#[test]
fn the_commands_that_take_as_of_still_list_it() {
    for command in ["check", "export", "search", "lint"] {
        let help = stdout(&storyscope(&[command, "--help"]));
        assert!(help.contains("--as-of"), "{command} --help:\n{help}");
    }
    let output = storyscope(&["check", "--as-of", "2025-02-12"]);
    assert!(stdout(&output).contains("as of 12 Feb 2025"));
}

#[test]
fn a_blank_search_is_a_usage_error_with_or_without_json() {
    for query in ["", "   "] {
        for json in [false, true] {
            let mut args = vec!["search", query];
            if json {
                args.push("--json");
            }
            let output = storyscope(&args);
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            assert!(output.stdout.is_empty(), "{args:?}: {}", stdout(&output));
            let message = String::from_utf8_lossy(&output.stderr);
            assert!(message.contains("search needs a query"), "{message}");
        }
    }
    // A query that matches nothing is still "no match".
    assert_eq!(storyscope(&["search", "zzqqxx"]).status.code(), Some(1));
}
