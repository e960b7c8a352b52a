//! Deterministic synthetic stories for benchmarks and scale tests: realistic names and
//! headlines (about a third in Chinese), aliases, relations, figures, candidates,
//! disputes, two citations per fact, and sources relying on each other through `via`.
//!
//! `cargo run --release --example synth -- --events N --entities M --seed S > big.json`

mod claim_records;
mod names;
mod rng;
mod vocab;

use crate::story::model::date::DateSpec;
use crate::story::model::*;
use names::NamedEntity;
use rng::Rng;
use vocab::*;

/// How big a story to make; everything else scales from these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    /// Events in the timeline; sources, relations, candidacies, metrics and disputes
    /// grow with it.
    pub events: usize,
    /// Companies, models, products, people and the other entity kinds, together
    /// (at least 2).
    pub entities: usize,
    /// The same seed always gives the same story, byte for byte.
    pub seed: u64,
}

impl SynthOptions {
    /// Sources, relations, candidacies, metrics and disputes for this many events.
    fn counts(&self) -> Counts {
        let entities = self.entities.max(2);
        Counts {
            entities,
            sources: (self.events / 250).clamp(6, 2000),
            relations: entities * 2,
            candidates: (entities / 40).max(3),
            metrics: (self.events / 25).max(4),
            disputes: (self.events / 200).max(2),
        }
    }
}

struct Counts {
    entities: usize,
    sources: usize,
    relations: usize,
    candidates: usize,
    metrics: usize,
    disputes: usize,
}

/// A valid story of the requested size; the same options always give the same story.
pub fn generate(options: &SynthOptions) -> StoryFile {
    let counts = options.counts();
    let mut rng = Rng::new(options.seed);
    let named: Vec<NamedEntity> = (0..counts.entities)
        .map(|i| names::entity(&mut rng, i))
        .collect();
    let mut g = Generator {
        rng,
        entities: named,
        sources: counts.sources,
    };
    let sources = (0..counts.sources).map(|i| g.source(i)).collect();
    let entities = (0..counts.entities).map(|i| g.entity_record(i)).collect();
    let relations = (0..counts.relations).map(|i| g.relation(i)).collect();
    let events: Vec<Event> = (0..options.events).map(|i| g.event(i)).collect();
    let candidates: Vec<Candidacy> = (0..counts.candidates).map(|i| g.candidacy(i)).collect();
    let metrics: Vec<Metric> = (0..counts.metrics).map(|i| g.metric(i)).collect();
    let mut about_pool: Vec<String> = Vec::new();
    about_pool.extend(events.iter().take(5000).map(|e| e.id.to_string()));
    about_pool.extend(candidates.iter().map(|c| c.id.to_string()));
    about_pool.extend(metrics.iter().take(500).map(|m| m.id.to_string()));
    let disputes = (0..counts.disputes)
        .map(|i| g.dispute(i, &about_pool))
        .collect();
    StoryFile {
        schema: None,
        format: FORMAT_VERSION,
        story: StoryMeta {
            title: format!("Synthetic coverage: {} events on AI partnerships in China", options.events),
            summary: "A generated story for benchmarks: a year of coverage by many outlets, most of them \
                      relying on a few upstream reports. 生成的测试故事。"
                .to_owned(),
            candidates_title: None,
        },
        sources,
        entities,
        relations,
        events,
        candidates,
        metrics,
        disputes,
    }
}

/// The story as compact JSON, ready for `load_bytes`.
pub fn generate_json(options: &SynthOptions) -> String {
    serde_json::to_string(&generate(options)).expect("a story always serialises")
}

/// A generated story, built and validated: what the crate's tests start from.
#[cfg(test)]
pub(crate) fn generated_story(events: usize, entities: usize, seed: u64) -> crate::story::Story {
    let file = generate(&SynthOptions {
        events,
        entities,
        seed,
    });
    crate::story::Story::build(file, "generated").expect("a generated story validates")
}

