//! Where a reload's time goes, in process: the load on the watcher's thread
//! (`load_path_to_show`, then the sources' texts) and what the UI thread does with it
//! (the swap, then the first frame of the new story). Beside it, on another fresh load,
//! the preparation's parts one by one (each list pane's rows, the doubts), and a whole
//! `App::new`: what the preparation adds to the load. Medians of RUNS.
//!
//!     cargo run --release --example reload_cost -- STORY [RUNS]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use storyscope::story::lint::doubts;
use storyscope::story::load::load_path_to_show;
use storyscope::story::query::ViewFilter;
use storyscope::story::{SourceTexts, Story};
use storyscope::tui::app::App;
use storyscope::tui::app::prepared::PreparedStory;
use storyscope::tui::ui::Theme;
use storyscope::tui::update::{Reload, apply_reload};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: reload_cost STORY [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let first = load_path_to_show(&path).unwrap_or_else(|err| panic!("{err}"));
    let mut app = App::new(first, None, 20_300);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let theme = Theme::no_color();
    let mut rows: Vec<Vec<f64>> = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let story = load_path_to_show(&path).unwrap_or_else(|err| panic!("{err}"));
        let loaded = ms(start);
        let start = Instant::now();
        let (texts, _) = SourceTexts::load(&story, path.parent());
        let texts = Arc::new(texts);
        let prepared = PreparedStory::prepare(story, texts, Some(app.view_wanted()));
        let prepared_ms = ms(start);
        let start = Instant::now();
        apply_reload(&mut app, Reload::Ready(Box::new(prepared)));
        let swapped = ms(start);
        let start = Instant::now();
        terminal
            .draw(|frame| storyscope::tui::ui::draw(frame, &app, theme))
            .unwrap();
        let drawn = ms(start);
        while !storyscope::tui::update::all_freed() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let story = load_path_to_show(&path).unwrap_or_else(|err| panic!("{err}"));
        let parts = preparation_parts(&story, &path);
        let start = Instant::now();
        let one_thread = App::new(story, None, 20_300);
        let alone = ms(start);
        drop(one_thread);
        let mut row = vec![loaded, prepared_ms, swapped, drawn, loaded + prepared_ms];
        row.extend(parts);
        row.push(alone);
        rows.push(row);
    }
    let names = [
        "load_path_to_show (watcher's thread)",
        "texts, rows, new-since, doubts (watcher's thread)",
        "swap (UI thread)",
        "first frame of the new story (UI thread)",
        "watcher's thread in all",
        "  of a fresh load: the sources' texts",
        "  the timeline's order",
        "  the candidates' rows",
        "  the metrics' rows",
        "  the sources' rows",
        "  the doubts",
        "rows and new-since alone (App::new)",
    ];
    for (i, name) in names.iter().enumerate() {
        let mut column: Vec<f64> = rows.iter().map(|row| row[i]).collect();
        println!("{name:<50} {:8.1} ms", median(&mut column));
    }
}

/// The preparation's parts, each timed alone on `story` (fresh: nothing cached yet).
fn preparation_parts(story: &Story, path: &Path) -> [f64; 6] {
    let all = ViewFilter::default();
    let start = Instant::now();
    let (texts, _) = SourceTexts::load(story, path.parent());
    let texts_ms = ms(start);
    let start = Instant::now();
    std::hint::black_box(story.timeline_events(all));
    let timeline = ms(start);
    let start = Instant::now();
    std::hint::black_box(story.candidate_rows(all));
    let candidates = ms(start);
    let start = Instant::now();
    std::hint::black_box(story.metric_rows(all));
    let metrics = ms(start);
    let start = Instant::now();
    std::hint::black_box(story.source_rows());
    let sources = ms(start);
    let start = Instant::now();
    std::hint::black_box(doubts(story, &texts));
    [texts_ms, timeline, candidates, metrics, sources, ms(start)]
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
