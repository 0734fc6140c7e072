//! Drafts, outbox and sent messages on disk, under the data directory.
//!
//! - `drafts/<id>/draft.toml`: every field exactly as typed, and copies of
//!   the attached files (made once, when attached; autosave rewrites only
//!   `draft.toml`).
//! - `outbox/<id>.eml` and `outbox/<id>.toml`: the complete RFC 5322
//!   message and its sidecar (account, envelope with Bcc, draft id,
//!   attempts, last error, "may have been sent").
//! - `sent/<id>.eml` and `sent/<id>.toml`: the same, once accepted.
//!
//! Every file is written atomically. A sidecar or draft that does not parse
//! is reported and left as it is, never overwritten.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::account::AccountId;
use crate::draft::{Draft, Envelope};
use crate::fs::{create_private_dir, write_atomic};
use crate::outbox::state::{Failure, Reason, State};

/// A problem with the stored files.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// An attachment is not a regular file (a directory, a pipe, a device).
    #[error("{}: not a regular file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// An attachment is larger than [`MAX_ATTACHMENT_BYTES`].
    #[error("{}: {size} bytes, more than {limit}", path.display())]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size, in bytes.
        size: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A file does not parse; it is kept as it is.
    #[error("{}: damaged ({detail}), kept as it is", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// The parser's message.
        detail: String,
    },
}

/// The largest file Koperta attaches, in bytes (100 MiB). Submission
/// servers take far less (Gmail 25 MB, Fastmail 70 MB); the limit is there
/// so that a mistaken pick (a disk image, a video) cannot fill memory or
/// the disk with copies.
pub const MAX_ATTACHMENT_BYTES: u64 = 100 * 1024 * 1024;

/// The sidecar of an outbox or sent message: everything the outbox engine
/// knows about it. The failure is kept as data and translated when shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sidecar {
    /// The sending account.
    pub account: AccountId,
    /// The envelope (Bcc included; headers never carry it).
    pub envelope: Envelope,
    /// The forward paths of the envelope that no header names (Bcc, and
    /// "Bcc me"); empty in sidecars written before it was recorded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bcc: Vec<String>,
    /// The draft it came from, reopened by "Edit" or an undo.
    pub draft: Option<String>,
    /// The digest of the draft as it was queued (see
    /// [`crate::draft::Draft::digest`]); `None` when not known (the
    /// command line, older sidecars).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft_digest: Option<String>,
    /// The subject, for lists.
    pub subject: String,
    /// Where it is in its life.
    pub state: State,
    /// Send attempts so far (counted before the first byte of each).
    pub attempts: u32,
    /// The last failure, as data.
    pub failure: Option<Failure>,
    /// When a transient failure is retried on its own (Unix seconds).
    pub next_try: Option<u64>,
    /// When it was queued (Unix seconds).
    pub queued_at: u64,
    /// The time asked for by "send later" (Unix seconds), kept once due so
    /// a late send can be told.
    pub scheduled_for: Option<u64>,
    /// The queued `.eml`'s size in bytes.
    pub eml_size: u64,
    /// The queued `.eml`'s SHA-256 (hex); empty for files queued before
    /// it was recorded.
    pub eml_sha256: String,
    /// The server's reply to the final `.`, once accepted.
    pub reply: Option<String>,
    /// The TLS session it was accepted over, as observed (shown with a
    /// sent message; `None` before it was sent, for plaintext, and in
    /// sidecars written before it was recorded).
    pub tls: Option<crate::smtp::TlsInfo>,
    /// Sidecars written before failures were kept as data: the reason in
    /// the language of that day. Read, never written.
    #[serde(skip_serializing)]
    pub last_error: Option<String>,
    /// Old sidecars: whether the failure was transient. Read, never written.
    #[serde(skip_serializing)]
    pub transient: bool,
    /// Old sidecars: whether it may have been sent. Read, never written.
    #[serde(skip_serializing)]
    pub may_have_been_sent: bool,
}

impl Default for Sidecar {
    fn default() -> Self {
        Sidecar {
            account: AccountId::default(),
            envelope: Envelope {
                mail_from: String::new(),
                rcpt_to: Vec::new(),
                smtputf8: false,
            },
            bcc: Vec::new(),
            draft: None,
            draft_digest: None,
            subject: String::new(),
            state: State::Due,
            attempts: 0,
            failure: None,
            next_try: None,
            queued_at: 0,
            scheduled_for: None,
            eml_size: 0,
            eml_sha256: String::new(),
            reply: None,
            tls: None,
            last_error: None,
            transient: false,
            may_have_been_sent: false,
        }
    }
}

