//! The panes and the cursor each list pane keeps.

/// The panes, in Tab order; the number keys 1–5 follow this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The story's events in date order.
    Timeline,
    /// Each candidate weighed by each chooser, with its stages.
    Candidates,
    /// The cited metrics: figures the sources give, with who states them.
    Metrics,
    /// The articles and reports the story cites.
    Sources,
    /// The record selected (or followed) in full, with links to follow.
    Detail,
}

impl Pane {
    pub(crate) const ALL: [Pane; 5] = [
        Pane::Timeline,
        Pane::Candidates,
        Pane::Metrics,
        Pane::Sources,
        Pane::Detail,
    ];

    /// The pane's own name; `App::pane_title` gives the story's title for candidates.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Candidates => crate::story::query::candidacy::DEFAULT_CANDIDATES_TITLE,
            Pane::Metrics => "Cited metrics",
            Pane::Sources => "Sources",
            Pane::Detail => "Detail",
        }
    }

    /// For the tab bar of narrow terminals.
    pub(crate) fn short_title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Candidates => "Candidates",
            Pane::Metrics => "Metrics",
            Pane::Sources => "Sources",
            Pane::Detail => "Detail",
        }
    }

    /// The number key that focuses the pane (1–5), as its border and tab show it.
    pub fn number(self) -> u8 {
        Pane::ALL
            .iter()
            .position(|&p| p == self)
            .map_or(1, |i| i as u8 + 1)
    }

    pub(crate) fn is_list(self) -> bool {
        self != Pane::Detail
    }

    /// The list panes, in order: `App::lists` holds one cursor for each.
    pub(crate) const LISTS: [Pane; 4] = [
        Pane::Timeline,
        Pane::Candidates,
        Pane::Metrics,
        Pane::Sources,
    ];

    /// Where this pane's cursor is in `App::lists`; None for Detail.
    pub(crate) fn list_index(self) -> Option<usize> {
        Pane::LISTS.iter().position(|&p| p == self)
    }
}

/// Selection and scroll of one list pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    /// The selected row.
    pub selected: usize,
    /// First visible row; kept so the selection stays in view with little movement.
    pub offset: usize,
}

impl ListCursor {
    /// Moves by `delta` rows within `len`, clamping at the ends.
    pub fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let target = self.selected as isize + delta;
        self.selected = target.clamp(0, len as isize - 1) as usize;
    }

    /// Adjusts `offset` so the selection is inside a window of `height` rows.
    pub(crate) fn scroll_into_view(&mut self, height: usize, len: usize) {
        if height == 0 {
            return;
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}
