//! What forgiving typos costs and gives: index build time and peak memory with the typo
//! tier against the in-order index alone (the index before it), and the misspellings
//! table (tests/fixtures/search/misspellings.tsv) through storyscope and through
//! `fzf --filter` on the same names.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use storyscope::story::load::{load_bytes, load_path};
use storyscope::story::query::{
    NameKind, SearchEntry, SearchIndex, SearchKey, build_index, shown_name,
};
use storyscope::story::{self, RecordRef, Story};
use storyscope::synth::{SynthOptions, generate_json, search_names};

use crate::stats::{Sample, Table, cpu_time, ms, time};

/// Index entries and their names (entry `i`'s at `texts[i]`), as a story holds them.
#[derive(Clone)]
pub struct Names {
    pub entries: Vec<SearchEntry>,
    pub texts: Vec<String>,
}

impl Names {
    /// Entry `i`'s name.
    pub fn text(&self, i: usize) -> Cow<'_, str> {
        Cow::Borrowed(self.texts[i].as_str())
    }

    /// The index over the names, both tiers.
    pub fn index(&self) -> SearchIndex {
        SearchIndex::from_entries(self.entries.clone(), |_, i| self.text(i))
    }
}

/// The benchmark's million names, as index entries.
pub fn million_names() -> Names {
    let texts = search_names(1_000_000, 7);
    let entries = (0..texts.len())
        .map(|i| SearchEntry {
            target: SearchKey::new(RecordRef::Event(i)).expect("a million fit"),
            kind: NameKind::Title,
            alias: false,
            weight: 0,
        })
        .collect();
    Names { entries, texts }
}

/// Index build with and without the typo tier on the same million names, alternating
/// (wall and CPU time), and peak memory of a process holding each.
pub fn bench_build_and_memory(table: &mut Table, runs: usize, names: &Names) {
    let mut in_order = (Sample::default(), Sample::default());
    let mut ready = (Sample::default(), Sample::default());
    let mut words = (Sample::default(), Sample::default());
    let mut total = (Sample::default(), Sample::default());
    let mut typo_bytes = 0;
    for run in 0..=runs {
        for two in [run % 2 == 0, run % 2 != 0] {
            let copy = names.entries.clone();
            let text = |_: &[SearchEntry], i| names.text(i);
            let cpu = cpu_time();
            if two {
                let (d, index) = time(|| SearchIndex::from_entries(copy, text));
                let cpu_ready = cpu_time();
                let (w, ()) = time(|| index.prepare_typos());
                let cpu_words = cpu_time();
                typo_bytes = index.typo_heap_bytes();
                if run > 0 {
                    ready.0.push(d);
                    ready.1.push(cpu_ready - cpu);
                    words.0.push(w);
                    words.1.push(cpu_words - cpu_ready);
                    total.0.push(d + w);
                    total.1.push(cpu_words - cpu);
                }
            } else {
                let (d, index) = time(|| SearchIndex::from_entries_in_order(copy, text));
                let cpu_done = cpu_time();
                drop(index);
                if run > 0 {
                    in_order.0.push(d);
                    in_order.1.push(cpu_done - cpu);
                }
            }
        }
    }
    let ratio = |a: &Sample, b: &Sample| a.median().as_secs_f64() / b.median().as_secs_f64();
    let both = |(wall, cpu): &(Sample, Sample), (wall0, cpu0): &(Sample, Sample)| {
        format!(
            "{:.0} ms = {:.2}× (CPU {:.0} ms = {:.2}×)",
            ms(wall.median()),
            ratio(wall, wall0),
            ms(cpu.median()),
            ratio(cpu, cpu0)
        )
    };
    let baseline = format!(
        "in order alone {:.0} ms (CPU {:.0} ms)",
        ms(in_order.0.median()),
        ms(in_order.1.median())
    );
    table.row(
        format!("Search index build, 1M names, ready to search (the typo word index waits for the first query with a word of 5+ letters); median of {runs}"),
        both(&ready, &in_order),
        baseline.clone(),
        "≤ 1.5×",
        Some(ratio(&ready.0, &in_order.0) <= 1.5),
    );
    table.row(
        "Typo word index, 1M names, built on the first query that needs it",
        format!(
            "{:.0} ms (CPU {:.0} ms)",
            ms(words.0.median()),
            ms(words.1.median())
        ),
        "",
        "",
        None,
    );
    table.row(
        "Search index build, 1M names, with the typo word index built too",
        both(&total, &in_order),
        baseline,
        "≤ 1.5×",
        Some(ratio(&total.0, &in_order.0) <= 1.5),
    );
    let (_, before_kib, _) = crate::load::child(0, "rss-index-in-order", Path::new("-"));
    let (_, after_kib, _) = crate::load::child(0, "rss-index-two-tiers", Path::new("-"));
    let ratio = after_kib as f64 / before_kib as f64;
    table.row(
        "Peak RSS of a process holding the 1M-name index (names, index, build), with the typo word index built",
        format!(
            "{:.0} MiB = {ratio:.2}× (typo word index {:.1} MiB)",
            after_kib as f64 / 1024.0,
            typo_bytes as f64 / (1024.0 * 1024.0)
        ),
        format!("in order alone {:.0} MiB", before_kib as f64 / 1024.0),
        "≤ 1.3×",
        Some(ratio <= 1.3),
    );
}

