//! The security mark beside an account: what Koperta last *observed* of
//! its server (a [`Check`]), never what the account is configured to do.

use crate::account::{Account, Security};
use crate::checks::{Check, Outcome};
use crate::smtp::TlsInfo;
use crate::t;

use super::outbox::local_time;

/// What a mark says, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// Signed in over TLS with a certificate verified by an authority.
    Verified,
    /// Signed in over TLS with the pinned certificate.
    Pinned,
    /// Not checked yet (or only with another server).
    Unchecked,
    /// The last check failed.
    Failed,
    /// No encryption at all.
    Unsafe,
}

/// A TLS session in words: "TLS 1.3, AES-256-GCM" (not rustls' names).
pub fn tls_summary(tls: &TlsInfo) -> String {
    let version = match tls.version.as_str() {
        "TLSv1_3" => "TLS 1.3".to_string(),
        "TLSv1_2" => "TLS 1.2".to_string(),
        other => other.replace('_', "."),
    };
    let suite = tls.cipher_suite.to_ascii_uppercase();
    let cipher = if suite.contains("CHACHA20_POLY1305") {
        "ChaCha20-Poly1305".to_string()
    } else if let Some(bits) = ["128", "256"]
        .into_iter()
        .find(|b| suite.contains(&format!("AES_{b}_GCM")))
    {
        format!("AES-{bits}-GCM")
    } else if suite.is_empty() {
        return version;
    } else {
        tls.cipher_suite.clone()
    };
    format!("{version}, {cipher}")
}

/// The kind of mark `account` gets from its last check.
pub fn mark_kind(account: &Account, check: Option<&Check>) -> MarkKind {
    if account.security == Security::Plaintext {
        return MarkKind::Unsafe;
    }
    match check.filter(|c| c.is_for(account)).map(|c| &c.outcome) {
        None | Some(Outcome::Plaintext) => MarkKind::Unchecked,
        Some(Outcome::Secure { tls }) if tls.pinned => MarkKind::Pinned,
        Some(Outcome::Secure { .. }) => MarkKind::Verified,
        Some(Outcome::Failed { .. }) => MarkKind::Failed,
    }
}

/// The mark in full, with when and what was seen: "verified at 14:02 (TLS
/// 1.3, AES-256-GCM, certificate from …)", "not checked yet", "check
/// failed at 14:05: …".
pub fn security_mark(account: &Account, check: Option<&Check>) -> String {
    let check = check.filter(|c| c.is_for(account));
    match (mark_kind(account, check), check.map(|c| (&c.outcome, c.at))) {
        (MarkKind::Unsafe, _) => t!("mark-unsafe"),
        (MarkKind::Verified, Some((Outcome::Secure { tls }, at))) => t!(
            "mark-verified-at",
            time = local_time(at),
            tls = tls_summary(tls),
            issuer = super::safe_line(&tls.issuer)
        ),
        (MarkKind::Pinned, Some((Outcome::Secure { tls }, at))) => t!(
            "mark-pinned-at",
            time = local_time(at),
            tls = tls_summary(tls)
        ),
        (MarkKind::Failed, Some((Outcome::Failed { error, host }, at))) => t!(
            "mark-failed-at",
            time = local_time(at),
            reason = super::smtp_error(error, host)
        ),
        _ => t!("mark-not-checked"),
    }
}

/// [`security_mark`] for an account that sends without encryption while
/// never-plaintext is on: it says nothing will be sent from it (the send
/// is refused before the undo delay, not after it).
pub fn blocked_mark(short: bool) -> String {
    if short {
        t!("mark-unsafe-blocked-short")
    } else {
        t!("mark-unsafe-blocked")
    }
}

/// The mark in a word or two, for the From picker.
pub fn short_mark(account: &Account, check: Option<&Check>) -> String {
    match mark_kind(account, check) {
        MarkKind::Unsafe => t!("mark-unsafe"),
        MarkKind::Verified => t!("mark-verified-short"),
        MarkKind::Pinned => t!("mark-pinned-short"),
        MarkKind::Unchecked => t!("mark-not-checked-short"),
        MarkKind::Failed => t!("mark-failed-short"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tls(version: &str, suite: &str) -> TlsInfo {
        TlsInfo {
            version: version.into(),
            cipher_suite: suite.into(),
            subject: String::new(),
            issuer: String::new(),
            fingerprint: String::new(),
            pinned: false,
        }
    }

    #[test]
    fn tls_sessions_are_told_in_words() {
        assert_eq!(
            tls_summary(&tls("TLSv1_3", "TLS13_AES_256_GCM_SHA384")),
            "TLS 1.3, AES-256-GCM"
        );
        assert_eq!(
            tls_summary(&tls("TLSv1_2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")),
            "TLS 1.2, AES-128-GCM"
        );
        assert_eq!(
            tls_summary(&tls("TLSv1_3", "TLS13_CHACHA20_POLY1305_SHA256")),
            "TLS 1.3, ChaCha20-Poly1305"
        );
    }
}
