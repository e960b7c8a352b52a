//! What reporting progress costs a load: `load_path` against
//! `load_path_with_progress` on the same file, interleaved run by run, medians.
//!
//!     cargo run --release --example load_progress_cost -- STORY [RUNS]

use std::path::PathBuf;
use std::time::Instant;

use storyscope::story::load::{Progress, load_path, load_path_with_progress};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: load_progress_cost STORY [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(7);
    let (mut plain, mut reporting) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let start = Instant::now();
        let story = load_path(&path).unwrap_or_else(|err| panic!("{err}"));
        plain.push(start.elapsed().as_secs_f64() * 1000.0);
        drop(story);
        let progress = Progress::new();
        let start = Instant::now();
        let story = load_path_with_progress(&path, &progress).unwrap_or_else(|err| panic!("{err}"));
        reporting.push(start.elapsed().as_secs_f64() * 1000.0);
        drop(story);
    }
    let (a, b) = (median(&mut plain), median(&mut reporting));
    println!("load_path               {a:8.1} ms (median of {runs})");
    println!("load_path_with_progress {b:8.1} ms ({:.3}×)", b / a);
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
