//! What Koperta last observed of each account's server, so a mark beside
//! an account says what was seen ("verified at 14:02, TLS 1.3"), never what
//! is configured. Recorded when a signed-in session opens or fails to (a
//! connection test, the wizard's sign-in, a send), one small TOML file per
//! account in `checks/` of the data dir.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::account::{Account, AccountId};
use crate::smtp::{SmtpError, TlsInfo};

/// One observation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// When (Unix seconds).
    pub at: u64,
    /// The server it was made with (`host:port`, and the security): a
    /// check of another server says nothing about this one.
    pub server: String,
    /// What was seen.
    pub outcome: Outcome,
    /// The largest message the server said it takes (its EHLO `SIZE`,
    /// RFC 1870), in bytes; `None` when it named no limit or was not
    /// reached.
    #[serde(default)]
    pub size_limit: Option<u64>,
}

/// What a check saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Outcome {
    /// Signed in over TLS with a certificate accepted as the account says
    /// (the trust store, its extra CA, or its pinned certificate).
    Secure {
        /// The TLS session.
        tls: TlsInfo,
    },
    /// Signed in without encryption (an account allowed to).
    Plaintext,
    /// It failed, with this error.
    Failed {
        /// Why.
        error: SmtpError,
        /// The host it was for.
        host: String,
    },
}

/// How a check names the server it was made with.
pub fn server_of(account: &Account) -> String {
    format!(
        "{}:{} {}",
        account.host,
        account.port,
        account.security.as_str()
    )
}

impl Check {
    /// Whether this check was made with `account`'s server as it is now.
    pub fn is_for(&self, account: &Account) -> bool {
        self.server == server_of(account)
    }
}

/// Whether a check made with `old` still says something of `new`, the same
/// account edited: not when the password (`new_password`), the user name or
/// the trust (extra CA, pinned certificate) changed. A changed server is
/// seen by [`Check::is_for`] without this.
pub fn survives_edit(old: &Account, new: &Account, new_password: bool) -> bool {
    !new_password
        && old.username == new.username
        && old.extra_ca_pem == new.extra_ca_pem
        && old.pinned_cert_pem == new.pinned_cert_pem
}

/// The checks of one data directory.
#[derive(Debug, Clone)]
pub struct Checks {
    dir: PathBuf,
}

impl Checks {
    /// The checks kept under `data_dir`.
    pub fn new(data_dir: &Path) -> Checks {
        Checks {
            dir: data_dir.join("checks"),
        }
    }

    /// The directory the checks are kept in (one file per account).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, account: &AccountId) -> Option<PathBuf> {
        // Only ids Koperta makes: never a path of anyone's choosing.
        let ok = !account.0.is_empty()
            && account
                .0
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then(|| self.dir.join(format!("{}.toml", account.0)))
    }

    /// Records what was seen of `account`'s server now. A check that
    /// cannot be written is left out: it is only shown, never relied on.
    pub fn record(&self, account: &Account, outcome: Outcome) {
        self.record_with_size(account, outcome, None);
    }

    /// As [`Checks::record`], with the SIZE limit the server advertised
    /// (bytes).
    pub fn record_with_size(&self, account: &Account, outcome: Outcome, size_limit: Option<u64>) {
        let Some(path) = self.path(&account.id) else {
            return;
        };
        let check = Check {
            at: crate::outbox::now(),
            server: server_of(account),
            outcome,
            size_limit,
        };
        if let Ok(text) = toml::to_string(&check) {
            let _ = crate::fs::write_atomic(&path, text.as_bytes());
        }
    }

    /// The last check of every account that has one (unreadable files are
    /// left out: the account then shows "not checked yet").
    pub fn all(&self) -> BTreeMap<AccountId, Check> {
        let mut out = BTreeMap::new();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return out;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let Some(id) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
                continue;
            };
            let check = std::fs::read_to_string(&path)
                .ok()
                .and_then(|t| toml::from_str::<Check>(&t).ok());
            if let Some(check) = check {
                out.insert(AccountId(id), check);
            }
        }
        out
    }

    /// Forgets `account`'s check (it was removed, or its server changed).
    pub fn forget(&self, account: &AccountId) {
        if let Some(path) = self.path(account) {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_is_kept_per_account_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let checks = Checks::new(dir.path());
        let account = Account {
            id: AccountId("a1".into()),
            host: "smtp.example.com".into(),
            ..Account::default()
        };
        let a = account.id.clone();
        assert!(checks.all().is_empty());
        checks.record(
            &account,
            Outcome::Failed {
                error: SmtpError::OutcomeUnknown,
                host: "smtp.example.com".into(),
            },
        );
        let evil = Account {
            id: AccountId("../x".into()),
            ..Account::default()
        };
        checks.record(&evil, Outcome::Plaintext);
        let all = checks.all();
        assert_eq!(all.len(), 1, "no file outside checks/");
        assert!(matches!(all[&a].outcome, Outcome::Failed { .. }));
        assert!(all[&a].is_for(&account));
        let moved = Account {
            port: 2525,
            ..account.clone()
        };
        assert!(!all[&a].is_for(&moved), "another server: not checked");
        checks.forget(&a);
        assert!(checks.all().is_empty());
    }
}
