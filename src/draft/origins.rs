//! Origins: where an article says its facts come from. "according to X", "X reported",
//! "per X", "told X" make X a report, "said in a (joint) statement" a statement; each
//! named origin is one source shared by every article that leans on it. A citation
//! whose sentence carries the attribution gets the origin as its `via` ("the report
//! said" leans on the report last named), and an article takes as its own `via` the
//! report it credits most often. A data firm that "saw", "counted" or "tallied" a
//! figure in the figure's own sentence is that figure's origin.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use super::notes::{Ids, drafted, slug};
use super::reading::{Para, Reading};
use crate::story::model::{Source, SourceKind};
use crate::text::{AttributionKind, name_key};

/// Verbs by which a firm states a figure it measured itself.
const MEASURING_VERBS: &[&str] = &[
    "saw",
    "sees",
    "counted",
    "counts",
    "recorded",
    "records",
    "tallied",
    "tallies",
    "tracked",
    "tracks",
    "logged",
    "logs",
    "estimated",
    "estimates",
    "measured",
    "found",
    "finds",
    "registered",
    "observed",
];

/// A sentence (its byte range in the paragraph) and the origin it leans on.
type Leaning = (Range<usize>, usize);

/// One upstream report or statement.
struct Origin {
    id: String,
    outlet: String,
    statement: bool,
    articles: BTreeSet<String>,
}

/// The origins found so far and where each is leaned on.
#[derive(Default)]
pub(crate) struct Origins {
    list: Vec<Origin>,
    by_key: HashMap<String, usize>,
    /// (source, para) → sentence ranges and the origin each leans on.
    leaning: HashMap<(String, u32), Vec<Leaning>>,
    /// source → origin index → how many times the article credits it.
    credits: BTreeMap<String, BTreeMap<usize, (usize, usize)>>,
}

impl Origins {
    /// Finds the attributions of one article.
    pub(crate) fn gather(&mut self, reading: &Reading, ids: &mut Ids) {
        let mut last_report: Option<usize> = None;
        let own = reading.article.outlet.as_deref().map(outlet_key);
        for para in &reading.paras {
            for attribution in &para.attributions {
                // An article crediting its own outlet ("told the Post" in the Post) is
                // its own reporting, not an upstream source.
                if own.is_some() && attribution.who.as_deref().map(outlet_key) == own {
                    continue;
                }
                let origin = match (attribution.kind, &attribution.who) {
                    (AttributionKind::TheReport, _) => last_report,
                    (
                        AttributionKind::AccordingTo
                        | AttributionKind::Reported
                        | AttributionKind::Per
                        | AttributionKind::Told,
                        Some(who),
                    ) => {
                        let index = self.origin(who, false, ids);
                        last_report = Some(index);
                        Some(index)
                    }
                    (AttributionKind::Statement, Some(who)) => Some(self.origin(who, true, ids)),
                    _ => None,
                };
                if let Some(index) = origin {
                    let sentence = para.sentence_of(attribution.range.start);
                    self.lean(reading, para, sentence, index, true);
                }
            }
        }
    }

    /// Records that `sentence` leans on origin `index`; `credit` counts it toward the
    /// report the article credits most often.
    fn lean(
        &mut self,
        reading: &Reading,
        para: &Para,
        sentence: Range<usize>,
        index: usize,
        credit: bool,
    ) {
        let source = reading.source_id.clone();
        self.list[index].articles.insert(source.clone());
        self.leaning
            .entry((source.clone(), para.number))
            .or_default()
            .push((sentence, index));
        if credit && !self.list[index].statement {
            let order = self.credits.get(&source).map_or(0, BTreeMap::len);
            let credit = self
                .credits
                .entry(source)
                .or_default()
                .entry(index)
                .or_insert((0, order));
            credit.0 += 1;
        }
    }

    fn origin(&mut self, who: &str, statement: bool, ids: &mut Ids) -> usize {
        let key = format!(
            "{}{}",
            name_key(who),
            if statement { "#statement" } else { "" }
        );
        if let Some(&index) = self.by_key.get(&key) {
            return index;
        }
        // "the Post" after "the Meridian Post": a one-word name that ends a name
        // already credited is that origin again (news style names in full first).
        let short = name_key(who);
        if !short.contains(' ') {
            let longer = self.list.iter().position(|o| {
                o.statement == statement
                    && name_key(&o.outlet).rsplit(' ').next() == Some(short.as_str())
                    && name_key(&o.outlet) != short
            });
            if let Some(index) = longer {
                self.by_key.insert(key, index);
                return index;
            }
        }
        let base = if statement {
            format!("{}-statement", slug(who))
        } else {
            format!("{}-report", slug(who))
        };
        self.list.push(Origin {
            id: ids.unique(&base),
            outlet: who.trim().to_owned(),
            statement,
            articles: BTreeSet::new(),
        });
        self.by_key.insert(key, self.list.len() - 1);
        self.list.len() - 1
    }

