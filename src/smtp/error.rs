//! Every way a submission can fail, for the UI to translate: each variant
//! says what happened and carries what the person needs to act on it.

use serde::{Deserialize, Serialize};

use crate::account::Security;

/// The phase a deadline ran out in (RFC 5321 §4.5.3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// TCP connect.
    Connect,
    /// TLS handshake.
    Tls,
    /// Waiting for the server's 220 greeting.
    Greeting,
    /// Waiting for the reply to a command (EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, QUIT).
    Command,
    /// Sending the message: no byte moved for the idle limit.
    Data,
    /// Waiting for the reply after the final `.`.
    FinalReply,
}

/// A certificate problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CertProblem {
    /// Its validity period ended.
    Expired,
    /// Its validity period has not begun (or the computer's clock is wrong).
    NotYetValid,
    /// It names the address being connected to as a DNS name, not as an
    /// IP address, so it is not valid for it.
    IpAsDnsName {
        /// The address.
        address: String,
    },
    /// It is not meant for a server (its extended key usage lacks
    /// serverAuth).
    WrongPurpose,
    /// Its key or signature uses an algorithm too weak or not supported
    /// (SHA-1, RSA under 2048 bits, …).
    WeakAlgorithm,
    /// Its issuer revoked it.
    Revoked,
    /// Not signed by a trusted authority.
    UnknownIssuer,
    /// Valid, but not for the host name; the names it is valid for.
    WrongName {
        /// DNS names and IP addresses in the certificate.
        names: Vec<String>,
    },
    /// The account pins a certificate and the server presented another.
    PinnedChanged {
        /// SHA-256 fingerprint of the presented certificate.
        presented: String,
        /// SHA-256 fingerprint of the pinned one.
        pinned: String,
    },
    /// The server presents a CA certificate as its own (a self-signed
    /// certificate marked `CA:TRUE` given as an extra CA): pin it instead.
    CaAsServer,
    /// Anything else the verifier refused: the kind's name only.
    Other(String),
}

