//! The story over time: narrowing it to what was known on a day (`asof`), and what
//! became known between two days (`diff`). Dates themselves are part of the file
//! format (`model::date`); the rendering of a diff is in `report`.

pub mod asof;
pub mod diff;
mod file_paths;
mod first_known;
