//! Every error, in the person's language: the one place where error values
//! become Fluent messages (the command line and the GUI both use it).

use crate::config::{ConfigError, PolicyError};
use crate::paths::NoHomeDir;
use crate::secrets::SecretsError;
use crate::t;

/// A value that can be told to the person in the current language.
pub trait Localize {
    /// The message in the language last chosen with [`crate::i18n::apply`].
    fn localize(&self) -> String;
}

impl Localize for ConfigError {
    fn localize(&self) -> String {
        match self {
            ConfigError::Parse {
                path,
                line,
                column,
                message,
            } => t!(
                "config-error-parse",
                path = path.display().to_string(),
                line = *line,
                column = *column,
                detail = message.as_str()
            ),
            ConfigError::NewerVersion { path, found } => t!(
                "config-error-newer",
                path = path.display().to_string(),
                found = *found
            ),
            ConfigError::DuplicateId { path, id } => t!(
                "config-error-duplicate",
                path = path.display().to_string(),
                id = id.as_str()
            ),
            ConfigError::Io { path, source } => t!(
                "config-error-io",
                path = path.display().to_string(),
                reason = source.to_string()
            ),
            ConfigError::KeptDamaged { path } => {
                t!(
                    "config-error-kept-damaged",
                    path = path.display().to_string()
                )
            }
            ConfigError::Serialize(reason) => {
                t!("config-error-serialize", reason = reason.as_str())
            }
        }
    }
}

impl Localize for SecretsError {
    fn localize(&self) -> String {
        match self {
            SecretsError::NoService { detail } => {
                t!("secrets-error-no-service", detail = detail.as_str())
            }
            SecretsError::Locked => t!("secrets-error-locked"),
            SecretsError::NoDefaultCollection => t!("secrets-error-no-default-collection"),
            SecretsError::NoEntry => t!("secrets-error-no-entry"),
            SecretsError::TimedOut { seconds } => {
                t!("secrets-error-timed-out", seconds = *seconds)
            }
            SecretsError::Failure { detail } => {
                t!("secrets-error-failure", detail = detail.as_str())
            }
        }
    }
}

impl Localize for PolicyError {
    fn localize(&self) -> String {
        match self {
            PolicyError::PlaintextForbidden => t!("account-error-plaintext-forbidden"),
        }
    }
}

impl Localize for NoHomeDir {
    fn localize(&self) -> String {
        t!("paths-error-no-home")
    }
}

/// The name of a security mode in the current language.
pub fn security_label(security: crate::account::Security) -> String {
    use crate::account::Security;
    match security {
        Security::ImplicitTls => t!("security-implicit-tls"),
        Security::StartTls => t!("security-starttls"),
        Security::Plaintext => t!("security-plaintext"),
    }
}
