//! The rows each view shows (timeline, candidates, metrics, disputes, sources), built
//! from the graph with filters applied, and how candidacies are named. The screen and
//! the exports both read these; neither computes rows of its own.

pub mod candidacy;
pub mod citation;
pub mod views;
