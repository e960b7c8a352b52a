//! The file's bytes held for the parse in memory that is given back to the system a
//! page at a time once the parse has passed it, so the text and the records made of it
//! are never both held whole (the text alone is as big as the file).

use std::fs::File;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::Tuning;

/// How much is read from disk between two reports of how far the read has come.
const READ_STEP: usize = 1 << 20;

/// A story file's bytes, read whole.
pub(super) struct Text {
    store: Store,
    /// How much a parsing thread passes between two hand-backs.
    release_step: usize,
}

enum Store {
    Heap(Vec<u8>),
    /// A private anonymous mapping: what is given back reads as zeros afterwards, and
    /// NUL is not valid anywhere in JSON, so a parse that strays into it fails (and the
    /// file is then read again by the slow path) rather than reading anything else.
    Mapped(memmap2::MmapMut),
}

impl Store {
    /// `length` zero bytes: mapped from `tuning.mapped_from` bytes on, else on the heap.
    fn zeroed(length: usize, tuning: &Tuning) -> std::io::Result<Store> {
        Ok(if length >= tuning.mapped_from && length > 0 {
            // Not MAP_POPULATE: it holds the process's memory-map lock while it faults the
            // whole file in, and the explorer's first frame waited 80 ms behind it.
            // Not huge pages either (MADV_HUGEPAGE): they cut the page faults by a third
            // but cost 0.6 s more CPU at 1M events, zeroing 2 MiB at a time and split
            // again by the hand-backs.
            Store::Mapped(memmap2::MmapMut::map_anon(length)?)
        } else {
            Store::Heap(vec![0; length])
        })
    }

    fn bytes_mut(&mut self) -> &mut [u8] {
        match self {
            Store::Heap(bytes) => bytes,
            Store::Mapped(map) => map,
        }
    }
}

impl Text {
    /// Reads `file` (`length` bytes long, as its metadata says), telling `read_so_far`
    /// how far it has come; a mapped text is read in `threads` parts at once (the copy
    /// from the system's cache and the page faults were a quarter of a load's time on
    /// one core). None when the file is not that long any more (it is being written):
    /// the slow path reads it again and explains.
    pub(super) fn read(
        file: File,
        length: usize,
        tuning: &Tuning,
        threads: usize,
        read_so_far: impl Fn(usize) + Sync,
    ) -> std::io::Result<Option<Text>> {
        let mut store = Store::zeroed(length, tuning)?;
        let parts = match store {
            Store::Mapped(_) => threads.clamp(1, 8),
            Store::Heap(_) => 1,
        };
        if !read_exactly(&file, store.bytes_mut(), parts, &read_so_far)? {
            return Ok(None);
        }
        // One more byte would mean the file grew since its length was taken.
        if read_at(&file, &mut [0u8], length)? != 0 {
            return Ok(None);
        }
        // Checked once here, so the parse reads strings without checking each again
        // (serde_json's check of every string was 7 % of a load). Text that is not
        // UTF-8 goes to the slow path, which says where.
        if !is_utf8(store.bytes_mut(), parts) {
            return Ok(None);
        }
        Ok(Some(Text {
            store,
            release_step: tuning.release_step.max(1),
        }))
    }

    /// A text held as `read` would hold it, from bytes in memory.
    #[cfg(test)]
    pub(super) fn holding(bytes: &str, tuning: &Tuning) -> Text {
        let bytes = bytes.as_bytes();
        let mut store = Store::zeroed(bytes.len(), tuning).unwrap();
        store.bytes_mut().copy_from_slice(bytes);
        Text {
            store,
            release_step: tuning.release_step.max(1),
        }
    }

    /// The whole text; bytes already given back read as zeros.
    pub(super) fn bytes(&self) -> &[u8] {
        match &self.store {
            Store::Heap(bytes) => bytes,
            Store::Mapped(map) => map,
        }
    }

    /// The whole text as a `str`, from `at` (None when `at` is not where a character
    /// starts); what was given back reads as NULs.
    pub(super) fn str_from(&self, at: usize) -> Option<&str> {
        // SAFETY: `read` (and `holding`) only make a Text of valid UTF-8, and
        // `give_back` zeroes only runs of whole characters (see there): NUL is a whole
        // character, so the text stays valid UTF-8 however much is given back.
        let text = unsafe { std::str::from_utf8_unchecked(self.bytes()) };
        text.get(at..)
    }

    /// Gives back the whole pages inside `range`. The caller never reads them again:
    /// each parsing thread gives back only what lies behind its own cursor, inside the
    /// part of the text that is its alone. A page edge that falls inside a character
    /// is moved a page inwards, so what is zeroed is always whole characters and the
    /// text stays UTF-8 (`str_from`).
    pub(super) fn give_back(&self, range: Range<usize>) {
        let (mut start, mut end) = (round_up(range.start), round_down(range.end));
        let bytes = self.bytes();
        let inside_a_character = |at: usize| bytes.get(at).is_some_and(|&b| b & 0xC0 == 0x80);
        // Each edge moves until it falls between characters (the next page's edge may
        // be inside one too).
        while start < end && inside_a_character(start) {
            start += page_size();
        }
        while start < end && inside_a_character(end) {
            end -= page_size();
        }
        if end <= start {
            return;
        }
        #[cfg(unix)]
        if let Store::Mapped(map) = &self.store {
            // SAFETY: the pages lie inside the mapping (`range` is within the text and
            // rounded inwards to whole pages), nothing reads them again while the parse
            // succeeds, and a private anonymous mapping reads as zeros after
            // MADV_DONTNEED, which fails any parse that does read them. A failed
            // hand-back only leaves the memory in use.
            let _ = unsafe {
                map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, start, end - start)
            };
        }
    }
}

