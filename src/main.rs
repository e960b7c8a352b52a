//! storyscope's entry point: parse the command line, dispatch, map errors to exit codes.

use clap::Parser;

use storyscope::cli::Cli;
use storyscope::commands::{BadInput, run_command};

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(command) => run_command(&cli, command),
        None => storyscope::tui::explore(&cli),
    };
    let code = match result {
        Ok(code) => code,
        Err(err) => {
            if let Some(bad) = err.downcast_ref::<BadInput>() {
                eprintln!("storyscope: {bad}");
                2
            } else {
                eprintln!("storyscope: {err:#}");
                1
            }
        }
    };
    storyscope::tui::run::exit_once(code);
}
