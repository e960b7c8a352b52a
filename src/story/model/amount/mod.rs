//! A metric's amount — a number, a range or words — with its sign, currency, scale and
//! bound: read aloud ("about $13 billion", "2–3亿元", "nearly all staff") and put on a
//! common footing (signed, scale-normalised) so charts compare like with like.

use crate::story::Problem;
pub(crate) use crate::story::model::scale::Scale;
use crate::story::model::{Direction, Metric};
use crate::story::safe_text::{format_number, push_number};

/// What a metric states in place of a bare number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Amount<'a> {
    /// One number, as stated: a magnitude when the metric has a direction.
    Number(f64),
    /// Low, high.
    Range(f64, f64),
    /// Words where no number exists ("nearly all").
    Words(&'a str),
}

/// The metric's amount; None only for a metric the loader refuses (none given).
pub(crate) fn amount(metric: &Metric) -> Option<Amount<'_>> {
    if let Some(words) = &metric.qualitative {
        return Some(Amount::Words(words));
    }
    if let Some([low, high]) = metric.range {
        return Some(Amount::Range(low, high));
    }
    metric.value.map(Amount::Number)
}

/// The symbol written before an amount in a currency; codes without one are written
/// out ("CHF 13 million").
fn currency_symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "CNY" => "CN¥",
        "HKD" => "HK$",
        "CAD" => "C$",
        "AUD" => "A$",
        "INR" => "₹",
        "KRW" => "₩",
        _ => return None,
    })
}

/// A metric's value as read aloud, never without its bound, sign, currency or scale:
/// "over 300,000 enterprises", "up to +3%", "about $13 billion", "2–3亿元". Written into
/// one string (a big story's metric pane reads thousands).
pub fn metric_value_text(metric: &Metric) -> String {
    let unit = metric.unit.trim();
    let (ends, count) = match amount(metric) {
        None => return "—".to_owned(),
        Some(Amount::Words(words)) => return join_unit(words.trim().to_owned(), unit),
        Some(Amount::Number(value)) => ([value, value], 1),
        Some(Amount::Range(low, high)) => ([low, high], 2),
    };
    let currency = metric.currency.as_deref().map(str::trim);
    // 元 after a CJK scale reads as Chinese does ("13亿元"); other currencies take
    // their symbol or code in front.
    let yuan_after = currency == Some("CNY") && metric.scale.is_some_and(Scale::is_cjk);
    let money = |text: &mut String| match currency {
        Some(_) if yuan_after => {}
        Some(code) => match currency_symbol(code) {
            Some(symbol) => text.push_str(symbol),
            None => {
                text.push_str(code);
                text.push(' ');
            }
        },
        None => {}
    };
    let mut text = String::with_capacity(24 + unit.len());
    let prefix = metric.bound.prefix();
    if !prefix.is_empty() {
        text.push_str(prefix);
        text.push(' ');
    }
    push_signed(&mut text, &ends[..count], metric.direction, money);
    if let Some(scale) = metric.scale {
        text.push_str(scale.suffix());
    }
    if yuan_after {
        text.push('元');
    }
    join_unit(text, unit)
}

/// The numbers with their signs, `money` written before each run of digits.
fn push_signed(
    text: &mut String,
    numbers: &[f64],
    direction: Option<Direction>,
    money: impl Fn(&mut String),
) {
    match direction {
        // A change carries its direction as the sign; the numbers are magnitudes.
        Some(direction) => {
            text.push(if direction == Direction::Up {
                '+'
            } else {
                '−'
            });
            money(text);
            push_joined(text, numbers, "–", f64::abs);
        }
        None if numbers.iter().all(|&n| n >= 0.0) => {
            money(text);
            push_joined(text, numbers, "–", |n| n);
        }
        // A negative number, or a range reaching below zero: each end keeps its sign,
        // and "to" replaces the dash that would read as a minus.
        None => {
            for (i, &n) in numbers.iter().enumerate() {
                if i > 0 {
                    text.push_str(" to ");
                }
                if n < 0.0 {
                    text.push('−');
                }
                money(text);
                push_number(text, n.abs());
            }
        }
    }
}

/// `numbers`, each as `shown` makes it, written with `between` between them.
fn push_joined(text: &mut String, numbers: &[f64], between: &str, shown: fn(f64) -> f64) {
    for (i, &n) in numbers.iter().enumerate() {
        if i > 0 {
            text.push_str(between);
        }
        push_number(text, shown(n));
    }
}

/// "3" + "%" → "3%", "13亿" + "用户" → "13亿用户", "300,000" + "enterprises" → with a space.
fn join_unit(mut amount: String, unit: &str) -> String {
    let attached = unit.starts_with('%') || unit.chars().next().is_some_and(|c| c >= '\u{2E80}');
    if !unit.is_empty() {
        if !attached {
            amount.push(' ');
        }
        amount.push_str(unit);
    }
    amount
}

