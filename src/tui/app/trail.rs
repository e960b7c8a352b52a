//! The records followed in Detail: where the trail started, the hops behind the record
//! shown, and the ones Backspace stepped back over (which `]` retraces); and where
//! Detail's link cursor stood on each record left behind, so going back restores it.

use crate::story::RecordRef;

use crate::tui::app::panes::Pane;

/// The hops from a list's selection through the records followed in Detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trail {
    /// The record Detail shows when the user followed a link; None shows the selection.
    pub followed: Option<RecordRef>,
    /// Records visited before `followed`, oldest first: the breadcrumb.
    pub back: Vec<RecordRef>,
    /// Records stepped back over, the most recent last.
    pub forward: Vec<RecordRef>,
    /// The list pane the trail started from, first in the breadcrumb.
    pub start: Pane,
    /// Where the cursor stood on each record of `back` when it was left, in step.
    pub back_cursors: Vec<(RecordRef, Cursor)>,
    /// Where the cursor stood on each record of `forward` when Backspace left it, in
    /// step, so `]` puts it back as Backspace does.
    pub forward_cursors: Vec<(RecordRef, Cursor)>,
}

/// Detail's link cursor and scroll on one record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Which link the cursor is on.
    pub link: usize,
    /// First line shown.
    pub scroll: usize,
}

impl Default for Trail {
    fn default() -> Trail {
        Trail {
            followed: None,
            back: Vec::new(),
            forward: Vec::new(),
            start: Pane::Timeline,
            back_cursors: Vec::new(),
            forward_cursors: Vec::new(),
        }
    }
}

impl Trail {
    /// Whether Detail is off the list's selection.
    pub fn is_active(&self) -> bool {
        self.followed.is_some() || !self.back.is_empty()
    }

    /// Forgets every hop, forward ones too: Detail shows the list's selection again.
    /// True if Detail was off the selection.
    pub fn reset(&mut self) -> bool {
        let was_active = self.is_active();
        self.followed = None;
        self.back.clear();
        self.forward.clear();
        self.back_cursors.clear();
        self.forward_cursors.clear();
        was_active
    }

    /// Follows a link from `shown` (what Detail shows now) to `target`, starting the
    /// trail at `list` when it is new; forward history is dropped. False when `target`
    /// is already shown.
    pub fn hop(&mut self, shown: Option<RecordRef>, target: RecordRef, list: Pane) -> bool {
        if shown == Some(target) {
            return false;
        }
        if self.followed.is_none() {
            self.start = list;
        }
        self.back.extend(shown);
        self.followed = Some(target);
        self.forward.clear();
        self.forward_cursors.clear();
        true
    }

    /// Notes that the cursor stood at `cursor` on `left`, the record just hopped from.
    pub fn remember(&mut self, left: RecordRef, cursor: Cursor) {
        self.back_cursors.push((left, cursor));
    }

    /// Where the cursor stood on `record` when it was left, if it was noted; taken
    /// off the stack, as Backspace takes `record` off `back`.
    pub fn recall(&mut self, record: Option<RecordRef>) -> Option<Cursor> {
        let (left, cursor) = self.back_cursors.pop()?;
        (Some(left) == record).then_some(cursor)
    }

    /// Notes that Backspace left `left` with the cursor at `cursor`.
    pub fn remember_forward(&mut self, left: RecordRef, cursor: Cursor) {
        self.forward_cursors.push((left, cursor));
    }

    /// Where the cursor stood on `record` when Backspace left it, for `]`; taken off
    /// the stack, as `]` takes `record` off `forward`.
    pub fn recall_forward(&mut self, record: Option<RecordRef>) -> Option<Cursor> {
        let (left, cursor) = self.forward_cursors.pop()?;
        (Some(left) == record).then_some(cursor)
    }

    /// Steps back one hop. Back at the start, Detail shows the list's `selection`
    /// again rather than a followed copy of it. False when there is nothing behind.
    pub fn back(&mut self, selection: Option<RecordRef>) -> bool {
        let Some(previous) = self.back.pop() else {
            return false;
        };
        self.forward.extend(self.followed);
        self.followed = if self.back.is_empty() && Some(previous) == selection {
            None
        } else {
            Some(previous)
        };
        true
    }

    /// Retraces the hop last stepped back over, from `shown`. False when there is none.
    pub fn forward(&mut self, shown: Option<RecordRef>) -> bool {
        let Some(next) = self.forward.pop() else {
            return false;
        };
        self.back.extend(shown);
        self.followed = Some(next);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SELECTED: RecordRef = RecordRef::Event(0);
    const A: RecordRef = RecordRef::Entity(1);
    const B: RecordRef = RecordRef::Entity(2);

    #[test]
    fn hops_go_back_to_the_selection_and_forward_again() {
        let mut trail = Trail::default();
        assert!(trail.hop(Some(SELECTED), A, Pane::Metrics));
        assert!(trail.hop(Some(A), B, Pane::Sources));
        assert_eq!(
            trail.start,
            Pane::Metrics,
            "the trail starts where it began"
        );
        assert_eq!(
            (trail.followed, trail.back.clone()),
            (Some(B), vec![SELECTED, A])
        );
        assert!(trail.back(Some(SELECTED)));
        assert_eq!(trail.followed, Some(A));
        assert!(trail.back(Some(SELECTED)));
        assert_eq!(
            trail.followed, None,
            "at the start Detail follows the list again"
        );
        assert!(!trail.back(Some(SELECTED)));
        assert_eq!(trail.forward, vec![B, A]);
        assert!(trail.forward(Some(SELECTED)));
        assert_eq!(
            (trail.followed, trail.back.clone()),
            (Some(A), vec![SELECTED])
        );
    }

    #[test]
    fn a_new_hop_drops_forward_history_and_a_hop_to_itself_is_none() {
        let mut trail = Trail::default();
        trail.hop(Some(SELECTED), A, Pane::Timeline);
        trail.back(Some(SELECTED));
        assert!(!trail.forward.is_empty());
        assert!(!trail.hop(Some(SELECTED), SELECTED, Pane::Timeline));
        trail.hop(Some(SELECTED), B, Pane::Timeline);
        assert!(trail.forward.is_empty());
    }

    #[test]
    fn reset_forgets_everything_and_says_whether_there_was_anything() {
        let mut trail = Trail::default();
        assert!(!trail.reset());
        trail.hop(Some(SELECTED), A, Pane::Timeline);
        trail.back(Some(SELECTED));
        assert!(
            !trail.reset(),
            "forward history alone leaves Detail on the selection"
        );
        assert!(trail.forward.is_empty());
        trail.hop(None, A, Pane::Timeline);
        assert!(trail.reset());
        assert_eq!(
            trail,
            Trail {
                start: Pane::Timeline,
                ..Trail::default()
            }
        );
    }

    #[test]
    fn the_cursor_left_on_a_record_is_recalled_once() {
        let mut trail = Trail::default();
        let at = Cursor { link: 2, scroll: 1 };
        trail.remember(SELECTED, at);
        assert_eq!(trail.recall(Some(SELECTED)), Some(at));
        assert_eq!(trail.recall(Some(SELECTED)), None);
        trail.remember(A, at);
        assert_eq!(
            trail.recall(Some(B)),
            None,
            "another record starts at the top"
        );
    }
}
