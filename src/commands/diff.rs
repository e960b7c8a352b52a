//! `storyscope diff`, and the marks of `export --since`: what a story holds at one date
//! that it did not hold at an earlier one.

use anyhow::Result;

use crate::bad_input::BadInput;
use crate::cli::{Cli, DiffFormat};
use crate::commands::loaded::{Loaded, load_full, today};
use crate::commands::output::{json_for_terminal, write_stdout};
use crate::story::model::date::DateSpec;
use crate::story::report::diff_report::{DiffDates, diff_json, diff_markdown};
use crate::story::time::diff::{NewMarks, diff};

/// `storyscope diff`: the story as of `--from` against the story as of `--to` (or every
/// source). A global `--as-of` would be ambiguous here and is refused.
pub(super) fn run_diff(cli: &Cli, from: &str, to: Option<&str>, format: DiffFormat) -> Result<i32> {
    if cli.as_of.is_some() {
        return Err(BadInput("diff takes --from and --to, not --as-of".to_owned()).into());
    }
    let full = load_full(cli)?;
    let parse = |flag: &str, text: &str| {
        DateSpec::parse_any(text).map_err(|why| BadInput(format!("--{flag}: {why}")))
    };
    let from = parse("from", from)?;
    let to = to.map(|text| parse("to", text)).transpose()?;
    if let Some(to) = to {
        if to.latest() < from.latest() {
            return Err(BadInput(format!(
                "--from {} is after --to {}; give the earlier date first",
                from.human(),
                to.human()
            ))
            .into());
        }
    }
    let earlier = full.as_of(from.latest())?;
    let later = match to {
        Some(to) => full.as_of(to.latest())?,
        None => full.clone(),
    };
    let reference_day = to.map_or_else(today, |d| d.latest());
    let changes = diff(&earlier, from.latest(), &later, reference_day);
    let dates = DiffDates {
        from,
        to,
        reference_day,
    };
    let text = match format {
        DiffFormat::Md => diff_markdown(&later, &changes, dates),
        DiffFormat::Json => format!(
            "{}\n",
            json_for_terminal(&diff_json(&later, &changes, dates))?
        ),
    };
    write_stdout(text.as_bytes())?;
    Ok(0)
}

/// The marks of `export --since DATE`: what the story shown holds that it did not hold
/// as of DATE.
pub(super) fn new_marks(loaded: &Loaded, since: &str) -> Result<NewMarks> {
    let date = DateSpec::parse_any(since).map_err(|why| BadInput(format!("--since: {why}")))?;
    if let Some(as_of) = loaded.as_of {
        if as_of.latest() < date.latest() {
            return Err(BadInput(format!(
                "--since {} is after --as-of {}; give an earlier date",
                date.human(),
                as_of.human()
            ))
            .into());
        }
    }
    let earlier = loaded.full.as_of(date.latest())?;
    let diff = diff(
        &earlier,
        date.latest(),
        &loaded.story,
        loaded.clock.reference_day,
    );
    Ok(NewMarks { since: date, diff })
}
