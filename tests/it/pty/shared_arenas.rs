//! Every thread allocates from two malloc arenas (glibc), the main one and one more:
//! the story is read, validated and indexed on worker threads whose allocations
//! outlive them, and an arena per thread left their freed memory stranded
//! (BENCHMARKS.md, "Issue 23, fifth stop").

use storyscope::synth::{SynthOptions, generate_json};

use super::{Explorer, tempdir};

/// glibc's arenas other than the main one: each is a 64 MiB reservation at a 64 MiB
/// boundary, its used part read-write and the rest inaccessible.
fn thread_arenas(pid: u32) -> usize {
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).expect("the maps");
    let regions: Vec<(u64, u64, bool, bool)> = maps
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (start, end) = fields[0].split_once('-').expect("a range");
            let address = |hex| u64::from_str_radix(hex, 16).expect("hex");
            let anonymous = fields.len() < 6;
            (
                address(start),
                address(end),
                fields[1].starts_with("rw"),
                anonymous,
            )
        })
        .collect();
    const HEAP: u64 = 64 << 20;
    let mut arenas = 0;
    for (i, &(start, end, writable, anonymous)) in regions.iter().enumerate() {
        if !writable || !anonymous || start % HEAP != 0 {
            continue;
        }
        let reserved_end = match regions.get(i + 1) {
            Some(&(next, next_end, false, true)) if next == end => next_end,
            _ => end,
        };
        arenas += usize::from(reserved_end - start == HEAP);
    }
    arenas
}

#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn the_worker_threads_share_one_arena_beside_the_main_one() {
    let dir = tempdir();
    let options = SynthOptions {
        events: 20_000,
        entities: 500,
        seed: 7,
    };
    let path = dir.path().join("big.json");
    std::fs::write(&path, generate_json(&options)).unwrap();
    let story = path.to_str().unwrap();
    let mut app = Explorer::start(100, 30, &["--no-watch", "--story", story], dir.path());
    app.wait_ready();
    // The search index is built on a thread of its own after the first frame.
    app.send("/");
    app.wait_for("names, aliases");
    app.send("tencent");
    app.wait_for(" result");
    assert_eq!(thread_arenas(app.pid()), 1, "an arena per thread, or one");
    app.send("\x1b\x1bq");
    assert_eq!(app.wait_exit(), 0);
}
