//! Shell completion with the story's record ids: clap_complete's dynamic completion
//! (the shell asks `COMPLETE=bash storyscope -- …` as the user types), with completers
//! for `--id` and `--filter` that read the story named on the same command line.
//! The command line's definition uses these completers; `cli::complete_if_asked`
//! answers the shell with it.

use std::ffi::{OsStr, OsString};
use std::io::Write;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{EnvCompleter, Shells};

use crate::story::{self, RecordRef, Story, load};

/// The variable the shell sets when it asks for completions.
pub(crate) const COMPLETE_ENV: &str = "COMPLETE";

/// `storyscope completions SHELL`: the code that registers the completer with the shell.
pub(crate) fn registration(shell: clap_complete::Shell) -> std::io::Result<Vec<u8>> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let completer: &dyn EnvCompleter = shells
        .completer(&name)
        .ok_or_else(|| std::io::Error::other(format!("no completion for {name}")))?;
    let mut out = Vec::new();
    completer.write_registration(
        COMPLETE_ENV,
        "storyscope",
        "storyscope",
        "storyscope",
        &mut out,
    )?;
    out.flush()?;
    Ok(out)
}

/// Completes `--id`: every record id (entities, events, candidacies, metrics, sources,
/// disputes, relations), each with its title; only entities for `export entity`.
pub(crate) fn record_ids() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let entity_view = std::env::args_os().any(|word| word == "entity");
        candidates(current, entity_view)
    })
}

/// Completes `--filter`: entity ids, each with its name.
pub(crate) fn entity_ids() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| candidates(current, true))
}

fn candidates(current: &OsStr, entities_only: bool) -> Vec<CompletionCandidate> {
    let Some(story) = story_on_command_line(std::env::args_os().collect()) else {
        return Vec::new();
    };
    let prefix = current.to_string_lossy();
    ids(&story, entities_only)
        .into_iter()
        .filter(|(id, _)| id.starts_with(prefix.as_ref()))
        .map(|(id, title)| {
            CompletionCandidate::new(id)
                .help(Some(crate::story::safe_text::clean_line(&title).into()))
        })
        .collect()
}

/// Every id with its title, entities first.
pub(crate) fn ids(story: &Story, entities_only: bool) -> Vec<(String, String)> {
    story
        .records()
        .filter(|record| !entities_only || matches!(record, RecordRef::Entity(_)))
        .map(|record| {
            (
                story.record_id(record).to_owned(),
                story.record_title(record),
            )
        })
        .filter(|(id, _)| !id.is_empty())
        .collect()
}

/// The story named by `--story` among the words being completed, else the embedded
/// one; None if it does not load (completion then offers nothing rather than failing).
fn story_on_command_line(args: Vec<OsString>) -> Option<Story> {
    let mut path = None;
    let mut words = args.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(word) = words.next() {
        if word == "--story" {
            path = words.next();
        } else if let Some(value) = word.strip_prefix("--story=") {
            path = Some(value.to_owned());
        }
    }
    match path {
        Some(path) => load::load_path(std::path::Path::new(&path)).ok(),
        None => story::embedded().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_cover_every_kind_of_record() {
        let story = story::embedded().unwrap();
        let all = ids(&story, false);
        let entities = ids(&story, true);
        assert_eq!(entities.len(), story.file.entities.len());
        assert!(all.iter().any(|(id, _)| id == "apple"));
        for id in ["ev-qwen-2-5-max-unveiled", "disp-baidu-reason"] {
            assert!(all.iter().any(|(found, _)| found == id), "{id}");
        }
        for (id, _) in &all {
            assert!(story.lookup(id).is_some(), "{id}");
        }
    }

    #[test]
    fn the_story_on_the_line_is_the_one_completed() {
        let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.json");
        let args = [
            "storyscope",
            "--",
            "storyscope",
            "export",
            "entity",
            "--story",
            fixture,
            "--id",
            "",
        ];
        let story = story_on_command_line(args.iter().map(Into::into).collect()).unwrap();
        assert_ne!(
            story.file.story.title,
            story::embedded().unwrap().file.story.title
        );
        let missing = ["storyscope", "--story=/no/such/file.json"];
        assert!(story_on_command_line(missing.iter().map(Into::into).collect()).is_none());
    }
}
