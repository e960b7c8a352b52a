//! Search latency per keystroke, typed letter by letter: storyscope's two-tier search
//! (in order and by typo) against its in-order search alone (the search before typos
//! were forgiven) and against nucleo-matcher scoring every name (haystacks lower-cased
//! and converted once).

use std::sync::Arc;
use std::time::Duration;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use storyscope::story::query::{SearchIndex, SearchWorker};

use crate::stats::{Sample, Table, ms, time};

/// How many hits the explorer asks for.
const LIMIT: usize = 200;

/// Query groups: (label, queries, typed letter by letter?).
pub const GROUPS: &[(&str, &[&str], bool)] = &[
    ("typing q, qw, qwe, qwen", &["qwen"], true),
    (
        "one-letter queries (a e i n o s t q x 阿)",
        &["a", "e", "i", "n", "o", "s", "t", "q", "x", "阿"],
        false,
    ),
    (
        "two-word queries typed (qwen max, apple china, tencent cloud, 阿里 合作)",
        &["qwen max", "apple china", "tencent cloud", "阿里 合作"],
        true,
    ),
    (
        "typos typed (tencnet, alibbaa, qwne max, deepseak shares)",
        &["tencnet", "alibbaa", "qwne max", "deepseak shares"],
        true,
    ),
];

/// The queries a user types on the way to `query`: "q", "qw", …
fn keystrokes(query: &str) -> Vec<String> {
    let chars: Vec<char> = query.chars().collect();
    (1..=chars.len())
        .map(|n| chars[..n].iter().collect())
        .collect()
}

/// nucleo-matcher over the same names, scoring all of them for every query.
pub struct Nucleo {
    haystacks: Vec<Utf32String>,
    matcher: Matcher,
}

