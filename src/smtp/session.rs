//! lettre's SMTP dialogue over our transport: EHLO, AUTH, MAIL, RCPT, DATA,
//! QUIT, each under its own deadline.
//!
//! - AUTH with the best mechanism the server lists after TLS: PLAIN, then
//!   LOGIN. The password is sent as NFC UTF-8 (RFC 8265 §4.2). lettre's
//!   `Credentials` copies it into buffers we cannot wipe.
//! - `MAIL FROM` carries `SIZE=` (RFC 1870) and `SMTPUTF8` only when an
//!   address needs it (RFC 6531 §3.4); a message larger than an advertised
//!   SIZE (`SIZE 0` or bare `SIZE`: no limit) is refused before MAIL.
//! - Every RCPT is issued; if any is refused, RSET and nothing is sent to
//!   anyone (all or nothing).
//! - DATA is sent in chunks (no second full copy of the message), dot-stuffed
//!   by lettre's codec (RFC 5321 §4.5.2). It ends when no byte moves for the
//!   idle deadline; the reply after the final `.` is awaited up to its own
//!   deadline, and a connection lost in between is "outcome unknown".

use std::sync::{Arc, Mutex};
use std::time::Duration;

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::AsyncSmtpConnection;
use lettre::transport::smtp::commands::{Data, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailParameter};
use tokio::time::timeout;
use unicode_normalization::UnicodeNormalization;

use super::error::{Phase, SmtpError};
use super::transport::{self, Deadlines, TapState, Target, TlsInfo};
use crate::draft::Envelope;
use crate::secrets::Password;

/// How to open a session.
#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// Deadlines.
    pub deadlines: Deadlines,
    /// The EHLO name: `[127.0.0.1]` by default, which names no machine.
    pub ehlo_name: String,
    /// Where the tap keeps the transcript and counters; give one to read the
    /// transcript even when opening fails.
    pub tap: Option<Arc<Mutex<TapState>>>,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            deadlines: Deadlines::default(),
            ehlo_name: "[127.0.0.1]".into(),
            tap: None,
        }
    }
}

/// A message the server accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// Every recipient the server accepted (all of the envelope's).
    pub accepted: Vec<String>,
    /// The server's reply to the final `.` (often a queue id).
    pub reply: String,
    /// Message size, in bytes.
    pub bytes: u64,
    /// The TLS session it went over (`None` only for an allowed
    /// plaintext account).
    pub tls: Option<TlsInfo>,
}

/// An authenticated SMTP session.
pub struct Session {
    conn: AsyncSmtpConnection,
    tap: Arc<Mutex<TapState>>,
    deadlines: Deadlines,
    /// The TLS session (`None` only for an allowed plaintext account).
    pub tls: Option<TlsInfo>,
    /// The AUTH mechanism used.
    pub mechanism: String,
    broken: bool,
}

fn lock(tap: &Arc<Mutex<TapState>>) -> std::sync::MutexGuard<'_, TapState> {
    match tap.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    }
}

fn reply_text(e: &lettre::transport::smtp::Error) -> String {
    std::error::Error::source(e)
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// Maps a lettre error outside DATA.
fn map_error(e: lettre::transport::smtp::Error, tap: &Arc<Mutex<TapState>>) -> SmtpError {
    if lock(tap).refused {
        return SmtpError::PlaintextForbidden;
    }
    if let Some(flood) = lock(tap).flood {
        return transport::flood_error(flood);
    }
    match e.status() {
        Some(code) => {
            let code: u16 = code.into();
            let text = reply_text(&e);
            if code / 100 == 4 {
                SmtpError::Transient { code, text }
            } else {
                SmtpError::Permanent { code, text }
            }
        }
        // lettre's own text starts "network error: ", which the window
        // would say twice.
        None => SmtpError::Network {
            kind: crate::smtp::error::NetworkKind::within(&e),
            detail: e
                .to_string()
                .trim_start_matches("network error: ")
                .to_string(),
        },
    }
}

fn command_timeout(d: &Deadlines) -> SmtpError {
    SmtpError::Timeout {
        phase: Phase::Command,
        seconds: d.command.as_secs(),
    }
}

/// Connects, secures, reads the greeting and says EHLO (lettre's
/// connection does the last two).
async fn greet(
    target: &Target,
    options: &SessionOptions,
) -> Result<(AsyncSmtpConnection, Arc<Mutex<TapState>>, Option<TlsInfo>), SmtpError> {
    let d = options.deadlines;
    let state = options.tap.clone().unwrap_or_default();
    let connected = transport::connect(target, &d, &options.ehlo_name, state).await?;
    let tap = connected.tap.clone();
    let client_id = ClientId::Domain(options.ehlo_name.clone());
    // lettre reads the greeting and says EHLO in one call; each has its
    // own deadline (RFC 5321 §4.5.3.2): the greeting setting until the
    // greeting is in, then the command setting for the EHLO reply.
    let connecting = AsyncSmtpConnection::connect_with_transport(connected.stream, &client_id);
    tokio::pin!(connecting);
    let started = tokio::time::Instant::now();
    let conn = loop {
        tokio::select! {
            r = &mut connecting => break r.map_err(|e| map_error(e, &tap))?,
            _ = tokio::time::sleep(Duration::from_millis(50)) => {
                match lock(&tap).greeted_at {
                    None if started.elapsed() >= d.greeting => {
                        return Err(SmtpError::Timeout {
                            phase: Phase::Greeting,
                            seconds: d.greeting.as_secs(),
                        });
                    }
                    Some(at) if at.elapsed() >= d.command => {
                        return Err(command_timeout(&d));
                    }
                    _ => {}
                }
            }
        }
    };
    Ok((conn, tap, connected.tls))
}

/// What a probe found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The TLS session.
    pub tls: Option<TlsInfo>,
    /// The AUTH mechanisms offered after TLS.
    pub auth_mechanisms: Vec<String>,
}

