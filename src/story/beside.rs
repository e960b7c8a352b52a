//! Two pieces of work at once: one on this thread, the other on a thread beside it
//! when the system gives one, else here after the first (a refused thread costs only
//! the time, never a panic). What the halves of a big story's lists are made with.

use std::sync::Mutex;

/// `here()` on this thread and `beside()` on another, both results once both are
/// done; `beside` runs here, after `here`, when no thread can be started. A panic in
/// either reaches the caller.
pub(crate) fn here_and_beside<A, B: Send>(
    here: impl FnOnce() -> A,
    beside: impl FnOnce() -> B + Send,
) -> (A, B) {
    // Kept out of the thread's closure, so a thread refused leaves it here to run.
    let work = Mutex::new(Some(beside));
    let take = || work.lock().ok().and_then(|mut work| work.take());
    let (here, there) = std::thread::scope(|scope| {
        let helper = std::thread::Builder::new().spawn_scoped(scope, || take().map(|f| f()));
        let here = here();
        let there = match helper {
            Ok(helper) => helper
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            Err(_) => None,
        };
        (here, there)
    });
    match there.or_else(|| take().map(|f| f())) {
        Some(there) => (here, there),
        None => unreachable!("the work beside is taken once, by the thread or here"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_pieces_run_once_and_their_results_come_back_in_place() {
        let (mut front, mut back) = (vec![3, 1, 2], vec![9, 7, 8]);
        let (a, b) = here_and_beside(
            || {
                front.sort_unstable();
                "here"
            },
            || {
                back.sort_unstable();
                std::thread::current().id()
            },
        );
        assert_eq!((a, front, back), ("here", vec![1, 2, 3], vec![7, 8, 9]));
        assert_ne!(
            b,
            std::thread::current().id(),
            "beside ran on a thread of its own"
        );
    }

    #[test]
    fn a_panic_beside_reaches_the_caller() {
        let result = std::panic::catch_unwind(|| {
            here_and_beside(|| 1, || -> u32 { panic!("beside gave way") })
        });
        assert!(result.is_err());
    }
}
