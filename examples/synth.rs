//! Writes a synthetic story as JSON to stdout, for benchmarks and scale tests:
//! `cargo run --release --example synth -- --events 100000 --entities 5000 --seed 1 > big.json`

use std::io::Write;
use std::process::ExitCode;

use storyscope::synth::{SynthOptions, generate};

const USAGE: &str = "usage: synth [--events N] [--entities M] [--seed S] [--pretty]
  --events N     events in the timeline (default 10000)
  --entities M   companies, models, products, people … (default 1000)
  --seed S       the same seed always gives the same story (default 1)
  --pretty       indented JSON instead of one line";

fn main() -> ExitCode {
    let mut options = SynthOptions {
        events: 10_000,
        entities: 1_000,
        seed: 1,
    };
    let mut pretty = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            let value = args.next().ok_or_else(|| format!("{name} needs a value"))?;
            value
                .parse()
                .map_err(|_| format!("{name}: `{value}` is not a whole number"))
        };
        let parsed = match arg.as_str() {
            "--events" => number("--events").map(|n| options.events = n as usize),
            "--entities" => number("--entities").map(|n| options.entities = n as usize),
            "--seed" => number("--seed").map(|n| options.seed = n),
            "--pretty" => {
                pretty = true;
                Ok(())
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument `{other}`")),
        };
        if let Err(message) = parsed {
            eprintln!("synth: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let story = generate(&options);
    let json = if pretty {
        serde_json::to_string_pretty(&story)
    } else {
        serde_json::to_string(&story)
    };
    let mut out = std::io::stdout().lock();
    match json.map_err(std::io::Error::other).and_then(|text| {
        out.write_all(text.as_bytes())
            .and_then(|()| out.write_all(b"\n"))
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("synth: {err}");
            ExitCode::FAILURE
        }
    }
}
