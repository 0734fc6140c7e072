//! The connection under the SMTP dialogue: TCP, TLS (implicit or after
//! STARTTLS), certificate checks, and the tap that sees every plaintext SMTP
//! line.
//!
//! Policy (RFC 8314): with "never plaintext" on, no AUTH, MAIL, RCPT, DATA
//! or message byte reaches a socket that is not a verified TLS session. The
//! single place that enforces it is [`Tap`]'s `poll_write` ([`permitted`]);
//! STARTTLS is done here, not by lettre: the greeting is read, EHLO sent,
//! `STARTTLS` required in the reply, sent, its 220 read, and the connection
//! dropped if any byte beyond that reply is already buffered (command
//! injection, RFC 3207 §4.2 and CVE-2011-0411), before the handshake.

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, SignatureScheme};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::timeout;

use super::error::{CertProblem, Phase, SmtpError};
use crate::account::{self, Security};

/// Deadlines of one submission (RFC 5321 §4.5.3.2), all configurable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    /// TCP connect.
    pub connect: Duration,
    /// TLS handshake.
    pub tls: Duration,
    /// The server's greeting.
    pub greeting: Duration,
    /// Each command's reply.
    pub command: Duration,
    /// Sending the message: the longest time no byte may move.
    pub data_idle: Duration,
    /// The reply after the final `.`.
    pub final_reply: Duration,
    /// A STARTTLS account waiting this long for a greeting checks whether
    /// the port speaks implicit TLS instead.
    pub implicit_tls_probe: Duration,
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            connect: Duration::from_secs(30),
            tls: Duration::from_secs(30),
            greeting: Duration::from_secs(60),
            command: Duration::from_secs(60),
            data_idle: Duration::from_secs(60),
            final_reply: Duration::from_secs(600),
            implicit_tls_probe: Duration::from_secs(5),
        }
    }
}

/// Where to connect and how.
#[derive(Debug, Clone)]
pub struct Target {
    /// Host name (also the name the certificate must be valid for).
    pub host: String,
    /// Port.
    pub port: u16,
    /// TLS mode.
    pub security: Security,
    /// Extra trusted roots (PEM).
    pub extra_ca_pem: Option<String>,
    /// The pinned server certificate (PEM).
    pub pinned_cert_pem: Option<String>,
    /// The global "never plaintext" setting.
    pub never_plaintext: bool,
    /// Where the host name is resolved.
    pub resolver: crate::dns::Resolver,
}

impl Target {
    /// The target of `account` under the setting `never_plaintext`.
    pub fn of(account: &crate::account::Account, never_plaintext: bool) -> Target {
        Target {
            host: account.host.clone(),
            port: account.port,
            security: account.security,
            extra_ca_pem: account.extra_ca_pem.clone(),
            pinned_cert_pem: account.pinned_cert_pem.clone(),
            never_plaintext,
            resolver: crate::dns::Resolver::System,
        }
    }
}

/// What the TLS session is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsInfo {
    /// `TLSv1_3` or `TLSv1_2`.
    pub version: String,
    /// The cipher suite, e.g. `TLS13_AES_256_GCM_SHA384`.
    pub cipher_suite: String,
    /// The server certificate's subject.
    pub subject: String,
    /// Its issuer.
    pub issuer: String,
    /// SHA-256 fingerprint of the server certificate.
    pub fingerprint: String,
    /// Whether the certificate was accepted by pinning, not the trust store.
    pub pinned: bool,
}

/// What the tap saw and counts. Shared between the stream and the session.
#[derive(Debug, Default)]
pub struct TapState {
    /// The redacted transcript: `C: ` and `S: ` lines.
    pub transcript: Vec<u8>,
    /// Whether the stream under the tap is a verified TLS session.
    pub secure: bool,
    /// Whether plaintext submission was explicitly allowed.
    pub allow_plaintext: bool,
    /// Whether the policy refused a write.
    pub refused: bool,
    /// Bytes written to the socket (all of them, commands and message).
    pub bytes_written: u64,
    /// Message bytes written during DATA.
    pub message_bytes: u64,
    /// Last time a byte moved either way.
    pub last_progress: Option<Instant>,
    /// When the final `.` of DATA was written.
    pub final_dot_at: Option<Instant>,
    /// When the first whole reply (the greeting) was read.
    pub greeted_at: Option<Instant>,
    /// The SIZE limit of the last EHLO reply (`Some(0)`: advertised without
    /// a limit).
    pub size_limit: Option<u64>,
    /// AUTH mechanisms of the last EHLO reply.
    pub auth_mechanisms: Vec<String>,
    /// Told the message bytes written in the current DATA as they go (the
    /// engine's progress stream; no polling).
    pub progress: Option<tokio::sync::watch::Sender<u64>>,
    /// The TCP connection's local and peer address, to ask the kernel
    /// whether written bytes are still unacknowledged.
    pub socket: Option<(std::net::SocketAddr, std::net::SocketAddr)>,
    in_data: bool,
    data_tail: Vec<u8>,
    /// Client lines still to come in the current AUTH exchange (each is a
    /// credential), counted from what the client sent, never from what the
    /// server answered.
    auth_lines_left: u8,
    /// Set when the server's reply broke a limit: the session ends with
    /// its own error.
    pub flood: Option<Flood>,
    reply_bytes: usize,
    after_ehlo: bool,
    expecting_354: bool,
    client_line: Vec<u8>,
    server_line: Vec<u8>,
    synthetic: Vec<u8>,
}