/// Checks that `target` speaks SMTP over TLS with a valid certificate:
/// connects, secures (implicit TLS or STARTTLS), reads the greeting, says
/// EHLO and QUIT. Never authenticates: no credential is sent.
///
/// Errors: every error of [`transport::connect`]; timeouts; a greeting or
/// EHLO refusal as [`SmtpError::Permanent`] or [`SmtpError::Transient`].
pub async fn probe(target: &Target, options: &SessionOptions) -> Result<Probe, SmtpError> {
    let (mut conn, tap, tls) = greet(target, options).await?;
    let auth_mechanisms = lock(&tap).auth_mechanisms.clone();
    let _ = timeout(options.deadlines.command, conn.quit()).await;
    Ok(Probe {
        tls,
        auth_mechanisms,
    })
}

/// A message handed to [`Session::send_recorded`] in chunks.
pub trait MessageSource: Send {
    /// The message's size in octets as the server receives it, its last
    /// line's CRLF included (for `SIZE=`, RFC 1870 §4).
    fn size(&self) -> u64;

    /// The next chunk of the message (RFC 5322 bytes, CRLF line endings,
    /// not dot-stuffed), `Ok(None)` at its end.
    ///
    /// Errors: the reason the rest cannot be read; the message is then
    /// abandoned before its end.
    fn next_chunk(&mut self) -> Result<Option<Vec<u8>>, String>;
}

/// A message in memory, handed over in 64 KiB chunks.
pub struct SliceSource<'a>(pub &'a [u8]);

impl MessageSource for SliceSource<'_> {
    fn size(&self) -> u64 {
        let stripped = self.0.strip_suffix(b"\r\n").unwrap_or(self.0);
        stripped.len() as u64 + 2
    }

    fn next_chunk(&mut self) -> Result<Option<Vec<u8>>, String> {
        if self.0.is_empty() {
            return Ok(None);
        }
        let (chunk, rest) = self.0.split_at(self.0.len().min(64 * 1024));
        self.0 = rest;
        Ok(Some(chunk.to_vec()))
    }
}

/// The chunks lettre writes (dot-stuffing them): the source's, with a
/// final CRLF held back, because lettre ends DATA with CRLF "." CRLF whose
/// first CRLF closes the message's last line; the server so receives
/// exactly the message's bytes, no blank line added (RFC 5321 §4.1.1.4).
/// When the source fails, the tap is told to refuse the end of DATA.
struct Chunks<'a> {
    source: &'a mut dyn MessageSource,
    held: Vec<u8>,
    done: bool,
    failed: &'a mut Option<String>,
    tap: Arc<Mutex<TapState>>,
}

