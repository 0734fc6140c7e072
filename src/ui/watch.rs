//! The outbox and sent copies watched for changes by other processes
//! (inotify on Linux, through the `notify` crate): a message queued from
//! the command line appears in Outbox at once, not at the next idle tick
//! (tryout 14 saw up to 5 s). The tick's reading again stays, for systems
//! and file systems that do not report changes.

use std::path::PathBuf;
use std::time::Duration;

use futures::StreamExt;
use futures::stream::BoxStream;
use iced::Subscription;

use super::app::Message;

/// How long a burst of changes (a file written, then renamed into place)
/// is gathered before the lists are read again.
const SETTLE: Duration = Duration::from_millis(150);

/// [`Message::StoreChanged`] after each burst of changes in `dirs`; none
/// at all where they cannot be watched.
pub fn changes(dirs: [PathBuf; 2]) -> Subscription<Message> {
    Subscription::run_with(dirs, watch)
}

fn watch(dirs: &[PathBuf; 2]) -> BoxStream<'static, Message> {
    use notify::Watcher;
    let (tx, rx) = futures::channel::mpsc::unbounded::<()>();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading a file changes nothing; every other event may.
        if event.is_ok_and(|e| !e.kind.is_access()) {
            let _ = tx.unbounded_send(());
        }
    });
    let Ok(mut watcher) = watcher else {
        return futures::stream::pending().boxed();
    };
    for dir in dirs {
        // Made now if no message was queued yet, so the first one is seen.
        let _ = std::fs::create_dir_all(dir);
        let _ = watcher.watch(dir, notify::RecursiveMode::NonRecursive);
    }
    futures::stream::unfold((rx, watcher), |(mut rx, watcher)| async move {
        rx.next().await?;
        tokio::time::sleep(SETTLE).await;
        while rx.try_recv().is_ok() {}
        Some((Message::StoreChanged, (rx, watcher)))
    })
    .boxed()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tryout 14: Outbox lagged up to 5 s behind `koperta send --later`.
    /// A message another process queues is reported as soon as its files
    /// are in place.
    #[test]
    fn a_message_queued_by_another_process_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::new(dir.path());
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let mut changes = watch(&store.shared_dirs());
            let (other, _) = crate::outbox::Outbox::open(&store);
            other
                .queue(crate::outbox::NewMessage {
                    account: crate::account::AccountId("a".into()),
                    message: crate::draft::Built::from_bytes(
                        crate::draft::Envelope {
                            mail_from: "a@example.com".into(),
                            rcpt_to: vec!["b@example.com".into()],
                            smtputf8: false,
                        },
                        b"Subject: x\r\n\r\ny\r\n".to_vec(),
                    ),
                    draft: None,
                    draft_digest: None,
                    subject: "x".into(),
                    when: crate::outbox::When::Now,
                })
                .unwrap();
            // A bound so a broken watcher fails instead of hanging.
            let seen = tokio::time::timeout(Duration::from_secs(20), changes.next()).await;
            assert!(matches!(seen, Ok(Some(Message::StoreChanged))));
        });
    }
}
