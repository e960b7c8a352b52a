//! Times each keystroke of typed queries over names read from a file (one a line), for
//! profiling the engine alone: `cargo run --profile profiling -p storyscope-search
//! --example keystrokes -- NAMES.txt [QUERY…]` (the scale benchmark's `dump-names`
//! child writes its million names: see BENCHMARKS.md).

use std::borrow::Cow;
use std::time::Instant;

use storyscope_search::{NameKind, SearchEntry, SearchIndex};

/// The scale benchmark's queries (benches/scale/search.rs), each typed letter by letter.
const DEFAULT_QUERIES: &[&str] = &[
    "qwen",
    "a",
    "e",
    "i",
    "n",
    "o",
    "s",
    "t",
    "q",
    "x",
    "阿",
    "qwen max",
    "apple china",
    "tencent cloud",
    "阿里 合作",
    "tencnet",
    "alibbaa",
    "qwne max",
    "deepseak shares",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: keystrokes NAMES.txt [QUERY…]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(1);
        }
    };
    let lines: Vec<&str> = text.lines().collect();
    let entries: Vec<SearchEntry<u32>> = (0..lines.len())
        .map(|i| SearchEntry {
            target: i as u32,
            kind: NameKind::Title,
            alias: false,
            weight: 0,
        })
        .collect();
    let start = Instant::now();
    let index = SearchIndex::from_entries(entries, |_, i| Cow::Borrowed(lines[i]));
    index.prepare_typos();
    eprintln!("{} names indexed in {:?}", index.len(), start.elapsed());
    let given: Vec<String> = args.collect();
    let queries: Vec<&str> = if given.is_empty() {
        DEFAULT_QUERIES.to_vec()
    } else {
        given.iter().map(String::as_str).collect()
    };
    let mut total_cpu = 0.0;
    for query in queries {
        index.forget_recent();
        let chars: Vec<char> = query.chars().collect();
        let mut line = String::new();
        for n in 1..=chars.len() {
            let step: String = chars[..n].iter().collect();
            let (start, cpu) = (Instant::now(), cpu_ms());
            let hits = index.search(&step, 200);
            let (took, cpu) = (start.elapsed(), cpu_ms() - cpu);
            total_cpu += cpu;
            line.push_str(&format!(
                " {step:?} {:.1}ms/cpu {cpu:.1}ms ({})",
                took.as_secs_f64() * 1e3,
                hits.len()
            ));
        }
        println!("{query}:{line}");
    }
    println!("CPU time of every search: {total_cpu:.0} ms");
}

/// User + system CPU time of the process so far, every thread (ended ones included), ms.
fn cpu_ms() -> f64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct it is given; RUSAGE_SELF is always valid.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}
