//! Where `export timeline`'s time goes, in process: the load (`load_path_to_show`, as the
//! command loads), then the first export of the timeline to a sink that drops it (what
//! the command does once), then later exports (the story's lazily made tables already
//! built). Medians of RUNS.
//!
//!     cargo run --release --example export_phases -- STORY [RUNS]

use std::path::PathBuf;
use std::time::Instant;

use storyscope::story::load::load_path_to_show;
use storyscope::story::query::Clock;
use storyscope::story::report::{ExportOptions, ExportView, write_markdown};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: export_phases STORY [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let clock = Clock {
        reference_day: 20_300,
    };
    let options = ExportOptions::default();
    let (mut loads, mut firsts, mut agains) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let start = (Instant::now(), cpu_ms());
        let story = load_path_to_show(&path).unwrap_or_else(|err| panic!("{err}"));
        loads.push(since(start));
        for times in [&mut firsts, &mut agains] {
            let start = (Instant::now(), cpu_ms());
            let mut sink = std::io::sink();
            write_markdown(&story, ExportView::Timeline, &options, clock, &mut sink).unwrap();
            times.push(since(start));
        }
        std::mem::forget(story);
    }
    for (name, times) in [
        ("load", loads),
        ("first export", firsts),
        ("export again", agains),
    ] {
        let wall = median(times.iter().map(|t| t.0).collect());
        let cpu = median(times.iter().map(|t| t.1).collect());
        println!("{name}: wall {wall:.1} ms, CPU {cpu:.1} ms");
    }
}

/// Wall and CPU (every thread's user + system) milliseconds since `start`.
fn since(start: (Instant, f64)) -> (f64, f64) {
    (start.0.elapsed().as_secs_f64() * 1000.0, cpu_ms() - start.1)
}

/// The process's CPU time so far, all threads, in milliseconds.
fn cpu_ms() -> f64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given; RUSAGE_SELF is always valid.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