/// `count` searchable names shaped like a story's: mostly headlines, some entity names
/// and aliases. For search benchmarks beyond what one story file would hold.
pub fn search_names(count: usize, seed: u64) -> Vec<String> {
    let pool = (count / 20).max(SEED_ENTITIES.len());
    let mut rng = Rng::new(seed);
    let named: Vec<NamedEntity> = (0..pool).map(|i| names::entity(&mut rng, i)).collect();
    let mut g = Generator {
        rng,
        entities: named,
        sources: 1,
    };
    let mut out = Vec::with_capacity(count);
    let mut next_entity = 0;
    while out.len() < count {
        if g.rng.chance(6) && next_entity < g.entities.len() {
            let entity = &g.entities[next_entity];
            next_entity += 1;
            out.push(entity.name.clone());
            out.extend(entity.aliases.iter().cloned());
        } else {
            out.push(g.headline().0);
        }
    }
    out.truncate(count);
    out
}

struct Generator {
    rng: Rng,
    entities: Vec<NamedEntity>,
    sources: usize,
}

impl Generator {
    fn entity_id(&self, index: usize) -> String {
        let prefix = match self.entities[index].kind {
            EntityKind::Company => "co",
            EntityKind::AiModel => "model",
            EntityKind::Product => "product",
            EntityKind::Person => "person",
            EntityKind::Organisation => "org",
            EntityKind::Regulator => "reg",
            EntityKind::Market => "market",
        };
        format!("{prefix}-{index}")
    }

    /// A day in 2024–2025 with the precision a reporter would give it.
    fn date(&mut self) -> DateSpec {
        let year = 2024 + self.rng.below(2) as i32;
        let month = self.rng.range(1, 12) as u8;
        let mut date = match self.rng.below(100) {
            0..=69 => DateSpec::day(year, month, self.rng.range(1, 28) as u8),
            70..=83 => DateSpec::parse(&format!("{year}-{month:02}")).expect("valid month"),
            84..=90 => DateSpec::parse(&format!("{year}-Q{}", self.rng.range(1, 4)))
                .expect("valid quarter"),
            91..=94 => DateSpec::parse(&format!("{year}")).expect("valid year"),
            95..=97 => DateSpec::parse(&format!("FY{year}")).expect("valid fiscal year"),
            _ => DateSpec::parse(&format!("FY{year}-Q{}", self.rng.range(1, 4)))
                .expect("valid fiscal quarter"),
        };
        date.approximate = self.rng.chance(5);
        date
    }

    /// Two citations from different sources, sometimes with a note.
    fn cite(&mut self) -> Vec<Citation> {
        let first = self.rng.below(self.sources);
        let second = (first + 1 + self.rng.below(self.sources - 1)) % self.sources;
        [first, second]
            .into_iter()
            .map(|source| {
                // The draws stay in this order (paragraph, then note): a seed makes
                // the same story as before.
                let para = Some(self.rng.range(1, 12) as u32);
                let note = self.rng.chance(15).then(|| self.rng.pick(NOTES));
                Citation::new(ecow::eco_format!("src-{source}"), para).with_note(note)
            })
            .collect()
    }

    fn source(&mut self, index: usize) -> Source {
        // The first fifth are upstream reports; the rest rely on an earlier source,
        // which may itself rely on another: via chains of varying length.
        let origin = index < (self.sources / 5).max(1);
        let outlet = self.rng.pick(OUTLETS).to_owned();
        let (a, b, _) = self.pair();
        let title = if self.rng.chance(33) {
            format!(
                "{}与{}合作的最新进展",
                self.entities[a].zh, self.entities[b].zh
            )
        } else {
            format!(
                "{} and {}: what we know about the deal",
                self.entities[a].en, self.entities[b].en
            )
        };
        Source {
            id: format!("src-{index}").into(),
            kind: if origin {
                KnownSource::Report
            } else {
                self.rng
                    .pick(&[KnownSource::Article, KnownSource::Statement])
            }
            .into(),
            outlet,
            title,
            published: (!self.rng.chance(3)).then(|| self.date()),
            url: self
                .rng
                .chance(70)
                .then(|| format!("https://news.example.com/{index}")),
            via: (!origin).then(|| format!("src-{}", self.rng.below(index))),
            note: None,
            text: None,
            authored: Vec::new().into(),
        }
    }

