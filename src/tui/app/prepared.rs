//! A reloaded story made ready off the UI thread: the watcher's thread narrows it to
//! the date shown, builds the list panes' rows for the filter shown, works out what
//! is new since the previous publication date and which citations the texts doubt, so
//! the UI thread only swaps it in. Prepared for the view the explorer showed when the
//! load began; should the reader have changed the date or the filter meanwhile, the
//! swap prepares it again on the UI thread (as every reload did before).

use std::sync::Arc;
use std::sync::mpsc::Sender;

use crate::story::graph::passage::SourceTexts;
use crate::story::model::date::{DateSpec, DayNumber};
use crate::story::query::SearchIndex;
use crate::story::{RecordRef, Story};

use super::App;

/// What the explorer shows the story as: the date, the entity filter (by id, so it
/// means the same in a new version of the file) and the reader's today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewWanted {
    as_of: Option<DateSpec>,
    filter: Option<String>,
    today: DayNumber,
}

/// A loaded story and, when the view was known, the explorer's state on it.
pub struct PreparedStory {
    /// The whole story and its texts, as a fresh explorer shows them in `view`.
    pub(crate) fresh: Box<App>,
    /// The view `fresh` was prepared for; None when only the story and its texts are
    /// in it (the UI thread prepares the rest).
    pub(crate) view: Option<ViewWanted>,
    /// Whether `fresh` holds texts of its own (read with the story) or none yet, in
    /// which case the explorer keeps the texts it has.
    pub(crate) has_texts: bool,
}

impl std::fmt::Debug for PreparedStory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedStory")
            .field("origin", &self.fresh.full.origin)
            .field("view", &self.view)
            .finish()
    }
}

impl PreparedStory {
    /// Everything the explorer shows of `full` in `view` (as far as `view` is known),
    /// the sources' `texts` with it. Runs on the watcher's thread.
    pub fn prepare(full: Story, texts: Arc<SourceTexts>, view: Option<ViewWanted>) -> Self {
        let today = view.as_ref().map_or(0, |view| view.today);
        let mut fresh = Box::new(App::unrefreshed(full.clone(), full, today));
        // On the whole file: a doubt does not depend on the date shown.
        fresh.set_texts(texts);
        if let Some(view) = &view {
            fresh.show_as_of_or_every_source(view.as_of);
            fresh.panes.filter = view
                .filter
                .as_deref()
                .and_then(|id| entity(&fresh.story, id));
            fresh.refresh_rows();
            fresh.refresh_new_since();
        }
        PreparedStory {
            fresh,
            view,
            has_texts: true,
        }
    }

    /// A story that arrives alone (tests, the loading screen's reload): the UI thread
    /// prepares it, and the texts on screen stay until new ones come.
    pub fn loaded(full: Story) -> Self {
        PreparedStory {
            fresh: Box::new(App::unrefreshed(full.clone(), full, 0)),
            view: None,
            has_texts: false,
        }
    }

    /// Where the new story's search index will arrive, for a story prepared for a view:
    /// the story to build it from, and where to send it. The explorer takes it with the
    /// story when the view still fits (else the index is dropped unused).
    pub fn build_index_later(&mut self) -> Option<(Story, Sender<SearchIndex>)> {
        self.view.as_ref()?;
        let (sender, receiver) = std::sync::mpsc::channel();
        self.fresh.overlay.index_build = Some(receiver);
        Some((self.fresh.story.clone(), sender))
    }

    /// The story loaded.
    pub fn whole_story(&self) -> &Story {
        &self.fresh.full
    }

    /// The sources' texts read with it (empty when it came alone).
    pub fn texts(&self) -> &SourceTexts {
        &self.fresh.detail.texts
    }

    /// Whether this was prepared for the view `app` shows now, and without a hitch (a
    /// date the story cannot be narrowed to is the UI thread's to report: it prepares
    /// the story again, and says why on the status line).
    pub(crate) fn fits(&self, app: &App) -> bool {
        let clean = self.fresh.session.message.is_none();
        self.view.as_ref().is_some_and(|view| {
            clean && *view == app.view_wanted() && self.fresh.as_of == view.as_of
        })
    }
}

/// The entity with this id in `story`, if it has one.
pub(crate) fn entity(story: &Story, id: &str) -> Option<usize> {
    match story.lookup(id) {
        Some(RecordRef::Entity(e)) => Some(e),
        _ => None,
    }
}

impl App {
    /// The view shown now, for preparing a reload off the UI thread.
    pub fn view_wanted(&self) -> ViewWanted {
        ViewWanted {
            as_of: self.as_of,
            filter: (self.panes.filter).map(|e| self.story.file.entities[e].id.to_string()),
            today: self.session.today,
        }
    }
}
