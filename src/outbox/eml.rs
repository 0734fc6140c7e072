//! The queued `.eml` file: written once through a hashing writer (its size
//! and SHA-256 go into the sidecar), and read back in chunks when it is
//! sent, checked against them as it goes.

use std::io::{Read, Write};
use std::path::Path;

use sha2::Digest;

use super::state::DamageDetail;
use crate::smtp::session::MessageSource;

/// The SHA-256 of `bytes`, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&sha2::Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A writer that counts and hashes what passes through it.
pub(super) struct Hashing<'a> {
    inner: &'a mut dyn Write,
    sha: sha2::Sha256,
    size: u64,
}

impl<'a> Hashing<'a> {
    pub(super) fn new(inner: &'a mut dyn Write) -> Self {
        Hashing {
            inner,
            sha: sha2::Sha256::new(),
            size: 0,
        }
    }

    /// The size in bytes and the SHA-256 (hex) of everything written.
    pub(super) fn finish(self) -> (u64, String) {
        (self.size, hex(&self.sha.finalize()))
    }
}

impl Write for Hashing<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.sha.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// How much of a queued file is read at a time.
const CHUNK: usize = 64 * 1024;

/// A queued `.eml` read in 64 KiB chunks for sending, hashed as it is
/// read. At its end, a size or SHA-256 that differs from the sidecar's
/// fails the last chunk, so the server never gets the final `.` of a
/// changed file (see [`MessageSource`]); [`Verified::damage`] then says
/// what was wrong.
pub(super) struct Verified {
    file: std::fs::File,
    size: u64,
    /// The sidecar's figures; `None` for a sidecar older than checksums.
    expected: Option<(u64, String)>,
    sha: sha2::Sha256,
    read: u64,
    ends_with_crlf: bool,
    damage: Option<DamageDetail>,
}

impl Verified {
    /// Opens `path`. A file whose size already differs from `size` is
    /// damaged before anything is sent.
    ///
    /// Errors: [`DamageDetail::Unreadable`], [`DamageDetail::Size`].
    pub(super) fn open(path: &Path, size: u64, sha256: &str) -> Result<Self, DamageDetail> {
        use std::io::{Seek, SeekFrom};
        let unreadable = |e: std::io::Error| DamageDetail::Unreadable(e.to_string());
        // Never a FIFO or a device put in its place (it would hang, or be
        // read without end).
        let mut file = crate::fs::open_regular(path).map_err(unreadable)?;
        let found = file.metadata().map_err(unreadable)?.len();
        let expected = (!sha256.is_empty()).then(|| (size, sha256.to_string()));
        if expected.is_some() && found != size {
            return Err(DamageDetail::Size {
                expected: size,
                found,
            });
        }
        let mut tail = [0u8; 2];
        let ends_with_crlf = found >= 2
            && file.seek(SeekFrom::End(-2)).is_ok()
            && file.read_exact(&mut tail).is_ok()
            && tail == *b"\r\n";
        file.seek(SeekFrom::Start(0)).map_err(unreadable)?;
        Ok(Verified {
            file,
            size: found,
            expected,
            sha: sha2::Sha256::new(),
            read: 0,
            ends_with_crlf,
            damage: None,
        })
    }

    /// The file's size in bytes.
    pub(super) fn len(&self) -> u64 {
        self.size
    }

    /// What was found wrong while the file was read, if anything.
    pub(super) fn damage(&mut self) -> Option<DamageDetail> {
        self.damage.take()
    }

    fn fail(&mut self, detail: DamageDetail) -> Result<Option<Vec<u8>>, String> {
        // The engine reports the detail itself (as damage); the reason only
        // ends the session.
        let reason = format!("{detail:?}");
        self.damage = Some(detail);
        Err(reason)
    }
}

impl MessageSource for Verified {
    fn size(&self) -> u64 {
        if self.ends_with_crlf {
            self.size
        } else {
            self.size + 2
        }
    }

    fn next_chunk(&mut self) -> Result<Option<Vec<u8>>, String> {
        let mut buf = vec![0u8; CHUNK];
        let n = loop {
            match self.file.read(&mut buf) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return self.fail(DamageDetail::Unreadable(e.to_string())),
            }
        };
        if n > 0 {
            buf.truncate(n);
            self.sha.update(&buf);
            self.read += n as u64;
            return Ok(Some(buf));
        }
        if let Some((size, sha)) = self.expected.take() {
            if self.read != size {
                return self.fail(DamageDetail::Size {
                    expected: size,
                    found: self.read,
                });
            }
            let found = hex(&std::mem::take(&mut self.sha).finalize());
            if found != sha {
                return self.fail(DamageDetail::Checksum);
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hostile tryout put a FIFO where a queued `.eml` was: the retry
    /// hung for ever. A FIFO or a device is refused at once.
    #[test]
    fn a_queued_file_swapped_for_a_fifo_or_a_device_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("m1.eml");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let started = std::time::Instant::now();
        assert!(matches!(
            Verified::open(&fifo, 10, "ab"),
            Err(DamageDetail::Unreadable(_))
        ));
        assert!(matches!(
            Verified::open(Path::new("/dev/zero"), 10, "ab"),
            Err(DamageDetail::Unreadable(_))
        ));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
