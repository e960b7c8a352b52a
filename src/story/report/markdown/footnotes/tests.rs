//! Footnotes numbered by first use, on one thread and on several, and the numbers each
//! fact's row then writes.

use super::*;

fn cited(source: &str, para: u32, quote: Option<&str>) -> Citation {
    Citation::new(source, Some(para)).with_quote(quote)
}

#[test]
fn footnotes_are_numbered_by_first_use_and_listed_once_per_fact() {
    let mut notes = Footnotes::default();
    let (a, b, c) = (
        cited("a", 1, None),
        cited("b", 1, None),
        cited("a", 1, Some("q")),
    );
    assert_eq!(notes.refs(&[a.clone(), b.clone(), a.clone()]), "[^1][^2]");
    assert_eq!(notes.refs(&[c, b, a]), "[^3][^2][^1]");
    assert_eq!(notes.order.len(), 3);
}

#[test]
fn thousands_of_footnotes_keep_their_first_numbers() {
    let mut notes = Footnotes::default();
    let keys: Vec<Citation> = (0..3000)
        .map(|n| cited(&format!("src-{}", n % 300), n / 300, None))
        .collect();
    for (n, citation) in keys.iter().enumerate() {
        assert_eq!(
            notes.refs(std::slice::from_ref(citation)),
            format!("[^{}]", n + 1)
        );
    }
    // Seen again, in another order: the numbers of first use, no new footnote.
    for (n, citation) in keys.iter().enumerate().rev() {
        assert_eq!(
            notes.refs(std::slice::from_ref(citation)),
            format!("[^{}]", n + 1)
        );
    }
    assert_eq!(notes.order.len(), 3000);
}

#[test]
fn numbering_first_then_writing_each_fact_gives_what_one_pass_writes() {
    let facts: Vec<Vec<Citation>> = (0..2 * FEW_TO_SHARE)
        .map(|n| {
            // New keys all along (`a`), so every part of the list brings its own.
            let a = cited(&format!("s{}", n / 50), 1, None);
            let b = cited(&format!("t{}", n % 37), 1, None);
            vec![a.clone(), b, a]
        })
        .collect();
    let mut one_pass = Footnotes::default();
    let written: Vec<String> = facts.iter().map(|cite| one_pass.refs(cite)).collect();
    // Numbered first, on one thread or several, then written fact by fact: what one
    // pass wrote, and the same footnotes in the same order.
    for threads in [1, 2, 3, 7] {
        let mut shared = Footnotes::default();
        let positions: Vec<usize> = (0..facts.len()).collect();
        let cite_of = |&n: &usize| facts[n].as_slice();
        let numbers = shared.number_refs_of_all(&positions, &cite_of, &|_| {}, threads);
        for (at, expected) in written.iter().enumerate() {
            let mut out = String::new();
            numbers.write_refs(&mut out, at);
            assert_eq!(&out, expected, "fact {at}, {threads} threads");
        }
        let keys = |notes: &Footnotes| {
            notes
                .order
                .iter()
                .map(|(k, _)| k.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&shared), keys(&one_pass), "{threads} threads");
        // Numbering goes on from there, as the sections after the table need.
        let next = cited("never-cited", 1, None);
        assert_eq!(
            shared.refs(std::slice::from_ref(&next)),
            format!("[^{}]", one_pass.order.len() + 1)
        );
    }
}

#[test]
fn before_each_fact_ahead_is_given_the_facts_from_it_to_the_end_of_its_part() {
    let facts: Vec<Vec<Citation>> = (0..FEW_TO_SHARE + 10)
        .map(|n| vec![cited(&format!("s{}", n % 97), 1, None)])
        .collect();
    let positions: Vec<usize> = (0..facts.len()).collect();
    for threads in [1, 3] {
        let given = std::sync::Mutex::new(Vec::new());
        let ahead = |upcoming: &[usize]| {
            let last = upcoming.last().copied();
            given
                .lock()
                .unwrap()
                .push((upcoming.first().copied(), last));
        };
        let mut notes = Footnotes::default();
        let cite_of = |&n: &usize| facts[n].as_slice();
        notes.number_refs_of_all(&positions, &cite_of, &ahead, threads);
        let mut given = given.into_inner().unwrap();
        given.sort();
        // The parts: the whole list on one thread, else thirds (rounded up).
        let part = facts.len().div_ceil(threads);
        let expected: Vec<_> = (0..facts.len())
            .map(|n| (Some(n), Some((n / part * part + part).min(facts.len()) - 1)))
            .collect();
        assert_eq!(given, expected, "{threads} threads");
    }
}
