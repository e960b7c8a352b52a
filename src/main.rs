//! storyscope's entry point: parse the command line, dispatch, map errors to exit codes.

use std::io::Write;

use clap::{CommandFactory, FromArgMatches};

use storyscope::cli::Cli;
use storyscope::color::ColorChoice;
use storyscope::commands::{BadInput, run_command};

fn main() {
    // A shell asking for completions (`COMPLETE=bash storyscope -- …`) is answered here.
    storyscope::cli::complete_if_asked();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // clap's own help and errors follow --color too; clap reads NO_COLOR and the
    // CLICOLOR variables itself.
    let mut command = Cli::command();
    if let Some(choice) = ColorChoice::from_args(&args) {
        command = command.color(choice.for_clap());
    }
    let mut command = storyscope::cli::with_refused_flags_hidden(command);
    let matches = match command.try_get_matches_from_mut(args) {
        Ok(matches) => matches,
        Err(err) => err.exit(),
    };
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    if let Err(err) = cli.take_bare_file(&mut command) {
        err.exit();
    }
    if let Some(err) = cli.misplaced_flags_error(&mut command, matches.subcommand_name()) {
        err.exit();
    }
    let result = match &cli.command {
        Some(command) => run_command(&cli, command),
        None => storyscope::commands::explore(&cli),
    };
    // Written with `writeln!`, not `eprintln!`: when the terminal has gone away (a
    // closed window) stderr fails, and a panic here would abort instead of exiting.
    let code = match result {
        Ok(code) => code,
        Err(err) => {
            let mut stderr = std::io::stderr();
            if let Some(bad) = err.downcast_ref::<BadInput>() {
                let _ = writeln!(stderr, "storyscope: {bad}");
                2
            } else {
                let _ = writeln!(stderr, "storyscope: {err:#}");
                1
            }
        }
    };
    storyscope::tui::shell::exit_once(code);
}
