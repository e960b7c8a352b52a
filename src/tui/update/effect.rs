//! What `update` asks the shell to do outside the state: write an export, put text on
//! the clipboard, open the editor; and the pure part of each (the Markdown, the
//! editor's target).

use std::path::PathBuf;

use crate::story::RecordRef;
use crate::story::query::views::ViewFilter;
use crate::story::report::export::{ExportOptions, ExportView};
use crate::tui::app::{App, Pane};

/// Something for the event loop to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write this Markdown to a new file named after `stem` in the export folder.
    Export {
        /// The file name without its counter and extension: `storyscope-timeline`.
        stem: String,
        /// What the file holds.
        markdown: String,
    },
    /// Put this text on the clipboard.
    Copy(String),
    /// Hand the terminal to the editor on the story file.
    Edit(EditRequest),
}

/// What the editor key asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditRequest {
    /// The story file.
    pub file: PathBuf,
    /// Where in it to open.
    pub target: EditTarget,
}

/// Where in the file to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    /// A known line (the first problem of a broken file).
    Line(usize),
    /// The record with this id, last seen at `path` (None when the explorer shows
    /// the story as of a date, whose records are not numbered as in the file); its
    /// line is looked up in the file when the key is used.
    Record {
        /// The record's id.
        id: String,
        /// Where it was in the file (`events[3]`): the quick way to its line, used
        /// when the record there still has this id.
        path: Option<String>,
    },
}

/// The editor on the story file: at the first problem while the file is broken, else
/// at the record Detail shows. The embedded story has no file to open.
pub(super) fn edit_request(app: &mut App) -> Option<EditRequest> {
    let Some(file) = app.session.story_file.clone() else {
        app.error(
            "the embedded story has no file to edit: `storyscope new FILE` starts one, `storyscope --story FILE` opens it",
        );
        return None;
    };
    let target = match (
        app.session
            .broken_file
            .as_ref()
            .and_then(|b| b.first_line()),
        app.detail_target(),
    ) {
        (Some(line), _) => EditTarget::Line(line),
        (None, Some(record)) => EditTarget::Record {
            id: app.story.record_id(record).to_owned(),
            path: app
                .as_of
                .is_none()
                .then(|| crate::story::graph::record_path(record)),
        },
        (None, None) => EditTarget::Line(1),
    };
    Some(EditRequest { file, target })
}

/// The record in Detail as Markdown, for the clipboard.
pub(super) fn copy(app: &mut App) -> Option<Effect> {
    let record = app.detail_target()?;
    let markdown =
        crate::story::report::document::to_markdown(&app.detail_source().document(record));
    // Pasted elsewhere, the text must still say which date it describes.
    let dated = match app.as_of {
        Some(date) => format!(
            "_As of {}: {}._\n\n",
            date.human(),
            crate::story::graph::provenance::AS_OF_RULE
        ),
        None => "_With all sources (no as-of date)._\n\n".to_owned(),
    };
    let markdown = dated + &markdown;
    app.info(format!(
        "copied “{}” as Markdown",
        app.story.record_title(record)
    ));
    Some(Effect::Copy(markdown))
}

pub(super) fn export(app: &mut App) -> Option<Effect> {
    let filter = ViewFilter {
        entity: app.panes.filter,
    };
    let (view, options_filter) = match app.panes.focus {
        Pane::Timeline => (ExportView::Timeline, filter),
        // Every list pane is filtered on screen, so its export is too.
        Pane::Candidates => (ExportView::Candidates, filter),
        Pane::Metrics => (ExportView::Metrics, filter),
        Pane::Sources => (ExportView::Sources, filter),
        // What Detail shows: an entity with everything linked to it, else the record.
        Pane::Detail => match app.detail_target() {
            Some(RecordRef::Entity(e)) => (ExportView::Entity(e), ViewFilter::default()),
            Some(record) => (ExportView::Record(record), ViewFilter::default()),
            None => (ExportView::Report, ViewFilter::default()),
        },
    };
    let options = ExportOptions {
        filter: options_filter,
        as_of: app.as_of,
        selected: app.detail_target().map(|r| app.story.record_title(r)),
        chart: app.panes.chart && view == ExportView::Metrics,
        // After a step the marks on screen go into the export, with both dates.
        new_since: app.new_since.as_ref().and_then(|n| {
            n.since.map(|since| crate::story::time::diff::NewMarks {
                since,
                diff: n.diff.clone(),
            })
        }),
    };
    let markdown =
        crate::story::report::export::export_markdown(&app.story, view, &options, app.clock());
    Some(Effect::Export {
        stem: format!("storyscope-{}", view.name()),
        markdown,
    })
}
