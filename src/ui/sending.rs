//! The desktop app's side of the outbox engine: a compose window's Send
//! queues the message (off the UI thread), the engine sends what is due,
//! and its events move the windows and the main window's outbox. No
//! outbox state is decided here: the engine's rule does that.

use std::collections::HashSet;
use std::time::Duration;

use iced::{Task, window};

use super::app::{App, Message, Screen};
use super::compose;
use super::elsewhere::NotQueued;
use crate::draft::BuildOptions;
use crate::outbox::{Event, NewMessage, OutboxError, Outcome, State, When};
use crate::report::Localize;
use crate::t;

/// What the app keeps about sends in flight.
#[derive(Debug, Default)]
pub struct Sends {
    /// Outbox messages the engine is sending now, from this process.
    pub in_flight: HashSet<String>,
    /// Outbox messages sent from a window that shows them going (no
    /// notification while it stays open).
    pub watched: HashSet<String>,
}

impl App {
    /// Send from compose window `id`: checks, builds, and queues the
    /// message (with the undo delay) in a task; the engine sends it when
    /// it is due.
    pub(super) fn send(&mut self, id: window::Id) -> Task<Message> {
        // A window tied to an outbox message first learns whether another
        // process sent it meanwhile (then nothing is queued twice).
        if let Some(Screen::Compose(c)) = self.windows.get(&id)
            && let Some(o) = c.outbox_id()
            && !self.sends.in_flight.contains(o)
            && matches!(
                c.sending(),
                compose::Sending::Idle | compose::Sending::Failed(_)
            )
        {
            let o = o.to_string();
            return self.check_then_send(id, o);
        }
        self.send_unchecked(id)
    }

    /// Send from window `id`, its outbox message (if any) known to be
    /// still in the outbox.
    pub(super) fn send_unchecked(&mut self, id: window::Id) -> Task<Message> {
        // The draft is saved as it is, beside the queued message.
        let save = self.save_draft(id);
        Task::batch([save, self.queue_from(id)])
    }

