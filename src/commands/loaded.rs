//! The story named on the command line (`--story`, else the shipped one), narrowed to
//! `--as-of`: what every story command and the explorer start from.

use anyhow::Result;

use crate::bad_input::BadInput;
use crate::cli::Cli;
use crate::story::model::date::DateSpec;
use crate::story::query::views::Clock;
use crate::story::{self, Story, load};

/// The story named on the command line, narrowed to `--as-of` if given.
pub struct Loaded {
    /// The story as of `--as-of` (the whole story without it).
    pub story: Story,
    /// The whole story, before any as-of narrowing (the explorer steps through dates).
    pub full: Story,
    /// The date given with `--as-of`.
    pub as_of: Option<DateSpec>,
    /// The reference day for "past due" and the like: the as-of date, else today.
    pub clock: Clock,
}

/// Loads the story `cli` names and narrows it; a file that does not load or a bad
/// `--as-of` is `BadInput`.
pub fn load_story(cli: &Cli) -> Result<Loaded> {
    narrow(load_full(cli)?, as_of_date(cli)?)
}

/// As `load_story`, for a story to be shown or exported (`load::load_path_to_show`).
pub fn load_story_to_show(cli: &Cli) -> Result<Loaded> {
    narrow(
        load_full_with(cli, load::load_path_to_show)?,
        as_of_date(cli)?,
    )
}

/// The date `--as-of` gives, if any; one that does not read is `BadInput`.
pub(crate) fn as_of_date(cli: &Cli) -> Result<Option<DateSpec>> {
    match &cli.as_of {
        Some(text) => {
            let date =
                DateSpec::parse_any(text).map_err(|why| BadInput(format!("--as-of: {why}")))?;
            Ok(Some(date))
        }
        None => Ok(None),
    }
}

/// `full` narrowed to `as_of`, with the clock that goes with it.
pub(crate) fn narrow(full: Story, as_of: Option<DateSpec>) -> Result<Loaded> {
    // Narrowing never falls back to the whole story: if it fails (a bug), say so.
    let story = match as_of {
        Some(date) => full.as_of(date.latest())?,
        None => full.clone(),
    };
    let clock = Clock::at(as_of, today());
    Ok(Loaded {
        story,
        full,
        as_of,
        clock,
    })
}

/// The whole story `cli` names, not narrowed; one that does not load is `BadInput`.
pub(crate) fn load_full(cli: &Cli) -> Result<Story> {
    load_full_with(cli, load::load_path)
}

/// The whole story `cli` names, a story file loaded by `load_path`.
fn load_full_with(
    cli: &Cli,
    load_path: fn(&std::path::Path) -> Result<Story, load::LoadError>,
) -> Result<Story> {
    let loaded = match &cli.story {
        Some(path) => load_path(path),
        None => story::embedded(),
    };
    loaded.map_err(|err| BadInput(err.to_string()).into())
}

pub use crate::fsutil::story_dir;

/// Today as a day number, from the system clock (UTC).
pub fn today() -> i64 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (seconds / 86_400) as i64
}
