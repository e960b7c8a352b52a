//! The widths of a list pane's columns, worked out once a frame from the rows shown:
//! each column as wide as its widest text there (and one blank), a column no row
//! shown uses takes no room, so every row lines up with the others and the last
//! column (title, label) has every cell the others do not need. A row whose last
//! column is still too long ends in `…` at the pane's edge.

use std::ops::Range;

use crate::story::safe_text::{clean_line, width};
use crate::tui::app::{App, Pane};

/// One pane's column widths, in cells, each with its trailing blank; 0 leaves the
/// column out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Widths {
    /// The first column: a timeline date, a candidate's name, a metric's value, a
    /// source's outlet.
    pub lead: usize,
    /// The badges (disputed, overdue), where a row shown has one.
    pub badges: usize,
    /// A candidacy's stage, a source's date.
    pub status: usize,
}

/// The widest of `texts` plus its blank, at most `cap`; 0 when every one is empty.
fn widest(texts: impl Iterator<Item = String>, cap: usize) -> usize {
    texts
        .map(|text| width(&clean_line(&text)))
        .filter(|&cols| cols > 0)
        .max()
        .map_or(0, |cols| (cols + 1).min(cap))
}

/// The badge column for rows with (disputed, overdue) flags.
fn badge_cols(flags: impl Iterator<Item = (bool, bool)>) -> usize {
    flags
        .map(|(disputed, overdue)| usize::from(disputed) + usize::from(overdue))
        .max()
        .map_or(0, |marks| if marks == 0 { 0 } else { marks + 1 })
}

/// The widths of `pane`'s columns for the rows `shown`, `cells` wide.
pub(super) fn widths(app: &App, pane: Pane, shown: Range<usize>, cells: usize) -> Widths {
    match pane {
        Pane::Timeline => {
            let rows: Vec<_> = shown.filter_map(|i| app.timeline_row(i)).collect();
            let dates = (rows.iter()).map(|row| app.story.file.events[row.event].date.human());
            Widths {
                // A date is never cut while it takes at most half the row.
                lead: widest(dates, cells / 2),
                badges: badge_cols(rows.iter().map(|row| (row.disputed, row.overdue))),
                // The status word opens the title column.
                status: 0,
            }
        }
        Pane::Candidates => {
            let rows = &app.panes.candidate_rows[shown];
            let names = rows.iter().map(|row| {
                let mark = if row.undescribed { "○" } else { "" };
                format!("{mark}{}", row.name)
            });
            Widths {
                lead: widest(names, 19),
                badges: badge_cols(rows.iter().map(|row| (row.disputed, false))),
                status: widest(rows.iter().map(|row| row.current.label().to_owned()), 16),
            }
        }
        Pane::Metrics => {
            let rows = &app.panes.metric_rows[shown];
            Widths {
                lead: widest(rows.iter().map(|row| row.value.clone()), 27),
                badges: badge_cols(rows.iter().map(|row| (row.disputed, false))),
                status: 0,
            }
        }
        Pane::Sources => {
            let rows = &app.panes.source_rows[shown];
            let narrow = cells < 60;
            Widths {
                lead: widest(
                    rows.iter().map(|row| row.outlet.clone()),
                    if narrow { 12 } else { 16 },
                ),
                badges: 0,
                // The date gives way on a narrow pane: the title tells reports apart.
                status: if narrow {
                    0
                } else {
                    widest(rows.iter().map(|row| row.published.clone()), 12)
                },
            }
        }
        Pane::Detail => Widths::default(),
    }
}
