//! The file's bytes held for the parse in memory that is given back to the system a
//! page at a time once the parse has passed it, so the text and the records made of it
//! are never both held whole (the text alone is as big as the file).

use std::fs::File;
use std::io::Read;
use std::ops::Range;

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
    /// Reads `file` (`length` bytes long, as its metadata says) a chunk at a time,
    /// telling `read_so_far` how far it has come. None when the file is not that long
    /// any more (it is being written): the slow path reads it again and explains.
    pub(super) fn read(
        mut file: File,
        length: usize,
        tuning: &Tuning,
        mut read_so_far: impl FnMut(usize),
    ) -> std::io::Result<Option<Text>> {
        let mut store = Store::zeroed(length, tuning)?;
        let buffer = store.bytes_mut();
        let mut filled = 0;
        while filled < length {
            let end = (filled + READ_STEP).min(length);
            match file.read(&mut buffer[filled..end])? {
                0 => return Ok(None),
                got => filled += got,
            }
            read_so_far(filled);
        }
        // One more byte would mean the file grew since its length was taken.
        if file.read(&mut [0u8])? != 0 {
            return Ok(None);
        }
        Ok(Some(Text {
            store,
            release_step: tuning.release_step.max(1),
        }))
    }

    /// A text held as `read` would hold it, from bytes in memory.
    #[cfg(test)]
    pub(super) fn holding(bytes: &[u8], tuning: &Tuning) -> Text {
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

    /// Gives back the whole pages inside `range`. The caller never reads them again:
    /// each parsing thread gives back only what lies behind its own cursor, inside the
    /// part of the text that is its alone.
    pub(super) fn give_back(&self, range: Range<usize>) {
        let (start, end) = (round_up(range.start), round_down(range.end));
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
