//! storyscope's entry point: parse the command line, dispatch, map errors to exit codes.

use std::io::Write;

use clap::Parser;

use storyscope::cli::Cli;
use storyscope::commands::{BadInput, run_command};

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => run_command(&cli, command),
        None => storyscope::tui::explore(&cli),
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
    storyscope::tui::run::exit_once(code);
}
