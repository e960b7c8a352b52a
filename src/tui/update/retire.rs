//! What a reload replaces — the old story, its narrowed copy, its search index and
//! search worker — is freed on a thread of its own: freeing 100k records one by one
//! takes a tenth of a second (a second at 1M), and dropping a search worker waits for
//! a search still running. After the free, the memory goes back to the OS: glibc keeps
//! what a thread freed in that thread's arena, so without the trim the explorer's
//! memory climbs with every reload (measured in BENCHMARKS.md, issue 23).

use std::sync::atomic::{AtomicUsize, Ordering};

/// Retired things still being freed; tests wait on it.
static FREEING: AtomicUsize = AtomicUsize::new(0);

/// Frees `old` on another thread (here, if no thread can be started), then gives the
/// freed memory back to the OS.
pub(crate) fn retire<T: Send + 'static>(old: T) {
    FREEING.fetch_add(1, Ordering::SeqCst);
    let work = move || {
        drop(old);
        crate::allocator::give_back_freed_memory();
        FREEING.fetch_sub(1, Ordering::SeqCst);
    };
    let spawned = std::thread::Builder::new()
        .name("retire-story".to_owned())
        .spawn(work);
    if spawned.is_err() {
        // The failed spawn dropped the closure, and `old` with it, here.
        FREEING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Whether every retired thing has been freed (for tests and measurements).
pub fn all_freed() -> bool {
    FREEING.load(Ordering::SeqCst) == 0
}
