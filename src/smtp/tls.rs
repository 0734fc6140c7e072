//! TLS: our certificate verifier (the platform's, an account's extra CA,
//! or exactly a pinned certificate, valid for the host name), the client
//! configurations (TLS 1.2 and 1.3 only, RFC 8996), the names in a
//! certificate, and what a refused certificate means, by kind.

use std::io;
use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, SignatureScheme};
use tokio::net::TcpStream;
use tokio::time::timeout;

use super::error::{CertProblem, Phase, SmtpError};
use super::transport::{Deadlines, Target};
use crate::account::{self, Security};

/// What the TLS session is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// Our certificate verifier: the platform's (OS trust store plus the
/// account's extra CA), or, for a pinned account, exactly the pinned
/// certificate, valid for the host name. Keeps what the server presented.
#[derive(Debug)]
pub(super) struct Verifier {
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
pub(super) type Presented = Arc<Mutex<Vec<CertificateDer<'static>>>>;

/// A TLS client configuration for `target`, and where the verifier keeps
/// the presented certificates. TLS 1.2 and 1.3 only (RFC 8996).
pub(super) fn tls_config(target: &Target) -> Result<(Arc<ClientConfig>, Presented), SmtpError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls_err = |e: rustls::Error| SmtpError::Tls {
        detail: e.to_string(),
    };
    let pinned = match &target.pinned_cert_pem {
        Some(pem) => Some(CertificateDer::from(
            account::certificates(pem)
                .and_then(|c| c.into_iter().next())
                .ok_or(SmtpError::Tls {
                    detail: super::error::detail::PIN_NOT_PEM.into(),
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
        // Signed by a key other than that of the authority it names (a
        // certificate authority file of the same name but another key):
        // not issued by any trusted authority, not a weak algorithm (a
        // tryout was told "too weak").
        C::BadSignature => CertProblem::UnknownIssuer,
        C::UnsupportedSignatureAlgorithmContext { .. }
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

pub(super) fn classify_tls_error(e: &io::Error, seen: &Presented, target: &Target) -> SmtpError {
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
                detail: super::error::detail::TLS_CLOSED.into(),
            }
        }
        None => SmtpError::network(e),
    }
}

pub(super) fn server_name(host: &str) -> Result<ServerName<'static>, SmtpError> {
    ServerName::try_from(host.to_string()).map_err(|_| SmtpError::Tls {
        detail: format!("{host}{}", super::error::detail::BAD_SERVER_NAME),
    })
}

pub(super) fn tls_info(conn: &rustls::ClientConnection, pinned: bool) -> TlsInfo {
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

/// The TLS handshake over `tcp`, with our verifier, under the TLS deadline.
pub(super) async fn handshake(
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