impl Iterator for Chunks<'_> {
    type Item = Vec<u8>;

    fn next(&mut self) -> Option<Vec<u8>> {
        while !self.done {
            match self.source.next_chunk() {
                Ok(Some(chunk)) => {
                    let mut out = std::mem::take(&mut self.held);
                    out.extend_from_slice(&chunk);
                    self.held = out.split_off(out.len().saturating_sub(2));
                    if !out.is_empty() {
                        return Some(out);
                    }
                }
                Ok(None) => {
                    self.done = true;
                    let held = std::mem::take(&mut self.held);
                    if !held.is_empty() && held != b"\r\n" {
                        return Some(held);
                    }
                }
                Err(reason) => {
                    self.done = true;
                    lock(&self.tap).hold_end = true;
                    *self.failed = Some(reason);
                }
            }
        }
        None
    }
}

impl Session {
    /// Connects to `target`, secures the connection, says EHLO and
    /// authenticates as `username` with `password`.
    ///
    /// Errors: every transport error; [`SmtpError::NoAuthMechanism`];
    /// [`SmtpError::AuthFailed`] with the server's code and text; timeouts.
    pub async fn open(
        target: &Target,
        username: &str,
        password: &Password,
        options: &SessionOptions,
    ) -> Result<Session, SmtpError> {
        let d = options.deadlines;
        let (conn, tap, tls) = greet(target, options).await?;
        let offered = lock(&tap).auth_mechanisms.clone();
        let mechanism = if conn.server_info().supports_auth_mechanism(Mechanism::Plain) {
            Mechanism::Plain
        } else if conn.server_info().supports_auth_mechanism(Mechanism::Login) {
            Mechanism::Login
        } else {
            return Err(SmtpError::NoAuthMechanism {
                offered: offered.join(" "),
            });
        };
        let mut session = Session {
            conn,
            tap,
            deadlines: d,
            tls,
            mechanism: format!("{mechanism}"),
            broken: false,
        };
        // RFC 8265 §4.2 (OpaqueString): the password as NFC.
        let normalized: Password = Password::new(password.expose().nfc().collect());
        let credentials = Credentials::new(username.to_string(), normalized.expose().to_string());
        let result = timeout(d.command, session.conn.auth(&[mechanism], &credentials)).await;
        drop(credentials);
        match result {
            Err(_) => Err(command_timeout(&d)),
            Ok(Ok(_)) => Ok(session),
            Ok(Err(e)) => Err(match map_error(e, &session.tap) {
                SmtpError::Permanent { code, text } | SmtpError::Transient { code, text }
                    if code == 535 || code == 534 || code == 530 || code == 454 =>
                {
                    SmtpError::AuthFailed { code, text }
                }
                other => other,
            }),
        }
    }

    /// The server's SIZE limit in bytes, if it advertised one (0: none).
    pub fn size_limit(&self) -> Option<u64> {
        lock(&self.tap).size_limit
    }

    /// The redacted transcript so far.
    pub fn transcript(&self) -> Vec<u8> {
        lock(&self.tap).transcript.clone()
    }

    /// Message bytes written so far in the current DATA (for progress).
    pub fn progress(&self) -> u64 {
        lock(&self.tap).message_bytes
    }

    /// The shared tap state (transcript, counters), for progress reports.
    pub fn tap(&self) -> Arc<Mutex<TapState>> {
        self.tap.clone()
    }

    /// Sends one message: MAIL, every RCPT, DATA.
    ///
    /// Errors: [`SmtpError::TooLarge`] and [`SmtpError::SmtpUtf8Needed`]
    /// before MAIL; [`SmtpError::RecipientsRefused`] (nothing sent);
    /// 4xx/5xx replies; timeouts; [`SmtpError::OutcomeUnknown`] when the
    /// connection is lost after the final `.`.
    pub async fn send(
        &mut self,
        envelope: &Envelope,
        message: &[u8],
    ) -> Result<Delivery, SmtpError> {
        let mut source = SliceSource(message);
        self.send_recorded(envelope, &mut source, &mut || Ok(()))
            .await
    }

