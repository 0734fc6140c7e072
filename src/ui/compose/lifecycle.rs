//! What happens to a compose window from outside its own controls: saving,
//! queueing, the outbox's events, the account set up meanwhile. The app
//! tells the window what happened; the window decides what it shows.

use std::time::{Duration, Instant};

use super::{Sending, Sizes, State};
use crate::account::{Account, AccountId};
use crate::draft::Draft;
use crate::store::Stored;
use crate::t;

impl State {
    /// The draft's id (its directory under `drafts/`).
    pub fn draft_id(&self) -> &str {
        &self.draft_id
    }

    /// The fields as typed.
    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// Where sending stands.
    pub fn sending(&self) -> &Sending {
        &self.sending
    }

    /// The message shown to the person in the window, if any, in the
    /// language of the moment.
    pub fn notice(&self) -> Option<String> {
        self.notice.as_ref().map(super::Notice::text)
    }

    /// Shows `notice` in the window (or clears it with `None`).
    pub fn set_notice(&mut self, notice: Option<super::Notice>) {
        self.notice = notice;
    }

    /// The outbox message this window's message is, if it is queued.
    pub fn outbox_id(&self) -> Option<&str> {
        self.outbox_id.as_deref()
    }

    /// Ties the window to outbox message `message` (one that may have
    /// been sent: Send asks before sending it again). The window says why
    /// it may have been sent from the start (tryout 6 saw no warning until
    /// it pressed Send).
    pub fn tie_to(&mut self, message: Option<&Stored>) {
        self.outbox_id = message.map(|m| m.id.clone());
        // Scheduled: it goes at its time unless changed (the first change
        // takes it out of the schedule, see `State::update`).
        if let Some(m) = message
            && let crate::outbox::State::Scheduled { at } = m.sidecar.state
        {
            self.scheduled_at = Some(at);
        }
        // Held by a run that ended: its undo delay counts down here again.
        if let Some(m) = message
            && let crate::outbox::State::Held { until } = m.sidecar.state
        {
            self.queued(m.id.clone(), Some(until), m.sidecar.eml_size);
        }
        if let Some(m) = message
            && m.sidecar.state == crate::outbox::State::MaybeSent
        {
            self.sending = Sending::Failed(match &m.sidecar.failure {
                Some(f) => super::Why::Failure(Box::new(f.clone()), None),
                None => super::Why::Text(t!("outbox-may-have-been-sent")),
            });
        }
    }

    /// The path typed beside Attach.
    pub fn attach_path(&self) -> &str {
        &self.attach_path
    }

    /// The attachments' sizes in bytes.
    pub fn sizes(&self) -> &Sizes {
        &self.sizes
    }

    /// There are changes not sent (closing asks).
    pub fn has_unsent_changes(&self) -> bool {
        self.unsent_changes
    }

    /// The window asks whether to send again a message that may have been
    /// sent.
    pub fn is_asking_resend(&self) -> bool {
        self.asking_resend
    }

    /// The window asks whether to keep the draft.
    pub fn is_asking_close(&self) -> bool {
        self.asking_close
    }

    /// What the window asks about before sending (D23), if it asks.
    pub fn concerns(&self) -> &[crate::draft::Concern] {
        &self.asking_concerns
    }

    /// The field (index in [`super::FOCUS_ORDER`]) known to have focus.
    pub fn focused(&self) -> Option<usize> {
        self.focus
    }

    /// The cursor was put in `field`.
    pub fn focus_moved(&mut self, field: &str) {
        self.focus = super::FOCUS_ORDER.iter().position(|f| *f == field);
        self.last_field = self.focus.or(self.last_field);
    }

    /// The window asks whether to keep the draft (close with changes).
    pub fn ask_close(&mut self) {
        self.asking_close = true;
    }

    /// Close asked for while the message is being put in the outbox:
    /// `true` when it is (the window then closes once it is there, see
    /// [`State::closes_once_queued`]).
    pub fn close_once_queued(&mut self) -> bool {
        self.close_when_queued = matches!(self.sending, Sending::Queueing);
        self.close_when_queued
    }

    /// Whether the window is to close now that its message is in the
    /// outbox: asked for while it was being queued, and nothing typed
    /// meanwhile (that is taken back, and the window stays with it).
    /// Asked once.
    pub fn closes_once_queued(&mut self) -> bool {
        std::mem::take(&mut self.close_when_queued)
            && matches!(self.sending, Sending::Held(_) | Sending::InProgress(..))
            && !self.to_take_back()
    }

    /// Changed from outside the window (filled from a `mailto:` link):
    /// kept and asked about like anything typed.
    pub fn filled_in(&mut self) {
        self.changed();
    }

    /// An account was set up meanwhile: a message with no sender gets it.
    pub fn give_sender(&mut self, account: &AccountId) {
        if self.draft.account.is_none() {
            self.draft.account = Some(account.clone());
        }
    }

