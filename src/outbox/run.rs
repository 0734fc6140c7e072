//! Sending what is due: one connection per account, each message under its
//! lock, the attempt recorded before its first byte and the delivery after
//! the server's 250, progress and outcomes as a stream of events.

use std::sync::{Arc, Mutex};

use futures::{Stream, StreamExt};
use tokio::sync::{mpsc, watch};

use super::eml::Verified;
use super::state::{Class, Failure, LATE_AFTER, Reason, State, backoff};
use super::{Environment, Outbox, is_due};
use crate::account::Account;
use crate::config::Settings;
use crate::smtp::transport::TapState;
use crate::smtp::{Delivery, Session, SmtpError};
use crate::store::Stored;

/// What happens while the outbox sends.
#[derive(Debug, Clone)]
pub enum Event {
    /// Message `id` began: it is `total` bytes.
    Started {
        /// The outbox id.
        id: String,
        /// The message's size, in bytes.
        total: u64,
    },
    /// Message bytes written so far.
    Progress {
        /// The outbox id.
        id: String,
        /// Bytes written, of the `total` in [`Event::Started`].
        bytes: u64,
    },
    /// A connection ended: its redacted protocol dialogue (for
    /// `--protocol-log`; never holds a credential).
    Transcript(Vec<u8>),
    /// The attempt at message `id` ended.
    Finished {
        /// The outbox id.
        id: String,
        /// How.
        outcome: Outcome,
    },
}

/// How an attempt ended.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Accepted and filed in `sent/`.
    Sent {
        /// What the server accepted.
        delivery: Box<Delivery>,
        /// The draft it came from (deleted, unless `draft_kept`).
        draft: Option<String>,
        /// The draft was changed after the message was queued (an edit
        /// kept while the message waited): it stays in Drafts, since what
        /// went out is the older text (a tryout's retried message went
        /// out, and its edited draft was deleted without a word).
        draft_kept: bool,
        /// For a scheduled message sent more than two minutes after its
        /// time: how late, in seconds.
        late_by: Option<u64>,
        /// Its subject as queued (the message has left the outbox, so a
        /// caller that never listed it still names it).
        subject: String,
    },
    /// Not accepted; the message stays in the outbox with this failure
    /// (its state says whether it may have been sent).
    Failed(Failure),
    /// Not attempted: another process is sending it, it was taken back or
    /// sent meanwhile, or it is no longer due.
    Skipped,
    /// The outbox files could not be read or written: nothing was sent.
    /// The translated reason.
    Unsaved(String),
}

