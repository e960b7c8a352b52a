//! The parallel row writer keeps the rows' order whatever the threads and chunks, and
//! stops at the sink's first error: nothing written after it, little formatted.

use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::RowPlan;
use crate::story::graph::Story;
use crate::story::load::load_bytes;
use crate::story::query::views::Clock;
use crate::story::report::export::{Doc, ExportOptions, ExportView};

fn small() -> Story {
    let json = include_str!("../../../../../tests/fixtures/small.json");
    load_bytes(json.as_bytes(), "small").expect("fixture loads")
}

fn clock() -> Clock {
    Clock { reference_day: 0 }
}

/// A chunk's prepared part in these tests: its first item.
fn first_of(chunk: &[usize]) -> usize {
    chunk[0]
}

const PLANS: [(usize, usize); 5] = [(1, 1000), (1, 3), (2, 7), (3, 100), (4, 1)];

/// Takes `budget` bytes, then fails every write; counts the writes tried after that.
struct FailsAfter {
    budget: usize,
    taken: Vec<u8>,
    writes_after_failing: usize,
}

impl Write for FailsAfter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.taken.len() + buf.len() > self.budget {
            self.budget = 0;
            self.writes_after_failing += 1;
            return Err(io::Error::other("disk full"));
        }
        self.taken.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn rows_come_out_in_their_order_whatever_the_threads_and_chunks() {
    let story = small();
    let options = ExportOptions::default();
    let items: Vec<usize> = (0..5000).collect();
    let expected: String = items.iter().map(|n| format!("{n}\n")).collect();
    // Each chunk prepared as its first item: with its place in the chunk, a row
    // finds its own position, so each is given its own chunk's prepared part.
    let row = |out: &mut String, first: &usize, place: usize, n: &usize| {
        assert_eq!(
            first + place,
            *n,
            "each row given its chunk's part and its place"
        );
        out.push_str(&format!("{n}\n"));
    };
    for (threads, rows_per_chunk) in PLANS {
        let plan = RowPlan {
            threads,
            rows_per_chunk,
        };
        let mut sink = FailsAfter {
            budget: usize::MAX,
            taken: Vec::new(),
            writes_after_failing: 0,
        };
        let mut doc = Doc::new(&story, &options, clock(), Some(&mut sink));
        doc.rows = plan;
        doc.out.push_str("head\n");
        doc.write_rows(&items, &mut first_of, &row, &|_| {});
        doc.spill(0);
        assert!(doc.failed.is_none());
        assert_eq!(
            String::from_utf8_lossy(&sink.taken),
            format!("head\n{expected}"),
            "{plan:?}"
        );
        // Without a sink (the explorer's export): the same rows, in the document.
        let mut doc = Doc::new(&story, &options, clock(), None);
        doc.rows = plan;
        doc.write_rows(&items, &mut first_of, &row, &|_| {});
        assert_eq!(doc.out, expected, "{plan:?}");
    }
}

#[test]
fn a_timeline_made_on_several_threads_is_the_one_made_on_one() {
    let story = crate::synth::generated_story(1500, 90, 11);
    let options = ExportOptions::default();
    let export = |plan: RowPlan| {
        let mut doc = Doc::new(&story, &options, clock(), None);
        doc.rows = plan;
        doc.write_view(ExportView::Report);
        doc.out
    };
    let one = export(RowPlan {
        threads: 1,
        rows_per_chunk: 100_000,
    });
    for (threads, rows_per_chunk) in PLANS {
        let plan = RowPlan {
            threads,
            rows_per_chunk,
        };
        assert!(export(plan) == one, "{plan:?} differs");
    }
}

