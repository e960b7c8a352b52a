//! [`RecordDoc`] → Markdown, for `y` (copy the record in Detail).
//!
//! Every block Detail draws is written here too, in the same order: headings become
//! Markdown headings, fields, links and citations list items, text paragraphs.

use crate::story::report::markdown::{escape, escape_block};

use crate::story::report::document::{Block, DISPUTED, DOUBT, INCONSISTENT, OVERDUE, RecordDoc};

/// The document as GitHub-flavoured Markdown; story text is escaped, so it stays inert.
pub fn to_markdown(doc: &RecordDoc) -> String {
    let mut out = Out::default();
    for block in &doc.blocks {
        match block {
            Block::Title(text) => out.paragraph(format!("## {}", escape(text))),
            Block::Heading(text) => out.paragraph(format!("### {}", escape(text))),
            Block::Field { label, value } => {
                out.item(format!("**{}:** {}", escape(label), escape(value)));
            }
            Block::Value(text) => out.paragraph(format!("**{}**", escape(text))),
            Block::Text(text) => out.paragraph(escape_block(text)),
            Block::Break => out.end_list(),
            Block::Badges { disputed, overdue } => {
                let badges: Vec<String> = [(*disputed, DISPUTED), (*overdue, OVERDUE)]
                    .iter()
                    .filter(|(shown, _)| *shown)
                    .map(|(_, badge)| format!("**{badge}**"))
                    .collect();
                out.paragraph(badges.join(" · "));
            }
            Block::Link { label, .. } => out.item(format!("→ {}", escape(label))),
            Block::Citation(text) => out.item(escape(text)),
            Block::Passage(_) => {}
            // Under its citation, as on screen.
            Block::Doubt(reason) => out.sub_item(format!("{DOUBT} {}", escape(reason))),
            Block::Note(text) => out.item(escape(text)),
            Block::Inconsistent => out.paragraph(format!("**{INCONSISTENT}**")),
            Block::Versions(versions) => {
                for version in versions {
                    out.paragraph(format!("#### {}", escape(&version.heading)));
                    out.paragraph(escape_block(&version.claim));
                    out.paragraph(format!("_{}_", escape(&version.sourcing)));
                    for citation in &version.citations {
                        out.item(escape(citation));
                    }
                }
            }
        }
    }
    out.end_list();
    out.text
}

/// Markdown text in which paragraphs are separated by a blank line and list items
/// follow each other, a list ending at the next paragraph.
#[derive(Default)]
struct Out {
    text: String,
    in_list: bool,
}

impl Out {
    fn end_list(&mut self) {
        if self.in_list {
            self.text.push('\n');
            self.in_list = false;
        }
    }

    fn paragraph(&mut self, text: String) {
        self.end_list();
        self.text.push_str(&text);
        self.text.push_str("\n\n");
    }

    /// An item nested under the item before.
    fn sub_item(&mut self, text: String) {
        self.text.push_str("  ");
        self.item(text);
    }

    fn item(&mut self, text: String) {
        self.text.push_str("- ");
        self.text.push_str(&text);
        self.text.push('\n');
        self.in_list = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::RecordRef;
    use crate::story::report::document::Version;

    #[test]
    fn blocks_become_headings_lists_and_paragraphs() {
        let doc = RecordDoc {
            blocks: vec![
                Block::Title("A | B".into()),
                Block::Field {
                    label: "Kind".into(),
                    value: "event".into(),
                },
                Block::Badges {
                    disputed: true,
                    overdue: true,
                },
                Block::Break,
                Block::Text("- not a list".into()),
                Block::Heading("Involved".into()),
                Block::Link {
                    target: RecordRef::Entity(0),
                    label: "Apple (company)".into(),
                },
                Block::Citation("Reuters, “T”, undated".into()),
                Block::Versions(vec![Version {
                    heading: "Version 1 — X".into(),
                    claim: "It *was* so".into(),
                    sourcing: "1 article".into(),
                    citations: vec!["X, “Y”, undated".into()],
                }]),
            ],
        };
        assert_eq!(
            to_markdown(&doc),
            "## A \\| B\n\n\
             - **Kind:** event\n\n\
             **◆ disputed** · **⚠ overdue**\n\n\
             \\- not a list\n\n\
             ### Involved\n\n\
             - → Apple (company)\n\
             - Reuters, “T”, undated\n\n\
             #### Version 1 — X\n\n\
             It \\*was\\* so\n\n\
             _1 article_\n\n\
             - X, “Y”, undated\n\n"
        );
    }
}
