//! Timing helpers and the one table the benchmark prints.

use std::time::{Duration, Instant};

/// Runs `f` once and returns how long it took, keeping its result alive until timed.
pub fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

/// CPU time this process has used so far, on every thread (user + system, from
/// /proc/self/stat, in 10 ms ticks): unlike wall time, it does not grow when other
/// programs keep the cores busy.
pub fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

/// Milliseconds, for printing.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A sample of durations.
#[derive(Default, Clone)]
pub struct Sample(pub Vec<Duration>);

impl Sample {
    pub fn push(&mut self, d: Duration) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: &Sample) {
        self.0.extend_from_slice(&other.0);
    }

    fn sorted(&self) -> Vec<Duration> {
        let mut v = self.0.clone();
        v.sort();
        v
    }

    /// The value at quantile `q` (nearest rank).
    pub fn quantile(&self, q: f64) -> Duration {
        let v = self.sorted();
        if v.is_empty() {
            return Duration::ZERO;
        }
        let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
        v[rank - 1]
    }

    pub fn median(&self) -> Duration {
        self.quantile(0.5)
    }

    pub fn p95(&self) -> Duration {
        self.quantile(0.95)
    }

    pub fn max(&self) -> Duration {
        self.sorted().last().copied().unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// Runs `f` `runs` times (after one warm-up) and returns the sample.
pub fn repeat<T>(runs: usize, mut f: impl FnMut() -> T) -> Sample {
    drop(f());
    let mut sample = Sample::default();
    for _ in 0..runs {
        let (d, out) = time(&mut f);
        sample.push(d);
        drop(out);
    }
    sample
}

/// One row of the table.
pub struct Row {
    pub what: String,
    pub result: String,
    pub baseline: String,
    pub target: String,
    /// None when the row has no target of its own.
    pub met: Option<bool>,
}

#[derive(Default)]
pub struct Table {
    rows: Vec<Row>,
}

impl Table {
    pub fn row(
        &mut self,
        what: impl Into<String>,
        result: impl Into<String>,
        baseline: impl Into<String>,
        target: impl Into<String>,
        met: Option<bool>,
    ) {
        let row = Row {
            what: what.into(),
            result: result.into(),
            baseline: baseline.into(),
            target: target.into(),
            met,
        };
        eprintln!("  {} — {}", row.what, row.result);
        self.rows.push(row);
    }

    pub fn print(&self) {
        println!("| Benchmark | Result | Baseline (same run) | Target | Met |");
        println!("|---|---|---|---|---|");
        for row in &self.rows {
            let met = match row.met {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "",
            };
            println!(
                "| {} | {} | {} | {} | {} |",
                row.what, row.result, row.baseline, row.target, met
            );
        }
    }
}
