//! Where a big record list may be cut between threads: guesses, each at a `{` that
//! follows `},` with only whitespace between, as one list item follows another. A guess
//! can be wrong (inside a string, or a nested list of objects); the thread that parses
//! the text before it checks that it lands there exactly, so a wrong guess costs time,
//! never a wrong story.

use crate::story::load::json_spans::is_space;

/// How far past its target a guess is looked for.
const SEARCH_BYTES: usize = 4 << 20;

/// Up to `parts - 1` places after `first` that may start items of the list whose first
/// item is at `first`, spread evenly over the rest of the text, in order.
pub(super) fn guesses(bytes: &[u8], first: usize, parts: usize) -> Vec<usize> {
    let rest = bytes.len().saturating_sub(first);
    let mut found: Vec<usize> = Vec::new();
    for k in 1..parts {
        let target = first + rest / parts * k;
        let after = found.last().map_or(first + 1, |&last| last + 1).max(target);
        if let Some(guess) = next_item_start(bytes, after, bytes.len()) {
            found.push(guess);
        }
    }
    found
}

/// The first place at or after `from` and before `limit` that looks like the start of
/// a list item that follows another.
pub(super) fn next_item_start(bytes: &[u8], from: usize, limit: usize) -> Option<usize> {
    let end = limit
        .min(bytes.len())
        .min(from.saturating_add(SEARCH_BYTES));
    let window = bytes.get(from..end)?;
    memchr::memchr_iter(b'{', window)
        .map(|i| from + i)
        .find(|&brace| follows_an_item(bytes, brace))
}

/// Whether only whitespace, a `,`, more whitespace and a `}` come before `brace`.
fn follows_an_item(bytes: &[u8], brace: usize) -> bool {
    let before = &bytes[..brace];
    let mut back = before.iter().rev().skip_while(|&&b| is_space(b));
    if back.next() != Some(&b',') {
        return false;
    }
    back.find(|&&b| !is_space(b)) == Some(&b'}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guess_is_a_brace_after_a_closed_item_and_a_comma() {
        let text = br#"[{"a": {"b": 1}}, {"c": [{"d": 2},{"e": 3}]},
            {"f": 4}]"#;
        let starts: Vec<usize> = (0..text.len())
            .filter_map(|from| next_item_start(text, from, text.len()))
            .collect();
        let mut distinct = starts.clone();
        distinct.dedup();
        let at = |needle: &str| {
            let found = std::str::from_utf8(text).unwrap().find(needle).unwrap();
            found - 1
        };
        // The items after the first, and the nested object after another (a wrong
        // guess the parse must catch): never the first item, never `{"b"`.
        assert_eq!(distinct, vec![at("\"c\""), at("\"e\""), at("\"f\"")]);
    }

    #[test]
    fn guesses_are_in_order_after_the_first_item() {
        let item = br#"{"id": "x", "n": 1}"#;
        let mut text = b"[".to_vec();
        for i in 0..1000 {
            if i > 0 {
                text.extend_from_slice(b",\n  ");
            }
            text.extend_from_slice(item);
        }
        text.push(b']');
        let found = guesses(&text, 1, 4);
        assert_eq!(found.len(), 3);
        assert!(found.windows(2).all(|w| w[0] < w[1]), "{found:?}");
        for &g in &found {
            assert_eq!(text[g], b'{');
            assert!(g > 1);
        }
        assert!(guesses(b"[{\"a\": 1}]", 1, 4).is_empty());
    }
}
