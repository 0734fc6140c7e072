//! The fault proxy: in front of the real peer, it makes the faults a real
//! server will not, and records every byte the client sent in the clear.
//!
//! Plain mode (in front of the peer's STARTTLS or plain port): relays SMTP
//! lines until STARTTLS, then bytes. It can strip STARTTLS from the EHLO
//! reply, answer 454 to STARTTLS, or inject a line right after the 220
//! reply to STARTTLS. `Record` relays bytes untouched.
//!
//! TLS-terminating mode (in front of the peer's plain port, serving
//! implicit TLS with a test certificate): never greets, stalls after 354,
//! drops the connection mid-DATA or right after the final `.`, refuses one
//! RCPT with 550, or answers 421 to MAIL.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use super::certs::CertFiles;

/// What the proxy does wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Relay bytes untouched, recording the client's.
    Record,
    /// Remove STARTTLS from the EHLO reply.
    StripStartTls,
    /// Answer STARTTLS with 454.
    Refuse454,
    /// Send a plaintext line right after the 220 reply to STARTTLS.
    InjectAfter220,
    /// (TLS) Complete the handshake, then say nothing.
    NeverGreet,
    /// (TLS) After 354, stop reading and answering.
    StallAfter354,
    /// (TLS) As `StallAfter354`, with a receive buffer of a few KiB, so a
    /// message of some KiB fills it while the client's send buffer still
    /// holds the rest: the final `.` is written but never acknowledged.
    StallAfter354SmallWindow,
    /// Relay bytes untouched, `delay` after each KiB in either direction
    /// (a slow link, for killing a send at any moment).
    Slow(Duration),
    /// (TLS) After 354 and 64 KiB of message, close the connection.
    DropMidData,
    /// (TLS) Relay the message and its final `.`, then close before the reply.
    DropAfterDot,
    /// (TLS) Relay the message and its final `.`, then hold the server's
    /// reply back (a server slow to answer; the client may give up).
    StallAfterDot,
    /// (TLS) Refuse RCPT for this address with 550.
    RefuseRcpt(String),
    /// (TLS) Answer MAIL with 421 and close.
    Reply421OnMail,
    /// (TLS) On MAIL, reset the connection (a TCP RST, as a crashed
    /// server or a middlebox sends).
    ResetOnMail,
}

impl Fault {
    fn terminates_tls(&self) -> bool {
        !matches!(
            self,
            Fault::Record
                | Fault::StripStartTls
                | Fault::Refuse454
                | Fault::InjectAfter220
                | Fault::Slow(_)
        )
    }
}

trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

/// A running proxy.
pub struct FaultProxy {
    pub port: u16,
    clear: Arc<Mutex<Vec<u8>>>,
    _runtime: tokio::runtime::Runtime,
}

impl FaultProxy {
    /// Starts a proxy with `fault` in front of 127.0.0.1:`upstream`. TLS
    /// faults serve implicit TLS with `cert`.
    pub fn start(fault: Fault, upstream: u16, cert: &CertFiles) -> FaultProxy {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let clear = Arc::new(Mutex::new(Vec::new()));
        let acceptor = fault.terminates_tls().then(|| tls_acceptor(cert));
        let listener = if fault == Fault::StallAfter354SmallWindow {
            let socket = tokio::net::TcpSocket::new_v4().expect("socket");
            // Inherited by accepted connections; the kernel doubles it.
            socket.set_recv_buffer_size(2048).expect("rcvbuf");
            let _guard = runtime.enter();
            socket
                .bind("127.0.0.1:0".parse().expect("addr"))
                .expect("bind");
            socket.listen(16).expect("listen")
        } else {
            runtime
                .block_on(TcpListener::bind("127.0.0.1:0"))
                .expect("bind")
        };
        let port = listener.local_addr().expect("addr").port();
        let c = clear.clone();
        runtime.spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let (fault, c, acceptor) = (fault.clone(), c.clone(), acceptor.clone());
                tokio::spawn(async move {
                    let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)).await else {
                        return;
                    };
                    if fault == Fault::ResetOnMail {
                        // Closing then sends RST instead of FIN.
                        let _ = client.set_zero_linger();
                    }
                    match acceptor {
                        Some(a) => {
                            let Ok(tls) = a.accept(client).await else {
                                return;
                            };
                            let _ = tls_session(fault, Box::new(tls), server).await;
                        }
                        None => {
                            let _ = plain_session(fault, client, server, c).await;
                        }
                    }
                });
            }
        });
        FaultProxy {
            port,
            clear,
            _runtime: runtime,
        }
    }

    /// Every byte the client sent before TLS (all of them in `Record` mode).
    pub fn clear_capture(&self) -> Vec<u8> {
        self.clear.lock().map(|c| c.clone()).unwrap_or_default()
    }
}