impl Sidecar {
    /// Brings a sidecar of an older version to today's fields: "may have
    /// been sent" becomes [`State::MaybeSent`], an old failure [`State::Failed`].
    /// Whether the sidecar says enough to send its message: an account, a
    /// sender, at least one recipient, and (when written by this version)
    /// the `.eml`'s checksum. An empty or cut file parses (every field has
    /// a default) but is damaged. The reason is ours, for the person.
    fn check(&self) -> Result<(), String> {
        let missing = |_what: &str| Err(crate::t!("store-damaged-incomplete"));
        if self.account.0.is_empty() {
            return missing("account");
        }
        if self.envelope.mail_from.is_empty() {
            return missing("sender");
        }
        if self.envelope.rcpt_to.is_empty() {
            return missing("recipient");
        }
        // Written by the outbox engine (it records when it queued): the
        // checksum must be there. Older sidecars never had one.
        if self.queued_at > 0 && (self.eml_sha256.len() != 64 || self.eml_size == 0) {
            return missing("checksum");
        }
        Ok(())
    }

    fn upgrade(&mut self) {
        if self.may_have_been_sent {
            self.state = State::MaybeSent;
        } else if self.last_error.is_some() && self.state == State::Due && self.attempts > 0 {
            self.state = State::Failed;
            if self.failure.is_none() {
                self.failure = Some(Failure::new(Reason::Legacy {
                    text: self.last_error.clone().unwrap_or_default(),
                    transient: self.transient,
                }));
            }
        }
        self.may_have_been_sent = false;
    }
}

/// One stored message: its id, sidecar and the path of its `.eml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The id (file stem).
    pub id: String,
    /// What the sidecar says.
    pub sidecar: Sidecar,
    /// The `.eml` file.
    pub eml: PathBuf,
}

/// The data directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A new random id for a draft or message.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

impl Store {
    /// The store under `data_dir`.
    pub fn new(data_dir: &Path) -> Store {
        Store {
            root: data_dir.to_path_buf(),
        }
    }

    fn dir(&self, name: &str) -> PathBuf {
        self.root.join(name)
    }

    /// The directories another process changes while the app runs: the
    /// outbox (the command line queues, sends or removes) and the sent
    /// copies.
    pub fn shared_dirs(&self) -> [PathBuf; 2] {
        [self.dir("outbox"), self.dir("sent")]
    }

    /// The directory that holds one directory per draft.
    pub fn drafts_dir(&self) -> PathBuf {
        self.dir("drafts")
    }

    /// The directory of draft `id` (holds `draft.toml` and attachment copies).
    pub fn draft_dir(&self, id: &str) -> PathBuf {
        self.dir("drafts").join(id)
    }

    /// Saves `draft` as `drafts/<id>/draft.toml`.
    ///
    /// Errors: [`StoreError::Io`].
    pub fn save_draft(&self, id: &str, draft: &Draft) -> Result<(), StoreError> {
        let path = self.draft_dir(id).join("draft.toml");
        let text = toml::to_string_pretty(draft).map_err(|e| StoreError::Damaged {
            path: path.clone(),
            detail: e.to_string(),
        })?;
        write_atomic(&path, text.as_bytes()).map_err(io(&path))
    }

