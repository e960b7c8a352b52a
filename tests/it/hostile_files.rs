//! Hostile story files through the real binary (`storyscope check --story FILE`): each is
//! refused with exit code 2 and a message naming the file, never a panic; the slow ones
//! stay fast and the big ones stay within a small multiple of their size in memory.
//! And hostile text in a story never reaches the terminal raw through `search`.
//!
//! The classic bad files (empty, not UTF-8, truncated, a top-level array, missing, a
//! folder, wrong format, unknown fields, every reference error, bad dates, blank names)
//! are in tests/it/loader_errors.rs; this file covers the rest of the list.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use storyscope::story::safe_text::is_unsafe_char;

const SMALL: &str = include_str!("../fixtures/small.json");

fn storyscope() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
}

fn check(file: &Path) -> Output {
    storyscope()
        .arg("check")
        .arg("--story")
        .arg(file)
        .output()
        .expect("run storyscope")
}

/// A folder that disappears with the test.
fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write the story file");
    path
}

/// The valid small story, changed by `edit`, as JSON text.
fn small_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut story: Value = serde_json::from_str(SMALL).expect("small.json parses");
    edit(&mut story);
    serde_json::to_string_pretty(&story).expect("serialises")
}

/// A change to the small story, for tables of cases.
type Edit<'a> = Box<dyn Fn(&mut Value) + 'a>;

/// The small story with the value at `pointer` (a JSON pointer) replaced by `raw`, text
/// spliced in as is: numbers serde_json would not write, or nesting it would refuse.
fn small_with_raw(pointer: &str, raw: &str) -> String {
    const MARK: &str = "\u{1}RAW\u{1}";
    let text = small_with(|story| {
        *story
            .pointer_mut(pointer)
            .expect("the pointer names a value") = json!(MARK);
    });
    let quoted = serde_json::to_string(MARK).unwrap();
    assert_eq!(text.matches(&quoted).count(), 1);
    text.replacen(&quoted, raw, 1)
}