/// The child process for the memory rows: build the index, report peak RSS.
pub fn child_index(two_tiers: bool) {
    let names = million_names();
    let index = if two_tiers {
        let index = names.index();
        index.prepare_typos();
        index
    } else {
        SearchIndex::from_entries_in_order(names.entries.clone(), |_, i| names.text(i))
    };
    std::hint::black_box((&names, &index));
}

struct Row {
    story: String,
    query: String,
    intended: String,
    typo: bool,
}

fn table_rows() -> Vec<Row> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/search/misspellings.tsv"
    );
    std::fs::read_to_string(path)
        .expect("the misspellings table")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            Row {
                story: cells[0].to_owned(),
                query: cells[1].to_owned(),
                intended: cells[2].to_owned(),
                typo: cells[3] == "typo",
            }
        })
        .collect()
}

fn load(name: &str) -> Story {
    match name {
        "shipped" => story::embedded().expect("embedded story"),
        "boardroom" => load_path(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/search/board_people.json"
        )))
        .expect("fixture"),
        _ => {
            let json = generate_json(&SynthOptions {
                events: 3_000,
                entities: 300,
                seed: 7,
            });
            load_bytes(json.as_bytes(), "generated").expect("generated story")
        }
    }
}

/// fzf's results for `query` over `lines` ("entry index\tname"): the entry indexes,
/// best first. None if fzf cannot be run.
fn fzf(lines: &str, query: &str) -> Option<Vec<usize>> {
    let mut child = Command::new("fzf")
        .args(["--filter", query, "--delimiter", "\t", "--nth", "2.."])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = lines.to_owned();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let output = child.wait_with_output().ok()?;
    let _ = writer.join();
    Some(
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| line.split('\t').next()?.parse().ok())
            .collect(),
    )
}

/// The misspellings table through storyscope and through `fzf --filter`, on the same
/// names; and fzf's time for the typo queries over the million names.
pub fn bench_fzf(table: &mut Table, million: &Names) {
    if Command::new("fzf").arg("--version").output().is_err() {
        table.row(
            "Misspellings table through fzf --filter",
            "fzf not installed (apt-get install fzf)",
            "",
            "",
            None,
        );
        return;
    }
    let rows = table_rows();
    let mut stories: HashMap<String, (Story, SearchIndex, String)> = HashMap::new();
    let (mut ours_first, mut fzf_first, mut fzf_top10, mut typo_rows) = (0, 0, 0, 0);
    let (mut ours_all, mut fzf_all) = (0, 0);
    for row in &rows {
        let (story, index, lines) = stories.entry(row.story.clone()).or_insert_with(|| {
            let story = load(&row.story);
            let index = build_index(&story);
            let lines: String = (0..index.len())
                .map(|i| {
                    let name = shown_name(&story, &index.targets, i).map(|name| name.text);
                    let name = name.unwrap_or_default().replace(['\n', '\t'], " ");
                    format!("{i}\t{name}\n")
                })
                .collect();
            (story, index, lines)
        });
        let intended = |target: RecordRef| story.record_id(target) == row.intended;
        let ours = index
            .search(&row.query, 10)
            .first()
            .is_some_and(|hit| intended(hit.target.record()));
        let theirs = fzf(lines, &row.query).unwrap_or_default();
        let theirs_first = theirs
            .first()
            .is_some_and(|&i| intended(index.targets[i].record()));
        let theirs_top10 = theirs
            .iter()
            .take(10)
            .any(|&i| intended(index.targets[i].record()));
        ours_all += usize::from(ours);
        fzf_all += usize::from(theirs_first);
        if row.typo {
            typo_rows += 1;
            ours_first += usize::from(ours);
            fzf_first += usize::from(theirs_first);
            fzf_top10 += usize::from(theirs_top10);
        }
    }
    table.row(
        format!(
            "Misspellings table ({} queries, {typo_rows} of them typos needing the typo tier): the intended entity first",
            rows.len()
        ),
        format!("storyscope {ours_all} of {}; typos {ours_first} of {typo_rows}", rows.len()),
        format!(
            "fzf --filter {fzf_all} of {}; typos {fzf_first} of {typo_rows} first, {fzf_top10} in its top 10",
            rows.len()
        ),
        "",
        None,
    );
    // fzf's own time over the million names, whole process, reading them from a file.
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    for text in &million.texts {
        writeln!(file, "{text}").expect("names written");
    }
    let mut sample = Sample::default();
    let mut found = 0;
    for query in ["tencnet", "alibbaa", "qwne max", "deepseak shares"] {
        let input = std::fs::File::open(file.path()).expect("names file");
        let (d, output) = time(|| {
            Command::new("fzf")
                .args(["--filter", query])
                .stdin(input)
                .stderr(Stdio::null())
                .output()
        });
        sample.push(d);
        found += output.map_or(0, |o| o.stdout.iter().filter(|&&b| b == b'\n').count());
    }
    table.row(
        "fzf --filter over the 1M names, typo queries (tencnet, alibbaa, qwne max, deepseak shares), median / max per query, whole process",
        format!(
            "{:.0} / {:.0} ms, {found} names found in all",
            ms(sample.median()),
            ms(sample.max())
        ),
        "",
        "",
        None,
    );
}
