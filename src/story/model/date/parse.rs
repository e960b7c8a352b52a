//! Reading one date point in the story-file notation (`2023`, `2023-11`, `2023-Q4`,
//! `FY2024-Q1`, `2023-11-21`), with messages that say which part is wrong.

use super::{DatePoint, MONTHS, Precision, days_in_month};

/// One point in the story-file notation, without `~`.
pub(crate) fn parse_body(body: &str) -> Result<DatePoint, String> {
    if let Some(fiscal) = body.strip_prefix("FY") {
        let (year_text, quarter_text) = match fiscal.split_once("-Q") {
            Some((year, quarter)) => (year, Some(quarter)),
            None => (fiscal, None),
        };
        let year = parse_year(year_text)?;
        return Ok(match quarter_text {
            Some(q) => DatePoint {
                quarter: parse_quarter(q)?,
                ..blank(Precision::FiscalQuarter, year)
            },
            None => blank(Precision::FiscalYear, year),
        });
    }
    let parts: Vec<&str> = body.split('-').collect();
    let year = parse_year(parts[0])?;
    match parts.as_slice() {
        [_] => Ok(blank(Precision::Year, year)),
        [_, q] if q.starts_with('Q') => Ok(DatePoint {
            quarter: parse_quarter(&q[1..])?,
            ..blank(Precision::Quarter, year)
        }),
        [_, m] => Ok(DatePoint {
            month: parse_month(m)?,
            ..blank(Precision::Month, year)
        }),
        [_, m, d] => {
            let month = parse_month(m)?;
            let day = parse_number(d, 2, "day")?;
            let last = days_in_month(year, month);
            if day == 0 || u32::from(day) > u32::from(last) {
                return Err(format!(
                    "{} {year} has days 1 to {last}, not {day}",
                    MONTHS[usize::from(month - 1)]
                ));
            }
            Ok(DatePoint {
                month,
                day,
                ..blank(Precision::Day, year)
            })
        }
        _ => Err("too many parts".to_owned()),
    }
}

fn blank(precision: Precision, year: i32) -> DatePoint {
    DatePoint {
        precision,
        year,
        month: 0,
        day: 0,
        quarter: 0,
    }
}

fn parse_number(text: &str, digits: usize, what: &str) -> Result<u8, String> {
    if text.len() != digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("the {what} must be {digits} digits"));
    }
    text.parse()
        .map_err(|_| format!("the {what} must be {digits} digits"))
}

fn parse_year(text: &str) -> Result<i32, String> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err("the year must be 4 digits".to_owned());
    }
    let year: i32 = text
        .parse()
        .map_err(|_| "the year must be 4 digits".to_owned())?;
    if year < 1000 {
        return Err("the year must be between 1000 and 9999".to_owned());
    }
    Ok(year)
}

fn parse_month(text: &str) -> Result<u8, String> {
    let month = parse_number(text, 2, "month")?;
    if !(1..=12).contains(&month) {
        return Err(format!("months run from 01 to 12, not {month:02}"));
    }
    Ok(month)
}

fn parse_quarter(text: &str) -> Result<u8, String> {
    match text {
        "1" | "2" | "3" | "4" => Ok(text.as_bytes()[0] - b'0'),
        _ => Err("quarters run from Q1 to Q4".to_owned()),
    }
}

/// Keeps a hostile date string from flooding an error message.
pub(crate) fn clean_for_message(text: &str) -> String {
    let cleaned: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if text.chars().count() > 40 {
        format!("{cleaned}…")
    } else {
        cleaned
    }
}
