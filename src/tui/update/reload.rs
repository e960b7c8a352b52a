//! A reload of the story file, as a message for the explorer: either the new story,
//! which replaces the old one keeping the reader's place (focus, selections by id,
//! trail, filter, as-of date), or the problems of a broken save, shown until the file
//! is valid again while the last good story stays on screen. Pure: no I/O here.

use crate::story::{RecordRef, Story};
use crate::tui::app::prepared::{PreparedStory, entity};

/// The problems a `Reload::Broken` carries.
pub use crate::tui::app::broken_file::BrokenFile;
use crate::tui::app::trail::Cursor;
use crate::tui::app::{App, MessageKind, Mode, Pane};

/// The status line while a changed file loads.
const RELOADING: &str = "reloading…";

/// What the watcher found after the file changed.
#[derive(Debug)]
pub enum Reload {
    /// The file changed and is being loaded; the story on screen stays until it is.
    Reading,
    /// The file loads: show it (the UI thread prepares the panes).
    Loaded(Box<Story>),
    /// The file loads, and what the explorer shows of it was made ready on the
    /// watcher's thread: swap it in.
    Ready(Box<PreparedStory>),
    /// The file does not load (yet): keep the last good story, show why.
    Broken(BrokenFile),
    /// The sources' article texts, read again after the story loaded.
    Texts(std::sync::Arc<crate::story::graph::passage::SourceTexts>),
}

/// Applies a reload to the explorer.
pub fn apply(app: &mut App, reload: Reload) {
    match reload {
        // Said over a note ("reloaded …" from the last save), never over an error.
        Reload::Reading => {
            let error = matches!(app.session.message, Some((_, MessageKind::Error)));
            if !error {
                app.info(RELOADING);
            }
        }
        Reload::Broken(broken) => {
            if app
                .session
                .message
                .as_ref()
                .is_some_and(|(m, _)| m == RELOADING)
            {
                app.session.message = None;
            }
            app.session.broken_file = Some(broken);
        }
        Reload::Texts(texts) => app.set_texts(texts),
        Reload::Loaded(story) => apply(app, Reload::Ready(Box::new(PreparedStory::loaded(*story)))),
        Reload::Ready(prepared) => {
            let was_broken = app.session.broken_file.take().is_some();
            app.session.message = None;
            let gone = replace_story(app, *prepared);
            let name = app.full.origin.clone();
            let fixed = if was_broken {
                ": the problems are fixed"
            } else {
                ""
            };
            // Whether the reader's place came through whole, or what of it is gone.
            let place = match gone.as_slice() {
                [] => "your place is kept".to_owned(),
                ids => format!("no longer in the file: {}", ids.join(", ")),
            };
            // An error met on the way (the as-of date could not be applied) stays.
            if app.session.message.is_none() {
                app.info(format!("reloaded {name}{fixed} · {place}"));
            }
        }
    }
    crate::tui::ui::layout::sync_scroll(app);
}

/// The reader's place, by ids, so it survives records moving in the file.
struct Place {
    selected: Vec<(Pane, Option<String>)>,
    followed: Option<String>,
    trail: Vec<String>,
    forward: Vec<String>,
    filter: Option<String>,
    /// Where Detail's cursor stood on the records behind and ahead in the trail.
    back_cursors: Vec<(String, Cursor)>,
    forward_cursors: Vec<(String, Cursor)>,
}

fn remember(app: &App) -> Place {
    let id = |record: RecordRef| app.story.record_id(record).to_owned();
    Place {
        selected: Pane::ALL
            .iter()
            .filter(|pane| pane.is_list())
            .map(|&pane| (pane, app.selected_record(pane).map(id)))
            .collect(),
        followed: app.detail.trail.followed.map(id),
        trail: app.detail.trail.back.iter().map(|&r| id(r)).collect(),
        forward: app.detail.trail.forward.iter().map(|&r| id(r)).collect(),
        filter: app
            .panes
            .filter
            .map(|e| app.story.file.entities[e].id.to_string()),
        back_cursors: by_id(app, &app.detail.trail.back_cursors),
        forward_cursors: by_id(app, &app.detail.trail.forward_cursors),
    }
}

/// Each list selects the record it had selected, by id, where the new story has it.
fn reselect(app: &mut App, selected: &[(Pane, Option<String>)]) {
    for (pane, id) in selected {
        let Some(record) = id.as_ref().and_then(|id| app.story.lookup(id)) else {
            continue;
        };
        let row = (0..app.rows_len(*pane))
            .find(|&row| app.selected_record_at(*pane, row) == Some(record));
        if let (Some(row), Some(cursor)) = (row, app.cursor_mut(*pane)) {
            cursor.selected = row;
        }
    }
}

/// Saved cursors, their records named by id.
fn by_id(app: &App, cursors: &[(RecordRef, Cursor)]) -> Vec<(String, Cursor)> {
    (cursors.iter())
        .map(|&(record, at)| (app.story.record_id(record).to_owned(), at))
        .collect()
}