    /// Esc: questions go; `true` when the message waits out the undo delay
    /// (Esc then takes it back).
    pub fn escape(&mut self) -> bool {
        if self.take_back_send() {
            return true;
        }
        if matches!(self.sending, Sending::Queueing) {
            return false;
        }
        self.asking_close = false;
        self.asking_resend = false;
        self.asking_concerns.clear();
        self.later = None;
        false
    }

    /// The server's SIZE limit as last seen (bytes), for the check before
    /// sending; set by the app before each update.
    pub fn set_size_limit(&mut self, limit: Option<u64>) {
        self.size_limit = limit;
    }

    /// The message is over the server's SIZE (and that check is on).
    pub(super) fn too_big(&self) -> Option<crate::draft::Concern> {
        let limit = self.size_limit.filter(|_| self.checks.size)?;
        let files: u64 = self
            .draft
            .attachments
            .iter()
            .filter_map(|p| self.sizes.get(p))
            .sum();
        let size = super::view::encoded_size(files, self.draft.body.len() as u64);
        (size > limit).then_some(crate::draft::Concern::TooBig { size, limit })
    }

    /// Whether a question or Send later's picker is open in the window.
    pub fn is_asking(&self) -> bool {
        self.asking_close
            || self.asking_resend
            || !self.asking_concerns.is_empty()
            || self.later.is_some()
    }