    /// Deletes the copies in draft `id`'s attachment folder that `keep`
    /// (the attachments the draft, as just saved, names) does not name and
    /// that were written before `older_than` (a copy made while the draft
    /// was being saved is not yet named: it is kept). Returns how many
    /// were deleted; a folder that cannot be read deletes nothing.
    pub fn prune_attachments(
        &self,
        id: &str,
        keep: &[PathBuf],
        older_than: std::time::SystemTime,
    ) -> usize {
        let dir = self.draft_dir(id).join("attachments");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return 0;
        };
        let mut gone = 0;
        for e in entries.flatten() {
            let path = e.path();
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t < older_than);
            if old && !keep.contains(&path) && std::fs::remove_file(&path).is_ok() {
                gone += 1;
            }
        }
        gone
    }

    /// Copies `file` into draft `id`'s directory, once, and returns the copy's
    /// path; the draft then refers to the copy, so the file can move or
    /// change without the draft losing it.
    ///
    /// Errors: [`StoreError::Io`] naming the file that could not be read.
    pub fn attach_copy(&self, id: &str, file: &Path) -> Result<PathBuf, StoreError> {
        // Checked before opening: opening a pipe would wait for a writer.
        let meta = std::fs::metadata(file).map_err(io(file))?;
        if !meta.is_file() {
            return Err(StoreError::NotAFile {
                path: file.to_path_buf(),
            });
        }
        if meta.len() > MAX_ATTACHMENT_BYTES {
            return Err(StoreError::TooLarge {
                path: file.to_path_buf(),
                size: meta.len(),
                limit: MAX_ATTACHMENT_BYTES,
            });
        }
        let dir = self.draft_dir(id).join("attachments");
        create_private_dir(&dir).map_err(io(&dir))?;
        let name = file
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_else(|| "attachment".into());
        let mut target = dir.join(&name);
        let mut n = 1;
        while target.exists() {
            target = dir.join(format!("{n}-{}", name.to_string_lossy()));
            n += 1;
        }
        // Streamed into a temporary file beside the target, then renamed:
        // never the whole file in memory, never a half-written copy.
        let mut source = std::fs::File::open(file).map_err(io(file))?;
        let mut temp = tempfile::NamedTempFile::new_in(&dir).map_err(io(&dir))?;
        let copied = std::io::copy(
            &mut std::io::Read::take(&mut source, MAX_ATTACHMENT_BYTES + 1),
            temp.as_file_mut(),
        )
        .map_err(io(file))?;
        if copied > MAX_ATTACHMENT_BYTES {
            return Err(StoreError::TooLarge {
                path: file.to_path_buf(),
                size: copied,
                limit: MAX_ATTACHMENT_BYTES,
            });
        }
        temp.as_file().sync_all().map_err(io(&target))?;
        temp.persist(&target).map_err(|e| StoreError::Io {
            path: target.clone(),
            source: e.error,
        })?;
        Ok(target)
    }

    /// Every draft, by id. A draft that does not parse is reported in the
    /// second list and left on disk.
    pub fn drafts(&self) -> (Vec<(String, Draft)>, Vec<StoreError>) {
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        let Ok(entries) = std::fs::read_dir(self.dir("drafts")) else {
            return (ok, bad);
        };
        for e in entries.flatten() {
            let id = e.file_name().to_string_lossy().into_owned();
            match self.draft(&id) {
                Ok(Some(d)) => ok.push((id, d)),
                Ok(None) => {}
                Err(e) => bad.push(e),
            }
        }
        ok.sort_by(|a, b| a.0.cmp(&b.0));
        (ok, bad)
    }

    /// Draft `id` as last saved; `None` when there is none (or `id` is not
    /// a draft id).
    ///
    /// Errors: [`StoreError::Io`] when `draft.toml` cannot be read,
    /// [`StoreError::Damaged`] when it is not a draft.
    pub fn draft(&self, id: &str) -> Result<Option<Draft>, StoreError> {
        if !valid_id(id) {
            return Ok(None);
        }
        let path = self.dir("drafts").join(id).join("draft.toml");
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                toml::from_str::<Draft>(&text)
                    .map(Some)
                    .map_err(|err| StoreError::Damaged {
                        path,
                        detail: err.message().to_string(),
                    })
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(StoreError::Io { path, source }),
        }
    }

    /// When draft `id` was last saved (Unix seconds), if it can be told.
    pub fn draft_saved_at(&self, id: &str) -> Option<u64> {
        if !valid_id(id) {
            return None;
        }
        let modified = std::fs::metadata(self.dir("drafts").join(id).join("draft.toml"))
            .and_then(|m| m.modified())
            .ok()?;
        modified
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .map(|d| d.as_secs())
    }

    /// Whether draft `id` now differs from the draft whose
    /// [`crate::draft::Draft::digest`] was `queued`: it holds an edit made
    /// after its message was queued. False when there is no such draft or
    /// it cannot be read (then it is the one that went).
    pub fn draft_differs(&self, id: &str, queued: &str) -> bool {
        matches!(self.draft(id), Ok(Some(d)) if d.digest() != queued)
    }

    /// Removes draft `id` and its attachment copies.
    ///
    /// Errors: [`StoreError::Io`].
    pub fn delete_draft(&self, id: &str) -> Result<(), StoreError> {
        if !valid_id(id) {
            return Ok(());
        }
        let dir = self.draft_dir(id);
        match std::fs::remove_dir_all(&dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&dir)(e)),
            _ => Ok(()),
        }
    }

    fn put(
        &self,
        folder: &str,
        id: &str,
        eml: &[u8],
        sidecar: &Sidecar,
    ) -> Result<PathBuf, StoreError> {
        let dir = self.dir(folder);
        let eml_path = dir.join(format!("{id}.eml"));
        let toml_path = dir.join(format!("{id}.toml"));
        write_atomic(&eml_path, eml).map_err(io(&eml_path))?;
        let text = toml::to_string_pretty(sidecar).map_err(|e| StoreError::Damaged {
            path: toml_path.clone(),
            detail: e.to_string(),
        })?;
        write_atomic(&toml_path, text.as_bytes()).map_err(io(&toml_path))?;
        Ok(eml_path)
    }

    /// Where outbox message `id`'s `.eml` is.
    pub fn outbox_eml(&self, id: &str) -> PathBuf {
        self.dir("outbox").join(format!("{id}.eml"))
    }

    /// Puts a message into the outbox (or updates its sidecar).
    ///
    /// Errors: [`StoreError::Io`].
    pub fn outbox_put(
        &self,
        id: &str,
        eml: &[u8],
        sidecar: &Sidecar,
    ) -> Result<PathBuf, StoreError> {
        self.put("outbox", id, eml, sidecar)
    }

    /// Rewrites only an outbox message's sidecar.
    ///
    /// Errors: [`StoreError::Io`].
    pub fn outbox_update(&self, id: &str, sidecar: &Sidecar) -> Result<(), StoreError> {
        let path = self.dir("outbox").join(format!("{id}.toml"));
        let text = toml::to_string_pretty(sidecar).map_err(|e| StoreError::Damaged {
            path: path.clone(),
            detail: e.to_string(),
        })?;
        write_atomic(&path, text.as_bytes()).map_err(io(&path))
    }

    /// Moves an outbox message to sent/: the `.eml` first, then the
    /// sidecar (the sidecar decides where a message is, so a crash in
    /// between leaves it in the outbox, marked sent, and this finishes the
    /// move next time). Removes its lock file.
    ///
    /// Errors: [`StoreError::Io`].
    pub fn mark_sent(&self, id: &str) -> Result<(), StoreError> {
        let sent = self.dir("sent");
        create_private_dir(&sent).map_err(io(&sent))?;
        for ext in ["eml", "toml"] {
            let from = self.dir("outbox").join(format!("{id}.{ext}"));
            let to = sent.join(format!("{id}.{ext}"));
            match std::fs::rename(&from, &to) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && to.exists() => {}
                r => r.map_err(io(&from))?,
            }
        }
        let _ = std::fs::remove_file(self.lock_path(id));
        Ok(())
    }

    fn lock_path(&self, id: &str) -> PathBuf {
        self.dir("outbox").join(format!("{id}.lock"))
    }

    /// Takes outbox message `id`'s lock (held while a process sends it, so
    /// two processes never send one message): `None` when another process
    /// holds it. Released when the file is dropped, also by a process that
    /// dies.
    ///
    /// Errors: [`StoreError::Io`].
    pub fn lock_outbox(&self, id: &str) -> Result<Option<std::fs::File>, StoreError> {
        // Only ids this store makes: never a path of the person's choosing.
        if !valid_id(id) {
            return Ok(None);
        }
        try_lock(&self.dir("outbox"), &self.lock_path(id))
    }

    /// Whether outbox message `id` has any file left (a sidecar or an
    /// `.eml` without one).
    pub fn outbox_has_files(&self, id: &str) -> bool {
        valid_id(id)
            && ["toml", "eml"]
                .iter()
                .any(|ext| self.dir("outbox").join(format!("{id}.{ext}")).exists())
    }

    /// Whether message `id` is in sent/ (its sidecar moved there: the
    /// sidecar decides where a message is).
    pub fn is_sent(&self, id: &str) -> bool {
        valid_id(id) && self.dir("sent").join(format!("{id}.toml")).exists()
    }

    /// Removes the lock file of `id` when no message of that id is left.
    pub fn drop_lock(&self, id: &str) {
        if valid_id(id) && !self.outbox_has_files(id) {
            let _ = std::fs::remove_file(self.lock_path(id));
        }
    }

    /// Removes what a killed process left half-written in `outbox/`:
    /// temporary files older than ten minutes (a live writer finishes far
    /// sooner), and lock files with no message.
    pub fn clean_outbox_leftovers(&self) {
        let Ok(entries) = std::fs::read_dir(self.dir("outbox")) else {
            return;
        };
        let old = std::time::Duration::from_secs(600);
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            if name.starts_with(".koperta-") && name.ends_with(".tmp") {
                let stale = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > old);
                if stale {
                    let _ = std::fs::remove_file(&path);
                }
            } else if let Some(id) = name.strip_suffix(".lock")
                && !self.outbox_has_files(id)
                && self.lock_outbox(id).ok().flatten().is_some()
            {
                let _ = std::fs::remove_file(&path);
            }
        }
    }

    /// Reads outbox message `id` afresh (another process may have changed
    /// it): `None` when it is no longer in the outbox.
    ///
    /// Errors: [`StoreError::Io`], [`StoreError::Damaged`].
    pub fn outbox_entry(&self, id: &str) -> Result<Option<Stored>, StoreError> {
        if !valid_id(id) {
            return Ok(None);
        }
        let path = self.dir("outbox").join(format!("{id}.toml"));
        let text = match std::fs::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            r => r.map_err(io(&path))?,
        };
        let mut sidecar = toml::from_str::<Sidecar>(&text).map_err(|e| StoreError::Damaged {
            path: path.clone(),
            detail: e.message().to_string(),
        })?;
        sidecar.upgrade();
        sidecar.check().map_err(|detail| StoreError::Damaged {
            path: path.clone(),
            detail,
        })?;
        Ok(Some(Stored {
            id: id.to_string(),
            sidecar,
            eml: path.with_extension("eml"),
        }))
    }

    /// Deletes an outbox message.
    ///
    /// Errors: [`StoreError::Io`].
    pub fn outbox_delete(&self, id: &str) -> Result<(), StoreError> {
        if !valid_id(id) {
            return Ok(());
        }
        // The sidecar first: without it the message is no longer in the
        // outbox, whatever else is left.
        for ext in ["toml", "eml", "lock"] {
            let p = self.dir("outbox").join(format!("{id}.{ext}"));
            // A folder put where the file was goes too (`symlink_metadata`:
            // a link is removed itself, never what it points to).
            let is_dir = std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir());
            let removed = if is_dir {
                std::fs::remove_dir_all(&p)
            } else {
                std::fs::remove_file(&p)
            };
            match removed {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&p)(e)),
                _ => {}
            }
        }
        Ok(())
    }

    fn list(&self, folder: &str) -> (Vec<Stored>, Vec<StoreError>) {
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        let Ok(entries) = std::fs::read_dir(self.dir(folder)) else {
            return (ok, bad);
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "toml") {
                continue;
            }
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            match std::fs::read_to_string(&path) {
                Ok(text) => match toml::from_str::<Sidecar>(&text) {
                    Ok(mut sidecar) => {
                        sidecar.upgrade();
                        match sidecar.check() {
                            Ok(()) => ok.push(Stored {
                                sidecar,
                                eml: path.with_extension("eml"),
                                id,
                            }),
                            Err(detail) => bad.push(StoreError::Damaged { path, detail }),
                        }
                    }
                    Err(err) => bad.push(StoreError::Damaged {
                        path,
                        detail: err.message().to_string(),
                    }),
                },
                Err(source) => bad.push(StoreError::Io { path, source }),
            }
        }
        ok.sort_by(|a, b| a.id.cmp(&b.id));
        (ok, bad)
    }

    /// The outbox, oldest id first, and the sidecars that are damaged.
    pub fn outbox(&self) -> (Vec<Stored>, Vec<StoreError>) {
        self.list("outbox")
    }

    /// Remembers addresses used (for suggestions), most recent first, at
    /// most 500.
    ///
    /// Errors: [`StoreError::Io`].
    pub fn remember_addresses(&self, used: &[String]) -> Result<(), StoreError> {
        let mut all: Vec<String> = used.to_vec();
        for a in self.addresses() {
            if !all.iter().any(|x| x.eq_ignore_ascii_case(&a)) {
                all.push(a);
            }
        }
        all.truncate(500);
        let path = self.root.join("addresses.txt");
        write_atomic(&path, all.join("\n").as_bytes()).map_err(io(&path))
    }

    /// The address book's file ([`crate::contacts::Contacts`]).
    pub fn contacts_path(&self) -> PathBuf {
        crate::contacts::Contacts::path(&self.root)
    }

    /// Addresses used before, most recent first.
    pub fn addresses(&self) -> Vec<String> {
        std::fs::read_to_string(self.root.join("addresses.txt"))
            .map(|t| {
                t.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The sent messages.
    pub fn sent(&self) -> (Vec<Stored>, Vec<StoreError>) {
        self.list("sent")
    }
}

mod discard;

/// Opens (making it if need be) and locks `path` in `dir` without waiting:
/// `None` when another process holds the lock.
pub(super) fn try_lock(dir: &Path, path: &Path) -> Result<Option<std::fs::File>, StoreError> {
    create_private_dir(dir).map_err(io(dir))?;
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path).map_err(io(path))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(io(path)(e)),
    }
}

mod open;

#[cfg(test)]
mod tests;
