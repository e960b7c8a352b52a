//! `storyscope new FILE`: a small, valid starter story to write over, with a `$schema`
//! reference editors validate against, never replacing a file that is already there.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::bad_input::BadInput;
use crate::commands::output::write_stdout;

/// The starter story: one record of every kind, each field the guide calls important.
pub const STARTER_STORY: &str = include_str!("../../assets/starter.json");

/// The file name the starter's `$schema` names, written beside the story.
pub(crate) const SCHEMA_FILE_NAME: &str = "storyscope.schema.json";

/// The story format's JSON Schema, pretty-printed, as `storyscope schema` prints it.
pub(crate) fn schema_json() -> String {
    let schema = schemars::schema_for!(crate::story::model::StoryFile);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes the starter to `file` (stdout for `-`) and, with `with_schema`, the schema
/// beside it unless a file of that name is there already. Returns the exit code.
pub(crate) fn run_new(file: &Path, with_schema: bool) -> Result<i32> {
    if file.as_os_str() == "-" {
        write_stdout(STARTER_STORY.as_bytes())?;
        return Ok(0);
    }
    let folder = folder_of(file);
    if !folder.is_dir() {
        return Err(BadInput(format!(
            "{}: the folder {} does not exist",
            file.display(),
            folder.display()
        ))
        .into());
    }
    match crate::fsutil::write_new_exact(file, STARTER_STORY.as_bytes()) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(BadInput(format!(
                "{} already exists; `new` never replaces a file (pick another name, or remove it first)",
                file.display()
            ))
            .into());
        }
        Err(err) => {
            return Err(err).with_context(|| format!("cannot write {}", file.display()));
        }
    }
    let mut out = format!("wrote {}", file.display());
    if with_schema {
        let schema_path = match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.join(SCHEMA_FILE_NAME),
            _ => PathBuf::from(SCHEMA_FILE_NAME),
        };
        out.push_str(&schema_note(&schema_path)?);
    }
    out.push_str(&format!(
        "\nnext: storyscope --story {0}   (the explorer reloads on every save)\n      storyscope lint --story {0}\n",
        file.display()
    ));
    write_stdout(out.as_bytes())?;
    Ok(0)
}

/// Writes the schema at `path` unless something is there; says what happened.
fn schema_note(path: &Path) -> Result<String> {
    let schema = schema_json();
    match crate::fsutil::write_new_exact(path, schema.as_bytes()) {
        Ok(()) => Ok(format!(
            " and {} (its $schema, for editors)",
            path.display()
        )),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            let same = std::fs::read_to_string(path).is_ok_and(|old| old == schema);
            Ok(if same {
                format!("; {} is already there", path.display())
            } else {
                format!(
                    "; {} is already there and differs from this build's schema: left as is (`storyscope schema > {}` refreshes it)",
                    path.display(),
                    path.display()
                )
            })
        }
        Err(err) => Err(err).with_context(|| format!("cannot write {}", path.display())),
    }
}

fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    /// The schema editors validate against changes only on purpose: a field's serde
    /// attributes moving to a wire struct once added `"default": []` to two lists.
    #[test]
    fn the_schema_is_the_committed_one() {
        insta::assert_snapshot!("story_schema", super::schema_json());
    }

    use super::*;

    #[test]
    fn the_starter_story_loads_and_has_one_record_of_every_kind() {
        let story = crate::story::load::load_bytes(STARTER_STORY.as_bytes(), "starter")
            .unwrap_or_else(|err| panic!("{err}"));
        let file = &story.file;
        assert_eq!(file.schema.as_deref(), Some(SCHEMA_FILE_NAME));
        assert!(file.sources.iter().any(|s| s.via.is_some()));
        for (kind, n) in [
            ("relations", file.relations.len()),
            ("events", file.events.len()),
            ("candidates", file.candidates.len()),
            ("metrics", file.metrics.len()),
            ("disputes", file.disputes.len()),
        ] {
            assert!(n >= 1, "no {kind}");
        }
    }

    #[test]
    fn the_schema_allows_the_schema_key() {
        let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
        assert!(schema["properties"]["$schema"].is_object(), "{schema:#}");
    }
}
