//! The kind a name's neighbours suggest, and the word that suggested it: the
//! gazetteers first (known outlets, places, product lines), then words inside the
//! name (a corporate suffix, "Ministry"), a title before it, a cue word after it
//! ("model", "app") or before it ("startup", "giant"), an appositive ("X, a Chinese
//! startup"), a version number, and for people a verb of saying after a two- or
//! three-word name or a known given name.

use super::lexicon::{self, COMPANY_CUES_BEFORE, MODEL_CUES_AFTER, PRODUCT_CUES_AFTER};
use super::match_words::Words;
use super::name_rules::{Chunk, Run, possessive_after};
use super::names::{KindCue, NameKind};
use super::tokens::TokenKind;

fn cue(kind: NameKind, word: &str) -> Option<KindCue> {
    Some(KindCue {
        kind,
        cue: word.to_owned(),
    })
}

/// The kind cue of one run of name chunks.
pub(crate) fn kind_cue(words: &Words, chunks: &[Chunk], run: &Run) -> Option<KindCue> {
    let first = &chunks[run.chunks.start];
    let last = &chunks[run.chunks.end - 1];
    let name = words.slice(first.first, last.last);
    if lexicon::OUTLETS.contains(&name) {
        return cue(NameKind::Outlet, "known outlet");
    }
    if lexicon::PLACES.contains(&name) {
        return cue(NameKind::Place, "gazetteer");
    }
    let parts: Vec<&str> = name
        .split([' ', '-'])
        .map(|w| w.trim_end_matches('.'))
        .collect();
    if let Some(word) = parts
        .iter()
        .skip(1)
        .find(|w| lexicon::has(lexicon::COMPANY_NAME_WORDS, w))
    {
        return cue(NameKind::Company, word);
    }
    if let Some(word) = parts
        .iter()
        .find(|w| lexicon::has(lexicon::ORGANISATION_WORDS, w))
    {
        return cue(NameKind::Organisation, word);
    }
    if let Some(title) = &run.title {
        return cue(NameKind::Person, title);
    }
    let after = if possessive_after(words, last) {
        last.last + 2
    } else {
        last.last + 1
    };
    if let Some(found) = cue_after(words, after) {
        return Some(found);
    }
    if let Some(found) = cue_before(words, first.first).or_else(|| appositive(words, after)) {
        return Some(found);
    }
    if lexicon::PRODUCT_STEMS.contains(&parts[0]) {
        return cue(NameKind::Product, parts[0]);
    }
    if has_version(words, chunks, run) {
        return cue(NameKind::Model, "version number");
    }
    person(words, chunks, run, after)
}

/// "X model", "X AI model", "X app", "X Inc." (the suffix after a comma too).
fn cue_after(words: &Words, mut k: usize) -> Option<KindCue> {
    if words.is_mark(k, ',') && words.in_table(k + 1, lexicon::COMPANY_NAME_WORDS) {
        return cue(NameKind::Company, words.at(k + 1));
    }
    if words.in_table(k, lexicon::COMPANY_NAME_WORDS) && words.capitalised(k) {
        return cue(NameKind::Company, words.at(k));
    }
    if words.in_table(k, &["AI", "language", "reasoning", "open-source", "large"]) {
        k += 1;
    }
    if words.in_table(k, MODEL_CUES_AFTER) {
        return cue(NameKind::Model, words.at(k));
    }
    if words.in_table(k, PRODUCT_CUES_AFTER) && !words.capitalised(k) {
        return cue(NameKind::Product, words.at(k));
    }
    None
}

/// "tech giant X", "Chinese startup X", "chipmaker X": one or two words back.
fn cue_before(words: &Words, first: usize) -> Option<KindCue> {
    let before = first.checked_sub(1)?;
    if words.kind(before) != Some(TokenKind::Word) {
        return None;
    }
    if words.in_table(before, COMPANY_CUES_BEFORE) && !words.capitalised(before) {
        return cue(NameKind::Company, words.at(before));
    }
    let is_outlet_cue = words.in_table(before, &["outlet", "newspaper", "publication", "magazine"]);
    is_outlet_cue.then(|| KindCue {
        kind: NameKind::Outlet,
        cue: words.at(before).to_owned(),
    })
}

/// "X, a Chinese startup," / "X, the e-commerce giant": a cue noun within three words
/// after "a"/"an"/"the" following the comma.
pub(crate) fn appositive(words: &Words, k: usize) -> Option<KindCue> {
    if !words.is_mark(k, ',') || !words.in_table(k + 1, &["a", "an", "the"]) {
        return None;
    }
    (k + 2..k + 6)
        .take_while(|&n| words.kind(n) == Some(TokenKind::Word) || words.is_mark(n, '-'))
        .find_map(|n| {
            if words.in_table(n, COMPANY_CUES_BEFORE) {
                cue(NameKind::Company, words.at(n))
            } else if words.in_table(n, MODEL_CUES_AFTER) {
                cue(NameKind::Model, words.at(n))
            } else {
                None
            }
        })
}

/// A chunk of the run that is a version ("2.5", "4o", "R1", "V3").
fn has_version(words: &Words, chunks: &[Chunk], run: &Run) -> bool {
    chunks[run.chunks.clone()]
        .iter()
        .enumerate()
        .any(|(n, chunk)| {
            let text = words.slice(chunk.first, chunk.last);
            let digits = text.chars().any(|c| c.is_ascii_digit());
            (n > 0 && text.starts_with(|c: char| c.is_ascii_digit()) && text.contains(['.', '-']))
                || digits && text.contains('-')
                || digits
                    && text.len() <= 3
                    && text.starts_with(|c: char| c.is_ascii_uppercase())
                    && n > 0
        })
}

/// Two or three plain capitalised words followed by a verb of saying, or led by a
/// known given name.
fn person(words: &Words, chunks: &[Chunk], run: &Run, after: usize) -> Option<KindCue> {
    let parts = &chunks[run.chunks.clone()];
    let plain = parts.iter().all(|c| {
        let text = words.slice(c.first, c.last);
        c.first == c.last
            && text.chars().skip(1).all(char::is_lowercase)
            && text.chars().count() > 1
    });
    if !plain || !(2..=3).contains(&parts.len()) {
        return None;
    }
    let says = if words.is_mark(after, ',') {
        None
    } else {
        Some(after)
    };
    if let Some(k) = says.filter(|&k| words.in_table(k, lexicon::SAYING_VERBS)) {
        return cue(NameKind::Person, words.at(k));
    }
    words
        .in_table(parts[0].first, lexicon::GIVEN_NAMES)
        .then(|| KindCue {
            kind: NameKind::Person,
            cue: "given name".to_owned(),
        })
}
