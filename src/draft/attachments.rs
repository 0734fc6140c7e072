//! A built message as it is written: the headers and text part lettre
//! formatted, then each attachment's part with its file's base64 written as
//! it is read (lettre cannot stream a multipart body), so memory stays
//! bounded whatever the attachments weigh; and the checks that a file did
//! not change between the build and the write.

use std::path::{Path, PathBuf};

use lettre::message::header::{ContentDisposition, ContentTransferEncoding, ContentType};
use lettre::message::{Body, SinglePart};

use super::{Envelope, Field, Problem, ProblemKind};
use crate::{address, mime};

/// A built message, ready to be written: the headers and text part as
/// lettre formatted them, and the attachments still as files.
///
/// lettre cannot stream a multipart body (it holds every part's encoded
/// bytes), so the attachment parts are written here: lettre makes each
/// part's headers, and [`Built::write_to`] writes the file's base64 as it
/// reads it, in the same form lettre would (76-character lines, CRLF,
/// RFC 2045 §6.8). Memory stays bounded whatever the attachments weigh.
#[derive(Debug, Clone)]
pub struct Built {
    /// The envelope.
    pub envelope: Envelope,
    /// The forward paths no header names (Bcc, and "Bcc me"), so lists
    /// can mark them as hidden from the other recipients.
    pub bcc: Vec<String>,
    /// Everything before the first attachment part.
    pub(super) head: Vec<u8>,
    /// Each attachment: its part's delimiter line and headers, and its file.
    pub(super) attachments: Vec<AttachmentPart>,
    /// The closing delimiter (empty without attachments).
    pub(super) tail: Vec<u8>,
}

#[derive(Debug, Clone)]
pub(super) struct AttachmentPart {
    /// `--boundary` CRLF, the part's headers, and the blank line.
    pub(super) head: Vec<u8>,
    /// The file, read when the message is written.
    pub(super) path: PathBuf,
    /// Its index in the draft's attachments, for problems.
    pub(super) index: usize,
    /// Its size when the message was built: a file that has another size
    /// when it is read changed meanwhile and is refused.
    pub(super) size: u64,
    /// Whether its part says `charset=utf-8`: then it must still be UTF-8
    /// when it is read.
    pub(super) utf8: bool,
}

/// Why [`Built::write_to`] stopped.
#[derive(Debug)]
pub enum WriteError {
    /// An attachment could not be read to the end (removed or made
    /// unreadable since the draft was checked).
    Attachment(Problem),
    /// Writing the output failed (a full disk, …).
    Output(std::io::Error),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Output(e)
    }
}

/// Input bytes per base64 block: a whole number of 57-byte lines (each
/// becomes 76 characters, RFC 2045 §6.8).
const BASE64_BLOCK: usize = 57 * 1024;

impl Built {
    /// A message already formatted (RFC 5322 bytes, CRLF line endings),
    /// with its envelope.
    pub fn from_bytes(envelope: Envelope, bytes: Vec<u8>) -> Self {
        Built {
            envelope,
            bcc: Vec::new(),
            head: bytes,
            attachments: Vec::new(),
            tail: Vec::new(),
        }
    }

    /// Writes the whole message (RFC 5322, CRLF line endings) to `out`,
    /// reading each attachment as it goes; at most one block of each file
    /// (57 KiB) is held at a time.
    ///
    /// Errors: [`WriteError::Attachment`] when a file cannot be read to the
    /// end, [`WriteError::Output`] when `out` fails. What was written is
    /// then incomplete and must be thrown away.
    pub fn write_to(&self, out: &mut dyn std::io::Write) -> Result<(), WriteError> {
        out.write_all(&self.head)?;
        for part in &self.attachments {
            out.write_all(&part.head)?;
            part.write_body(out)?;
        }
        out.write_all(&self.tail)?;
        Ok(())
    }

