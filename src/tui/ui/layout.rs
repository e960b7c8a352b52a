//! Where each pane goes at a given terminal size, shared by drawing and by mouse hit
//! testing so a click lands on what was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::tui::app::{App, Pane};

/// Below this the explorer shows only a message asking for more room.
pub(crate) const MIN_WIDTH: u16 = 40;
pub(crate) const MIN_HEIGHT: u16 = 10;
/// From this size on, all panes show at once.
pub(crate) const WIDE_WIDTH: u16 = 120;
pub(crate) const WIDE_HEIGHT: u16 = 30;

/// Where each part of the screen goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    /// The title bar.
    pub title: Rect,
    /// The tab bar, on narrow terminals only.
    pub tabs: Option<Rect>,
    /// Each visible pane with its outer rectangle (border included).
    pub panes: Vec<(Pane, Rect)>,
    /// The status bar.
    pub status: Rect,
}

/// What the mouse is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hit {
    /// A pane, and the row under the pointer if any: a list's row index, or for
    /// Detail the row inside the pane (0 is the top line shown).
    Pane(Pane, Option<usize>),
    Tab(Pane),
}

pub(crate) fn is_too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub(crate) fn is_wide(area: Rect) -> bool {
    area.width >= WIDE_WIDTH && area.height >= WIDE_HEIGHT
}

/// The areas at terminal size `area`; on a narrow terminal only `focus` shows.
pub fn compute(area: Rect, focus: Pane) -> Areas {
    compute_zoomed(area, focus, false)
}

/// The areas the explorer draws: zoomed, the focused pane alone takes every row
/// between the title and status bars, tab bar included.
pub(crate) fn for_app(area: Rect, app: &App, focus: Pane) -> Areas {
    compute_zoomed(area, focus, app.panes.zoomed)
}

