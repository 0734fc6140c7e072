//! Passwords in the OS keyring, and nowhere else.
//!
//! keyring-core with one store per platform: the Secret Service (via zbus)
//! on Linux and the BSDs, the Keychain on macOS, the Credential Manager on
//! Windows. Entries use service [`SERVICE`] and the account id as user.
//! There is no fallback to a file: when the keyring cannot be used, the
//! caller gets an error saying why and what to do.
//!
//! Every call runs on a thread of its own and is bounded (10 s by default),
//! so neither a UI thread nor a command waits on a keyring that hangs, for
//! example one showing an unlock prompt nobody answers.
//!
//! Passwords are held in [`Zeroizing`] buffers. keyring-core returns a plain
//! `String`, which is moved into a `Zeroizing` at once; copies made inside
//! the store crates and D-Bus cannot be wiped by us.

use std::sync::mpsc;
use std::time::Duration;

use zeroize::Zeroizing;

use crate::account::AccountId;

/// The keyring service name of every Koperta entry.
pub const SERVICE: &str = "koperta";

/// How long one keyring call may take before [`SecretsError::TimedOut`].
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// A password in memory: wiped when dropped, never shown by `Debug`.
///
/// Read it with [`Password::expose`] only at the call that needs it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Password(Zeroizing<String>);

impl Password {
    /// Takes ownership of `text`; it is wiped when the `Password` drops.
    pub fn new(text: String) -> Password {
        Password(Zeroizing::new(text))
    }

    /// The password's text, for the one call that sends or stores it.
    pub fn expose(&self) -> &str {
        self.0.as_str()
    }

    /// Whether the password is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

impl From<Zeroizing<String>> for Password {
    fn from(z: Zeroizing<String>) -> Password {
        Password(z)
    }
}

/// Why the keyring could not be used. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretsError {
    /// No keyring service answers (on Linux: no D-Bus session, or nothing
    /// provides `org.freedesktop.secrets`).
    #[error("no keyring service: {detail}")]
    NoService {
        /// The platform's message.
        detail: String,
    },
    /// The keyring (its default collection) is locked and could not be
    /// unlocked here.
    #[error("the keyring is locked")]
    Locked,
    /// The Secret Service has no default collection to store passwords in.
    #[error("the keyring has no default collection")]
    NoDefaultCollection,
    /// No password is stored for this account.
    #[error("no password stored for this account")]
    NoEntry,
    /// The keyring did not answer in time.
    #[error("the keyring did not answer within {seconds} s")]
    TimedOut {
        /// The bound that passed, in seconds.
        seconds: u64,
    },
    /// Any other failure of the platform's keyring.
    #[error("keyring failure: {detail}")]
    Failure {
        /// The platform's message.
        detail: String,
    },
}

/// Access to the OS keyring with a time bound on every call.
#[derive(Debug, Clone, Copy)]
pub struct Keyring {
    timeout: Duration,
}

impl Default for Keyring {
    fn default() -> Self {
        Keyring {
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

impl Keyring {
    /// A keyring whose calls give up after `timeout`.
    pub fn with_timeout(timeout: Duration) -> Keyring {
        Keyring { timeout }
    }

    /// Stores (or replaces) the password of `account`.
    ///
    /// Errors: any [`SecretsError`] but `NoEntry`.
    pub fn set(&self, account: &AccountId, password: &Password) -> Result<(), SecretsError> {
        let password = password.clone();
        self.run(account, move |entry| {
            entry.set_password(password.expose()).map_err(classify)
        })
    }

    /// Reads the password of `account`.
    ///
    /// Errors: [`SecretsError::NoEntry`] when none is stored; the others as
    /// for [`Keyring::set`].
    pub fn get(&self, account: &AccountId) -> Result<Password, SecretsError> {
        self.run(account, |entry| {
            entry.get_password().map(Password::new).map_err(classify)
        })
    }

    /// Removes the password of `account`. Returns whether one was stored.
    ///
    /// Errors: as [`Keyring::set`].
    pub fn delete(&self, account: &AccountId) -> Result<bool, SecretsError> {
        self.run(account, |entry| match entry.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring_core::Error::NoEntry) => Ok(false),
            Err(e) => Err(classify(e)),
        })
    }

    fn run<T: Send + 'static>(
        &self,
        account: &AccountId,
        op: impl FnOnce(&keyring_core::Entry) -> Result<T, SecretsError> + Send + 'static,
    ) -> Result<T, SecretsError> {
        let user = account.as_str().to_string();
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("koperta-keyring".into())
            .spawn(move || {
                let result = platform::entry(&user).and_then(|entry| op(&entry));
                let result = match result {
                    Err(SecretsError::Failure { .. }) | Err(SecretsError::Locked) => {
                        // Ask the service what state it is in, to tell the
                        // person something they can act on.
                        match platform::diagnose() {
                            Some(precise) => Err(precise),
                            None => result,
                        }
                    }
                    other => other,
                };
                let _ = tx.send(result);
            });
        if let Err(e) = spawned {
            return Err(SecretsError::Failure {
                detail: e.to_string(),
            });
        }
        match rx.recv_timeout(self.timeout) {
            Ok(result) => result,
            Err(_) => Err(SecretsError::TimedOut {
                seconds: self.timeout.as_secs(),
            }),
        }
    }
}

