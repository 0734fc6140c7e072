//! Changes to when a held or scheduled message goes: the undo delay given
//! back after a restart, and "send now" for one scheduled for later.

use super::{Outbox, OutboxError, State, Stored};

impl Outbox {
    /// At start of a desktop session: every message still held for its
    /// undo delay by a run that ended (quit, killed, crashed) is held
    /// again until `until` (Unix seconds) at the earliest, so the person
    /// gets the undo they were promised instead of a send they cannot
    /// stop. Returns the messages held again, as the files now say.
    ///
    /// A message another process is sending, or whose files cannot be
    /// written, is left as it is (and so not returned).
    pub fn resume_holds(&self, until: u64) -> Vec<Stored> {
        let held: Vec<String> = self
            .lock()
            .entries
            .values()
            .filter(|m| matches!(m.sidecar.state, State::Held { .. }))
            .map(|m| m.id.clone())
            .collect();
        held.into_iter()
            .filter_map(|id| {
                let _lock = self.claim(&id).ok()?;
                let mut m = self.fresh(&id).ok()?;
                let State::Held { until: was } = m.sidecar.state else {
                    return None;
                };
                m.sidecar.state = State::Held {
                    until: was.max(until),
                };
                self.store.outbox_update(&id, &m.sidecar).ok()?;
                self.put_index(m.clone());
                Some(m)
            })
            .collect()
    }

    /// "Send now": scheduled message `id` falls due at once.
    ///
    /// Errors: [`OutboxError::TooLate`] when it is no longer scheduled (it
    /// is going, went, or was taken back); [`OutboxError::Busy`] while
    /// another process holds it; [`OutboxError::Store`].
    pub fn send_now(&self, id: &str) -> Result<(), OutboxError> {
        let _lock = self.claim(id)?;
        let mut m = match self.fresh(id) {
            Err(OutboxError::NotFound | OutboxError::AlreadySent) => {
                return Err(OutboxError::TooLate);
            }
            r => r?,
        };
        if !matches!(m.sidecar.state, State::Scheduled { .. }) {
            return Err(OutboxError::TooLate);
        }
        m.sidecar.state = State::Due;
        self.store.outbox_update(id, &m.sidecar)?;
        self.put_index(m);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::super::tests::message;
    use super::super::{When, now};
    use super::*;
    use crate::store::Store;

    #[test]
    fn a_hold_interrupted_by_a_restart_gets_its_undo_delay_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (before, _) = Outbox::open(&store);
        let id = before
            .queue(message(When::After(Duration::from_secs(5))))
            .unwrap();
        let due_now = before.queue(message(When::Now)).unwrap();
        drop(before);
        // The next run starts after the old delay ran out.
        let later = now() + 60;
        let (after, _) = Outbox::open(&store);
        assert_eq!(after.due(later).len(), 2, "without this, both go at once");
        let held = after.resume_holds(later + 10);
        assert_eq!(held.len(), 1);
        assert_eq!(held[0].id, id);
        assert_eq!(after.due(later), vec![due_now.clone()]);
        // Written down: a third run sees the new hold too.
        let (third, _) = Outbox::open(&store);
        assert_eq!(
            third.get(&id).map(|m| m.sidecar.state),
            Some(State::Held { until: later + 10 })
        );
        // And it can still be taken back.
        assert_eq!(after.take_back(&id).unwrap().as_deref(), Some("d1"));
    }

    #[test]
    fn send_now_makes_a_scheduled_message_due_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (outbox, _) = Outbox::open(&store);
        let id = outbox.queue(message(When::At(now() + 3600))).unwrap();
        assert!(outbox.due(now()).is_empty());
        outbox.send_now(&id).unwrap();
        assert_eq!(outbox.due(now()), vec![id.clone()]);
        assert!(matches!(outbox.send_now(&id), Err(OutboxError::TooLate)));
        assert!(matches!(
            outbox.send_now("m-none"),
            Err(OutboxError::TooLate)
        ));
    }
}