#[test]
fn after_the_sink_fails_nothing_is_written_and_little_more_is_formatted() {
    let story = small();
    let options = ExportOptions::default();
    let items: Vec<usize> = (0..10_000).collect();
    let formatted = AtomicUsize::new(0);
    let row = |out: &mut String, _: &usize, _: usize, n: &usize| {
        formatted.fetch_add(1, Ordering::Relaxed);
        out.push_str(&format!("{n}\n"));
    };
    let mut sink = FailsAfter {
        budget: 100,
        taken: Vec::new(),
        writes_after_failing: 0,
    };
    let doc_plan = RowPlan {
        threads: 3,
        rows_per_chunk: 10,
    };
    let mut doc = Doc::new(&story, &options, clock(), Some(&mut sink));
    doc.rows = doc_plan;
    doc.write_rows(&items, &mut first_of, &row, &|_| {});
    doc.spill(0);
    let failed = doc.failed.take().expect("the sink failed");
    assert_eq!(failed.to_string(), "disk full");
    assert_eq!(sink.writes_after_failing, 1, "written to after it failed");
    // Whole chunks of 10 rows in order until the one that did not fit (rows 30–39).
    let expected: String = (0..30).map(|n| format!("{n}\n")).collect();
    assert_eq!(String::from_utf8_lossy(&sink.taken), expected);
    // Three chunks written, and at most `most_chunks_ahead` taken past them (the one
    // that failed among them): 90 rows, not the 10,000.
    let most = (3 + doc_plan.most_chunks_ahead()) * 10;
    assert_eq!(most, 90);
    assert!(
        formatted.load(Ordering::Relaxed) <= most,
        "{formatted:?} rows formatted"
    );
}

#[test]
fn before_each_row_ahead_is_given_the_rows_from_it_to_the_end_of_its_chunk() {
    let story = small();
    let options = ExportOptions::default();
    let items: Vec<usize> = (0..50).collect();
    let row = |out: &mut String, _: &usize, _: usize, n: &usize| out.push_str(&format!("{n}\n"));
    let given = std::sync::Mutex::new(Vec::new());
    let ahead = |upcoming: &[usize]| given.lock().unwrap().push(upcoming.to_vec());
    let mut doc = Doc::new(&story, &options, clock(), None);
    doc.rows = RowPlan {
        threads: 3,
        rows_per_chunk: 7,
    };
    doc.write_rows(&items, &mut first_of, &row, &ahead);
    let mut given = given.into_inner().unwrap();
    given.sort();
    // Row n is in the chunk of rows 7(n / 7) to 7(n / 7) + 6, the last one shorter.
    let expected: Vec<Vec<usize>> = (0..50)
        .map(|n: usize| (n..(n / 7 * 7 + 7).min(50)).collect())
        .collect();
    assert_eq!(given, expected);
}

/// A row writer of these tests.
type TestRow<'r> = &'r (dyn Fn(&mut String, &usize, usize, &usize) + Sync);

/// Writes `items` with `row` on 2 and on 3 threads, chunks of 10 rows, to the sink
/// `sink` makes (None: the document); true when every call's panic reached the caller.
fn panics_reach_the_caller(
    items: &[usize],
    row: TestRow<'_>,
    sink: impl Fn() -> Option<Box<dyn Write>>,
) -> bool {
    [2, 3].into_iter().all(|threads| {
        let (story, options) = (small(), ExportOptions::default());
        let mut sink = sink();
        let sink = sink.as_deref_mut().map(|sink| sink as &mut dyn Write);
        let mut doc = Doc::new(&story, &options, clock(), sink);
        doc.rows = RowPlan {
            threads,
            rows_per_chunk: 10,
        };
        let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            doc.write_rows(items, &mut first_of, row, &|_| {});
        }));
        written.is_err()
    })
}

#[test]
fn a_row_that_panics_on_any_thread_ends_the_export_with_the_panic_not_a_wait() {
    // Chunks are taken by whichever thread is free: panicking in every row from 55 on
    // reaches this thread and the others alike.
    let row = |out: &mut String, _: &usize, _: usize, n: &usize| {
        assert!(*n < 55, "row {n} cannot be written");
        out.push_str(&format!("{n}\n"));
    };
    let items: Vec<usize> = (0..400).collect();
    assert!(panics_reach_the_caller(&items, &row, || None));
}

/// Panics once more than `budget` bytes are written.
struct PanicsAfter {
    budget: usize,
}

impl Write for PanicsAfter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.budget = (self.budget.checked_sub(buf.len())).expect("the sink gave way");
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_panic_while_writing_ends_the_export_with_the_panic_not_a_wait() {
    // This thread writes; the others, chunks ahead, wait for it to move on.
    let row = |out: &mut String, _: &usize, _: usize, n: &usize| out.push_str(&format!("{n}\n"));
    let items: Vec<usize> = (0..4000).collect();
    let sink = || Some(Box::new(PanicsAfter { budget: 100 }) as Box<dyn Write>);
    assert!(panics_reach_the_caller(&items, &row, sink));
}
