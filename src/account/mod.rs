//! Accounts: who sends, through which submission server, and how the
//! connection is secured.

mod input;

pub use input::{AccountInput, InputProblem};

pub mod identity;
pub use identity::{Identity, IdentityProblem, Sender};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A stable, opaque account id: 32 lowercase hex digits (a random UUID).
/// It names the keyring entry (service `koperta`, user = this id) and never
/// changes when the account is edited.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccountId(pub String);

impl AccountId {
    /// A new random id.
    pub fn generate() -> AccountId {
        AccountId(uuid::Uuid::new_v4().simple().to_string())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for AccountId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// How the connection to the submission server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Security {
    /// TLS from the first byte ("submissions", port 465; RFC 8314 §3.3,
    /// the preferred mode).
    #[default]
    ImplicitTls,
    /// Plain TCP upgraded with STARTTLS before anything else (port 587;
    /// RFC 3207). Koperta requires the upgrade to succeed.
    #[serde(rename = "starttls")]
    StartTls,
    /// No encryption. Allowed only while the global "never plaintext"
    /// setting is off, and always shown as unsafe.
    Plaintext,
}

impl Security {
    /// Parses the command-line names `implicit-tls`, `starttls`, `plaintext`.
    pub fn parse(s: &str) -> Option<Security> {
        match s {
            "implicit-tls" => Some(Security::ImplicitTls),
            "starttls" => Some(Security::StartTls),
            "plaintext" => Some(Security::Plaintext),
            _ => None,
        }
    }

    /// The name used on the command line and in `config.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Security::ImplicitTls => "implicit-tls",
            Security::StartTls => "starttls",
            Security::Plaintext => "plaintext",
        }
    }

    /// The port this mode is normally offered on: 465 for implicit TLS
    /// (RFC 8314 §7.3), 587 for STARTTLS and plaintext submission (RFC 6409 §3.1).
    pub fn default_port(self) -> u16 {
        match self {
            Security::ImplicitTls => 465,
            Security::StartTls | Security::Plaintext => 587,
        }
    }
}

/// One sending account. Holds no secret: the password lives in the OS
/// keyring under this account's [`AccountId`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Account {
    /// Stable id; names the keyring entry.
    pub id: AccountId,
    /// The name shown to recipients in `From` (may be empty).
    pub name: String,
    /// The sender's address, as typed.
    pub address: String,
    /// Host name of the submission server (the MSA).
    pub host: String,
    /// TCP port of the submission server.
    pub port: u16,
    /// How the connection is secured.
    pub security: Security,
    /// The user name for SMTP AUTH (often the address).
    pub username: String,
    /// Extra trusted root certificates (PEM), added to the OS trust store
    /// for this account only.
    pub extra_ca_pem: Option<String>,
    /// A pinned server certificate (PEM): accepted only byte-identical and
    /// valid for the host name (RFC 8314 §5.4). Such an account is never
    /// shown as "verified".
    pub pinned_cert_pem: Option<String>,
    /// Text put under `-- ` when a message asks for the signature.
    pub signature: String,
    /// Send a blind copy of every message to the account's own address
    /// (Koperta does not put a copy in the server's Sent folder).
    pub bcc_self: bool,
    /// The other senders it sends as (see [`identity`]).
    pub identities: Vec<Identity>,
}

impl Default for Account {
    fn default() -> Self {
        Account {
            id: AccountId::default(),
            name: String::new(),
            address: String::new(),
            host: String::new(),
            port: Security::ImplicitTls.default_port(),
            security: Security::ImplicitTls,
            username: String::new(),
            extra_ca_pem: None,
            pinned_cert_pem: None,
            signature: String::new(),
            bcc_self: false,
            identities: Vec::new(),
        }
    }
}

impl Account {
    /// SHA-256 fingerprint of the pinned certificate (the DER bytes of its
    /// first certificate), as colon-separated uppercase hex; `None` when no
    /// certificate is pinned or the PEM holds none.
    pub fn pinned_fingerprint(&self) -> Option<String> {
        let pem = self.pinned_cert_pem.as_deref()?;
        let der = first_certificate(pem)?;
        Some(fingerprint(&der))
    }
}

