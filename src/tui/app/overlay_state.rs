//! The overlays' part of the explorer's state: which overlay (if any) takes the keys,
//! the search box with its index and worker, and the help palette.

use std::sync::Arc;

use crate::story::query::{SearchIndex, SearchWorker};

use super::command_palette::PaletteState;
use super::search_state::{BACKGROUND_SEARCH_NAMES, SearchState};

/// What the keys act on: the panes, or an overlay over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The panes.
    Normal,
    /// The search overlay: typing goes into the query.
    Search,
    /// Help, the command palette: typing filters the commands.
    Help,
    /// The date prompt on the status line: typing goes into the date.
    Date,
}

/// The search and help overlays.
pub struct OverlayState {
    /// Whether keys go to the panes, the search overlay or help.
    pub mode: Mode,
    /// The search overlay's query and hits.
    pub search: SearchState,
    /// The help overlay's filter and highlighted command.
    pub palette: PaletteState,
    /// The date typed into the date prompt so far.
    pub date: String,
    /// Built when search is first used (not at start, which it would slow), and
    /// dropped whenever the story changes.
    pub index: Option<Arc<SearchIndex>>,
    /// Searches off the input thread once the index is big enough that a search could
    /// outlast a frame; None for smaller stories, which search in place.
    pub search_worker: Option<SearchWorker>,
    /// The index being built on another thread, started after the explorer's first
    /// frame so that no key waits for it; the search box says "indexing…" meanwhile.
    pub index_build: Option<std::sync::mpsc::Receiver<crate::story::query::SearchIndex>>,
    /// Index size from which search runs on the worker (a field so tests can lower it).
    pub background_search_names: usize,
}

impl Default for OverlayState {
    fn default() -> OverlayState {
        OverlayState {
            mode: Mode::Normal,
            search: SearchState::default(),
            palette: PaletteState::default(),
            date: String::new(),
            index: None,
            search_worker: None,
            index_build: None,
            background_search_names: BACKGROUND_SEARCH_NAMES,
        }
    }
}
