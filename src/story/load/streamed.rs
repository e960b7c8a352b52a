//! The loader's fast path for a file on disk: records deserialised as the bytes are
//! read, through a buffer of a fixed size, instead of from a copy of the whole text.
//! It only says yes or no: whatever it refuses goes to the path that reads the whole
//! text and explains the problem with a line and column.

use std::io::{BufReader, Read};
use std::path::Path;

use crate::story::model::{FORMAT_VERSION, StoryFile};

/// Big enough that a read is a few system calls per megabyte, small enough not to
/// show in the peak.
const BUFFER_BYTES: usize = 256 * 1024;

/// The records of the file at `path` and how many bytes they were read from; None when
/// the file cannot be opened or read, is not a story of this format, or is not exactly
/// what the whole-text parse would accept without a word (it then says why).
pub(super) fn read_records(path: &Path) -> Option<(StoryFile, usize)> {
    let file = std::fs::File::open(path).ok()?;
    let mut counted = Counted {
        inner: file,
        bytes: 0,
    };
    let story: StoryFile =
        serde_json::from_reader(BufReader::with_capacity(BUFFER_BYTES, &mut counted)).ok()?;
    (story.format == FORMAT_VERSION).then_some((story, counted.bytes))
}

/// A reader that counts the bytes it has passed on.
struct Counted<R> {
    inner: R,
    bytes: usize,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.bytes += read;
        Ok(read)
    }
}
