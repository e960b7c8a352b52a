//! The scale word a metric's value is stated in (thousand, million, 万, 亿 …): part of
//! the file format, apart from `amount` so the model does not depend on how amounts
//! are read aloud.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The scale word a value is stated in. The CJK scales (万, 亿) count in tens of
/// thousands, so 3亿 is 300 million: charts normalise every scale before comparing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Worth 1,000.
    Thousand,
    /// Worth 1,000,000.
    Million,
    /// Worth 10⁹, a thousand million (the short scale).
    Billion,
    /// Worth 10¹², a million million.
    Trillion,
    /// 万: ten thousand.
    #[serde(alias = "万")]
    Wan,
    /// 亿 (億): a hundred million.
    #[serde(alias = "亿", alias = "億")]
    Yi,
}

impl Scale {
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

    /// The word as written after the number: " billion" with its space, "亿" without.
    pub(crate) fn suffix(self) -> &'static str {
        match self {
            Scale::Thousand => " thousand",
            Scale::Million => " million",
            Scale::Billion => " billion",
            Scale::Trillion => " trillion",
            Scale::Wan => "万",
            Scale::Yi => "亿",
        }
    }

    pub(crate) fn is_cjk(self) -> bool {
        matches!(self, Scale::Wan | Scale::Yi)
    }
}
