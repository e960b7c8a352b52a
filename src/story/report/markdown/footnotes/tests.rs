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

/// Facts citing keys of every kind: new keys all along (`a`), so every part of the
/// list brings its own; repeats within a fact; a quote, an own `via`, no paragraph and
/// a paragraph past the small table's (that would wrap onto theirs), each beside the
/// same source and paragraph without them.
fn facts_of_every_kind() -> Vec<Vec<Citation>> {
    (0..8000)
        .map(|n| {
            let a = cited(&format!("s{}", n / 50), 1, None);
            let b = cited(&format!("t{}", n % 37), (n % 3) as u32, None);
            let mut odd = cited(&format!("t{}", n % 37), (n % 3) as u32, None);
            match n % 5 {
                0 => odd.set_quote(Some("what was said")),
                1 => odd = odd.with_via(Some(format!("s{}", n % 11))),
                2 => odd.para = None,
                3 => odd.para = Some(64 + (n % 3) as u32),
                _ => {}
            }
            vec![a.clone(), b, odd, a]
        })
        .collect()
}

#[test]
fn numbering_first_then_writing_each_fact_gives_what_one_pass_writes() {
    let facts = facts_of_every_kind();
    let mut one_pass = Footnotes::default();
    let written: Vec<String> = facts.iter().map(|cite| one_pass.refs(cite)).collect();
    // Sources by index, as a built story gives them (`s0`, `s1`, … then `t0`, …).
    let index_of = |citation: &Citation| {
        let (kind, n) = citation.source.split_at(1);
        let n: usize = n.parse().ok()?;
        Some(if kind == "s" { n } else { 1000 + n })
    };
    // Numbered first, in parts of any size, with source indexes or without, then
    // written fact by fact: what one pass wrote, the same footnotes in order.
    for part in [1, 7, 1024, facts.len()] {
        for source_of in [
            &index_of as &(dyn Fn(&Citation) -> Option<usize> + Sync),
            &|_| None,
        ] {
            let mut shared = Footnotes::default();
            let mut in_turn = NumberingInTurn::default();
            let positions: Vec<usize> = (0..facts.len()).collect();
            let mut numbered = Vec::new();
            for items in positions.chunks(part) {
                let some = Cited {
                    items,
                    cite_of: &|&n: &usize| facts[n].as_slice(),
                    source_of,
                    ahead: &|_| {},
                };
                numbered.push(in_turn.number(&mut shared, &some));
            }
            for (at, expected) in written.iter().enumerate() {
                let mut out = String::new();
                numbered[at / part].write_refs(&mut out, at % part);
                assert_eq!(&out, expected, "fact {at}, parts of {part}");
            }
            let keys = |notes: &Footnotes| {
                notes
                    .order
                    .iter()
                    .map(|(k, _)| k.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(keys(&shared), keys(&one_pass), "parts of {part}");
            // Numbering goes on from there, as the sections after the table need.
            let next = cited("never-cited", 1, None);
            assert_eq!(
                shared.refs(std::slice::from_ref(&next)),
                format!("[^{}]", one_pass.order.len() + 1)
            );
        }
    }
}

#[test]
fn before_each_fact_ahead_is_given_the_facts_from_it_to_the_end_of_its_part() {
    let facts: Vec<Vec<Citation>> = (0..100)
        .map(|n| vec![cited(&format!("s{}", n % 7), 1, None)])
        .collect();
    let positions: Vec<usize> = (0..facts.len()).collect();
    let given = std::sync::Mutex::new(Vec::new());
    let ahead = |upcoming: &[usize]| {
        let last = upcoming.last().copied();
        given
            .lock()
            .unwrap()
            .push((upcoming.first().copied(), last));
    };
    let (mut notes, mut in_turn) = (Footnotes::default(), NumberingInTurn::default());
    for items in positions.chunks(30) {
        let some = Cited {
            items,
            cite_of: &|&n: &usize| facts[n].as_slice(),
            source_of: &|_| None,
            ahead: &ahead,
        };
        in_turn.number(&mut notes, &some);
    }
    let given = given.into_inner().unwrap();
    // Parts of 30: fact n is given n to the end of its part.
    let expected: Vec<_> = (0..facts.len())
        .map(|n| (Some(n), Some((n / 30 * 30 + 30).min(facts.len()) - 1)))
        .collect();
    assert_eq!(given, expected);
}
