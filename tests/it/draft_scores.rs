//! Scoring a draft against one event's answer key (tests/fixtures/draft/*/key.json):
//! entities by name or alias, figures by amount, scale and bound at their paragraph,
//! dates at their paragraph, origins with the articles leaning on them, relations and
//! candidacy stages by their ends.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;
use storyscope::draft::Draft;
use storyscope::story::model::StoryFile;
use storyscope::text::name_key;

use super::draft_eval::{Score, draft_folder};
fn names_of(value: &Value) -> Vec<String> {
    let mut names = vec![value["name"].as_str().unwrap_or("").to_owned()];
    if let Some(aliases) = value["aliases"].as_array() {
        names.extend(aliases.iter().filter_map(|a| a.as_str().map(str::to_owned)));
    }
    names
}

/// Whether two lists of names share one, by `name_key`.
pub fn same_thing(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| name_key(x) == name_key(y) && !name_key(x).is_empty())
    })
}

fn entity_names(story: &StoryFile, id: &str) -> Vec<String> {
    story
        .entities
        .iter()
        .filter(|e| e.id == id)
        .flat_map(|e| std::iter::once(e.name.clone()).chain(e.aliases.clone()))
        .collect()
}

fn score_entities(story: &StoryFile, key: &Value) -> (Score, Vec<String>) {
    let keyed: Vec<Vec<String>> = key["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(names_of)
        .collect();
    let drafted: Vec<Vec<String>> = story
        .entities
        .iter()
        .map(|e| {
            std::iter::once(e.name.clone())
                .chain(e.aliases.clone())
                .collect()
        })
        .collect();
    let found = keyed
        .iter()
        .filter(|k| drafted.iter().any(|d| same_thing(k, d)))
        .count();
    let wrong: Vec<String> = drafted
        .iter()
        .filter(|d| !keyed.iter().any(|k| same_thing(k, d)))
        .map(|d| d[0].clone())
        .collect();
    let score = Score {
        found,
        total: keyed.len(),
        right: drafted.len() - wrong.len(),
        drafted: drafted.len(),
    };
    (score, wrong)
}

fn source_of(names: &[String], story: &StoryFile, file: &str) -> String {
    let index = names.iter().position(|n| n == file).unwrap_or(usize::MAX);
    story
        .sources
        .get(index)
        .map(|s| s.id.to_string())
        .unwrap_or_default()
}

fn figure_matches(metric: &storyscope::story::model::Metric, want: &Value) -> bool {
    let scale = metric.scale.map(|s| serde_json::to_value(s).unwrap());
    let bound = serde_json::to_value(metric.bound).unwrap();
    let amount = match (
        want["value"].as_f64(),
        want["value_high"].as_f64(),
        want.get("qualitative").and_then(Value::as_str),
    ) {
        (_, _, Some(_)) => metric.qualitative.is_some(),
        (Some(low), Some(high), _) => metric.range == Some([low, high]),
        (Some(value), None, _) => metric.value == Some(value),
        _ => false,
    };
    let scale_ok = scale.as_ref().and_then(Value::as_str) == want["scale"].as_str();
    amount && scale_ok && (want.get("qualitative").is_some() || bound == want["bound"])
}

fn score_figures(names: &[String], story: &StoryFile, key: &Value) -> Score {
    let wanted = key["figures"].as_array().unwrap();
    let at = |m: &storyscope::story::model::Metric, want: &Value| {
        let source = source_of(names, story, want["article"].as_str().unwrap());
        m.cite
            .iter()
            .any(|c| c.source == source && c.para == want["para"].as_u64().map(|p| p as u32))
    };
    let found = wanted
        .iter()
        .filter(|w| {
            story
                .metrics
                .iter()
                .any(|m| at(m, w) && figure_matches(m, w))
        })
        .count();
    let right = story
        .metrics
        .iter()
        .filter(|m| wanted.iter().any(|w| at(m, w) && figure_matches(m, w)))
        .count();
    Score {
        found,
        total: wanted.len(),
        right,
        drafted: story.metrics.len(),
    }
}

fn bare(date: &str) -> String {
    date.trim_start_matches('~').to_owned()
}

fn score_dates(names: &[String], story: &StoryFile, key: &Value) -> Score {
    let wanted = key["dates"].as_array().unwrap();
    let accepts = |w: &Value, date: &str| {
        let mut ok = vec![bare(w["date"].as_str().unwrap())];
        ok.extend(
            w["also"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(bare),
        );
        ok.contains(&bare(date))
    };
    let cited_at = |cites: &[storyscope::story::model::Citation], w: &Value| {
        let source = source_of(names, story, w["article"].as_str().unwrap());
        cites
            .iter()
            .any(|c| c.source == source && c.para == w["para"].as_u64().map(|p| p as u32))
    };
    let drafted: Vec<(String, &[storyscope::story::model::Citation])> = story
        .events
        .iter()
        .map(|e| (e.date.canonical(), &e.cite[..]))
        .chain(
            story
                .metrics
                .iter()
                .filter_map(|m| Some((m.period.as_ref()?.canonical(), m.cite.as_slice()))),
        )
        .collect();
    let found = wanted
        .iter()
        .filter(|w| drafted.iter().any(|(d, c)| cited_at(c, w) && accepts(w, d)))
        .count();
    let events = &drafted[..story.events.len()];
    let right = events
        .iter()
        .filter(|(d, c)| wanted.iter().any(|w| cited_at(c, w) && accepts(w, d)))
        .count();
    Score {
        found,
        total: wanted.len(),
        right,
        drafted: story.events.len(),
    }
}

/// Whether article `file` leans on source `origin` (its own `via` or a citation's).
pub fn leans_on(names: &[String], story: &StoryFile, file: &str, origin: &str) -> bool {
    let source = source_of(names, story, file);
    let own = story
        .sources
        .iter()
        .any(|s| s.id == source && s.via.as_deref() == Some(origin));
    let mut cites = story
        .entities
        .iter()
        .flat_map(|e| &e.cite)
        .chain(story.metrics.iter().flat_map(|m| &m.cite))
        .chain(story.events.iter().flat_map(|e| &e.cite));
    own || cites.any(|c| c.source == source && c.via() == Some(origin))
}

fn score_origins(names: &[String], story: &StoryFile, key: &Value) -> Score {
    let wanted = key["origins"].as_array().unwrap();
    let keyed_names = |w: &Value| -> Vec<String> {
        let name = w["name"].as_str().unwrap().to_owned();
        let entity = key["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name);
        entity.map(names_of).unwrap_or_else(|| vec![name])
    };
    let origins: Vec<&storyscope::story::model::Source> =
        story.sources.iter().filter(|s| s.text.is_none()).collect();
    let same = |w: &Value, s: &storyscope::story::model::Source| {
        same_thing(&keyed_names(w), std::slice::from_ref(&s.outlet))
            && s.kind.key() == w["kind"].as_str().unwrap()
    };
    let found = wanted
        .iter()
        .filter(|w| {
            origins.iter().any(|s| {
                same(w, s)
                    && w["relied_on_by"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .all(|f| leans_on(names, story, f.as_str().unwrap(), &s.id))
            })
        })
        .count();
    let right = origins
        .iter()
        .filter(|s| wanted.iter().any(|w| same(w, s)))
        .count();
    Score {
        found,
        total: wanted.len(),
        right,
        drafted: origins.len(),
    }
}

fn score_relations(story: &StoryFile, key: &Value) -> Score {
    let wanted = key["relations"].as_array().unwrap();
    let mut drafted: Vec<(String, String, String)> = story
        .relations
        .iter()
        .map(|r| {
            (
                r.from.to_string(),
                r.kind.key().to_owned(),
                r.to.to_string(),
            )
        })
        .collect();
    for c in &story.candidates {
        for stage in &c.stages {
            drafted.push((
                c.seeker.to_string(),
                stage.stage.key().to_owned(),
                c.candidate.to_string(),
            ));
        }
    }
    let kind_of = |k: &str| {
        match k {
            "chose" => "selected",
            "partnered_with" => "partners_with",
            other => other,
        }
        .to_owned()
    };
    let same = |w: &Value, d: &(String, String, String)| {
        kind_of(w["kind"].as_str().unwrap()) == d.1
            && same_thing(
                &[w["from"].as_str().unwrap().to_owned()],
                &entity_names(story, &d.0),
            )
            && same_thing(
                &[w["to"].as_str().unwrap().to_owned()],
                &entity_names(story, &d.2),
            )
    };
    let found = wanted
        .iter()
        .filter(|w| drafted.iter().any(|d| same(w, d)))
        .count();
    let right = drafted
        .iter()
        .filter(|d| wanted.iter().any(|w| same(w, d)))
        .count();
    Score {
        found,
        total: wanted.len(),
        right,
        drafted: drafted.len(),
    }
}

/// The five scores of one event, and the drafted entities the key does not hold.
pub fn evaluate(event: &Path) -> (HashMap<&'static str, Score>, Vec<String>, Draft) {
    let key: Value =
        serde_json::from_str(&std::fs::read_to_string(event.join("key.json")).unwrap()).unwrap();
    let (names, _, drafted) = draft_folder(&event.join("articles"));
    let story = &drafted.story;
    let (entities, wrong) = score_entities(story, &key);
    let scores = HashMap::from([
        ("entities", entities),
        ("figures", score_figures(&names, story, &key)),
        ("dates", score_dates(&names, story, &key)),
        ("origins", score_origins(&names, story, &key)),
        ("relations", score_relations(story, &key)),
    ]);
    (scores, wrong, drafted)
}
