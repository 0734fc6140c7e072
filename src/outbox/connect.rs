//! Opening an account's signed-in session, and the connection test that
//! the app and `koperta account test` share.

use std::sync::Arc;

use crate::account::Account;
use crate::config::Settings;
use crate::secrets::Keyring;
use crate::smtp::session::SessionOptions;
use crate::smtp::{Session, SmtpError, Target};

/// What the program that drives the engine wires in for this run, apart
/// from the settings a person keeps in config.toml (and never stored
/// there).
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// Where host names are resolved: the system's resolver, unless the
    /// program says otherwise (`account discover --dns-server`, the
    /// wizard's test, a test lab).
    pub resolver: crate::dns::Resolver,
    /// Where what was seen of each server is recorded (`None`: nowhere).
    pub checks: Option<crate::checks::Checks>,
}

impl Environment {
    /// The system's resolver, recording checks under `data_dir`.
    pub fn recording(data_dir: &std::path::Path) -> Environment {
        Environment {
            checks: Some(crate::checks::Checks::new(data_dir)),
            ..Environment::default()
        }
    }
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
    env: &Environment,
    tap: Option<Arc<std::sync::Mutex<crate::smtp::transport::TapState>>>,
) -> Result<Session, SmtpError> {
    if account.security == crate::account::Security::Plaintext && settings.never_plaintext {
        return Err(SmtpError::PlaintextForbidden);
    }
    let id = account.id.clone();
    let password = tokio::task::spawn_blocking(move || Keyring::default().get(&id))
        .await
        .map_err(|e| SmtpError::Network {
            kind: crate::smtp::error::NetworkKind::Other,
            detail: e.to_string(),
        })??;
    open_with(account, &password, settings, env, tap).await
}

/// Opens an authenticated session for `account` with `password` in hand:
/// the account's target under the settings (never-plaintext, deadlines)
/// and the environment (resolver). What was seen (the TLS session, or the
/// error) is recorded in the environment's checks.
///
/// Errors: every error of [`Session::open`].
pub async fn open_with(
    account: &Account,
    password: &crate::secrets::Password,
    settings: &Settings,
    env: &Environment,
    tap: Option<Arc<std::sync::Mutex<crate::smtp::transport::TapState>>>,
) -> Result<Session, SmtpError> {
    let mut target = Target::of(account, settings.never_plaintext);
    target.resolver = env.resolver.clone();
    let options = SessionOptions {
        deadlines: settings.deadlines.to_deadlines(),
        tap,
        ..SessionOptions::default()
    };
    let opened = Session::open(&target, &account.username, password, &options).await;
    if let Some(checks) = &env.checks {
        use crate::checks::Outcome;
        let outcome = match &opened {
            Ok(session) => match &session.tls {
                Some(tls) => Outcome::Secure { tls: tls.clone() },
                None => Outcome::Plaintext,
            },
            Err(error) => Outcome::Failed {
                error: error.clone(),
                host: account.host.clone(),
            },
        };
        let size = opened
            .as_ref()
            .ok()
            .and_then(|s| s.size_limit())
            .filter(|l| *l > 0);
        let (checks, account) = (checks.clone(), account.clone());
        let _ =
            tokio::task::spawn_blocking(move || checks.record_with_size(&account, outcome, size))
                .await;
    }
    opened
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
    env: &Environment,
) -> Result<TestReport, SmtpError> {
    report_and_quit(open(account, settings, env, None).await?).await
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
    env: &Environment,
    tap: Option<Arc<std::sync::Mutex<crate::smtp::transport::TapState>>>,
) -> Result<TestReport, SmtpError> {
    report_and_quit(open_with(account, password, settings, env, tap).await?).await
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
