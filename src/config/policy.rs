//! What the settings allow: the accounts that may be added or used.

use super::Config;
use crate::account::{Account, AccountId, Security};

/// Why an account cannot be used or added under the current settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// A plaintext account while "never plaintext" is on.
    #[error("plaintext is not allowed while never-plaintext is on")]
    PlaintextForbidden,
    /// Another account already sends as the same address through the same
    /// server and port; a second one would only make the address ambiguous.
    #[error("account {id} already sends as {address} through {host}:{port}")]
    Duplicate {
        /// The existing account.
        id: AccountId,
        /// Its address, host and port, as saved.
        address: String,
        /// The submission server's host name.
        host: String,
        /// The submission port.
        port: u16,
    },
}

impl Config {
    /// Checks `account` against the settings: with `never_plaintext` on, a
    /// plaintext account is refused (RFC 8314 §5.2: no silent or explicit
    /// downgrade while the global minimum is TLS), and so is a second
    /// account for the same address on the same host and port (addresses and
    /// host names compared case-insensitively; the account with `account`'s
    /// own id is the one being edited, not a twin).
    pub fn allows(&self, account: &Account) -> Result<(), PolicyError> {
        if self.settings.never_plaintext && account.security == Security::Plaintext {
            return Err(PolicyError::PlaintextForbidden);
        }
        if let Some(twin) = self.accounts.iter().find(|a| {
            a.id != account.id
                && a.address.eq_ignore_ascii_case(&account.address)
                && a.host.eq_ignore_ascii_case(&account.host)
                && a.port == account.port
        }) {
            return Err(PolicyError::Duplicate {
                id: twin.id.clone(),
                address: twin.address.clone(),
                host: twin.host.clone(),
                port: twin.port,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(address: &str) -> Account {
        super::super::tests::account(address)
    }

    #[test]
    fn plaintext_refused_while_never_plaintext_on() {
        let mut c = Config::default();
        let mut a = account("jan@example.com");
        a.security = Security::Plaintext;
        assert_eq!(c.allows(&a), Err(PolicyError::PlaintextForbidden));
        c.settings.never_plaintext = false;
        assert_eq!(c.allows(&a), Ok(()));
    }

    #[test]
    fn a_second_account_for_the_same_address_and_server_is_a_duplicate() {
        let mut c = Config::default();
        let first = account("jan@example.com");
        c.accounts.push(first.clone());
        // The account itself, edited, is not its own twin.
        assert_eq!(c.allows(&first), Ok(()));
        let mut again = account("JAN@example.com");
        again.host = first.host.to_uppercase();
        assert!(matches!(
            c.allows(&again),
            Err(PolicyError::Duplicate { ref id, .. }) if *id == first.id
        ));
        // Another port is another way in, not a duplicate.
        again.port = first.port + 1;
        assert_eq!(c.allows(&again), Ok(()));
    }
}