/// Why a submission failed. No variant holds a password.
/// Serialisable: an outbox sidecar keeps the failure itself (never a
/// translated sentence), and the UI translates it when it is shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SmtpError {
    /// The host name did not resolve.
    #[error("cannot resolve {host}: {detail}")]
    Dns {
        /// The host.
        host: String,
        /// The resolver's message.
        detail: String,
    },
    /// Nothing listens on that port.
    #[error("connection refused by {host}:{port}")]
    ConnectionRefused {
        /// The host.
        host: String,
        /// The port.
        port: u16,
    },
    /// Another network failure (unreachable, reset, …).
    #[error("network error: {detail}")]
    Network {
        /// What kind of failure, for a sentence in the person's language
        /// (sidecars written before it was kept read as `Other`).
        #[serde(default)]
        kind: NetworkKind,
        /// The operating system's message (English), for `Other`.
        detail: String,
    },
    /// A deadline passed.
    #[error("timed out ({phase:?}) after {seconds} s")]
    Timeout {
        /// Where.
        phase: Phase,
        /// The deadline, in seconds.
        seconds: u64,
    },
    /// The port speaks another TLS mode than the account's setting.
    #[error("the server speaks {suggested:?} on this port")]
    TlsModeMismatch {
        /// The account's setting.
        configured: Security,
        /// The setting that matches the server.
        suggested: Security,
    },
    /// The certificate was refused; the handshake ended before any
    /// credential or message byte was sent.
    #[error("certificate refused: {problem:?}")]
    Certificate {
        /// What is wrong.
        problem: CertProblem,
        /// Subject of the presented certificate, when one was seen.
        subject: Option<String>,
        /// The presented certificate (PEM), for offering to pin it when an
        /// account is set up (RFC 8314 §5.4).
        presented_pem: Option<String>,
    },
    /// The server offers only TLS older than 1.2 (RFC 8996).
    #[error("the server only offers TLS older than 1.2")]
    ProtocolTooOld,
    /// Another TLS failure.
    #[error("TLS failure: {detail}")]
    Tls {
        /// rustls's message.
        detail: String,
    },
    /// The server's EHLO reply has no STARTTLS.
    #[error("STARTTLS is not offered")]
    StartTlsNotOffered,
    /// The server answered STARTTLS with something other than 220.
    #[error("STARTTLS refused: {code} {text}")]
    StartTlsRefused {
        /// Reply code.
        code: u16,
        /// Reply text.
        text: String,
    },
    /// Bytes followed the 220 reply to STARTTLS before the handshake: a
    /// command injection attempt (CVE-2011-0411 class). Nothing was sent.
    #[error("data injected after STARTTLS")]
    StartTlsInjection,
    /// The server closed or garbled the dialogue.
    #[error("protocol error: {detail}")]
    Protocol {
        /// What was wrong.
        detail: String,
    },
    /// A reply line longer than Koperta accepts (RFC 5321 §4.5.3.1.5
    /// allows 512 octets): the session ended.
    #[error("a reply line from the server is longer than {limit} bytes")]
    ReplyLineTooLong {
        /// The limit, in bytes.
        limit: usize,
    },
    /// A multi-line reply larger than Koperta accepts: the session ended.
    #[error("a reply from the server is larger than {limit} bytes")]
    ReplyTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The account is plaintext and "never plaintext" is on.
    #[error("plaintext is not allowed")]
    PlaintextForbidden,
    /// The server refused the credentials.
    #[error("authentication failed: {code} {text}")]
    AuthFailed {
        /// Reply code.
        code: u16,
        /// Reply text.
        text: String,
    },
    /// No mechanism both sides support (Koperta speaks PLAIN and LOGIN).
    #[error("no usable authentication mechanism (server offers: {offered})")]
    NoAuthMechanism {
        /// What the server listed after TLS.
        offered: String,
    },
    /// The server refused the envelope's sender (a 5xx reply to MAIL FROM,
    /// RFC 5321 §3.3): often an address the account may not send from
    /// (an identity). Nothing was sent.
    #[error("sender {address} refused: {code} {text}")]
    SenderRefused {
        /// The MAIL FROM address.
        address: String,
        /// Reply code.
        code: u16,
        /// Reply text.
        text: String,
    },
    /// Some recipients were refused; nothing was sent to anyone.
    #[error("recipients refused")]
    RecipientsRefused {
        /// Each refused address with the server's code and text.
        refused: Vec<(String, u16, String)>,
    },
    /// The message is larger than the server's SIZE limit (RFC 1870).
    #[error("message of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// The message, in bytes.
        size: u64,
        /// The server's limit, in bytes.
        limit: u64,
    },
    /// An address needs SMTPUTF8 and the server lacks it (RFC 6531).
    #[error("{address} needs SMTPUTF8, which the server does not offer")]
    SmtpUtf8Needed {
        /// The address.
        address: String,
    },
    /// A 4xx reply: try again later.
    #[error("temporary failure: {code} {text}")]
    Transient {
        /// Reply code.
        code: u16,
        /// Reply text.
        text: String,
    },
    /// A 5xx reply.
    #[error("permanent failure: {code} {text}")]
    Permanent {
        /// Reply code.
        code: u16,
        /// Reply text.
        text: String,
    },
    /// The connection was lost after the final `.` and before the reply:
    /// the message may have been sent.
    #[error("outcome unknown: the message may have been sent")]
    OutcomeUnknown,
    /// The final `.` was written but the server stopped reading before it:
    /// `unacknowledged` bytes were never acknowledged, so the server cannot
    /// have accepted the message. Nothing was delivered.
    #[error("the server stopped reading; {unacknowledged} bytes never acknowledged")]
    NotDelivered {
        /// Bytes the kernel still held, unacknowledged by the server.
        unacknowledged: u64,
    },
    /// The attempt could not be recorded in the outbox before the message
    /// would have gone (a full disk, …): nothing was sent.
    #[error("the attempt could not be recorded: {reason}")]
    NotRecorded {
        /// Why, in the person's language.
        reason: String,
    },
    /// The message could not be read to its end while it was going out
    /// (its file was cut, changed or became unreadable): the server was
    /// never given the final `.`, so nothing was delivered.
    #[error("the message could not be read to its end: {reason}")]
    Abandoned {
        /// Why, in the person's language or as the system said it.
        reason: String,
    },
    /// The password could not be read.
    #[error("keyring: {0}")]
    Keyring(#[from] crate::secrets::SecretsError),
}

/// The kinds of network failure the window names in the person's
/// language (the operating system's own text is English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NetworkKind {
    /// The connection was reset or aborted (by the server or on the way).
    Reset,
    /// The connection was closed when more was expected (broken pipe,
    /// end of stream, not connected).
    Closed,
    /// No route to the server's host.
    HostUnreachable,
    /// No network reachable at all.
    NetworkUnreachable,
    /// None of the server's addresses could be connected to.
    NoAddress,
    /// Anything else: the operating system's text is shown.
    #[default]
    Other,
}

