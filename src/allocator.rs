//! Giving freed memory back to the OS (glibc's `malloc_trim`): after a reload frees
//! the old story, and once the search index is built; and keeping big blocks out of
//! the arenas, so a reload's new story cannot be scattered among the old one's pages.
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

/// Blocks of this many bytes and more get pages of their own (`mmap`), given back to
/// the OS the moment they are freed.
pub const OWN_PAGES_FROM: usize = 256 * 1024;

/// Fixes the size from which glibc gives a block pages of its own at `OWN_PAGES_FROM`.
/// By default glibc raises that size to the biggest such block freed so far (up to 32
/// MiB): after the first reload freed a story's big lists, the next story's lists came
/// from the arenas instead, among small blocks that outlive them, and the explorer's
/// memory after ten reloads was 1.13-1.25x what it was after one (BENCHMARKS.md, issue
/// 23, eighth stop). Setting the size turns the raising off. For the explorer, whose
/// stories are built and freed over and over; `check` and the exports measured the same
/// with it and without.
pub fn keep_big_blocks_out_of_the_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of the allocator, under its own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_PAGES_FROM as libc::c_int);
    }
}
