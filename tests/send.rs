//! `koperta send` and `koperta account test` against the real SMTP peer,
//! over implicit TLS and STARTTLS, and every certificate and mode fault a
//! real server can make.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use support::certs::{CertFiles, TestCerts};
use support::keyring::{KeyringMode, KeyringSession};
use support::peer::SmtpPeer;
use support::{Koperta, Setup, TEST_PASSWORD, TEST_USER, send_simple, setup, stderr, stdout};

fn polish_files(dir: &std::path::Path) -> (String, String, String, Vec<u8>, Vec<u8>) {
    let body = dir.join("body.txt");
    std::fs::write(&body, ".hidden\n.\nCześć 😀\n").unwrap();
    let pdf = dir.join("Załącznik ąę.pdf");
    let pdf_bytes = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n%%EOF\n".to_vec();
    std::fs::write(&pdf, &pdf_bytes).unwrap();
    let csv = dir.join("dane.csv");
    let csv_bytes = b"a,b\n1,2\n.\n3,4\0\r5\n".to_vec();
    std::fs::write(&csv, &csv_bytes).unwrap();
    (
        body.display().to_string(),
        pdf.display().to_string(),
        csv.display().to_string(),
        pdf_bytes,
        csv_bytes,
    )
}

fn send_polish(s: &Setup, dir: &std::path::Path, log: &std::path::Path) -> std::process::Output {
    let (body, pdf, csv, _, _) = polish_files(dir);
    let log = log.display().to_string();
    s.k.run(
        &[
            "send",
            "--account",
            &s.id,
            "--to",
            r#"Kowalski, Jan <jan@example.com>; "Nowak, Anna" <anna@example.org>"#,
            "--bcc",
            "ukryty@example.net",
            "--subject",
            "Sprawozdanie — zażółć gęślą jaźń",
            "--body-file",
            &body,
            "--attach",
            &pdf,
            "--attach",
            &csv,
            "--protocol-log",
            &log,
        ],
        b"",
    )
}

fn check_polish_arrived(peer: &SmtpPeer, listener: &str, dir: &std::path::Path) {
    let (_, _, _, pdf_bytes, csv_bytes) = polish_files(dir);
    let got = peer.received();
    assert_eq!(got.len(), 1);
    let r = &got[0];
    assert_eq!(r.listener, listener);
    assert_eq!(r.mail_from, "zofia@example.com");
    assert_eq!(
        r.rcpt_tos,
        ["jan@example.com", "anna@example.org", "ukryty@example.net"]
    );
    let size = r
        .mail_options
        .iter()
        .find(|o| o.starts_with("SIZE="))
        .unwrap();
    assert_eq!(size, &format!("SIZE={}", r.raw.len()));
    // Dot-stuffing happened on the wire.
    assert!(
        r.raw_data_lines.iter().any(|l| l == b"..hidden\r\n"),
        "{:?}",
        r.raw_data_lines
    );
    let p = support::parse_mail(&r.path);
    assert_eq!(p["subject"], "Sprawozdanie — zażółć gęślą jaźń");
    assert_eq!(p["to"][0]["name"], "Kowalski, Jan");
    assert_eq!(p["to"][1]["name"], "Nowak, Anna");
    assert!(p["bcc"].is_null());
    assert_eq!(p["body"], ".hidden\n.\nCześć 😀\n");
    let att = p["attachments"].as_array().unwrap();
    assert_eq!(att[0]["filename"], "Załącznik ąę.pdf");
    assert_eq!(
        B64.decode(att[0]["data_b64"].as_str().unwrap()).unwrap(),
        pdf_bytes
    );
    assert_eq!(
        B64.decode(att[1]["data_b64"].as_str().unwrap()).unwrap(),
        csv_bytes
    );
}