impl Nucleo {
    pub fn new(names: &[String]) -> Nucleo {
        let haystacks = names
            .iter()
            .map(|name| Utf32String::from(name.to_lowercase()))
            .collect();
        Nucleo {
            haystacks,
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// The best `LIMIT` (score, name) pairs, best first.
    pub fn search(&mut self, query: &str) -> Vec<(u32, u32)> {
        let pattern = Pattern::new(
            query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let mut scored: Vec<(u32, u32)> = Vec::new();
        for (i, haystack) in self.haystacks.iter().enumerate() {
            if let Some(score) = pattern.score(haystack.slice(..), &mut self.matcher) {
                scored.push((score, i as u32));
            }
        }
        let by_rank = |a: &(u32, u32), b: &(u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > LIMIT {
            scored.select_nth_unstable_by(LIMIT, by_rank);
            scored.truncate(LIMIT);
        }
        scored.sort_unstable_by(by_rank);
        scored
    }
}

fn fmt(sample: &Sample) -> String {
    format!("{:.2} / {:.2} ms", ms(sample.median()), ms(sample.p95()))
}

/// What `bench` measured over all keystrokes.
pub struct Measured {
    pub two_tiers: Sample,
    pub in_order: Sample,
    pub nucleo: Sample,
}

/// Times every keystroke of every group `runs` times: the two-tier search, the in-order
/// search alone and nucleo; adds a row per group, one for all keystrokes and one for
/// the two tiers against in-order alone.
pub fn bench(
    table: &mut Table,
    label: &str,
    index: &SearchIndex,
    names: &[String],
    runs: usize,
    target_ms: f64,
) -> Measured {
    let (setup, mut nucleo) = time(|| Nucleo::new(names));
    eprintln!("  nucleo haystacks for {label}: {:.0} ms", ms(setup));
    let mut all = Measured {
        two_tiers: Sample::default(),
        in_order: Sample::default(),
        nucleo: Sample::default(),
    };
    for &(group, queries, typed) in GROUPS {
        let mut ours = Sample::default();
        let mut before = Sample::default();
        let mut theirs = Sample::default();
        // Every counted keystroke of the two-tier search, to name the slowest on stderr.
        let mut slowest: Vec<(Duration, String)> = Vec::new();
        for run in 0..=runs {
            for query in queries {
                let steps = if typed {
                    keystrokes(query)
                } else {
                    vec![(*query).to_owned()]
                };
                // Each typed from an empty box, one after the other (they share the
                // index's memory of recent queries, so never interleaved); which goes
                // first alternates between runs.
                let mut type_with = |two_tiers: bool, sample: &mut Sample| {
                    index.forget_recent();
                    for step in &steps {
                        let (d, hits) = time(|| {
                            if two_tiers {
                                index.search(step, LIMIT)
                            } else {
                                index.search_in_order(step, LIMIT)
                            }
                        });
                        // Run 0 warms caches and is not counted.
                        if run > 0 {
                            sample.push(d);
                            if two_tiers {
                                slowest.push((d, step.clone()));
                            }
                        }
                        drop(hits);
                    }
                };
                if run % 2 == 0 {
                    type_with(true, &mut ours);
                    type_with(false, &mut before);
                } else {
                    type_with(false, &mut before);
                    type_with(true, &mut ours);
                }
                for step in &steps {
                    let (n, found) = time(|| nucleo.search(step));
                    if run > 0 {
                        theirs.push(n);
                    }
                    drop(found);
                }
            }
        }
        slowest.sort_by_key(|(took, _)| std::cmp::Reverse(*took));
        let named: Vec<String> = slowest
            .iter()
            .take(6)
            .map(|(d, step)| format!("{step:?} {:.1}", ms(*d)))
            .collect();
        eprintln!(
            "  {label}, {group}: slowest keys (ms): {}",
            named.join(", ")
        );
        all.two_tiers.extend(&ours);
        all.in_order.extend(&before);
        all.nucleo.extend(&theirs);
        table.row(
            format!("Search {label}: {group}, median / p95 per keystroke"),
            fmt(&ours),
            format!(
                "in order alone {}; nucleo full scan {}",
                fmt(&before),
                fmt(&theirs)
            ),
            "",
            None,
        );
    }
    let met = ms(all.two_tiers.p95()) < target_ms && all.two_tiers.p95() <= all.nucleo.p95();
    table.row(
        format!(
            "Search {label}: every keystroke above ({} samples), median / p95",
            all.two_tiers.len()
        ),
        fmt(&all.two_tiers),
        format!(
            "in order alone {}; nucleo full scan {}",
            fmt(&all.in_order),
            fmt(&all.nucleo)
        ),
        format!("p95 < {target_ms} ms and ≤ nucleo p95"),
        Some(met),
    );
    let ratio = all.two_tiers.p95().as_secs_f64() / all.in_order.p95().as_secs_f64();
    table.row(
        format!("Search {label}: two tiers against in-order search alone, p95 per keystroke"),
        format!("{ratio:.2}×"),
        format!("in order alone {:.2} ms p95", ms(all.in_order.p95())),
        "≤ 1.2×",
        Some(ratio <= 1.2),
    );
    all
}

/// The explorer's view of a big index: each keystroke is handed to the search thread
/// (what the input thread pays) and its hits arrive later (what the user waits for).
pub fn bench_worker(table: &mut Table, label: &str, index: Arc<SearchIndex>, runs: usize) {
    let worker = SearchWorker::new(index);
    let mut submit = Sample::default();
    let mut answer = Sample::default();
    for run in 0..=runs {
        for &(_, queries, typed) in GROUPS {
            for query in queries {
                worker.index().forget_recent();
                let steps = if typed {
                    keystrokes(query)
                } else {
                    vec![(*query).to_owned()]
                };
                for step in &steps {
                    let (d, generation) = time(|| worker.submit(step, LIMIT));
                    let (w, results) = time(|| worker.wait(Duration::from_secs(10)));
                    assert_eq!(
                        results.map(|r| r.generation),
                        Some(generation),
                        "search thread answered"
                    );
                    if run > 0 {
                        submit.push(d);
                        answer.push(d + w);
                    }
                }
            }
        }
    }
    table.row(
        format!("Search {label}, in the background: handing a keystroke to the search thread, median / p95"),
        format!("{:.3} / {:.3} ms", ms(submit.median()), ms(submit.p95())),
        "",
        "typed char shows at once (< 16 ms)",
        Some(ms(submit.p95()) < 16.0),
    );
    table.row(
        format!("Search {label}, in the background: keystroke to results, median / p95 / max"),
        format!("{} / {:.1} ms max", fmt(&answer), ms(answer.max())),
        "",
        "results within 100 ms",
        Some(ms(answer.p95()) < 100.0),
    );
}
