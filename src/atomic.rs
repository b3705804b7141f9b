//! Atomic file writes: a temporary file in the target's directory, synced, then
//! renamed over the target, so that a reader (or a crash) never sees half a file.
//!
//! Writing is split in two steps, [`stage`] and [`Staged::commit`], so that a file
//! with a companion (the graph file and its snapshot) can have both written and
//! synced before either is renamed into place. A file whose head depends on its
//! companion (the snapshot names the graph file's hash) is written with
//! [`write_temp`], mended with [`Unsynced::write_at`], then synced.

use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
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
    let (unsynced, value) = write_temp(path, write)?;
    Ok((unsynced.sync()?, value))
}

/// A written temporary file, not yet synced; dropping it removes it.
pub struct Unsynced {
    tmp: NamedTempFile,
    path: PathBuf,
}

/// [`stage`] without the sync, so that bytes already written can still be mended.
pub fn write_temp<T, E: From<io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<&File>) -> Result<T, E>,
) -> Result<(Unsynced, T), E> {
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
    Ok((
        Unsynced {
            tmp,
            path: path.to_path_buf(),
        },
        value,
    ))
}

impl Unsynced {
    /// Overwrite the bytes at `offset` (within what was written) with `bytes`.
    pub fn write_at(&mut self, offset: u64, bytes: &[u8]) -> io::Result<()> {
        let mut file = self.tmp.as_file();
        file.seek(SeekFrom::Start(offset))?;
        file.write_all(bytes)
    }

    /// Sync the file, ready to be renamed into place.
    pub fn sync(self) -> io::Result<Staged> {
        self.tmp.as_file().sync_all()?;
        Ok(Staged {
            tmp: self.tmp,
            path: self.path,
        })
    }
}

impl Staged {
    /// Rename the temporary file over the target.
    pub fn commit(self) -> io::Result<()> {
        self.tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mended_file_is_renamed_into_place_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "old").unwrap();
        let (mut unsynced, n) = write_temp(&path, |w| {
            w.write_all(b"head:????;body")?;
            Ok::<_, io::Error>(14)
        })
        .unwrap();
        assert_eq!(n, 14);
        unsynced.write_at(5, b"1234").unwrap();
        let staged = unsynced.sync().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        staged.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "head:1234;body");
        let (unsynced, ()) = write_temp(&path, |w| w.write_all(b"dropped")).unwrap();
        drop(unsynced);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no file left"
        );
    }
}