/// A TLS acceptor serving `cert` (TLS 1.2 and 1.3).
pub fn tls_acceptor(cert: &CertFiles) -> tokio_rustls::TlsAcceptor {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&cert.cert)
        .expect("cert")
        .map(|c| c.expect("cert"))
        .collect();
    let key = PrivateKeyDer::from_pem_file(&cert.key).expect("key");
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .expect("server config");
    tokio_rustls::TlsAcceptor::from(Arc::new(config))
}

/// Reads one whole SMTP reply (all its lines).
async fn read_reply<R: AsyncBufReadExt + Unpin>(r: &mut R) -> std::io::Result<Vec<String>> {
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let last = line.as_bytes().get(3) != Some(&b'-');
        lines.push(line);
        if last {
            return Ok(lines);
        }
    }
}

fn strip_starttls(lines: Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = lines
        .into_iter()
        .filter(|l| !l[4..].trim().eq_ignore_ascii_case("STARTTLS"))
        .collect();
    let n = kept.len();
    for (i, l) in kept.iter_mut().enumerate() {
        let sep = if i + 1 == n { " " } else { "-" };
        *l = format!("{}{}{}", &l[..3], sep, &l[4..]);
    }
    kept
}

async fn plain_session(
    fault: Fault,
    client: TcpStream,
    server: TcpStream,
    clear: Arc<Mutex<Vec<u8>>>,
) -> std::io::Result<()> {
    if let Fault::Slow(delay) = fault {
        let (mut cr, mut cw) = client.into_split();
        let (mut sr, mut sw) = server.into_split();
        let _ = tokio::join!(
            slow_copy(&mut cr, &mut sw, delay),
            slow_copy(&mut sr, &mut cw, delay)
        );
        return Ok(());
    }
    if fault == Fault::Record {
        let (mut cr, mut cw) = client.into_split();
        let (mut sr, mut sw) = server.into_split();
        let up = async {
            let mut buf = vec![0u8; 16384];
            loop {
                let n = cr.read(&mut buf).await?;
                if n == 0 {
                    return sw.shutdown().await;
                }
                if let Ok(mut c) = clear.lock() {
                    c.extend_from_slice(&buf[..n]);
                }
                sw.write_all(&buf[..n]).await?;
            }
        };
        let down = tokio::io::copy(&mut sr, &mut cw);
        let _ = tokio::join!(up, down);
        return Ok(());
    }
    let mut client = BufReader::new(client);
    let mut server = BufReader::new(server);
    for l in read_reply(&mut server).await? {
        client.get_mut().write_all(l.as_bytes()).await?;
    }
    loop {
        let mut line = String::new();
        if client.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        if let Ok(mut c) = clear.lock() {
            c.extend_from_slice(line.as_bytes());
        }
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("STARTTLS") && fault == Fault::Refuse454 {
            client
                .get_mut()
                .write_all(b"454 4.7.0 TLS not available now\r\n")
                .await?;
            continue;
        }
        server.get_mut().write_all(line.as_bytes()).await?;
        let mut reply = read_reply(&mut server).await?;
        if upper.starts_with("EHLO") && fault == Fault::StripStartTls {
            reply = strip_starttls(reply);
        }
        let mut out = reply.concat().into_bytes();
        if upper.starts_with("STARTTLS") {
            if fault == Fault::InjectAfter220 {
                out.extend_from_slice(b"250 injected\r\n");
            }
            client.get_mut().write_all(&out).await?;
            // From here on the bytes are TLS: relay them untouched.
            let mut client = client.into_inner();
            let mut server = server.into_inner();
            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
            return Ok(());
        }
        client.get_mut().write_all(&out).await?;
    }
}