/// Whether a client line may be written on a connection that is not a
/// verified TLS session: only EHLO, HELO, STARTTLS, QUIT, NOOP and RSET.
/// The one choke point of the "never plaintext" policy.
pub fn permitted(line_start: &[u8], secure: bool, allow_plaintext: bool) -> bool {
    if secure || allow_plaintext {
        return true;
    }
    const SAFE: [&[u8]; 6] = [b"EHLO", b"HELO", b"STARTTLS", b"QUIT", b"NOOP", b"RSET"];
    let verb_end = line_start
        .iter()
        .position(|b| *b == b' ' || *b == b'\r' || *b == b'\n')
        .unwrap_or(line_start.len());
    let verb = line_start[..verb_end].to_ascii_uppercase();
    let complete = verb_end < line_start.len();
    SAFE.iter().any(|s| {
        if complete {
            *s == verb.as_slice()
        } else {
            s.starts_with(&verb)
        }
    })
}

impl TapState {
    fn log(&mut self, who: &str, line: &[u8]) {
        self.transcript.extend_from_slice(who.as_bytes());
        self.transcript.extend_from_slice(line);
        if !line.ends_with(b"\n") {
            self.transcript.extend_from_slice(b"\r\n");
        }
    }

    /// Looks at bytes about to be written. Returns false when the policy
    /// refuses them.
    fn on_write(&mut self, buf: &[u8]) -> bool {
        if self.in_data {
            if !self.secure && !self.allow_plaintext {
                return false;
            }
            return true;
        }
        let mut prefix = self.client_line.clone();
        prefix.extend_from_slice(&buf[..buf.len().min(16)]);
        permitted(&prefix, self.secure, self.allow_plaintext)
    }

    fn on_written(&mut self, buf: &[u8]) {
        self.bytes_written += buf.len() as u64;
        self.last_progress = Some(Instant::now());
        if self.in_data {
            self.message_bytes += buf.len() as u64;
            if let Some(p) = &self.progress {
                p.send_replace(self.message_bytes);
            }
            self.data_tail.extend_from_slice(buf);
            if self.data_tail.len() > 5 {
                let cut = self.data_tail.len() - 5;
                self.data_tail.drain(..cut);
            }
            if self.data_tail == b"\r\n.\r\n" {
                self.in_data = false;
                self.final_dot_at = Some(Instant::now());
                let note = format!("<message: {} bytes>", self.message_bytes);
                self.log("C: ", note.as_bytes());
            }
            return;
        }
        for b in buf {
            self.client_line.push(*b);
            if *b == b'\n' {
                let line = std::mem::take(&mut self.client_line);
                let upper = line.to_ascii_uppercase();
                if upper.starts_with(b"AUTH") {
                    self.auth_lines_left = auth_continuations(&upper);
                    self.log("C: ", b"<redacted>");
                } else if self.auth_lines_left > 0 {
                    self.auth_lines_left -= 1;
                    self.log("C: ", b"<redacted>");
                } else {
                    self.log("C: ", &line);
                }
                if upper.starts_with(b"EHLO") {
                    self.after_ehlo = true;
                    self.size_limit = None;
                    self.auth_mechanisms.clear();
                }
                if upper.starts_with(b"DATA") {
                    self.expecting_354 = true;
                }
            }
        }
    }

    /// Looks at bytes the server sent. Returns false when they break a
    /// reply limit (then [`TapState::flood`] says which).
    fn on_read(&mut self, buf: &[u8]) -> bool {
        self.last_progress = Some(Instant::now());
        for b in buf {
            self.server_line.push(*b);
            self.reply_bytes += 1;
            if self.server_line.len() > MAX_REPLY_LINE {
                self.flood = Some(Flood::LineTooLong);
                return false;
            }
            if self.reply_bytes > MAX_REPLY {
                self.flood = Some(Flood::ReplyTooLarge);
                return false;
            }
            if *b == b'\n' {
                let line = std::mem::take(&mut self.server_line);
                self.log("S: ", &line);
                let text = String::from_utf8_lossy(&line);
                let last = line.get(3) != Some(&b'-');
                if last {
                    self.reply_bytes = 0;
                    self.greeted_at.get_or_insert_with(Instant::now);
                }
                if self.expecting_354 && last {
                    self.expecting_354 = false;
                    if text.starts_with("354") {
                        self.in_data = true;
                        self.final_dot_at = None;
                        self.message_bytes = 0;
                        self.data_tail.clear();
                    }
                }
                if self.after_ehlo && text.starts_with("250") {
                    let keyword = text.get(4..).unwrap_or("").trim();
                    let mut words = keyword.split_whitespace();
                    match words.next().map(|w| w.to_ascii_uppercase()).as_deref() {
                        Some("SIZE") => {
                            self.size_limit =
                                Some(words.next().and_then(|n| n.parse().ok()).unwrap_or(0));
                        }
                        Some("AUTH") => {
                            self.auth_mechanisms = words.map(|w| w.to_ascii_uppercase()).collect();
                        }
                        _ => {}
                    }
                    if last {
                        self.after_ehlo = false;
                    }
                }
            }
        }
        true
    }
}

