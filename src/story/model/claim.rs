//! A claim's status on its two axes, as the file writes it: how well it is sourced
//! (`Sourcing`) and where it sits in time (`Timing`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How well a claim is sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sourcing {
    /// Talked of, with no one standing behind it.
    Rumoured,
    /// A news outlet says so, citing others.
    Reported,
    /// The party concerned said so itself.
    Announced,
    /// Confirmed independently.
    Confirmed,
    /// A party concerned denies it.
    Denied,
    /// Sources disagree; a dispute records how.
    Disputed,
}

impl Sourcing {
    /// The word shown for it, the same as written in the file: "reported".
    pub fn label(self) -> &'static str {
        match self {
            Sourcing::Rumoured => "rumoured",
            Sourcing::Reported => "reported",
            Sourcing::Announced => "announced",
            Sourcing::Confirmed => "confirmed",
            Sourcing::Denied => "denied",
            Sourcing::Disputed => "disputed",
        }
    }
}

/// Where a claim sits in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    /// Took place; never overdue.
    Happened,
    /// Began and has not ended.
    Ongoing,
    /// Still to come; overdue once every day its date can mean has passed.
    Expected,
    /// Expected only if a condition holds (see `condition`).
    Conditional,
    /// Called off: no longer expected, so never overdue.
    Cancelled,
}

impl Timing {
    /// The word shown for it; both kinds of expectation read "expected" (`status_text`
    /// adds a conditional one's condition).
    pub fn label(self) -> &'static str {
        match self {
            Timing::Happened => "happened",
            Timing::Ongoing => "ongoing",
            Timing::Expected => "expected",
            Timing::Conditional => "expected",
            Timing::Cancelled => "cancelled",
        }
    }

    /// True for claims about the future, which can become overdue.
    pub fn is_expectation(self) -> bool {
        matches!(self, Timing::Expected | Timing::Conditional)
    }
}

/// Claim status on its two axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// How well sourced: rumoured, reported, announced, confirmed, denied or disputed.
    pub sourcing: Sourcing,
    /// Where the claim sits in time: happened, ongoing, expected, conditional or
    /// cancelled.
    pub timing: Timing,
}

impl Status {
    /// The one word a list row shows so a claim is not read as a plain fact: denied
    /// and cancelled first (the thing did not happen as told), then expected,
    /// conditional, ongoing and rumoured; None for a reported, announced or confirmed
    /// thing that happened (a dispute has its own badge).
    pub fn list_mark(self) -> Option<&'static str> {
        match (self.sourcing, self.timing) {
            (Sourcing::Denied, _) => Some("denied"),
            (_, Timing::Cancelled) => Some("cancelled"),
            (_, Timing::Expected) => Some("expected"),
            (_, Timing::Conditional) => Some("conditional"),
            (_, Timing::Ongoing) => Some("ongoing"),
            (Sourcing::Rumoured, _) => Some("rumoured"),
            _ => None,
        }
    }
}
