//! Entity names for synthetic stories: a few well-known seeds, then made-up companies,
//! models, products, people and bodies, about a third of them named in Chinese first.

use crate::story::model::EntityKind;
use crate::synth::rng::Rng;
use crate::synth::vocab::*;

/// One generated entity before it becomes a record.
pub(super) struct NamedEntity {
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    /// How headlines in English and in Chinese refer to it.
    pub en: String,
    pub zh: String,
}

fn kind_of(label: &str) -> EntityKind {
    match label {
        "company" => EntityKind::Company,
        "ai_model" => EntityKind::AiModel,
        "product" => EntityKind::Product,
        "person" => EntityKind::Person,
        "regulator" => EntityKind::Regulator,
        "market" => EntityKind::Market,
        _ => EntityKind::Organisation,
    }
}

/// The `index`-th entity of a story: the seeds first, then generated ones.
pub(super) fn entity(rng: &mut Rng, index: usize) -> NamedEntity {
    if let Some(&(kind, name, aliases)) = SEED_ENTITIES.get(index) {
        let zh = aliases.iter().find(|a| !a.is_ascii()).map_or(name, |a| *a);
        return NamedEntity {
            kind: kind_of(kind),
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            en: name.to_owned(),
            zh: zh.to_owned(),
        };
    }
    let kind = match rng.below(100) {
        0..=34 => EntityKind::Company,
        35..=54 => EntityKind::AiModel,
        55..=69 => EntityKind::Product,
        70..=84 => EntityKind::Person,
        85..=89 => EntityKind::Organisation,
        90..=94 => EntityKind::Regulator,
        _ => EntityKind::Market,
    };
    let (root_en, root_zh) = if rng.chance(60) {
        let (en, zh) = rng.pick(ROOTS);
        (en.to_owned(), zh.to_owned())
    } else {
        let n = rng.range(2, 3);
        (syllables(rng, n), hanzi(rng, 2))
    };
    let (city_en, city_zh) = rng.pick(CITIES);
    let (en, zh) = match kind {
        EntityKind::Company => {
            let (suffix_en, suffix_zh) = rng.pick(COMPANY_SUFFIXES);
            if rng.chance(30) {
                (
                    format!("{city_en} {root_en} {suffix_en}"),
                    format!("{city_zh}{root_zh}{suffix_zh}"),
                )
            } else {
                (
                    format!("{root_en} {suffix_en}"),
                    format!("{root_zh}{suffix_zh}"),
                )
            }
        }
        EntityKind::AiModel => {
            let version = format!("{}.{}", rng.range(1, 5), rng.range(0, 9));
            let suffix = rng.pick(MODEL_SUFFIXES);
            (
                format!("{root_en} {version}-{suffix}"),
                format!("{root_zh}大模型{version}"),
            )
        }
        EntityKind::Product => {
            let (kind_en, kind_zh) = rng.pick(PRODUCT_KINDS);
            let number = rng.range(2, 20);
            (
                format!("{root_en} {kind_en} {number}"),
                format!("{root_zh}{kind_zh}{number}"),
            )
        }
        EntityKind::Person => {
            if rng.chance(80) {
                let (sur_en, sur_zh) = rng.pick(SURNAMES);
                let (given_en, given_zh) = rng.pick(GIVEN_NAMES);
                (
                    format!("{sur_en} {given_en}"),
                    format!("{sur_zh}{given_zh}"),
                )
            } else {
                let name = rng.pick(WESTERN_PEOPLE);
                (name.to_owned(), name.to_owned())
            }
        }
        EntityKind::Organisation => {
            let (org_en, org_zh) = rng.pick(ORGANISATIONS);
            (format!("{city_en} {org_en}"), format!("{city_zh}{org_zh}"))
        }
        EntityKind::Regulator => {
            let (reg_en, reg_zh) = rng.pick(REGULATORS);
            if rng.chance(50) {
                (reg_en.to_owned(), reg_zh.to_owned())
            } else {
                (format!("{city_en} {reg_en}"), format!("{city_zh}{reg_zh}"))
            }
        }
        EntityKind::Market => {
            let (market_en, market_zh) = rng.pick(MARKETS);
            (
                format!("{city_en} {market_en}"),
                format!("{city_zh}{market_zh}"),
            )
        }
    };
    let chinese_first = en != zh && rng.chance(33);
    let (name, mut aliases) = if chinese_first {
        (zh.clone(), vec![en.clone()])
    } else {
        (en.clone(), Vec::new())
    };
    if !chinese_first && en != zh && rng.chance(40) {
        aliases.push(zh.clone());
    }
    if kind == EntityKind::Company && rng.chance(25) {
        aliases.push(format!("{root_en} Group"));
    }
    NamedEntity {
        kind,
        name,
        aliases,
        en,
        zh,
    }
}