    fn queue_from(&mut self, id: window::Id) -> Task<Message> {
        let undo = Duration::from_secs(u64::from(self.settings().undo_send_seconds));
        let mut options = BuildOptions {
            user_agent: self.settings().user_agent,
            date: None,
        };
        let accounts = self.accounts().to_vec();
        let never_plaintext = self.settings().never_plaintext;
        let Some(Screen::Compose(c)) = self.windows.get(&id) else {
            return Task::none();
        };
        // The outbox already holds this message: it is being sent, or its
        // last attempt may have delivered it (then the window asks the
        // same question as Retry).
        let previous = c
            .outbox_id()
            .and_then(|o| self.engine.get(o))
            .or_else(|| self.engine.by_draft(c.draft_id()));
        let in_flight = previous
            .as_ref()
            .is_some_and(|m| self.sends.in_flight.contains(&m.id));
        // The message it replaces, also when this process no longer lists
        // it (another process may have sent it: the removal below says so).
        let old = previous
            .as_ref()
            .map(|m| m.id.clone())
            .or_else(|| c.outbox_id().map(str::to_string));
        let Some(Screen::Compose(c)) = self.windows.get_mut(&id) else {
            return Task::none();
        };
        let send_at = c.send_at();
        options.date = send_at;
        let Some((draft, draft_id, account)) = c.start_queueing(
            previous.as_ref().map(|m| (m, in_flight)),
            &accounts,
            never_plaintext,
        ) else {
            // "Send it again?" has the focus on Cancel (a tryout's Enter did
            // nothing, and its Tab went to an attachment's Remove).
            return if c.is_asking_resend() {
                compose::focus_field(id, compose::RESEND_NO)
            } else {
                Task::none()
            };
        };
        // Send later: at its time, not after the undo delay.
        let when = send_at.map_or(When::After(undo), When::At);
        let engine = self.engine.clone();
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    // Checked and built here, off the UI thread (it opens
                    // every attachment); written as it is read.
                    let built = draft.build(&account, &options).map_err(|problems| {
                        NotQueued::Refused(
                            problems
                                .iter()
                                .map(|p| p.localize())
                                .collect::<Vec<_>>()
                                .join("\n"),
                        )
                    })?;
                    let new = NewMessage {
                        account: account.id.clone(),
                        message: built,
                        draft: Some(draft_id),
                        draft_digest: Some(draft.digest()),
                        subject: draft.subject.clone(),
                        when,
                    };
                    // The new version replaces the one that failed.
                    // Sent meanwhile (by another process): never again.
                    if let Some(old) = old {
                        match engine.remove(&old) {
                            Ok(_) | Err(OutboxError::NotFound) => {}
                            Err(OutboxError::AlreadySent) => {
                                return Err(NotQueued::AlreadySent(old));
                            }
                            Err(e) => return Err(NotQueued::Refused(e.localize())),
                        }
                    }
                    engine
                        .queue(new)
                        .map_err(|e| NotQueued::Refused(e.localize()))
                })
                .await
                .unwrap_or_else(|e| Err(NotQueued::Refused(e.to_string())))
            },
            move |r| Message::Queued(id, r),
        )
    }

    /// The message of window `id` is in the outbox (or could not be put
    /// there).
    pub(super) fn queued(
        &mut self,
        id: window::Id,
        result: Result<String, NotQueued>,
    ) -> Task<Message> {
        let result = match result {
            Ok(o) => Ok(o),
            Err(NotQueued::Refused(reason)) => Err(reason),
            Err(NotQueued::AlreadySent(old)) => return self.sent_elsewhere(id, &old),
        };
        let entry = result.as_ref().ok().and_then(|o| self.engine.get(o));
        // Sent later: the window closes, and the toast says when it goes.
        if let Some(m) = &entry
            && let State::Scheduled { at } = m.sidecar.state
        {
            self.notice(t!(
                "main-closed-scheduled",
                subject = crate::ui::main_window::subject_or_none(&m.sidecar.subject),
                time = crate::report::outbox::local_time(at)
            ));
            self.relist();
            return Task::batch([window::close(id), self.run_due()]);
        }
        if let Some(Screen::Compose(c)) = self.windows.get_mut(&id) {
            match (&result, &entry) {
                (Ok(outbox_id), Some(m)) => {
                    // What the window showed at Send is safe in the outbox
                    // now; what was typed while it was being queued is not
                    // (a tryout typed within 0.1 s of Ctrl+Enter).
                    let held = match m.sidecar.state {
                        State::Held { until } => Some(until),
                        _ => None,
                    };
                    c.queued(outbox_id.clone(), held, m.sidecar.eml_size);
                    self.sends.watched.insert(outbox_id.clone());
                }
                (Err(reason), _) => c.not_queued(Some(reason.clone())),
                (Ok(_), None) => c.not_queued(None),
            }
        }
        self.relist();
        // Typed into (or Esc) while it was being queued: taken back at
        // once, as any edit in the undo delay is, so what goes out is what
        // is shown.
        let typed_meanwhile = matches!(
            self.windows.get(&id),
            Some(Screen::Compose(c)) if c.to_take_back()
        );
        if typed_meanwhile {
            return self.undo(id);
        }
        // Ctrl+W while it was being queued: closed now, with the toast
        // that says it waits in the outbox.
        let close = match self.windows.get_mut(&id) {
            Some(Screen::Compose(c)) => c.closes_once_queued(),
            _ => false,
        };
        let close = if close {
            self.close_compose(id)
        } else {
            Task::none()
        };
        Task::batch([close, self.run_due()])
    }

    /// The failed message of window `id` was edited: it leaves the outbox
    /// (off the UI thread), so no retry sends the older text; the window
    /// is its draft again. A message that may have been sent stays (its
    /// retry asks first, and a delivery keeps the newer text as a draft).
    pub(super) fn withdraw(&mut self, id: window::Id) -> Task<Message> {
        let failed = match self.windows.get(&id) {
            Some(Screen::Compose(c)) => {
                c.outbox_id()
                    .and_then(|o| self.engine.get(o))
                    .is_some_and(|m| {
                        matches!(m.sidecar.state, State::Failed | State::Scheduled { .. })
                    })
            }
            _ => false,
        };
        if !failed {
            return Task::none();
        }
        self.on_windows_message(
            id,
            |engine, o| engine.remove(o).map(|_| ()),
            Message::Withdrawn,
        )
    }

    /// The withdrawal of window `id`'s message finished.
    pub(super) fn withdrawn(
        &mut self,
        id: window::Id,
        result: Result<(), String>,
    ) -> Task<Message> {
        self.left_outbox(id, result, || t!("compose-withdrawn"))
    }

    /// Window `id`'s message left the outbox (taken back or withdrawn),
    /// saying `done`, or could not.
    fn left_outbox(
        &mut self,
        id: window::Id,
        result: Result<(), String>,
        done: fn() -> String,
    ) -> Task<Message> {
        if let Some(Screen::Compose(c)) = self.windows.get_mut(&id) {
            c.left_outbox(result, done);
        }
        self.refresh()
    }

    /// Undo: takes the held message of window `id` back into its draft
    /// (off the UI thread; [`App::taken_back`] shows the result).
    pub(super) fn undo(&mut self, id: window::Id) -> Task<Message> {
        self.on_windows_message(
            id,
            |engine, o| engine.take_back(o).map(|_| ()),
            Message::TakenBack,
        )
    }

    /// Runs `work` on the outbox message that window `id` holds, off the
    /// UI thread, and gives its result to `done`; nothing when the window
    /// holds none.
    fn on_windows_message(
        &mut self,
        id: window::Id,
        work: fn(&crate::outbox::Outbox, &str) -> Result<(), OutboxError>,
        done: fn(window::Id, Result<(), String>) -> Message,
    ) -> Task<Message> {
        let Some(Screen::Compose(c)) = self.windows.get_mut(&id) else {
            return Task::none();
        };
        let Some(outbox_id) = c.outbox_id().map(str::to_string) else {
            return Task::none();
        };
        // Once: a second request while the first runs would fail.
        if !c.begin_leaving_outbox() {
            return Task::none();
        }
        let engine = self.engine.clone();
        off_the_ui_thread(move || work(&engine, &outbox_id), move |r| done(id, r))
    }

    /// The undo of window `id` finished.
    pub(super) fn taken_back(
        &mut self,
        id: window::Id,
        result: Result<(), String>,
    ) -> Task<Message> {
        self.left_outbox(id, result, || t!("compose-undone"))
    }

    /// At start: each message a run that ended still held for its undo
    /// delay gets the delay back and opens in its window, counting down
    /// with Undo, so nothing goes out that the person could no longer
    /// stop (blocking: called before the first window, as the outbox is
    /// read then too).
    pub fn resume_holds(&mut self) -> Task<Message> {
        // Undo send turned off since: still a few seconds to see it.
        let delay = u64::from(self.settings().undo_send_seconds).max(5);
        let held = self.engine.resume_holds(self.engine.now() + delay);
        let opens: Vec<Task<Message>> = held
            .into_iter()
            .filter_map(|m| {
                let draft = m.sidecar.draft.clone()?;
                Some(self.open_draft(draft, None, Some(m.id)))
            })
            .collect();
        if !opens.is_empty() {
            self.notice(t!("main-holds-resumed", count = opens.len()));
        }
        Task::batch(opens)
    }

    /// Starts the engine on every message due now that this process is not
    /// already sending.
    pub fn run_due(&mut self) -> Task<Message> {
        let due: Vec<String> = self
            .engine
            .due(self.engine.now())
            .into_iter()
            .filter(|id| !self.sends.in_flight.contains(id))
            .collect();
        if due.is_empty() {
            return Task::none();
        }
        self.sends.in_flight.extend(due.iter().cloned());
        let events = self.engine.send(
            due,
            self.accounts().to_vec(),
            self.settings().clone(),
            self.env.clone(),
        );
        Task::run(events, Message::Outbox)
    }

    /// Retry from the main window (which asked first when the message may
    /// have been sent): made due off the UI thread, then sent.
    pub(super) fn retry(&mut self, id: String) -> Task<Message> {
        if self.sends.in_flight.contains(&id) {
            return Task::none();
        }
        let engine = self.engine.clone();
        off_the_ui_thread(move || engine.retry(&id, true), Message::RetryReady)
    }

    /// "Send now" on a scheduled message: made due off the UI thread,
    /// then sent (the engine's rule refuses one no longer scheduled).
    pub(super) fn send_now(&mut self, id: String) -> Task<Message> {
        let engine = self.engine.clone();
        off_the_ui_thread(move || engine.send_now(&id), Message::RetryReady)
    }

    /// A retry was made due (or refused).
    pub(super) fn retry_ready(&mut self, result: Result<(), String>) -> Task<Message> {
        if let Err(e) = result {
            self.notice(e);
        }
        self.relist();
        self.run_due()
    }

    /// What the engine reports.
    pub(super) fn outbox_event(&mut self, event: Event) -> Task<Message> {
        match event {
            Event::Started { id, total } => {
                self.for_message(&id, |c| c.send_started(total));
                Task::none()
            }
            Event::Progress { id, bytes } => {
                self.for_message(&id, |c| c.send_progress(bytes));
                Task::none()
            }
            Event::Transcript(_) => Task::none(),
            // Each send opened a connection and recorded what it saw.
            Event::Finished { id, outcome } => {
                Task::batch([self.finished(id, outcome), self.read_checks()])
            }
        }
    }

    fn finished(&mut self, id: String, outcome: Outcome) -> Task<Message> {
        self.sends.in_flight.remove(&id);
        // A sent message has left the engine, and at a start the list may
        // not be drawn yet: its outcome names it (tryout 10's "(no
        // subject)" after a restart).
        let subject = match &outcome {
            Outcome::Sent { subject, .. } => Some(subject.clone()),
            _ => None,
        }
        .or_else(|| self.engine.get(&id).map(|m| m.sidecar.subject))
        .or_else(|| self.sending_subject(&id))
        .unwrap_or_default();
        let task = match outcome {
            Outcome::Sent {
                delivery,
                late_by,
                draft,
                draft_kept,
                ..
            } => {
                // One recipient named, the rest counted (D13), in Unicode
                // (D18).
                let first = delivery
                    .accepted
                    .first()
                    .map(|a| crate::report::safe_line(&crate::address::display_form(a)))
                    .unwrap_or_default();
                let shown_subject = if subject.trim().is_empty() {
                    t!("main-no-subject")
                } else {
                    crate::report::safe_line(&subject)
                };
                let mut notice = t!(
                    "main-sent",
                    subject = shown_subject,
                    first = first,
                    others = delivery.accepted.len().saturating_sub(1)
                );
                if let Some(late) = late_by {
                    notice = format!("{notice} {}", t!("send-went-late", minutes = late / 60));
                }
                if draft_kept {
                    notice = format!("{notice} {}", t!("main-sent-draft-kept"));
                }
                self.notice(notice);
                // A window still holding this message is done: it closes,
                // so it can never send the message a second time.
                // Notified unless a window showed it going out (a message
                // retried in the background is news even with its window
                // open).
                let watched = self.sends.watched.remove(&id);
                // A window edited since its message was queued keeps the
                // newer text as a draft of its own, never closed on it.
                let mut kept = Vec::new();
                for (wid, screen) in self.windows.iter_mut() {
                    if let Screen::Compose(c) = screen
                        && c.keep_newer_than(&id)
                    {
                        kept.push(*wid);
                    }
                }
                let held: Vec<window::Id> = self
                    .for_message_of(&id, draft, compose::State::delivered)
                    .into_iter()
                    .filter(|w| !kept.contains(w))
                    .collect();
                let saves: Vec<Task<Message>> =
                    kept.into_iter().map(|w| self.save_draft(w)).collect();
                let shown = watched && !held.is_empty();
                let close: Vec<Task<Message>> = held.into_iter().map(window::close).collect();
                let store = self.store.clone();
                let accepted = delivery.accepted.clone();
                let remember = Task::perform(
                    async move {
                        let _ = tokio::task::spawn_blocking(move || {
                            store.remember_addresses(&accepted)
                        })
                        .await;
                    },
                    |()| Message::AddressesChanged,
                );
                let notify = if shown {
                    Task::none()
                } else {
                    self.notify(t!("notify-sent"), &subject)
                };
                Task::batch(close.into_iter().chain(saves).chain([remember, notify]))
            }
            Outcome::Failed(failure) => {
                self.sends.watched.remove(&id);
                let next_try = self.engine.get(&id).and_then(|m| m.sidecar.next_try);
                let windows = self.for_message(&id, |c| c.send_failed_with(&failure, next_try));
                let refocus = self.refocus(windows);
                // Not "not sent" when it may have been (a tryout's peer had
                // stored the message the notification said was not sent).
                let title = if failure.may_have_been_sent() {
                    t!("notify-maybe-sent")
                } else {
                    t!("notify-failed")
                };
                Task::batch([refocus, self.notify(title, &subject)])
            }
            Outcome::Unsaved(reason) => {
                let windows = self.for_message(&id, |c| c.send_failed(reason.clone()));
                Task::batch([
                    self.refocus(windows),
                    self.notify(t!("notify-failed"), &subject),
                ])
            }
            Outcome::Skipped => {
                self.for_message(&id, compose::State::send_skipped);
                Task::none()
            }
        };
        Task::batch([task, self.refresh()])
    }

    fn sending_subject(&self, id: &str) -> Option<String> {
        self.windows.values().find_map(|s| match s {
            Screen::Compose(c) if c.outbox_id() == Some(id) => Some(c.draft().subject.clone()),
            _ => None,
        })
    }

    /// Applies `f` to every compose window holding outbox message `id`
    /// (by its outbox id, or by the draft it came from).
    fn for_message(&mut self, id: &str, f: impl FnMut(&mut compose::State)) -> Vec<window::Id> {
        let draft = self.engine.get(id).and_then(|m| m.sidecar.draft);
        self.for_message_of(id, draft, f)
    }

    /// The cursor back in the field typed in last, in each window of
    /// `windows` (a send that failed gives the text back to be edited;
    /// tryout 10 found the focus nowhere).
    fn refocus(&self, windows: Vec<window::Id>) -> Task<Message> {
        Task::batch(
            windows
                .into_iter()
                .filter_map(|w| match self.windows.get(&w) {
                    Some(Screen::Compose(c)) => {
                        Some(compose::focus_field(w, c.field_to_return_to()))
                    }
                    _ => None,
                }),
        )
    }

    /// [`App::for_message`] with the draft known (a sent message has left
    /// the outbox). Returns the windows.
    fn for_message_of(
        &mut self,
        id: &str,
        draft: Option<String>,
        mut f: impl FnMut(&mut compose::State),
    ) -> Vec<window::Id> {
        let mut held = Vec::new();
        for (wid, screen) in self.windows.iter_mut() {
            if let Screen::Compose(c) = screen
                && c.holds(id, draft.as_deref())
            {
                f(c);
                held.push(*wid);
            }
        }
        held
    }
}

/// Runs the engine's file work `work` on a blocking thread and gives its
/// result, translated, to `done`.
fn off_the_ui_thread<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, OutboxError> + Send + 'static,
    done: impl Fn(Result<T, String>) -> Message + Send + 'static,
) -> Task<Message> {
    Task::perform(
        async move {
            tokio::task::spawn_blocking(move || work().map_err(|e| e.localize()))
                .await
                .unwrap_or_else(|e| Err(e.to_string()))
        },
        done,
    )
}