    /// [`Session::send`] of a message read from `source` in chunks (so a
    /// big one is never held whole), calling `before_data` after the
    /// server's 354 and before the first byte of the message leaves (the
    /// outbox records the attempt there). If `before_data` fails, nothing
    /// of the message is sent and the connection is closed:
    /// [`SmtpError::NotRecorded`] with its reason.
    ///
    /// Errors: as [`Session::send`]; [`SmtpError::Abandoned`] when the
    /// source fails midway: the server was never given the final `.`, so
    /// nothing was delivered, and the connection is closed.
    pub async fn send_recorded(
        &mut self,
        envelope: &Envelope,
        source: &mut dyn MessageSource,
        before_data: &mut (dyn FnMut() -> Result<(), String> + Send),
    ) -> Result<Delivery, SmtpError> {
        let d = self.deadlines;
        let size = source.size();
        if let Some(limit) = self.size_limit()
            && limit > 0
            && size > limit
        {
            return Err(SmtpError::TooLarge { size, limit });
        }
        let server_utf8 = self
            .conn
            .server_info()
            .supports_feature(Extension::SmtpUtfEight);
        if envelope.smtputf8 && !server_utf8 {
            let address = std::iter::once(&envelope.mail_from)
                .chain(envelope.rcpt_to.iter())
                .find(|a| !a.is_ascii())
                .cloned()
                .unwrap_or_default();
            return Err(SmtpError::SmtpUtf8Needed { address });
        }
        let parse = |a: &str| -> Result<lettre::Address, SmtpError> {
            a.parse().map_err(|_| SmtpError::Protocol {
                detail: format!("{}{a}", super::error::detail::ADDRESS_UNSUPPORTED),
            })
        };
        let mut params = vec![MailParameter::Size(
            usize::try_from(size).unwrap_or(usize::MAX),
        )];
        if envelope.smtputf8 {
            params.push(MailParameter::SmtpUtfEight);
        }
        let from = parse(&envelope.mail_from)?;
        match timeout(d.command, self.conn.command(Mail::new(Some(from), params))).await {
            Err(_) => return Err(self.fail(command_timeout(&d))),
            Ok(Err(e)) => {
                let err = match map_error(e, &self.tap) {
                    SmtpError::Permanent { code, text } => SmtpError::SenderRefused {
                        address: envelope.mail_from.clone(),
                        code,
                        text,
                    },
                    other => other,
                };
                self.reset().await;
                return Err(err);
            }
            Ok(Ok(_)) => {}
        }
        let mut refused = Vec::new();
        let mut transient = None;
        for rcpt in &envelope.rcpt_to {
            let to = parse(rcpt)?;
            match timeout(d.command, self.conn.command(Rcpt::new(to, vec![]))).await {
                Err(_) => return Err(self.fail(command_timeout(&d))),
                Ok(Ok(_)) => {}
                Ok(Err(e)) => match map_error(e, &self.tap) {
                    SmtpError::Permanent { code, text } => refused.push((rcpt.clone(), code, text)),
                    SmtpError::Transient { code, text } => {
                        refused.push((rcpt.clone(), code, text.clone()));
                        transient.get_or_insert(SmtpError::Transient { code, text });
                    }
                    other => return Err(self.fail(other)),
                },
            }
        }
        if !refused.is_empty() {
            self.reset().await;
            let all_transient = refused.iter().all(|(_, c, _)| c / 100 == 4);
            return Err(match transient {
                Some(t) if all_transient => t,
                _ => SmtpError::RecipientsRefused { refused },
            });
        }
        match timeout(d.command, self.conn.command(Data)).await {
            Err(_) => return Err(self.fail(command_timeout(&d))),
            Ok(Err(e)) => {
                let err = map_error(e, &self.tap);
                self.reset().await;
                return Err(err);
            }
            Ok(Ok(_)) => {}
        }
        if let Err(reason) = before_data() {
            // lettre's DATA is open; the connection cannot be trusted for
            // another message, and nothing of this one was sent.
            self.broken = true;
            return Err(SmtpError::NotRecorded { reason });
        }
        let tap = self.tap.clone();
        let mut abandoned = None;
        let result = {
            let chunks = Chunks {
                source,
                held: Vec::new(),
                done: false,
                failed: &mut abandoned,
                tap: tap.clone(),
            };
            let sending = self.conn.message_iter(chunks);
            tokio::pin!(sending);
            let tick = (d.data_idle / 4).clamp(Duration::from_millis(50), Duration::from_secs(1));
            let watchdog = async {
                loop {
                    tokio::time::sleep(tick).await;
                    let st = lock(&tap);
                    match st.final_dot_at {
                        Some(at) if at.elapsed() > d.final_reply => {
                            return SmtpError::OutcomeUnknown;
                        }
                        Some(_) => {}
                        None => {
                            if st.last_progress.is_some_and(|t| t.elapsed() > d.data_idle) {
                                return SmtpError::Timeout {
                                    phase: Phase::Data,
                                    seconds: d.data_idle.as_secs(),
                                };
                            }
                        }
                    }
                }
            };
            tokio::select! {
                r = &mut sending => Ok(r),
                e = watchdog => Err(e),
            }
        };
        let dot_sent = lock(&self.tap).final_dot_at.is_some();
        if let Some(reason) = abandoned
            && !dot_sent
        {
            return Err(self.fail(SmtpError::Abandoned { reason }));
        }
        match result {
            Err(SmtpError::OutcomeUnknown) => {
                let e = self.outcome_unknown();
                Err(self.fail(e))
            }
            Err(e) => Err(self.fail(e)),
            Ok(Ok(response)) => Ok(Delivery {
                accepted: envelope.rcpt_to.clone(),
                reply: response.message().collect::<Vec<_>>().join(" "),
                bytes: size,
                tls: self.tls.clone(),
            }),
            Ok(Err(e)) => {
                let mapped = map_error(e, &self.tap);
                Err(match mapped {
                    SmtpError::Transient { .. } | SmtpError::Permanent { .. } => mapped,
                    _ if dot_sent => {
                        let e = self.outcome_unknown();
                        self.fail(e)
                    }
                    other => self.fail(other),
                })
            }
        }
    }

