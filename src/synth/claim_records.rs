//! The generator's relations, candidacies, metrics and disputes: the records that
//! make claims about the entities and events made before them.

use crate::story::model::*;

use super::Generator;
use super::vocab::*;

impl Generator {
    pub(super) fn relation(&mut self, index: usize) -> Relation {
        let (a, b, _) = self.pair();
        const KINDS: [KnownRelation; 8] = [
            KnownRelation::Develops,
            KnownRelation::PartnersWith,
            KnownRelation::CompetesWith,
            KnownRelation::Owns,
            KnownRelation::Evaluates,
            KnownRelation::Regulates,
            KnownRelation::BasedOn,
            KnownRelation::Distributes,
        ];
        let summary = fill(
            self.rng.pick(RELATION_SUMMARIES),
            &self.entities[a].en,
            &self.entities[b].en,
            "",
            "",
        );
        Relation {
            id: format!("rel-{index}").into(),
            kind: self.rng.pick(&KINDS).into(),
            from: self.entity_id(a).into(),
            to: self.entity_id(b).into(),
            summary: Some(summary),
            date: self.rng.chance(60).then(|| self.date()),
            status: self.rng.chance(50).then_some(Status {
                sourcing: Sourcing::Reported,
                timing: Timing::Ongoing,
            }),
            cite: self.cite(),
            authored: Vec::new().into(),
        }
    }

    pub(super) fn candidacy(&mut self, index: usize) -> Candidacy {
        let (candidate, seeker, _) = self.pair();
        let outcome = self.rng.pick(&[
            KnownStage::Selected,
            KnownStage::Dropped,
            KnownStage::Rejected,
            KnownStage::Evaluated,
        ]);
        let mut kinds = vec![KnownStage::Considered];
        if outcome != KnownStage::Evaluated && self.rng.chance(60) {
            kinds.push(KnownStage::Evaluated);
        }
        kinds.push(outcome);
        let stages = kinds
            .into_iter()
            .map(|stage| Stage {
                stage: stage.into(),
                date: self.rng.chance(80).then(|| self.date()),
                reason: self.rng.chance(50).then(|| {
                    fill(
                        self.rng.pick(VARIANT_CLAIMS),
                        &self.entities[candidate].en,
                        &self.entities[seeker].en,
                        "",
                        "",
                    )
                }),
                cite: self.cite(),
                authored: Vec::new().into(),
            })
            .collect();
        Candidacy {
            id: format!("cand-{index}").into(),
            candidate: self.entity_id(candidate).into(),
            seeker: self.entity_id(seeker).into(),
            role: self.rng.pick(ROLES).to_owned(),
            stages,
        }
    }

    pub(super) fn metric(&mut self, index: usize) -> Metric {
        let (subject, stated_by, _) = self.pair();
        let (label, unit, basis) = self.rng.pick(METRIC_LABELS);
        let name = if label.is_ascii() {
            &self.entities[subject].en
        } else {
            &self.entities[subject].zh
        };
        let basis = match basis {
            "cumulative" => KnownBasis::Cumulative,
            "intraday" => KnownBasis::Intraday,
            "year_on_year" => KnownBasis::YearOnYear,
            "share" => KnownBasis::Share,
            _ => KnownBasis::Level,
        };
        let change = matches!(basis, KnownBasis::Intraday | KnownBasis::YearOnYear);
        let value = (self.rng.unit() * 1000.0).round() / 10.0;
        Metric {
            id: format!("m-{index}").into(),
            subject: self.entity_id(subject).into(),
            label: fill(label, name, "", "", ""),
            value: Some(value),
            range: None,
            qualitative: None,
            unit: unit.to_owned(),
            currency: None,
            scale: None,
            bound: self.rng.pick(&[
                Bound::Exact,
                Bound::Exact,
                Bound::About,
                Bound::Over,
                Bound::UpTo,
            ]),
            direction: change.then(|| self.rng.pick(&[Direction::Up, Direction::Down])),
            period: self.rng.chance(70).then(|| self.date()),
            period_note: self.rng.chance(10).then(|| "the past year".to_owned()),
            basis: basis.into(),
            stated_by: self.rng.chance(40).then(|| self.entity_id(stated_by)),
            group: self.rng.chance(30).then(|| {
                format!(
                    "{}-{}",
                    self.entity_id(subject),
                    basis.label().replace(' ', "-")
                )
            }),
            cite: self.cite(),
            authored: Vec::new().into(),
        }
    }

    pub(super) fn dispute(&mut self, index: usize, about_pool: &[String]) -> Dispute {
        let (a, b, _) = self.pair();
        let (ea, eb) = (self.entities[a].en.clone(), self.entities[b].en.clone());
        let point = fill(self.rng.pick(DISPUTE_POINTS), &ea, &eb, "", "");
        let mut about: Vec<String> = (0..self.rng.range(1, 2))
            .map(|_| about_pool[self.rng.below(about_pool.len())].clone())
            .collect();
        about.dedup();
        let variants = (0..self.rng.range(2, 3))
            .map(|_| Variant {
                claim: fill(self.rng.pick(VARIANT_CLAIMS), &ea, &eb, "", ""),
                cite: self.cite(),
            })
            .collect();
        Dispute {
            id: format!("disp-{index}").into(),
            point,
            about,
            kind: Default::default(),
            variants,
            resolution: None,
        }
    }
}