    /// A firm that measured the figure at `at` itself ("CARMA counted …"): its origin.
    pub(crate) fn measurer(
        &mut self,
        reading: &Reading,
        para: &Para,
        at: usize,
        ids: &mut Ids,
    ) -> Option<String> {
        let sentence = para.sentence_of(at);
        let name = para.names.iter().rev().find(|name| {
            name.range.start >= sentence.start && name.range.end <= at && {
                let between = &para.text[name.range.end..at];
                between
                    .split_whitespace()
                    .take(2)
                    .any(|w| MEASURING_VERBS.contains(&w))
            }
        })?;
        let index = self.origin(&name.text, false, ids);
        // A firm's own measurement is that figure's origin, not a report the article
        // as a whole leans on: it does not count toward the article's `via`.
        self.lean(reading, para, sentence, index, false);
        Some(self.list[index].id.clone())
    }

    /// The origin a citation of byte `at` in `para` leans on, if its sentence names one.
    pub(crate) fn via_at(&self, source: &str, para: u32, at: usize) -> Option<String> {
        let leaning = self.leaning.get(&(source.to_owned(), para))?;
        leaning
            .iter()
            .find(|(range, _)| range.start <= at && at <= range.end)
            .map(|(_, index)| self.list[*index].id.clone())
    }

    /// The report an article credits most often (ties: the one credited first).
    pub(crate) fn article_via(&self, source: &str) -> Option<String> {
        let credits = self.credits.get(source)?;
        let (index, _) = credits
            .iter()
            .max_by_key(|(_, (count, order))| (*count, std::cmp::Reverse(*order)))?;
        Some(self.list[*index].id.clone())
    }

    /// The origin sources, in the order first credited.
    pub(crate) fn sources(&self) -> Vec<Source> {
        self.list
            .iter()
            .map(|origin| {
                let (kind, what) = if origin.statement {
                    ("statement", "Statement")
                } else {
                    ("report", "Report")
                };
                let articles: Vec<&str> = origin.articles.iter().map(String::as_str).collect();
                Source {
                    id: origin.id.clone().into(),
                    kind: SourceKind::parse(kind).expect("a known source kind"),
                    outlet: origin.outlet.clone(),
                    title: format!("{what} by {} (as the articles cite it)", origin.outlet),
                    published: None,
                    url: None,
                    via: None,
                    note: None,
                    text: None,
                    authored: vec![drafted(
                        None,
                        format!("rule origins: credited by {}", articles.join(", ")),
                    )]
                    .into(),
                }
            })
            .collect()
    }
}

/// An outlet's name for comparing: its key without a leading "the".
fn outlet_key(name: &str) -> String {
    let key = name_key(name);
    key.strip_prefix("the ").map(str::to_owned).unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use crate::draft::draft;
    use crate::draft::input::read_article;

    /// A data firm that measured three figures in one sentence is their origin, but the
    /// article still leans on the report it credits: measurements do not outvote it.
    #[test]
    fn measured_figures_do_not_outvote_the_report_an_article_credits() {
        let text = "---\ntitle: Drones sell out\noutlet: Valley Ledger\ndate: 2026-03-04\n---\n\
            Pelion Drones will sell its fleet, according to the Harbour Times.\n\n\
            Survey firm Quarrel counted 40,000 mentions, with 31% positive and 12% negative.\n";
        let article = read_article("a.md", text.as_bytes()).unwrap();
        let story = draft(&[article], "texts", Vec::new()).story;
        let id_of = |outlet: &str| {
            story
                .sources
                .iter()
                .find(|s| s.outlet == outlet)
                .map(|s| s.id.clone())
        };
        let quarrel = id_of("Quarrel").expect("the measuring firm is an origin");
        let measured = story
            .metrics
            .iter()
            .filter(|m| m.cite[0].via() == Some(quarrel.as_str()))
            .count();
        assert_eq!(measured, 3, "all three figures lean on the firm");
        assert_eq!(
            story.sources[0].via.as_deref(),
            id_of("Harbour Times").as_deref()
        );
    }
}