/// Saved cursors found again by id in the new story (a record gone drops its own).
fn found_again(story: &Story, cursors: &[(String, Cursor)]) -> Vec<(RecordRef, Cursor)> {
    (cursors.iter())
        .filter_map(|(id, at)| Some((story.lookup(id)?, *at)))
        .collect()
}

/// The ids of the place that the new story no longer has: selections, Detail's
/// record, the trail and the filter's entity.
fn missing(story: &Story, place: &Place) -> Vec<String> {
    let selected = place.selected.iter().filter_map(|(_, id)| id.as_ref());
    let trail = place.trail.iter().chain(&place.forward);
    let mut gone: Vec<String> = (selected.chain(trail))
        .chain(place.followed.as_ref())
        .chain(place.filter.as_ref())
        .filter(|id| story.lookup(id).is_none())
        .cloned()
        .collect();
    gone.sort();
    gone.dedup();
    gone
}

/// Swaps in the new story and finds the reader's place in it again; returns the ids
/// of the place the new story no longer has.
fn replace_story(app: &mut App, prepared: PreparedStory) -> Vec<String> {
    let place = remember(app);
    let shown = app
        .detail_target()
        .map(|r| app.story.record_id(r).to_owned());
    let (fits, has_texts) = swap_in(app, prepared);
    find_place_again(app, &place);
    if fits {
        app.clamp_cursors();
    } else {
        app.refresh_rows();
        app.refresh_new_since();
    }
    if !has_texts {
        // The story changed under the texts shown: what they doubt is worked out again.
        app.refresh_doubts();
    }
    app.detail.layout = None;
    reselect(app, &place.selected);
    if app.panes.chart
        && app
            .story
            .metric_groups(crate::story::query::views::ViewFilter::default())
            .is_empty()
    {
        app.panes.chart = false;
    }
    if app.overlay.mode == Mode::Search {
        // The hits point into the old story: search the new one.
        app.rerun_search();
    }
    // Detail's cursor stays where it was on the same record; on another, it starts over.
    let now = app
        .detail_target()
        .map(|r| app.story.record_id(r).to_owned());
    if now != shown {
        app.reset_detail_cursor();
    }
    missing(&app.story, &place)
}

/// Puts the new story (and its texts) in; when it was made ready for the view shown,
/// its rows and new-since too. What it replaces, and the old search, are freed on
/// another thread (`retire`). Returns whether the rows came ready, and the texts.
fn swap_in(app: &mut App, prepared: PreparedStory) -> (bool, bool) {
    let fits = prepared.fits(app);
    let (mut fresh, has_texts) = (prepared.fresh, prepared.has_texts);
    std::mem::swap(&mut app.full, &mut fresh.full);
    std::mem::swap(&mut app.story, &mut fresh.story);
    if has_texts {
        std::mem::swap(&mut app.detail.texts, &mut fresh.detail.texts);
        std::mem::swap(&mut app.detail.doubts, &mut fresh.detail.doubts);
    }
    if fits {
        swap_rows(app, &mut fresh);
    } else {
        app.show_as_of_or_every_source(app.as_of);
    }
    let old = (app.overlay.index.take(), app.overlay.search_worker.take());
    app.forget_search_index();
    if fits {
        // The index is being built with the story, on the thread that loaded it.
        app.overlay.index_build = fresh.overlay.index_build.take();
    }
    super::retire::retire((fresh, old));
    (fits, has_texts)
}

/// The filter, the trail and Detail's record found again by id in the new story.
fn find_place_again(app: &mut App, place: &Place) {
    let story = &app.story;
    let find = |id: &String| story.lookup(id);
    app.panes.filter = place.filter.as_deref().and_then(|id| entity(story, id));
    app.detail.trail.back = place.trail.iter().filter_map(find).collect();
    app.detail.trail.forward = place.forward.iter().filter_map(find).collect();
    app.detail.trail.followed = place.followed.as_ref().and_then(find);
    app.detail.trail.back_cursors = found_again(story, &place.back_cursors);
    app.detail.trail.forward_cursors = found_again(story, &place.forward_cursors);
    if app.detail.trail.followed.is_none() && !app.detail.trail.back.is_empty() {
        // The record in Detail is gone: show the last one before it that is still there.
        app.detail.trail.followed = app.detail.trail.back.pop();
    }
}

/// The rows and new-since made ready with the story go in; the old ones go out with
/// what is retired.
fn swap_rows(app: &mut App, fresh: &mut App) {
    std::mem::swap(&mut app.new_since, &mut fresh.new_since);
    let (panes, ready) = (&mut app.panes, &mut fresh.panes);
    std::mem::swap(&mut panes.timeline_events, &mut ready.timeline_events);
    std::mem::swap(&mut panes.candidate_rows, &mut ready.candidate_rows);
    std::mem::swap(&mut panes.metric_rows, &mut ready.metric_rows);
    std::mem::swap(&mut panes.source_rows, &mut ready.source_rows);
}