impl Outbox {
    /// Sends messages `ids` (those still due when their turn comes), one
    /// connection per account of `accounts`, and reports progress and
    /// each outcome as a stream of [`Event`]s that ends when all are done.
    /// Passwords are read from the keyring when a connection opens; host
    /// names are resolved as `env` says.
    pub fn send(
        &self,
        ids: Vec<String>,
        accounts: Vec<Account>,
        settings: Settings,
        env: Environment,
    ) -> impl Stream<Item = Event> + Send + 'static {
        let (tx, mut rx) = mpsc::unbounded_channel();
        let outbox = self.clone();
        let driver = async move { outbox.run(ids, accounts, (settings, env), tx).await };
        let events = futures::stream::poll_fn(move |cx| rx.poll_recv(cx));
        futures::stream::select(
            events,
            futures::stream::once(driver).filter_map(|()| async { None }),
        )
    }

    async fn run(
        self,
        ids: Vec<String>,
        accounts: Vec<Account>,
        settings: (Settings, Environment),
        tx: mpsc::UnboundedSender<Event>,
    ) {
        // Grouped by account, in the order given: one connection each.
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for id in ids {
            let account = self
                .get(&id)
                .map(|m| m.sidecar.account.0.clone())
                .unwrap_or_default();
            match groups.iter_mut().find(|(a, _)| *a == account) {
                Some((_, list)) => list.push(id),
                None => groups.push((account, vec![id])),
            }
        }
        for (account_id, ids) in groups {
            let account = accounts.iter().find(|a| a.id.0 == account_id);
            let mut conn = Connection::default();
            for id in ids {
                let (cancel_tx, cancel_rx) = watch::channel(false);
                {
                    let mut inner = self.lock();
                    if inner.cancels.contains_key(&id) {
                        let _ = tx.send(Event::Finished {
                            id,
                            outcome: Outcome::Skipped,
                        });
                        continue;
                    }
                    inner.cancels.insert(id.clone(), cancel_tx);
                }
                // Out of the running sends when it ends, also when this
                // future is dropped midway (a stopped `koperta send`):
                // else the message would stay "being sent" here for good.
                let running = Running {
                    outbox: &self,
                    id: &id,
                };
                let outcome = self
                    .send_one(&id, account, &settings, &mut conn, cancel_rx, &tx)
                    .await;
                drop(running);
                let _ = tx.send(Event::Finished { id, outcome });
            }
            if let Some(session) = conn.session.take() {
                session.quit().await;
            }
            conn.flush_transcript(&tx);
        }
    }

    async fn send_one(
        &self,
        id: &str,
        account: Option<&Account>,
        (settings, env): &(Settings, Environment),
        conn: &mut Connection,
        mut cancel: watch::Receiver<bool>,
        tx: &mpsc::UnboundedSender<Event>,
    ) -> Outcome {
        let store = self.store.clone();
        let unsaved =
            |e: crate::store::StoreError| Outcome::Unsaved(crate::report::Localize::localize(&e));
        let lock = match store.lock_outbox(id) {
            Ok(Some(lock)) => lock,
            Ok(None) => return Outcome::Skipped,
            Err(e) => return unsaved(e),
        };
        let mut m = match store.outbox_entry(id) {
            Ok(Some(m)) => m,
            Ok(None) => {
                self.drop_index(id);
                return Outcome::Skipped;
            }
            Err(e) => return unsaved(e),
        };
        if !is_due(&m.sidecar, self.now()) {
            self.put_index(m);
            return Outcome::Skipped;
        }
        let Some(account) = account else {
            let failure = Failure::new(Reason::NoAccount {
                account: m.sidecar.account.0.clone(),
            });
            return self.record_failure(m, failure);
        };
        // Read in chunks as it goes out, checked against the sidecar's size
        // and SHA-256 (a cut file is refused here, a changed one before
        // its final `.`).
        let mut eml = match Verified::open(&m.eml, m.sidecar.eml_size, &m.sidecar.eml_sha256) {
            Ok(eml) => eml,
            Err(detail) => {
                let failure = Failure::new(Reason::Damaged { detail });
                return self.record_failure(m, failure);
            }
        };
        let smtp_failure = |error: SmtpError| {
            Failure::new(Reason::Smtp {
                error,
                host: account.host.clone(),
            })
        };
        // One connection per account: opened for the first message, again
        // only if it broke; a connection that could not open fails the
        // rest of the account's messages the same way.
        if let Some(e) = &conn.open_error {
            m.sidecar.attempts += 1;
            return self.record_failure(m, smtp_failure(e.clone()));
        }
        if conn.session.as_ref().is_none_or(|s| !s.is_usable()) {
            if let Some(old) = conn.session.take() {
                old.quit().await;
            }
            conn.flush_transcript(tx);
            conn.tap = Arc::default();
            match super::open(account, settings, env, Some(conn.tap.clone())).await {
                Ok(s) => conn.session = Some(s),
                Err(e) => {
                    conn.open_error = Some(e.clone());
                    m.sidecar.attempts += 1;
                    return self.record_failure(m, smtp_failure(e));
                }
            }
        }
        let Some(session) = conn.session.as_mut() else {
            return Outcome::Skipped;
        };
        m.sidecar.attempts += 1;
        let _ = tx.send(Event::Started {
            id: id.to_string(),
            total: eml.len(),
        });
        let (progress_tx, mut progress) = watch::channel(0u64);
        if let Ok(mut t) = conn.tap.lock() {
            t.progress = Some(progress_tx);
        }
        // The attempt is on disk before the first byte of the message
        // leaves (after the server's 354): a process killed from there on
        // leaves "sending", which the next start reads as "may have been
        // sent". Killed before it, the message was not sent and stays due.
        let envelope = m.sidecar.envelope.clone();
        let mut record = || {
            m.sidecar.state = State::Sending { since: self.now() };
            store
                .outbox_update(id, &m.sidecar)
                .map_err(|e| crate::report::Localize::localize(&e))?;
            self.put_index(m.clone());
            Ok(())
        };
        let result = {
            let sending = session.send_recorded(&envelope, &mut eml, &mut record);
            tokio::pin!(sending);
            loop {
                tokio::select! {
                    r = &mut sending => break Some(r),
                    Ok(()) = progress.changed() => {
                        let bytes = *progress.borrow_and_update();
                        let _ = tx.send(Event::Progress { id: id.to_string(), bytes });
                    }
                    Ok(()) = cancel.changed() => {
                        if *cancel.borrow_and_update() {
                            break None;
                        }
                    }
                }
            }
        };
        let damage = eml.damage();
        drop(eml);
        let outcome = match result {
            Some(Ok(delivery)) => self.record_delivery(m, delivery),
            Some(Err(SmtpError::Abandoned { reason })) => {
                let failure = match damage {
                    Some(detail) => Failure::new(Reason::Damaged { detail }),
                    None => smtp_failure(SmtpError::Abandoned { reason }),
                };
                self.record_failure(m, failure)
            }
            Some(Err(e)) => self.record_failure(m, smtp_failure(e)),
            None => {
                // Cancelled: the dialogue is cut where it was.
                let dot_written = conn
                    .tap
                    .lock()
                    .map(|t| t.final_dot_at.is_some())
                    .unwrap_or(true);
                conn.session = None;
                let failure = if dot_written {
                    Failure::new(Reason::CancelledAfterDot)
                } else {
                    Failure::new(Reason::Cancelled)
                };
                self.record_failure(m, failure)
            }
        };
        if conn.session.as_ref().is_some_and(|s| !s.is_usable())
            && let Some(old) = conn.session.take()
        {
            old.quit().await;
        }
        drop(lock);
        outcome
    }

    /// The one rule after a failure: may have been sent → ask before any
    /// retry; transient → retried after the backoff; otherwise it waits for
    /// the person.
    pub(super) fn record_failure(&self, mut m: Stored, failure: Failure) -> Outcome {
        let now = self.now();
        m.sidecar.state = if failure.may_have_been_sent() {
            State::MaybeSent
        } else {
            State::Failed
        };
        m.sidecar.next_try = (failure.class() == Class::Transient && !failure.may_have_been_sent())
            .then(|| now + backoff(m.sidecar.attempts.max(1)).as_secs());
        m.sidecar.failure = Some(failure.clone());
        if let Err(e) = self.store.outbox_update(&m.id, &m.sidecar) {
            return Outcome::Unsaved(crate::report::Localize::localize(&e));
        }
        self.put_index(m);
        Outcome::Failed(failure)
    }

    /// After the server's 250: the delivery is recorded, then the files
    /// move to `sent/` and the draft is deleted.
    fn record_delivery(&self, mut m: Stored, delivery: Delivery) -> Outcome {
        let at = self.now();
        m.sidecar.state = State::Sent { at };
        m.sidecar.reply = Some(delivery.reply.clone());
        m.sidecar.tls = delivery.tls.clone();
        m.sidecar.failure = None;
        m.sidecar.next_try = None;
        // If the record cannot be written (a full disk), the move below
        // still files it; if both fail, the sidecar says "sending" and the
        // next start asks before sending again: never a silent second copy.
        let _ = self.store.outbox_update(&m.id, &m.sidecar);
        // The address book learns every recipient, with the name the
        // headers gave it (Bcc ones have none there). A failure here
        // costs a suggestion, never the message.
        let learned = crate::contacts::recipients_of(&m.eml, &m.sidecar.envelope.rcpt_to);
        let _ = crate::contacts::Contacts::update(&self.store.contacts_path(), |book| {
            book.learn(&learned, at)
        });
        // A draft that is no longer what was queued holds an edit that did
        // not go out (compared by content: a save in the same moment as
        // the queueing is no edit, tryout 8).
        let draft_kept = match (&m.sidecar.draft, &m.sidecar.draft_digest) {
            (Some(draft), Some(queued)) => self.store.draft_differs(draft, queued),
            _ => false,
        };
        let _ = self.store.mark_sent(&m.id);
        if let Some(draft) = &m.sidecar.draft
            && !draft_kept
        {
            let _ = self.store.delete_draft(draft);
        }
        self.drop_index(&m.id);
        let late_by = m
            .sidecar
            .scheduled_for
            .map(|due| at.saturating_sub(due))
            .filter(|late| *late > LATE_AFTER);
        Outcome::Sent {
            delivery: Box::new(delivery),
            draft: m.sidecar.draft,
            draft_kept,
            late_by,
            subject: m.sidecar.subject,
        }
    }
}

/// The live connection of one account while its messages go.
#[derive(Default)]
struct Connection {
    session: Option<Session>,
    tap: Arc<Mutex<TapState>>,
    open_error: Option<SmtpError>,
}

impl Connection {
    /// Hands the dialogue so far to the stream, once.
    fn flush_transcript(&mut self, tx: &mpsc::UnboundedSender<Event>) {
        let bytes = self
            .tap
            .lock()
            .map(|mut t| std::mem::take(&mut t.transcript))
            .unwrap_or_default();
        if !bytes.is_empty() {
            let _ = tx.send(Event::Transcript(bytes));
        }
    }
}

/// A send under way in this process: dropped, it is no longer listed as
/// running ([`Outbox::cancel`] and `claim` look there).
struct Running<'a> {
    outbox: &'a Outbox,
    id: &'a str,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.outbox.lock().cancels.remove(self.id);
    }
}
