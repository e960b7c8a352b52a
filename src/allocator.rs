//! How the process's allocator is set up before any thread starts: one glibc malloc
//! arena for every thread.
//!
//! The story is read, validated and indexed on short-lived worker threads, and what
//! they allocate (the records, the search index) outlives them. glibc gives each thread
//! an arena of its own; memory a worker frees stays in that worker's arena, where only
//! threads later handed the same arena can reuse it, so the process holds more pages
//! than it uses, and how many depends on which thread ran what. With one arena, freed
//! memory is reused by whoever allocates next. Measured at 100k events (BENCHMARKS.md,
//! "Issue 23, fifth stop"): the explorer's peak 102.0 -> 95.9 MiB, `check`'s 76.2 ->
//! 72.8 MiB, with CPU and wall time unchanged within noise on 2 cores.

/// Makes every thread allocate from one arena. Call first in `main`, before any thread
/// exists (an arena, once made, is kept).
pub fn use_one_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any other thread
    // exists, it races with nothing.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}
