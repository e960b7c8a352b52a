//! A citation keeps what the file says, in 40 bytes, with no box for no words.

use super::*;

#[test]
fn a_citation_is_40_bytes() {
    assert_eq!(std::mem::size_of::<Citation>(), 40);
}

#[test]
fn every_mix_of_words_reads_and_writes_back_as_written() {
    for mask in 0..8u8 {
        let mut json = String::from(r#"{"source":"s","para":3"#);
        for (bit, field) in ["note", "via", "quote"].iter().enumerate() {
            if mask & (1 << bit) != 0 {
                json.push_str(&format!(r#","{field}":"{field} words""#));
            }
        }
        json.push('}');
        let citation: Citation = serde_json::from_str(&json).unwrap();
        assert_eq!(citation.note().is_some(), mask & 1 != 0, "{json}");
        assert_eq!(citation.via().is_some(), mask & 2 != 0, "{json}");
        assert_eq!(citation.quote().is_some(), mask & 4 != 0, "{json}");
        assert_eq!(
            citation.words.is_some(),
            mask != 0,
            "a box only for words: {json}"
        );
        assert_eq!(serde_json::to_string(&citation).unwrap(), json);
    }
}

#[test]
fn clearing_the_last_word_drops_the_box() {
    let plain = Citation::new("s", Some(2));
    let noted = plain.clone().with_note(Some("n")).with_quote(Some("q"));
    assert_ne!(noted, plain);
    let cleared = noted.with_note(None::<&str>).with_quote(None::<&str>);
    assert!(cleared.words.is_none());
    assert_eq!(cleared, plain);
}

#[test]
fn unknown_fields_and_nulls_are_refused_as_before() {
    let unknown = serde_json::from_str::<Citation>(r#"{"source":"s","page":3}"#).unwrap_err();
    assert!(
        unknown.to_string().contains("unknown field `page`"),
        "{unknown}"
    );
    let null = serde_json::from_str::<Citation>(r#"{"source":"s","note":null}"#).unwrap_err();
    assert!(null.to_string().contains("invalid type: null"), "{null}");
}
#[test]
fn tmp_sizes() {
    use crate::story::model::*;
    eprintln!(
        "SIZES event {} entity {} relation {} source {} metric {} date {} status {} id {}",
        std::mem::size_of::<Event>(),
        std::mem::size_of::<Entity>(),
        std::mem::size_of::<Relation>(),
        std::mem::size_of::<Source>(),
        std::mem::size_of::<Metric>(),
        std::mem::size_of::<DateSpec>(),
        std::mem::size_of::<Status>(),
        std::mem::size_of::<Id>()
    );
}
