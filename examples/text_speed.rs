//! How long the text layer takes to read about 1 MB of article text, paragraph by
//! paragraph, with every extractor (the drafting budget is 1 s for 100 articles):
//! `cargo run --release --example text_speed`. Built from the invented articles in
//! tests/fixtures/text/ with numbers varied.

use std::time::Instant;

use storyscope::text::{self, Day};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let mut base = String::new();
    for file in ["harbour.txt", "orchard.txt", "council.txt", "depot.txt"] {
        base.push_str(&std::fs::read_to_string(dir.join(file)).unwrap_or_default());
    }
    let paragraphs = text::paragraph_texts(&base);
    if paragraphs.is_empty() {
        eprintln!("text_speed: no fixture text found in {}", dir.display());
        return;
    }
    let mut corpus = Vec::new();
    let mut bytes = 0;
    for n in 0.. {
        if bytes >= 1_000_000 {
            break;
        }
        let p = format!(
            "{} It rose {}% to ${}.{} billion on March {}.",
            paragraphs[n % paragraphs.len()],
            n % 97,
            n % 50,
            n % 10,
            1 + n % 28
        );
        bytes += p.len();
        corpus.push(p);
    }
    let anchor = Some(Day {
        year: 2025,
        month: 2,
        day: 12,
    });
    let started = Instant::now();
    let mut mentions = 0;
    for p in &corpus {
        mentions +=
            text::sentences(p).len() + text::figures(p).len() + text::dates(p, anchor).len();
        mentions += text::names(p).len() + text::attributions(p).len() + text::quotes(p).len();
    }
    println!(
        "{bytes} bytes, {} paragraphs, {mentions} mentions: {:?}",
        corpus.len(),
        started.elapsed()
    );
}
