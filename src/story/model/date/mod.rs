//! Dates of mixed precision: "2023" stays a year, never 2023-01-01.
//!
//! Written in a story file as `2025`, `2025-02`, `2025-02-11`, `2025-Q1`, `FY2024` or
//! `FY2024-Q4`, with a leading `~` for approximate. Each date knows the earliest and
//! latest day it can mean; ordering is by earliest day, then coarser precision first.
//! The forms people write ("21 Nov 2023", ranges) are read and written in `forms`.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod forms;
mod parse;

pub(crate) use parse::{clean_for_message, parse_body};

/// How much of a date is known. Declared coarse to fine: the derived order is used to
/// put a year before a day that starts on the same date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// `FY2024`: a company's year, ending somewhere in 2024.
    FiscalYear,
    /// `2024`.
    Year,
    /// `FY2024-Q4`: a quarter of a fiscal year.
    FiscalQuarter,
    /// `2024-Q4`: a calendar quarter.
    Quarter,
    /// `2024-11`.
    Month,
    /// `2024-11-21`.
    Day,
}

/// A calendar day as a count of days since 1970-01-01 (negative before).
pub(crate) type DayNumber = i64;

/// One end of a date: a day, month, quarter, year, fiscal year or fiscal quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DatePoint {
    /// How much of the date is known, which says which fields below count.
    pub precision: Precision,
    /// The year, or the year a fiscal year is named for.
    pub year: i32,
    /// 1–12 for Month and Day precision.
    pub month: u8,
    /// 1–31 for Day precision.
    pub day: u8,
    /// 1–4 for Quarter and FiscalQuarter precision.
    pub quarter: u8,
}

/// A date as a story file writes it: one point (`2023-11-21`) or a range of two
/// (`2023-11-21/22`), each end with its own precision, maybe approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateSpec {
    /// The date, or the first point of a range.
    pub start: DatePoint,
    /// The last point of a range; `None` for a single date.
    pub end: Option<DatePoint>,
    /// Written with a leading `~`.
    pub approximate: bool,
}

pub(crate) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The forms a date can take, for messages.
pub(crate) const DATE_FORMS: &str = "use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, FYYYYY or FYYYYY-Qn, a range like 2023-11-21/22, with a leading ~ if approximate";

impl DatePoint {
    /// The earliest day this point can mean.
    pub fn earliest(&self) -> DayNumber {
        match self.precision {
            Precision::Day => days_from_civil(self.year, self.month, self.day),
            Precision::Month => days_from_civil(self.year, self.month, 1),
            Precision::Quarter => days_from_civil(self.year, (self.quarter - 1) * 3 + 1, 1),
            Precision::Year => days_from_civil(self.year, 1, 1),
            // A fiscal year named for year Y ends somewhere in Y, so it can start as
            // early as 1 February of Y-1.
            Precision::FiscalYear => days_from_civil(self.year - 1, 2, 1),
            Precision::FiscalQuarter => {
                add_months(self.year - 1, 2, 3 * (u32::from(self.quarter) - 1))
            }
        }
    }

    /// The latest day this point can mean.
    pub fn latest(&self) -> DayNumber {
        match self.precision {
            Precision::Day => self.earliest(),
            Precision::Month => add_months(self.year, self.month, 1) - 1,
            Precision::Quarter => add_months(self.year, (self.quarter - 1) * 3 + 1, 3) - 1,
            Precision::Year | Precision::FiscalYear => days_from_civil(self.year, 12, 31),
            Precision::FiscalQuarter => add_months(self.year, 1, 3 * u32::from(self.quarter)) - 1,
        }
    }

    /// "2023", "Jan 2025", "11 Feb 2025", "Q4 2024", "FY2024 Q4".
    pub fn human(&self) -> String {
        let mut out = String::new();
        self.human_into(&mut out);
        out
    }

    /// `human`, appended to `out` (an export writes one per row: no allocation each).
    pub fn human_into(&self, out: &mut String) {
        use std::fmt::Write as _;
        let (day, month, year, quarter) = (self.day, self.month_name(), self.year, self.quarter);
        // Writing to a String cannot fail.
        let _ = match self.precision {
            Precision::Day => write!(out, "{day} {month} {year}"),
            Precision::Month => write!(out, "{month} {year}"),
            Precision::Quarter => write!(out, "Q{quarter} {year}"),
            Precision::Year => write!(out, "{year}"),
            Precision::FiscalYear => write!(out, "FY{year}"),
            Precision::FiscalQuarter => write!(out, "FY{year} Q{quarter}"),
        };
    }

    pub(crate) fn month_name(&self) -> &'static str {
        MONTHS[usize::from(self.month.clamp(1, 12) - 1)]
    }

    /// The story-file notation.
    pub fn canonical(&self) -> String {
        match self.precision {
            Precision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Quarter => format!("{:04}-Q{}", self.year, self.quarter),
            Precision::Year => format!("{:04}", self.year),
            Precision::FiscalYear => format!("FY{:04}", self.year),
            Precision::FiscalQuarter => format!("FY{:04}-Q{}", self.year, self.quarter),
        }
    }
}

