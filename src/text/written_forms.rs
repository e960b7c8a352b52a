//! The ways one figure can be written in prose ("13 billion", "13bn", "$13 billion",
//! "13 percent", "13%"): for asking "does this paragraph state this figure", and
//! [`find_written`] to ask it at word boundaries.

use std::ops::Range;

use super::figures::Scale;

/// The spellings of `value` (before its scale) in prose, most common first. `currency`
/// is an ISO 4217 code ("USD") or a symbol ("$"). Each form is a plain substring to
/// look for; compare at word boundaries ([`find_written`] does). A figure with no scale
/// also gets its scaled spellings (300000: "300 thousand", "300k"), and one in
/// thousands or millions its full number (300 thousand: "300,000"). The sign is left
/// out (a change's direction is a word, not a minus). Not a number: no forms.
pub fn written_forms(
    value: f64,
    scale: Option<Scale>,
    percent: bool,
    currency: Option<&str>,
) -> Vec<String> {
    if !value.is_finite() {
        return Vec::new();
    }
    let amounts = amount_spellings(value.abs(), scale);
    let mut forms: Vec<String> = Vec::new();
    for amount in &amounts {
        if percent {
            forms.extend(
                ["%", " percent", " per cent", " pct", " percentage points"]
                    .iter()
                    .map(|p| format!("{amount}{p}")),
            );
        } else {
            forms.extend(currency_spellings(currency, amount));
            forms.push(amount.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    forms.retain(|form| seen.insert(form.clone()));
    forms
}

/// The amount without percent or currency: with its scale word, or scaled when it
/// has none; a figure in thousands or millions also as its full number.
fn amount_spellings(value: f64, scale: Option<Scale>) -> Vec<String> {
    let mut amounts: Vec<String> = Vec::new();
    let numbers = number_spellings(value);
    match scale {
        Some(scale) => {
            for number in &numbers {
                amounts.extend(with_scale(number, scale));
            }
            if matches!(scale, Scale::Thousand | Scale::Million) {
                amounts.extend(number_spellings(value * scale.factor()));
            }
        }
        None => {
            amounts.extend(numbers.iter().cloned());
            for scale in [
                Scale::Trillion,
                Scale::Billion,
                Scale::Million,
                Scale::Thousand,
            ] {
                let times = value / scale.factor();
                if times >= 1.0 && (times * 100.0).fract() == 0.0 {
                    for number in number_spellings(times) {
                        amounts.extend(with_scale(&number, scale));
                    }
                }
            }
        }
    }
    amounts
}

/// Where the first of `forms` stands in `text` at word boundaries: not inside a longer
/// number ("113 billion", "13.5 billion") or word ("13bnx").
pub fn find_written(text: &str, forms: &[String]) -> Option<Range<usize>> {
    forms
        .iter()
        .filter(|form| !form.is_empty())
        .find_map(|form| {
            text.match_indices(form.as_str())
                .map(|(at, _)| at..at + form.len())
                .find(|range| {
                    let before = text[..range.start]
                        .chars()
                        .rev()
                        .take(2)
                        .collect::<Vec<_>>();
                    let after = text[range.end..].chars().take(2).collect::<Vec<_>>();
                    let glued = |near: &[char]| match near {
                        [c, ..] if c.is_alphanumeric() => true,
                        ['.' | ',', d, ..] => d.is_ascii_digit(),
                        _ => false,
                    };
                    !glued(&before) && !glued(&after)
                })
        })
}

/// "300000" → ["300,000", "300000"]; "2.5" → ["2.5"].
fn number_spellings(value: f64) -> Vec<String> {
    let plain = format!("{value}");
    let (whole, fraction) = match plain.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (plain.as_str(), None),
    };
    if whole.len() <= 3 || whole.contains(['e', 'E']) {
        return vec![plain];
    }
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped = format!("{grouped}.{fraction}");
    }
    vec![grouped, plain]
}

fn with_scale(number: &str, scale: Scale) -> Vec<String> {
    scale_spellings(scale)
        .iter()
        .map(|s| format!("{number}{s}"))
        .collect()
}

fn scale_spellings(scale: Scale) -> &'static [&'static str] {
    match scale {
        Scale::Thousand => &[" thousand", "k", "K"],
        Scale::Million => &[" million", "m", "mn", " mn", "M", " mln"],
        Scale::Billion => &[" billion", "bn", " bn", "b", "B"],
        Scale::Trillion => &[" trillion", "tn", " tn", "trn", "T"],
        Scale::Wan => &["万", " wan"],
        Scale::Yi => &["亿", "億", " yi"],
    }
}

fn currency_spellings(currency: Option<&str>, amount: &str) -> Vec<String> {
    let (before, after): (&[&str], &[&str]) = match currency.map(str::to_ascii_uppercase).as_deref()
    {
        Some("USD" | "$" | "US$") => (&["$", "US$", "USD ", "US $"], &[" dollars", " USD"]),
        Some("CNY" | "RMB" | "¥" | "CN¥") => (
            &["RMB ", "RMB", "CN¥", "¥", "CNY "],
            &[" yuan", "元", " RMB"],
        ),
        Some("EUR" | "€") => (&["€", "EUR "], &[" euros", " EUR"]),
        Some("GBP" | "£") => (&["£", "GBP "], &[" pounds", " GBP"]),
        Some("HKD" | "HK$") => (&["HK$", "HKD "], &[" Hong Kong dollars", " HKD"]),
        Some("JPY") => (&["¥", "JPY "], &[" yen"]),
        Some(code) => return vec![format!("{code} {amount}"), format!("{amount} {code}")],
        None => (&[], &[]),
    };
    let mut forms: Vec<String> = before.iter().map(|b| format!("{b}{amount}")).collect();
    forms.extend(after.iter().map(|a| format!("{amount}{a}")));
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_of_a_figure() {
        let forms = written_forms(13.0, Some(Scale::Billion), false, Some("USD"));
        for expected in [
            "13 billion",
            "13bn",
            "$13 billion",
            "US$13bn",
            "13 billion dollars",
        ] {
            assert!(
                forms.contains(&expected.to_owned()),
                "{expected} in {forms:?}"
            );
        }
        let forms = written_forms(13.0, None, true, None);
        assert!(forms.contains(&"13%".to_owned()) && forms.contains(&"13 percent".to_owned()));
        let forms = written_forms(300_000.0, None, false, None);
        assert!(
            forms.contains(&"300,000".to_owned()) && forms.contains(&"300 thousand".to_owned())
        );
        let forms = written_forms(300.0, Some(Scale::Thousand), false, None);
        assert!(forms.contains(&"300,000".to_owned()));
        let forms = written_forms(2.5, Some(Scale::Yi), false, Some("CNY"));
        assert!(forms.contains(&"2.5亿".to_owned()) && forms.contains(&"2.5亿元".to_owned()));
        assert!(written_forms(f64::NAN, None, false, None).is_empty());
    }

    #[test]
    fn found_only_at_word_boundaries() {
        let forms = written_forms(13.0, Some(Scale::Billion), false, None);
        assert!(find_written("a deal worth $13 billion.", &forms).is_some());
        assert!(find_written("worth 13bn, they said", &forms).is_some());
        assert!(find_written("worth $113 billion", &forms).is_none());
        assert!(find_written("worth 2.13 billion", &forms).is_none());
        assert!(find_written("worth 13 billions", &forms).is_none());
        let forms = written_forms(3.0, None, true, None);
        assert!(find_written("up 3.5% today", &forms).is_none());
        assert!(find_written("up 3% today", &forms).is_some());
    }
}
