//! Relations and candidacies, only where a sentence says so plainly: a named entity,
//! then one of a few verb phrases, then another named entity in the same sentence.
//! "partnered with" gives a `partners_with` relation, "acquired" / "invested in" /
//! "sued" their own kinds; "chose", "selected", "picked" a candidacy stage `selected`
//! (and "over Y" a stage `rejected` for Y), "considered" / "evaluated" / "weighed"
//! `considered`, "rejected" / "dismissed" / "decided against" `rejected`, "dropped"
//! `dropped`. The role is the words after "as" ("as its AI partner"), when given.

use super::DraftContext;
use super::notes::drafted;
use super::reading::{Para, Reading, quote_around};
use crate::story::model::{Candidacy, Citation, Relation, RelationKind, Stage, StageKind};

/// Verb phrases, and whether each makes a relation (its kind) or a stage.
const PHRASES: &[(&str, Link)] = &[
    ("partnered with", Link::Relation("partners_with")),
    ("partnering with", Link::Relation("partners_with")),
    ("partners with", Link::Relation("partners_with")),
    ("in partnership with", Link::Relation("partners_with")),
    ("acquired", Link::Relation("acquired")),
    ("agreed to buy", Link::Relation("acquired")),
    ("agreed to acquire", Link::Relation("acquired")),
    ("bought", Link::Relation("acquired")),
    ("working with", Link::Relation("partners_with")),
    ("teamed up with", Link::Relation("partners_with")),
    ("teams up with", Link::Relation("partners_with")),
    ("invested in", Link::Relation("invested_in")),
    ("sued", Link::Relation("sued")),
    ("chose", Link::Stage("selected")),
    ("has chosen", Link::Stage("selected")),
    ("selected", Link::Stage("selected")),
    ("picked", Link::Stage("selected")),
    ("settled on", Link::Stage("selected")),
    ("settling on", Link::Stage("selected")),
    ("considered", Link::Stage("considered")),
    ("looked at", Link::Stage("considered")),
    ("tried", Link::Stage("considered")),
    ("in talks with", Link::Stage("considered")),
    ("evaluated", Link::Stage("considered")),
    ("weighed", Link::Stage("considered")),
    ("rejected", Link::Stage("rejected")),
    ("dismissed", Link::Stage("rejected")),
    ("decided against", Link::Stage("rejected")),
    ("dropped", Link::Stage("dropped")),
    ("walked away from", Link::Stage("dropped")),
];

/// A phrase found between two names, and where.
struct Found<'a> {
    text: &'a str,
    sentence_end: usize,
    named: &'a [(std::ops::Range<usize>, String)],
    from: &'a str,
    to: &'a str,
    to_range: std::ops::Range<usize>,
    phrase: &'a str,
}

