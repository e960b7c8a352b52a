//! Unit tests of `date` and its written forms: precision, order, ranges and the messages for wrong dates.

use super::*;

fn p(text: &str) -> DateSpec {
    DateSpec::parse(text).unwrap()
}

#[test]
fn a_year_is_not_its_first_day() {
    let year = p("2023");
    assert_eq!(year.precision(), Precision::Year);
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

#[test]
fn ranges_keep_each_ends_precision() {
    let short = p("2023-11-21/22");
    assert_eq!(short, p("2023-11-21/2023-11-22"));
    assert_eq!(short.earliest(), days_from_civil(2023, 11, 21));
    assert_eq!(short.latest(), days_from_civil(2023, 11, 22));
    assert_eq!(short.human(), "21–22 Nov 2023");
    assert_eq!(short.canonical(), "2023-11-21/2023-11-22");
    assert_eq!(p("2023-11-30/12-02").human(), "30 Nov – 2 Dec 2023");
    assert_eq!(
        p("2023-12-30/2024-01-02").human(),
        "30 Dec 2023 – 2 Jan 2024"
    );
    assert_eq!(p("2023-11/12").human(), "Nov–Dec 2023");
    assert_eq!(p("2023-Q1/Q3").human(), "Q1–Q3 2023");
    assert_eq!(p("2023/2024").human(), "2023–2024");
    assert_eq!(p("~2023-11/2024-02").human(), "c. Nov 2023 – Feb 2024");
    let mixed = p("2023-11/2023-12-05");
    assert_eq!(mixed.start.precision, Precision::Month);
    assert_eq!(mixed.end.unwrap().precision, Precision::Day);
    assert_eq!(mixed.human(), "Nov 2023 – 5 Dec 2023");
    for text in ["2023-11-21/2023-11-22", "~2023-11/2024-02", "FY2023/FY2024"] {
        assert_eq!(p(text).canonical(), text);
    }
}

#[test]
fn a_range_sorts_by_its_first_day() {
    let mut dates = [p("2023-11-22"), p("2023-11-21/22"), p("2023-11-21")];
    dates.sort();
    let shown: Vec<String> = dates.iter().map(DateSpec::human).collect();
    assert_eq!(shown, ["21 Nov 2023", "21–22 Nov 2023", "22 Nov 2023"]);
}

#[test]
fn backwards_or_half_ranges_are_refused() {
    let err = DateSpec::parse("2023-11-22/21").unwrap_err();
    assert!(err.contains("must end after it starts"), "{err}");
    assert!(DateSpec::parse("2023-11-21/2023-11-21").is_err());
    assert!(DateSpec::parse("2023-11-21/").is_err());
    assert!(DateSpec::parse("/2023-11-21").is_err());
    assert!(DateSpec::parse("2023/11").is_err());
    assert!(DateSpec::parse("2023-11-21/22/23").is_err());
}

#[test]
fn common_non_iso_forms_are_told_what_to_write() {
    let says = |text: &str, fix: &str| {
        let err = DateSpec::parse(text).unwrap_err();
        assert!(err.contains(&format!("write `{fix}`")), "{text}: {err}");
    };
    says("Nov 2023", "2023-11");
    says("November 2023", "2023-11");
    says("21 Nov 2023", "2023-11-21");
    says("Nov 21, 2023", "2023-11-21");
    says("2023/11/21", "2023-11-21");
    says("21/11/2023", "2023-11-21");
    says("Q4 2024", "2024-Q4");
    says("FY2024 Q4", "FY2024-Q4");
    says("c. May 2025", "~2025-05");
    says("21–22 Nov 2023", "2023-11-21/2023-11-22");
    let err = DateSpec::parse("05/11/2023").unwrap_err();
    assert!(err.contains("write `2023-11-05` or `2023-05-11`"), "{err}");
}

#[test]
fn a_timestamp_is_told_dates_have_no_time_of_day() {
    for text in [
        "2023-11-21T23:00Z",
        "2023-11-21T23:00:00+01:00",
        "2023-11-21 23:00",
    ] {
        let err = DateSpec::parse(text).unwrap_err();
        assert!(err.contains("dates carry no time of day"), "{err}");
        assert!(err.contains("write `2023-11-21`"), "{err}");
    }
}

#[test]
fn every_displayed_form_reads_back_for_as_of() {
    for text in [
        "2023",
        "2025-02",
        "2025-02-11",
        "2024-Q4",
        "FY2024",
        "FY2024-Q4",
        "~2025-05",
        "2023-11-21/22",
        "2023-11-30/12-02",
        "2023-12-30/2024-01-02",
        "2023-11/12",
        "2023-Q1/Q3",
        "2023/2024",
        "~2023-11/2024-02",
        "2023-11/2023-12-05",
        "FY2023/FY2024",
    ] {
        let date = p(text);
        let shown = date.human();
        assert_eq!(
            DateSpec::parse_any(&shown),
            Ok(date),
            "{text} shown as {shown}"
        );
    }
    assert_eq!(DateSpec::parse_any("18 Nov 2023"), Ok(p("2023-11-18")));
    assert!(DateSpec::parse_any("yesterday").is_err());
}
