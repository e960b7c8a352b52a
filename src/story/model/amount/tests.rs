//! Unit tests for amount formatting, normalisation and the loader's amount checks.

use super::*;

/// A metric from the JSON fields that matter here, with the rest filled in.
fn metric(fields: serde_json::Value) -> Metric {
    let mut base = serde_json::json!({
        "id": "m", "subject": "s", "label": "l", "unit": "", "basis": "level",
        "cite": [{"source": "src"}]
    });
    for (key, value) in fields.as_object().unwrap() {
        base[key] = value.clone();
    }
    serde_json::from_value(base).unwrap()
}

fn text(fields: serde_json::Value) -> String {
    metric_value_text(&metric(fields))
}

#[test]
fn money_with_scale_and_bound_reads_as_words() {
    let about_13bn =
        serde_json::json!({"value": 13, "scale": "billion", "currency": "USD", "bound": "about"});
    assert_eq!(text(about_13bn), "about $13 billion");
    assert_eq!(
        text(serde_json::json!({"value": 1.5, "scale": "million", "currency": "EUR"})),
        "€1.5 million"
    );
    assert_eq!(
        text(
            serde_json::json!({"value": 13, "scale": "million", "currency": "CHF", "bound": "over"})
        ),
        "over CHF 13 million"
    );
    assert_eq!(
        text(serde_json::json!({"value": 700, "unit": "staff", "scale": "thousand"})),
        "700 thousand staff"
    );
}

#[test]
fn cjk_scales_attach_and_yuan_follows() {
    assert_eq!(
        text(serde_json::json!({"value": 13, "scale": "yi", "currency": "CNY", "bound": "about"})),
        "about 13亿元"
    );
    assert_eq!(
        text(serde_json::json!({"value": 3.5, "scale": "万", "unit": "用户"})),
        "3.5万用户"
    );
    assert_eq!(
        text(serde_json::json!({"value": 2, "scale": "亿", "currency": "HKD"})),
        "HK$2亿"
    );
    // Yuan stated in English scales keeps its symbol in front.
    assert_eq!(
        text(serde_json::json!({"value": 2, "scale": "billion", "currency": "CNY"})),
        "CN¥2 billion"
    );
}

#[test]
fn plain_numbers_keep_their_grouping_and_units() {
    assert_eq!(
        text(serde_json::json!({"value": 300000, "unit": "enterprises", "bound": "over"})),
        "over 300,000 enterprises"
    );
    assert_eq!(
        text(serde_json::json!({"value": 3, "unit": "%", "bound": "up_to", "direction": "up"})),
        "up to +3%"
    );
    assert_eq!(text(serde_json::json!({"value": 42})), "42");
}

#[test]
fn negatives_take_a_true_minus_sign() {
    assert_eq!(
        text(serde_json::json!({"value": 7.7, "unit": "%", "direction": "down"})),
        "−7.7%"
    );
    assert_eq!(text(serde_json::json!({"value": -40, "unit": "%"})), "−40%");
    assert_eq!(
        text(serde_json::json!({"value": -2, "scale": "billion", "currency": "USD"})),
        "−$2 billion"
    );
    assert!(!text(serde_json::json!({"value": -5})).contains('-'));
}

#[test]
fn ranges_use_an_en_dash_or_to_across_zero() {
    assert_eq!(
        text(
            serde_json::json!({"range": [2, 3], "scale": "billion", "currency": "USD", "bound": "about"})
        ),
        "about $2–3 billion"
    );
    assert_eq!(
        text(serde_json::json!({"range": [500, 700], "unit": "staff"})),
        "500–700 staff"
    );
    assert_eq!(
        text(serde_json::json!({"range": [4, 6], "unit": "%", "direction": "down"})),
        "−4–6%"
    );
    assert_eq!(
        text(serde_json::json!({"range": [-2, 3], "unit": "%"})),
        "−2 to 3%"
    );
}

#[test]
fn words_stand_in_for_a_number() {
    assert_eq!(
        text(serde_json::json!({"qualitative": "nearly all", "unit": "staff"})),
        "nearly all staff"
    );
}

#[test]
fn comparable_values_are_signed_and_scale_normalised() {
    let bn = metric(serde_json::json!({"value": 13, "scale": "billion"}));
    assert_eq!(comparable(&bn), Some((13e9, 13e9)));
    let yi = metric(serde_json::json!({"value": 3, "scale": "yi"}));
    assert_eq!(comparable(&yi), Some((3e8, 3e8)));
    let wan = metric(serde_json::json!({"value": 5, "scale": "wan"}));
    assert_eq!(comparable(&wan), Some((5e4, 5e4)));
    let down = metric(serde_json::json!({"value": 7.7, "direction": "down"}));
    assert_eq!(comparable(&down), Some((-7.7, -7.7)));
    let range = metric(serde_json::json!({"range": [2, 3], "scale": "million"}));
    assert_eq!(comparable(&range), Some((2e6, 3e6)));
    let falling_range = metric(serde_json::json!({"range": [4, 6], "direction": "down"}));
    assert_eq!(comparable(&falling_range), Some((-6.0, -4.0)));
    let words = metric(serde_json::json!({"qualitative": "most"}));
    assert_eq!(comparable(&words), None);
}

fn problems(fields: serde_json::Value) -> Vec<String> {
    amount_problems(&metric(fields), 4)
        .into_iter()
        .map(|p| format!("{p}"))
        .collect()
}

#[test]
fn the_loader_refuses_amounts_that_cannot_be_read() {
    let none = problems(serde_json::json!({}));
    assert_eq!(none.len(), 1);
    assert!(
        none[0].contains("metrics[4]") && none[0].contains("`qualitative`"),
        "{none:?}"
    );
    let both = problems(serde_json::json!({"value": 2, "range": [1, 3]}));
    assert!(both[0].contains("only one of"), "{both:?}");
    let backwards = problems(serde_json::json!({"range": [5, 3]}));
    assert!(
        backwards[0].contains("metrics[4].range") && backwards[0].contains("[3, 5]"),
        "{backwards:?}"
    );
    let flat = problems(serde_json::json!({"range": [5, 5]}));
    assert!(flat[0].contains("\"value\": 5"), "{flat:?}");
    let words_with_scale =
        problems(serde_json::json!({"qualitative": "most", "scale": "billion", "bound": "about"}));
    assert_eq!(words_with_scale.len(), 2, "{words_with_scale:?}");
    assert!(words_with_scale[0].contains("metrics[4].scale"));
    assert!(words_with_scale[1].contains("metrics[4].bound"));
    let blank = problems(serde_json::json!({"qualitative": "  "}));
    assert!(blank[0].contains("must not be empty"), "{blank:?}");
}

#[test]
fn currency_codes_get_a_fix() {
    let dollar = problems(serde_json::json!({"value": 1, "currency": "$"}));
    assert!(
        dollar[0].contains("metrics[4].currency") && dollar[0].contains("`USD`"),
        "{dollar:?}"
    );
    let lower = problems(serde_json::json!({"value": 1, "currency": "chf"}));
    assert!(lower[0].contains("`CHF`"), "{lower:?}");
    let yen = problems(serde_json::json!({"value": 1, "currency": "¥"}));
    assert!(
        yen[0].contains("`CNY`") && yen[0].contains("`JPY`"),
        "{yen:?}"
    );
    assert!(problems(serde_json::json!({"value": 1, "currency": "SEK"})).is_empty());
}