impl NetworkKind {
    /// The kind of an I/O error.
    pub fn of(e: &std::io::Error) -> NetworkKind {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::ConnectionReset | K::ConnectionAborted => NetworkKind::Reset,
            K::BrokenPipe | K::UnexpectedEof | K::NotConnected => NetworkKind::Closed,
            K::HostUnreachable => NetworkKind::HostUnreachable,
            K::NetworkUnreachable | K::NetworkDown => NetworkKind::NetworkUnreachable,
            K::AddrNotAvailable => NetworkKind::NoAddress,
            _ => NetworkKind::Other,
        }
    }

    /// The kind of the first I/O error in `e`'s chain of sources (lettre
    /// wraps the socket's error), `Other` when there is none.
    pub fn within(e: &(dyn std::error::Error + 'static)) -> NetworkKind {
        let mut at = Some(e);
        while let Some(e) = at {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                return NetworkKind::of(io);
            }
            at = e.source();
        }
        NetworkKind::Other
    }
}

impl SmtpError {
    /// A network failure from an I/O error: its kind and its text.
    pub fn network(e: &std::io::Error) -> SmtpError {
        SmtpError::Network {
            kind: NetworkKind::of(e),
            detail: e.to_string(),
        }
    }

    /// Whether trying again later may work on its own (4xx, timeouts,
    /// network failures) — the outbox retries these by itself.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            SmtpError::Transient { .. }
                | SmtpError::NotDelivered { .. }
                | SmtpError::Timeout { .. }
                | SmtpError::Network { .. }
                | SmtpError::Dns { .. }
                | SmtpError::ConnectionRefused { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Kept {
        error: SmtpError,
    }

    /// Sidecars written before the kind was kept still read: their
    /// network failures are `Other`, shown with the system's text.
    #[test]
    fn a_network_failure_kept_without_its_kind_reads_as_other() {
        let old = "[error.network]\ndetail = \"Connection reset by peer (os error 104)\"\n";
        let kept: Kept = toml::from_str(old).expect("old sidecar");
        assert_eq!(
            kept.error,
            SmtpError::Network {
                kind: NetworkKind::Other,
                detail: "Connection reset by peer (os error 104)".into()
            }
        );
        let new = SmtpError::network(&std::io::ErrorKind::ConnectionReset.into());
        let written = toml::to_string(&Kept { error: new.clone() }).expect("write");
        assert!(written.contains("kind = \"reset\""), "{written}");
        assert_eq!(toml::from_str::<Kept>(&written).expect("read").error, new);
    }

    /// lettre wraps the socket's error; its kind is found underneath.
    #[test]
    fn the_kind_is_found_under_wrapping_errors() {
        #[derive(Debug, thiserror::Error)]
        #[error("network error")]
        struct Wrapper(#[source] std::io::Error);
        let wrapped = Wrapper(std::io::ErrorKind::BrokenPipe.into());
        assert_eq!(NetworkKind::within(&wrapped), NetworkKind::Closed);
        assert_eq!(
            NetworkKind::of(&std::io::ErrorKind::HostUnreachable.into()),
            NetworkKind::HostUnreachable
        );
    }
}

/// The detail strings that Koperta's own code writes into [`SmtpError`]
/// (not a server's or a library's words). They stay English in outbox
/// sidecars, which keep the failure rather than a sentence; the report
/// recognises each and says it in the person's language.
pub mod detail {
    /// The name exists in no DNS answer.
    pub const NO_ADDRESS: &str = "no address";
    /// The connection ended before a reply was complete.
    pub const CLOSED: &str = "the server closed the connection";
    /// The connection ended during the TLS handshake.
    pub const TLS_CLOSED: &str = "the server closed the connection during the TLS handshake";
    /// An account's pinned certificate holds no PEM certificate.
    pub const PIN_NOT_PEM: &str = "the pinned certificate is not PEM";
    /// Before the line that was not an SMTP reply.
    pub const NOT_SMTP: &str = "not an SMTP reply: ";
    /// Before the code and text of a refused EHLO.
    pub const EHLO_REFUSED: &str = "EHLO refused: ";
    /// After a host name that cannot be a TLS server name.
    pub const BAD_SERVER_NAME: &str = " is not a valid TLS server name";
    /// Before an address lettre cannot write into MAIL FROM or RCPT TO.
    pub const ADDRESS_UNSUPPORTED: &str = "address not supported: ";
}
