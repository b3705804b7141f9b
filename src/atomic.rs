//! Atomic file writes: a temporary file in the target's directory, synced, then
//! renamed over the target, so that a reader (or a crash) never sees half a file.
//!
//! Writing is split in two steps, [`stage`] and [`Staged::commit`], so that a file
//! with a companion (the graph file and its snapshot) can have both written and
//! synced before either is renamed into place.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Write `bytes` to `path` atomically. The file gets the permissions the user's umask
/// gives, as a shell's `>` would (a bare temporary file would be private, 0600).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (staged, ()) = stage(path, |w| w.write_all(bytes))?;
    staged.commit()
}

/// A complete, synced temporary file waiting to be renamed over its target.
/// Dropping it without [`commit`](Staged::commit) removes the temporary file.
pub struct Staged {
    tmp: NamedTempFile,
    path: PathBuf,
}

/// Write a temporary file beside `path` through `write` (buffered) and sync it; the
/// target is untouched until [`Staged::commit`].
pub fn stage<T, E: From<io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<&File>) -> Result<T, E>,
) -> Result<(Staged, T), E> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".whowhom-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir)?;
    // Large files (a graph of a million edges is most of a gigabyte) are streamed out
    // rather than built in memory first.
    let mut out = BufWriter::with_capacity(1 << 20, tmp.as_file());
    let value = write(&mut out)?;
    out.flush()?;
    drop(out);
    tmp.as_file().sync_all()?;
    Ok((
        Staged {
            tmp,
            path: path.to_path_buf(),
        },
        value,
    ))
}

impl Staged {
    /// Rename the temporary file over the target.
    pub fn commit(self) -> io::Result<()> {
        self.tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}
