//! The harness itself: the peer, the certificates and the keyring start and
//! stop on their own, and behave as the later tests rely on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use support::certs::TestCerts;
use support::keyring::{KeyringMode, KeyringSession};
use support::peer::SmtpPeer;
use support::{TEST_PASSWORD, TEST_USER};

fn ehlo(port: u16) -> String {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut out = String::new();
    let mut line = String::new();
    reader.read_line(&mut line).expect("greeting");
    out.push_str(&line);
    (&stream).write_all(b"EHLO [127.0.0.1]\r\n").expect("write");
    loop {
        line.clear();
        reader.read_line(&mut line).expect("reply");
        out.push_str(&line);
        if line.len() < 4 || line.as_bytes()[3] == b' ' {
            break;
        }
    }
    let _ = (&stream).write_all(b"QUIT\r\n");
    out
}

#[test]
fn harness_starts_and_stops_peer_and_keyring() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let (peer_pid, keyring_pid) = (peer.pid(), keyring.pid());
    assert!(support::alive(peer_pid) && support::alive(keyring_pid));

    let starttls = ehlo(peer.starttls_port);
    assert!(starttls.starts_with("220 "), "{starttls}");
    assert!(starttls.contains("STARTTLS"), "{starttls}");
    assert!(starttls.contains("SIZE 33554432"), "{starttls}");
    let plain = ehlo(peer.plain_port);
    assert!(!plain.contains("STARTTLS"), "{plain}");

    // The keyring answers: store and read back through libsecret.
    let stored = Command::new("secret-tool")
        .args([
            "store",
            "--label=t",
            "service",
            "koperta-harness",
            "username",
            "u",
        ])
        .env("DBUS_SESSION_BUS_ADDRESS", &keyring.bus)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().expect("stdin").write_all(b"s3cret")?;
            c.wait()
        })
        .expect("secret-tool store");
    assert!(stored.success());
    assert_eq!(
        keyring.lookup("koperta-harness", "u").as_deref(),
        Some("s3cret")
    );

    drop(peer);
    drop(keyring);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!support::alive(peer_pid), "peer still running");
    assert!(
        !support::alive(keyring_pid),
        "keyring session still running"
    );
}

#[test]
fn peer_receives_over_implicit_tls_and_starttls_with_polish_password() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let eml = certs.dir.path().join("m.eml");
    std::fs::write(
        &eml,
        "From: jan@example.com\r\nTo: anna@example.org\r\nSubject: test\r\n\r\n.hidden\r\nbody\r\n",
    )
    .expect("write eml");
    for (mode, port) in [
        ("implicit", peer.implicit_port),
        ("starttls", peer.starttls_port),
    ] {
        let status = Command::new(support::python())
            .arg(support::script("smtp_client.py"))
            .args([mode, &port.to_string()])
            .arg(&certs.ca)
            .args([TEST_USER, &B64.encode(TEST_PASSWORD)])
            .arg(&eml)
            .args(["jan@example.com", "anna@example.org"])
            .status()
            .expect("smtp_client.py");
        assert!(status.success(), "{mode}");
    }
    let got = peer.received();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].listener, "implicit");
    assert_eq!(got[1].listener, "starttls");
    for r in &got {
        assert_eq!(r.mail_from, "jan@example.com");
        assert_eq!(r.rcpt_tos, vec!["anna@example.org".to_string()]);
        // The raw DATA lines keep the stuffing; the stored message does not.
        assert!(
            r.raw_data_lines.iter().any(|l| l == b"..hidden\r\n"),
            "{:?}",
            r.raw_data_lines
        );
        assert!(String::from_utf8_lossy(&r.raw).contains("\r\n.hidden\r\n"));
        let parsed = support::parse_mail(&r.path);
        assert_eq!(parsed["subject"], "test");
        assert_eq!(parsed["to"][0]["address"], "anna@example.org");
    }
}

#[test]
fn peer_refuses_a_wrong_password() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let eml = certs.dir.path().join("m.eml");
    std::fs::write(&eml, "Subject: x\r\n\r\nx\r\n").expect("write");
    let status = Command::new(support::python())
        .arg(support::script("smtp_client.py"))
        .args(["implicit", &peer.implicit_port.to_string()])
        .arg(&certs.ca)
        .args([TEST_USER, &B64.encode("wrong")])
        .arg(&eml)
        .args(["a@example.com", "b@example.com"])
        .stderr(std::process::Stdio::null())
        .status()
        .expect("smtp_client.py");
    assert!(!status.success());
    assert!(peer.received().is_empty());
}

#[test]
fn certificates_have_the_promised_properties() {
    let certs = TestCerts::generate();
    let text = |p: &std::path::Path| std::fs::read_to_string(p).expect("read");
    for files in [
        &certs.valid,
        &certs.expired,
        &certs.wrong_name,
        &certs.unknown_ca,
        &certs.self_signed,
        &certs.self_signed_other,
    ] {
        assert!(text(&files.cert).starts_with("-----BEGIN CERTIFICATE-----"));
        assert!(text(&files.key).contains("PRIVATE KEY"));
    }
    assert!(text(&certs.ca).starts_with("-----BEGIN CERTIFICATE-----"));
    assert_ne!(certs.self_signed.cert_pem, certs.self_signed_other.cert_pem);
}
