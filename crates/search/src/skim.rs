//! The score fuzzy-matcher's SkimMatcherV2 (0.3.7, default settings) gives a lower-case
//! word in a lower-case name, computed the same way step for step but without
//! allocating: a search uses it to decide which names cannot make the top k, and asks
//! fuzzy-matcher itself only about the others.
//!
//! It follows `SkimMatcherV2::fuzzy` with a new matcher (an empty score matrix), quirks
//! included: the run-on bonus is read from the cell before the current one in the same
//! two-row buffer, and the last row's maximum starts at the column of the word's last
//! greedy match. `same_as_fuzzy_matcher` checks it against the crate on random input.

/// Scores from the matcher's `SkimScoreConfig::default()`.
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_HEAD: i32 = 8;
const BONUS_BREAK: i32 = 7;
const BONUS_CAMEL: i32 = 6;
const BONUS_CONSECUTIVE: i32 = 4;
const FIRST_CHAR_MULTIPLIER: i32 = 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

/// A char as the matcher sees it, for the bonus of the char after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

#[inline]
const fn kind(c: char) -> Kind {
    match c {
        '\0' => Kind::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => Kind::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => Kind::SoftSep,
        '0'..='9' => Kind::Number,
        'A'..='Z' => Kind::Upper,
        _ => Kind::Lower,
    }
}

