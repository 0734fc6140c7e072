//! The outbox engine: every message is queued on disk before it is sent,
//! sent once, filed in `sent/`, or kept with its reason. The desktop app
//! and the command line both drive it; neither decides a message's state.
//!
//! The public API:
//! - [`Outbox::open`] reads `outbox/` once into an in-memory index and
//!   recovers what a dead process left (a message found "sending" with no
//!   process holding its lock may have been sent; one recorded as sent is
//!   moved to `sent/`). [`Outbox::reload`] reads it again.
//! - [`Outbox::queue`] writes a new message ([`When`]: now, after an undo
//!   delay, or at a time), [`Outbox::take_back`] undoes a held or scheduled
//!   one, [`Outbox::retry`] and [`Outbox::remove`] act on a failed one.
//! - [`Outbox::due`] lists what may be sent now; [`Outbox::send`] sends
//!   them, one connection per account, as a stream of [`Event`]s (progress
//!   in bytes, then each outcome); [`Outbox::cancel`] stops one.
//! - [`Outbox::entries`] is what the lists show.
//!
//! Exactly once: the lock file of a message is held while it is sent (two
//! processes never send one message), the attempt is recorded before the
//! first byte leaves, and the delivery is recorded after the server's 250
//! before the files move. See [`state`] for the life of a message.

pub mod connect;
mod eml;
mod hold;
pub mod later;
mod run;
pub mod state;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

pub use connect::{Environment, TestReport, open, open_with, test_connection, test_with_password};
pub use eml::sha256_hex;
pub use run::{Event, Outcome};
pub use state::{Class, Failure, Reason, State, backoff, now};

use crate::account::AccountId;
use crate::draft::{Built, Problem, WriteError};
use crate::store::{Sidecar, Store, StoreError, Stored};

/// When a queued message may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// At once.
    Now,
    /// After an undo delay, during which it can be taken back.
    After(Duration),
    /// At a time (Unix seconds): send later.
    At(u64),
}

/// A message to queue.
#[derive(Debug, Clone)]
pub struct NewMessage {
    /// The sending account.
    pub account: AccountId,
    /// The message and its envelope (MAIL FROM and every RCPT TO), written
    /// to the outbox as its attachments are read.
    pub message: Built,
    /// The draft it came from (kept until the message is sent, so an undo
    /// or Edit reopens it).
    pub draft: Option<String>,
    /// The queued draft's [`crate::draft::Draft::digest`]: a draft found
    /// different at delivery holds an edit that did not go, and is kept.
    pub draft_digest: Option<String>,
    /// The subject, for lists.
    pub subject: String,
    /// When it may go.
    pub when: When,
}

/// Why the engine refused an action.
#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    /// No such message in the outbox (removed meanwhile).
    #[error("no such message in the outbox")]
    NotFound,
    /// The message is no longer in the outbox because it went out (from
    /// this or another process): it is in sent/.
    #[error("the message was already sent")]
    AlreadySent,
    /// It is being sent now.
    #[error("the message is being sent")]
    Busy,
    /// The last attempt may have delivered it: retrying needs the person's
    /// consent.
    #[error("the message may have been sent")]
    AskFirst,
    /// The server refused the message itself: it must be edited, a plain
    /// retry would fail the same way.
    #[error("the message was refused for good")]
    Permanent,
    /// Held or scheduled: it goes at its time, not on a retry.
    #[error("the message is scheduled")]
    NotYet,
    /// Too late to take back: it is no longer held or scheduled.
    #[error("the message is already being sent or was sent")]
    TooLate,
    /// Reading or writing the files failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a message could not be queued: then nothing is in the outbox.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    /// Writing the outbox files failed (a full disk, …).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An attachment could not be read to its end.
    #[error("an attachment could not be read")]
    Attachment(Problem),
}

#[derive(Default)]
struct Inner {
    entries: BTreeMap<String, Stored>,
    cancels: HashMap<String, tokio::sync::watch::Sender<bool>>,
}