impl DateSpec {
    /// One exact day.
    pub fn day(year: i32, month: u8, day: u8) -> DateSpec {
        DateSpec::point(DatePoint {
            precision: Precision::Day,
            year,
            month,
            day,
            quarter: 0,
        })
    }

    pub(crate) fn point(start: DatePoint) -> DateSpec {
        DateSpec {
            start,
            end: None,
            approximate: false,
        }
    }

    /// The day with this day number (see `days_from_civil`).
    pub fn from_day_number(day: DayNumber) -> DateSpec {
        let (year, month, day) = civil_from_days(day);
        DateSpec::day(year, month, day)
    }

    /// Parses the story-file notation; the error says what is wrong and how to write
    /// it (`"Nov 2023"` → write `2023-11`).
    pub fn parse(text: &str) -> Result<DateSpec, String> {
        let trimmed = text.trim();
        let (approximate, body) = match trimmed.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let parsed = match body.split_once('/') {
            None => parse_body(body).map(DateSpec::point),
            Some((start, end)) => forms::parse_range(start, end),
        };
        let mut date = parsed.map_err(|why| forms::explain(text, &why))?;
        date.approximate = approximate;
        Ok(date)
    }

    /// Reads a date in the story-file notation or in any form the program displays
    /// ("18 Nov 2023", "Nov 2023", "FY2024 Q4", "21–22 Nov 2023"), for `--as-of`.
    pub fn parse_any(text: &str) -> Result<DateSpec, String> {
        DateSpec::parse(text).or_else(|why| {
            forms::read_display_form(text).ok_or_else(|| {
                format!("{why}; the forms the explorer shows (18 Nov 2023, Nov 2023, Q4 2024, FY2024) work too")
            })
        })
    }

    /// How much of the (first) date is known.
    pub fn precision(&self) -> Precision {
        self.start.precision
    }

    /// The earliest day this date can mean: what sorting and as-of go by.
    pub fn earliest(&self) -> DayNumber {
        self.start.earliest()
    }

    /// The latest day this date can mean (for a range, the latest of its end).
    pub fn latest(&self) -> DayNumber {
        self.end.unwrap_or(self.start).latest()
    }

    /// How a person reads it: "2023", "11 Feb 2025", "21–22 Nov 2023", "c. May 2025".
    pub fn human(&self) -> String {
        let mut out = String::new();
        self.human_into(&mut out);
        out
    }

    /// `human`, appended to `out`; only a range allocates.
    pub fn human_into(&self, out: &mut String) {
        if self.approximate {
            out.push_str("c. ");
        }
        match &self.end {
            None => self.start.human_into(out),
            Some(end) => out.push_str(&forms::human_range(&self.start, end)),
        }
    }

    /// The story-file notation, which `parse` reads back unchanged (a range in full:
    /// `2023-11-21/2023-11-22`).
    pub fn canonical(&self) -> String {
        let mut out = String::new();
        if self.approximate {
            out.push('~');
        }
        out.push_str(&self.start.canonical());
        if let Some(end) = &self.end {
            out.push('/');
            out.push_str(&end.canonical());
        }
        out
    }

    /// True when every day this date can mean is on or before `day`.
    pub(crate) fn certainly_by(&self, day: DayNumber) -> bool {
        self.latest() <= day
    }
}

impl Ord for DateSpec {
    fn cmp(&self, other: &Self) -> Ordering {
        self.earliest()
            .cmp(&other.earliest())
            .then(self.precision().cmp(&other.precision()))
            .then(self.latest().cmp(&other.latest()))
            .then(self.approximate.cmp(&other.approximate))
    }
}

impl PartialOrd for DateSpec {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.human())
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// First day of the month `months` after year/month.
fn add_months(year: i32, month: u8, months: u32) -> DayNumber {
    let zero_based = i64::from(month - 1) + i64::from(months);
    let year = i64::from(year) + zero_based.div_euclid(12);
    days_from_civil(year as i32, (zero_based.rem_euclid(12) + 1) as u8, 1)
}

/// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> DayNumber {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of `days_from_civil`.
pub(crate) fn civil_from_days(days: DayNumber) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

impl Serialize for DateSpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.canonical())
    }
}

impl<'de> Deserialize<'de> for DateSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text: Cow<'de, str> = Deserialize::deserialize(deserializer)?;
        DateSpec::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for DateSpec {
    fn schema_name() -> Cow<'static, str> {
        "DateSpec".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A date of known precision: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, FYYYYY or FYYYYY-Qn; a range of two, each end with its own precision, as an ISO 8601 interval (2023-11-21/2023-11-22) or with the end's leading parts left out (2023-11-21/22); a leading ~ marks it approximate.",
            "examples": ["2025-02-11", "2025-01", "2024-Q4", "FY2024", "~2025-05", "2023-11-21/22"],
            "pattern": "^~?(FY[0-9]{4}(-Q[1-4])?|[0-9]{4}(-Q[1-4]|-[0-9]{2}(-[0-9]{2})?)?)(/(FY[0-9]{4}(-Q[1-4])?|[0-9]{4}(-Q[1-4]|-[0-9]{2}(-[0-9]{2})?)?|Q[1-4]|[0-9]{2}(-[0-9]{2})?))?$"
        })
    }
}

#[cfg(test)]
mod tests;
