//! The story over time: narrowing it to what was known on a day (`asof`, as
//! [`Story::as_of`](crate::story::Story::as_of)), and what became known between two
//! days ([`diff`]). Dates themselves are part of the file format (`model`); the
//! rendering of a diff is in `report`.

pub(crate) mod asof;
pub(crate) mod diff;
mod file_paths;
mod first_known;

pub use diff::{NewMarks, StoryDiff, diff};