/// The outbox of one data directory. Cheap to clone: clones share the
/// index.
#[derive(Clone)]
pub struct Outbox {
    store: Store,
    inner: Arc<Mutex<Inner>>,
    clock: Clock,
}

/// Where the engine reads the time (Unix seconds): the system's clock,
/// or one a test moves on.
pub type Clock = Arc<dyn Fn() -> u64 + Send + Sync>;

impl std::fmt::Debug for Outbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Outbox")
    }
}

impl Outbox {
    /// The outbox of `store`, read once, with what a dead process left
    /// recovered. Returns the sidecars that do not parse (kept as they
    /// are) in the second value.
    pub fn open(store: &Store) -> (Outbox, Vec<StoreError>) {
        let outbox = Outbox {
            store: store.clone(),
            inner: Arc::new(Mutex::new(Inner::default())),
            clock: Arc::new(now),
        };
        let bad = outbox.reload();
        (outbox, bad)
    }

    /// This outbox reading the time from `clock` (Unix seconds) for what
    /// is due, when a message was queued, sent or failed: a test's clock
    /// moves two minutes on without waiting them.
    pub fn with_clock(mut self, clock: Clock) -> Outbox {
        self.clock = clock;
        self
    }

    /// The time now, by this outbox's clock (Unix seconds).
    pub fn now(&self) -> u64 {
        (self.clock)()
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        match self.inner.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }

    /// The store this outbox lives in.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Reads `outbox/` again (a command-line run may have changed it) and
    /// recovers: a message left "sending" whose lock no process holds may
    /// have been sent (its process died after the attempt began); one
    /// recorded as sent finishes its move to `sent/`. Returns the damaged
    /// sidecars.
    pub fn reload(&self) -> Vec<StoreError> {
        self.store.clean_outbox_leftovers();
        let (list, mut bad) = self.store.outbox();
        let mut entries = BTreeMap::new();
        for mut m in list {
            match m.sidecar.state {
                State::Sent { .. } => {
                    if let Err(e) = self.store.mark_sent(&m.id) {
                        bad.push(e);
                        entries.insert(m.id.clone(), m);
                    }
                    continue;
                }
                State::Sending { .. } if !self.sending_here(&m.id) => {
                    match self.store.lock_outbox(&m.id) {
                        Ok(Some(_lock)) => {
                            // Re-read under the lock: the sender may have
                            // finished between the listing and the lock.
                            match self.store.outbox_entry(&m.id) {
                                Ok(Some(fresh))
                                    if matches!(fresh.sidecar.state, State::Sending { .. }) =>
                                {
                                    m = fresh;
                                    m.sidecar.state = State::MaybeSent;
                                    m.sidecar.failure = Some(Failure::new(Reason::Interrupted));
                                    if let Err(e) = self.store.outbox_update(&m.id, &m.sidecar) {
                                        bad.push(e);
                                    }
                                }
                                Ok(Some(fresh)) => m = fresh,
                                Ok(None) => continue,
                                Err(e) => bad.push(e),
                            }
                        }
                        // Another process is sending it right now.
                        Ok(None) => {}
                        Err(e) => bad.push(e),
                    }
                }
                _ => {}
            }
            entries.insert(m.id.clone(), m);
        }
        self.lock().entries = entries;
        bad
    }

    fn sending_here(&self, id: &str) -> bool {
        self.lock().cancels.contains_key(id)
    }

    /// Every message in the outbox, oldest first.
    pub fn entries(&self) -> Vec<Stored> {
        let mut v: Vec<Stored> = self.lock().entries.values().cloned().collect();
        v.sort_by_key(|m| (m.sidecar.queued_at, m.id.clone()));
        v
    }

    /// Message `id`, if it is in the outbox.
    pub fn get(&self, id: &str) -> Option<Stored> {
        self.lock().entries.get(id).cloned()
    }

