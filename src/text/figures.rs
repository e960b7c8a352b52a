//! Figures in prose: numbers with their percent sign, currency, scale word, unit noun,
//! bound words ("over", "about", "up to"), ranges ("3-4%", "between $2 and 3
//! billion"), and amounts given in words ("millions of users"). Years and dates are
//! not figures.

use std::ops::Range;

/// How the true amount relates to the stated one: the story format's closed `bound`
/// values (docs/story-format.md, "Metrics and their bounds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Bound {
    /// The value as stated; no bound word.
    #[default]
    Exact,
    /// "about", "around", "roughly", "nearly", "almost", "some", "approximately".
    About,
    /// "over", "more than", "above".
    Over,
    /// "exceeding", "in excess of".
    Exceeding,
    /// "at least", "no fewer than".
    AtLeast,
    /// "up to", "as much as", "at most".
    UpTo,
    /// "under", "less than", "below", "fewer than".
    Under,
}

impl Bound {
    /// The spelling the story format uses (`at_least`).
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::About => "about",
            Bound::Over => "over",
            Bound::Exceeding => "exceeding",
            Bound::AtLeast => "at_least",
            Bound::UpTo => "up_to",
            Bound::Under => "under",
        }
    }
}

/// The scale word a number is stated in: the story format's `scale` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scale {
    /// "thousand", "k".
    Thousand,
    /// "million", "m", "mn", "mln".
    Million,
    /// "billion", "bn", "b".
    Billion,
    /// "trillion", "tn", "trn".
    Trillion,
    /// 万, ten thousand.
    Wan,
    /// 亿 (億), a hundred million.
    Yi,
}

impl Scale {
    /// The spelling the story format uses (`billion`, `wan`).
    pub fn as_str(self) -> &'static str {
        match self {
            Scale::Thousand => "thousand",
            Scale::Million => "million",
            Scale::Billion => "billion",
            Scale::Trillion => "trillion",
            Scale::Wan => "wan",
            Scale::Yi => "yi",
        }
    }

    /// What one unit of this scale is worth.
    pub fn factor(self) -> f64 {
        match self {
            Scale::Thousand => 1e3,
            Scale::Wan => 1e4,
            Scale::Million => 1e6,
            Scale::Yi => 1e8,
            Scale::Billion => 1e9,
            Scale::Trillion => 1e12,
        }
    }
}

/// What a figure is measured against, when the words say so: the story format's
/// `basis` values it can read from prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// "year on year", "year-over-year", "from a year earlier", "YoY".
    YearOnYear,
    /// "intraday", "during the session", "in early trading".
    Intraday,
}

impl Basis {
    /// The spelling the story format uses (`year_on_year`).
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::YearOnYear => "year_on_year",
            Basis::Intraday => "intraday",
        }
    }
}

/// Which way a change goes, when a verb or adjective before the figure says so
/// ("rose 3%", "down 2.1%").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// "rose", "jumped", "up", "gained", "surged", "increased".
    Up,
    /// "fell", "dropped", "down", "declined", "slid", "decreased".
    Down,
}

impl Direction {
    /// The spelling the story format uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// One figure stated in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMention {
    /// Where it is: from the bound word (when there is one) to the unit (when there is
    /// one), e.g. "over 300,000 enterprises".
    pub range: Range<usize>,
    /// The number as written, before its scale: 13 for "$13 billion"; the low end of a
    /// range; 0 for an amount in words.
    pub value: f64,
    /// The high end of a range ("3-4%": 4).
    pub value_high: Option<f64>,
    /// The scale word after the number.
    pub scale: Option<Scale>,
    /// ISO 4217 code: "USD", "CNY", "EUR", "GBP", "HKD", "JPY".
    pub currency: Option<String>,
    /// Stated as a percentage ("%", "percent", "per cent", "percentage points").
    pub percent: bool,
    /// The noun counted, as written in the text ("enterprises", "downloads").
    pub unit: Option<String>,
    /// The bound word's meaning; `Exact` when there is none.
    pub bound: Bound,
    /// An amount in words with no number ("millions of users", "dozens of").
    pub qualitative: bool,
    /// For an amount in words, the words ("millions of"), as the format's
    /// `qualitative` field would carry them.
    pub words: Option<String>,
    /// What it is measured against, when a basis word sits next to it.
    pub basis: Option<Basis>,
    /// Which way a change goes, when a verb before it says so.
    pub direction: Option<Direction>,
}

