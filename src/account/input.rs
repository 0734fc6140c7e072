//! One validator for an account as a person typed it, used by every front
//! end: `koperta account add`, `account discover --save`, the desktop
//! form and the setup wizard.

use std::path::PathBuf;

use super::{Account, AccountId, PemFileError, Security, read_certificate_file, valid_host};

/// What a person typed for an account. Text fields are taken as typed and
/// trimmed here.
#[derive(Debug, Clone, Default)]
pub struct AccountInput {
    /// The account being edited, or `None` for a new one.
    pub id: Option<AccountId>,
    /// The name recipients see.
    pub name: String,
    /// The email address (RFC 5321/5322, no display name).
    pub address: String,
    /// The submission server's host name.
    pub host: String,
    /// The port as typed; empty: the security's default (465 or 587).
    pub port: String,
    /// How the connection is secured.
    pub security: Security,
    /// The user name; empty: the address.
    pub username: String,
    /// A PEM file with an extra CA to trust, to read now.
    pub ca_file: Option<PathBuf>,
    /// A PEM file with the server's own certificate, to pin.
    pub pin_file: Option<PathBuf>,
    /// An extra CA already held (editing, or discovery's), used when no
    /// file is given.
    pub ca_pem: Option<String>,
    /// A pinned certificate already held, used when no file is given.
    pub pinned_pem: Option<String>,
    /// The signature.
    pub signature: String,
    /// Send a blind copy to the account's own address.
    pub bcc_self: bool,
    /// The identities (kept as they are when the account is edited).
    pub identities: Vec<super::Identity>,
}

/// Why an account as typed cannot be saved.
#[derive(Debug, thiserror::Error)]
pub enum InputProblem {
    /// Not an email address (or one with a display name).
    #[error("not an email address: {0}")]
    InvalidAddress(String),
    /// Not a host name (empty, spaces, a port or a path in it).
    #[error("not a host name: {0}")]
    InvalidHost(String),
    /// Not a port number from 1 to 65535.
    #[error("not a port: {0}")]
    InvalidPort(String),
    /// Both an extra CA and a pinned certificate.
    #[error("both an extra CA and a pinned certificate")]
    PinAndCa,
    /// A PEM file that cannot be used.
    #[error(transparent)]
    Pem(#[from] PemFileError),
}

impl AccountInput {
    /// The input that gives `account` back unchanged: the start of an edit.
    /// The user name is left empty when it is the address, so a changed
    /// address changes it too.
    pub fn editing(account: &Account) -> AccountInput {
        AccountInput {
            id: Some(account.id.clone()),
            name: account.name.clone(),
            address: account.address.clone(),
            host: account.host.clone(),
            port: account.port.to_string(),
            security: account.security,
            username: if account.username == account.address {
                String::new()
            } else {
                account.username.clone()
            },
            ca_file: None,
            pin_file: None,
            ca_pem: account.extra_ca_pem.clone(),
            pinned_pem: account.pinned_cert_pem.clone(),
            signature: account.signature.clone(),
            bcc_self: account.bcc_self,
            identities: account.identities.clone(),
        }
    }

    /// Checks every field and returns the account, or the first problem.
    /// Reads the PEM files named, so call it off a UI thread.
    ///
    /// Errors: [`InputProblem`].
    pub fn validate(&self) -> Result<Account, InputProblem> {
        let address = self.address.trim().to_string();
        if !crate::address::parse_mailbox(&address).is_ok_and(|m| m.name.is_none()) {
            return Err(InputProblem::InvalidAddress(address));
        }
        let host = self.host.trim().to_string();
        if !valid_host(&host) {
            return Err(InputProblem::InvalidHost(host));
        }
        let port = match self.port.trim() {
            "" => self.security.default_port(),
            p => match p.parse::<u16>() {
                Ok(n) if n > 0 => n,
                _ => return Err(InputProblem::InvalidPort(p.to_string())),
            },
        };
        let read = |file: &Option<PathBuf>| -> Result<Option<String>, InputProblem> {
            match file {
                Some(path) if !path.as_os_str().is_empty() => {
                    Ok(Some(read_certificate_file(path)?))
                }
                _ => Ok(None),
            }
        };
        let extra_ca_pem = read(&self.ca_file)?.or_else(|| self.ca_pem.clone());
        let pinned_cert_pem = read(&self.pin_file)?.or_else(|| self.pinned_pem.clone());
        if extra_ca_pem.is_some() && pinned_cert_pem.is_some() {
            return Err(InputProblem::PinAndCa);
        }
        let username = match self.username.trim() {
            "" => address.clone(),
            u => u.to_string(),
        };
        Ok(Account {
            id: self.id.clone().unwrap_or_else(AccountId::generate),
            // One line: a line break in a name is never shown as a second
            // header-like line (tryout 13 saved "Zły\r\nBcc: …").
            name: crate::address::clean_name(&self.name),
            address,
            host,
            port,
            security: self.security,
            username,
            extra_ca_pem,
            pinned_cert_pem,
            signature: self.signature.clone(),
            bcc_self: self.bcc_self,
            identities: self.identities.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> AccountInput {
        AccountInput {
            name: " Zofia Żółkiewska ".into(),
            address: " zofia@example.com ".into(),
            host: "smtp.example.com".into(),
            security: Security::StartTls,
            ..AccountInput::default()
        }
    }

    #[test]
    fn a_line_break_in_the_name_becomes_a_space() {
        let mut i = input();
        i.name = "Zły\r\nBcc: evil@example.com".into();
        assert_eq!(i.validate().unwrap().name, "Zły Bcc: evil@example.com");
    }

    #[test]
    fn editing_input_gives_the_account_back_unchanged() {
        let mut a = input().validate().unwrap();
        assert_eq!(AccountInput::editing(&a).validate().unwrap(), a);
        a.username = "zofia".into();
        a.extra_ca_pem = Some("PEM".into());
        assert_eq!(AccountInput::editing(&a).validate().unwrap(), a);
    }

    #[test]
    fn every_front_end_gets_the_same_account_from_the_same_input() {
        let a = input().validate().unwrap();
        assert_eq!(a.name, "Zofia Żółkiewska");
        assert_eq!(a.address, "zofia@example.com");
        assert_eq!(a.port, 587, "the security's default port");
        assert_eq!(a.username, "zofia@example.com");
        let bad = |f: fn(&mut AccountInput)| {
            let mut i = input();
            f(&mut i);
            i.validate().err()
        };
        assert!(matches!(
            bad(|i| i.address = "Zofia <zofia@example.com>".into()),
            Some(InputProblem::InvalidAddress(_))
        ));
        assert!(matches!(
            bad(|i| i.host = "smtp.example.com:465".into()),
            Some(InputProblem::InvalidHost(_))
        ));
        assert!(matches!(
            bad(|i| i.port = "0".into()),
            Some(InputProblem::InvalidPort(_))
        ));
        assert!(matches!(
            bad(|i| {
                i.ca_pem = Some("x".into());
                i.pinned_pem = Some("y".into());
            }),
            Some(InputProblem::PinAndCa)
        ));
        assert!(matches!(
            bad(|i| i.ca_file = Some("/nonexistent/ca.pem".into())),
            Some(InputProblem::Pem(PemFileError::Unreadable { .. }))
        ));
    }
}
