//! The text layer: pure functions that read article prose (paragraphs, sentences,
//! names, figures, dates, attributions, quotes) and return byte ranges into the text
//! they were given.
//!
//! A LEAF module: it imports nothing from the rest of the crate (no `crate::story`),
//! so both the story checks (`check`/`lint` against source texts) and the drafter can
//! use it without a module cycle. No I/O, no terminal, no allocation of global state
//! beyond constant word tables. Every function takes any `&str` and never panics;
//! ranges always fall on character boundaries of the text given.
//!
//! Rules favour precision over recall: a rule that fires wrongly on text it was not
//! written for is worse than a missed mention. Each rule, what it cannot do and its
//! measured precision and recall are in docs/text-layer.md.
//!
//! The contract (/work/issues/TEXT-API.md) is kept; additions to it:
//! [`Paragraph::line`], [`FigureMention::basis`], [`FigureMention::direction`],
//! [`FigureMention::words`], [`TextDate::quarter`], [`TextDate::fiscal`],
//! [`TextDate::to_story_date`], and quotes live in their own file (`quotes.rs`).

mod attribution;
mod calendar;
mod date_relative;
mod date_rules;
mod date_types;
mod date_words;
mod dates;
mod figure_parts;
mod figure_rules;
mod figure_types;
mod figure_words;
mod figures;
mod gazetteer;
mod lexicon;
mod match_words;
mod name_kinds;
mod name_rules;
mod name_types;
mod names;
mod paragraphs;
mod quotes;
mod sentences;
mod tokens;
mod written_forms;

pub use attribution::{Attribution, AttributionKind, attributions};
pub use dates::{DateMention, Day, TextDate, dates};
pub use figures::{Basis, Bound, Direction, FigureMention, Scale, figures};
pub use names::{KindCue, NameKind, NameMention, name_key, names};
pub use paragraphs::{Paragraph, paragraph_texts, paragraphs};
pub use quotes::{Quote, quotes};
pub use sentences::sentences;
pub use written_forms::{find_written, written_forms};