    /// The final `.` was written and no reply came: if the kernel still
    /// holds bytes the server never acknowledged, the server cannot have
    /// read the end of the message and nothing was delivered; otherwise it
    /// may have been sent.
    fn outcome_unknown(&self) -> SmtpError {
        let socket = lock(&self.tap).socket;
        match socket.and_then(|(local, peer)| super::unacked::unacknowledged(local, peer)) {
            Some(n) if n > 0 => SmtpError::NotDelivered { unacknowledged: n },
            _ => SmtpError::OutcomeUnknown,
        }
    }

    fn fail(&mut self, e: SmtpError) -> SmtpError {
        self.broken = true;
        e
    }

    async fn reset(&mut self) {
        if timeout(self.deadlines.command, self.conn.command(Rset))
            .await
            .is_err()
        {
            self.broken = true;
        }
    }

    /// Whether the connection can carry another message.
    pub fn is_usable(&self) -> bool {
        !self.broken && !self.conn.has_broken()
    }

    /// Says QUIT and closes; a broken connection is just closed (lettre's
    /// `abort` would wait for a QUIT reply without a deadline).
    pub async fn quit(mut self) {
        if self.is_usable() {
            let _ = timeout(self.deadlines.command, self.conn.quit()).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source that hands over `bytes` `step` bytes at a time, then fails
    /// if `fail` is set.
    struct Drip {
        bytes: Vec<u8>,
        step: usize,
        fail: bool,
    }

    impl MessageSource for Drip {
        fn size(&self) -> u64 {
            self.bytes.len() as u64
        }

        fn next_chunk(&mut self) -> Result<Option<Vec<u8>>, String> {
            if self.bytes.is_empty() {
                return if self.fail {
                    Err("cut".into())
                } else {
                    Ok(None)
                };
            }
            let n = self.step.min(self.bytes.len());
            Ok(Some(self.bytes.drain(..n).collect()))
        }
    }

    fn through_chunks(bytes: &[u8], step: usize, fail: bool) -> (Vec<u8>, Option<String>, bool) {
        let tap = Arc::new(Mutex::new(TapState::default()));
        let mut source = Drip {
            bytes: bytes.to_vec(),
            step,
            fail,
        };
        let mut failed = None;
        let out: Vec<u8> = Chunks {
            source: &mut source,
            held: Vec::new(),
            done: false,
            failed: &mut failed,
            tap: tap.clone(),
        }
        .flatten()
        .collect();
        let hold = lock(&tap).hold_end;
        (out, failed, hold)
    }

    #[test]
    fn chunks_hand_over_the_message_without_its_last_crlf_however_it_is_cut() {
        for step in [1, 2, 3, 7, 64 * 1024] {
            let (out, failed, hold) = through_chunks(b"A: b\r\n\r\nline\r\n", step, false);
            assert_eq!(out, b"A: b\r\n\r\nline", "step {step}");
            assert!(failed.is_none() && !hold);
            let (out, _, _) = through_chunks(b"no crlf at the end", step, false);
            assert_eq!(out, b"no crlf at the end", "step {step}");
        }
        assert_eq!(SliceSource(b"x\r\n").size(), 3);
        assert_eq!(SliceSource(b"x").size(), 3);
    }

    #[test]
    fn a_source_that_fails_holds_the_end_of_data() {
        let (_, failed, hold) = through_chunks(b"A: b\r\n\r\nline\r\n", 4, true);
        assert_eq!(failed.as_deref(), Some("cut"));
        assert!(hold, "the tap refuses the final dot");
    }
}
