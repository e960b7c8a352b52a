//! A reload of the story file, as a message for the explorer: either the new story,
//! which replaces the old one keeping the reader's place (focus, selections by id,
//! trail, filter, as-of date), or the problems of a broken save, shown until the file
//! is valid again while the last good story stays on screen. Pure: no I/O here.

use crate::story::load::{Location, Problem};
use crate::story::{RecordRef, Story};

use super::app::{App, Mode, Pane};

/// How many of a broken file's problems are spelled out on screen.
pub const PROBLEMS_SHOWN: usize = 4;

/// What the watcher found after the file changed.
#[derive(Debug)]
pub enum Reload {
    /// The file loads: show it.
    Loaded(Box<Story>),
    /// The file does not load (yet): keep the last good story, show why.
    Broken(BrokenFile),
    /// The sources' article texts, read again after the story loaded.
    Texts(std::sync::Arc<crate::story::passage::SourceTexts>),
}

/// Why the story file on disk does not load, for the problems panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenFile {
    /// Every problem the loader found.
    pub count: usize,
    /// The first few, each with its line (when known) and record id.
    pub shown: Vec<FileProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// 1-based line in the file.
    pub line: Option<usize>,
    /// Id of the record the problem is in, when it has one.
    pub id: Option<String>,
    /// Location and message, as `check` prints them.
    pub text: String,
}

impl BrokenFile {
    /// The loader's problems for the file whose bytes are `bytes`.
    pub fn from_problems(problems: &[Problem], bytes: &[u8]) -> BrokenFile {
        let text = String::from_utf8_lossy(bytes);
        BrokenFile {
            count: problems.len(),
            shown: problems
                .iter()
                .take(PROBLEMS_SHOWN)
                .map(|problem| {
                    let (line, id) = where_in_text(&text, &problem.location);
                    FileProblem {
                        line,
                        id,
                        text: problem.to_string(),
                    }
                })
                .collect(),
        }
    }

    pub fn missing() -> BrokenFile {
        BrokenFile::one("file: the story file is not there (moved or deleted?)")
    }

    pub fn unreadable(why: &str) -> BrokenFile {
        BrokenFile::one(&format!("file: cannot be read: {why}"))
    }

    fn one(text: &str) -> BrokenFile {
        BrokenFile {
            count: 1,
            shown: vec![FileProblem {
                line: None,
                id: None,
                text: text.to_owned(),
            }],
        }
    }

    /// The line of the first problem that has one: where the editor key opens.
    pub fn first_line(&self) -> Option<usize> {
        self.shown.iter().find_map(|p| p.line)
    }
}

/// The line of a problem, and the id of the record it sits in, found in the text.
fn where_in_text(text: &str, location: &Location) -> (Option<usize>, Option<String>) {
    match location {
        Location::LineColumn { line, .. } => (Some(*line), None),
        Location::Path(path) => super::record_lines::line_and_id(text, path),
        Location::File => (None, None),
    }
}

/// Applies a reload to the explorer.
pub fn apply(app: &mut App, reload: Reload) {
    match reload {
        Reload::Broken(broken) => app.broken_file = Some(broken),
        Reload::Texts(texts) => app.texts = texts,
        Reload::Loaded(story) => {
            let was_broken = app.broken_file.take().is_some();
            app.message = None;
            replace_story(app, *story);
            let name = app.full.origin.clone();
            // An error met on the way (the as-of date could not be applied) stays.
            if app.message.is_none() {
                app.info(if was_broken {
                    format!("reloaded {name}: the problems are fixed")
                } else {
                    format!("reloaded {name}")
                });
            }
        }
    }
    super::layout::sync_scroll(app);
}

/// The reader's place, by ids, so it survives records moving in the file.
struct Place {
    selected: Vec<(Pane, Option<String>)>,
    followed: Option<String>,
    trail: Vec<String>,
    forward: Vec<String>,
    filter: Option<String>,
}

fn remember(app: &App) -> Place {
    let id = |record: RecordRef| app.story.record_id(record).to_owned();
    Place {
        selected: Pane::ALL
            .iter()
            .filter(|pane| pane.is_list())
            .map(|&pane| (pane, app.selected_record(pane).map(id)))
            .collect(),
        followed: app.followed.map(id),
        trail: app.trail.iter().map(|&r| id(r)).collect(),
        forward: app.forward.iter().map(|&r| id(r)).collect(),
        filter: app.filter.map(|e| app.story.file.entities[e].id.clone()),
    }
}

/// Swaps in the new story and finds the reader's place in it again.
fn replace_story(app: &mut App, full: Story) {
    let place = remember(app);
    app.story = match app.as_of.map(|date| full.as_of(date.latest())) {
        Some(Ok(story)) => story,
        // As when the explorer opens: never the whole story under a date.
        Some(Err(err)) => {
            app.as_of = None;
            app.error(err.to_string());
            full.clone()
        }
        None => full.clone(),
    };
    app.full = full;
    app.forget_search_index();
    let story = &app.story;
    let find = |id: &String| story.lookup(id);
    app.filter = match place.filter.as_ref().and_then(find) {
        Some(RecordRef::Entity(e)) => Some(e),
        _ => None,
    };
    app.trail = place.trail.iter().filter_map(find).collect();
    app.forward = place.forward.iter().filter_map(find).collect();
    app.followed = place.followed.as_ref().and_then(find);
    if app.followed.is_none() && !app.trail.is_empty() {
        // The record in Detail is gone: show the last one before it that is still there.
        app.followed = app.trail.pop();
    }
    app.refresh_rows();
    app.refresh_new_since();
    for (pane, id) in place.selected {
        let Some(record) = id.as_ref().and_then(|id| app.story.lookup(id)) else {
            continue;
        };
        let row = (0..app.rows_len(pane)).find(|&row| row_record(app, pane, row) == Some(record));
        if let (Some(row), Some(cursor)) = (row, app.cursor_mut(pane)) {
            cursor.selected = row;
        }
    }
    if app.chart
        && app
            .story
            .metric_groups(crate::story::views::ViewFilter::default())
            .is_empty()
    {
        app.chart = false;
    }
    if app.mode == Mode::Search {
        // The hits point into the old story: search the new one.
        super::update::rerun_search(app);
    }
}

/// The record on `row` of a list pane.
fn row_record(app: &App, pane: Pane, row: usize) -> Option<RecordRef> {
    match pane {
        Pane::Timeline => app.timeline_events.get(row).map(|&e| RecordRef::Event(e)),
        Pane::Candidates => app
            .candidate_rows
            .get(row)
            .map(|r| RecordRef::Candidacy(r.candidacy)),
        Pane::Metrics => app
            .metric_rows
            .get(row)
            .map(|r| RecordRef::Metric(r.metric)),
        Pane::Sources => app
            .source_rows
            .get(row)
            .map(|r| RecordRef::Source(r.source)),
        Pane::Detail => None,
    }
}
