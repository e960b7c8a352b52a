//! `cargo bench`: how storyscope scales, as one Markdown table (see BENCHMARKS.md).
//!
//! Stories come from the synthetic generator (`storyscope::synth`), 10k and 100k events;
//! a million names for search come from the same vocabulary. Baselines run in the same
//! process, on the same data: serde_json parsing into `Value`, and nucleo-matcher
//! scoring every name. Progress goes to stderr, the table to stdout.

mod frame;
mod hostile;
mod index_memory;
mod load;
mod search;
mod stats;
mod typos;

use std::io::Write;
use std::sync::Arc;

use storyscope::story::query::{build_index, shown_name};
use storyscope::synth::{SynthOptions, generate_json};

use stats::{Table, ms, time};

/// Set in child processes the benchmark starts to measure one thing alone.
pub const CHILD_ENV: &str = "STORYSCOPE_BENCH_CHILD";

fn main() {
    if let Ok(mode) = std::env::var(CHILD_ENV) {
        run_child(&mode);
        return;
    }
    let quick = std::env::args().any(|arg| arg == "--quick");
    let runs = |full: usize| if quick { 1 } else { full };
    let mut table = Table::default();
    // The index build rows alone (a few seconds, to try a change to the build).
    if std::env::args().any(|arg| arg == "--build-only") {
        let names = typos::million_names();
        typos::bench_build_and_memory(&mut table, runs(5), &names);
        table.print();
        return;
    }

    // What the search index holds, structure by structure (100k events, 1M names).
    if std::env::args().any(|arg| arg == "--memory-only") {
        let index = typos::million_names().index();
        index_memory::bench(&mut table, &index);
        table.print();
        return;
    }

    // The 1M-name search rows alone (to try a change to the search engine).
    if std::env::args().any(|arg| arg == "--search-only") {
        bench_million_searches(&mut table, runs(2), &typos::million_names());
        table.print();
        return;
    }

    eprintln!("generating stories…");
    let small = SynthOptions {
        events: 10_000,
        entities: 1_000,
        seed: 1,
    };
    let big = SynthOptions {
        events: 100_000,
        entities: 5_000,
        seed: 1,
    };
    let (took, small_json) = time(|| generate_json(&small));
    eprintln!(
        "  10k events: {:.1} MB in {:.0} ms",
        small_json.len() as f64 / 1e6,
        ms(took)
    );
    let (took, big_json) = time(|| generate_json(&big));
    eprintln!(
        "  100k events: {:.1} MB in {:.0} ms",
        big_json.len() as f64 / 1e6,
        ms(took)
    );
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(big_json.as_bytes())
        .expect("temporary file written");
    let path = file.path().to_owned();

    eprintln!("loading…");
    load::bench_load(&mut table, "10k events", &small_json, runs(7), None);
    drop(small_json);
    load::bench_load(&mut table, "100k events", &big_json, runs(3), Some(300.0));
    load::bench_check_and_lint(&mut table, "100k events", &path, runs(3));
    load::bench_memory_and_start(&mut table, "100k events", &path, runs(3));

    eprintln!("hostile files…");
    hostile::bench(&mut table, runs(3));

    eprintln!("drawing…");
    let story = storyscope::story::load::load_bytes(big_json.as_bytes(), "bench").expect("valid");
    drop(big_json);
    frame::bench_frame(&mut table, "100k events", story.clone());

    eprintln!("searching 100k…");
    let index = build_index(&story);
    let (took, ()) = time(|| index.prepare_typos());
    eprintln!("  typo word index in {:.0} ms", ms(took));
    let names: Vec<String> = (0..index.len())
        .map(|i| {
            shown_name(&story, &index.targets, i).map_or_else(String::new, |n| n.text.into_owned())
        })
        .collect();
    drop(story);
    let label = format!("{}k names", index.len() / 1000);
    search::bench(&mut table, &label, &index, &names, runs(5), 12.0);
    drop(index);

    eprintln!("searching 1M…");
    let (took, names) = time(typos::million_names);
    eprintln!("  1M names in {:.0} ms", ms(took));
    eprintln!("  building indexes…");
    typos::bench_build_and_memory(&mut table, runs(3), &names);
    bench_million_searches(&mut table, runs(2), &names);
    eprintln!("fzf…");
    typos::bench_fzf(&mut table, &names);

    table.print();
}

/// Search rows over the benchmark's million names: each keystroke class on the
/// calling thread, then through the search thread as the explorer uses it.
fn bench_million_searches(table: &mut Table, runs: usize, names: &typos::Names) {
    let (took, index) = time(|| names.index());
    index.prepare_typos();
    eprintln!("  index in {:.0} ms", ms(took));
    search::bench(table, "1M names", &index, &names.texts, runs, 50.0);
    search::bench_worker(table, "1M names", Arc::new(index), runs);
}

/// A child process: measure one thing on the story file named by the first argument,
/// print "<peak RSS KiB> <ms inside main>".
fn run_child(mode: &str) {
    let start = std::time::Instant::now();
    let path = std::env::args().nth(1).expect("a story path");
    match mode {
        "rss-load" => {
            let story =
                storyscope::story::load::load_path(std::path::Path::new(&path)).expect("valid");
            let index = build_index(&story);
            std::hint::black_box((&story, &index));
        }
        "explorer" => {
            use clap::Parser;
            let cli = storyscope::cli::Cli::parse_from(["storyscope", "--story", &path]);
            let loaded = storyscope::commands::load_story(&cli).expect("valid");
            let mut app = storyscope::tui::app::App::new(
                loaded.full,
                loaded.as_of,
                storyscope::commands::today(),
            );
            storyscope::tui::update::update(
                &mut app,
                storyscope::tui::input::Action::Resize(200, 50),
            );
            let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 50))
                .expect("test terminal");
            let theme = storyscope::tui::ui::Theme::from_env();
            terminal
                .draw(|frame| storyscope::tui::ui::draw(frame, &app, theme))
                .expect("draws");
            std::hint::black_box(&app);
        }
        "rss-index-in-order" => typos::child_index(false),
        "rss-index-two-tiers" => typos::child_index(true),
        // The million names, one a line, for timing the index build outside the bench.
        "dump-names" => {
            let names = typos::million_names().texts;
            std::fs::write(&path, names.join("\n")).expect("names written");
        }
        other => panic!("unknown child mode {other}"),
    }
    println!("{} {:.1}", load::peak_rss_kib(), ms(start.elapsed()));
    // Like the real binary, leave without freeing the story.
    std::process::exit(0);
}