#[inline]
fn in_place_bonus(prev: Kind, cur: Kind) -> i32 {
    match (prev, cur) {
        (Kind::Empty | Kind::HardSep, _) => BONUS_HEAD,
        (Kind::SoftSep, _) => BONUS_BREAK,
        (Kind::Lower | Kind::Number, Kind::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// The bonus a match gets after ASCII byte `previous` (in lower-case text, where no
/// char is upper case, the bonus depends on the char before alone).
pub(super) const fn bonus_after_ascii(previous: u8) -> i32 {
    match kind(previous as char) {
        Kind::Empty | Kind::HardSep => BONUS_HEAD,
        Kind::SoftSep => BONUS_BREAK,
        _ => 0,
    }
}

/// A char of a name or word: bytes for ASCII text, chars otherwise.
trait Letter: Copy + Eq {
    fn kind(self) -> Kind;
}

impl Letter for u8 {
    #[inline]
    fn kind(self) -> Kind {
        ASCII_KINDS[usize::from(self & 0x7f)]
    }
}

impl Letter for char {
    #[inline]
    fn kind(self) -> Kind {
        kind(self)
    }
}

const ASCII_KINDS: [Kind; 128] = {
    let mut table = [Kind::Lower; 128];
    let mut c = 0;
    while c < 128 {
        table[c] = kind(c as u8 as char);
        c += 1;
    }
    table
};

/// One row of the table: the word char's matches, by column (name position + 1).
#[derive(Clone, Copy, Default)]
struct Row {
    /// The column before the first one the matcher computes for this row.
    skip: usize,
    /// Where this row's matches sit in `Scorer::hits`.
    from: usize,
    to: usize,
    /// The gap score's starting point: `P(col) = max(start, best run) - col`.
    start: i32,
}

/// A match: its column, the score of ending there (M), and the best `M + col - 3` of
/// this and earlier matches in the row (for gap scores after it).
#[derive(Clone, Copy)]
struct Hit {
    col: usize,
    m: i32,
    run: i32,
}

/// Where `fill_row` is in the row above: the next of its matches to look at, its
/// matches' range in `Scorer::hits`, and its gap score's starting point.
#[derive(Clone, Copy, Default)]
struct Above {
    at: usize,
    from: usize,
    end: usize,
    start: i32,
}

/// Reusable buffers: one per thread and search.
#[derive(Default)]
pub(super) struct Scorer {
    choice: Vec<char>,
    word: Vec<char>,
    rows: Vec<Row>,
    hits: Vec<Hit>,
}

impl Scorer {
    /// SkimMatcherV2's `fuzzy_match(haystack, word)` from a new matcher; None when the
    /// word is not a subsequence. Both must be lower case (so that comparing chars
    /// equals the matcher's case-insensitive comparison, with no case penalty).
    #[cfg(test)]
    pub fn score(&mut self, haystack: &str, word: &str) -> Option<i64> {
        self.score_known(haystack, haystack.is_ascii(), word)
    }

    /// `score`, told whether `haystack` is ASCII.
    pub fn score_known(&mut self, haystack: &str, ascii: bool, word: &str) -> Option<i64> {
        if ascii && word.is_ascii() {
            return self.run(haystack.as_bytes(), word.as_bytes());
        }
        let mut choice = std::mem::take(&mut self.choice);
        let mut letters = std::mem::take(&mut self.word);
        choice.clear();
        choice.extend(haystack.chars());
        letters.clear();
        letters.extend(word.chars());
        let score = self.run(&choice, &letters);
        self.choice = choice;
        self.word = letters;
        score
    }

    /// The table, row by row (one per word char), keeping only each row's matches:
    /// where the rows start, then each row's matches, then the best end of the last.
    fn run<L: Letter>(&mut self, choice: &[L], word: &[L]) -> Option<i64> {
        if word.is_empty() {
            return Some(0);
        }
        if !self.start_rows(choice, word) {
            return None;
        }
        self.hits.clear();
        for (i, &letter) in word.iter().enumerate() {
            self.fill_row(choice, i, letter);
        }
        Some(i64::from(self.best_end(word.len() - 1)))
    }

    /// The greedy first match of each word char: where the matcher starts its rows.
    /// False when the word is not a subsequence of `choice`.
    #[inline]
    fn start_rows<L: Letter>(&mut self, choice: &[L], word: &[L]) -> bool {
        self.rows.clear();
        let mut next = 0;
        for (index, &c) in choice.iter().enumerate() {
            if c == word[next] {
                self.rows.push(Row {
                    skip: index,
                    ..Row::default()
                });
                next += 1;
                if next == word.len() {
                    break;
                }
            }
        }
        next == word.len()
    }

    /// Row `i` (word char `letter`): the score of ending at each match of `letter`,
    /// from the row above at the column before.
    #[inline]
    fn fill_row<L: Letter>(&mut self, choice: &[L], i: usize, letter: L) {
        let skip = self.rows[i].skip;
        // The cell left of the row's first: what the row two above left there
        // (rows alternate in a two-row buffer), or the new table's values.
        let (old_m, old_p) = match i {
            0 => (NEG_INFINITY, NEG_INFINITY),
            1 => (NEG_INFINITY, GAP_EXTENSION),
            _ => (self.m_at(i - 2, skip), self.p_at(i - 2, skip)),
        };
        let start = (old_p + skip as i32).max(old_m + GAP_START + skip as i32);
        let from = self.hits.len();
        let mut run = i32::MIN;
        let mut above = match i.checked_sub(1) {
            Some(up) => Above {
                at: self.rows[up].from,
                from: self.rows[up].from,
                end: self.rows[up].to,
                start: self.rows[up].start,
            },
            None => Above::default(),
        };
        for (position, &c) in choice.iter().enumerate().skip(skip) {
            if c != letter {
                continue;
            }
            let col = position + 1;
            let in_place = if position == 0 {
                BONUS_HEAD * FIRST_CHAR_MULTIPLIER
            } else {
                in_place_bonus(choice[position - 1].kind(), c.kind())
            };
            let (before_m, before_p) = if i == 0 {
                (NEG_INFINITY, GAP_EXTENSION)
            } else {
                self.cell_above(&mut above, col - 1)
            };
            let by_match = before_m + in_place.max(BONUS_CONSECUTIVE);
            let by_skip = before_p + in_place;
            let m = by_match.max(by_skip) + SCORE_MATCH;
            run = run.max(m + col as i32 + GAP_START);
            self.hits.push(Hit { col, m, run });
        }
        self.rows[i].from = from;
        self.rows[i].to = self.hits.len();
        self.rows[i].start = start;
    }

    /// The previous row's (M, P) at column `target`; `above` walks that row's matches,
    /// which only move right as `target` does.
    #[inline]
    fn cell_above(&self, above: &mut Above, target: usize) -> (i32, i32) {
        while above.at < above.end && self.hits[above.at].col < target {
            above.at += 1;
        }
        let m = match self.hits.get(above.at) {
            Some(hit) if above.at < above.end && hit.col == target => hit.m,
            _ => NEG_INFINITY,
        };
        let run = if above.at > above.from {
            self.hits[above.at - 1].run
        } else {
            i32::MIN
        };
        (m, above.start.max(run) - target as i32)
    }

    /// The best score of the last row: its best match, or its first cell, left from
    /// two rows above.
    #[inline]
    fn best_end(&self, last: usize) -> i32 {
        let row = self.rows[last];
        let best = self.hits[row.from..row.to]
            .iter()
            .map(|hit| hit.m)
            .max()
            .unwrap_or(NEG_INFINITY);
        if last >= 2 {
            best.max(self.m_at(last - 2, row.skip))
        } else {
            best
        }
    }

    /// The score of ending row `i` with a match at `col` (past the row's first cell).
    fn m_at(&self, i: usize, col: usize) -> i32 {
        let row = self.rows[i];
        let hits = &self.hits[row.from..row.to];
        match hits.binary_search_by_key(&col, |hit| hit.col) {
            Ok(at) => hits[at].m,
            Err(_) => NEG_INFINITY,
        }
    }

    /// The best score of row `i` at `col` in a gap (past the row's first cell).
    fn p_at(&self, i: usize, col: usize) -> i32 {
        let row = self.rows[i];
        let hits = &self.hits[row.from..row.to];
        // Matches strictly before `col`.
        let before = hits.partition_point(|hit| hit.col < col);
        let run = if before == 0 {
            i32::MIN
        } else {
            hits[before - 1].run
        };
        row.start.max(run) - col as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    #[test]
    fn same_as_fuzzy_matcher() {
        let mut next = crate::fixture::xorshift(3);
        let mut scorer = Scorer::default();
        let mut matched = 0;
        for alphabet in ["ab -.1/(阿é", "aab c-"] {
            let alphabet: Vec<char> = alphabet.chars().collect();
            let pick =
                |next: &mut dyn FnMut() -> u64| alphabet[(next() % alphabet.len() as u64) as usize];
            for _ in 0..30_000 {
                let n = (next() % 28) as usize;
                let haystack: String = (0..n).map(|_| pick(&mut next)).collect();
                let n = 1 + (next() % 6) as usize;
                let word: String = (0..n)
                    .map(|_| pick(&mut next))
                    .filter(|c| *c != ' ')
                    .collect();
                let expected = SkimMatcherV2::default().fuzzy_match(&haystack, &word);
                assert_eq!(
                    scorer.score(&haystack, &word),
                    expected,
                    "{word:?} in {haystack:?}"
                );
                matched += usize::from(expected.is_some());
            }
        }
        assert!(matched > 15_000, "{matched}");
        assert_eq!(scorer.score("qwen 2.5-max", "qwen"), Some(91));
    }
}
