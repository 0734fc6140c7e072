//! A scripted fake SMTP server for the faults a real one cannot make: a
//! server that floods, lies, answers early or sends terminal escapes. It
//! plays its script to every connection, over implicit TLS (with a test
//! certificate) or in the clear.

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use super::certs::CertFiles;

/// One step of a script.
#[derive(Debug, Clone)]
pub enum Step {
    /// Write these bytes.
    Send(Vec<u8>),
    /// Read one line (whatever it says).
    Read,
    /// Write `pattern` again and again, up to `limit` bytes in all or until
    /// the client goes away.
    Flood { pattern: Vec<u8>, limit: usize },
    /// Upgrade to TLS here (after a 220 reply to STARTTLS).
    StartTls,
}

/// A running fake server.
pub struct FakeServer {
    pub port: u16,
    _runtime: tokio::runtime::Runtime,
}

trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

impl FakeServer {
    /// Starts a server playing `script` on 127.0.0.1: implicit TLS with
    /// `cert` when `implicit_tls`, else in the clear (a `StartTls` step
    /// upgrades with `cert`).
    pub fn start(cert: &CertFiles, implicit_tls: bool, script: Vec<Step>) -> FakeServer {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let listener = runtime
            .block_on(TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let tls = super::proxy::tls_acceptor(cert);
        runtime.spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let (tls, script) = (tls.clone(), script.clone());
                tokio::spawn(async move {
                    let stream: Box<dyn Stream> = if implicit_tls {
                        match tls.accept(tcp).await {
                            Ok(s) => Box::new(s),
                            Err(_) => return,
                        }
                    } else {
                        Box::new(tcp)
                    };
                    let _ = play(stream, &script, &tls).await;
                });
            }
        });
        FakeServer {
            port,
            _runtime: runtime,
        }
    }
}

async fn play(
    stream: Box<dyn Stream>,
    script: &[Step],
    tls: &tokio_rustls::TlsAcceptor,
) -> std::io::Result<()> {
    let mut stream = BufReader::new(stream);
    for step in script {
        match step {
            Step::Send(bytes) => stream.get_mut().write_all(bytes).await?,
            Step::Read => {
                let mut line = String::new();
                if stream.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
            }
            Step::Flood { pattern, limit } => {
                let mut sent = 0;
                while sent < *limit {
                    stream.get_mut().write_all(pattern).await?;
                    sent += pattern.len();
                }
            }
            Step::StartTls => {
                let tcp = stream.into_inner();
                let upgraded = tls.accept(tcp).await?;
                stream = BufReader::new(Box::new(upgraded));
            }
        }
    }
    // Hold the connection a moment so the client reads what was sent.
    tokio::time::sleep(Duration::from_secs(2)).await;
    Ok(())
}
