//! The signals that ask a program to stop (SIGTERM at logout or shutdown,
//! SIGHUP when the session ends, SIGINT from a terminal's Ctrl+C). Their
//! default would end Koperta at once, and typing of the last second, not
//! yet autosaved, was lost (a tryout's `kill -TERM` right after typing
//! left no draft). Each is turned into [`Message::Terminate`]: the app
//! saves every draft with unsaved edits, then ends.

use futures::StreamExt;
use futures::stream::BoxStream;
use iced::{Subscription, Task, window};

use super::app::{App, Message, Screen};

impl App {
    /// A termination signal: every draft with unsaved edits is saved (as
    /// autosave saves it), then Koperta ends, whatever else is open; a
    /// message held for its undo delay is held again at the next start.
    /// A second signal ends it at once.
    pub(in crate::ui) fn terminate(&mut self) -> Task<Message> {
        if self.terminating {
            return iced::exit();
        }
        self.terminating = true;
        let unsaved: Vec<window::Id> = self
            .windows
            .iter()
            .filter_map(|(id, s)| match s {
                Screen::Compose(c) if c.autosave_due(std::time::Duration::ZERO) => Some(*id),
                _ => None,
            })
            .collect();
        let saves: Vec<Task<Message>> = unsaved.into_iter().map(|id| self.save_draft(id)).collect();
        Task::batch(saves)
            .chain(self.write_sizes(true))
            .chain(iced::exit())
    }
}

/// [`Message::Terminate`] each time SIGTERM, SIGHUP or SIGINT comes.
pub fn termination() -> Subscription<Message> {
    Subscription::run(signals)
}

#[cfg(unix)]
fn signals() -> BoxStream<'static, Message> {
    use tokio::signal::unix::{SignalKind, signal};
    futures::stream::once(async {
        [
            SignalKind::terminate(),
            SignalKind::hangup(),
            SignalKind::interrupt(),
        ]
        .into_iter()
        .filter_map(|kind| signal(kind).ok())
        .map(|s| {
            futures::stream::unfold(s, |mut s| async move {
                s.recv().await?;
                Some((Message::Terminate, s))
            })
            .boxed()
        })
        .collect::<Vec<_>>()
    })
    .flat_map(futures::stream::select_all)
    .boxed()
}

#[cfg(not(unix))]
fn signals() -> BoxStream<'static, Message> {
    futures::stream::pending().boxed()
}
