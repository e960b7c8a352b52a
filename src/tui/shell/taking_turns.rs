//! Two threads that take turns at the reloads' loads, so each new story is allocated
//! where the story before last was freed, not among the live one's blocks. glibc gives
//! each thread an arena of its own and frees a block into the arena it came from: with
//! one loading thread, every story is built in the arena that still holds the story on
//! screen, the two interleave, and freeing the old one leaves pages half used that the
//! trim after it cannot give back (VmRSS climbed by half a story over ten reloads,
//! BENCHMARKS.md, issue 23, third stop). Taking turns, the old story's arena is all
//! free once it goes, and the trim returns it whole.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{Sender, channel};

/// A piece of work for one of the threads.
type Job = Box<dyn FnOnce() + Send>;

/// The two threads, and whose turn is next.
pub(crate) struct TakingTurns {
    threads: Vec<Sender<Job>>,
    next: usize,
}

impl TakingTurns {
    /// Starts the threads (fewer if the system will not start two; none is fine: the
    /// work then runs on the caller's thread).
    pub(crate) fn start(name: &str) -> TakingTurns {
        let threads = (0..2)
            .filter_map(|turn| {
                let (sender, jobs) = channel::<Job>();
                let spawned = std::thread::Builder::new()
                    .name(format!("{name}-{turn}"))
                    .spawn(move || {
                        // Ends when the sending side is gone (the watcher stopped). A
                        // load that panics (a bug) fails that reload, not the next.
                        for job in jobs {
                            let _ = std::panic::catch_unwind(AssertUnwindSafe(job));
                        }
                    });
                spawned.ok().map(|_| sender)
            })
            .collect();
        TakingTurns { threads, next: 0 }
    }

    /// Runs `work` on the thread whose turn it is and waits for the result it sends;
    /// the work may go on after sending (it has the thread to itself until its next
    /// turn). On this thread when none could be started. None if the work ended (or
    /// panicked) without sending.
    pub(crate) fn run<T: Send + 'static>(
        &mut self,
        work: impl FnOnce(Sender<T>) + Send + 'static,
    ) -> Option<T> {
        let (sender, result) = channel();
        let mut job: Job = Box::new(move || work(sender));
        while !self.threads.is_empty() {
            self.next = (self.next + 1) % self.threads.len();
            match self.threads[self.next].send(job) {
                Ok(()) => return result.recv().ok(),
                // That thread is gone: use the other.
                Err(returned) => {
                    job = returned.0;
                    self.threads.remove(self.next);
                }
            }
        }
        job();
        result.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc::Sender;

    use super::TakingTurns;

    /// Sends the name of the thread it runs on.
    fn name_to(result: Sender<String>) {
        let name = std::thread::current().name().unwrap_or("").to_owned();
        result.send(name).unwrap();
    }

    #[test]
    fn the_work_goes_on_after_its_result_is_in() {
        let mut turns = TakingTurns::start("turns-after");
        let (later, after) = std::sync::mpsc::channel();
        let first = turns.run(move |result: Sender<u8>| {
            result.send(1).unwrap();
            std::thread::sleep(std::time::Duration::from_millis(50));
            later.send(2).unwrap();
        });
        assert_eq!(first, Some(1));
        assert_eq!(after.recv(), Ok(2));
    }

    #[test]
    fn the_two_threads_take_turns() {
        let mut turns = TakingTurns::start("turns-test");
        let names: Vec<String> = (0..4).filter_map(|_| turns.run(name_to)).collect();
        assert_eq!(
            names,
            [
                "turns-test-1",
                "turns-test-0",
                "turns-test-1",
                "turns-test-0"
            ]
        );
    }

    #[test]
    fn a_load_that_panics_fails_alone() {
        let mut turns = TakingTurns::start("turns-panic");
        assert_eq!(turns.run(|_: Sender<u8>| panic!("a bad load")), None);
        let names: Vec<String> = (0..2).filter_map(|_| turns.run(name_to)).collect();
        assert_eq!(names, ["turns-panic-0", "turns-panic-1"]);
    }
}