/// The longest reply line accepted, CRLF included: RFC 5321 §4.5.3.1.5
/// allows 512 octets; servers send longer ones (long EHLO keywords, long
/// texts), so eight times that.
pub const MAX_REPLY_LINE: usize = 4096;

/// The largest reply accepted, all its lines together (64 KiB).
pub const MAX_REPLY: usize = 64 * 1024;

/// A limit a server's reply broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flood {
    /// One line longer than [`MAX_REPLY_LINE`].
    LineTooLong,
    /// A multi-line reply larger than [`MAX_REPLY`].
    ReplyTooLarge,
}

/// The error for a reply that broke a limit.
pub fn flood_error(flood: Flood) -> SmtpError {
    match flood {
        Flood::LineTooLong => SmtpError::ReplyLineTooLong {
            limit: MAX_REPLY_LINE,
        },
        Flood::ReplyTooLarge => SmtpError::ReplyTooLarge { limit: MAX_REPLY },
    }
}

/// How many client lines follow an AUTH command line, each a credential:
/// LOGIN sends the user name and the password (one less with an initial
/// response); other mechanisms send one response unless the initial
/// response is already on the AUTH line (RFC 4954 §4).
fn auth_continuations(upper_line: &[u8]) -> u8 {
    let words: Vec<&[u8]> = upper_line
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let initial = words.len() > 2;
    match (words.get(1).copied(), initial) {
        (Some(b"LOGIN"), false) => 2,
        (Some(b"LOGIN"), true) => 1,
        (_, false) => 1,
        (_, true) => 0,
    }
}

/// A stream wrapper that sees the plaintext SMTP lines: it keeps the
/// redacted transcript, counts bytes, reads SIZE and AUTH from EHLO
/// replies, knows when the final `.` went out, and refuses writes the
/// policy forbids.
pub struct Tap<S> {
    inner: S,
    /// The shared state.
    pub state: Arc<Mutex<TapState>>,
}

impl<S> std::fmt::Debug for Tap<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tap")
    }
}

