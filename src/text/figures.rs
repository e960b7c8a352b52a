//! Figures in prose: numbers with their percent sign, currency, scale word, unit noun,
//! bound words ("over", "about", "up to"), ranges ("3-4%", "between $2 and 3
//! billion"), and amounts given in words ("millions of users"). Years and dates are
//! not figures.

pub use super::figure_types::{Basis, Bound, Direction, FigureMention, Scale};

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
    fn numbers_in_words_with_a_scale() {
        let text = "Kestrel counted two million mentions in a week.";
        let f = one(text);
        assert_eq!(
            (f.value, f.scale, f.unit.as_deref(), f.bound),
            (2.0, Some(Scale::Million), Some("mentions"), Bound::Exact)
        );
        assert_eq!(&text[f.range], "two million mentions");
        let f = one("The plant cost nearly three billion dollars.");
        assert_eq!(
            (f.value, f.scale, f.currency.as_deref(), f.bound),
            (3.0, Some(Scale::Billion), Some("USD"), Bound::About)
        );
        let f = one("Half a million riders signed up.");
        assert_eq!((f.value, f.scale), (0.5, Some(Scale::Million)));
        let f = one("It hired a dozen engineers.");
        assert_eq!(
            (f.value, f.scale, f.unit.as_deref()),
            (12.0, None, Some("engineers"))
        );
        let f = one("More than twenty-five thousand users left.");
        assert_eq!(
            (f.value, f.scale, f.bound),
            (25.0, Some(Scale::Thousand), Bound::Over)
        );
        let f = one("Some three hundred staff walked out.");
        assert_eq!((f.value, f.scale, f.bound), (300.0, None, Bound::About));
        let f = one("They spent two hundred million euros.");
        assert_eq!(
            (f.value, f.scale, f.currency.as_deref()),
            (200.0, Some(Scale::Million), Some("EUR"))
        );
        assert_eq!(one("Half a dozen rivals bid.").value, 6.0);
        assert_eq!(one("A billion people saw it.").scale, Some(Scale::Billion));
    }

    #[test]
    fn number_words_without_a_scale_are_not_figures() {
        for text in [
            "One of the founders left; two companies merged.",
            "Three firms and a partner met for half an hour.",
            "It was a million-dollar idea, one in ten said.",
            "A team of seven signed a deal.",
            "Millions is a word; a hundred-year flood is not a figure.",
        ] {
            assert!(figures(text).is_empty(), "{text}: {:?}", figures(text));
        }
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