/// A DER certificate as PEM (`-----BEGIN CERTIFICATE-----`, base64 in
/// lines of 64 characters, RFC 7468).
pub fn to_pem(der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str("-----END CERTIFICATE-----\n");
    out
}

/// Colon-separated uppercase hex SHA-256 of `der` (a certificate's bytes).
pub fn fingerprint(der: &[u8]) -> String {
    let digest = Sha256::digest(der);
    digest
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// The DER bytes of every `CERTIFICATE` block in `pem`, in order; blocks of
/// other kinds are skipped. Returns `None` when the text holds no certificate
/// or a block is malformed.
pub fn certificates(pem: &str) -> Option<Vec<Vec<u8>>> {
    use rustls_pki_types::CertificateDer;
    use rustls_pki_types::pem::PemObject;
    let mut out = Vec::new();
    for cert in CertificateDer::pem_slice_iter(pem.as_bytes()) {
        out.push(cert.ok()?.as_ref().to_vec());
    }
    if out.is_empty() { None } else { Some(out) }
}

/// Whether `host` can be a submission server's name: a host name or an IP
/// address literal (IPv6 in brackets), at most 253 octets, with no spaces,
/// control characters, URL pieces, or a port (`host:465`).
pub fn valid_host(host: &str) -> bool {
    // An IPv6 literal keeps its colons inside brackets; a colon anywhere
    // else is a port typed into the host name.
    let bare = host.strip_prefix('[').and_then(|h| h.strip_suffix(']'));
    let forbidden = if bare.is_some() {
        "/@?#\\[]"
    } else {
        "/@?#\\:[]"
    };
    let inner = bare.unwrap_or(host);
    !inner.is_empty()
        && host.len() <= 253
        && !inner
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || forbidden.contains(c))
}

/// A PEM file that cannot serve as an extra CA or a pinned certificate.
#[derive(Debug, thiserror::Error)]
pub enum PemFileError {
    /// The file cannot be read.
    #[error("{}: {source}", path.display())]
    Unreadable {
        /// The file.
        path: std::path::PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The file holds no `CERTIFICATE` block.
    #[error("{}: no PEM certificate", path.display())]
    NoCertificate {
        /// The file.
        path: std::path::PathBuf,
    },
}

/// Reads a PEM file holding at least one certificate and returns its text.
///
/// Errors: [`PemFileError`].
pub fn read_certificate_file(path: &std::path::Path) -> Result<String, PemFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| PemFileError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    if certificates(&text).is_none() {
        return Err(PemFileError::NoCertificate {
            path: path.to_path_buf(),
        });
    }
    Ok(text)
}

fn first_certificate(pem: &str) -> Option<Vec<u8>> {
    certificates(pem)?.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_names_round_trip() {
        for s in [
            Security::ImplicitTls,
            Security::StartTls,
            Security::Plaintext,
        ] {
            assert_eq!(Security::parse(s.as_str()), Some(s));
        }
        assert_eq!(Security::parse("tls"), None);
        assert_eq!(Security::ImplicitTls.default_port(), 465);
        assert_eq!(Security::StartTls.default_port(), 587);
    }

    #[test]
    fn account_ids_are_unique_hex() {
        let a = AccountId::generate();
        let b = AccountId::generate();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 32);
        assert!(a.as_str().chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn host_names_and_literals() {
        for ok in [
            "smtp.example.com",
            "localhost",
            "127.0.0.1",
            "[::1]",
            "zażółć.pl",
        ] {
            assert!(valid_host(ok), "{ok}");
        }
        for bad in [
            "",
            "smtp.example.com:465",
            "a b",
            "smtp://x",
            "a@b",
            "[::1",
            "x\r",
        ] {
            assert!(!valid_host(bad), "{bad}");
        }
    }

    #[test]
    fn text_without_certificate_is_rejected() {
        assert!(certificates("hello").is_none());
        assert!(certificates("").is_none());
    }
}