fn assert_no_secret(paths: &[&std::path::Path], outputs: &[&std::process::Output]) {
    let forms = support::secret_forms(TEST_USER, TEST_PASSWORD);
    for p in paths {
        assert!(
            support::files_containing(p, &forms).is_empty(),
            "secret in {}",
            p.display()
        );
    }
    for o in outputs {
        assert!(
            !support::contains_any(&o.stdout, &forms) && !support::contains_any(&o.stderr, &forms)
        );
    }
}

#[test]
fn polish_message_arrives_identical_over_implicit_tls() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = setup(
        peer.implicit_port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("protocol.log");
    let out = send_polish(&s, dir.path(), &log);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = stdout(&out);
    for a in ["jan@example.com", "anna@example.org", "ukryty@example.net"] {
        assert!(printed.contains(&format!("Accepted for {a}")), "{printed}");
    }
    check_polish_arrived(&peer, "implicit", dir.path());
    let transcript = std::fs::read_to_string(&log).unwrap();
    assert!(transcript.contains("C: <redacted>"), "{transcript}");
    assert!(
        transcript.contains("C: MAIL FROM:<zofia@example.com> SIZE="),
        "{transcript}"
    );
    assert_no_secret(&[dir.path(), s.k.dir(), peer.store.path()], &[&out]);
}

#[test]
fn polish_message_arrives_identical_over_starttls() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = setup(
        peer.starttls_port,
        "starttls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("protocol.log");
    let out = send_polish(&s, dir.path(), &log);
    assert!(out.status.success(), "{}", stderr(&out));
    check_polish_arrived(&peer, "starttls", dir.path());
    let transcript = std::fs::read_to_string(&log).unwrap();
    assert!(transcript.contains("C: STARTTLS"), "{transcript}");
    assert_no_secret(&[dir.path(), s.k.dir(), peer.store.path()], &[&out]);
}

#[test]
fn account_test_prints_tls_version_cipher_and_the_ca_subject() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start_with_size(&certs.valid, 123_456);
    let s = setup(
        peer.implicit_port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let out = s.k.run(&["account", "test", &s.id], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // In words, not rustls' names (D10).
    assert!(
        text.contains("Connection: TLS 1.3, AES-256-GCM")
            || text.contains("Connection: TLS 1.3, AES-128-GCM")
            || text.contains("Connection: TLS 1.3, ChaCha20-Poly1305"),
        "{text}"
    );
    assert!(
        !text.contains("TLS13_") && !text.contains("TLSv1"),
        "{text}"
    );
    assert!(text.contains(&certs.ca_name), "{text}");
    assert!(text.contains("Signed in with: PLAIN"), "{text}");
    assert!(
        text.contains("Maximum message size: 123\u{a0}kB (123,456 bytes)"),
        "{text}"
    );
    assert!(peer.received().is_empty());
    let pl = s.k.run(&["account", "test", &s.id], b"");
    assert!(pl.status.success());
}

#[test]
fn certificate_faults_each_have_their_own_error_and_send_nothing() {
    let certs = TestCerts::generate();
    let cases: [(&CertFiles, &str); 3] = [
        (&certs.expired, "certificate has expired"),
        (
            &certs.wrong_name,
            "is not valid for localhost; it is valid for: wrong.example.org",
        ),
        (
            &certs.unknown_ca,
            "not issued by an authority this computer trusts",
        ),
    ];
    for (cert, expected) in cases {
        let peer = SmtpPeer::start(cert);
        for (port, security) in [
            (peer.implicit_port, "implicit-tls"),
            (peer.starttls_port, "starttls"),
        ] {
            let s = setup(
                port,
                security,
                Some(("--ca-file", &certs.ca)),
                "en_US.UTF-8",
            );
            let (out, _) = send_simple(&s);
            assert_eq!(out.status.code(), Some(1), "{security} {expected}");
            assert!(
                stderr(&out).contains(expected),
                "{security}: {}",
                stderr(&out)
            );
            assert_no_secret(&[s.k.dir()], &[&out]);
        }
        assert!(peer.received().is_empty());
    }
}

#[test]
fn pinned_self_signed_certificate_works_and_a_different_one_is_refused() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.self_signed);
    let s = setup(
        peer.implicit_port,
        "implicit-tls",
        Some(("--pin-cert", &certs.self_signed.cert)),
        "en_US.UTF-8",
    );
    let (out, _) = send_simple(&s);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(peer.received().len(), 1);
    let test = s.k.run(&["account", "test", &s.id], b"");
    assert!(
        stdout(&test).contains("Certificate: pinned, SHA-256"),
        "{}",
        stdout(&test)
    );

    let other = SmtpPeer::start(&certs.self_signed_other);
    let s = setup(
        other.implicit_port,
        "implicit-tls",
        Some(("--pin-cert", &certs.self_signed.cert)),
        "pl_PL.UTF-8",
    );
    let (out, _) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("inny certyfikat niż przypięty"),
        "{}",
        stderr(&out)
    );
    assert!(other.received().is_empty());
}

