//! Sending through the outbox: a message is written to `outbox/` first,
//! then submitted; accepted, it moves to `sent/`; refused or lost, it stays
//! with its reason. Nothing here knows about windows.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::account::Account;
use crate::config::Settings;
use crate::draft::Envelope;
use crate::secrets::Keyring;
use crate::smtp::session::SessionOptions;
use crate::smtp::{Delivery, Session, SmtpError, Target};
use crate::store::{Sidecar, Store};

/// The result of one attempt.
#[derive(Debug, Clone)]
pub struct Attempt {
    /// The outbox id of the message.
    pub id: String,
    /// Accepted, or why not.
    pub result: Result<Delivery, SmtpError>,
}

/// Opens an authenticated session for `account`: the password is read from
/// the keyring (off the async threads) and dropped once signed in. `tap`,
/// when given, keeps the transcript even when opening fails.
///
/// Errors: [`SmtpError::PlaintextForbidden`], [`SmtpError::Keyring`], and
/// every error of [`Session::open`].
pub async fn open(
    account: &Account,
    settings: &Settings,
    tap: Option<Arc<std::sync::Mutex<crate::smtp::transport::TapState>>>,
) -> Result<Session, SmtpError> {
    if account.security == crate::account::Security::Plaintext && settings.never_plaintext {
        return Err(SmtpError::PlaintextForbidden);
    }
    let id = account.id.clone();
    let password = tokio::task::spawn_blocking(move || Keyring::default().get(&id))
        .await
        .map_err(|e| SmtpError::Network {
            detail: e.to_string(),
        })??;
    open_with(account, &password, settings, tap).await
}

/// Opens an authenticated session for `account` with `password` in hand:
/// the account's target under the settings (never-plaintext, resolver,
/// deadlines).
///
/// Errors: every error of [`Session::open`].
async fn open_with(
    account: &Account,
    password: &crate::secrets::Password,
    settings: &Settings,
    tap: Option<Arc<std::sync::Mutex<crate::smtp::transport::TapState>>>,
) -> Result<Session, SmtpError> {
    let mut target = Target::of(account, settings.never_plaintext);
    target.resolver = settings.resolver.clone();
    let options = SessionOptions {
        deadlines: settings.deadlines.to_deadlines(),
        tap,
        ..SessionOptions::default()
    };
    Session::open(&target, &account.username, password, &options).await
}