impl<S> Tap<S> {
    fn lock(&self) -> std::sync::MutexGuard<'_, TapState> {
        match self.state.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }

    /// The stream under the tap.
    pub fn into_inner(self) -> S {
        self.inner
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Tap<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        {
            let mut st = self.lock();
            if !st.synthetic.is_empty() {
                let n = st.synthetic.len().min(buf.remaining());
                let bytes: Vec<u8> = st.synthetic.drain(..n).collect();
                buf.put_slice(&bytes);
                return Poll::Ready(Ok(()));
            }
        }
        let before = buf.filled().len();
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = &poll {
            let new = buf.filled()[before..].to_vec();
            if !new.is_empty() && !self.lock().on_read(&new) {
                return Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "the server's reply is too long",
                )));
            }
        }
        poll
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Tap<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        {
            let mut st = self.lock();
            if !st.on_write(buf) {
                st.refused = true;
                return Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "refused: not a verified TLS session",
                )));
            }
        }
        let poll = Pin::new(&mut self.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = &poll {
            let n = *n;
            self.lock().on_written(&buf[..n]);
        }
        poll
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Where the tap's stream is connected (lettre asks).
pub trait PeerAddr {
    /// The remote address.
    fn peer(&self) -> io::Result<std::net::SocketAddr>;
}

impl PeerAddr for TcpStream {
    fn peer(&self) -> io::Result<std::net::SocketAddr> {
        self.peer_addr()
    }
}

impl PeerAddr for tokio_rustls::client::TlsStream<TcpStream> {
    fn peer(&self) -> io::Result<std::net::SocketAddr> {
        self.get_ref().0.peer_addr()
    }
}

impl<S> lettre::transport::smtp::client::AsyncTokioStream for Tap<S>
where
    S: AsyncRead + AsyncWrite + PeerAddr + Send + Sync + Unpin,
{
    fn peer_addr(&self) -> io::Result<std::net::SocketAddr> {
        self.inner.peer()
    }
}

/// Our certificate verifier: the platform's (OS trust store plus the
/// account's extra CA), or, for a pinned account, exactly the pinned
/// certificate, valid for the host name. Keeps what the server presented.
#[derive(Debug)]
struct Verifier {
    platform: Option<rustls_platform_verifier::Verifier>,
    pinned: Option<CertificateDer<'static>>,
    provider: Arc<CryptoProvider>,
    seen: Presented,
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut seen) = self.seen.lock() {
            seen.clear();
            seen.push(end_entity.clone().into_owned());
            seen.extend(intermediates.iter().map(|c| c.clone().into_owned()));
        }
        if let Some(pinned) = &self.pinned {
            if pinned.as_ref() != end_entity.as_ref() {
                return Err(rustls::Error::InvalidCertificate(
                    CertificateError::ApplicationVerificationFailure,
                ));
            }
            let cert = webpki::EndEntityCert::try_from(end_entity)
                .map_err(|_| rustls::Error::InvalidCertificate(CertificateError::BadEncoding))?;
            cert.verify_is_valid_for_subject_name(server_name)
                .map_err(|_| {
                    rustls::Error::InvalidCertificate(CertificateError::NotValidForName)
                })?;
            return Ok(ServerCertVerified::assertion());
        }
        match &self.platform {
            Some(p) => {
                p.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            }
            None => Err(rustls::Error::InvalidCertificate(
                CertificateError::UnknownIssuer,
            )),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// The certificates a server presented (end entity first).
type Presented = Arc<Mutex<Vec<CertificateDer<'static>>>>;

/// A TLS client configuration for `target`, and where the verifier keeps
/// the presented certificates. TLS 1.2 and 1.3 only (RFC 8996).
fn tls_config(target: &Target) -> Result<(Arc<ClientConfig>, Presented), SmtpError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls_err = |e: rustls::Error| SmtpError::Tls {
        detail: e.to_string(),
    };
    let pinned = match &target.pinned_cert_pem {
        Some(pem) => Some(CertificateDer::from(
            account::certificates(pem)
                .and_then(|c| c.into_iter().next())
                .ok_or(SmtpError::Tls {
                    detail: "the pinned certificate is not PEM".into(),
                })?,
        )),
        None => None,
    };
    let platform = if pinned.is_some() {
        None
    } else {
        let extra: Vec<CertificateDer<'static>> = target
            .extra_ca_pem
            .as_deref()
            .and_then(account::certificates)
            .unwrap_or_default()
            .into_iter()
            .map(CertificateDer::from)
            .collect();
        Some(
            rustls_platform_verifier::Verifier::new_with_extra_roots(extra, provider.clone())
                .map_err(tls_err)?,
        )
    };
    let seen = Arc::new(Mutex::new(Vec::new()));
    let verifier = Arc::new(Verifier {
        platform,
        pinned,
        provider: provider.clone(),
        seen: seen.clone(),
    });
    let config = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(tls_err)?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok((Arc::new(config), seen))
}

/// A TLS client configuration for HTTPS (autoconfig files): the OS trust
/// store plus `extra_ca_pem` (PEM roots, for tests), TLS 1.2 and 1.3 only
/// (RFC 8996), the host name checked (RFC 6125).
///
/// Errors: [`SmtpError::Tls`] when the platform verifier cannot start.
pub fn https_client_config(extra_ca_pem: Option<&str>) -> Result<ClientConfig, SmtpError> {
    let target = Target {
        host: String::new(),
        port: 443,
        security: Security::ImplicitTls,
        extra_ca_pem: extra_ca_pem.map(str::to_string),
        pinned_cert_pem: None,
        never_plaintext: true,
        resolver: crate::dns::Resolver::System,
    };
    let (config, _) = tls_config(&target)?;
    Ok(Arc::unwrap_or_clone(config))
}

/// Names (DNS and IP) a certificate is valid for, its subject and issuer.
pub fn certificate_names(der: &[u8]) -> (Vec<String>, String, String) {
    use x509_parser::prelude::*;
    let Ok((_, cert)) = X509Certificate::from_der(der) else {
        return (Vec::new(), String::new(), String::new());
    };
    let mut names = Vec::new();
    if let Ok(Some(san)) = cert.subject_alternative_name() {
        for n in &san.value.general_names {
            match n {
                GeneralName::DNSName(d) => names.push(d.to_string()),
                GeneralName::IPAddress(ip) => match ip.len() {
                    4 => {
                        names.push(std::net::Ipv4Addr::new(ip[0], ip[1], ip[2], ip[3]).to_string())
                    }
                    16 => {
                        let mut a = [0u8; 16];
                        a.copy_from_slice(ip);
                        names.push(std::net::Ipv6Addr::from(a).to_string());
                    }
                    _ => {}
                },
                _ => {}
            }
        }
    }
    (names, cert.subject().to_string(), cert.issuer().to_string())
}

/// What is wrong with a refused certificate, by kind (each has its own
/// explanation for the person; no internal dump).
fn classify_certificate(
    ce: &CertificateError,
    presented: Option<&CertificateDer<'static>>,
    host: &str,
) -> CertProblem {
    use CertificateError as C;
    let names = || {
        presented
            .map(|c| certificate_names(c).0)
            .unwrap_or_default()
    };
    match ce {
        C::Expired | C::ExpiredContext { .. } => CertProblem::Expired,
        C::NotValidYet | C::NotValidYetContext { .. } => CertProblem::NotYetValid,
        C::UnknownIssuer => CertProblem::UnknownIssuer,
        C::NotValidForName | C::NotValidForNameContext { .. } => {
            let names = names();
            // An address written as a DNS name (SAN DNS:192.0.2.1) is not
            // valid for that address (RFC 6125 §1.7.2; it needs an IP
            // address entry).
            if host.parse::<std::net::IpAddr>().is_ok() && names.iter().any(|n| n == host) {
                CertProblem::IpAsDnsName {
                    address: host.to_string(),
                }
            } else {
                CertProblem::WrongName { names }
            }
        }
        C::InvalidPurpose | C::InvalidPurposeContext { .. } => CertProblem::WrongPurpose,
        C::BadSignature
        | C::UnsupportedSignatureAlgorithmContext { .. }
        | C::UnsupportedSignatureAlgorithmForPublicKeyContext { .. } => CertProblem::WeakAlgorithm,
        C::Revoked => CertProblem::Revoked,
        other => {
            // The kind's name only (`BadEncoding`), never its contents.
            let debug = format!("{other:?}");
            let kind: String = debug
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            // The platform verifier wraps some of webpki's errors in
            // `Other`: they are recognised by their names.
            if debug.contains("CaUsedAsEndEntity") {
                CertProblem::CaAsServer
            } else if debug.contains("Eku") || debug.contains("Purpose") {
                CertProblem::WrongPurpose
            } else if debug.contains("SignatureAlgorithm") || debug.contains("InvalidSignature") {
                CertProblem::WeakAlgorithm
            } else {
                CertProblem::Other(kind)
            }
        }
    }
}

fn classify_tls_error(e: &io::Error, seen: &Presented, target: &Target) -> SmtpError {
    let presented = seen.lock().ok().and_then(|s| s.first().cloned());
    let subject = presented.as_ref().map(|c| certificate_names(c).1);
    let rustls_err = e.get_ref().and_then(|r| r.downcast_ref::<rustls::Error>());
    match rustls_err {
        Some(rustls::Error::InvalidCertificate(ce)) => {
            let problem = if let (Some(pem), Some(cert)) = (&target.pinned_cert_pem, &presented) {
                let pinned = account::certificates(pem)
                    .and_then(|c| c.into_iter().next())
                    .unwrap_or_default();
                if pinned != cert.as_ref() {
                    CertProblem::PinnedChanged {
                        presented: account::fingerprint(cert),
                        pinned: account::fingerprint(&pinned),
                    }
                } else {
                    CertProblem::WrongName {
                        names: certificate_names(cert).0,
                    }
                }
            } else {
                classify_certificate(ce, presented.as_ref(), &target.host)
            };
            SmtpError::Certificate {
                problem,
                subject,
                presented_pem: presented.as_ref().map(|c| account::to_pem(c)),
            }
        }
        Some(rustls::Error::PeerIncompatible(_)) => SmtpError::ProtocolTooOld,
        Some(rustls::Error::AlertReceived(rustls::AlertDescription::ProtocolVersion)) => {
            SmtpError::ProtocolTooOld
        }
        Some(rustls::Error::InvalidMessage(_)) if target.security == Security::ImplicitTls => {
            SmtpError::TlsModeMismatch {
                configured: Security::ImplicitTls,
                suggested: Security::StartTls,
            }
        }
        Some(other) => SmtpError::Tls {
            detail: other.to_string(),
        },
        None if e.kind() == io::ErrorKind::UnexpectedEof
            && target.security == Security::ImplicitTls =>
        {
            SmtpError::Tls {
                detail: "the server closed the connection during the TLS handshake".into(),
            }
        }
        None => SmtpError::Network {
            detail: e.to_string(),
        },
    }
}

async fn tcp_connect(target: &Target, d: &Deadlines) -> Result<TcpStream, SmtpError> {
    let addrs = timeout(
        d.connect,
        target.resolver.addresses(&target.host, target.port),
    )
    .await
    .map_err(|_| SmtpError::Timeout {
        phase: Phase::Connect,
        seconds: d.connect.as_secs(),
    })?
    .map_err(|e| SmtpError::Dns {
        host: target.host.clone(),
        detail: match e {
            crate::dns::DnsError::NotFound => "no address".into(),
            crate::dns::DnsError::Failed(detail) => detail,
        },
    })?;
    let mut last = None;
    for addr in addrs {
        match timeout(d.connect, TcpStream::connect(addr)).await {
            Err(_) => {
                last = Some(SmtpError::Timeout {
                    phase: Phase::Connect,
                    seconds: d.connect.as_secs(),
                })
            }
            Ok(Err(e)) if e.kind() == io::ErrorKind::ConnectionRefused => {
                last = Some(SmtpError::ConnectionRefused {
                    host: target.host.clone(),
                    port: target.port,
                })
            }
            Ok(Err(e)) => {
                last = Some(SmtpError::Network {
                    detail: e.to_string(),
                })
            }
            Ok(Ok(s)) => {
                let _ = s.set_nodelay(true);
                return Ok(s);
            }
        }
    }
    Err(last.unwrap_or(SmtpError::Network {
        detail: "no address reachable".into(),
    }))
}

fn server_name(host: &str) -> Result<ServerName<'static>, SmtpError> {
    ServerName::try_from(host.to_string()).map_err(|_| SmtpError::Tls {
        detail: format!("{host} is not a valid TLS server name"),
    })
}