    /// The whole message in memory (for tests and small messages).
    ///
    /// Errors: as [`Built::write_to`].
    pub fn formatted(&self) -> Result<Vec<u8>, WriteError> {
        let mut out = Vec::new();
        self.write_to(&mut out)?;
        Ok(out)
    }
}

impl AttachmentPart {
    fn unreadable(&self, e: &std::io::Error) -> WriteError {
        self.refused(crate::report::io_error(e))
    }

    fn refused(&self, reason: String) -> WriteError {
        WriteError::Attachment(Problem {
            field: Field::Attachment(self.index),
            kind: ProblemKind::UnreadableAttachment {
                path: self.path.clone(),
                reason,
            },
        })
    }

    /// The file as base64 lines, then the CRLF that ends the part.
    fn write_body(&self, out: &mut dyn std::io::Write) -> Result<(), WriteError> {
        use std::io::Read;
        let mut file = crate::fs::open_regular(&self.path).map_err(|e| self.unreadable(&e))?;
        let mut block = vec![0u8; BASE64_BLOCK];
        let mut text = String::with_capacity(BASE64_BLOCK / 57 * 78);
        let mut wrote = false;
        let mut read: u64 = 0;
        let mut utf8 = Utf8Check::default();
        let changed = || self.refused(crate::t!("io-error-changed"));
        loop {
            let mut filled = 0;
            while filled < block.len() {
                match file.read(&mut block[filled..]) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(self.unreadable(&e)),
                }
            }
            if filled == 0 {
                break;
            }
            read += filled as u64;
            if read > self.size || (self.utf8 && !utf8.feed(&block[..filled])) {
                return Err(changed());
            }
            text.clear();
            // Writing to a String cannot fail.
            let _ = email_encoding::body::base64::encode(&block[..filled], &mut text);
            out.write_all(text.as_bytes())?;
            out.write_all(b"\r\n")?;
            wrote = true;
            if filled < block.len() {
                break;
            }
        }
        if read != self.size || (self.utf8 && !utf8.finish()) {
            return Err(changed());
        }
        if !wrote {
            // An empty file: an empty body, then the CRLF that ends it.
            out.write_all(b"\r\n")?;
        }
        Ok(())
    }
}

/// UTF-8 checked block by block (a character may straddle two blocks).
#[derive(Default)]
struct Utf8Check {
    /// The first bytes of a character cut at the end of the last block.
    carried: Vec<u8>,
}

impl Utf8Check {
    /// Whether `block`, after what came before, is still valid UTF-8.
    fn feed(&mut self, block: &[u8]) -> bool {
        let mut bytes = std::mem::take(&mut self.carried);
        bytes.extend_from_slice(block);
        match std::str::from_utf8(&bytes) {
            Ok(_) => true,
            // Cut inside a character: keep its first bytes for the next.
            Err(e) if e.error_len().is_none() => {
                self.carried = bytes[e.valid_up_to()..].to_vec();
                true
            }
            Err(_) => false,
        }
    }

    /// Whether the text ended on a whole character.
    fn finish(&self) -> bool {
        self.carried.is_empty()
    }
}

/// Whether the file holds valid UTF-8, read in blocks.
fn is_utf8_file(path: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let mut file = crate::fs::open_regular(path)?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut check = Utf8Check::default();
    loop {
        let n = match file.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(check.finish());
        }
        if !check.feed(&buf[..n]) {
            return Ok(false);
        }
    }
}

/// The headers of an attachment's part (its body is written later, by
/// [`Built::write_to`]): type by mime_guess, RFC 2231 `filename*`, an
/// RFC 2047 `name=`, base64.
///
/// Errors: the file cannot be opened or read (text files are read once to
/// see whether they are UTF-8), or it is not a regular file.
pub(super) fn attachment_headers(path: &Path) -> std::io::Result<PartHeader> {
    // An empty base64 body: lettre sets the part's Content-Transfer-Encoding
    // from it, and the file's base64 is written in its place.
    let body = match Body::new_with_encoding(Vec::new(), ContentTransferEncoding::Base64) {
        Ok(b) => b,
        Err(bytes) => Body::new(bytes),
    };
    attachment_part(path, body)
}

