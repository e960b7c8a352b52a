//! Writing files so that nothing is ever half-written or silently replaced.

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::{Builder, NamedTempFile};

/// A temp file in `dir` holding `contents`, flushed to disk, readable like any file
/// the user creates (tempfile's own default is owner-only).
fn staged(dir: &Path, contents: &[u8]) -> std::io::Result<NamedTempFile> {
    staged_with(dir, |file| file.write_all(contents))
}

/// A temp file in `dir` holding what `write` writes, flushed to disk.
fn staged_with(
    dir: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<NamedTempFile> {
    let mut builder = Builder::new();
    builder.prefix(".storyscope-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The umask still applies, as for any newly created file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    write(&mut temp)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Writes `bytes` to `path` through a temp file in the same folder and a rename, so
/// readers see the old file or the whole new one, never a part.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// Writes what `write` writes to `path` through a temp file in the same folder and a
/// rename, so readers see the old file or the whole new one, never a part; output is
/// made a piece at a time (a big export is never held whole).
pub(crate) fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let temp = staged_with(parent_dir(path), write)?;
    temp.persist(path).map_err(|err| err.error)?;
    Ok(())
}

/// Writes into `dir` as `stem.md`, or `stem-2.md`, `stem-3.md` … if taken; never
/// replaces an existing file. Returns the path written.
pub(crate) fn write_new_file(
    dir: &Path,
    stem: &str,
    extension: &str,
    contents: &[u8],
) -> std::io::Result<PathBuf> {
    let mut temp = staged(dir, contents)?;
    for attempt in 1..1000 {
        let name = if attempt == 1 {
            format!("{stem}.{extension}")
        } else {
            format!("{stem}-{attempt}.{extension}")
        };
        let target = dir.join(name);
        // persist_noclobber fails rather than replace a file that appeared meanwhile.
        match temp.persist_noclobber(&target) {
            Ok(_) => return Ok(target),
            Err(err)
                if err.error.kind() == std::io::ErrorKind::AlreadyExists || target.exists() =>
            {
                temp = err.file
            }
            Err(err) => return Err(err.error),
        }
    }
    Err(std::io::Error::other(format!(
        "no free file name for {stem}.{extension} in {}",
        dir.display()
    )))
}

/// Writes `contents` to exactly `path`, whole or not at all, failing with
/// `AlreadyExists` rather than replace a file that is there.
pub(crate) fn write_new_exact(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    if path.exists() {
        return Err(std::io::ErrorKind::AlreadyExists.into());
    }
    let temp = staged(parent_dir(path), contents)?;
    temp.persist_noclobber(path).map_err(|err| err.error)?;
    Ok(())
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The folder a story file's relative paths (its sources' `text`) start from.
pub fn story_dir(path: &std::path::Path) -> std::path::PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_file_name_has_its_texts_in_the_current_folder() {
        assert_eq!(story_dir(Path::new("story.json")), Path::new("."));
        assert_eq!(story_dir(Path::new("a/b/story.json")), Path::new("a/b"));
        assert_eq!(story_dir(Path::new("/story.json")), Path::new("/"));
    }
}
