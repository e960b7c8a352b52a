//! `storyscope draft`: articles in, a cited first draft of a story out. Every record
//! and field it writes carries an `authored` note of kind `drafted` naming the rule
//! that made it, so nothing drafted passes for checked. Rules and limits:
//! docs/drafting.md.

pub mod input;