/// Submits `eml` from `account`: reads the password from the keyring,
/// opens a session, sends, quits. `progress` counts message bytes written.
///
/// Errors: every [`SmtpError`], and [`SmtpError::Keyring`].
pub async fn submit(
    account: &Account,
    settings: &Settings,
    envelope: &Envelope,
    eml: &[u8],
    progress: Arc<AtomicU64>,
) -> Result<Delivery, SmtpError> {
    let mut session = open(account, settings, None).await?;
    let tap = session.tap();
    let watcher = {
        let progress = progress.clone();
        tokio::spawn(async move {
            loop {
                let n = tap.lock().map(|t| t.message_bytes).unwrap_or(0);
                progress.store(n, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    };
    let result = session.send(envelope, eml).await;
    watcher.abort();
    progress.store(eml.len() as u64, Ordering::Relaxed);
    session.quit().await;
    result
}

/// Puts a new message into the outbox, submits it, and files the outcome:
/// sent/ on success, the sidecar updated with the reason otherwise.
/// `describe` turns an error into the text kept in the sidecar.
///
/// Errors: only storage errors are returned as `Err`; a refused message is
/// an `Ok(Attempt)` with its error inside.
#[allow(clippy::too_many_arguments)]
pub async fn send_new(
    store: &Store,
    account: &Account,
    settings: &Settings,
    envelope: Envelope,
    eml: Vec<u8>,
    mut sidecar: Sidecar,
    progress: Arc<AtomicU64>,
    describe: impl Fn(&SmtpError) -> String,
) -> Result<Attempt, crate::store::StoreError> {
    let id = crate::store::new_id();
    sidecar.envelope = envelope.clone();
    sidecar.account = account.id.clone();
    store.outbox_put(&id, &eml, &sidecar)?;
    attempt(
        store, &id, account, settings, &eml, sidecar, progress, describe,
    )
    .await
}

/// Retries outbox message `id`.
///
/// Errors: storage errors.
pub async fn retry(
    store: &Store,
    id: &str,
    account: &Account,
    settings: &Settings,
    progress: Arc<AtomicU64>,
    describe: impl Fn(&SmtpError) -> String,
) -> Result<Attempt, crate::store::StoreError> {
    let (list, _) = store.outbox();
    let Some(entry) = list.into_iter().find(|s| s.id == id) else {
        return Err(crate::store::StoreError::Io {
            path: store.draft_dir(id),
            source: std::io::ErrorKind::NotFound.into(),
        });
    };
    let eml = std::fs::read(&entry.eml).map_err(|source| crate::store::StoreError::Io {
        path: entry.eml.clone(),
        source,
    })?;
    attempt(
        store,
        id,
        account,
        settings,
        &eml,
        entry.sidecar,
        progress,
        describe,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn attempt(
    store: &Store,
    id: &str,
    account: &Account,
    settings: &Settings,
    eml: &[u8],
    mut sidecar: Sidecar,
    progress: Arc<AtomicU64>,
    describe: impl Fn(&SmtpError) -> String,
) -> Result<Attempt, crate::store::StoreError> {
    sidecar.attempts += 1;
    let envelope = sidecar.envelope.clone();
    let result = submit(account, settings, &envelope, eml, progress).await;
    match &result {
        Ok(_) => {
            sidecar.last_error = None;
            sidecar.may_have_been_sent = false;
            store.outbox_update(id, &sidecar)?;
            store.mark_sent(id)?;
            if let Some(draft) = &sidecar.draft {
                store.delete_draft(draft)?;
            }
        }
        Err(e) => {
            sidecar.last_error = Some(describe(e));
            sidecar.transient = e.is_transient();
            sidecar.may_have_been_sent = matches!(e, SmtpError::OutcomeUnknown);
            store.outbox_update(id, &sidecar)?;
        }
    }
    Ok(Attempt {
        id: id.to_string(),
        result,
    })
}

/// What a connection test found.
#[derive(Debug, Clone)]
pub struct TestReport {
    /// The TLS session (`None` for an allowed plaintext account).
    pub tls: Option<crate::smtp::TlsInfo>,
    /// The AUTH mechanism used.
    pub mechanism: String,
    /// The SIZE limit (0 or `None`: none announced).
    pub size_limit: Option<u64>,
}

/// Connects, secures, signs in and quits, as `koperta account test`.
///
/// Errors: every [`SmtpError`].
pub async fn test_connection(
    account: &Account,
    settings: &Settings,
) -> Result<TestReport, SmtpError> {
    report_and_quit(open(account, settings, None).await?).await
}

/// The login test of an account being set up, with the password typed in
/// the form: connects, secures (credentials only after TLS with a valid
/// certificate, RFC 8314 §5.1), signs in, quits. Nothing is stored.
///
/// Errors: every [`SmtpError`] of [`Session::open`].
pub async fn test_with_password(
    account: &Account,
    password: &crate::secrets::Password,
    settings: &Settings,
    tap: Option<Arc<std::sync::Mutex<crate::smtp::transport::TapState>>>,
) -> Result<TestReport, SmtpError> {
    report_and_quit(open_with(account, password, settings, tap).await?).await
}

async fn report_and_quit(session: Session) -> Result<TestReport, SmtpError> {
    let report = TestReport {
        tls: session.tls.clone(),
        mechanism: session.mechanism.clone(),
        size_limit: session.size_limit(),
    };
    session.quit().await;
    Ok(report)
}

/// The pause before the `n`-th automatic retry of a transient failure:
/// 1, 2, 4, 8 … minutes, at most an hour.
pub fn backoff(attempts: u32) -> Duration {
    let minutes = 1u64 << attempts.saturating_sub(1).min(6);
    Duration::from_secs((minutes * 60).min(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(1), Duration::from_secs(60));
        assert_eq!(backoff(2), Duration::from_secs(120));
        assert_eq!(backoff(3), Duration::from_secs(240));
        assert_eq!(backoff(30), Duration::from_secs(3600));
    }
}
