//! Dates of mixed precision: "2023" stays a year, never 2023-01-01.
//!
//! Written in a story file as `2025`, `2025-02`, `2025-02-11`, `2025-Q1`, `FY2024` or
//! `FY2024-Q4`, with a leading `~` for approximate. Each date knows the earliest and
//! latest day it can mean; ordering is by earliest day, then coarser precision first.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much of a date is known. Declared coarse to fine: the derived order is used to
/// put a year before a day that starts on the same date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    FiscalYear,
    Year,
    FiscalQuarter,
    Quarter,
    Month,
    Day,
}

/// A calendar day as a count of days since 1970-01-01 (negative before).
pub(crate) type DayNumber = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateSpec {
    pub precision: Precision,
    pub year: i32,
    /// 1–12 for Month and Day precision.
    pub month: u8,
    /// 1–31 for Day precision.
    pub day: u8,
    /// 1–4 for Quarter and FiscalQuarter precision.
    pub quarter: u8,
    /// Written with a leading `~`.
    pub approximate: bool,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl DateSpec {
    pub fn day(year: i32, month: u8, day: u8) -> DateSpec {
        DateSpec {
            precision: Precision::Day,
            year,
            month,
            day,
            quarter: 0,
            approximate: false,
        }
    }

    /// The day with this day number (see `days_from_civil`).
    pub fn from_day_number(day: DayNumber) -> DateSpec {
        let (year, month, day) = civil_from_days(day);
        DateSpec::day(year, month, day)
    }

    /// Parses the story-file notation; the error says what is wrong and what is allowed.
    pub fn parse(text: &str) -> Result<DateSpec, String> {
        let trimmed = text.trim();
        let (approximate, body) = match trimmed.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let mut date = parse_body(body).map_err(|why| {
            format!(
                "`{}` is not a valid date: {why} (use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, FYYYYY or FYYYYY-Qn, with a leading ~ if approximate)",
                clean_for_message(text)
            )
        })?;
        date.approximate = approximate;
        Ok(date)
    }

    /// The earliest day this date can mean.
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

    /// The latest day this date can mean.
    pub fn latest(&self) -> DayNumber {
        match self.precision {
            Precision::Day => self.earliest(),
            Precision::Month => add_months(self.year, self.month, 1) - 1,
            Precision::Quarter => add_months(self.year, (self.quarter - 1) * 3 + 1, 3) - 1,
            Precision::Year | Precision::FiscalYear => days_from_civil(self.year, 12, 31),
            Precision::FiscalQuarter => add_months(self.year, 1, 3 * u32::from(self.quarter)) - 1,
        }
    }

    /// How a person reads it: "2023", "Jan 2025", "11 Feb 2025", "Q4 2024", "FY2024 Q4".
    pub fn human(&self) -> String {
        let core = match self.precision {
            Precision::Day => format!(
                "{} {} {}",
                self.day,
                MONTHS[usize::from(self.month - 1)],
                self.year
            ),
            Precision::Month => format!("{} {}", MONTHS[usize::from(self.month - 1)], self.year),
            Precision::Quarter => format!("Q{} {}", self.quarter, self.year),
            Precision::Year => format!("{}", self.year),
            Precision::FiscalYear => format!("FY{}", self.year),
            Precision::FiscalQuarter => format!("FY{} Q{}", self.year, self.quarter),
        };
        if self.approximate {
            format!("c. {core}")
        } else {
            core
        }
    }

    /// The story-file notation, which `parse` reads back unchanged.
    pub fn canonical(&self) -> String {
        let core = match self.precision {
            Precision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Quarter => format!("{:04}-Q{}", self.year, self.quarter),
            Precision::Year => format!("{:04}", self.year),
            Precision::FiscalYear => format!("FY{:04}", self.year),
            Precision::FiscalQuarter => format!("FY{:04}-Q{}", self.year, self.quarter),
        };
        if self.approximate {
            format!("~{core}")
        } else {
            core
        }
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
            .then(self.precision.cmp(&other.precision))
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

fn parse_body(body: &str) -> Result<DateSpec, String> {
    if let Some(fiscal) = body.strip_prefix("FY") {
        let (year_text, quarter_text) = match fiscal.split_once("-Q") {
            Some((year, quarter)) => (year, Some(quarter)),
            None => (fiscal, None),
        };
        let year = parse_year(year_text)?;
        return Ok(match quarter_text {
            Some(q) => DateSpec {
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
        [_, q] if q.starts_with('Q') => Ok(DateSpec {
            quarter: parse_quarter(&q[1..])?,
            ..blank(Precision::Quarter, year)
        }),
        [_, m] => Ok(DateSpec {
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
            Ok(DateSpec::day(year, month, day))
        }
        _ => Err("too many parts".to_owned()),
    }
}

fn blank(precision: Precision, year: i32) -> DateSpec {
    DateSpec {
        precision,
        year,
        month: 0,
        day: 0,
        quarter: 0,
        approximate: false,
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
fn clean_for_message(text: &str) -> String {
    let cleaned: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if text.chars().count() > 40 {
        format!("{cleaned}…")
    } else {
        cleaned
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
            "description": "A date of known precision: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, FYYYYY or FYYYYY-Qn; a leading ~ marks it approximate.",
            "pattern": "^~?(FY[0-9]{4}(-Q[1-4])?|[0-9]{4}(-Q[1-4]|-[0-9]{2}(-[0-9]{2})?)?)$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> DateSpec {
        DateSpec::parse(text).unwrap()
    }

    #[test]
    fn a_year_is_not_its_first_day() {
        let year = p("2023");
        assert_eq!(year.precision, Precision::Year);
        assert_eq!(year.human(), "2023");
        assert_eq!(year.earliest(), days_from_civil(2023, 1, 1));
        assert_eq!(year.latest(), days_from_civil(2023, 12, 31));
        assert_ne!(year, p("2023-01-01"));
    }

    #[test]
    fn human_forms_keep_precision() {
        assert_eq!(p("2025-01").human(), "Jan 2025");
        assert_eq!(p("2025-02-11").human(), "11 Feb 2025");
        assert_eq!(p("2024-Q4").human(), "Q4 2024");
        assert_eq!(p("FY2024").human(), "FY2024");
        assert_eq!(p("FY2024-Q4").human(), "FY2024 Q4");
        assert_eq!(p("~2025-05").human(), "c. May 2025");
    }

    #[test]
    fn canonical_round_trips() {
        for text in [
            "2023",
            "2025-01",
            "2025-02-11",
            "2024-Q4",
            "FY2024",
            "FY2024-Q4",
            "~2025-05",
        ] {
            assert_eq!(p(text).canonical(), text);
        }
    }

    #[test]
    fn impossible_dates_say_why() {
        let err = DateSpec::parse("2025-13-40").unwrap_err();
        assert!(err.contains("months run from 01 to 12"), "{err}");
        let err = DateSpec::parse("2025-02-30").unwrap_err();
        assert!(err.contains("Feb 2025 has days 1 to 28"), "{err}");
        let err = DateSpec::parse("99999").unwrap_err();
        assert!(err.contains("4 digits"), "{err}");
        assert!(DateSpec::parse("2024-02-29").is_ok());
        assert!(DateSpec::parse("").is_err());
        assert!(DateSpec::parse("2025-Q5").is_err());
        assert!(DateSpec::parse("2025-02-11-01").is_err());
        assert!(DateSpec::parse("-2025").is_err());
    }

    #[test]
    fn ordering_is_earliest_day_then_coarser_first() {
        let mut dates = [
            p("2025-02-11"),
            p("2025-01"),
            p("2025"),
            p("2023"),
            p("2025-01-01"),
        ];
        dates.sort();
        let shown: Vec<String> = dates.iter().map(DateSpec::human).collect();
        assert_eq!(
            shown,
            ["2023", "2025", "Jan 2025", "1 Jan 2025", "11 Feb 2025"]
        );
    }

    #[test]
    fn bounds_of_months_quarters_and_fiscal_periods() {
        assert_eq!(p("2024-02").latest(), days_from_civil(2024, 2, 29));
        assert_eq!(p("2025-Q4").latest(), days_from_civil(2025, 12, 31));
        assert_eq!(p("FY2024-Q4").earliest(), days_from_civil(2023, 11, 1));
        assert_eq!(p("FY2024-Q4").latest(), days_from_civil(2024, 12, 31));
        assert_eq!(p("FY2024").earliest(), days_from_civil(2023, 2, 1));
        assert!(p("2025-02-12").certainly_by(days_from_civil(2025, 2, 12)));
        assert!(!p("2025-02").certainly_by(days_from_civil(2025, 2, 12)));
    }

    #[test]
    fn day_numbers_round_trip() {
        for day in [-1000, 0, 11_017, 20_131, 20_132, 2_932_896] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(
            DateSpec::from_day_number(days_from_civil(2025, 2, 12)).canonical(),
            "2025-02-12"
        );
    }

    #[test]
    fn epoch_is_day_zero() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }
}
