//! "Did you mean" for the closed vocabularies (bounds, sourcing, timing, direction,
//! entity kinds): the program reasons with these values, so a wrong one is refused,
//! and the refusal names the value most likely meant, from a near spelling or a
//! common synonym (`roughly` → `about`, `more than` → `over`).

use crate::story::safe_text::did_you_mean;

/// Words writers reach for, and the allowed value each means. A synonym is only offered
/// where its value is allowed, so one table serves every closed field.
const SYNONYMS: &[(&str, &str)] = &[
    // Bounds.
    ("roughly", "about"),
    ("approximately", "about"),
    ("approx", "about"),
    ("around", "about"),
    ("circa", "about"),
    ("nearly", "about"),
    ("almost", "about"),
    ("some", "about"),
    ("estimated", "about"),
    ("more_than", "over"),
    ("above", "over"),
    ("greater_than", "over"),
    ("upwards_of", "over"),
    ("in_excess_of", "exceeding"),
    ("minimum", "at_least"),
    ("min", "at_least"),
    ("no_less_than", "at_least"),
    ("not_less_than", "at_least"),
    ("maximum", "up_to"),
    ("max", "up_to"),
    ("at_most", "up_to"),
    ("no_more_than", "up_to"),
    ("as_much_as", "up_to"),
    ("as_many_as", "up_to"),
    ("less_than", "under"),
    ("fewer_than", "under"),
    ("below", "under"),
    ("exactly", "exact"),
    ("precise", "exact"),
    ("precisely", "exact"),
    // Sourcing.
    ("rumored", "rumoured"),
    ("rumour", "rumoured"),
    ("rumor", "rumoured"),
    ("alleged", "rumoured"),
    ("unconfirmed", "reported"),
    ("official", "announced"),
    ("verified", "confirmed"),
    ("contested", "disputed"),
    ("refuted", "denied"),
    // Timing.
    ("done", "happened"),
    ("past", "happened"),
    ("completed", "happened"),
    ("occurred", "happened"),
    ("in_progress", "ongoing"),
    ("current", "ongoing"),
    ("continuing", "ongoing"),
    ("planned", "expected"),
    ("upcoming", "expected"),
    ("future", "expected"),
    ("scheduled", "expected"),
    ("if", "conditional"),
    ("canceled", "cancelled"),
    ("called_off", "cancelled"),
    // Direction.
    ("rise", "up"),
    ("increase", "up"),
    ("gain", "up"),
    ("fall", "down"),
    ("drop", "down"),
    ("decrease", "down"),
    ("decline", "down"),
    // Scales.
    ("k", "thousand"),
    ("thousands", "thousand"),
    ("m", "million"),
    ("mn", "million"),
    ("millions", "million"),
    ("b", "billion"),
    ("bn", "billion"),
    ("billions", "billion"),
    ("tn", "trillion"),
    ("trillions", "trillion"),
    ("ten_thousand", "wan"),
    ("hundred_million", "yi"),
    // Entity kinds.
    ("organization", "organisation"),
    ("org", "organisation"),
    ("firm", "company"),
    ("corporation", "company"),
    ("business", "company"),
    ("model", "ai_model"),
    ("llm", "ai_model"),
    ("individual", "person"),
    ("country", "market"),
    ("region", "market"),
    ("agency", "regulator"),
    ("authority", "regulator"),
];

/// The allowed value `written` most likely means: itself in snake_case (`Up To` →
/// `up_to`), a synonym, or a near spelling.
pub(crate) fn likely_meant<'a>(written: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let normal = normalise(written);
    let found = |value: &str| allowed.iter().copied().find(|&a| a == value);
    if let Some(same) = found(&normal) {
        return Some(same);
    }
    if let Some(value) = SYNONYMS
        .iter()
        .find(|(synonym, _)| *synonym == normal)
        .and_then(|(_, value)| found(value))
    {
        return Some(value);
    }
    did_you_mean(&normal, allowed.iter().copied())
}

/// "More than" → "more_than", "~" → "about"'s spelling aside: lowercase, words by `_`.
fn normalise(written: &str) -> String {
    let trimmed = written.trim();
    if trimmed == "~" || trimmed == "c." || trimmed == "ca." {
        return "approx".to_owned();
    }
    let mut out = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// The hint for a wrong closed value: what to write, and what is allowed.
pub(crate) fn hint(written: &str, allowed: &[&str]) -> String {
    let list = allowed.join(", ");
    match likely_meant(written, allowed) {
        Some(meant) => format!("did you mean `{meant}`? allowed: {list}"),
        None => format!("allowed: {list}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: &[&str] = &[
        "exact",
        "about",
        "over",
        "exceeding",
        "at_least",
        "up_to",
        "under",
    ];

    #[test]
    fn synonyms_name_the_allowed_value() {
        assert_eq!(likely_meant("roughly", BOUNDS), Some("about"));
        assert_eq!(likely_meant("approximately", BOUNDS), Some("about"));
        assert_eq!(likely_meant("more than", BOUNDS), Some("over"));
        assert_eq!(likely_meant("More Than", BOUNDS), Some("over"));
        assert_eq!(likely_meant("less than", BOUNDS), Some("under"));
        assert_eq!(likely_meant("~", BOUNDS), Some("about"));
    }

    #[test]
    fn spacing_and_case_and_typos() {
        assert_eq!(likely_meant("up to", BOUNDS), Some("up_to"));
        assert_eq!(likely_meant("At-Least", BOUNDS), Some("at_least"));
        assert_eq!(likely_meant("exceding", BOUNDS), Some("exceeding"));
        assert_eq!(likely_meant("zebra", BOUNDS), None);
    }

    #[test]
    fn scale_abbreviations_name_the_word() {
        let scales = &["thousand", "million", "billion", "trillion", "wan", "yi"];
        assert_eq!(likely_meant("bn", scales), Some("billion"));
        assert_eq!(likely_meant("M", scales), Some("million"));
        assert_eq!(likely_meant("hundred million", scales), Some("yi"));
    }

    #[test]
    fn a_synonym_is_offered_only_where_its_value_is_allowed() {
        // `rise` means `up`, which is no bound.
        assert_eq!(likely_meant("rise", BOUNDS), None);
        assert_eq!(likely_meant("rise", &["up", "down"]), Some("up"));
    }
}
