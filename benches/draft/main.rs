//! The drafting bench: `storyscope draft` on 100 generated articles (about 1 MB of
//! text, invented names, figures, dates and attributions in many shapes), timed over
//! a few rounds, with the process's peak resident memory. Prints its table; targets
//! from issue 20: under 1 s, under 50 MB. Run: `cargo bench --bench draft`.

use std::time::Instant;

use storyscope::draft::draft;
use storyscope::draft::read_article;

const ARTICLES: usize = 100;
const ROUNDS: usize = 5;

const COMPANIES: &[&str] = &[
    "Kestrel Foods",
    "Arbor Cloud",
    "Norwick Data",
    "Pelion Drones",
    "Ferrant Logistics",
    "Skylark Aero",
    "Brightfield Bank",
    "Orchid Labs",
    "Quarry AI",
    "Veloce Mobility",
];
const PEOPLE: &[&str] = &[
    "Ada Quill",
    "Henrik Vass",
    "Mira Castell",
    "Tomas Reyes",
    "Lena Moritz",
];
const OUTLETS: &[&str] = &[
    "Harbour Times",
    "Valley Ledger",
    "Coastal Wire",
    "Meridian Post",
];
const FIGURES: &[&str] = &[
    "more than $2.4 billion",
    "about 300 engineers",
    "up to 8%",
    "3-4%",
    "nearly 12,000 deliveries",
    "roughly €18 million",
    "between $2 and 3 billion",
    "1.5%",
    "over 100 million downloads",
];
const DATES: &[&str] = &[
    "on Tuesday",
    "last week",
    "in March 2025",
    "earlier this month",
    "in 2024",
    "last year",
    "on February 11",
];

/// One generated paragraph: a name, a verb, a figure, a date and an attribution,
/// varied by `n` so no two paragraphs of an article are the same.
fn paragraph(n: usize) -> String {
    let pick = |list: &[&'static str], salt: usize| list[(n * 7 + salt * 13) % list.len()];
    format!(
        "{} said {} it had agreed to work with {}, according to the {}, and that sales rose {} as {} looked on. \
         Analysts expect the deal to lift revenue by {} before the plan is reviewed {} by the board.",
        pick(COMPANIES, 1),
        pick(DATES, 2),
        pick(COMPANIES, 3),
        pick(OUTLETS, 4),
        pick(FIGURES, 5),
        pick(PEOPLE, 6),
        pick(FIGURES, 7),
        pick(DATES, 8),
    )
}

/// One article of about 10 KB in front-matter form.
fn article(index: usize) -> String {
    let mut text = format!(
        "---\ntitle: Generated article {index}\noutlet: {}\ndate: 2026-03-{:02}\n---\n",
        OUTLETS[index % OUTLETS.len()],
        1 + index % 28
    );
    let mut n = index * 31;
    while text.len() < 10_000 {
        text.push_str(&paragraph(n));
        text.push('\n');
        n += 1;
    }
    text
}

fn main() {
    let sources: Vec<String> = (0..ARTICLES).map(article).collect();
    let bytes: usize = sources.iter().map(String::len).sum();
    let mut times = Vec::new();
    let mut records = 0;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let articles: Vec<_> = sources
            .iter()
            .enumerate()
            .map(|(i, text)| {
                read_article(&format!("a{i}.md"), text.as_bytes()).expect("generated articles read")
            })
            .collect();
        let drafted = draft(&articles, "texts", Vec::new());
        let json = storyscope::draft::story_json(&drafted.story);
        times.push(start.elapsed().as_secs_f64());
        records =
            drafted.story.entities.len() + drafted.story.metrics.len() + drafted.story.events.len();
        std::hint::black_box(json);
    }
    times.sort_by(f64::total_cmp);
    let median = times[ROUNDS / 2];
    let peak_kib = peak_rss_kib();
    println!(
        "| drafting {ARTICLES} articles ({:.2} MB) | measured | target | met |",
        bytes as f64 / 1e6
    );
    println!("| --- | --- | --- | --- |");
    println!(
        "| time (median of {ROUNDS}) | {:.0} ms | < 1000 ms | {} |",
        median * 1000.0,
        median < 1.0
    );
    println!(
        "| peak memory (process) | {:.1} MiB | < 50 MiB | {} |",
        peak_kib as f64 / 1024.0,
        peak_kib < 50 * 1024
    );
    println!("| records drafted | {records} | | |");
}

/// Peak resident memory of this process so far, in KiB (Linux; 0 elsewhere).
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
