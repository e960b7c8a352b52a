//! The list panes' columns at 80×24, 120×30 and 160×45 on every story the screen
//! tests use: rows line up (no row gives up its padding), and the chart's title is
//! whole.

use crate::common::{press, screen_text};
use crate::screen_room::{every_screen, placed_segments};

/// Where `needle` starts in list row `row` of a zoomed pane (screen row `row + 2`,
/// under the title bar and the pane's border), in cells from the pane's left border:
/// its first place, or its last (`last`) where an earlier column may hold the same
/// words (a source's outlet opening its title).
fn column_of(screen: &str, row: usize, needle: &str, last: bool) -> Option<usize> {
    let line = screen.lines().nth(row + 2)?;
    let segment = placed_segments(line).into_iter().next()?.1;
    let at = if last {
        segment.rfind(needle)?
    } else {
        segment.find(needle)?
    };
    Some(segment[..at].chars().count())
}

/// The first few characters of `text`, as a row shows its start.
fn opening(text: &str) -> String {
    text.chars().take(12).collect()
}

/// The rows of each list pane line up: every timeline title (or the status word
/// before it), candidacy's stage, metric's label and source's date starts in the same
/// cell of its pane, at every size, on every story; no row gives up its padding.
#[test]
fn the_rows_of_a_list_line_up() {
    for (what, mut app) in every_screen() {
        let mut starts: Vec<(&str, Vec<usize>)> = Vec::new();
        // Each pane zoomed to the whole screen, so no other pane shows the same text.
        press(&mut app, "1z");
        let screen = screen_text(&app);
        let timeline = (0..app.panes.timeline_events.len().min(8)).filter_map(|i| {
            let row = app.timeline_row(i)?;
            let mark = app.story.event_status(row.event).list_mark();
            let text = match mark {
                Some(mark) => format!("{mark} {}", row.title),
                None => row.title.clone(),
            };
            column_of(&screen, i, &opening(&text), false)
        });
        starts.push(("timeline", timeline.collect()));
        press(&mut app, "z2z");
        let screen = screen_text(&app);
        let rows: Vec<&str> = screen.lines().collect();
        let mut stages: Vec<usize> = (app.panes.candidate_rows.iter().take(8).enumerate())
            .filter_map(|(i, row)| {
                let segment = placed_segments(rows[i + 2]).into_iter().next()?.1;
                let at = segment.find(&format!(" {} ", row.current.label()))?;
                Some(segment[..at].chars().count())
            })
            .collect();
        stages.dedup();
        starts.push(("candidates", stages));
        press(&mut app, "z3z");
        let screen = screen_text(&app);
        let labels = (app.panes.metric_rows.iter().take(8).enumerate())
            .filter_map(|(i, row)| column_of(&screen, i, &opening(&row.label), false));
        starts.push(("metrics", labels.collect()));
        press(&mut app, "z4z");
        let screen = screen_text(&app);
        let titles = (app.panes.source_rows.iter().take(8).enumerate())
            .filter(|(_, row)| !row.title.is_empty())
            .filter_map(|(i, row)| column_of(&screen, i, &opening(&row.title), true));
        starts.push(("sources", titles.collect()));
        for (pane, columns) in starts {
            assert!(!columns.is_empty(), "{what}: no {pane} row found");
            assert!(
                columns.iter().all(|&c| c == columns[0]),
                "{what}: {pane} rows do not line up: {columns:?}"
            );
        }
    }
}

/// The chart's title is whole at every size: the longest of its forms that fits the
/// border (it was cut at "(employees" on the wide layouts).
#[test]
fn the_chart_title_is_never_cut() {
    for (what, mut app) in every_screen() {
        let grouped = (app.panes.metric_rows.iter())
            .position(|row| app.story.file.metrics[row.metric].group.is_some())
            .expect("a grouped metric");
        press(&mut app, &format!("3{}c", "j".repeat(grouped)));
        let screen = screen_text(&app);
        let row = (screen.lines())
            .find(|row| row.contains("▶ 3 "))
            .unwrap_or_else(|| panic!("{what}: no chart title:\n{screen}"));
        let title = row.split("▶ 3 ").nth(1).unwrap_or_default();
        let title = title
            .split(['━', '─', '┓'])
            .next()
            .unwrap_or_default()
            .trim();
        assert!(
            title.ends_with(')') || title.ends_with("chart"),
            "{what}: {title}"
        );
    }
}
