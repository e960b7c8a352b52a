//! `storyscope search QUERY`: the best matches as ranked lines, or as JSON with each
//! hit's sourcing.

use std::io::Write;

use anyhow::Result;

use crate::bad_input::BadInput;
use crate::commands::output::{json_for_terminal, write_stdout};
use crate::story::query::{MatchTier, SearchHit, SearchIndex, build_index, shown_name};
use crate::story::safe_text::clean_line;
use crate::story::{RecordRef, Story};

pub(super) fn search(story: &Story, query: &str, limit: usize, json: bool) -> Result<i32> {
    // A blank query asks for nothing: a usage error (exit 2) with or without --json,
    // not "no match" (1) in one and an empty list (0) in the other.
    if query.trim().is_empty() {
        return Err(BadInput(
            "search needs a query: a word of a name, an alias or a title".to_owned(),
        )
        .into());
    }
    let index = build_index(story);
    let hits = index.search(query, limit);
    if json {
        let items: Vec<serde_json::Value> = hits
            .iter()
            .map(|hit| json_hit(story, &index, hit))
            .collect();
        write_stdout(format!("{}\n", json_for_terminal(&items)?).as_bytes())?;
        return Ok(0);
    }
    if hits.is_empty() {
        // Not `eprintln!`: with stderr closed it would panic.
        let _ = writeln!(std::io::stderr(), "no match for “{}”", clean_line(query));
        return Ok(1);
    }
    let mut out = String::new();
    for (rank, hit) in hits.iter().enumerate() {
        let entry = shown_name(story, &index.targets, hit.entry);
        let mut line = format!(
            "{:>2}. {:<9} {}",
            rank + 1,
            hit.target.record().kind_label(),
            clean_line(&story.record_title(hit.target.record()))
        );
        if let Some(alias) = entry.filter(|entry| entry.alias_of.is_some()) {
            line.push_str(&format!(" (as “{}”)", clean_line(&alias.text)));
        }
        if hit.tier == MatchTier::Typo {
            line.push_str(" (typo)");
        }
        line.push_str(&format!(
            "  [{}]",
            clean_line(story.record_id(hit.target.record()))
        ));
        if let Some(sourcing) = story.sourcing_label(hit.target.record()) {
            line.push_str(&format!("  {}", clean_line(&sourcing)));
        }
        out.push_str(&line);
        out.push('\n');
    }
    write_stdout(out.as_bytes())?;
    Ok(0)
}

/// One hit as `--json` prints it, with its sourcing.
fn json_hit(story: &Story, index: &SearchIndex, hit: &SearchHit) -> serde_json::Value {
    let matched = shown_name(story, &index.targets, hit.entry).map(|entry| entry.text);
    let mut item = serde_json::json!({
        "kind": hit.target.record().kind_label(),
        "id": story.record_id(hit.target.record()),
        "name": story.record_title(hit.target.record()),
        "matched": matched,
        "match": hit.tier.label(),
        "score": hit.score,
    });
    if let Some(provenance) = story.record_provenance(hit.target.record()) {
        item["sources"] = provenance.sources.into();
        item["independent_origins"] = provenance.origins.into();
        item["origins"] = provenance.origin_names.clone().into();
    }
    if let RecordRef::Entity(e) = hit.target.record() {
        item["described"] = (!story.is_undescribed(e)).into();
    }
    item
}
