//! Where each bar of the metrics chart goes: one scale for every bar, a zero line with
//! negative values to its left, lengths in proportion to the values. Pure, so the
//! proportions are tested without a terminal.

/// Cells of one bar row, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell {
    Empty,
    /// The zero line.
    Axis,
    /// Certainly covered: from zero to the nearer end of a range, or to the value.
    Solid,
    /// Between a range's ends.
    Shade,
    /// A value too small for a whole cell, shown so it is not read as zero.
    Sliver,
}

/// The bar rows for `spans` ((low, high) of each row, already signed and normalised)
/// in `width` cells, one of them the zero line.
pub(crate) fn bar_rows(spans: &[(f64, f64)], width: usize) -> Vec<Vec<Cell>> {
    if width < 2 {
        return spans.iter().map(|_| vec![Cell::Empty; width]).collect();
    }
    let most_negative = spans.iter().map(|s| s.0).fold(0.0_f64, f64::min);
    let most_positive = spans.iter().map(|s| s.1).fold(0.0_f64, f64::max);
    let extent = most_positive - most_negative;
    let bar_cells = (width - 1) as f64;
    // One unit for both sides, so a bar of −500 is as long as one of 500.
    let per_unit = if extent > 0.0 {
        bar_cells / extent
    } else {
        0.0
    };
    let zero = ((-most_negative) * per_unit).round() as usize;
    let zero = zero.min(width - 1);
    spans
        .iter()
        .map(|&(low, high)| bar_row(low, high, Scale { zero, per_unit }, width))
        .collect()
}

/// Where zero falls on a row, and cells per unit of value.
#[derive(Clone, Copy)]
struct Scale {
    zero: usize,
    per_unit: f64,
}

/// One bar from `low` to `high` on `scale`, `width` cells wide.
fn bar_row(low: f64, high: f64, scale: Scale, width: usize) -> Vec<Cell> {
    let zero = scale.zero;
    let mut row = vec![Cell::Empty; width];
    row[zero] = Cell::Axis;
    // The nearer end to zero is certain; beyond it, up to the far end, shaded.
    let (near, far) = if low >= 0.0 {
        (low, high)
    } else if high <= 0.0 {
        (high, low)
    } else {
        (0.0, 0.0)
    };
    if low < 0.0 && high > 0.0 {
        fill(&mut row, low, Cell::Shade, scale);
        fill(&mut row, high, Cell::Shade, scale);
    } else {
        fill(&mut row, far, Cell::Shade, scale);
        fill(&mut row, near, Cell::Solid, scale);
    }
    let nonzero = low != 0.0 || high != 0.0;
    let drawn = row.iter().any(|c| matches!(c, Cell::Solid | Cell::Shade));
    if nonzero && !drawn {
        let side = if high > 0.0 {
            zero + 1
        } else {
            zero.wrapping_sub(1)
        };
        if let Some(slot) = row.get_mut(side) {
            *slot = Cell::Sliver;
        }
    }
    row
}

/// Fills the cells from zero out to `value` with `cell`; solid wins over shade, and
/// the axis stays.
fn fill(row: &mut [Cell], value: f64, cell: Cell, scale: Scale) {
    let cells = (value.abs() * scale.per_unit).round() as usize;
    for step in 1..=cells {
        let at = if value > 0.0 {
            scale.zero + step
        } else {
            scale.zero.wrapping_sub(step)
        };
        if let Some(slot) = row.get_mut(at).filter(|c| **c != Cell::Axis) {
            if *slot == Cell::Empty || cell == Cell::Solid {
                *slot = cell;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solid(row: &[Cell]) -> usize {
        row.iter().filter(|c| **c == Cell::Solid).count()
    }

    fn axis(row: &[Cell]) -> usize {
        row.iter().position(|c| *c == Cell::Axis).unwrap()
    }

    #[test]
    fn lengths_are_in_proportion_to_the_values() {
        let rows = bar_rows(&[(500.0, 500.0), (700.0, 700.0), (770.0, 770.0)], 41);
        let lengths: Vec<usize> = rows.iter().map(|r| solid(r)).collect();
        assert_eq!(lengths[2], 40);
        for (length, value) in lengths.iter().zip([500.0, 700.0, 770.0]) {
            let ideal = value / 770.0 * 40.0;
            assert!((*length as f64 - ideal).abs() <= 1.0, "{lengths:?}");
        }
        assert!(rows.iter().all(|r| axis(r) == 0));
    }

    #[test]
    fn negative_values_go_left_of_the_zero_line_on_the_same_scale() {
        let rows = bar_rows(&[(-500.0, -500.0), (500.0, 500.0), (1000.0, 1000.0)], 31);
        let zero = axis(&rows[0]);
        assert_eq!(zero, 10);
        let left = |r: &[Cell]| r[..zero].iter().filter(|c| **c == Cell::Solid).count();
        let right = |r: &[Cell]| r[zero + 1..].iter().filter(|c| **c == Cell::Solid).count();
        assert_eq!((left(&rows[0]), right(&rows[0])), (10, 0));
        assert_eq!((left(&rows[1]), right(&rows[1])), (0, 10));
        assert_eq!(right(&rows[2]), 20);
    }

    #[test]
    fn a_range_is_solid_to_its_near_end_and_shaded_to_its_far_end() {
        let rows = bar_rows(&[(2.0, 3.0), (0.0, 3.0), (-3.0, -2.0)], 7);
        let zero = axis(&rows[0]);
        assert_eq!(zero, 3);
        assert_eq!(solid(&rows[0]), 2);
        assert_eq!(rows[0][zero + 3], Cell::Shade);
        assert_eq!(rows[2][0], Cell::Shade);
        assert_eq!(rows[2][1], Cell::Solid);
    }

    #[test]
    fn a_tiny_value_still_shows_and_zero_shows_nothing() {
        let rows = bar_rows(&[(0.001, 0.001), (0.0, 0.0), (1000.0, 1000.0)], 21);
        assert_eq!(rows[0][1], Cell::Sliver);
        assert!(
            rows[1]
                .iter()
                .all(|c| matches!(c, Cell::Empty | Cell::Axis))
        );
    }

    #[test]
    fn narrow_widths_never_panic() {
        for width in 0..4 {
            let rows = bar_rows(&[(-1.0, 2.0), (5.0, 5.0)], width);
            assert!(rows.iter().all(|r| r.len() == width));
        }
    }
}