/// Runs `check` on `file` and returns stderr after asserting it was refused the way a
/// user should see it: exit 2, nothing on stdout, a first line naming the file, every
/// `expected` piece somewhere, and no sign of a panic.
/// Messages with their place (` (id), line 3 col 9`) left out: these tests are about
/// what is said; `loader_errors` and `format_messages` check the places.
fn without_places(stderr: &str) -> String {
    stderr
        .lines()
        .map(|line| {
            let Some(start) = line.find(", line ") else {
                return line.to_owned();
            };
            let rest = &line[start + ", line ".len()..];
            let Some((numbers, after)) = rest.split_once(": ") else {
                return line.to_owned();
            };
            let is_place = numbers.split_once(" col ").is_some_and(|(l, c)| {
                [l, c]
                    .iter()
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            });
            if !is_place {
                return line.to_owned();
            }
            let mut before = &line[..start];
            if before.ends_with(')') {
                if let Some(open) = before.rfind(" (") {
                    before = &before[..open];
                }
            }
            format!("{before}: {after}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn refused(file: &Path, expected: &[&str]) -> String {
    let output = check(file);
    let stderr = without_places(&String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}: exit status {:?}, stderr:\n{stderr}",
        file.display(),
        output.status
    );
    assert!(output.stdout.is_empty(), "nothing on stdout for a bad file");
    let shown = file.display().to_string();
    assert!(
        stderr.starts_with(&format!("storyscope: {shown}: ")),
        "the message must name the file first:\n{stderr}"
    );
    for piece in expected {
        assert!(stderr.contains(piece), "stderr lacks {piece:?}:\n{stderr}");
    }
    assert_no_panic(&stderr);
    stderr
}

fn assert_no_panic(stderr: &str) {
    for sign in [
        "panicked",
        "RUST_BACKTRACE",
        "stack backtrace",
        "thread 'main'",
    ] {
        assert!(!stderr.contains(sign), "{sign:?} on stderr:\n{stderr}");
    }
}

/// Deterministic bytes that look like nothing in particular (xorshift).
fn garbage(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_garbage_is_refused() {
    let dir = scratch();
    let mut bytes = garbage(4096, 0x5eed);
    bytes[0] = 0xff; // never valid UTF-8
    let file = write(&dir, "garbage.bin", &bytes);
    refused(&file, &["file: not UTF-8 text: invalid byte at offset 0"]);
    // NUL bytes and other C0 controls are valid UTF-8, but not JSON.
    let file = write(&dir, "nuls.json", b"\0\0\x1b[2J\0\x07");
    refused(&file, &["line 1 col 1: expected value"]);
    // Printable junk.
    let junk: String = garbage(4096, 7)
        .into_iter()
        .map(|b| char::from(b' ' + b % 95))
        .collect();
    let file = write(&dir, "printable.json", junk);
    refused(&file, &["(the file is not valid JSON)"]);
}

#[test]
fn a_top_level_scalar_is_not_a_story() {
    let dir = scratch();
    for (text, kind) in [
        ("42", "a number"),
        ("-1.5e3", "a number"),
        ("\"story\"", "a string"),
        ("true", "a boolean"),
        ("null", "null"),
    ] {
        let file = write(&dir, "scalar.json", text);
        refused(
            &file,
            &[&format!(
                "top level: the story must be a JSON object, not {kind} (see docs/story-format.md for the layout)"
            )],
        );
    }
}

#[test]
fn permission_denied_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch();
    let file = write(&dir, "locked.json", SMALL);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&file).is_ok() {
        // Running as root: permissions do not stop reads, so there is nothing to test.
        eprintln!("skipped: this user can read a file with mode 000 (root?)");
        return;
    }
    refused(&file, &["file: permission denied: the file cannot be read"]);
}

#[test]
fn nan_like_strings_are_not_numbers() {
    let dir = scratch();
    for word in ["NaN", "Infinity", "-Infinity", "1e400"] {
        let text = small_with(|story| story["metrics"][0]["value"] = json!(word));
        let file = write(&dir, "nan.json", text);
        refused(
            &file,
            &[&format!(
                "metrics[0].value: invalid type: string \"{word}\", expected a number (write the number without quotes)"
            )],
        );
    }
    // Unquoted, they are not JSON at all.
    let text = small_with_raw("/metrics/0/value", "NaN");
    let file = write(&dir, "bare_nan.json", text);
    refused(&file, &["expected value (the file is not valid JSON)"]);
}

#[test]
fn huge_numbers_are_refused_with_the_range() {
    let dir = scratch();
    // Beyond f64: serde_json cannot read it at all.
    let text = small_with_raw("/metrics/0/value", "1e400");
    let file = write(&dir, "1e400.json", text);
    refused(
        &file,
        &[
            "number out of range",
            "(the number is too large to read; numbers go up to about 1.8e308)",
        ],
    );
    // Beyond u64, for a u32 field.
    let text = small_with_raw("/events/0/cite/0/para", "18446744073709551616");
    let file = write(&dir, "u64.json", text);
    refused(
        &file,
        &[
            "events[0].cite[0].para: invalid type: floating point `1.8446744073709552e+19`, expected a whole number from 0 to 4294967295",
        ],
    );
    // Beyond u32.
    let text = small_with(|story| story["events"][0]["cite"][0]["para"] = json!(4294967296u64));
    let file = write(&dir, "u32.json", text);
    refused(
        &file,
        &[
            "events[0].cite[0].para: invalid value: integer `4294967296`, expected a whole number from 0 to 4294967295",
        ],
    );
    // A format number as written, not as a float.
    let text = small_with_raw("/format", "18446744073709551616");
    let file = write(&dir, "format.json", text);
    refused(
        &file,
        &[
            "format: format 18446744073709551616 is not one this build reads (this build reads format 1)",
        ],
    );
}

#[test]
fn negative_numbers_where_they_make_no_sense() {
    let dir = scratch();
    let text = small_with(|story| story["events"][0]["cite"][0]["para"] = json!(-1));
    let file = write(&dir, "para.json", text);
    refused(
        &file,
        &[
            "events[0].cite[0].para: invalid value: integer `-1`, expected a whole number from 0 to 4294967295",
        ],
    );
    let text = small_with(|story| story["format"] = json!(-1));
    let file = write(&dir, "format.json", text);
    refused(&file, &["format: format -1 is not one this build reads"]);
}

/// A 10 MB string where a name, a field name, an id reference or a date goes: the file
/// loads or is refused, and the message quotes only the start of the string. (How fast:
/// `cargo bench`, "Hostile file" rows.)
#[test]
fn ten_megabyte_strings_load_or_are_refused_with_a_short_message() {
    let dir = scratch();
    let long = "x".repeat(10 * 1024 * 1024);
    let text = small_with(|story| story["story"]["summary"] = json!(long));
    let file = write(&dir, "summary.json", text);
    let output = check(&file);
    assert_eq!(
        output.status.code(),
        Some(0),
        "a long summary is still valid"
    );
    assert_no_panic(&String::from_utf8_lossy(&output.stderr));

    let cases: [(&str, Edit, &str); 4] = [
        (
            "field.json",
            Box::new(|story| story["events"][0][long.as_str()] = json!(1)),
            "unknown field `xxxxxxxx",
        ),
        (
            "top_field.json",
            Box::new(|story| story[long.as_str()] = json!(1)),
            "unknown field `xxxxxxxx",
        ),
        (
            "reference.json",
            Box::new(|story| story["events"][0]["entities"][0] = json!(long)),
            "events[0].entities[0]: unknown entity `xxxxxxxx",
        ),
        (
            "date.json",
            Box::new(|story| story["events"][0]["date"] = json!(long)),
            "events[0].date: `xxxxxxxx",
        ),
    ];
    for (name, edit, expected) in cases {
        let file = write(&dir, name, small_with(edit));
        let stderr = refused(&file, &[expected, "…"]);
        assert!(
            stderr.len() < 4096,
            "{name}: the message repeats the whole string ({} bytes)",
            stderr.len()
        );
    }
}

/// The reference errors tests/it/loader_errors.rs leaves out: a `via` loop, `via` naming
/// a record that is not a source, a dispute about nothing known, and a blank id.
#[test]
fn the_remaining_reference_errors() {
    let dir = scratch();
    let cases: [(&str, Edit, &str); 4] = [
        (
            "via_loop.json",
            Box::new(|story| story["sources"][0]["via"] = json!("daily")),
            "sources[0].via: the `via` chain loops back on itself (a source cannot rely, directly or not, on itself)",
        ),
        (
            "via_kind.json",
            Box::new(|story| story["sources"][1]["via"] = json!("apple")),
            "sources[1].via: `apple` is an entity, not a source",
        ),
        (
            "about.json",
            Box::new(|story| story["disputes"][0]["about"] = json!(["cand-baido"])),
            "disputes[0].about[0]: unknown fact `cand-baido` (did you mean `cand-baidu`?)",
        ),
        (
            "blank_id.json",
            Box::new(|story| story["events"][1]["id"] = json!(" ")),
            "events[1].id: empty id (give the record a unique id)",
        ),
    ];
    for (name, edit, expected) in cases {
        let file = write(&dir, name, small_with(edit));
        refused(&file, &[expected]);
    }
}

/// Nesting is never recursed into past the record types' own depth, so 10,000 levels
/// cost nothing: each file gets the message its first real defect deserves.
#[test]
fn deeply_nested_values_are_refused() {
    let dir = scratch();
    let file = write(&dir, "brackets.json", "[".repeat(10_000));
    refused(
        &file,
        &["line 1 col 10000: EOF while parsing a list (the file ends too early; was it cut off?)"],
    );
    let nested = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let file = write(&dir, "balanced.json", &nested);
    refused(
        &file,
        &["top level: the story must be a JSON object, not an array"],
    );
    let file = write(
        &dir,
        "relations.json",
        small_with_raw("/relations", &nested),
    );
    refused(
        &file,
        &[
            ": 1 problem,",
            "relations[0]: invalid type: a list, expected an object",
        ],
    );
    let nested = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    let file = write(&dir, "objects.json", nested);
    refused(&file, &[": a: unknown field `a`", ": story: missing"]);
}

#[test]
fn a_hundred_thousand_junk_items_give_a_capped_list_with_the_true_count() {
    let dir = scratch();
    let junk = [
        "0",
        "\"x\"",
        "null",
        "[]",
        "{}",
        "true",
        "[1, 2]",
        "{\"a\": 1}",
    ];
    let items: Vec<&str> = (0..100_000).map(|i| junk[i % junk.len()]).collect();
    let text = small_with_raw("/events", &format!("[{}]", items.join(",")));
    let file = write(&dir, "junk.json", text);
    let stderr = refused(
        &file,
        &[
            ": 201 problems, the story was not loaded:",
            "events[0]: invalid type: integer `0`, expected an object",
            "events[3]: invalid type: a list, expected an object",
            "events[7].a: unknown field `a`",
            "events[199]",
            "file: …and 99800 more problems not shown",
        ],
    );
    assert!(!stderr.contains("events[200]"), "{stderr}");
    assert_eq!(
        stderr.lines().count(),
        202,
        "a header, 200 problems, a count"
    );
}

/// Peak resident memory of `storyscope check --story file`, in bytes, if this system
/// can tell: GNU time's report, or else /proc's high-water mark, polled.
fn peak_memory(file: &Path) -> Option<(u64, Output)> {
    let time = Path::new("/usr/bin/time");
    if time.exists() {
        let output = Command::new(time)
            .arg("-v")
            .arg(env!("CARGO_BIN_EXE_storyscope"))
            .args(["check", "--story"])
            .arg(file)
            .output()
            .ok()?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        let kilobytes = stderr
            .lines()
            .find_map(|line| {
                line.trim()
                    .strip_prefix("Maximum resident set size (kbytes): ")
            })
            .and_then(|n| n.trim().parse::<u64>().ok());
        if let Some(kilobytes) = kilobytes {
            return Some((kilobytes * 1024, output));
        }
    }
    if !Path::new("/proc/self/status").exists() {
        return None;
    }
    let mut child = storyscope()
        .args(["check", "--story"])
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    // Pipes are read after exit: a refusal prints a few kilobytes at most.
    while child.try_wait().ok()?.is_none() {
        if let Ok(text) = std::fs::read_to_string(&status) {
            let kilobytes = text
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|rest| {
                    rest.trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<u64>()
                        .ok()
                });
            peak = peak.max(kilobytes.unwrap_or(0));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let output = child.wait_with_output().ok()?;
    (peak > 0).then_some((peak * 1024, output))
}

/// 20 MB of junk: one record holding 2.5 million small objects. Read into a tree of
/// `serde_json::Value`s, as the loader once did to report every bad record, it took
/// 1.7 GB; the loader must now stay under 10 times the file size.
#[test]
fn memory_stays_within_a_small_multiple_of_the_file_size() {
    let dir = scratch();
    let objects = "{\"a\":0},".repeat(2_500_000);
    let text = small_with_raw(
        "/events",
        &format!("[{{\"junk\": [{objects}{{}}]}}, 0, [0, 0]]"),
    );
    let size = text.len() as u64;
    let file = write(&dir, "junk20.json", text);
    let Some((peak, output)) = peak_memory(&file) else {
        eprintln!("skipped: neither /usr/bin/time -v nor /proc can measure peak memory here");
        return;
    };
    let stderr = without_places(&String::from_utf8_lossy(&output.stderr));
    assert!(
        stderr.contains("events[0].junk: unknown field `junk`")
            && stderr.contains("events[1]: invalid type: integer `0`"),
        "{stderr}"
    );
    assert_no_panic(&stderr);
    assert!(
        peak < 10 * size,
        "peak memory {} MB for a {} MB file",
        peak >> 20,
        size >> 20
    );
}

/// Terminal controls of every kind, in names that `search` prints.
const HOSTILE: &str =
    "Apple\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{7f}\u{85}\u{202e}evil\u{2066}\u{200f}";

fn hostile_story(dir: &tempfile::TempDir) -> PathBuf {
    let text = small_with(|story| {
        story["entities"][0]["name"] = json!(HOSTILE);
        story["entities"][0]["aliases"] = json!([format!("alias {HOSTILE}")]);
        story["events"][0]["title"] = json!(format!("Apple event {HOSTILE}"));
        story["sources"][0]["outlet"] = json!(format!("Apple outlet {HOSTILE}"));
    });
    write(dir, "hostile.json", text)
}

fn assert_terminal_safe(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| c != '\n' && is_unsafe_char(c)) {
        panic!("{what} holds {c:?} raw:\n{text:?}");
    }
}

#[test]
fn search_never_prints_terminal_controls() {
    let dir = scratch();
    let story = hostile_story(&dir);
    let output = storyscope()
        .arg("--story")
        .arg(&story)
        .args(["search", "apple", "--limit", "20"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("Apple ]0;pwned [2J 31m evil"), "{stdout}");
    assert_terminal_safe("search output", &stdout);

    // A query full of controls that matches nothing: the message quotes it cleaned.
    let output = storyscope()
        .arg("--story")
        .arg(&story)
        .args(["search", "\u{1b}[2Jzzqq\u{9b}\u{202e}"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_terminal_safe(
        "the no-match message",
        &String::from_utf8_lossy(&output.stderr),
    );
}

#[test]
fn search_json_escapes_terminal_controls() {
    let dir = scratch();
    let story = hostile_story(&dir);
    let output = storyscope()
        .arg("--story")
        .arg(&story)
        .args(["search", "apple", "--json", "--limit", "20"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_terminal_safe("search --json", &stdout);
    assert!(
        stdout.contains("\\u009b") && stdout.contains("\\u202e"),
        "{stdout}"
    );
    // Escaped, not removed: the JSON still carries the names exactly.
    let hits: Vec<Value> = serde_json::from_str(&stdout).expect("valid JSON");
    let names: Vec<&str> = hits.iter().filter_map(|hit| hit["name"].as_str()).collect();
    assert!(names.contains(&HOSTILE), "{names:?}");
    let output = storyscope()
        .arg("--story")
        .arg(&story)
        .args(["search", "alias", "--json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_terminal_safe("search --json", &stdout);
    let hits: Vec<Value> = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(
        hits[0]["matched"],
        json!(format!("alias {HOSTILE}")),
        "{stdout}"
    );
}

/// Runs `storyscope [args] check --story file`, asserting it loaded.
fn check_loads(file: &Path, args: &[&str]) {
    let output = storyscope()
        .args(args)
        .arg("check")
        .arg("--story")
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The small story plus `count` sources, each relying on the one before.
fn via_chain(count: usize) -> String {
    small_with(|story| {
        let sources = story["sources"].as_array_mut().unwrap();
        for i in 0..count {
            let via = if i == 0 {
                "wire".to_owned()
            } else {
                format!("s{}", i - 1)
            };
            sources.push(json!({
                "id": format!("s{i}"), "kind": "article", "outlet": "o", "title": "t",
                "published": "2025-01-01", "via": via,
            }));
        }
    })
}

// Valid but hostile files that were once slow: each names the walk it guards. These
// check that they load; `cargo bench` ("Hostile file" rows) checks that they are fast.

/// `graph::resolve_source_roots` once walked each source's whole `via` chain on its
/// own (quadratic: 68 s in release for 50,000 chained sources); it now memoises roots.
#[test]
fn a_long_via_chain_loads() {
    let dir = scratch();
    let file = write(&dir, "chain.json", via_chain(20_000));
    check_loads(&file, &[]);
}

/// `export sources` (and the explorer's Sources pane under a filter) once built every
/// source's whole `via` chain as a list (cubic: 2.2 s in release for 4,000 chained
/// sources); it now reads them off the facts' tally, which walks each citation's way
/// link by link and keeps no lists.
#[test]
fn a_long_cited_via_chain_exports_its_sources() {
    let dir = scratch();
    let count = 20_000;
    let mut story: Value = serde_json::from_str(&via_chain(count)).unwrap();
    story["events"][0]["cite"] = (0..count)
        .step_by(97)
        .chain([count - 1])
        .map(|i| json!({"source": format!("s{i}"), "para": 1}))
        .collect();
    let file = write(&dir, "chain.json", story.to_string());
    let output = storyscope()
        .args(["--story", file.to_str().unwrap(), "export", "sources"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Every source of the chain stands behind the event, the cited end's down to `wire`.
    assert_eq!(stdout.matches("| o |").count(), count, "{}", &stdout[..400]);
}

/// `Story::as_of` once tested every pair of sources (cubic: 7.8 s in release for 1,000
/// chained sources); it now walks each chain upward once.
#[test]
fn a_long_via_chain_loads_as_of_a_date() {
    let dir = scratch();
    let file = write(&dir, "chain.json", via_chain(1_000));
    check_loads(&file, &["--as-of", "2025-06"]);
}

/// Linking an event's entities once deduplicated with `Vec::contains` (quadratic: 12 s
/// in release for one event naming 300,000); it now checks the last entry only.
#[test]
fn an_event_naming_a_hundred_thousand_entities_loads() {
    let dir = scratch();
    let text = small_with(|story| {
        let entities = story["entities"].as_array_mut().unwrap();
        for i in 0..100_000 {
            entities.push(json!({
                "id": format!("e{i}"), "kind": "company", "name": format!("E{i}"),
                "cite": [{"source": "wire", "para": 1}],
            }));
        }
        story["events"][0]["entities"] = (0..100_000).map(|i| json!(format!("e{i}"))).collect();
    });
    let file = write(&dir, "wide.json", text);
    check_loads(&file, &[]);
}