fn classify(e: keyring_core::Error) -> SecretsError {
    match e {
        keyring_core::Error::NoEntry => SecretsError::NoEntry,
        keyring_core::Error::NoStorageAccess(inner) => platform::classify_platform(&*inner, true),
        keyring_core::Error::PlatformFailure(inner) => platform::classify_platform(&*inner, false),
        keyring_core::Error::NoDefaultStore => SecretsError::NoService {
            detail: "no credential store".into(),
        },
        // Other variants carry no secret, but some carry retrieved bytes:
        // only the kind is kept.
        keyring_core::Error::BadEncoding(_) => SecretsError::Failure {
            detail: "stored password is not UTF-8".into(),
        },
        keyring_core::Error::BadDataFormat(_, _) => SecretsError::Failure {
            detail: "stored password has an unexpected format".into(),
        },
        other => SecretsError::Failure {
            detail: other.to_string(),
        },
    }
}

#[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
mod platform {
    use std::sync::Arc;

    use secret_service::{EncryptionType, blocking::SecretService};

    use super::{SERVICE, SecretsError};

    pub fn entry(user: &str) -> Result<keyring_core::Entry, SecretsError> {
        let store = zbus_secret_service_keyring_store::Store::new().map_err(|e| match e {
            keyring_core::Error::PlatformFailure(inner)
            | keyring_core::Error::NoStorageAccess(inner) => SecretsError::NoService {
                detail: inner.to_string(),
            },
            other => SecretsError::NoService {
                detail: other.to_string(),
            },
        })?;
        let store: Arc<keyring_core::CredentialStore> = store;
        keyring_core::Entry::new_in_store(&store, SERVICE, user).map_err(super::classify)
    }

    pub fn classify_platform(
        inner: &(dyn std::error::Error + Send + Sync + 'static),
        no_access: bool,
    ) -> SecretsError {
        match inner.downcast_ref::<secret_service::Error>() {
            Some(secret_service::Error::Unavailable) => SecretsError::NoService {
                detail: inner.to_string(),
            },
            Some(secret_service::Error::Locked)
            | Some(secret_service::Error::Prompt)
            | Some(secret_service::Error::PromptDisconnected) => SecretsError::Locked,
            Some(secret_service::Error::NoResult) => SecretsError::NoDefaultCollection,
            _ if no_access => SecretsError::Locked,
            _ => SecretsError::Failure {
                detail: inner.to_string(),
            },
        }
    }

    /// Looks at the service itself: is there a default collection, and is
    /// it unlocked? `None` when everything looks usable (the failure was
    /// something else).
    pub fn diagnose() -> Option<SecretsError> {
        let ss = match SecretService::connect(EncryptionType::Plain) {
            Ok(ss) => ss,
            Err(e) => {
                return Some(SecretsError::NoService {
                    detail: e.to_string(),
                });
            }
        };
        let collection = match ss.get_default_collection() {
            Ok(c) => c,
            Err(secret_service::Error::NoResult) => return Some(SecretsError::NoDefaultCollection),
            Err(_) => return Some(SecretsError::NoDefaultCollection),
        };
        match collection.is_locked() {
            Ok(true) => Some(SecretsError::Locked),
            Ok(false) => None,
            // The alias points at a collection that does not exist.
            Err(_) => Some(SecretsError::NoDefaultCollection),
        }
    }
}

#[cfg(target_os = "macos")]
mod platform {
    use std::sync::Arc;

    use super::{SERVICE, SecretsError};

    pub fn entry(user: &str) -> Result<keyring_core::Entry, SecretsError> {
        let store = apple_native_keyring_store::keychain::Store::new().map_err(|e| {
            SecretsError::NoService {
                detail: e.to_string(),
            }
        })?;
        let store: Arc<keyring_core::CredentialStore> = store;
        keyring_core::Entry::new_in_store(&store, SERVICE, user).map_err(super::classify)
    }

    pub fn classify_platform(
        inner: &(dyn std::error::Error + Send + Sync + 'static),
        no_access: bool,
    ) -> SecretsError {
        if no_access {
            SecretsError::Locked
        } else {
            SecretsError::Failure {
                detail: inner.to_string(),
            }
        }
    }

    pub fn diagnose() -> Option<SecretsError> {
        None
    }
}

#[cfg(target_os = "windows")]
mod platform {
    use std::sync::Arc;

    use super::{SERVICE, SecretsError};

    pub fn entry(user: &str) -> Result<keyring_core::Entry, SecretsError> {
        let store =
            windows_native_keyring_store::Store::new().map_err(|e| SecretsError::NoService {
                detail: e.to_string(),
            })?;
        let store: Arc<keyring_core::CredentialStore> = store;
        keyring_core::Entry::new_in_store(&store, SERVICE, user).map_err(super::classify)
    }

    pub fn classify_platform(
        inner: &(dyn std::error::Error + Send + Sync + 'static),
        no_access: bool,
    ) -> SecretsError {
        if no_access {
            SecretsError::Locked
        } else {
            SecretsError::Failure {
                detail: inner.to_string(),
            }
        }
    }

    pub fn diagnose() -> Option<SecretsError> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_a_password() {
        let secret = "Zażółć-gęślą-jaźń-42";
        let p = Password::new(secret.to_string());
        let shown = format!("{p:?} {:?} {:?}", Some(p.clone()), vec![p.clone()]);
        assert!(!shown.contains(secret), "{shown}");
        assert!(!shown.contains("Za"), "{shown}");
        assert_eq!(p.expose(), secret);
    }
}
