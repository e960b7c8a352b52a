//! The word lists of the event rule: action verbs that make a dated sentence an
//! event, and the words that make it an expectation; and finding them as whole words.

/// Verbs that make a dated sentence an event (and their forms after "will" / "to").
pub(crate) const ACTION_VERBS: &[&str] = &[
    "launched",
    "launch",
    "launches",
    "unveiled",
    "unveil",
    "unveils",
    "announced",
    "announce",
    "announces",
    "released",
    "release",
    "introduced",
    "surpassed",
    "overtook",
    "approved",
    "approve",
    "chose",
    "selected",
    "picked",
    "dropped",
    "acquired",
    "acquire",
    "bought",
    "signed",
    "sign",
    "agreed",
    "filed",
    "submitted",
    "completed",
    "complete",
    "opened",
    "open",
    "closed",
    "rose",
    "fell",
    "jumped",
    "surged",
    "climbed",
    "slid",
    "plunged",
    "began",
    "begin",
    "started",
    "ended",
    "tested",
    "testing",
    "partnered",
    "invested",
    "sued",
    "rolled",
    "debuted",
    "reached",
    "won",
    "cut",
    "raised",
    "delayed",
    "postponed",
    "cancelled",
    "halted",
    "suspended",
    "resumed",
    "merged",
    "hired",
    "appointed",
    "resigned",
    "named",
    "elected",
    "voted",
    "passed",
    "ruled",
    "fined",
    "banned",
    "evaluated",
    "considered",
    "rejected",
    "expanded",
    "closes",
    "opens",
    "shipped",
    "ship",
    "delivered",
    "deliver",
    "topped",
    "shook",
    "shaken",
    "climb",
    "climbed",
    "declined",
    "decided",
    "suspended",
    "grounded",
    "recalled",
    "settled",
    "halted",
    "paused",
];

/// Words that make an event an expectation.
pub(crate) const EXPECTATION_CUES: &[&str] = &[
    "will",
    "expected",
    "anticipated",
    "plans",
    "planned",
    "scheduled",
    "set to",
    "due to",
    "aims to",
    "intends",
];

/// The first action verb in `sentence`: its byte offset and the verb.
pub(crate) fn find_verb(sentence: &str) -> Option<(usize, &'static str)> {
    let mut at = 0;
    for word in sentence.split_inclusive(char::is_whitespace) {
        let bare = word
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if let Some(verb) = ACTION_VERBS.iter().find(|v| **v == bare) {
            return Some((at, verb));
        }
        at += word.len();
    }
    None
}

pub(crate) fn contains_word(haystack: &str, phrase: &str) -> bool {
    haystack.match_indices(phrase).any(|(at, _)| {
        let before = haystack[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = haystack[at + phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}
