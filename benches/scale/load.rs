//! Loading: parse + validate + index against plain serde_json, the whole `check`
//! command, start to first frame, and peak memory (in child processes, so nothing else
//! the benchmark allocated counts).

use std::path::Path;
use std::process::Command;

use storyscope::story::load::load_bytes;
use storyscope::story::query::build_index;

use crate::stats::{Sample, Table, ms, repeat, time};

/// Load, validate and build the search index for one story file held in memory.
pub fn bench_load(
    table: &mut Table,
    label: &str,
    json: &str,
    runs: usize,
    absolute_ms: Option<f64>,
) {
    let value = repeat(runs, || {
        serde_json::from_str::<serde_json::Value>(json).expect("valid JSON")
    });
    let load = repeat(runs, || {
        load_bytes(json.as_bytes(), "bench").expect("the story validates")
    });
    let story = load_bytes(json.as_bytes(), "bench").expect("the story validates");
    let index = repeat(runs, || build_index(&story));
    let total = load.median() + index.median();
    let ratio = total.as_secs_f64() / value.median().as_secs_f64();
    let mut target = "≤ 1.5× Value parse".to_owned();
    let mut met = ratio <= 1.5;
    if let Some(limit) = absolute_ms {
        target = format!("< {limit} ms and {target}");
        met &= ms(total) < limit;
    }
    table.row(
        format!(
            "Load + validate + index, {label} ({:.1} MB), median of {runs}",
            json.len() as f64 / 1e6
        ),
        format!(
            "{:.0} ms = {ratio:.2}× (load {:.0} + search index {:.0})",
            ms(total),
            ms(load.median()),
            ms(index.median())
        ),
        format!("serde_json::Value {:.0} ms", ms(value.median())),
        target,
        Some(met),
    );
}

/// Runs a process `runs` times; returns its wall times and the last run's stdout.
fn run_process(runs: usize, command: impl FnMut() -> Command) -> (Sample, String) {
    run_process_ending(runs, &[0], command)
}

/// As `run_process`, for a process whose exit code is one of `codes` when it works
/// (`lint` exits 2 when it finds errors).
fn run_process_ending(
    runs: usize,
    codes: &[i32],
    mut command: impl FnMut() -> Command,
) -> (Sample, String) {
    let mut sample = Sample::default();
    let mut last = String::new();
    for run in 0..=runs {
        let (d, output) = time(|| command().output().expect("the process starts"));
        assert!(
            output
                .status
                .code()
                .is_some_and(|code| codes.contains(&code)),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        if run > 0 {
            sample.push(d);
        }
        last = String::from_utf8_lossy(&output.stdout).into_owned();
    }
    (sample, last)
}

/// Median wall time of `storyscope --story PATH ARGS…` as a whole process, in ms; it
/// must exit with one of `codes`.
fn command_ms(path: &Path, args: &[&str], codes: &[i32], runs: usize) -> f64 {
    let (sample, _) = run_process_ending(runs, codes, || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_storyscope"));
        command.arg("--story").arg(path).args(args);
        command
    });
    ms(sample.median())
}

/// `check`, then `lint` against it: lint loads the same story, runs every check and
/// places each finding in the file (tens of thousands on the synthetic story, which
/// is one line of JSON), so a placing cost that grows with the file per finding shows
/// here as a ratio far above the others.
pub fn bench_check_and_lint(table: &mut Table, label: &str, path: &Path, runs: usize) {
    let check = command_ms(path, &["check"], &[0], runs);
    table.row(
        format!("`storyscope check`, {label}, whole process, median of {runs}"),
        format!("{check:.0} ms"),
        "",
        "< 300 ms",
        Some(check < 300.0),
    );
    let lint = command_ms(path, &["lint"], &[0, 1, 2], runs);
    table.row(
        format!(
            "`storyscope lint` (every finding placed), {label}, whole process, median of {runs}"
        ),
        format!("{lint:.0} ms"),
        format!("{:.2}× check", lint / check),
        "< 4× check",
        Some(lint < 4.0 * check),
    );
}

/// What a child process reports: peak RSS in KiB and, for the explorer, the time from
/// its `main` to the first frame.
pub fn child(runs: usize, mode: &str, path: &Path) -> (Sample, u64, f64) {
    let (sample, out) = run_process(runs, || {
        let mut command = Command::new(std::env::current_exe().expect("own path"));
        command.env(crate::CHILD_ENV, mode).arg(path);
        command
    });
    let mut fields = out.split_whitespace();
    let kib = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0);
    let inner = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0.0);
    (sample, kib, inner)
}

pub fn bench_memory_and_start(table: &mut Table, label: &str, path: &Path, runs: usize) {
    let (_, load_kib, _) = child(0, "rss-load", path);
    table.row(
        format!("Peak RSS after loading {label} (load + validate + search index)"),
        format!("{:.1} MiB", load_kib as f64 / 1024.0),
        "",
        "< 200 MiB",
        Some(load_kib < 200 * 1024),
    );
    let (wall, explorer_kib, inner_ms) = child(runs, "explorer", path);
    table.row(
        format!("Start to first frame, {label}: process start, read, load, explorer state, draw 200×50; median of {runs}"),
        format!("{:.0} ms ({inner_ms:.0} ms inside main)", ms(wall.median())),
        "",
        "< 300 ms",
        Some(ms(wall.median()) < 300.0),
    );
    table.row(
        format!("Peak RSS, explorer on {label} after its first frame"),
        format!("{:.1} MiB", explorer_kib as f64 / 1024.0),
        "",
        "< 200 MiB",
        Some(explorer_kib < 200 * 1024),
    );
}

/// Peak resident memory of this process so far, in KiB.
pub fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