/// Copies `r` to `w` a KiB at a time, `delay` after each.
async fn slow_copy(
    r: &mut tokio::net::tcp::OwnedReadHalf,
    w: &mut tokio::net::tcp::OwnedWriteHalf,
    delay: Duration,
) -> std::io::Result<()> {
    let mut buf = vec![0u8; 1024];
    loop {
        let n = r.read(&mut buf).await?;
        if n == 0 {
            return w.shutdown().await;
        }
        tokio::time::sleep(delay).await;
        w.write_all(&buf[..n]).await?;
    }
}

async fn tls_session(
    fault: Fault,
    client: Box<dyn Stream>,
    server: TcpStream,
) -> std::io::Result<()> {
    if fault == Fault::NeverGreet {
        let _hold = (client, server);
        tokio::time::sleep(Duration::from_secs(60)).await;
        return Ok(());
    }
    let mut client = BufReader::new(client);
    let mut server = BufReader::new(server);
    for l in read_reply(&mut server).await? {
        client.get_mut().write_all(l.as_bytes()).await?;
    }
    loop {
        let mut line = String::new();
        if client.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let upper = line.to_ascii_uppercase();
        if let Fault::RefuseRcpt(addr) = &fault
            && upper.starts_with("RCPT TO:")
            && line.contains(&format!("<{addr}>"))
        {
            client
                .get_mut()
                .write_all(b"550 5.1.1 No such user here\r\n")
                .await?;
            continue;
        }
        if fault == Fault::ResetOnMail && upper.starts_with("MAIL FROM") {
            return Ok(());
        }
        if fault == Fault::Reply421OnMail && upper.starts_with("MAIL FROM") {
            client
                .get_mut()
                .write_all(b"421 4.3.2 Service shutting down\r\n")
                .await?;
            return Ok(());
        }
        server.get_mut().write_all(line.as_bytes()).await?;
        let reply = read_reply(&mut server).await?;
        client
            .get_mut()
            .write_all(reply.concat().as_bytes())
            .await?;
        if upper.starts_with("DATA") && reply.last().is_some_and(|l| l.starts_with("354")) {
            match fault {
                Fault::StallAfter354 | Fault::StallAfter354SmallWindow => {
                    let _hold = (client, server);
                    tokio::time::sleep(Duration::from_secs(60)).await;
                    return Ok(());
                }
                Fault::DropMidData => {
                    let mut buf = vec![0u8; 65536];
                    let _ = client.read_exact(&mut buf).await;
                    return Ok(());
                }
                Fault::DropAfterDot => {
                    relay_data(&mut client, &mut server).await?;
                    // The peer stores it; the client never hears so.
                    let _ = read_reply(&mut server).await;
                    return Ok(());
                }
                Fault::StallAfterDot => {
                    relay_data(&mut client, &mut server).await?;
                    let _ = read_reply(&mut server).await;
                    let _hold = (client, server);
                    tokio::time::sleep(Duration::from_secs(60)).await;
                    return Ok(());
                }
                _ => {
                    relay_data(&mut client, &mut server).await?;
                    let reply = read_reply(&mut server).await?;
                    client
                        .get_mut()
                        .write_all(reply.concat().as_bytes())
                        .await?;
                }
            }
        }
    }
}

/// Relays the message from the client to the server up to and including
/// the final `.` line.
async fn relay_data(
    client: &mut BufReader<Box<dyn Stream>>,
    server: &mut BufReader<TcpStream>,
) -> std::io::Result<()> {
    let mut tail: Vec<u8> = b"\r\n".to_vec();
    let mut buf = vec![0u8; 16384];
    loop {
        let n = client.read(&mut buf).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        server.get_mut().write_all(&buf[..n]).await?;
        tail.extend_from_slice(&buf[..n]);
        if tail.len() > 5 {
            tail.drain(..tail.len() - 5);
        }
        if tail == b"\r\n.\r\n" {
            return Ok(());
        }
    }
}