    /// The field the cursor goes back to when a question or a picker
    /// closes: the one typed in last, else the body (a ninth tryout's Esc
    /// on a question left no field with the focus, and the next keys went
    /// nowhere).
    pub fn field_to_return_to(&self) -> &'static str {
        super::FOCUS_ORDER[self
            .last_field
            .filter(|i| *i < super::FOCUS_ORDER.len())
            .unwrap_or(4)]
    }

    /// Undo of the send asked for (Esc, Ctrl+Z): `true` when the message
    /// waits out the undo delay (the app then takes it back). While it is
    /// being put in the outbox, it is taken back as soon as it is there
    /// (a tryout's Esc right after Ctrl+Enter was ignored, and the message
    /// went).
    pub fn take_back_send(&mut self) -> bool {
        match self.sending {
            Sending::Held(_) => true,
            Sending::Queueing => {
                self.take_back_once_queued = true;
                false
            }
            _ => false,
        }
    }

    /// Whether the autosave is due: the first edit not saved is `after`
    /// old (so at most about a second of typing is at risk even while
    /// typing goes on).
    pub fn autosave_due(&self, after: Duration) -> bool {
        self.dirty && self.unsaved_since.is_some_and(|t| t.elapsed() >= after)
    }

    /// Whether the window has something a clock moves on: an edit not yet
    /// saved, or an Undo countdown shown in seconds.
    pub fn waits_on_the_clock(&self) -> bool {
        self.unsaved_since.is_some()
            || matches!(self.sending, Sending::Held(_))
            || matches!(self.notice, Some(super::Notice::Toast(..)))
    }

    /// Clears a toast shown for longer than `after`.
    pub fn expire_notice(&mut self, after: std::time::Duration) {
        if let Some(super::Notice::Toast(_, at)) = &self.notice
            && at.elapsed() > after
        {
            self.notice = None;
        }
    }

    /// The draft is being saved: what to write (its id and fields) and
    /// the attachment copies to keep (those attached, and one just removed
    /// that Undo may bring back); the window counts as saved until
    /// [`State::save_failed`].
    pub fn to_save(&mut self) -> (String, Draft, Vec<std::path::PathBuf>) {
        self.dirty = false;
        self.unsaved_since = None;
        let mut keep = self.draft.attachments.clone();
        keep.extend(self.removed.as_ref().map(|r| r.1.clone()));
        (self.draft_id.clone(), self.draft.clone(), keep)
    }

    /// The attachment just removed (its name), which Undo brings back.
    pub fn removed_attachment(&self) -> Option<String> {
        self.removed.as_ref().map(|(_, path, _)| {
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
    }

    /// The save the person asked for is done: the window says so until the
    /// next change.
    pub fn saved_by_hand(&mut self) {
        self.said_saved = !self.dirty;
    }

    /// "Keep draft" could not write the draft (`reason`, translated): the
    /// window stays open with its text, and says why.
    pub fn close_save_failed(&mut self, reason: String) {
        self.asking_close = false;
        self.save_failed(t!("compose-close-save-failed", reason = reason));
    }

    /// Saving the draft failed: unsaved again, and the window says why.
    pub fn save_failed(&mut self, reason: String) {
        self.dirty = true;
        self.unsaved_since.get_or_insert_with(Instant::now);
        self.notice = Some(super::Notice::Text(reason));
    }

    /// Files were attached, or some could not be (`errors`, translated):
    /// a typed path that failed stays to be corrected (D26). Returns what
    /// the app does next: [`super::Action::AttachTyped`] with the next
    /// typed path waiting (typed paths are copied one at a time, in the
    /// order typed), or, once every copy is in, the send asked for
    /// meanwhile ([`super::Action::Send`], or the questions before it).
    /// A file that could not be attached cancels that send: the person
    /// sees why first.
    pub fn attach_finished(
        &mut self,
        source: super::Source,
        copies: Vec<(std::path::PathBuf, u64)>,
        errors: &[String],
    ) -> super::Action {
        if !copies.is_empty() {
            self.attached(copies);
        }
        let typed = match source {
            super::Source::Typed => self.typed_attaches.pop_front(),
            super::Source::Chosen => {
                self.chosen_copies = self.chosen_copies.saturating_sub(1);
                None
            }
        };
        if errors.is_empty() {
            self.notice = None;
        } else {
            self.send_when_attached = false;
            let why = errors.join("\n");
            self.notice = Some(match source {
                super::Source::Typed => super::Notice::AboutPath(why),
                super::Source::Chosen => super::Notice::Text(why),
            });
            // The path that failed, back to be corrected, unless something
            // new was typed meanwhile.
            if self.attach_path.trim().is_empty()
                && let Some(typed) = typed
            {
                self.attach_path = typed;
            }
        }
        if source == super::Source::Typed
            && let Some(next) = self.typed_attaches.front()
        {
            return super::Action::AttachTyped(super::typed_path(next));
        }
        if self.send_when_attached && !self.attaching() {
            self.send_when_attached = false;
            return self.update(super::Message::Send);
        }
        super::Action::None
    }

    /// Send was pressed and the app is to queue the message: `previous`
    /// is the outbox message this one already is (and whether this
    /// process is sending it now). Returns what to queue — the draft, its
    /// id and the sending account — or `None` when the window instead
    /// says why not or asks first (a message that may have been sent).
    pub fn start_queueing(
        &mut self,
        previous: Option<(&Stored, bool)>,
        accounts: &[Account],
        never_plaintext: bool,
    ) -> Option<(Draft, String, Account)> {
        if matches!(
            self.sending,
            Sending::Sent | Sending::Queueing | Sending::Held(_)
        ) {
            return None;
        }
        if let Some((old, in_flight)) = previous {
            if self.sending_now() || in_flight {
                self.notice = Some(super::Notice::toast(|| t!("compose-already-sending")));
                return None;
            }
            if old.sidecar.state == crate::outbox::State::MaybeSent && !self.resend_confirmed {
                self.asking_resend = true;
                return None;
            }
        }
        self.asking_resend = false;
        self.resend_confirmed = false;
        let Some(account) = accounts
            .iter()
            .find(|a| Some(&a.id) == self.draft.account.as_ref())
            .cloned()
        else {
            self.sending = Sending::Failed(super::Why::Text(t!("draft-error-no-sender")));
            return None;
        };
        // Refused now, not after the undo delay (tryout 20): the engine
        // would refuse it then (RFC 8314 §5.2: never-plaintext).
        if never_plaintext && account.security == crate::account::Security::Plaintext {
            self.sending = Sending::Failed(super::Why::Text(t!("smtp-error-plaintext-forbidden")));
            return None;
        }
        self.sending = Sending::Queueing;
        self.account_changed = false;
        self.take_back_once_queued = false;
        self.notice = None;
        self.queued_edit = self.edited_at;
        Some((self.draft.clone(), self.draft_id.clone(), account))
    }

    /// The message is in the outbox as `outbox_id`, held for the undo
    /// delay until `held_until` (Unix seconds) or about to go (`total`
    /// bytes). What was typed while it was being queued is not in it.
    pub fn queued(&mut self, outbox_id: String, held_until: Option<u64>, total: u64) {
        self.leaving_outbox = false;
        if held_until.is_none() {
            self.take_back_once_queued = false;
        }
        self.outbox_id = Some(outbox_id);
        self.scheduled_at = None;
        self.unsent_changes = self.edited_at != self.queued_edit;
        self.sending = match held_until {
            Some(until) => Sending::Held(until),
            None => Sending::InProgress(0, total),
        };
    }

    /// Queueing failed (translated `reason`), or the queued message is
    /// already gone (`None`).
    pub fn not_queued(&mut self, reason: Option<String>) {
        self.send_at = None;
        self.sending = reason.map_or(Sending::Idle, |r| Sending::Failed(super::Why::Text(r)));
    }

    /// Typed into, or Esc pressed, while it was being queued, and still
    /// held: it is to be taken back at once, so what goes out is what is
    /// shown and Esc does what it says.
    pub fn to_take_back(&self) -> bool {
        (self.unsent_changes || self.take_back_once_queued)
            && matches!(self.sending, Sending::Held(_))
    }

    /// The message is to be taken out of the outbox (Undo, or withdrawn):
    /// `false` when that is under way already (nothing more to do).
    pub fn begin_leaving_outbox(&mut self) -> bool {
        !std::mem::replace(&mut self.leaving_outbox, true)
    }

    /// The message left the outbox (taken back or withdrawn), and the
    /// window says `done`; or it could not, and says why.
    pub fn left_outbox(&mut self, result: Result<(), String>, done: fn() -> String) {
        self.leaving_outbox = false;
        match result {
            Ok(()) => {
                self.outbox_id = None;
                self.scheduled_at = None;
                self.sending = Sending::Idle;
                self.take_back_once_queued = false;
                self.notice = Some(super::Notice::toast(done));
            }
            Err(e) => self.notice = Some(super::Notice::Text(e)),
        }
    }

    /// Whether this window holds outbox message `id`, or the draft it came
    /// from (`draft`); if so it is tied to the message.
    pub fn holds(&mut self, id: &str, draft: Option<&str>) -> bool {
        let holds = self.outbox_id.as_deref() == Some(id) || draft == Some(self.draft_id.as_str());
        if holds && self.outbox_id.is_none() {
            self.outbox_id = Some(id.to_string());
        }
        holds
    }

    /// The engine began sending `total` bytes.
    pub fn send_started(&mut self, total: u64) {
        self.sending = Sending::InProgress(0, total);
    }

    /// `bytes` of the message are written.
    pub fn send_progress(&mut self, bytes: u64) {
        if let Sending::InProgress(_, total) = self.sending {
            self.sending = Sending::InProgress(bytes, total);
        }
    }

    /// The attempt failed (translated `reason`).
    pub fn send_failed(&mut self, reason: String) {
        self.account_changed = false;
        self.sending = Sending::Failed(super::Why::Text(reason));
    }

    /// Why the last attempt failed and what happens next, as shown; `None`
    /// unless it failed.
    pub fn failure_text(&self) -> Option<String> {
        let Sending::Failed(why) = &self.sending else {
            return None;
        };
        let mut text = why.text();
        if self.account_changed {
            text = format!("{text}\n{}", t!("compose-account-changed"));
        }
        Some(text)
    }

    /// Account `account` was edited: a failure shown from an attempt with
    /// its older settings says so (a tryout saw the old port in the error
    /// after fixing it).
    pub fn account_edited(&mut self, account: &crate::account::AccountId) {
        if matches!(self.sending, Sending::Failed(_))
            && self.draft.account.as_ref() == Some(account)
        {
            self.account_changed = true;
        }
    }

    /// The outbox's record of this window's message `message` (read
    /// again): a failure shown follows it (another attempt's reason, its
    /// next try), so the window never keeps an older attempt's.
    pub fn follow(&mut self, message: &Stored) {
        if self.outbox_id.as_deref() != Some(message.id.as_str()) {
            return;
        }
        if let (Sending::Failed(super::Why::Failure(shown, next)), Some(now)) =
            (&self.sending, &message.sidecar.failure)
            && (**shown != *now || *next != message.sidecar.next_try)
        {
            if **shown != *now {
                self.account_changed = false;
            }
            self.sending = Sending::Failed(super::Why::Failure(
                Box::new(now.clone()),
                message.sidecar.next_try,
            ));
        }
    }

    /// The attempt failed with the outbox's `failure` (drawn in the
    /// language of the moment); the outbox tries again at `next_try` (Unix
    /// seconds) on its own, if given.
    pub fn send_failed_with(&mut self, failure: &crate::outbox::Failure, next_try: Option<u64>) {
        self.account_changed = false;
        self.sending = Sending::Failed(super::Why::Failure(Box::new(failure.clone()), next_try));
    }

    /// The engine did not send it after all (taken back, another process).
    pub fn send_skipped(&mut self) {
        if self.sending_now() {
            self.sending = Sending::Idle;
        }
    }

    /// The message went out: nothing left to keep, and the window closes.
    pub fn delivered(&mut self) {
        self.unsent_changes = false;
        self.dirty = false;
        self.sending = Sending::Sent;
    }

    /// Outbox message `id` was delivered; if this window was edited since
    /// it was queued, the newer text becomes a draft of its own (a new id,
    /// to be saved) and the window says so: `true`. Otherwise `false`.
    pub fn keep_newer_than(&mut self, id: &str) -> bool {
        if self.outbox_id.as_deref() != Some(id) || !self.unsent_changes {
            return false;
        }
        self.outbox_id = None;
        self.draft_id = crate::store::new_id();
        self.dirty = true;
        self.unsaved_since = Some(Instant::now());
        self.sending = Sending::Idle;
        self.notice = Some(super::Notice::Said(|| t!("compose-sent-earlier-version")));
        true
    }
}
