//! `y` under a terminal that drops the clipboard sequence (tmux with its defaults:
//! `set-clipboard external`, `allow-passthrough off`): the explorer does not claim a
//! copy it cannot make; it says where the text went — a file in the cache folder, no
//! clipboard tool being at hand — and the text, dated, is there.

use std::os::unix::fs::PermissionsExt;

use super::{Explorer, status_bar, tempdir};

#[test]
fn copy_under_tmux_defaults_says_where_the_text_went() {
    let dir = tempdir();
    // A tmux that answers as a default tmux does; nothing else on PATH but the basics,
    // so no clipboard tool (wl-copy, xclip …) is found.
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let tmux = bin.join("tmux");
    std::fs::write(
        &tmux,
        "#!/bin/sh\ncase \"$3\" in set-clipboard) echo external;; *) echo off;; esac\n",
    )
    .unwrap();
    std::fs::set_permissions(&tmux, std::fs::Permissions::from_mode(0o755)).unwrap();
    let cache = dir.path().join("cache");
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let env = [
        ("TMUX", "/tmp/tmux-0/default,1,0"),
        ("PATH", path.as_str()),
        ("XDG_CACHE_HOME", cache.to_str().unwrap()),
        ("DISPLAY", ""),
        ("WAYLAND_DISPLAY", ""),
    ];
    let mut explorer =
        Explorer::start_with_env(160, 45, &["--as-of", "2025-02-12"], dir.path(), &env);
    explorer.wait_ready();
    explorer.send("y");
    explorer.wait_for("saved to");
    let file = cache.join("storyscope").join("clipboard.md");
    let bar = {
        let parser = explorer.parser.lock().unwrap();
        status_bar(parser.screen())
    };
    assert!(
        bar.contains(&format!(
            "saved to {}, not on the clipboard",
            file.display()
        )),
        "{bar}"
    );
    assert!(!bar.contains("copied"), "{bar}");
    let raw = explorer.raw.lock().unwrap().clone();
    assert!(
        !raw.windows(5).any(|w| w == b"\x1b]52;"),
        "the sequence tmux would drop was sent anyway"
    );
    let text = std::fs::read_to_string(&file).expect("the text is where the note says");
    assert!(text.starts_with("_As of 12 Feb 2025"), "{text}");
    explorer.send("q");
    explorer.wait_exit();
}
