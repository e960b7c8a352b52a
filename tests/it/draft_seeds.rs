//! `storyscope draft` on the two articles in ../shared/seeds/, with the shipped story
//! (assets/story.json) as the answer key: the share of its named entities drafted (by
//! name or alias), of its 13 figures drafted with value, scale and bound, of its dated
//! events whose date is drafted at a paragraph the event cites, whether The
//! Information is drafted as upstream of both articles and CARMA as the origin of its
//! figures, and the drafted entities the shipped story does not hold (listed, for
//! judging by eye). The articles are read at run time, never copied; without the
//! folder the test says so and passes. Run: `cargo test --test it draft_seeds --
//! --nocapture`. The same draft from the command line:
//! `storyscope draft SEEDS/000_*.txt SEEDS/004_*.txt --date 2025-02-12 --date -
//! --outlet MARKETING-INTERACTIVE --outlet -`.

use std::path::{Path, PathBuf};

use storyscope::draft::draft;
use storyscope::draft::read_article;
use storyscope::story::model::StoryFile;

use super::draft_eval::check_passes;
use super::draft_scores::same_thing;

/// The seeds folder: $STORYSCOPE_SEEDS, else ../shared/seeds beside the repository
/// (also one level further up, for a git worktree kept in a subfolder).
fn seeds_dir() -> Option<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("STORYSCOPE_SEEDS").map(PathBuf::from),
        Some(repo.join("../shared/seeds")),
        Some(repo.join("../../shared/seeds")),
    ];
    candidates.into_iter().flatten().find(|dir| dir.is_dir())
}

fn names(story: &StoryFile, id: &str) -> Vec<String> {
    story
        .entities
        .iter()
        .filter(|e| e.id == id)
        .flat_map(|e| std::iter::once(e.name.clone()).chain(e.aliases.clone()))
        .collect()
}

