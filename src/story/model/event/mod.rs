//! An event: something that happened, is happening, or is expected. Its title, summary
//! and condition are kept end to end in one allocation (`EventText`) rather than one
//! each: at 100k events that is 100k–200k fewer heap blocks and 24 bytes less a
//! record, and the parse copies each event's words once, borrowed from the file's text.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use thin_vec::ThinVec;

use crate::story::model::{AuthorNote, Citation, DateSpec, Id, Status, StatusChange};

mod text;
mod wire;

pub use text::{EventText, TooLong};

/// Something that happened, is happening, or is expected.
#[derive(Debug, Clone)]
pub struct Event {
    /// Unique across the whole file, whatever the record kind; other records point at
    /// this one by it.
    pub id: Id,
    /// The title, summary and condition, in one allocation.
    pub text: EventText,
    /// When it happened (or is expected), not when it was reported.
    pub date: DateSpec,
    /// Ids of the entities involved, most central first.
    pub entities: Box<[Id]>,
    /// The status as first reported, resting on `cite`; later changes go in
    /// `status_changes`.
    pub status: Status,
    /// The sources the event and its first `status` rest on; at least one.
    pub cite: Box<[Citation]>,
    /// What in this record the author added rather than a source said.
    pub authored: ThinVec<AuthorNote>,
    /// Later statuses, oldest first, each cited: the last one known is where it stands.
    pub status_changes: ThinVec<StatusChange>,
}

impl Event {
    /// A short headline; not blank.
    pub fn title(&self) -> &str {
        self.text.title()
    }

    /// What happened, in a sentence or two.
    pub fn summary(&self) -> &str {
        self.text.summary()
    }

    /// What a conditional event waits on ("if regulators approve").
    pub fn condition(&self) -> Option<&str> {
        self.text.condition()
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = wire::EventFields::deserialize(deserializer)?;
        Ok(Event {
            id: fields.id,
            text: EventText::new(
                &fields.title,
                &fields.summary,
                fields.condition.as_ref().map(|words| words.0.as_ref()),
            )
            .map_err(serde::de::Error::custom)?,
            date: fields.date,
            entities: fields.entities,
            status: fields.status,
            cite: fields.cite,
            authored: fields.authored,
            status_changes: fields.status_changes,
        })
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        wire::EventView {
            id: &self.id,
            title: self.title(),
            date: &self.date,
            summary: self.summary(),
            entities: &self.entities,
            status: &self.status,
            condition: self.condition(),
            cite: &self.cite,
            authored: &self.authored,
            status_changes: &self.status_changes,
        }
        .serialize(serializer)
    }
}

impl JsonSchema for Event {
    fn schema_name() -> Cow<'static, str> {
        wire::EventFields::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        wire::EventFields::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        wire::EventFields::json_schema(generator)
    }
}

#[cfg(test)]
mod tests;
