//! Ctrl+C (SIGINT) and SIGTERM during `koperta send`. The message is on
//! disk in the outbox before the first byte is sent, so a person who
//! stopped the command would otherwise find it sent anyway by the next
//! `outbox run` or the running app (tryout 13). A stop before the
//! message's final `.` takes it out of the outbox and says so; after it,
//! it may have been sent, and it is kept and said to be.

use super::*;
use crate::outbox::Outbox;

/// The signals listened for, registered before the message is queued (so
/// a stop during queueing is seen too), with the runtime they belong to.
pub(super) struct Stop {
    /// The runtime the send runs on.
    pub rt: tokio::runtime::Runtime,
    /// The signals caught.
    pub signals: Signals,
}

/// SIGINT and SIGTERM, caught.
pub(super) struct Signals {
    #[cfg(unix)]
    caught: Vec<tokio::signal::unix::Signal>,
}

impl Stop {
    /// A runtime with SIGINT and SIGTERM caught from now on.
    ///
    /// Errors: the runtime cannot be made (a translated network error).
    pub fn listen() -> Result<Stop, Failure> {
        let rt = runtime()?;
        #[cfg(unix)]
        let signals = {
            use tokio::signal::unix::{SignalKind, signal};
            let _in = rt.enter();
            [SignalKind::interrupt(), SignalKind::terminate()]
                .into_iter()
                .filter_map(|kind| signal(kind).ok())
                .collect()
        };
        Ok(Stop {
            rt,
            signals: Signals {
                #[cfg(unix)]
                caught: signals,
            },
        })
    }
}

impl Signals {
    /// Whether a stop came before now (without waiting).
    pub fn came(&mut self) -> bool {
        #[cfg(unix)]
        {
            let waker = futures::task::noop_waker();
            let mut cx = std::task::Context::from_waker(&waker);
            self.caught
                .iter_mut()
                .any(|s| s.poll_recv(&mut cx).is_ready())
        }
        #[cfg(not(unix))]
        false
    }

    /// Waits for the next stop.
    pub async fn wait(&mut self) {
        #[cfg(unix)]
        {
            if self.caught.is_empty() {
                return std::future::pending().await;
            }
            let all = self.caught.iter_mut().map(|s| Box::pin(s.recv()));
            let _ = futures::future::select_all(all).await;
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

/// After a stop: message `id` is taken out of `outbox` when nothing of it
/// was delivered, and kept when it may have been. What to say, as the
/// command's failure.
pub(super) fn after_stop(outbox: &Outbox, store: &crate::store::Store, id: &str) -> Failure {
    use crate::outbox::State;
    let state = store
        .outbox_entry(id)
        .ok()
        .flatten()
        .map(|m| m.sidecar.state);
    match state {
        // Gone from the outbox: the server accepted it before the stop.
        None => Failure(t!("send-stopped-too-late")),
        Some(State::Sending { .. } | State::MaybeSent | State::Sent { .. }) => {
            Failure(t!("send-stopped-maybe-sent", id = id))
        }
        Some(_) => match outbox.remove(id) {
            Ok(_) => Failure(t!("send-stopped-removed")),
            Err(e) => Failure(t!(
                "send-stopped-not-removed",
                id = id,
                reason = e.localize()
            )),
        },
    }
}
