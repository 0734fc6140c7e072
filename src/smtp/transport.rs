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
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::time::timeout;

use super::error::{Phase, SmtpError};
use crate::account::Security;

pub use super::tap::{
    Flood, MAX_REPLY, MAX_REPLY_LINE, PeerAddr, Tap, TapState, flood_error, permitted,
};
pub use super::tls::{TlsInfo, certificate_names, https_client_config};
use super::tls::{classify_tls_error, handshake, server_name, tls_config};

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

pub(super) async fn tcp_connect(target: &Target, d: &Deadlines) -> Result<TcpStream, SmtpError> {
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
            crate::dns::DnsError::NotFound => super::error::detail::NO_ADDRESS.into(),
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
            Ok(Err(e)) => last = Some(SmtpError::network(&e)),
            Ok(Ok(s)) => {
                let _ = s.set_nodelay(true);
                return Ok(s);
            }
        }
    }
    Err(last.unwrap_or(SmtpError::Network {
        kind: crate::smtp::error::NetworkKind::NoAddress,
        detail: "no address reachable".into(),
    }))
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
        let n = read.map_err(|e| SmtpError::network(&e))?;
        if n == 0 {
            return Err(SmtpError::Protocol {
                detail: super::error::detail::CLOSED.into(),
            });
        }
        let code: u16 =
            line.get(..3)
                .and_then(|c| c.parse().ok())
                .ok_or_else(|| SmtpError::Protocol {
                    detail: format!("{}{}", super::error::detail::NOT_SMTP, line.trim_end()),
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
        .map_err(|e| SmtpError::network(&e))
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
                    detail: format!("{}{code} {ehlo}", super::error::detail::EHLO_REFUSED),
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
