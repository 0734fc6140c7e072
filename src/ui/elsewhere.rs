//! Messages that left the outbox in another process (the command line's
//! `outbox retry`, a second copy of the app on the same data): a compose
//! window still tied to one learns it, so its Send never queues a second
//! copy (tryout 11 got one from Ctrl+Enter in a window whose message the
//! command line had sent meanwhile).

use iced::{Task, window};

use super::app::{App, Message, Screen};
use super::compose;
use crate::t;

/// What became of a window's outbox message: sent (in sent/), or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Departure {
    /// It went out, from another process.
    Sent,
    /// It was taken out of the outbox unsent.
    Removed,
}

/// A compose window, its outbox message, and what became of that message
/// (`None`: still in the outbox).
pub type Found = (window::Id, String, Option<Departure>);

/// Why a compose window's message was not queued.
#[derive(Debug, Clone)]
pub enum NotQueued {
    /// Checks, the build or the outbox refused it (translated).
    Refused(String),
    /// The failed message it replaces (this outbox id) went out meanwhile,
    /// from another process: nothing new is queued.
    AlreadySent(String),
}

impl App {
    /// After the outbox was read again: the compose windows tied to a
    /// message no longer in it are looked up in sent/ off the UI thread,
    /// and [`App::departed`] tells them.
    pub(super) fn look_for_departures(&mut self) -> Task<Message> {
        let gone: Vec<(window::Id, String)> = self
            .windows
            .iter()
            .filter_map(|(w, s)| match s {
                Screen::Compose(c) if !matches!(c.sending(), compose::Sending::Queueing) => {
                    c.outbox_id().map(|o| (*w, o.to_string()))
                }
                _ => None,
            })
            .filter(|(_, o)| self.engine.get(o).is_none() && !self.sends.in_flight.contains(o))
            .collect();
        if gone.is_empty() {
            return Task::none();
        }
        self.find_out(gone, Message::Departed)
    }

    /// Send in window `id` tied to outbox message `outbox_id`: first
    /// whether the message went out meanwhile (in sent/, off the UI
    /// thread); [`App::send_checked`] goes on.
    pub(super) fn check_then_send(&mut self, id: window::Id, outbox_id: String) -> Task<Message> {
        self.find_out(vec![(id, outbox_id)], |found| {
            let (id, departure) = found
                .first()
                .map_or((None, None), |(w, o, d)| (Some((*w, o.clone())), *d));
            Message::SendChecked(id, departure)
        })
    }

    /// Looks `windows`' outbox messages up in sent/ off the UI thread.
    fn find_out(
        &self,
        windows: Vec<(window::Id, String)>,
        done: fn(Vec<Found>) -> Message,
    ) -> Task<Message> {
        let store = self.store.clone();
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    windows
                        .into_iter()
                        .map(|(w, o)| {
                            let d = if store.is_sent(&o) {
                                Some(Departure::Sent)
                            } else if store.outbox_has_files(&o) {
                                None
                            } else {
                                Some(Departure::Removed)
                            };
                            (w, o, d)
                        })
                        .collect()
                })
                .await
                .unwrap_or_default()
            },
            done,
        )
    }

    /// What became of the windows' outbox messages (`None`: still there).
    pub(super) fn departed(&mut self, found: Vec<Found>) -> Task<Message> {
        Task::batch(found.into_iter().map(|(w, o, d)| match d {
            Some(Departure::Sent) => self.sent_elsewhere(w, &o),
            Some(Departure::Removed) => self.removed_elsewhere(w, &o),
            None => Task::none(),
        }))
    }

    /// The check before a Send finished: the message went out (the window
    /// is told, nothing is queued), or the send goes on.
    pub(super) fn send_checked(
        &mut self,
        checked: Option<(window::Id, String)>,
        departure: Option<Departure>,
    ) -> Task<Message> {
        let Some((id, outbox_id)) = checked else {
            return Task::none();
        };
        match departure {
            Some(Departure::Sent) => self.sent_elsewhere(id, &outbox_id),
            Some(Departure::Removed) => {
                let told = self.removed_elsewhere(id, &outbox_id);
                Task::batch([told, self.send_unchecked(id)])
            }
            None => self.send_unchecked(id),
        }
    }

    /// Window `id`'s message `outbox_id` went out from another process.
    /// Edited since it was queued, the window keeps its text as a draft of
    /// its own and says so; otherwise it closes (nothing of it is lost:
    /// what it shows is what went) and a toast says the message was sent.
    pub(super) fn sent_elsewhere(&mut self, id: window::Id, outbox_id: &str) -> Task<Message> {
        let Some(Screen::Compose(c)) = self.windows.get_mut(&id) else {
            return Task::none();
        };
        if c.outbox_id() != Some(outbox_id) {
            return Task::none();
        }
        if c.keep_newer_than(outbox_id) {
            return Task::batch([self.save_draft(id), self.refresh()]);
        }
        c.delivered();
        let subject = crate::ui::main_window::subject_or_none(&c.draft().subject);
        self.notice(t!("main-sent-elsewhere", subject = subject));
        Task::batch([window::close(id), self.refresh()])
    }

    /// Window `id`'s message `outbox_id` was taken out of the outbox
    /// elsewhere, unsent: the window is its draft again.
    fn removed_elsewhere(&mut self, id: window::Id, outbox_id: &str) -> Task<Message> {
        if let Some(Screen::Compose(c)) = self.windows.get_mut(&id)
            && c.outbox_id() == Some(outbox_id)
        {
            c.left_outbox(Ok(()), || t!("compose-removed-elsewhere"));
        }
        Task::none()
    }
}
