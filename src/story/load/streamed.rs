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

#[cfg(test)]
mod tests {
    use super::read_records;
    use crate::story::EMBEDDED_STORY;
    use crate::story::load::{load_bytes, load_path};

    fn written(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn a_story_read_from_disk_is_the_story_its_whole_text_gives() {
        let dir = tempfile::tempdir().unwrap();
        let path = written(&dir, "story.json", EMBEDDED_STORY);
        let (streamed, length) = read_records(&path).expect("the shipped story streams");
        assert_eq!(length, EMBEDDED_STORY.len());
        let whole = load_bytes(EMBEDDED_STORY.as_bytes(), "story").unwrap();
        assert_eq!(
            serde_json::to_value(&streamed).unwrap(),
            serde_json::to_value(&*whole.file).unwrap()
        );
    }

    #[test]
    fn what_the_stream_refuses_is_read_whole_and_explained_as_before() {
        let dir = tempfile::tempdir().unwrap();
        // A byte-order mark: refused by the stream, accepted by the whole-text path.
        let bom = written(&dir, "bom.json", &format!("\u{feff}{EMBEDDED_STORY}"));
        assert!(read_records(&bom).is_none());
        assert!(load_path(&bom).is_ok());
        let cases = [
            EMBEDDED_STORY.replacen("\"format\": 1", "\"format\": 2", 1),
            EMBEDDED_STORY.replacen("\"sources\"", "\"sourcez\"", 1),
            EMBEDDED_STORY.replacen('{', "{,", 1),
        ];
        for (i, text) in cases.iter().enumerate() {
            assert_ne!(text, EMBEDDED_STORY, "case {i} changes the story");
            let path = written(&dir, "bad.json", text);
            assert!(read_records(&path).is_none(), "case {i} is refused");
            let from_disk = load_path(&path).expect_err("a broken story").to_string();
            let from_text = load_bytes(text.as_bytes(), &path.display().to_string())
                .expect_err("a broken story")
                .to_string();
            assert_eq!(from_disk, from_text, "case {i}");
        }
    }
}
