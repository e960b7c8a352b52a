//! Rows of the Sources pane: outlet, date and enough of the title to tell two reports
//! of one outlet apart, even on a narrow terminal.

use ratatui::text::{Line, Span};

use crate::story::safe_text::{clean_chars, clean_line, fit_to_width, truncate_to_width, width};
use crate::tui::app::App;
use crate::tui::ui::list_columns::Widths;
use crate::tui::ui::theme::Theme;

/// One source's row `cells` wide: `●` an origin or `←` relying on another, the
/// outlet, the date where the pane has room for it, then the title; the outlet and
/// date columns `widths` wide, the same on every row.
pub(super) fn source_line(
    app: &App,
    index: usize,
    (cells, widths): (usize, Widths),
    theme: Theme,
) -> Line<'static> {
    let row = &app.panes.source_rows[index];
    let (mark, mark_style) = match row.via {
        Some(_) => ("←", theme.dim()),
        None => ("●", theme.value()),
    };
    let mut spans = vec![Span::styled(format!("{mark} "), mark_style)];
    let mut used = 2;
    let mut column = |text: &str, cols: usize, style, used: &mut usize| {
        let cols = cols.min(cells.saturating_sub(*used));
        if cols > 0 {
            let text = fit_to_width(&clean_line(text), cols.saturating_sub(1));
            spans.push(Span::styled(format!("{text} "), style));
            *used += cols;
        }
    };
    column(&row.outlet, widths.lead, theme.plain(), &mut used);
    column(&row.published, widths.status, theme.date(), &mut used);
    let room = cells.saturating_sub(used);
    if room > 0 {
        let siblings: Vec<&str> = app
            .panes
            .source_rows
            .iter()
            .filter(|other| other.source != row.source && other.outlet == row.outlet)
            .map(|other| other.title.as_str())
            .collect();
        let title = distinguishing_title(&clean_line(&row.title), &siblings, room);
        spans.push(Span::styled(title, theme.dim()));
    }
    Line::from(spans)
}

/// The title cut to `room` cells; when that would look the same as a sibling's
/// (another report of the same outlet), it starts instead at the word where the two
/// titles part, after a `…`.
pub(super) fn distinguishing_title(title: &str, siblings: &[&str], room: usize) -> String {
    let shown = truncate_to_width(title, room);
    // A sibling shown the same starts with what is shown of this title: checked on the
    // fly first, since a big story's outlet can have hundreds of reports.
    let kept = shown.strip_suffix('…').unwrap_or(&shown);
    let kept_chars = kept.chars().count();
    let clashes = siblings
        .iter()
        .filter(|s| clean_chars(s).take(kept_chars).eq(kept.chars()))
        .map(|s| clean_line(s))
        .filter(|s| truncate_to_width(s, room) == shown);
    // Where the title parts from the sibling it shares the longest start with.
    let parting = clashes
        .map(|sibling| {
            title
                .char_indices()
                .zip(sibling.chars())
                .find(|((_, a), b)| a != b)
                .map_or(title.len().min(sibling.len()), |((at, _), _)| at)
        })
        .max();
    let Some(parting) = parting else {
        return shown;
    };
    let word_start = title[..parting].rfind(' ').map_or(0, |space| space + 1);
    if word_start == 0 || width(&title[..word_start]) < 2 {
        return shown;
    }
    truncate_to_width(&format!("…{}", &title[word_start..]), room)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_reports_of_one_outlet_are_told_apart() {
        let a = "Apple picks Alibaba for AI in China, report says, citing people";
        let b = "Apple picks Alibaba for AI in China, regulator files arrive";
        let shown_a = distinguishing_title(a, &[b], 24);
        let shown_b = distinguishing_title(b, &[a], 24);
        assert_ne!(shown_a, shown_b);
        assert!(shown_a.starts_with("…report"), "{shown_a}");
        assert!(shown_b.starts_with("…regulator"), "{shown_b}");
        assert!(width(&shown_a) <= 24 && width(&shown_b) <= 24);
        // No sibling, or one that differs early: the start of the title.
        assert_eq!(distinguishing_title(a, &[], 11), "Apple pick…");
        assert_eq!(
            distinguishing_title(a, &["Baidu loses Apple"], 11),
            "Apple pick…"
        );
    }
}