    /// The outbox message that came from draft `draft`, if any.
    pub fn by_draft(&self, draft: &str) -> Option<Stored> {
        self.lock()
            .entries
            .values()
            .find(|m| m.sidecar.draft.as_deref() == Some(draft))
            .cloned()
    }

    /// Whether this process is sending message `id` now.
    pub fn is_sending(&self, id: &str) -> bool {
        self.sending_here(id)
    }

    fn put_index(&self, m: Stored) {
        self.lock().entries.insert(m.id.clone(), m);
    }

    fn drop_index(&self, id: &str) {
        self.lock().entries.remove(id);
    }

    /// Queues `message`: its `.eml` is written as its attachments are
    /// read (never whole in memory), then its sidecar with the `.eml`'s
    /// size and SHA-256. Returns its id.
    ///
    /// Errors: [`QueueError::Store`] (a full disk, …) and
    /// [`QueueError::Attachment`]: then nothing is queued.
    pub fn queue(&self, message: NewMessage) -> Result<String, QueueError> {
        let id = crate::store::new_id();
        let queued_at = self.now();
        let state = match message.when {
            When::Now => State::Due,
            When::After(d) if d.is_zero() => State::Due,
            When::After(d) => State::Held {
                until: queued_at + d.as_secs(),
            },
            When::At(at) => State::Scheduled { at },
        };
        let eml = self.store.outbox_eml(&id);
        let written = crate::fs::write_atomic_with(&eml, |out| {
            let mut hashing = eml::Hashing::new(out);
            message.message.write_to(&mut hashing)?;
            Ok::<_, WriteError>(hashing.finish())
        });
        let (eml_size, eml_sha256) = written.map_err(|e| match e {
            WriteError::Attachment(problem) => QueueError::Attachment(problem),
            WriteError::Output(source) => QueueError::Store(StoreError::Io {
                path: eml.clone(),
                source,
            }),
        })?;
        let sidecar = Sidecar {
            account: message.account,
            bcc: message.message.bcc,
            envelope: message.message.envelope,
            draft: message.draft,
            draft_digest: message.draft_digest,
            // As the message carries it (CR/LF as spaces): lists show
            // what was sent (tryout 14 saw a line break the server never
            // got).
            subject: crate::mime::no_controls(&message.subject),
            state,
            queued_at,
            scheduled_for: match message.when {
                When::At(at) => Some(at),
                _ => None,
            },
            eml_size,
            eml_sha256,
            ..Sidecar::default()
        };
        if let Err(e) = self.store.outbox_update(&id, &sidecar) {
            // No sidecar, no message: the .eml alone is not left behind.
            let _ = std::fs::remove_file(&eml);
            return Err(e.into());
        }
        self.put_index(Stored {
            id: id.clone(),
            sidecar,
            eml,
        });
        Ok(id)
    }

    /// The messages that may be sent at `now` (Unix seconds): due ones,
    /// held ones past their undo delay, scheduled ones past their time,
    /// and transient failures past their next try. Never one that may have
    /// been sent, is being sent, or waits for the person.
    pub fn due(&self, now: u64) -> Vec<String> {
        let inner = self.lock();
        inner
            .entries
            .values()
            .filter(|m| !inner.cancels.contains_key(&m.id) && is_due(&m.sidecar, now))
            .map(|m| m.id.clone())
            .collect()
    }

    /// The earliest time (Unix seconds) something in the outbox falls due
    /// by itself, for a timer.
    pub fn next_due(&self) -> Option<u64> {
        self.lock()
            .entries
            .values()
            .filter_map(|m| match m.sidecar.state {
                State::Held { until } => Some(until),
                State::Scheduled { at } => Some(at),
                State::Due => Some(0),
                State::Failed => m.sidecar.next_try,
                _ => None,
            })
            .min()
    }

