//! SkimMatcherV2's exact score for an ASCII word in an ASCII name, in one pass over the
//! name, all of the word's rows at once: a scan computes it for every match a bound
//! cannot rule out, where it costs about what the old upper bound (`best_possible`)
//! did, so no match is ranked by a bound that is 30–55 points too high.
//!
//! It is the table `skim` walks row by row (one row per word char, quirks included),
//! walked column by column instead. Row `i` holds, per column, M (the best score with
//! word char `i` matched there) and P (the best with it matched before, in a gap):
//! - M at a match of char `i` after position `p - 1`: `16 + max(M[i-1] at p - 1 +
//!   max(bonus, 4), P[i-1] at p - 1 + bonus)`, the bonus being 16 at the very start;
//!   row 0 has `P = -1` everywhere.
//! - `P[i]` at column `c` is `max(start_i, m + col - 3 over row i's matches left of c)
//!   - c`: keeping that running maximum (`run`) per row is all P needs.
//! - The quirks: row `i` starts at the word char's greedy match `g_i`, and its first
//!   cell is what the two-row buffer holds there, row `i - 2`'s (row 1 gets the
//!   buffer's initial `P = -1`); the answer is the best M of the last row, or that
//!   first cell's M when it is larger.
//!
//! `same_as_fuzzy_matcher` checks it against the crate on random and adversarial names.

/// The matcher's "minus infinity": far below any score, and safe to add small numbers to.
const NEG: i32 = i16::MIN as i32;
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const BONUS_CONSECUTIVE: i32 = 4;
/// The bonus of a match at the name's very start (the head bonus, doubled).
const BONUS_AT_START: i32 = 16;

/// The bonus a match gets after each ASCII byte (`skim::bonus_after_ascii`).
const BONUS_AFTER: [i32; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = super::skim::bonus_after_ascii(b as u8);
        b += 1;
    }
    table
};

/// The longest word this scores (one bit per char in `which`).
pub(super) const LONGEST: usize = 64;

/// A word's score in a name, and a ceiling on the score of any longer word that starts
/// with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scored {
    pub score: i64,
    /// The highest M of every row (and at least -2): the score of the word with one
    /// more char `c` is at most this plus `16 + max(4, the best bonus c gets in the
    /// name)`, and so is that word's ceiling. Why: rows 0..n are the same for both
    /// words; the new row's M at `p` is 16 plus either M of row n - 1 at `p - 1` plus
    /// `max(bonus, 4)`, or P of row n - 1 at `p - 1` plus the bonus. Every P is some
    /// earlier M less at least 4 (a gap after a match, or a first cell carried two
    /// rows down less the gap to `p`), or row 1's first cell, `g_1 - 1 - col <= -2`;
    /// the answer's first cell is an M of row n - 2. (`ceilings_hold` checks it.)
    pub ceiling: i64,
}

/// Per row (up to `N`), what the next column needs of it.
struct Rows<const N: usize> {
    /// M at the previous position, for rows with a match there (bit set in `adjacent`).
    m_before: [i32; N],
    /// `max(start, m + col - 3)` over the row's matches up to two positions back.
    run: [i32; N],
    /// Rows with a match at the previous position.
    adjacent: u64,
}

/// The score SkimMatcherV2 (a new matcher, default settings) gives lower-case ASCII
/// `word` (1 to `LONGEST` bytes) in lower-case ASCII `hay`, and its ceiling (see
/// `Scored`); None unless `word` is a subsequence of `hay`. `which[b]` has bit `i` set
/// when `word[i] == b`.
pub(super) fn score(word: &[u8], which: &[u64; 128], hay: &[u8]) -> Option<Scored> {
    debug_assert!(!word.is_empty() && word.len() <= LONGEST);
    // Rows for short words take less setting up.
    if word.len() <= SHORT {
        score_in::<SHORT>(word, which, hay)
    } else {
        score_in::<LONGEST>(word, which, hay)
    }
}

/// Words up to this long use rows of this many.
const SHORT: usize = 16;