    fn entity_record(&mut self, index: usize) -> Entity {
        let named = &self.entities[index];
        let summary = format!(
            "{} that appears in coverage of AI partnerships.",
            named.kind.label()
        );
        Entity {
            id: self.entity_id(index).into(),
            kind: named.kind,
            name: named.name.clone(),
            aliases: named.aliases.clone(),
            summary: Some(summary),
            cite: self.cite(),
            authored: Vec::new().into(),
        }
    }

    /// Two different entities, the first popular, and a product they talk about.
    fn pair(&mut self) -> (usize, usize, Option<usize>) {
        let count = self.entities.len();
        let a = self.rng.popular(count);
        let b = (a + 1 + self.rng.popular(count - 1)) % count;
        let mut product = None;
        for _ in 0..4 {
            let candidate = self.rng.popular(count);
            if self.entities[candidate].kind == EntityKind::Product
                && candidate != a
                && candidate != b
            {
                product = Some(candidate);
                break;
            }
        }
        (a, b, product)
    }

    /// A headline in English or (a third of the time) Chinese, and its summary.
    fn headline_with(&mut self, a: usize, b: usize, product: Option<usize>) -> (String, String) {
        let x = format!("{}.{}", self.rng.range(1, 15), self.rng.below(10));
        let (ea, eb) = (&self.entities[a], &self.entities[b]);
        let shares = ea.kind == EntityKind::Company && self.rng.chance(20);
        if self.rng.chance(33) {
            let p = product.map_or("手机", |p| self.entities[p].zh.as_str());
            let titles = if shares {
                SHARE_TITLES_ZH
            } else {
                EVENT_TITLES_ZH
            };
            let title = fill(self.rng.pick(titles), &ea.zh, &eb.zh, &x, p);
            let summary = fill(self.rng.pick(SUMMARIES_ZH), &ea.zh, &eb.zh, &x, p);
            (title, summary)
        } else {
            let p = product.map_or("its phones", |p| self.entities[p].en.as_str());
            let titles = if shares {
                SHARE_TITLES_EN
            } else {
                EVENT_TITLES_EN
            };
            let title = fill(self.rng.pick(titles), &ea.en, &eb.en, &x, p);
            let summary = fill(self.rng.pick(SUMMARIES_EN), &ea.en, &eb.en, &x, p);
            (title, summary)
        }
    }

    fn headline(&mut self) -> (String, String) {
        let (a, b, product) = self.pair();
        self.headline_with(a, b, product)
    }

    fn event(&mut self, index: usize) -> Event {
        let (a, b, product) = self.pair();
        let (title, summary) = self.headline_with(a, b, product);
        let mut entities = vec![self.entity_id(a), self.entity_id(b)];
        if let Some(p) = product {
            entities.push(self.entity_id(p));
        }
        let timing = match self.rng.below(100) {
            0..=59 => Timing::Happened,
            60..=74 => Timing::Ongoing,
            75..=86 => Timing::Expected,
            87..=94 => Timing::Conditional,
            _ => Timing::Cancelled,
        };
        let sourcing = match self.rng.below(100) {
            0..=49 => Sourcing::Reported,
            50..=69 => Sourcing::Announced,
            70..=79 => Sourcing::Confirmed,
            80..=89 => Sourcing::Rumoured,
            90..=94 => Sourcing::Denied,
            _ => Sourcing::Disputed,
        };
        // Drawn in the order the fields were once written, so a seed gives the story it
        // always gave: the date, then the condition, then the citations.
        let date = self.date();
        let condition = (timing == Timing::Conditional).then(|| self.rng.pick(CONDITIONS));
        Event {
            id: format!("ev-{index}").into(),
            text: EventText::new(&title, &summary, condition).expect("generated words are short"),
            date,
            entities: entities.into_iter().map(Into::into).collect(),
            status: Status { sourcing, timing },
            cite: self.cite().into_boxed_slice(),
            authored: Vec::new().into(),
            status_changes: Vec::new().into(),
        }
    }
}