/// As [`compute`]; `zoomed`, only `focus` shows, on the whole body, with no tab bar.
pub(crate) fn compute_zoomed(area: Rect, focus: Pane, zoomed: bool) -> Areas {
    if zoomed {
        let [title, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        return Areas {
            title,
            tabs: None,
            panes: vec![(focus, body)],
            status,
        };
    }
    let wide = is_wide(area);
    let [title, tabs, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if wide { 0 } else { 1 }),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if !wide {
        return Areas {
            title,
            tabs: Some(tabs),
            panes: vec![(focus, body)],
            status,
        };
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(body);
    let [timeline, lower] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(left);
    let [candidates, metrics] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(lower);
    let [detail, sources] =
        Layout::vertical([Constraint::Percentage(68), Constraint::Percentage(32)]).areas(right);
    Areas {
        title,
        tabs: None,
        panes: vec![
            (Pane::Timeline, timeline),
            (Pane::Candidates, candidates),
            (Pane::Metrics, metrics),
            (Pane::Sources, sources),
            (Pane::Detail, detail),
        ],
        status,
    }
}

/// The area inside a pane's border.
pub fn inner(rect: Rect) -> Rect {
    Rect {
        x: rect.x.saturating_add(1),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(2),
    }
}

/// The whole terminal at its last known size.
pub(crate) fn screen(app: &App) -> Rect {
    Rect::new(0, 0, app.session.size.0, app.session.size.1)
}

/// The rows a list pane shows at the current size.
pub(crate) fn visible_rows(app: &App, pane: Pane) -> usize {
    let area = screen(app);
    if is_too_small(area) {
        return 0;
    }
    for_app(area, app, app.panes.focus)
        .panes
        .iter()
        .find(|(p, _)| *p == pane)
        .map_or(0, |(_, rect)| usize::from(inner(*rect).height))
}

/// Keeps every list's selection inside its window after a move or a resize.
pub(crate) fn sync_scroll(app: &mut App) {
    for pane in [
        Pane::Timeline,
        Pane::Candidates,
        Pane::Metrics,
        Pane::Sources,
    ] {
        let height = visible_rows(app, pane);
        let len = app.rows_len(pane);
        if let Some(cursor) = app.cursor_mut(pane) {
            cursor.scroll_into_view(height, len);
        }
    }
}

/// Detail's inner size at the current terminal size: (width, height).
pub(crate) fn detail_size(app: &App) -> (usize, usize) {
    let area = screen(app);
    for_app(area, app, Pane::Detail)
        .panes
        .iter()
        .find(|(p, _)| *p == Pane::Detail)
        .map_or((usize::from(area.width), 0), |(_, rect)| {
            let inside = inner(*rect);
            (usize::from(inside.width), usize::from(inside.height))
        })
}

/// The scroll Detail is drawn at: the stored one, kept within the document.
pub(crate) fn clamp_detail_scroll(scroll: usize, lines: usize, height: usize) -> usize {
    scroll.min(lines.saturating_sub(height))
}

/// Rows a page key moves: the focused pane's visible height, less one row kept for
/// context.
pub(crate) fn page_rows(app: &App) -> usize {
    let height = if app.panes.focus == Pane::Detail {
        detail_size(app).1
    } else {
        visible_rows(app, app.panes.focus)
    };
    height.saturating_sub(1).max(1)
}

pub(crate) fn hit_test(app: &App, column: u16, row: u16) -> Option<Hit> {
    let area = screen(app);
    if is_too_small(area) {
        return None;
    }
    let areas = for_app(area, app, app.panes.focus);
    let position = ratatui::layout::Position::new(column, row);
    if let Some(tabs) = areas.tabs {
        if tabs.contains(position) {
            // Tabs are drawn as equal-width cells, one per pane.
            let cell = (tabs.width / Pane::ALL.len() as u16).max(1);
            let index = usize::from((column - tabs.x) / cell).min(Pane::ALL.len() - 1);
            return Some(Hit::Tab(Pane::ALL[index]));
        }
    }
    let (pane, rect) = areas
        .panes
        .iter()
        .copied()
        .find(|(_, rect)| rect.contains(position))?;
    let inside = inner(rect);
    if !inside.contains(position) {
        return Some(Hit::Pane(pane, None));
    }
    let offset_row = usize::from(row - inside.y);
    let index = if pane == Pane::Detail {
        offset_row
    } else {
        app.cursor(pane).offset + offset_row
    };
    Some(Hit::Pane(pane, Some(index)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_every_pane_inside_the_body() {
        let area = Rect::new(0, 0, 160, 45);
        let areas = compute(area, Pane::Metrics);
        assert_eq!(areas.tabs, None);
        assert_eq!(areas.panes.len(), Pane::ALL.len());
        for (pane, rect) in &areas.panes {
            assert!(area.contains(rect.as_position()), "{pane:?}");
            assert!(
                rect.y > areas.title.y && rect.bottom() <= areas.status.y,
                "{pane:?}"
            );
        }
        for (i, (_, a)) in areas.panes.iter().enumerate() {
            for (_, b) in &areas.panes[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn narrow_terminals_show_the_focused_pane_under_tabs() {
        let areas = compute(Rect::new(0, 0, 80, 24), Pane::Sources);
        assert!(areas.tabs.is_some());
        assert_eq!(areas.panes.len(), 1);
        assert_eq!(areas.panes[0].0, Pane::Sources);
        assert!(!is_wide(Rect::new(0, 0, WIDE_WIDTH, WIDE_HEIGHT - 1)));
        assert!(is_too_small(Rect::new(0, 0, MIN_WIDTH - 1, 40)));
    }

    #[test]
    fn inner_loses_the_border() {
        let inside = inner(Rect::new(2, 3, 10, 5));
        assert_eq!(inside, Rect::new(3, 4, 8, 3));
        assert_eq!(inner(Rect::new(0, 0, 1, 1)).width, 0);
    }

    #[test]
    fn detail_scroll_stays_within_the_document() {
        assert_eq!(clamp_detail_scroll(50, 30, 10), 20);
        assert_eq!(clamp_detail_scroll(5, 30, 10), 5);
        assert_eq!(clamp_detail_scroll(5, 3, 10), 0);
    }
}