/// Reads one SMTP reply (all its lines). Returns its code and text.
/// Reads one reply before TLS (the tap bounds its lines and size).
async fn read_reply(r: &mut BufReader<Tap<TcpStream>>) -> Result<(u16, String), SmtpError> {
    let mut text = String::new();
    loop {
        let mut line = String::new();
        let read = r.read_line(&mut line).await;
        if let Some(flood) = r.get_ref().lock().flood {
            return Err(flood_error(flood));
        }
        let n = read.map_err(|e| SmtpError::Network {
            detail: e.to_string(),
        })?;
        if n == 0 {
            return Err(SmtpError::Protocol {
                detail: "the server closed the connection".into(),
            });
        }
        let code: u16 =
            line.get(..3)
                .and_then(|c| c.parse().ok())
                .ok_or_else(|| SmtpError::Protocol {
                    detail: format!("not an SMTP reply: {}", line.trim_end()),
                })?;
        text.push_str(line.get(4..).unwrap_or("").trim_end());
        if line.as_bytes().get(3) != Some(&b'-') {
            return Ok((code, text));
        }
        text.push('\n');
    }
}

async fn write_line(r: &mut BufReader<Tap<TcpStream>>, line: &str) -> Result<(), SmtpError> {
    r.get_mut()
        .write_all(line.as_bytes())
        .await
        .map_err(|e| SmtpError::Network {
            detail: e.to_string(),
        })
}

