//! Work done side by side on helper threads, for the preparations that hold a reload
//! (and an opening, and a change of filter) up: the list panes' rows are independent
//! passes over the story (the sources' fact counts walk every citation, the metrics'
//! rows format every metric, the timeline's order sorts every event), and the doubts
//! one more. One after the other they were 33 ms of a 100k-event reload on one core
//! while the other idled (BENCHMARKS.md, issue 23, fourth stop).
//!
//! The helpers belong to the thread that asks (two each, started on its first ask, gone
//! with it), and each always does the same part: glibc gives every thread an arena of
//! its own, so the rows of the story made on one of the two loading threads that take
//! turns (`shell/taking_turns`) sit in that thread's helpers' arenas alone, and are all
//! free once that story is retired. Threads started afresh for each reload would take
//! whatever arena was free, the live story's rows among them, and memory climbed over
//! reloads. A helper that cannot be started leaves its part to the asking thread.

use std::cell::RefCell;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::Result as Outcome;

use crate::story::Story;
use crate::story::query::views::{CandidateRow, MetricRow, SourceRow, ViewFilter};

/// A part of the work, for a helper.
type Job = Box<dyn FnOnce() + Send>;

/// Which helper does a part: the same one each time (see the module's note).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Helper {
    /// The sources' rows, and the doubts.
    First = 0,
    /// The metrics' rows.
    Second = 1,
}

thread_local! {
    /// This thread's helpers, started on first use; None where one would not start.
    static HELPERS: RefCell<[Option<Sender<Job>>; 2]> = const { RefCell::new([None, None]) };
}

/// Work handed to a helper (or done already on the asking thread): its outcome comes.
pub(crate) struct Beside<T>(Receiver<Outcome<T>>);

/// Hands `work` to this thread's `helper`; does it at once here if none will start.
pub(crate) fn beside<T: Send + 'static>(
    helper: Helper,
    work: impl FnOnce() -> T + Send + 'static,
) -> Beside<T> {
    let (sender, outcome) = channel();
    let job: Job = Box::new(move || {
        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
        let _ = sender.send(done);
    });
    let refused = HELPERS.with_borrow_mut(|helpers| {
        let slot = &mut helpers[helper as usize];
        // Not started yet, or gone (it cannot panic: jobs catch their own): start it.
        offer(slot, job).or_else(|job| {
            *slot = start_helper(helper);
            offer(slot, job)
        })
    });
    if let Err(job) = refused {
        job();
    }
    Beside(outcome)
}

/// Starts this thread's helpers now, if they are not running: a thread that will ask
/// for them calls it when it starts, so that they take arenas of their own, not one
/// left by a thread that ended with a story still in it (the first load's).
pub(crate) fn start_helpers() {
    HELPERS.with_borrow_mut(|helpers| {
        for (slot, helper) in helpers.iter_mut().zip([Helper::First, Helper::Second]) {
            if slot.is_none() {
                *slot = start_helper(helper);
            }
        }
    });
}

/// Gives `job` to the helper in `slot`; the job back if there is none.
fn offer(slot: &Option<Sender<Job>>, job: Job) -> Result<(), Job> {
    match slot {
        Some(jobs) => jobs.send(job).map_err(|gone| gone.0),
        None => Err(job),
    }
}

/// A helper thread, waiting for jobs until the thread that owns it is gone.
fn start_helper(helper: Helper) -> Option<Sender<Job>> {
    let (sender, jobs) = channel::<Job>();
    let name = format!("prepare-{}", helper as usize);
    let started = std::thread::Builder::new().name(name).spawn(move || {
        // glibc picks this thread's arena at its first allocation: now, while the
        // thread that starts it is starting too (see `start_helpers`).
        drop(std::hint::black_box(Box::new(0_u8)));
        for job in jobs {
            job();
        }
    });
    started.ok().map(|_| sender)
}

impl<T> Beside<T> {
    /// The work's result, once it is done. A panic in it (a bug) goes on here, where
    /// the asking thread's own would have.
    pub(crate) fn finish(self) -> T {
        match self.0.recv() {
            Ok(Ok(result)) => result,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            // The job, run or not, holds the sender until it has sent: only an abort
            // could drop it unsent.
            Err(_) => panic!("a helper thread ended in the middle of its work"),
        }
    }
}

/// The four list panes' rows for `filter`.
#[derive(Debug)]
pub(crate) struct PaneRows {
    pub(crate) timeline: Vec<usize>,
    pub(crate) candidates: Vec<CandidateRow>,
    pub(crate) metrics: Vec<MetricRow>,
    pub(crate) sources: Vec<SourceRow>,
}

/// The list panes' rows of `story` narrowed by `filter`, the three dearest passes side
/// by side: the sources' and the metrics' rows each on a helper, the timeline's order
/// and the candidates' rows on this thread.
pub(crate) fn pane_rows(story: &Story, filter: ViewFilter) -> PaneRows {
    let shared = story.clone();
    let sources = beside(Helper::First, move || match filter.entity {
        Some(entity) => shared.source_rows_about(entity),
        None => shared.source_rows(),
    });
    let shared = story.clone();
    let metrics = beside(Helper::Second, move || shared.metric_rows(filter));
    let timeline = story.timeline_events(filter);
    let candidates = story.candidate_rows(filter);
    PaneRows {
        timeline,
        candidates,
        metrics: metrics.finish(),
        sources: sources.finish(),
    }
}

#[cfg(test)]
mod tests;