    /// Makes failed message `id` due again. A message that may have been
    /// sent needs `confirmed` (the person said yes).
    ///
    /// Errors: [`OutboxError::AskFirst`] without consent;
    /// [`OutboxError::Permanent`] for a message refused for good;
    /// [`OutboxError::Busy`] while it is sent; [`OutboxError::AlreadySent`]
    /// once it went out (also from another process); [`OutboxError::NotFound`].
    pub fn retry(&self, id: &str, confirmed: bool) -> Result<(), OutboxError> {
        let _lock = self.claim(id)?;
        let mut m = self.fresh(id)?;
        match m.sidecar.state {
            State::MaybeSent if !confirmed => return Err(OutboxError::AskFirst),
            State::Failed
                if m.sidecar.failure.as_ref().map(Failure::class) == Some(Class::Permanent) =>
            {
                return Err(OutboxError::Permanent);
            }
            State::Sending { .. } | State::Sent { .. } => return Err(OutboxError::Busy),
            // Not failed: it goes at its time (undo delay, send later).
            State::Held { .. } | State::Scheduled { .. } => return Err(OutboxError::NotYet),
            _ => {}
        }
        m.sidecar.state = State::Due;
        m.sidecar.next_try = None;
        self.store.outbox_update(id, &m.sidecar)?;
        self.put_index(m);
        Ok(())
    }

    /// Undo: takes held or scheduled message `id` out of the outbox before
    /// it goes. Returns the draft it came from (kept on disk), to reopen.
    ///
    /// Errors: [`OutboxError::TooLate`] once it is being sent or was sent.
    pub fn take_back(&self, id: &str) -> Result<Option<String>, OutboxError> {
        let Some(lock) = self.store.lock_outbox(id)? else {
            return Err(OutboxError::TooLate);
        };
        let m = match self.fresh(id) {
            Err(OutboxError::NotFound | OutboxError::AlreadySent) => {
                return Err(OutboxError::TooLate);
            }
            r => r?,
        };
        if !matches!(
            m.sidecar.state,
            State::Held { .. } | State::Scheduled { .. }
        ) {
            return Err(OutboxError::TooLate);
        }
        self.store.outbox_delete(id)?;
        drop(lock);
        self.drop_index(id);
        Ok(m.sidecar.draft)
    }

    /// Removes message `id` (not while it is sent). Returns its draft id;
    /// the draft itself is the caller's to keep (Edit) or delete.
    ///
    /// Errors: [`OutboxError::Busy`]; [`OutboxError::AlreadySent`] when it
    /// went out meanwhile (a window replacing a failed message must then
    /// not queue it again); [`OutboxError::NotFound`]; [`OutboxError::Store`].
    pub fn remove(&self, id: &str) -> Result<Option<String>, OutboxError> {
        let lock = self.claim(id)?;
        let draft = match self.fresh(id) {
            Ok(m) => m.sidecar.draft,
            // A damaged sidecar, or an .eml left without one, is removed
            // too: the person asked for it by its id.
            Err(OutboxError::Store(StoreError::Damaged { .. })) => None,
            Err(OutboxError::NotFound) if self.store.outbox_has_files(id) => None,
            Err(e) => {
                drop(lock);
                self.store.drop_lock(id);
                return Err(e);
            }
        };
        self.store.outbox_delete(id)?;
        drop(lock);
        self.drop_index(id);
        Ok(draft)
    }

    /// Asks the running send of message `id` to stop. Before its final `.`
    /// the message stays in the outbox as cancelled (nothing delivered);
    /// after it, it may have been sent. Returns whether a send was running.
    pub fn cancel(&self, id: &str) -> bool {
        match self.lock().cancels.get(id) {
            Some(tx) => {
                tx.send_replace(true);
                true
            }
            None => false,
        }
    }

    /// Takes message `id`'s lock: refused while a send (here or in another
    /// process) holds it.
    fn claim(&self, id: &str) -> Result<std::fs::File, OutboxError> {
        if self.sending_here(id) {
            return Err(OutboxError::Busy);
        }
        self.store.lock_outbox(id)?.ok_or(OutboxError::Busy)
    }