/// A connection ready for lettre: its greeting not yet read.
pub struct Connected {
    /// The stream to give lettre (TLS, or plaintext where allowed).
    pub stream: Box<dyn lettre::transport::smtp::client::AsyncTokioStream>,
    /// The tap's state.
    pub tap: Arc<Mutex<TapState>>,
    /// The TLS session, if any.
    pub tls: Option<TlsInfo>,
}

fn tls_info(conn: &rustls::ClientConnection, pinned: bool) -> TlsInfo {
    let cert = conn
        .peer_certificates()
        .and_then(|c| c.first())
        .map(|c| c.as_ref().to_vec())
        .unwrap_or_default();
    let (_, subject, issuer) = certificate_names(&cert);
    TlsInfo {
        version: conn
            .protocol_version()
            .map(|v| format!("{v:?}"))
            .unwrap_or_default(),
        cipher_suite: conn
            .negotiated_cipher_suite()
            .map(|s| format!("{:?}", s.suite()))
            .unwrap_or_default(),
        subject,
        issuer,
        fingerprint: account::fingerprint(&cert),
        pinned,
    }
}

/// Whether `target` answers a TLS handshake (a STARTTLS account pointed at
/// an implicit-TLS port). Sends nothing but a ClientHello.
async fn speaks_tls(target: &Target, d: &Deadlines) -> bool {
    let Ok(tcp) = tcp_connect(target, d).await else {
        return false;
    };
    let Ok((config, seen)) = tls_config(target) else {
        return false;
    };
    let Ok(name) = server_name(&target.host) else {
        return false;
    };
    let connector = tokio_rustls::TlsConnector::from(config);
    match timeout(d.implicit_tls_probe, connector.connect(name, tcp)).await {
        Ok(Ok(_)) => true,
        Ok(Err(e)) => matches!(
            classify_tls_error(&e, &seen, target),
            SmtpError::Certificate { .. } | SmtpError::ProtocolTooOld
        ),
        Err(_) => false,
    }
}

/// The TLS handshake over `tcp`, with our verifier, under the TLS deadline.
async fn handshake(
    target: &Target,
    d: &Deadlines,
    tcp: TcpStream,
) -> Result<(tokio_rustls::client::TlsStream<TcpStream>, TlsInfo), SmtpError> {
    let (config, seen) = tls_config(target)?;
    let connector = tokio_rustls::TlsConnector::from(config);
    let tls = timeout(d.tls, connector.connect(server_name(&target.host)?, tcp))
        .await
        .map_err(|_| SmtpError::Timeout {
            phase: Phase::Tls,
            seconds: d.tls.as_secs(),
        })?
        .map_err(|e| classify_tls_error(&e, &seen, target))?;
    let info = tls_info(tls.get_ref().1, target.pinned_cert_pem.is_some());
    Ok((tls, info))
}

