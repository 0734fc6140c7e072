//! The app's clock: what each tick does (toasts, autosave, the outbox
//! read again, messages that fell due) and how often it comes.

use std::time::{Duration, Instant};

use iced::{Task, window};

use super::{App, Message, OUTBOX_REREAD, Screen, TOAST_FOR};
use crate::ui::watch::{Changed, Watched};

impl App {
    /// How often the clock ticks: every half second while something waits
    /// on it (a toast, an unsaved edit, an Undo countdown, a message due
    /// within [`SOON`]), else every [`IDLE_TICK`]. Each tick rebuilds and
    /// redraws every window, so an idle app with many windows open must
    /// not tick fast.
    pub fn tick_every(&self) -> Duration {
        let soon = crate::outbox::now() + SOON.as_secs();
        let waiting = self.main.has_toast()
            || self.geometry.waiting()
            || self.purge_due.is_some()
            || self.engine.next_due().is_some_and(|at| at <= soon)
            || self.windows.values().any(|s| match s {
                Screen::Compose(c) => c.waits_on_the_clock(),
                _ => false,
            });
        if waiting {
            Duration::from_millis(500)
        } else {
            IDLE_TICK
        }
    }

    /// One tick: toasts expire, discarded drafts past their Undo go, due
    /// autosaves run, the config and the outbox are looked at again, and
    /// messages that fell due are sent.
    pub(super) fn tick(&mut self) -> Task<Message> {
        // A status message is a toast: it clears itself (D13).
        self.main.expire_notice(TOAST_FOR);
        for s in self.windows.values_mut() {
            if let Screen::Compose(c) = s {
                c.expire_notice(TOAST_FOR);
            }
        }
        // Discarded drafts whose Undo is gone are removed for good.
        let purge = match self.purge_due {
            Some(at) if at <= Instant::now() => {
                // The latest discard's toast is gone, so every earlier
                // one's Undo is too.
                self.purge_due = None;
                self.purge_discarded(std::time::SystemTime::now())
            }
            _ => Task::none(),
        };
        // Autosave: at most a second of typing at risk, even while typing
        // goes on (saved once the first unsaved edit is half a second old;
        // the tick comes every half second).
        let due: Vec<window::Id> = self
            .windows
            .iter()
            .filter_map(|(id, s)| match s {
                Screen::Compose(c) if c.autosave_due(AUTOSAVE_AFTER) => Some(*id),
                _ => None,
            })
            .collect();
        let saves: Vec<Task<Message>> = due.into_iter().map(|id| self.save_draft(id)).collect();
        let config = self.look_at_config();
        // Another process may have queued or sent messages: the outbox is
        // read again now and then, off the UI thread.
        let reload = if self.outbox_read_at.elapsed() > OUTBOX_REREAD {
            self.reread_outbox()
        } else {
            Task::none()
        };
        let sends = self.run_due();
        let sizes = self.write_sizes(false);
        Task::batch(
            saves
                .into_iter()
                .chain([reload, sends, config, purge, sizes]),
        )
    }

    /// Reads the outbox again off the UI thread (another process may have
    /// queued, sent or removed messages), then the lists.
    /// The directories another process changes while the app runs, each
    /// with what it holds.
    pub(super) fn watched_dirs(&self) -> Vec<(std::path::PathBuf, Watched)> {
        let mut dirs: Vec<_> = self
            .store
            .shared_dirs()
            .into_iter()
            .map(|d| (d, Watched::Outbox))
            .collect();
        dirs.push((self.store.drafts_dir(), Watched::Drafts));
        if let Some(config_dir) = self.config.path().parent() {
            dirs.push((config_dir.to_path_buf(), Watched::Config));
        }
        let checks = crate::checks::Checks::new(&self.paths.data_dir);
        dirs.push((checks.dir().to_path_buf(), Watched::Checks));
        dirs
    }

    /// Files changed on disk: what they hold is read again now, off the UI
    /// thread.
    pub(super) fn files_changed(&mut self, changed: Changed) -> Task<Message> {
        let mut tasks = Vec::new();
        if changed.outbox {
            // Reads the checks too.
            tasks.push(self.reread_outbox());
        } else if changed.checks {
            tasks.push(self.read_checks());
        }
        if changed.drafts && !changed.outbox {
            tasks.push(self.reindex());
        }
        if changed.config {
            tasks.push(self.look_at_config_now());
        }
        Task::batch(tasks)
    }

    pub(super) fn reread_outbox(&mut self) -> Task<Message> {
        self.outbox_read_at = Instant::now();
        let engine = self.engine.clone();
        // What was seen of each server too: `koperta account test` or
        // `account edit` may have recorded or dropped a check.
        Task::perform(
            async move {
                let _ = tokio::task::spawn_blocking(move || engine.reload()).await;
            },
            |()| Message::OutboxReloaded,
        )
        .chain(self.read_checks())
    }

    /// Writes the window sizes, off the UI thread: when a resize is a
    /// second old, or, with `now`, any not written yet (the app ends).
    pub(in crate::ui) fn write_sizes(&mut self, now: bool) -> Task<Message> {
        let sizes = if now {
            self.geometry.waiting().then_some(self.geometry.sizes)
        } else {
            self.geometry.due()
        };
        let Some(sizes) = sizes else {
            return Task::none();
        };
        let data_dir = self.paths.data_dir.clone();
        Task::perform(
            async move {
                let _ = tokio::task::spawn_blocking(move || {
                    crate::ui::geometry::save(&data_dir, &sizes)
                })
                .await;
            },
            |()| Message::SizesWritten,
        )
    }
}

/// How often the clock ticks when nothing waits on it (config files and
/// the outbox are looked at again, "next try in" labels move on).
const IDLE_TICK: Duration = Duration::from_secs(5);

/// How close a message's time must be for the clock to tick fast.
const SOON: Duration = Duration::from_secs(10);

/// How old the first unsaved edit of a draft may get before it is saved.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(500);