#[test]
fn seed_articles_against_the_shipped_story() {
    let Some(dir) = seeds_dir() else {
        println!(
            "draft_seeds: ../shared/seeds not found; skipped (set STORYSCOPE_SEEDS to run it)"
        );
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "the two seed articles");
    let mut articles: Vec<_> = files
        .iter()
        .map(|f| read_article(&f.display().to_string(), &std::fs::read(f).unwrap()).unwrap())
        .collect();
    // What a user passes on the command line: the first page states neither its date
    // nor its outlet in the text.
    articles[0].published = Some("2025-02-12".into());
    articles[0].outlet = Some("MARKETING-INTERACTIVE".into());
    let drafted = draft(&articles, "texts", Vec::new());
    let (passes, problems) = check_passes(&drafted);
    assert!(passes, "check refused the seed draft:\n{problems}");
    let shipped: StoryFile = serde_json::from_str(include_str!("../../assets/story.json")).unwrap();
    let story = &drafted.story;
    let article_ids = [story.sources[0].id.clone(), story.sources[1].id.clone()];
    let shipped_ids = ["mi-2025-02-12", "reprint-2025-02-13"];
    let text: String = articles
        .iter()
        .flat_map(|a| a.paragraphs().map(str::to_owned))
        .collect::<Vec<_>>()
        .join("\n");

    // Entities: the shipped story's entities named in the articles as written.
    let named: Vec<Vec<String>> = shipped
        .entities
        .iter()
        .map(|e| {
            std::iter::once(e.name.clone())
                .chain(e.aliases.clone())
                .collect::<Vec<_>>()
        })
        .filter(|names| names.iter().any(|n| text.contains(n.as_str())))
        .collect();
    let drafted_names: Vec<Vec<String>> =
        story.entities.iter().map(|e| names(story, &e.id)).collect();
    let missed: Vec<&str> = named
        .iter()
        .filter(|n| !drafted_names.iter().any(|d| same_thing(n, d)))
        .map(|n| n[0].as_str())
        .collect();
    let unknown: Vec<&str> = drafted_names
        .iter()
        .filter(|d| {
            !shipped
                .entities
                .iter()
                .any(|e| same_thing(d, &names(&shipped, &e.id)))
        })
        .map(|d| d[0].as_str())
        .collect();
    let entity_share = 1.0 - missed.len() as f64 / named.len() as f64;

    // Figures: value (or range), scale and bound, from the same article.
    let figures_found = shipped
        .metrics
        .iter()
        .filter(|want| {
            let source = &article_ids[shipped_ids
                .iter()
                .position(|s| *s == want.cite[0].source)
                .unwrap()];
            story.metrics.iter().any(|m| {
                m.cite[0].source == *source
                    && m.value == want.value
                    && m.range == want.range
                    && m.scale == want.scale
                    && m.bound == want.bound
            })
        })
        .count();

    // Dated events: a drafted event (or dated metric) citing a paragraph the shipped
    // event cites, with the same date (an approximate mark aside).
    let bare = |d: String| d.trim_start_matches('~').to_owned();
    let dated: Vec<(String, &str, u32)> = story
        .events
        .iter()
        .flat_map(|e| {
            e.cite.iter().map(move |c| {
                (
                    bare(e.date.canonical()),
                    c.source.as_str(),
                    c.para.unwrap_or(0),
                )
            })
        })
        .chain(story.metrics.iter().filter_map(|m| {
            Some((
                bare(m.period.as_ref()?.canonical()),
                m.cite[0].source.as_str(),
                m.cite[0].para?,
            ))
        }))
        .collect();
    let dates_found = shipped
        .events
        .iter()
        .filter(|event| {
            event.cite.iter().any(|c| {
                let Some(index) = shipped_ids.iter().position(|s| *s == c.source) else {
                    return false;
                };
                dated.iter().any(|(date, source, para)| {
                    *date == bare(event.date.canonical())
                        && *source == article_ids[index]
                        && Some(*para) == c.para
                })
            })
        })
        .count();

    // Origins.
    let origin_named = |outlet: &str| {
        story
            .sources
            .iter()
            .find(|s| {
                s.text.is_none()
                    && same_thing(std::slice::from_ref(&s.outlet), &[outlet.to_owned()])
            })
            .map(|s| s.id.clone())
    };
    let information = origin_named("The Information");
    let upstream_of_both = information.as_ref().is_some_and(|id| {
        story.sources[..2]
            .iter()
            .all(|s| s.via.as_deref() == Some(id.as_str()))
    });
    let carma = origin_named("CARMA");
    let carma_figures = shipped
        .metrics
        .iter()
        .filter(|m| m.cite[0].via() == Some("carma-tally"))
        .count();
    let carma_drafted = story
        .metrics
        .iter()
        .filter(|m| {
            carma.is_some()
                && m.cite[0].via() == carma.as_deref()
                && shipped
                    .metrics
                    .iter()
                    .any(|w| w.cite[0].via() == Some("carma-tally") && w.value == m.value)
        })
        .count();

    println!("seed evaluation (target in brackets)");
    println!(
        "  entities drafted      {}/{} = {:.0}% (>= 90%); missed: {}",
        named.len() - missed.len(),
        named.len(),
        entity_share * 100.0,
        missed.join(", ")
    );
    println!(
        "  figures drafted       {figures_found}/{} (>= 12)",
        shipped.metrics.len()
    );
    println!(
        "  dated events          {dates_found}/{} = {:.0}% (>= 80%)",
        shipped.events.len(),
        dates_found as f64 * 100.0 / shipped.events.len() as f64
    );
    println!("  The Information upstream of both articles: {upstream_of_both}");
    println!("  CARMA origin of its figures: {carma_drafted}/{carma_figures}");
    println!(
        "  drafted entities not in the shipped story: {}/{} = {:.0}% (< 20% not real named things): {}",
        unknown.len(),
        story.entities.len(),
        unknown.len() as f64 * 100.0 / story.entities.len().max(1) as f64,
        unknown.join(", ")
    );
    for (what, measured, floor) in SEED_FLOORS {
        let value = match what {
            "entities" => entity_share,
            "figures" => figures_found as f64,
            "dates" => dates_found as f64 / shipped.events.len() as f64,
            "information-upstream" => f64::from(u8::from(upstream_of_both)),
            _ => carma_drafted as f64,
        };
        assert!(
            value >= floor,
            "{what}: {value:.2} fell below {floor} (measured {measured})"
        );
    }
}

/// (what, measured on 7 Dec 2026, floor asserted): a little below what was measured,
/// so a rule change that loses ground fails here.
const SEED_FLOORS: [(&str, f64, f64); 5] = [
    ("entities", 0.90, 0.89),
    ("figures", 13.0, 13.0),
    ("dates", 0.82, 0.82),
    ("information-upstream", 1.0, 1.0),
    ("carma", 3.0, 3.0),
];
