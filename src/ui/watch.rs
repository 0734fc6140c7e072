//! The files other processes change while the app runs, watched (inotify
//! on Linux, through the `notify` crate): a message queued from the
//! command line appears in Outbox at once, not at the next idle tick
//! (tryout 14 saw up to 5 s); an account added or edited with `koperta
//! account`, a server check it recorded or dropped, a draft it removed,
//! show at once too (tryout 20 saw 4 to 8 s). The tick's looking again
//! stays, for systems and file systems that do not report changes.

use std::path::PathBuf;
use std::time::Duration;

use futures::StreamExt;
use futures::stream::BoxStream;
use iced::Subscription;

use super::app::Message;

/// How long a burst of changes (a file written, then renamed into place)
/// is gathered before the lists are read again.
const SETTLE: Duration = Duration::from_millis(150);

/// What a watched directory holds, so what must be read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Watched {
    /// `outbox/` or `sent/`.
    Outbox,
    /// `drafts/` (a draft made or removed; not edits inside one).
    Drafts,
    /// The directory of config.toml.
    Config,
    /// The recorded server checks.
    Checks,
}

/// Which kinds of files changed in one burst.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changed {
    /// The outbox or sent copies.
    pub outbox: bool,
    /// The drafts.
    pub drafts: bool,
    /// config.toml.
    pub config: bool,
    /// The server checks.
    pub checks: bool,
}

impl Changed {
    fn mark(&mut self, kind: Watched) {
        match kind {
            Watched::Outbox => self.outbox = true,
            Watched::Drafts => self.drafts = true,
            Watched::Config => self.config = true,
            Watched::Checks => self.checks = true,
        }
    }
}

/// [`Message::FilesChanged`] after each burst of changes in `dirs`; none
/// at all where they cannot be watched.
pub fn changes(dirs: Vec<(PathBuf, Watched)>) -> Subscription<Message> {
    Subscription::run_with(dirs, |dirs| watch(dirs).map(Message::FilesChanged))
}

fn watch(dirs: &[(PathBuf, Watched)]) -> BoxStream<'static, Changed> {
    use notify::Watcher;
    let (tx, rx) = futures::channel::mpsc::unbounded::<Watched>();
    let kinds = dirs.to_vec();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading a file changes nothing; every other event may.
        let Some(event) = event.ok().filter(|e| !e.kind.is_access()) else {
            return;
        };
        for (dir, kind) in &kinds {
            if event
                .paths
                .iter()
                .any(|p| p.parent() == Some(dir.as_path()))
            {
                let _ = tx.unbounded_send(*kind);
            }
        }
    });
    let Ok(mut watcher) = watcher else {
        return futures::stream::pending().boxed();
    };
    for (dir, _) in dirs {
        // Made now if nothing was written there yet, so the first file is
        // seen.
        let _ = std::fs::create_dir_all(dir);
        let _ = watcher.watch(dir, notify::RecursiveMode::NonRecursive);
    }
    futures::stream::unfold((rx, watcher), |(mut rx, watcher)| async move {
        let mut changed = Changed::default();
        changed.mark(rx.next().await?);
        tokio::time::sleep(SETTLE).await;
        while let Ok(kind) = rx.try_recv() {
            changed.mark(kind);
        }
        Some((changed, (rx, watcher)))
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
            let dirs = store.shared_dirs().map(|d| (d, Watched::Outbox));
            let mut changes = watch(&dirs);
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
            let seen = seen.ok().flatten();
            assert!(seen.is_some_and(|c| c.outbox && !c.config), "{seen:?}");
        });
    }

    /// Tryout 20: an account added with `koperta account add` showed about
    /// 8 s later; a check mark stayed 4 s after `account edit`. A change of
    /// config.toml and of a recorded check is reported as that, and only
    /// that.
    #[test]
    fn the_settings_and_the_checks_written_by_another_process_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        let checks = dir.path().join("data/checks");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let dirs = vec![
                (config.clone(), Watched::Config),
                (checks.clone(), Watched::Checks),
                (dir.path().join("data/drafts"), Watched::Drafts),
            ];
            let mut changes = watch(&dirs);
            crate::fs::write_atomic(&config.join("config.toml"), b"[settings]\n").unwrap();
            let seen = tokio::time::timeout(Duration::from_secs(20), changes.next()).await;
            let seen = seen.ok().flatten();
            assert_eq!(
                seen,
                Some(Changed {
                    config: true,
                    ..Changed::default()
                })
            );
            std::fs::remove_file(config.join("config.toml")).unwrap();
            std::fs::write(checks.join("a.toml"), b"").unwrap();
            let seen = tokio::time::timeout(Duration::from_secs(20), changes.next()).await;
            let seen = seen.ok().flatten();
            assert!(seen.is_some_and(|c| c.checks && !c.drafts), "{seen:?}");
        });
    }
}
