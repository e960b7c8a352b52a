//! `storyscope export VIEW`: a view of the story as Markdown, to stdout or a file,
//! with the ids on the command line checked and near misses suggested.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::bad_input::BadInput;
use crate::cli::ViewArg;
use crate::commands::loaded::Loaded;
use crate::commands::output::write_stdout_with;
use crate::completion;
use crate::story::RecordRef;
use crate::story::model::date::DateSpec;
use crate::story::query::views::ViewFilter;
use crate::story::report::export::{ExportOptions, ExportView, write_markdown};
use crate::story::safe_text::{clean_line, did_you_mean};

/// What `export` was asked for, as on the command line.
pub(super) struct ExportArgs<'a> {
    pub(super) view: ViewArg,
    pub(super) id: Option<&'a str>,
    pub(super) filter: Option<&'a str>,
    pub(super) output: Option<&'a Path>,
    pub(super) since: Option<&'a str>,
}

/// Writes the view; the exit code is 0.
pub(super) fn run_export(loaded: &Loaded, args: &ExportArgs<'_>) -> Result<i32> {
    let new_since = args
        .since
        .map(|text| crate::commands::diff::new_marks(loaded, text))
        .transpose()?;
    let view = resolve_view(loaded, args.view, args.id)?;
    let entity = args.filter.map(|id| entity_arg(loaded, id)).transpose()?;
    let options = ExportOptions {
        filter: ViewFilter { entity },
        as_of: loaded.as_of,
        selected: None,
        chart: true,
        new_since,
    };
    // Written as it is made: a big story's export is never held whole.
    let write =
        |sink: &mut dyn Write| write_markdown(&loaded.story, view, &options, loaded.clock, sink);
    match args.output {
        Some(path) => crate::fsutil::write_atomic_with(path, write)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => write_stdout_with(write)?,
    }
    Ok(0)
}

/// `--filter` (and `--id` of `export entity`): an entity's id.
fn entity_arg(loaded: &Loaded, id: &str) -> Result<usize> {
    let story = &loaded.story;
    match story.lookup(id) {
        Some(RecordRef::Entity(index)) => Ok(index),
        _ => {
            if let Some(RecordRef::Entity(_)) = loaded.full.lookup(id) {
                return Err(not_yet_known(loaded, "entity", id));
            }
            let names = story.file.entities.iter().map(|e| e.id.as_str());
            let hint = match did_you_mean(id, names) {
                Some(near) => format!(" (did you mean `{near}`?)"),
                None => " (`storyscope search NAME` finds ids)".to_owned(),
            };
            Err(BadInput(format!("no entity with id `{}`{hint}", clean_line(id))).into())
        }
    }
}

/// The view `export` names, with the record `--id` names where the view needs one.
fn resolve_view(loaded: &Loaded, view: ViewArg, id: Option<&str>) -> Result<ExportView> {
    Ok(match view {
        ViewArg::Timeline => ExportView::Timeline,
        ViewArg::Candidates => ExportView::Candidates,
        ViewArg::Metrics => ExportView::Metrics,
        ViewArg::Disputes => ExportView::Disputes,
        ViewArg::Sources => ExportView::Sources,
        ViewArg::Report => ExportView::Report,
        ViewArg::Entity => {
            let id = id.ok_or_else(|| BadInput("the entity view needs --id ID".to_owned()))?;
            ExportView::Entity(entity_arg(loaded, id)?)
        }
        ViewArg::Record => {
            let id = id.ok_or_else(|| BadInput("the record view needs --id ID".to_owned()))?;
            ExportView::Record(record_arg(loaded, id)?)
        }
    })
}

/// `--id` of `export record`: any record's id.
fn record_arg(loaded: &Loaded, id: &str) -> Result<RecordRef> {
    let story = &loaded.story;
    story.lookup(id).ok_or_else(|| {
        if let Some(record) = loaded.full.lookup(id) {
            return not_yet_known(loaded, record.kind_label(), id);
        }
        let ids = completion::ids(story, false);
        let hint = match did_you_mean(id, ids.iter().map(|(id, _)| id.as_str())) {
            Some(near) => format!(" (did you mean `{near}`?)"),
            None => " (`storyscope search NAME` finds ids)".to_owned(),
        };
        BadInput(format!("no record with id `{}`{hint}", clean_line(id))).into()
    })
}

/// A record of the whole story that the `--as-of` date does not know yet: said so,
/// with the day it first becomes known, rather than called missing.
fn not_yet_known(loaded: &Loaded, kind: &str, id: &str) -> anyhow::Error {
    let as_of = loaded.as_of.map_or_else(String::new, |d| d.human());
    let first = match loaded.full.first_known(id) {
        Some(day) => format!("first known {}", DateSpec::from_day_number(day).human()),
        None => "no dated source makes it known".to_owned(),
    };
    BadInput(format!(
        "{kind} `{}` is not known as of {as_of} ({first}); leave out --as-of to see it",
        clean_line(id)
    ))
    .into()
}
