//! The story file's top-level object walked field by field: the small fields parsed
//! whole, each record list through `list`. Anything the derived `StoryFile` reader
//! would refuse (an unknown or repeated field, a missing one, text after the object)
//! is refused here too, and the slow path then says why.

use super::list::list;
use super::{Context, one};
use crate::story::load::json_spans::skip_space;
use crate::story::model::{
    Candidacy, Dispute, Entity, Event, Metric, Relation, Source, StoryFile, StoryMeta,
};

/// The fields as they are found, each at most once.
#[derive(Default)]
struct Fields {
    schema: Option<Option<String>>,
    format: Option<u32>,
    story: Option<StoryMeta>,
    sources: Option<Vec<Source>>,
    entities: Option<Vec<Entity>>,
    relations: Option<Vec<Relation>>,
    events: Option<Vec<Event>>,
    candidates: Option<Vec<Candidacy>>,
    metrics: Option<Vec<Metric>>,
    disputes: Option<Vec<Dispute>>,
}

/// The whole file's records, or None for anything but a plain, well-formed story.
pub(super) fn story_file(context: &Context<'_>) -> Option<StoryFile> {
    let bytes = context.text.bytes();
    let start = if bytes.starts_with("\u{feff}".as_bytes()) {
        3
    } else {
        0
    };
    let mut at = skip_space(bytes, start);
    if *bytes.get(at)? != b'{' {
        return None;
    }
    at = skip_space(bytes, at + 1);
    let mut fields = Fields::default();
    if *bytes.get(at)? == b'}' {
        at += 1;
    } else {
        loop {
            let (key, after_key) = one::<String>(context.text, at)?;
            let colon = skip_space(bytes, after_key);
            if *bytes.get(colon)? != b':' {
                return None;
            }
            let value = skip_space(bytes, colon + 1);
            let after = skip_space(bytes, fields.read(context, &key, value)?);
            match *bytes.get(after)? {
                b',' => at = skip_space(bytes, after + 1),
                b'}' => {
                    at = after + 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    (skip_space(bytes, at) == bytes.len()).then_some(())?;
    fields.into_file()
}

impl Fields {
    /// Reads the value of field `key` at `at`; where the text after it starts.
    fn read(&mut self, context: &Context<'_>, key: &str, at: usize) -> Option<usize> {
        match key {
            "$schema" => set(&mut self.schema, one(context.text, at)?),
            "format" => set(&mut self.format, one(context.text, at)?),
            "story" => set(&mut self.story, one(context.text, at)?),
            "sources" => set(&mut self.sources, list(context, at)?),
            "entities" => set(&mut self.entities, list(context, at)?),
            "relations" => set(&mut self.relations, list(context, at)?),
            "events" => set(&mut self.events, list(context, at)?),
            "candidates" => set(&mut self.candidates, list(context, at)?),
            "metrics" => set(&mut self.metrics, list(context, at)?),
            "disputes" => set(&mut self.disputes, list(context, at)?),
            _ => None,
        }
    }

    fn into_file(self) -> Option<StoryFile> {
        Some(StoryFile {
            schema: self.schema.flatten(),
            format: self.format?,
            story: self.story?,
            sources: self.sources?,
            entities: self.entities?,
            relations: self.relations.unwrap_or_default(),
            events: self.events.unwrap_or_default(),
            candidates: self.candidates.unwrap_or_default(),
            metrics: self.metrics.unwrap_or_default(),
            disputes: self.disputes.unwrap_or_default(),
        })
    }
}

/// Fills a field seen for the first time; where the text after its value starts.
fn set<T>(slot: &mut Option<T>, (value, after): (T, usize)) -> Option<usize> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(after)
}