/// The metric's (low, high) on a common footing for charts: signed by its direction and
/// multiplied out of its scale. None for words, which are never charted.
pub(crate) fn comparable(metric: &Metric) -> Option<(f64, f64)> {
    let factor = metric.scale.map_or(1.0, Scale::factor);
    let signed = |n: f64| match metric.direction {
        Some(Direction::Up) => n.abs(),
        Some(Direction::Down) => -n.abs(),
        None => n,
    };
    let (low, high) = match amount(metric)? {
        Amount::Words(_) => return None,
        Amount::Number(n) => (signed(n), signed(n)),
        Amount::Range(low, high) => (signed(low), signed(high)),
    };
    let (low, high) = (low * factor, high * factor);
    Some((low.min(high), low.max(high)))
}

/// What the loader refuses in a metric's amount: none or several of value, range and
/// words; numbers that are not finite; a range written high to low; a currency that is
/// not an ISO code; a scale, currency or bound on words.
pub(crate) fn amount_problems(metric: &Metric, index: usize) -> Vec<Problem> {
    let at = |field: &str| {
        if field.is_empty() {
            format!("metrics[{index}]")
        } else {
            format!("metrics[{index}].{field}")
        }
    };
    let mut problems = Vec::new();
    problems.extend(how_many_amounts(metric, &at));
    if metric.value.is_some_and(|v| !v.is_finite()) {
        problems.push(Problem::at(
            at("value"),
            "the value must be a finite number",
        ));
    }
    if let Some(range) = metric.range {
        problems.extend(range_problem(range, &at));
    }
    if let Some(words) = &metric.qualitative {
        problems.extend(words_problems(metric, words, &at));
    }
    if let Some(code) = &metric.currency {
        if let Some(hint) = currency_hint(code) {
            problems.push(
                Problem::at(at("currency"), format!("`{code}` is not a currency code"))
                    .with_hint(hint),
            );
        }
    }
    problems
}

/// Exactly one of `value`, `range` and `qualitative` must be given.
fn how_many_amounts(metric: &Metric, at: &dyn Fn(&str) -> String) -> Option<Problem> {
    let given = [
        metric.value.is_some(),
        metric.range.is_some(),
        metric.qualitative.is_some(),
    ]
    .into_iter()
    .filter(|&g| g)
    .count();
    match given {
        0 => Some(
            Problem::at(
                at(""),
                "a metric needs a `value`, a `range` or `qualitative` words",
            )
            .with_hint(
                "write \"value\": 13, \"range\": [2, 3], or \"qualitative\": \"nearly all\"",
            ),
        ),
        1 => None,
        _ => Some(
            Problem::at(
                at(""),
                "give only one of `value`, `range` and `qualitative`",
            )
            .with_hint("a range replaces the value: \"range\": [low, high]"),
        ),
    }
}

/// A range's ends must be finite, low to high, and not equal.
fn range_problem([low, high]: [f64; 2], at: &dyn Fn(&str) -> String) -> Option<Problem> {
    if !(low.is_finite() && high.is_finite()) {
        Some(Problem::at(at("range"), "both ends must be finite numbers"))
    } else if low > high {
        Some(
            Problem::at(at("range"), "a range runs from low to high").with_hint(format!(
                "write [{}, {}]",
                format_number(high),
                format_number(low)
            )),
        )
    } else if low == high {
        Some(
            Problem::at(at("range"), "both ends of the range are the same number")
                .with_hint(format!("write \"value\": {}", format_number(low))),
        )
    } else {
        None
    }
}

/// Words must say something, and take no scale, currency or bound.
fn words_problems(metric: &Metric, words: &str, at: &dyn Fn(&str) -> String) -> Vec<Problem> {
    let mut problems = Vec::new();
    if words.trim().is_empty() {
        problems.push(Problem::at(
            at("qualitative"),
            "must not be empty or only spaces",
        ));
    }
    for (field, set) in [
        ("scale", metric.scale.is_some()),
        ("currency", metric.currency.is_some()),
    ] {
        if set {
            problems.push(
                Problem::at(at(field), "words have no number for this to apply to")
                    .with_hint(format!("drop `{field}`, or give a `value`")),
            );
        }
    }
    if metric.bound != crate::story::model::Bound::Exact {
        problems.push(
            Problem::at(
                at("bound"),
                "the words already say how far (\"nearly all\")",
            )
            .with_hint("drop `bound` from a qualitative metric"),
        );
    }
    problems
}

/// None for a well-formed code (three capital letters); else what to write instead.
fn currency_hint(code: &str) -> Option<String> {
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let known = match code.trim() {
        "$" | "US$" | "usd" => "write `USD`",
        "€" | "eur" => "write `EUR`",
        "£" | "gbp" => "write `GBP`",
        "¥" => "write `CNY` for yuan or `JPY` for yen",
        "元" | "RMB" | "rmb" | "CN¥" | "cny" => "write `CNY`",
        "HK$" | "hkd" => "write `HKD`",
        other if other.len() == 3 && other.chars().all(|c| c.is_ascii_alphabetic()) => {
            return Some(format!("write `{}`", other.to_ascii_uppercase()));
        }
        _ => "write an ISO 4217 code such as `USD`, `EUR` or `CNY`",
    };
    Some(known.to_owned())
}

#[cfg(test)]
mod tests;