/// Fills `buffer` from the start of `file`, in `parts` page-aligned parts on as many
/// threads; false when the file ends before the buffer does.
fn read_exactly(
    file: &File,
    buffer: &mut [u8],
    parts: usize,
    read_so_far: &(impl Fn(usize) + Sync),
) -> std::io::Result<bool> {
    let done = AtomicUsize::new(0);
    let part_length = round_up(buffer.len().div_ceil(parts.max(1))).max(page_size());
    if parts <= 1 || buffer.len() <= part_length {
        return read_part(file, buffer, 0, &done, read_so_far);
    }
    std::thread::scope(|scope| {
        let readers: Vec<_> = (buffer.chunks_mut(part_length).enumerate())
            .map(|(k, part)| {
                let done = &done;
                scope.spawn(move || read_part(file, part, k * part_length, done, read_so_far))
            })
            .collect();
        let mut whole = Ok(true);
        for reader in readers {
            let part = reader
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("a reader failed")));
            whole = match (whole, part) {
                (Err(err), _) | (Ok(_), Err(err)) => Err(err),
                (Ok(all), Ok(this)) => Ok(all && this),
            };
        }
        whole
    })
}

/// Whether `bytes` are UTF-8, checked in `parts` pieces at once, with SIMD (the
/// standard library's check read 3 GB/s here, a twentieth of a check at 100k). Each
/// piece but the first starts where a character does (moved past continuation bytes,
/// which the piece before then ends with and checks), so every byte is checked in its
/// character.
pub(super) fn is_utf8(bytes: &[u8], parts: usize) -> bool {
    let starts_a_character = |at: usize| bytes.get(at).is_none_or(|&b| b & 0xC0 != 0x80);
    let mut cuts: Vec<usize> = (0..parts.max(1))
        .map(|k| {
            let mut cut = k * bytes.len() / parts.max(1);
            while cut > 0 && !starts_a_character(cut) {
                cut += 1;
            }
            cut
        })
        .collect();
    cuts.push(bytes.len());
    cuts.dedup();
    if cuts.len() <= 2 {
        return simdutf8::basic::from_utf8(bytes).is_ok();
    }
    std::thread::scope(|scope| {
        let checks: Vec<_> = (cuts.windows(2))
            .map(|piece| {
                let piece = &bytes[piece[0]..piece[1]];
                scope.spawn(move || simdutf8::basic::from_utf8(piece).is_ok())
            })
            .collect();
        checks
            .into_iter()
            .all(|check| check.join().unwrap_or(false))
    })
}

/// Fills `part` from `offset` in the file, a step at a time, adding to `done`.
fn read_part(
    file: &File,
    part: &mut [u8],
    offset: usize,
    done: &AtomicUsize,
    read_so_far: &impl Fn(usize),
) -> std::io::Result<bool> {
    let mut filled = 0;
    while filled < part.len() {
        let end = (filled + READ_STEP).min(part.len());
        let got = read_at(file, &mut part[filled..end], offset + filled)?;
        if got == 0 {
            return Ok(false);
        }
        filled += got;
        read_so_far(done.fetch_add(got, Ordering::Relaxed) + got);
    }
    Ok(true)
}

/// One read at `offset`, leaving the file's own position alone (threads share it).
#[cfg(unix)]
fn read_at(file: &File, buffer: &mut [u8], offset: usize) -> std::io::Result<usize> {
    use std::os::unix::fs::FileExt;
    file.read_at(buffer, offset as u64)
}

#[cfg(windows)]
fn read_at(file: &File, buffer: &mut [u8], offset: usize) -> std::io::Result<usize> {
    use std::os::windows::fs::FileExt;
    file.seek_read(buffer, offset as u64)
}

/// Where the page holding `offset` starts (offsets in the text are offsets in the
/// mapping, which starts on a page).
fn round_down(offset: usize) -> usize {
    offset / page_size() * page_size()
}

/// Where the first page at or after `offset` starts.
fn round_up(offset: usize) -> usize {
    offset.div_ceil(page_size()) * page_size()
}

#[cfg(unix)]
fn page_size() -> usize {
    static PAGE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    // SAFETY: sysconf has no preconditions.
    *PAGE.get_or_init(|| {
        let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        usize::try_from(size)
            .ok()
            .filter(|&s| s > 0)
            .unwrap_or(4096)
    })
}

#[cfg(not(unix))]
fn page_size() -> usize {
    4096
}

/// Gives back what one parsing thread has passed, a step at a time.
pub(super) struct Releaser<'t> {
    text: &'t Text,
    /// Everything before this has been given back (or was never this thread's).
    done: usize,
}

impl<'t> Releaser<'t> {
    /// For a thread whose part of the text starts at `start`.
    pub(super) fn new(text: &'t Text, start: usize) -> Releaser<'t> {
        Releaser {
            text,
            done: round_up(start),
        }
    }

    /// The thread's cursor is at `position`: the whole pages behind it can go.
    pub(super) fn passed(&mut self, position: usize) {
        let end = round_down(position);
        if end >= self.done.saturating_add(self.text.release_step) {
            self.text.give_back(self.done..end);
            self.done = end;
        }
    }

    /// Whether anything has been given back yet.
    pub(super) fn gave_back_any(&self, start: usize) -> bool {
        self.done > round_up(start)
    }
}
