//! The record tables as Markdown: sources, entities, relations, and one entity's
//! section with everything linked to it.

use crate::story::graph::RecordRef;
use crate::story::query::views::ViewFilter;
use crate::story::report::export::histories;
use crate::story::report::export::{Doc, ExportOptions};
use crate::story::report::markdown::{escape, table};
use crate::story::report::markdown::{sourcing_cell, with_notes};

const ENTITY_HEADER: &[&str] = &[
    "Name",
    "Kind",
    "Also called",
    "Described as",
    "Sourcing",
    "Sources",
];

impl Doc<'_> {
    pub(super) fn sources(&mut self) {
        self.section("Sources");
        let (summary, rows) = crate::story::report::export::sources_view::sources_table(
            self.story,
            self.options.filter.entity,
        );
        self.out.push_str(&format!("{summary}\n\n"));
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|(source, mut cells)| {
                cells[0].push_str(self.mark(RecordRef::Source(source)));
                // What the source is, known kind or the story's own (`blog`).
                let kind = self.story.file.sources[source].kind.label();
                cells.insert(1, escape(kind));
                cells
            })
            .collect();
        table(
            &mut self.out,
            &[
                "Title",
                "Kind",
                "Outlet",
                "Published",
                "Relies on",
                "Facts resting on it",
                "Facts on it alone",
                "Address",
            ],
            &rows,
        );
    }

    pub(super) fn entity_rows(
        &mut self,
        entities: impl Iterator<Item = usize>,
    ) -> Vec<Vec<String>> {
        let story = self.story;
        entities
            .map(|i| {
                let entity = &story.file.entities[i];
                let (described, sourcing) = histories::entity_cells(story, i);
                vec![
                    format!(
                        "**{}**{}",
                        escape(&entity.name),
                        self.mark(RecordRef::Entity(i))
                    ),
                    entity.kind.label().to_owned(),
                    escape(&entity.aliases.join(", ")),
                    described,
                    with_notes(sourcing, &entity.authored),
                    self.notes.refs(&entity.cite),
                ]
            })
            .collect()
    }

    pub(super) fn entities(&mut self) {
        self.section("Who and what");
        let shown = crate::story::report::export::sources_view::entities_in_view(
            self.story,
            self.options.filter.entity,
        );
        let rows = self.entity_rows(shown.into_iter());
        table(&mut self.out, ENTITY_HEADER, &rows);
    }

    pub(super) fn relation_rows(&mut self, relations: &[usize]) -> Vec<Vec<String>> {
        let story = self.story;
        relations
            .iter()
            .map(|&i| {
                let relation = &story.file.relations[i];
                let status = relation.status.map_or(String::new(), |s| {
                    format!("{} · {}", s.sourcing.label(), s.timing.label())
                });
                vec![
                    escape(story.entity_name(&relation.from)),
                    relation.kind.label().to_owned(),
                    escape(story.entity_name(&relation.to)),
                    escape(relation.summary.as_deref().unwrap_or("")),
                    format!(
                        "{}{}",
                        status,
                        Self::badges(story.is_disputed(RecordRef::Relation(i)), false)
                    ),
                    sourcing_cell(
                        &story.provenance(&relation.cite).label(),
                        &relation.authored,
                    ),
                    self.notes.refs(&relation.cite),
                ]
            })
            .collect()
    }

    pub(super) fn relations(&mut self) {
        self.section("Relations");
        let shown: Vec<usize> = match self.options.filter.entity {
            Some(entity) => self.story.links(entity).relations.clone(),
            None => (0..self.story.file.relations.len()).collect(),
        };
        let rows = self.relation_rows(&shown);
        table(
            &mut self.out,
            &[
                "From", "Relation", "To", "Details", "Status", "Sourcing", "Sources",
            ],
            &rows,
        );
    }

    pub(super) fn entity(&mut self, entity: usize) {
        let story = self.story;
        let record = &story.file.entities[entity];
        self.section(&format!(
            "{} ({})",
            escape(&record.name),
            record.kind.label()
        ));
        let rows = self.entity_rows(std::iter::once(entity));
        table(&mut self.out, ENTITY_HEADER, &rows);
        let focused = ExportOptions {
            filter: ViewFilter {
                entity: Some(entity),
            },
            ..self.options.clone()
        };
        let links = story.links(entity).relations.clone();
        self.subsection("Relations");
        let rows = self.relation_rows(&links);
        table(
            &mut self.out,
            &[
                "From", "Relation", "To", "Details", "Status", "Sourcing", "Sources",
            ],
            &rows,
        );
        // Gathered whole (no sink): one entity's sections are small.
        let mut sub = Doc::new(story, &focused, self.clock, None);
        sub.notes = std::mem::take(&mut self.notes);
        sub.level = 3;
        sub.timeline();
        sub.candidates();
        sub.metrics(false);
        sub.disputes();
        self.out.push_str(&sub.out);
        self.notes = sub.notes;
    }
}