#[test]
fn starttls_not_offered_is_its_own_error() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = setup(
        peer.plain_port,
        "starttls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let (out, _) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("does not offer STARTTLS"),
        "{}",
        stderr(&out)
    );
    assert!(peer.received().is_empty());
}

#[test]
fn implicit_tls_account_on_a_plaintext_port_is_told_at_once() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = setup(
        peer.starttls_port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let (out, took) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("set the account’s security to STARTTLS"),
        "{}",
        stderr(&out)
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn starttls_account_on_an_implicit_tls_port_is_told_within_six_seconds() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = setup(
        peer.implicit_port,
        "starttls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    std::fs::write(
        s.k.config_path(),
        std::fs::read_to_string(s.k.config_path())
            .unwrap()
            .replace("greeting = 2", "greeting = 60"),
    )
    .unwrap();
    let (out, took) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("expects TLS from the start"),
        "{}",
        stderr(&out)
    );
    assert!(took < Duration::from_secs(7), "{took:?}");
}

#[test]
fn message_larger_than_size_is_refused_before_mail_with_both_numbers() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start_with_size(&certs.valid, 1000);
    let s = setup(
        peer.implicit_port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.bin");
    std::fs::write(&big, vec![7u8; 5000]).unwrap();
    let log = dir.path().join("log");
    let out = s.k.run(
        &[
            "send",
            "--account",
            &s.id,
            "--to",
            "jan@example.com",
            "--attach",
            &big.display().to_string(),
            "--protocol-log",
            &log.display().to_string(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("accepts at most 1\u{a0}kB"), "{err}");
    assert!(err.contains("The message is 7"), "{err}");
    assert!(peer.received().is_empty());
}

#[test]
fn wrong_password_gives_the_authentication_error() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let k = Koperta::new().with_keyring(&keyring);
    let port = peer.implicit_port.to_string();
    let ca = certs.ca.display().to_string();
    let out = k.run(
        &[
            "account",
            "add",
            "--email",
            "zofia@example.com",
            "--host",
            "localhost",
            "--port",
            &port,
            "--username",
            TEST_USER,
            "--ca-file",
            &ca,
            "--password-stdin",
        ],
        b"wrong-password",
    );
    let id = stdout(&out).lines().last().unwrap().to_string();
    let log = k.dir().join("failed.log");
    let log_arg = log.display().to_string();
    let out = k.run(
        &[
            "send",
            "--account",
            &id,
            "--to",
            "jan@example.com",
            "--protocol-log",
            &log_arg,
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("The server’s reply: 535"),
        "{}",
        stderr(&out)
    );
    assert!(peer.received().is_empty());
    // The protocol log is written when it matters most: on failure.
    let transcript = std::fs::read_to_string(&log).unwrap();
    assert!(
        transcript.contains("C: <redacted>") && transcript.contains("S: 535"),
        "{transcript}"
    );
    assert!(!transcript.contains("wrong-password"));
}

/// A server that lets an account send only from its own addresses (as
/// Postfix's `reject_sender_login_mismatch`) refuses an identity's address
/// at MAIL FROM: nothing is sent, the reason names the address and what
/// to do, in English and in Polish, and the message waits in the outbox.
#[test]
fn an_identity_the_server_refuses_at_mail_from_is_said_so_and_nothing_is_sent() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start_with_senders(&certs.valid, &["zofia@example.com"]);
    let mut s = setup(
        peer.implicit_port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let out = s.k.run(
        &[
            "account",
            "identity",
            "add",
            &s.id,
            "--name",
            "Biuro",
            "--email",
            "biuro@example.com",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for (lang, said) in [
        (
            "en_US.UTF-8",
            "The server refused to send from biuro@example.com (553 5.7.1 <biuro@example.com>: Sender address rejected: not owned by user), so nothing was sent.",
        ),
        (
            "pl_PL.UTF-8",
            "Serwer nie pozwolił wysłać z adresu biuro@example.com (553 5.7.1 <biuro@example.com>: Sender address rejected: not owned by user), więc nic nie wysłano.",
        ),
    ] {
        s.k.lang = lang.into();
        let out = s.k.run(
            &[
                "send",
                "--account",
                &s.id,
                "--identity",
                "biuro@example.com",
                "--to",
                "jan@example.com",
                "--subject",
                "Z biura",
                "--body-file",
                "-",
            ],
            b"Tekst\n",
        );
        assert!(!out.status.success());
        assert!(stderr(&out).contains(said), "{}", stderr(&out));
    }
    assert!(peer.received().is_empty(), "nothing was sent");
    let listed = stdout(&s.k.run(&["outbox", "list"], b""));
    assert_eq!(listed.matches("Z biura").count(), 2, "{listed}");
    // Listed from the identity it was to go from, not the account.
    assert_eq!(
        listed.matches("Od: biuro@example.com").count(),
        2,
        "{listed}"
    );
    // The account's own address still goes.
    let out = s.k.run(
        &[
            "send",
            "--account",
            &s.id,
            "--to",
            "jan@example.com",
            "--subject",
            "Od Zofii",
            "--body-file",
            "-",
        ],
        b"Tekst\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(peer.received()[0].mail_from, "zofia@example.com");
}

/// Tryout 20: `koperta send` left out the account's signature, which the
/// app's compose window puts under the text. It goes under `-- ` unless
/// the text already ends with it or `--no-signature` is given.
#[test]
fn the_senders_signature_goes_under_the_text_unless_asked_not_to() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = setup(
        peer.implicit_port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let out = s.k.run(
        &[
            "account",
            "edit",
            &s.id,
            "--signature",
            "Zofia Żółkiewska\ntel. 600 100 200",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let send = |extra: &[&str], body: &[u8]| {
        let mut args = vec![
            "send",
            "--account",
            &s.id,
            "--to",
            "jan@example.com",
            "--subject",
            "Podpis",
            "--body-file",
            "-",
        ];
        args.extend_from_slice(extra);
        let out = s.k.run(&args, body);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    send(&[], b"Dzie\xc5\x84 dobry.\n");
    send(&["--no-signature"], b"Bez podpisu.\n");
    send(
        &[],
        "Już jest.\n\n-- \nZofia Żółkiewska\ntel. 600 100 200\n".as_bytes(),
    );
    let bodies: Vec<String> = peer
        .received()
        .iter()
        .map(|r| {
            support::parse_mail(&r.path)["body"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(bodies.len(), 3);
    assert!(
        bodies[0].contains("Dzień dobry.\n-- \nZofia Żółkiewska\ntel. 600 100 200"),
        "{}",
        bodies[0]
    );
    assert!(!bodies[1].contains("-- \n"), "{}", bodies[1]);
    assert_eq!(
        bodies[2].matches("Zofia Żółkiewska\ntel.").count(),
        1,
        "{}",
        bodies[2]
    );
}
