//! Files written so that a crash never leaves half of one: atomic
//! replacement, private directories, and writing through a symbolic link.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Creates `dir` and its parents; on Unix a created directory is mode 0700.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Replaces `path` with `bytes` atomically: a temporary file in the same
/// directory (mode 0600), fsync, rename over `path`, fsync of the directory.
/// A crash leaves either the old file or the new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// [`write_atomic`] of what `write` writes (through a 256 KiB buffer), so
/// a big file is never held whole. Returns what `write` returned.
///
/// Errors: `write`'s own, or the I/O error (converted) of creating,
/// flushing or renaming the file; then `path` is left as it was and the
/// temporary file is removed.
pub fn write_atomic_with<T, E: From<std::io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, E> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let tmp = tempfile::Builder::new()
        .prefix(".koperta-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, tmp);
    let value = write(&mut out)?;
    let tmp = out.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(value)
}

/// Opens `path` for reading only if it is a regular file, never waiting:
/// a FIFO, a device or a folder put in its place (after it was checked)
/// is refused instead of hanging on a FIFO or reading a device forever.
///
/// Errors: the OS's; [`std::io::ErrorKind::InvalidInput`] when `path`
/// is not a regular file.
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            NOT_A_FILE,
        ));
    }
    Ok(file)
}

/// The words [`open_regular`] gives a path that is not a regular file.
pub const NOT_A_FILE: &str = "not a regular file";

/// Where a write to `path` must go so that a symbolic link at `path` stays
/// a link: the file it points to (followed to the end of a chain), or
/// `path` itself when it is not a link or does not exist yet.
pub fn write_target(path: &Path) -> PathBuf {
    let mut target = path.to_path_buf();
    // A bounded walk: a loop of links ends here and the write then fails
    // on the link itself, as the OS would.
    for _ in 0..40 {
        match std::fs::read_link(&target) {
            Ok(next) => {
                target = if next.is_absolute() {
                    next
                } else {
                    target.parent().map(|d| d.join(&next)).unwrap_or(next)
                };
            }
            Err(_) => return target,
        }
    }
    path.to_path_buf()
}