/// An attachment's part and what was seen of its file.
pub(super) struct PartHeader {
    pub(super) part: SinglePart,
    pub(super) size: u64,
    pub(super) utf8: bool,
}

/// An attachment's part with `body`.
fn attachment_part(path: &Path, body: Body) -> std::io::Result<PartHeader> {
    let size = crate::fs::open_regular(path)?.metadata()?.len();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "attachment".into());
    let file_name = address::clean_name(&file_name);
    let mime_type = mime_guess::from_path(path).first_or_octet_stream();
    let name_param = mime::rfc2047_parameter(&file_name)
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    // A text file that is valid UTF-8 says so (RFC 2046 §4.1.2: without a
    // charset, a reader assumes US-ASCII and garbles Polish letters).
    let utf8 = mime_type.type_() == mime_guess::mime::TEXT && is_utf8_file(path)?;
    let charset = if utf8 { "; charset=utf-8" } else { "" };
    let content_type = ContentType::parse(&format!(
        "{}{}; name=\"{}\"",
        mime_type.essence_str(),
        charset,
        name_param
    ))
    .unwrap_or_else(|_| {
        ContentType::parse(mime_type.essence_str()).unwrap_or(ContentType::TEXT_PLAIN)
    });
    let part = SinglePart::builder()
        .header(content_type)
        .header(ContentDisposition::attachment(&file_name))
        .body(body);
    Ok(PartHeader { part, size, utf8 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Account;
    use crate::draft::{BuildOptions, Draft};

    /// lettre's own part, its body encoded in memory: what the streamed
    /// part must equal byte for byte.
    fn lettre_part(path: &Path) -> Vec<u8> {
        let bytes = std::fs::read(path).unwrap();
        let body = Body::new_with_encoding(bytes, ContentTransferEncoding::Base64).unwrap();
        attachment_part(path, body).unwrap().part.formatted()
    }

    fn streamed_part(path: &Path) -> Vec<u8> {
        let header = attachment_headers(path).unwrap();
        let part = AttachmentPart {
            head: format!("{}\r\n", header.part.headers()).into_bytes(),
            path: path.to_path_buf(),
            index: 0,
            size: header.size,
            utf8: header.utf8,
        };
        let mut out = part.head.clone();
        part.write_body(&mut out).unwrap();
        out
    }

    #[test]
    fn a_streamed_attachment_is_byte_for_byte_what_lettre_would_write() {
        let dir = tempfile::tempdir().unwrap();
        // Empty, one short line, a block and a byte, exactly a block, and
        // several blocks with a partial line.
        for (i, len) in [0, 10, BASE64_BLOCK + 1, BASE64_BLOCK, 3 * BASE64_BLOCK + 77]
            .into_iter()
            .enumerate()
        {
            let path = dir.path().join(format!("plik-{i}.bin"));
            let data: Vec<u8> = (0..len).map(|n| (n * 7 + n / 13) as u8).collect();
            std::fs::write(&path, &data).unwrap();
            assert_eq!(
                String::from_utf8(streamed_part(&path)).unwrap(),
                String::from_utf8(lettre_part(&path)).unwrap(),
                "{len} bytes"
            );
        }
    }

    #[test]
    fn a_text_file_is_utf8_only_when_every_block_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        // "ż" is two bytes; the block boundary falls inside one.
        let mut text = "a".repeat(64 * 1024 - 1);
        text.push_str(&"ż".repeat(1000));
        std::fs::write(&path, &text).unwrap();
        assert!(is_utf8_file(&path).unwrap());
        let mut bytes = text.into_bytes();
        bytes.push(0xC5); // cut inside a character at the end
        std::fs::write(&path, &bytes).unwrap();
        assert!(!is_utf8_file(&path).unwrap());
        bytes.pop();
        bytes[10] = 0xFF;
        std::fs::write(&path, &bytes).unwrap();
        assert!(!is_utf8_file(&path).unwrap());
    }

    #[test]
    fn an_attachment_removed_after_the_build_stops_the_write_with_its_problem() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("raport.pdf");
        std::fs::write(&path, b"%PDF-1.4").unwrap();
        let account = Account {
            address: "zofia@example.com".into(),
            ..Account::default()
        };
        let draft = Draft {
            account: Some(account.id.clone()),
            to: "jan@example.com".into(),
            attachments: vec![path.clone()],
            ..Draft::default()
        };
        let built = draft.build(&account, &BuildOptions::default()).unwrap();
        std::fs::remove_file(&path).unwrap();
        match built.formatted() {
            Err(WriteError::Attachment(Problem {
                field: Field::Attachment(0),
                kind: ProblemKind::UnreadableAttachment { path: p, .. },
            })) => assert_eq!(p, path),
            other => panic!("{other:?}"),
        }
    }

    /// A draft from `account` attaching `paths`, built.
    fn built_with(paths: &[PathBuf]) -> Built {
        let account = Account {
            address: "zofia@example.com".into(),
            ..Account::default()
        };
        Draft {
            account: Some(account.id.clone()),
            to: "jan@example.com".into(),
            attachments: paths.to_vec(),
            ..Draft::default()
        }
        .build(&account, &BuildOptions::default())
        .unwrap()
    }

    fn refused_reason(built: &Built) -> String {
        match built.formatted() {
            Err(WriteError::Attachment(Problem {
                kind: ProblemKind::UnreadableAttachment { reason, .. },
                ..
            })) => reason,
            other => panic!("{other:?}"),
        }
    }

    /// A hostile tryout swapped an attachment after it was checked: a FIFO
    /// hung the send, /dev/urandom filled the disk, a cut file went out
    /// cut, and a text file rewritten in Latin-2 went out as "utf-8".
    #[test]
    fn an_attachment_swapped_after_the_build_is_refused_never_hangs_or_goes_out_changed() {
        let _speaking = crate::i18n::speak(crate::i18n::Language::En);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dane.bin");
        let text = dir.path().join("list.txt");
        let reset = || {
            let _ = std::fs::remove_file(&path);
            std::fs::write(&path, vec![7u8; 100_000]).unwrap();
        };
        // A FIFO with no writer: refused at once (opening would wait).
        reset();
        let built = built_with(std::slice::from_ref(&path));
        std::fs::remove_file(&path).unwrap();
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&path)
                .status()
                .unwrap()
                .success()
        );
        assert_eq!(refused_reason(&built), crate::t!("io-error-not-a-file"));
        // A device: refused, never read.
        reset();
        let built = built_with(std::slice::from_ref(&path));
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        assert_eq!(refused_reason(&built), crate::t!("io-error-not-a-file"));
        // Cut, or grown: refused as changed.
        for len in [0usize, 1000, 200_000] {
            reset();
            let built = built_with(std::slice::from_ref(&path));
            std::fs::write(&path, vec![7u8; len]).unwrap();
            assert_eq!(
                refused_reason(&built),
                crate::t!("io-error-changed"),
                "{len}"
            );
        }
        // Declared UTF-8, rewritten as Latin-2 of the same length.
        std::fs::write(&text, "zażółć\n").unwrap();
        let built = built_with(std::slice::from_ref(&text));
        std::fs::write(&text, b"za\xbf\xf3\xb3\xe6    \n").unwrap();
        assert_eq!(std::fs::metadata(&text).unwrap().len(), 11, "the same size");
        assert_eq!(refused_reason(&built), crate::t!("io-error-changed"));
    }
}