/// Opens a connection to `target`: TCP, then TLS as the account says.
/// `state` is the tap's state: it keeps the transcript even when the
/// connection fails.
///
/// Errors: DNS, refused, timeouts (connect, TLS, greeting, STARTTLS
/// reply), TLS mode mismatch, certificate problems, STARTTLS not offered
/// or refused, injection after STARTTLS, plaintext forbidden.
pub async fn connect(
    target: &Target,
    d: &Deadlines,
    client_id: &str,
    state: Arc<Mutex<TapState>>,
) -> Result<Connected, SmtpError> {
    let plaintext_allowed = target.security == Security::Plaintext && !target.never_plaintext;
    if target.security == Security::Plaintext && target.never_plaintext {
        return Err(SmtpError::PlaintextForbidden);
    }
    if let Ok(mut st) = state.lock() {
        st.allow_plaintext = plaintext_allowed;
    }
    let tcp = tcp_connect(target, d).await?;
    if let Ok(mut st) = state.lock() {
        st.socket = tcp.local_addr().ok().zip(tcp.peer_addr().ok());
    }
    match target.security {
        Security::Plaintext => Ok(Connected {
            stream: Box::new(Tap {
                inner: tcp,
                state: state.clone(),
            }),
            tap: state,
            tls: None,
        }),
        Security::ImplicitTls => {
            let (tls, info) = handshake(target, d, tcp).await?;
            if let Ok(mut st) = state.lock() {
                st.secure = true;
            }
            Ok(Connected {
                stream: Box::new(Tap {
                    inner: tls,
                    state: state.clone(),
                }),
                tap: state,
                tls: Some(info),
            })
        }
        Security::StartTls => {
            let mut reader = BufReader::new(Tap {
                inner: tcp,
                state: state.clone(),
            });
            let greeting = match timeout(
                d.implicit_tls_probe.min(d.greeting),
                read_reply(&mut reader),
            )
            .await
            {
                Ok(r) => r?,
                Err(_) => {
                    if speaks_tls(target, d).await {
                        return Err(SmtpError::TlsModeMismatch {
                            configured: Security::StartTls,
                            suggested: Security::ImplicitTls,
                        });
                    }
                    let rest = d.greeting.saturating_sub(d.implicit_tls_probe);
                    timeout(rest, read_reply(&mut reader)).await.map_err(|_| {
                        SmtpError::Timeout {
                            phase: Phase::Greeting,
                            seconds: d.greeting.as_secs(),
                        }
                    })??
                }
            };
            if greeting.0 != 220 {
                return Err(if greeting.0 / 100 == 4 {
                    SmtpError::Transient {
                        code: greeting.0,
                        text: greeting.1,
                    }
                } else {
                    SmtpError::Permanent {
                        code: greeting.0,
                        text: greeting.1,
                    }
                });
            }
            let cmd_timeout = |_| SmtpError::Timeout {
                phase: Phase::Command,
                seconds: d.command.as_secs(),
            };
            write_line(&mut reader, &format!("EHLO {client_id}\r\n")).await?;
            let (code, ehlo) = timeout(d.command, read_reply(&mut reader))
                .await
                .map_err(cmd_timeout)??;
            if code != 250 {
                return Err(SmtpError::Protocol {
                    detail: format!("EHLO refused: {code} {ehlo}"),
                });
            }
            let offers = ehlo
                .lines()
                .any(|l| l.trim().eq_ignore_ascii_case("STARTTLS"));
            if !offers {
                return Err(SmtpError::StartTlsNotOffered);
            }
            write_line(&mut reader, "STARTTLS\r\n").await?;
            let (code, text) = timeout(d.command, read_reply(&mut reader))
                .await
                .map_err(cmd_timeout)??;
            if code != 220 {
                return Err(SmtpError::StartTlsRefused { code, text });
            }
            if !reader.buffer().is_empty() {
                return Err(SmtpError::StartTlsInjection);
            }
            let tcp = reader.into_inner().into_inner();
            let (tls, info) = handshake(target, d, tcp).await?;
            if let Ok(mut st) = state.lock() {
                st.secure = true;
                // lettre starts by reading a greeting; the real one came
                // before TLS (RFC 3207 §4.2: the dialogue restarts with EHLO).
                st.synthetic =
                    format!("220 {}\r\n", greeting.1.lines().next().unwrap_or("")).into_bytes();
            }
            Ok(Connected {
                stream: Box::new(Tap {
                    inner: tls,
                    state: state.clone(),
                }),
                tap: state,
                tls: Some(info),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choke_point_lets_only_safe_verbs_through_in_the_clear() {
        for line in [
            &b"EHLO [127.0.0.1]\r\n"[..],
            b"STARTTLS\r\n",
            b"QUIT\r\n",
            b"ehlo x\r\n",
            b"EH",
        ] {
            assert!(
                permitted(line, false, false),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
        for line in [
            &b"AUTH PLAIN AGphbgBwdw==\r\n"[..],
            b"MAIL FROM:<a@b.pl>\r\n",
            b"RCPT TO:<a@b.pl>\r\n",
            b"DATA\r\n",
            b"Subject: x\r\n",
            b"EHLOX\r\n",
            b"",
        ] {
            let allowed_empty = line.is_empty();
            assert_eq!(
                permitted(line, false, false),
                allowed_empty,
                "{}",
                String::from_utf8_lossy(line)
            );
            assert!(permitted(line, true, false));
            assert!(permitted(line, false, true));
        }
    }

    #[test]
    fn message_bytes_never_pass_in_the_clear() {
        let mut st = TapState {
            in_data: true,
            ..TapState::default()
        };
        assert!(!st.on_write(b"hello\r\n"));
        st.secure = true;
        assert!(st.on_write(b"hello\r\n"));
    }

    #[test]
    fn the_tap_redacts_auth_and_reads_size() {
        let mut st = TapState {
            secure: true,
            ..TapState::default()
        };
        st.on_written(b"EHLO [127.0.0.1]\r\n");
        st.on_read(b"250-peer\r\n250-SIZE 1000\r\n250 AUTH PLAIN LOGIN\r\n");
        assert_eq!(st.size_limit, Some(1000));
        assert_eq!(st.auth_mechanisms, ["PLAIN", "LOGIN"]);
        st.on_written(b"AUTH LOGIN\r\n");
        st.on_read(b"334 VXNlcm5hbWU6\r\n");
        st.on_written(b"amFu\r\n");
        st.on_read(b"334 UGFzc3dvcmQ6\r\n");
        st.on_written(b"c2VjcmV0\r\n");
        st.on_read(b"235 ok\r\n");
        st.on_written(b"MAIL FROM:<a@b.pl>\r\n");
        let t = String::from_utf8_lossy(&st.transcript).to_string();
        assert!(
            !t.contains("amFu") && !t.contains("c2VjcmV0") && !t.contains("AUTH LOGIN"),
            "{t}"
        );
        assert_eq!(t.matches("C: <redacted>").count(), 3, "{t}");
        assert!(t.contains("C: MAIL FROM:<a@b.pl>"), "{t}");
        st.on_written(b"DATA\r\n");
        st.on_read(b"354 go\r\n");
        st.on_written(b"Subject: x\r\n\r\nbody");
        assert!(st.final_dot_at.is_none());
        st.on_written(b"\r\n.\r\n");
        assert!(st.final_dot_at.is_some());
        assert_eq!(st.message_bytes, 23);
    }

    #[test]
    fn the_password_never_reaches_the_protocol_log_whatever_the_server_answers() {
        // A server that answers 235 early, in the same packet as its first
        // challenge: redaction follows what the client sends.
        let mut st = TapState {
            secure: true,
            ..TapState::default()
        };
        st.on_written(b"AUTH LOGIN\r\n");
        st.on_read(b"334 VXNlcm5hbWU6\r\n235 early\r\n");
        st.on_written(b"amFu\r\n");
        st.on_written(b"c2VjcmV0\r\n");
        st.on_written(b"AUTH PLAIN AGphbgBzZWNyZXQ=\r\n");
        st.on_read(b"235 ok\r\n");
        st.on_written(b"MAIL FROM:<a@b.pl>\r\n");
        let t = String::from_utf8_lossy(&st.transcript).to_string();
        assert!(
            !t.contains("amFu") && !t.contains("c2VjcmV0") && !t.contains("AGphbgBzZWNyZXQ"),
            "{t}"
        );
        assert!(t.contains("C: MAIL FROM:<a@b.pl>"), "{t}");
    }

    #[test]
    fn an_endless_reply_line_or_reply_breaks_the_limit() {
        let mut st = TapState::default();
        assert!(!st.on_read(&vec![b'2'; MAX_REPLY_LINE + 1]));
        assert_eq!(st.flood, Some(Flood::LineTooLong));
        let mut st = TapState::default();
        let mut ok = true;
        for _ in 0..(MAX_REPLY / 10 + 1) {
            ok &= st.on_read(b"250-abcde\r\n");
        }
        assert!(!ok);
        assert_eq!(st.flood, Some(Flood::ReplyTooLarge));
        // Many separate replies are fine.
        let mut st = TapState::default();
        for _ in 0..10_000 {
            assert!(st.on_read(b"250 ok\r\n"));
        }
    }

    #[test]
    fn bare_size_means_no_limit() {
        let mut st = TapState::default();
        st.on_written(b"EHLO x\r\n");
        st.on_read(b"250-peer\r\n250 SIZE\r\n");
        assert_eq!(st.size_limit, Some(0));
    }
}
