//! How the process's allocator is set up before any thread starts: two glibc malloc
//! arenas shared by every thread, not one per thread.
//!
//! The story is read, validated and indexed on short-lived worker threads, and what
//! they allocate (the records, the search index) outlives them. glibc gives each new
//! thread an arena of its own, up to eight per core; memory a worker frees stays in its
//! arena, where only threads later handed the same arena reuse it, so the process held
//! more pages than it used (four thread arenas in the explorer at 100k events). One
//! arena for all was the smallest, but the parse's two threads then queued for its lock
//! (4,000 context switches and 1.3x the CPU of a `check` at 100k); with two, each of
//! them allocates from one of its own, and what they leave is shared by the rest.
//! Measured at 100k events (BENCHMARKS.md, "Issue 23, fifth stop"): the explorer's
//! peak about 6 MiB lower than with an arena per thread, CPU unchanged.

/// Hands free pages at the top of each arena, and whole free pages inside them, back
/// to the OS: after a reload frees the old story, and after the search index is built
/// (the load's and the build's workers leave freed pages in the arena they used, and
/// the explorer's peak comes later, when a search builds the typo index).
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes the
    // arena locks itself and touches no memory the program holds.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// How many arenas every thread shares: one for each of the parse's two threads.
const ARENAS: i32 = 2;

/// Makes every thread allocate from `ARENAS` arenas. Call first in `main`, before any
/// thread exists (an arena, once made, is kept).
pub fn share_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any other thread
    // exists, it races with nothing.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, ARENAS);
    }
}