    /// Message `id` as the files say now (under its lock).
    fn fresh(&self, id: &str) -> Result<Stored, OutboxError> {
        match self.store.outbox_entry(id)? {
            Some(m) => Ok(m),
            None => {
                self.drop_index(id);
                self.store.drop_lock(id);
                if self.store.is_sent(id) {
                    Err(OutboxError::AlreadySent)
                } else {
                    Err(OutboxError::NotFound)
                }
            }
        }
    }
}

/// Whether a message in this state may be sent at `now`.
fn is_due(s: &Sidecar, now: u64) -> bool {
    match s.state {
        State::Due => true,
        State::Held { until } => until <= now,
        State::Scheduled { at } => at <= now,
        State::Failed => {
            // Transient, and its pause is over (an old sidecar has no
            // next try: at once).
            s.failure.as_ref().map(Failure::class) == Some(Class::Transient)
                && s.next_try.is_none_or(|t| t <= now)
        }
        State::Sending { .. } | State::MaybeSent | State::Sent { .. } => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn message(when: When) -> NewMessage {
        NewMessage {
            draft_digest: None,
            account: AccountId("a1".into()),
            message: Built::from_bytes(
                crate::draft::Envelope {
                    mail_from: "a@example.com".into(),
                    rcpt_to: vec!["b@example.com".into()],
                    smtputf8: false,
                },
                b"Subject: x\r\n\r\ny\r\n".to_vec(),
            ),
            draft: Some("d1".into()),
            subject: "x".into(),
            when,
        }
    }

    /// Marks message `id` as being sent, as the engine does before the
    /// first byte leaves.
    fn mark_sending(store: &Store, id: &str) {
        let mut m = store.outbox_entry(id).unwrap().unwrap();
        m.sidecar.state = State::Sending { since: now() };
        m.sidecar.attempts = 1;
        store.outbox_update(id, &m.sidecar).unwrap();
    }

    #[test]
    fn the_listed_subject_is_the_one_the_message_carries() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (outbox, _) = Outbox::open(&store);
        let mut m = message(When::Now);
        m.subject = "ab\r\nBcc: x@example.com".into();
        let id = outbox.queue(m).unwrap();
        let listed = store.outbox_entry(&id).unwrap().unwrap().sidecar.subject;
        assert_eq!(listed, "ab  Bcc: x@example.com");
    }

    #[test]
    fn an_entry_left_sending_by_a_killed_process_may_have_been_sent_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (outbox, _) = Outbox::open(&store);
        let id = outbox.queue(message(When::Now)).unwrap();
        mark_sending(&store, &id);
        // Its process is gone (no lock held): the next start asks first.
        let (next, bad) = Outbox::open(&store);
        assert!(bad.is_empty());
        let m = next.get(&id).unwrap();
        assert_eq!(m.sidecar.state, State::MaybeSent);
        assert!(m.sidecar.failure.as_ref().unwrap().may_have_been_sent());
        assert!(
            next.due(now() + 86_400).is_empty(),
            "never sent without asking"
        );
        assert!(matches!(next.retry(&id, false), Err(OutboxError::AskFirst)));
        next.retry(&id, true).unwrap();
        assert_eq!(next.due(now()), vec![id.clone()]);
        // On disk too, for any other process.
        assert_eq!(
            store.outbox_entry(&id).unwrap().unwrap().sidecar.state,
            State::Due
        );
    }

    #[test]
    fn an_entry_another_process_is_sending_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (outbox, _) = Outbox::open(&store);
        let id = outbox.queue(message(When::Now)).unwrap();
        mark_sending(&store, &id);
        // Another open file description holds the lock, as another
        // process would.
        let lock = store.lock_outbox(&id).unwrap().unwrap();
        let (next, _) = Outbox::open(&store);
        assert!(matches!(
            next.get(&id).unwrap().sidecar.state,
            State::Sending { .. }
        ));
        assert!(matches!(next.retry(&id, true), Err(OutboxError::Busy)));
        assert!(matches!(next.remove(&id), Err(OutboxError::Busy)));
        drop(lock);
        let (after, _) = Outbox::open(&store);
        assert_eq!(after.get(&id).unwrap().sidecar.state, State::MaybeSent);
    }

    #[test]
    fn a_message_recorded_as_sent_finishes_its_move_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (outbox, _) = Outbox::open(&store);
        let id = outbox.queue(message(When::Now)).unwrap();
        let mut m = store.outbox_entry(&id).unwrap().unwrap();
        m.sidecar.state = State::Sent { at: now() };
        store.outbox_update(&id, &m.sidecar).unwrap();
        // Killed between the .eml's move and the sidecar's.
        std::fs::create_dir_all(dir.path().join("sent")).unwrap();
        std::fs::rename(
            dir.path().join(format!("outbox/{id}.eml")),
            dir.path().join(format!("sent/{id}.eml")),
        )
        .unwrap();
        let (next, bad) = Outbox::open(&store);
        assert!(bad.is_empty(), "{bad:?}");
        assert!(next.entries().is_empty());
        assert_eq!(store.sent().0.len(), 1);
    }

    #[test]
    fn a_message_another_process_sent_is_already_sent_not_missing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (here, _) = Outbox::open(&store);
        let id = here.queue(message(When::Now)).unwrap();
        // Another process sends it: this one still lists it.
        let (there, _) = Outbox::open(&store);
        there.store().mark_sent(&id).unwrap();
        assert!(here.get(&id).is_some());
        assert!(matches!(here.remove(&id), Err(OutboxError::AlreadySent)));
        assert!(matches!(
            here.retry(&id, true),
            Err(OutboxError::AlreadySent)
        ));
        assert!(matches!(here.take_back(&id), Err(OutboxError::TooLate)));
        assert_eq!(store.sent().0.len(), 1, "the sent copy stays");
        assert!(matches!(here.remove("m-gone"), Err(OutboxError::NotFound)));
    }

    #[test]
    fn undo_takes_a_held_message_back_and_it_never_falls_due() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (outbox, _) = Outbox::open(&store);
        let id = outbox
            .queue(message(When::After(Duration::from_secs(5))))
            .unwrap();
        assert!(outbox.due(now()).is_empty(), "held for the undo delay");
        assert_eq!(outbox.due(now() + 6), vec![id.clone()]);
        assert_eq!(outbox.take_back(&id).unwrap().as_deref(), Some("d1"));
        assert!(outbox.entries().is_empty());
        assert!(outbox.due(now() + 3600).is_empty());
        assert!(store.outbox().0.is_empty(), "nothing left on disk");
        assert!(matches!(outbox.take_back(&id), Err(OutboxError::TooLate)));
        // A message already due cannot be taken back.
        let due = outbox.queue(message(When::Now)).unwrap();
        assert!(matches!(outbox.take_back(&due), Err(OutboxError::TooLate)));
    }

    #[test]
    fn scheduled_messages_fall_due_at_their_time_and_transient_failures_after_the_pause() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (outbox, _) = Outbox::open(&store);
        let at = now() + 600;
        let id = outbox.queue(message(When::At(at))).unwrap();
        assert!(outbox.due(at - 1).is_empty());
        assert_eq!(outbox.due(at), vec![id.clone()]);
        assert_eq!(outbox.next_due(), Some(at));
        // A transient failure waits out its backoff; a permanent one is
        // never retried, not even by hand.
        let m = outbox.get(&id).unwrap();
        let transient = Failure::new(Reason::Smtp {
            error: crate::smtp::SmtpError::Transient {
                code: 421,
                text: "later".into(),
            },
            host: "h".into(),
        });
        outbox.record_failure(m.clone(), transient);
        let next = outbox.get(&id).unwrap().sidecar.next_try.unwrap();
        assert!(outbox.due(next - 1).is_empty());
        assert_eq!(outbox.due(next), vec![id.clone()]);
        let permanent = Failure::new(Reason::Smtp {
            error: crate::smtp::SmtpError::Permanent {
                code: 554,
                text: "no".into(),
            },
            host: "h".into(),
        });
        outbox.record_failure(m, permanent);
        assert!(outbox.due(now() + 86_400).is_empty());
        assert!(matches!(
            outbox.retry(&id, true),
            Err(OutboxError::Permanent)
        ));
    }

    #[test]
    fn outbox_ids_are_never_paths() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(&dir.path().join("data"));
        let (outbox, _) = Outbox::open(&store);
        let outside = dir.path().join("elsewhere");
        std::fs::create_dir_all(&outside).unwrap();
        let evil = outside.join("m").display().to_string();
        std::fs::write(format!("{evil}.toml"), "account = \"a\"\n").unwrap();
        for id in [evil.as_str(), "../../elsewhere/m", "", "deadbeef"] {
            assert!(outbox.retry(id, true).is_err(), "{id}");
            assert!(outbox.remove(id).is_err(), "{id}");
            assert!(outbox.take_back(id).is_err(), "{id}");
        }
        // Nothing was made or changed, inside or outside the outbox.
        let made: Vec<_> = std::fs::read_dir(&outside).unwrap().flatten().collect();
        assert_eq!(made.len(), 1);
        let inside = std::fs::read_dir(dir.path().join("data/outbox"))
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(inside, 0);
    }

    #[test]
    fn a_cut_empty_or_unchecksummed_sidecar_is_damaged_and_can_be_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (outbox, _) = Outbox::open(&store);
        let ids: Vec<String> = (0..3)
            .map(|_| outbox.queue(message(When::Now)).unwrap())
            .collect();
        let path = |id: &str| dir.path().join(format!("outbox/{id}.toml"));
        std::fs::write(path(&ids[0]), "").unwrap();
        let text = std::fs::read_to_string(path(&ids[1])).unwrap();
        let cut: String = text.lines().take(4).collect::<Vec<_>>().join("\n");
        std::fs::write(path(&ids[1]), cut).unwrap();
        let text = std::fs::read_to_string(path(&ids[2])).unwrap();
        let unchecked: String = text
            .lines()
            .filter(|l| !l.starts_with("eml_sha256"))
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(path(&ids[2]), unchecked).unwrap();
        let (next, bad) = Outbox::open(&store);
        assert!(next.entries().is_empty(), "{:?}", next.entries());
        assert_eq!(bad.len(), 3);
        assert!(next.due(now() + 86_400).is_empty(), "never sent as it is");
        // The person can still remove each by its id.
        for id in &ids {
            next.remove(id).unwrap();
            assert!(!store.outbox_has_files(id));
        }
        assert!(matches!(next.remove(&ids[0]), Err(OutboxError::NotFound)));
    }

    #[test]
    fn a_scheduled_message_is_not_sent_early_by_a_retry() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (outbox, _) = Outbox::open(&store);
        let id = outbox.queue(message(When::At(now() + 3600))).unwrap();
        assert!(matches!(outbox.retry(&id, true), Err(OutboxError::NotYet)));
        assert!(outbox.due(now()).is_empty());
    }

    /// A folder put where a queued `.eml` was could not be removed.
    #[test]
    fn an_entry_whose_eml_became_a_folder_can_be_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (outbox, _) = Outbox::open(&store);
        let id = outbox.queue(message(When::Now)).unwrap();
        let eml = dir.path().join(format!("outbox/{id}.eml"));
        std::fs::remove_file(&eml).unwrap();
        std::fs::create_dir(&eml).unwrap();
        std::fs::write(eml.join("inside"), b"x").unwrap();
        outbox.reload();
        outbox.remove(&id).unwrap();
        assert!(!eml.exists());
        assert!(
            std::fs::read_dir(dir.path().join("outbox"))
                .unwrap()
                .next()
                .is_none()
        );
    }
}
