//! The tap: a stream wrapper that sees every plaintext SMTP line. It keeps
//! the redacted transcript (credentials redacted by what the client sent),
//! reads SIZE and AUTH from EHLO replies, counts message bytes for
//! progress, knows when the final `.` went out, bounds the server's reply
//! lines and replies, and is the one choke point of "never plaintext"
//! ([`permitted`], RFC 8314).

use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Instant;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

use super::error::SmtpError;

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
    /// The message being sent could not be read to its end: every further
    /// DATA write is refused, so the server never receives the final `.`
    /// and delivers nothing (RFC 5321 §4.1.1.4).
    pub hold_end: bool,
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
    pub(super) synthetic: Vec<u8>,
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
                        self.hold_end = false;
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
    pub(super) inner: S,
    /// The shared state.
    pub state: Arc<Mutex<TapState>>,
}

impl<S> std::fmt::Debug for Tap<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tap")
    }
}

impl<S> Tap<S> {
    pub(super) fn lock(&self) -> std::sync::MutexGuard<'_, TapState> {
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
            if st.in_data && st.hold_end {
                return Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the message could not be read to its end",
                )));
            }
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
