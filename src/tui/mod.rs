//! The terminal explorer.
pub fn explore(cli: &crate::cli::Cli) -> anyhow::Result<i32> {
    let _ = crate::commands::load_story(cli)?;
    Ok(0)
}