/// `score`, with room for `N` rows.
fn score_in<const N: usize>(word: &[u8], which: &[u64; 128], hay: &[u8]) -> Option<Scored> {
    let last = word.len() - 1;
    let mut rows = Rows {
        m_before: [NEG; N],
        run: [NEG; N],
        adjacent: 0,
    };
    // Rows started so far (the word's chars matched greedily so far).
    let mut started = 0usize;
    let (mut best, mut first_cell) = (NEG, NEG);
    // Every M is at least the score of some prefix; -2 is what row 1's first cell
    // lets row 2 start from (see `Scored::ceiling`).
    let mut ceiling = -2;
    // Nothing happens before the first char's first match: no row has started.
    let first = hay.iter().position(|&b| b == word[0])?;
    let mut bonus = match first.checked_sub(1) {
        Some(before) => BONUS_AFTER[usize::from(hay[before] & 0x7f)],
        None => BONUS_AT_START,
    };
    let mut live = 0u64;
    for (p, &c) in hay.iter().enumerate().skip(first) {
        // The name is ASCII: `& 0x7f` only keeps the index in bounds.
        let c = c & 0x7f;
        let matched = which[usize::from(c)];
        if matched == 0 {
            // Most bytes: no word char here, so the rows only move on a column.
            rows.no_match(p as i32);
            bonus = BONUS_AFTER[usize::from(c)];
            continue;
        }
        if started <= last && c == word[started] {
            if started == last && last >= 2 {
                first_cell = rows.m_at(last - 2);
            }
            rows.start(started, p as i32);
            started += 1;
            live = u64::MAX >> (63 - (started - 1));
        }
        let (last_m, highest) = rows.step(matched & live, p as i32, bonus, last);
        best = best.max(last_m);
        ceiling = ceiling.max(highest);
        bonus = BONUS_AFTER[usize::from(c)];
    }
    (started > last).then(|| Scored {
        score: i64::from(best.max(first_cell)),
        ceiling: i64::from(ceiling),
    })
}

impl<const N: usize> Rows<N> {
    /// Position `p` holds no word char: the rows with a match at `p - 1` fold it into
    /// their run, and none has a match at `p`.
    #[inline]
    fn no_match(&mut self, p: i32) {
        let mut rows = self.adjacent;
        while rows != 0 {
            let i = rows.trailing_zeros() as usize;
            rows &= rows - 1;
            self.run[i] = self.run[i].max(self.m_before[i] + p + GAP_START);
        }
        self.adjacent = 0;
    }

    /// Row `i`'s M at the previous position.
    fn m_at(&self, i: usize) -> i32 {
        if self.adjacent & (1 << i) != 0 {
            self.m_before[i]
        } else {
            NEG
        }
    }

    /// Starts row `i` at its greedy match, position `p`: its first cell (column `p`) is
    /// row `i - 2`'s there, or the buffer's initial one.
    fn start(&mut self, i: usize, p: i32) {
        self.run[i] = match i {
            0 => NEG + p,
            1 => p - 1,
            _ => self.run[i - 2].max(self.m_at(i - 2) + GAP_START + p),
        };
    }