/// Every figure in `text`, in order of position.
pub fn figures(text: &str) -> Vec<FigureMention> {
    super::figure_rules::read_figures(&super::match_words::Words::new(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> FigureMention {
        let found = figures(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn bound_scale_currency_and_unit() {
        let text = "Brindle said over 300,000 enterprises now use it.";
        let f = one(text);
        assert_eq!(
            (f.value, f.bound, f.unit.as_deref()),
            (300000.0, Bound::Over, Some("enterprises"))
        );
        assert_eq!(&text[f.range], "over 300,000 enterprises");
        let f = one("The deal is worth about $13 billion, people said.");
        assert_eq!(
            (f.value, f.scale, f.currency.as_deref(), f.bound),
            (13.0, Some(Scale::Billion), Some("USD"), Bound::About)
        );
        let f = one("It raised HK$2.5bn last spring.");
        assert_eq!(
            (f.value, f.scale, f.currency.as_deref()),
            (2.5, Some(Scale::Billion), Some("HKD"))
        );
        let f = one("Revenue reached 41.6 billion yuan.");
        assert_eq!(
            (f.scale, f.currency.as_deref()),
            (Some(Scale::Billion), Some("CNY"))
        );
        let f = one("Downloads passed more than 100 million downloads in a week.");
        assert_eq!(
            (f.bound, f.unit.as_deref()),
            (Bound::Over, Some("downloads"))
        );
        let f = one("It sold up to 5,000 active units.");
        assert_eq!(
            (f.bound, f.unit.as_deref()),
            (Bound::UpTo, Some("active units"))
        );
        let f = one("Costs were $800m.");
        assert_eq!((f.value, f.scale), (800.0, Some(Scale::Million)));
        let f = one("The fund holds 3.5万 shares.");
        assert_eq!(f.scale, Some(Scale::Wan));
    }

    #[test]
    fn percents_ranges_direction_and_basis() {
        let f = one("Shares rose 3.2% year-on-year.");
        assert!(f.percent);
        assert_eq!(
            (f.direction, f.basis),
            (Some(Direction::Up), Some(Basis::YearOnYear))
        );
        let f = one("The stock fell by as much as 9 percent intraday.");
        assert_eq!(
            (f.bound, f.direction, f.basis),
            (Bound::UpTo, Some(Direction::Down), Some(Basis::Intraday))
        );
        let f = one("Margins could grow 3-4% next year.");
        assert_eq!((f.value, f.value_high, f.percent), (3.0, Some(4.0), true));
        let f = one("A gain of 3 to 4 percent is likely.");
        assert_eq!((f.value, f.value_high, f.percent), (3.0, Some(4.0), true));
        let text = "It is valued between $2 and 3 billion.";
        let f = one(text);
        assert_eq!(
            (f.value, f.value_high, f.scale),
            (2.0, Some(3.0), Some(Scale::Billion))
        );
        assert_eq!(&text[f.range], "$2 and 3 billion");
        let two = figures("Its share went from 3% to 4% in a year.");
        assert_eq!(two.len(), 2, "from … to is a change, not a range");
    }

    #[test]
    fn amounts_in_words() {
        let f = one("The app drew millions of users in days.");
        assert!(f.qualitative);
        assert_eq!(
            (f.words.as_deref(), f.unit.as_deref()),
            (Some("millions of"), Some("users"))
        );
        let f = one("Tens of thousands of riders waited.");
        assert_eq!(f.words.as_deref(), Some("Tens of thousands of"));
        assert!(figures("Millions is a big word.").is_empty());
    }

    #[test]
    fn not_figures() {
        for text in [
            "In 2023 the firm moved to Quillfield.",
            "It opened on February 11, 2025 and on 3 March.",
            "The date was 2025-02-11, or 02/13 2025 on the page, at 10:30.",
            "It runs Qwen 2.5-Max and GPT-4o on iOS 18.5.",
            "She came 1st in a 10-year race with 3D glasses.",
            "He had 3 and she had 12.",
            "Two firms met; the third left.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
    }
}
