//! The commands about storyscope itself rather than a story: `schema`, `completions`,
//! `man`, `config path|default|check`. Everything is built in memory and written once
//! through `write_stdout`, so a full disk is one line and exit 1, a closed pipe quiet.

use std::io::Write;

use anyhow::Result;

use crate::bad_input::BadInput;
use crate::cli::{Cli, Command, ConfigAction};
use crate::commands::output::write_stdout;
use crate::config::{ConfigPath, PathOrigin};
use crate::story::safe_text::clean_line;

pub(crate) fn run(_cli: &Cli, command: &Command) -> Result<i32> {
    match command {
        Command::Schema => {
            // The same text `storyscope new` writes beside a story.
            write_stdout(crate::commands::new::schema_json().as_bytes())?;
        }
        Command::Completions { shell } => {
            write_stdout(&crate::completion::registration(*shell)?)?;
        }
        Command::Man { command } => write_stdout(&man_page(command.as_deref())?)?,
        Command::Config { config, action } => return run_config(config.as_deref(), *action),
        _ => unreachable!("story commands run in commands/"),
    }
    Ok(0)
}

/// The man page, from the same clap definition as `--help`: storyscope(1), or with a
/// subcommand's name, storyscope-NAME(1).
pub(crate) fn man_page(subcommand: Option<&str>) -> Result<Vec<u8>> {
    let mut cli = crate::cli::command();
    cli.build();
    let page = match subcommand {
        None => cli,
        Some(name) => {
            let found = cli
                .get_subcommands()
                .find(|sub| sub.get_name() == name)
                .cloned();
            let Some(sub) = found else {
                let names: Vec<&str> = cli.get_subcommands().map(|sub| sub.get_name()).collect();
                return Err(BadInput(format!(
                    "no command `{}` (there are: {})",
                    clean_line(name),
                    names.join(", ")
                ))
                .into());
            };
            let title = format!("storyscope-{}", sub.get_name());
            sub.name(title.clone()).bin_name(title.replace('-', " "))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
    Ok(out)
}

fn run_config(flag: Option<&std::path::Path>, action: ConfigAction) -> Result<i32> {
    match action {
        ConfigAction::Default => write_stdout(crate::config::default_text().as_bytes())?,
        ConfigAction::Path => {
            let found = ConfigPath::find(flag)?;
            write_stdout(format!("{}\n", found.path.display()).as_bytes())?;
            if !found.path.exists() {
                let note = match found.origin {
                    PathOrigin::Default => {
                        "no file there yet, so the defaults apply; `storyscope config default > FILE` writes a complete one"
                    }
                    PathOrigin::Flag | PathOrigin::Env => "no file there",
                };
                let _ = writeln!(std::io::stderr(), "{note}");
            }
        }
        ConfigAction::Check => {
            let found = ConfigPath::find(flag)?;
            found.load()?;
            let what = if found.path.exists() {
                format!("{}: ok", found.path.display())
            } else {
                format!("{}: not there; the defaults apply", found.path.display())
            };
            write_stdout(format!("{what}\n").as_bytes())?;
        }
    }
    Ok(0)
}
