//! Atomic file writes: a temporary file in the target's directory, synced, then
//! renamed over the target, so that a reader (or a crash) never sees half a file.

use std::io::{self, Write};
use std::path::Path;

/// Write `bytes` to `path` atomically. The file gets the permissions the user's umask
/// gives, as a shell's `>` would (a bare temporary file would be private, 0600).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
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
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
