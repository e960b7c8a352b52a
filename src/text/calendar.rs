//! Day arithmetic for resolving relative dates: days since an epoch and back (the
//! proleptic Gregorian calendar, Howard Hinnant's civil-from-days), weekdays, month
//! lengths. Out-of-range inputs saturate instead of overflowing.

use super::dates::Day;

/// Days in `month` of `year` (0 for a month that does not exist).
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

/// True when the day exists.
pub(crate) fn is_valid(day: Day) -> bool {
    (1..=12).contains(&day.month) && day.day >= 1 && day.day <= days_in_month(day.year, day.month)
}

fn to_days(day: Day) -> i64 {
    let y = i64::from(day.year) - i64::from(day.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(day.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn from_days(days: i64) -> Day {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Day {
        year: i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX }),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

/// `day` moved by `delta` days (an invalid day is returned unchanged).
pub(crate) fn add_days(day: Day, delta: i64) -> Day {
    if !is_valid(day) || day.year.unsigned_abs() > 1_000_000 {
        return day;
    }
    from_days(to_days(day).saturating_add(delta.clamp(-1_000_000, 1_000_000)))
}

/// Monday = 0 … Sunday = 6.
pub(crate) fn weekday(day: Day) -> u8 {
    u8::try_from((to_days(day) + 3).rem_euclid(7)).unwrap_or(0)
}

/// The month `delta` months from (year, month).
pub(crate) fn add_months(year: i32, month: u8, delta: i32) -> (i32, u8) {
    let index = year
        .saturating_mul(12)
        .saturating_add(i32::from(month) - 1)
        .saturating_add(delta);
    (
        index.div_euclid(12),
        u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u8, day: u8) -> Day {
        Day { year, month, day }
    }

    #[test]
    fn arithmetic_across_months_years_and_leap_days() {
        assert_eq!(add_days(day(2025, 2, 12), -13), day(2025, 1, 30));
        assert_eq!(add_days(day(2024, 2, 28), 1), day(2024, 2, 29));
        assert_eq!(add_days(day(2024, 12, 31), 1), day(2025, 1, 1));
        assert_eq!(weekday(day(2025, 2, 12)), 2, "a Wednesday");
        assert_eq!(add_months(2025, 1, -1), (2024, 12));
        assert_eq!(add_months(2025, 11, 3), (2026, 2));
        assert_eq!(
            add_days(day(2025, 2, 30), 1),
            day(2025, 2, 30),
            "invalid days stay"
        );
    }
}
