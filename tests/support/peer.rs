//! The real SMTP peer: aiosmtpd on 127.0.0.1 with implicit TLS, STARTTLS
//! required, and a port without STARTTLS (see `smtp_peer.py`).

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

use super::certs::CertFiles;
use super::{TEST_PASSWORD, TEST_USER, python, script};

/// One message the peer received.
#[derive(Debug, Clone)]
pub struct Received {
    /// `implicit`, `starttls` or `plain`.
    pub listener: String,
    /// Which connection (session) carried it.
    pub connection: u64,
    pub mail_from: String,
    pub rcpt_tos: Vec<String>,
    pub mail_options: Vec<String>,
    /// The message bytes (after dot-unstuffing).
    pub raw: Vec<u8>,
    /// The DATA lines as they arrived, before unstuffing.
    pub raw_data_lines: Vec<Vec<u8>>,
    /// The `.eml` file.
    pub path: PathBuf,
}

/// A running peer.
pub struct SmtpPeer {
    child: Child,
    pub store: tempfile::TempDir,
    pub implicit_port: u16,
    pub starttls_port: u16,
    pub plain_port: u16,
}

impl SmtpPeer {
    /// Starts the peer with `cert` and the default SIZE limit.
    pub fn start(cert: &CertFiles) -> SmtpPeer {
        SmtpPeer::start_with_size(cert, 33_554_432)
    }

    /// Starts the peer advertising `size` bytes as its SIZE limit.
    pub fn start_with_size(cert: &CertFiles, size: u64) -> SmtpPeer {
        SmtpPeer::start_with(cert, size, TEST_USER)
    }

    /// Starts the peer accepting `user` (with the test password).
    pub fn start_with(cert: &CertFiles, size: u64, user: &str) -> SmtpPeer {
        SmtpPeer::spawn(cert, size, user, &[])
    }

    /// Starts the peer accepting MAIL FROM only for `senders` (as a
    /// server that lets an account send only from its own addresses,
    /// Postfix's `reject_sender_login_mismatch`): 553 for any other.
    #[allow(dead_code)]
    pub fn start_with_senders(cert: &CertFiles, senders: &[&str]) -> SmtpPeer {
        SmtpPeer::spawn(
            cert,
            33_554_432,
            TEST_USER,
            &["--senders".to_string(), senders.join(",")],
        )
    }

    fn spawn(cert: &CertFiles, size: u64, user: &str, extra: &[String]) -> SmtpPeer {
        let store = tempfile::tempdir().expect("tempdir");
        let mut child = Command::new(python())
            .arg(script("smtp_peer.py"))
            .arg("--cert")
            .arg(&cert.cert)
            .arg("--key")
            .arg(&cert.key)
            .arg("--store")
            .arg(store.path())
            .arg("--user")
            .arg(user)
            .arg("--password-b64")
            .arg(B64.encode(TEST_PASSWORD))
            .arg("--size")
            .arg(size.to_string())
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .process_group(0)
            .spawn()
            .expect("start smtp_peer.py");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read ports");
        let ports: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|_| panic!("smtp_peer.py did not start: {line:?}"));
        let port = |k: &str| ports[k].as_u64().expect("port") as u16;
        SmtpPeer {
            implicit_port: port("implicit"),
            starttls_port: port("starttls"),
            plain_port: port("plain"),
            child,
            store,
        }
    }

    /// The peer's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Every message received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.store.path())
            .expect("read store")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        names.sort();
        names.iter().map(|p| read_received(p)).collect()
    }
}

fn read_received(json: &Path) -> Received {
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(json).expect("read json")).expect("json");
    let eml = json.with_extension("eml");
    let strings = |k: &str| -> Vec<String> {
        meta[k]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    Received {
        listener: meta["listener"].as_str().unwrap_or("").to_string(),
        connection: meta["connection"].as_u64().unwrap_or(0),
        mail_from: meta["mail_from"].as_str().unwrap_or("").to_string(),
        rcpt_tos: strings("rcpt_tos"),
        mail_options: strings("mail_options"),
        raw: std::fs::read(&eml).expect("read eml"),
        raw_data_lines: strings("raw_data_lines_b64")
            .iter()
            .map(|s| B64.decode(s).expect("b64"))
            .collect(),
        path: eml,
    }
}

impl Drop for SmtpPeer {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        super::kill_group(self.child.id());
        let _ = self.child.wait();
    }
}
