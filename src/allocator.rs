//! Giving freed memory back to the OS (glibc's `malloc_trim`): after a reload frees
//! the old story, and once the search index is built.
//!
//! The story is read, validated and indexed on short-lived worker threads, and glibc
//! gives each thread an arena of its own: what a worker frees stays in its arena, where
//! only threads later handed the same arena reuse it, so the explorer held pages it no
//! longer used when the typo index, built on the first search, made its peak. The trim
//! after the index is built gives them back: the explorer's peak at 100k events fell
//! from 95.1 to 90.6 MiB (BENCHMARKS.md, "Issue 23, fifth stop"). Capping the arenas
//! instead (`M_ARENA_MAX`) was tried: one arena for every thread was smaller still, but
//! the parse's two threads then queued for its lock (4,000 context switches and 1.3x the
//! CPU of a load at 100k); two arenas let the explorer's parse threads share one.

/// Hands free pages at the top of each arena, and whole free pages inside them, back
/// to the OS.
pub fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; it takes the
    // arena locks itself and touches no memory the program holds.
    unsafe {
        libc::malloc_trim(0);
    }
}