#[derive(Clone, Copy)]
enum Link {
    Relation(&'static str),
    Stage(&'static str),
}

/// Relations and candidacies drafted so far.
#[derive(Default)]
pub(crate) struct Links {
    /// Relations in the order found.
    pub(crate) relations: Vec<Relation>,
    /// Candidacies in the order found.
    pub(crate) candidates: Vec<Candidacy>,
}

impl Links {
    /// Reads every sentence of `reading`.
    pub(crate) fn gather(&mut self, cx: &mut DraftContext, reading: &Reading) {
        for para in &reading.paras {
            for sentence in &para.sentences {
                self.sentence(cx, reading, para, sentence.clone());
            }
        }
    }

    fn sentence(
        &mut self,
        cx: &mut DraftContext,
        reading: &Reading,
        para: &Para,
        sentence: std::ops::Range<usize>,
    ) {
        // ASCII lower case keeps byte offsets, so positions found in it index the text.
        let lower = para.text[sentence.clone()].to_ascii_lowercase();
        let named = named_in(cx, para, &sentence);
        for (phrase, link) in PHRASES {
            let Some(found) = find_phrase(&lower, phrase) else {
                continue;
            };
            let at = sentence.start + found;
            let after = at + phrase.len();
            let Some((from_range, from)) = named.iter().rev().find(|(r, _)| r.end <= at) else {
                continue;
            };
            // The other end follows the verb closely: a name further on is not its object.
            let Some((to_range, to)) = named
                .iter()
                .find(|(r, _)| r.start >= after && r.start - after <= 24)
            else {
                continue;
            };
            if from == to {
                continue;
            }
            let quote = quote_around(&para.text, &(from_range.start..to_range.end), &sentence);
            let citation = super::events::cite(
                reading,
                para,
                cx.origins.via_at(&reading.source_id, para.number, at),
                quote,
            );
            match link {
                Link::Relation(kind) => self.relation(cx, kind, from, to, citation),
                Link::Stage(stage) => {
                    let found = Found {
                        text: &para.text,
                        sentence_end: sentence.end,
                        named: &named,
                        from,
                        to,
                        to_range: to_range.clone(),
                        phrase,
                    };
                    self.stages(cx, &found, stage, citation);
                }
            }
            return;
        }
    }

    /// A stage for the candidate, one for a second candidate joined by "and", and a
    /// `rejected` stage for a party "picked over".
    fn stages(&mut self, cx: &mut DraftContext, found: &Found, stage: &str, citation: Citation) {
        let (from, to, to_range, phrase) = (found.from, found.to, &found.to_range, found.phrase);
        let rest = &found.text[to_range.end..found.sentence_end];
        let role = role_of(rest);
        self.stage(cx, from, to, stage, role.clone(), citation.clone(), phrase);
        // "tried Quarry AI and Tessel": each name joined by "and" is weighed too.
        if let Some((_, second)) = found.named.iter().find(|(r, _)| {
            r.start > to_range.end && found.text[to_range.end..r.start].trim() == "and"
        }) {
            self.stage(
                cx,
                from,
                second,
                stage,
                role.clone(),
                citation.clone(),
                phrase,
            );
        }
        let gap = rest.len() - rest.trim_start().len();
        let loser_at = to_range.end + gap + "over ".len();
        let picked_over = stage == "selected" && rest.trim_start().starts_with("over ");
        if let Some((_, loser)) = found
            .named
            .iter()
            .find(|(r, _)| picked_over && r.start == loser_at)
        {
            self.stage(cx, from, loser, "rejected", role, citation, "picked over");
        }
    }

    fn relation(
        &mut self,
        cx: &mut DraftContext,
        kind: &str,
        from: &str,
        to: &str,
        citation: Citation,
    ) {
        if let Some(existing) = self
            .relations
            .iter_mut()
            .find(|r| r.kind.key() == kind && r.from == from && r.to == to)
        {
            if !existing.cite.iter().any(|c| c.source == citation.source) {
                existing.cite.push(citation);
            }
            return;
        }
        self.relations.push(Relation {
            id: cx
                .ids
                .unique(&format!("rel-{from}-{}-{to}", kind.replace('_', "-")))
                .into(),
            kind: RelationKind::parse(kind).expect("a relation kind in lowercase words"),
            from: from.to_owned().into(),
            to: to.to_owned().into(),
            summary: None,
            date: None,
            status: None,
            cite: vec![citation],
            authored: vec![drafted(
                None,
                format!(
                    "rule relations: “{}” between two names",
                    kind.replace('_', " ")
                ),
            )]
            .into(),
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn stage(
        &mut self,
        cx: &mut DraftContext,
        seeker: &str,
        candidate: &str,
        stage: &str,
        role: Option<String>,
        citation: Citation,
        phrase: &str,
    ) {
        let note = drafted(
            None,
            format!("rule candidacies: “{phrase}” between two names"),
        );
        let new_stage = Stage {
            stage: StageKind::parse(stage).expect("a known stage"),
            date: None,
            reason: None,
            cite: vec![citation],
            authored: vec![note].into(),
        };
        if let Some(candidacy) = self
            .candidates
            .iter_mut()
            .find(|c| c.seeker == seeker && c.candidate == candidate)
        {
            if !candidacy.stages.iter().any(|s| s.stage.key() == stage) {
                candidacy.stages.push(new_stage);
            }
            return;
        }
        self.candidates.push(Candidacy {
            id: cx.ids.unique(&format!("cand-{seeker}-{candidate}")).into(),
            candidate: candidate.to_owned().into(),
            seeker: seeker.to_owned().into(),
            role: role.unwrap_or_else(|| "role not stated (drafted)".to_owned()),
            stages: vec![new_stage],
        });
    }
}

/// The entities named in a sentence, with where.
fn named_in(
    cx: &DraftContext,
    para: &Para,
    sentence: &std::ops::Range<usize>,
) -> Vec<(std::ops::Range<usize>, String)> {
    para.names
        .iter()
        .filter(|n| n.range.start >= sentence.start && n.range.end <= sentence.end)
        .filter_map(|n| Some((n.range.clone(), cx.entities.id_of(&n.text)?.to_owned())))
        .collect()
}

/// "as its AI partner in China, …" → "AI partner in China".
fn role_of(rest: &str) -> Option<String> {
    let rest = rest.trim_start().strip_prefix("as ")?;
    let rest = ["its ", "their ", "the ", "a ", "an ", "his ", "her "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let end = rest.find([',', '.', ';', ':']).unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end].split_whitespace().take(6).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn find_phrase(lower: &str, phrase: &str) -> Option<usize> {
    lower.match_indices(phrase).map(|(at, _)| at).find(|&at| {
        let before = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = lower[at + phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}