    /// Position `p` (its char's position `bonus`): M for the rows in `hits`, then every
    /// row moves on a column. The last row's M here and the highest M here (NEG when
    /// none).
    fn step(&mut self, hits: u64, p: i32, bonus: i32, last: usize) -> (i32, i32) {
        let mut rows = hits | self.adjacent;
        let (mut last_m, mut highest) = (NEG, NEG);
        let mut adjacent = 0;
        // Highest row first: each reads the row above as it was at the previous position.
        while rows != 0 {
            let i = 63 - rows.leading_zeros() as usize;
            rows &= !(1 << i);
            if self.adjacent & (1 << i) != 0 {
                self.run[i] = self.run[i].max(self.m_before[i] + p + GAP_START);
            }
            if hits & (1 << i) == 0 {
                continue;
            }
            let m = if i == 0 {
                -1 + bonus
            } else {
                let by_match = self.m_at(i - 1) + bonus.max(BONUS_CONSECUTIVE);
                by_match.max(self.run[i - 1] - p + bonus)
            } + SCORE_MATCH;
            self.m_before[i] = m;
            adjacent |= 1 << i;
            highest = highest.max(m);
            if i == last {
                last_m = m;
            }
        }
        self.adjacent = adjacent;
        (last_m, highest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    fn which(word: &str) -> [u64; 128] {
        let mut which = [0u64; 128];
        for (i, b) in word.bytes().enumerate() {
            which[usize::from(b)] |= 1 << i;
        }
        which
    }

    fn one_pass(hay: &str, word: &str) -> Option<i64> {
        score(word.as_bytes(), &which(word), hay.as_bytes()).map(|s| s.score)
    }

    fn matcher(hay: &str, word: &str) -> Option<i64> {
        SkimMatcherV2::default().fuzzy_match(hay, word)
    }

    /// Random names over small alphabets (so words repeat letters and match in many
    /// places), short and long (long gaps), with every kind of separator and NUL.
    #[test]
    fn same_as_fuzzy_matcher() {
        let mut next = crate::fixture::draws_below(7);
        let mut matched = 0;
        for (alphabet, longest) in [
            ("ab -.1/(\0", 24),
            ("aab c-", 30),
            ("abcab", 12),
            ("abcdefghij k", 120),
            ("tencn ", 90),
        ] {
            let alphabet: Vec<char> = alphabet.chars().collect();
            for _ in 0..25_000 {
                let hay: String = (0..next(longest))
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect();
                let word: String = (0..1 + next(7))
                    .map(|_| alphabet[next(alphabet.len())])
                    .filter(|c| *c != ' ')
                    .collect();
                if word.is_empty() {
                    continue;
                }
                let expected = matcher(&hay, &word);
                assert_eq!(one_pass(&hay, &word), expected, "{word:?} in {hay:?}");
                matched += usize::from(expected.is_some());
            }
        }
        assert!(matched > 40_000, "{matched}");
    }

    /// Names built to reach the matcher's quirks: a stale first cell larger than every
    /// real alignment (long gaps make the full word score below two chars of it), the
    /// buffer's initial row feeding row 2, matches at the very start, words as long as
    /// it takes.
    #[test]
    fn quirks_and_long_words() {
        let gap = "z".repeat(40);
        let cases = [
            (format!("a{gap}b{gap}ac"), "abc".to_owned()),
            (format!("a{gap}b{gap}abcd"), "abcd".to_owned()),
            (format!("xy{gap}a{gap}bc"), "xyabc".to_owned()),
            (format!("{gap}x{gap}y{gap}z"), "xyz".to_owned()),
            ("tencent tencnet".to_owned(), "tencnet".to_owned()),
            ("a".repeat(70), "a".repeat(64)),
            ("ab".repeat(40), "ba".repeat(32)),
            ("(a)-[b]".to_owned(), "a)-[b".to_owned()),
        ];
        for (hay, word) in &cases {
            let expected = matcher(hay, word);
            assert!(expected.is_some(), "{word:?} in {hay:?}");
            assert_eq!(one_pass(hay, word), expected, "{word:?} in {hay:?}");
        }
        assert_eq!(one_pass("qwen 2.5-max", "qwen"), Some(91));
        assert_eq!(one_pass("qwen", "qwx"), None);
        assert_eq!(one_pass("", "q"), None);
    }

    /// A word's ceiling bounds the score and the ceiling of every longer word that
    /// starts with it, grown by `Term::ceiling_growth` (as the scan uses it), on names
    /// with long gaps and repeated letters, where carried first cells count most.
    #[test]
    fn ceilings_hold() {
        let mut next = crate::fixture::draws_below(11);
        let mut checked = 0;
        for (alphabet, longest) in [("ab -.\0", 30), ("aab c", 60), ("abcdefgh ", 100)] {
            let alphabet: Vec<char> = alphabet.chars().collect();
            for _ in 0..20_000 {
                let hay: String = (0..next(longest))
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect();
                let word: String = (0..1 + next(8))
                    .map(|_| alphabet[next(alphabet.len())])
                    .filter(|c| *c != ' ')
                    .collect();
                let starts = crate::terms::word_starts(hay.as_bytes());
                let term = crate::terms::Term::new(&word);
                for known in 1..word.len() {
                    let Some(prefix) = score(
                        &word.as_bytes()[..known],
                        &which(&word[..known]),
                        hay.as_bytes(),
                    ) else {
                        break;
                    };
                    let Some(whole) = score(word.as_bytes(), &which(&word), hay.as_bytes()) else {
                        break;
                    };
                    let ceiling = prefix.ceiling + term.ceiling_growth(known, starts);
                    assert!(
                        whole.score <= ceiling && whole.ceiling <= ceiling,
                        "{word:?} ({known}) in {hay:?}"
                    );
                    assert!(prefix.score <= prefix.ceiling, "{word:?} in {hay:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 30_000, "{checked}");
    }
}
