//! Faults a real server will not make, made by the proxy in front of the
//! real peer: each ends with its own error, within its deadline, and no
//! AUTH, MAIL, RCPT or message byte ever crosses the network in the clear.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use support::certs::TestCerts;
use support::peer::SmtpPeer;
use support::proxy::{Fault, FaultProxy};
use support::{send_simple, setup, stderr};

/// Nothing a client must keep secret or private went out in the clear.
fn assert_clean(capture: &[u8]) {
    let text = String::from_utf8_lossy(capture).to_ascii_uppercase();
    for verb in ["AUTH", "MAIL FROM", "RCPT TO", "DATA", "TREŚĆ", "SUBJECT"] {
        assert!(!text.contains(verb), "{verb} in clear: {text}");
    }
    let forms = support::secret_forms(support::TEST_USER, support::TEST_PASSWORD);
    assert!(!support::contains_any(capture, &forms));
}

fn starttls_fault(fault: Fault, expected: &str) {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let proxy = FaultProxy::start(fault, peer.starttls_port, &certs.valid);
    let s = setup(
        proxy.port,
        "starttls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let (out, _) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    assert!(peer.received().is_empty());
    assert_clean(&proxy.clear_capture());
}

#[test]
fn starttls_stripped_by_the_proxy_is_starttls_not_offered() {
    starttls_fault(Fault::StripStartTls, "does not offer STARTTLS");
}

#[test]
fn reply_454_to_starttls_is_starttls_refused() {
    starttls_fault(Fault::Refuse454, "The server’s reply: 454");
}

#[test]
fn plaintext_injected_after_220_is_an_injection_error() {
    starttls_fault(
        Fault::InjectAfter220,
        "unexpected data before encryption started",
    );
}

#[test]
fn certificate_and_mode_faults_leak_nothing_in_the_clear() {
    let certs = TestCerts::generate();
    let cases = [
        (&certs.expired, "starttls", "has expired"),
        (&certs.wrong_name, "starttls", "is not valid for localhost"),
        (&certs.unknown_ca, "starttls", "not issued by an authority"),
        (&certs.expired, "implicit-tls", "has expired"),
        (
            &certs.valid,
            "implicit-tls-on-plain",
            "set the account’s security to STARTTLS",
        ),
    ];
    for (cert, mode, expected) in cases {
        let peer = SmtpPeer::start(cert);
        let (upstream, security) = match mode {
            "starttls" => (peer.starttls_port, "starttls"),
            "implicit-tls" => (peer.implicit_port, "implicit-tls"),
            _ => (peer.starttls_port, "implicit-tls"),
        };
        let proxy = FaultProxy::start(Fault::Record, upstream, cert);
        let s = setup(
            proxy.port,
            security,
            Some(("--ca-file", &certs.ca)),
            "en_US.UTF-8",
        );
        let (out, _) = send_simple(&s);
        assert_eq!(out.status.code(), Some(1), "{mode}");
        assert!(stderr(&out).contains(expected), "{mode}: {}", stderr(&out));
        assert_clean(&proxy.clear_capture());
        assert!(peer.received().is_empty());
    }
    // A changed pinned certificate.
    let peer = SmtpPeer::start(&certs.self_signed_other);
    let proxy = FaultProxy::start(Fault::Record, peer.starttls_port, &certs.valid);
    let s = setup(
        proxy.port,
        "starttls",
        Some(("--pin-cert", &certs.self_signed.cert)),
        "en_US.UTF-8",
    );
    let (out, _) = send_simple(&s);
    assert!(
        stderr(&out).contains("different certificate from the one pinned"),
        "{}",
        stderr(&out)
    );
    assert_clean(&proxy.clear_capture());
}

fn tls_fault(fault: Fault) -> (SmtpPeer, std::process::Output, Duration) {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let proxy = FaultProxy::start(fault, peer.plain_port, &certs.valid);
    let s = setup(
        proxy.port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let (out, took) = send_simple(&s);
    (peer, out, took)
}

#[test]
fn a_server_that_never_greets_times_out_in_the_greeting() {
    let (peer, out, took) = tls_fault(Fault::NeverGreet);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("did not send its greeting within"),
        "{}",
        stderr(&out)
    );
    assert!(took < Duration::from_secs(8), "{took:?}");
    assert!(peer.received().is_empty());
}

#[test]
fn the_greeting_deadline_is_the_greeting_setting_alone() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let proxy = FaultProxy::start(Fault::NeverGreet, peer.plain_port, &certs.valid);
    let s = setup(
        proxy.port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    // Greeting 2 s, commands 6 s: the wait is the greeting's 2 s, not 8.
    let config = std::fs::read_to_string(s.k.config_path()).unwrap();
    assert!(config.contains("command = 2"), "{config}");
    std::fs::write(
        s.k.config_path(),
        config.replace("command = 2", "command = 6"),
    )
    .unwrap();
    let (out, took) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("did not send its greeting within 2 seconds"),
        "{err}"
    );
    assert!(took < Duration::from_secs(6), "waited {took:?}");
    assert!(peer.received().is_empty());
}

#[test]
fn a_stall_after_354_is_outcome_unknown_after_the_final_reply_deadline() {
    let (_peer, out, took) = tls_fault(Fault::StallAfter354);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("may have been sent"),
        "{}",
        stderr(&out)
    );
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn a_server_that_stops_reading_mid_data_gives_nothing_was_delivered() {
    // The message (64 KiB) fits the client's send buffer, so its final `.`
    // is written; the server's receive window (a few KiB) never takes it,
    // so the kernel still holds unacknowledged bytes when the final reply
    // deadline passes: nothing can have been delivered.
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let proxy = FaultProxy::start(
        Fault::StallAfter354SmallWindow,
        peer.plain_port,
        &certs.valid,
    );
    let s = support::trusting(proxy.port, &certs, "en_US.UTF-8");
    let out = support::send_with_attachment(&s, "Dane", 64 << 10);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("nothing was delivered"), "{err}");
    assert!(!err.contains("may have been sent"), "{err}");
    // Kept as an ordinary transient failure, retried on its own.
    let list = s.k.run(&["outbox", "list"], b"");
    let listed = support::stdout(&list);
    assert!(listed.contains("Not sent"), "{listed}");
    assert!(!listed.contains("May have been sent"), "{listed}");
    assert!(peer.received().is_empty());
}

#[test]
fn a_drop_after_the_final_dot_is_outcome_unknown() {
    let (peer, out, took) = tls_fault(Fault::DropAfterDot);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("may have been sent"),
        "{}",
        stderr(&out)
    );
    assert!(took < Duration::from_secs(8), "{took:?}");
    // It was in fact delivered: exactly why the person must be asked.
    assert_eq!(peer.received().len(), 1);
}

#[test]
fn one_refused_recipient_sends_nothing_to_anyone() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let proxy = FaultProxy::start(
        Fault::RefuseRcpt("anna@example.org".into()),
        peer.plain_port,
        &certs.valid,
    );
    let s = setup(
        proxy.port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "pl_PL.UTF-8",
    );
    let out = s.k.run(
        &[
            "send",
            "--account",
            &s.id,
            "--to",
            "jan@example.com, anna@example.org",
            "--bcc",
            "ukryty@example.net",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("Serwer odrzucił jednego odbiorcę"), "{err}");
    assert!(err.contains("anna@example.org: 550"), "{err}");
    assert!(peer.received().is_empty());
}

#[test]
fn reply_421_is_a_transient_failure() {
    let (peer, out, _) = tls_fault(Fault::Reply421OnMail);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot take the message now (421"),
        "{}",
        stderr(&out)
    );
    assert!(peer.received().is_empty());
}

/// A connection reset (os error 104) was shown in the Polish window as
/// "Błąd sieci: network error: Connection reset by peer (os error 104)":
/// the kind of network failure is kept and said in the person's language.
#[test]
fn a_connection_reset_is_said_in_polish_without_the_systems_english() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let proxy = FaultProxy::start(Fault::ResetOnMail, peer.plain_port, &certs.valid);
    let s = setup(
        proxy.port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "pl_PL.UTF-8",
    );
    let out = s.k.run(
        &["send", "--account", &s.id, "--to", "jan@example.com"],
        b"Tresc\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("Połączenie z serwerem zostało zerwane"),
        "{err}"
    );
    for english in ["network error", "Connection reset", "os error"] {
        assert!(!err.contains(english), "{err}");
    }
    assert!(peer.received().is_empty());
}

#[test]
fn a_drop_mid_data_delivers_nothing_and_says_so() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let proxy = FaultProxy::start(Fault::DropMidData, peer.plain_port, &certs.valid);
    let s = setup(
        proxy.port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.bin");
    std::fs::write(&big, vec![0x5au8; 8 << 20]).unwrap();
    let out = s.k.run(
        &[
            "send",
            "--account",
            &s.id,
            "--to",
            "jan@example.com",
            "--attach",
            &big.display().to_string(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(!err.contains("may have been sent"), "{err}");
    assert!(
        err.contains("was broken off") || err.contains("closed unexpectedly"),
        "{err}"
    );
    assert!(peer.received().is_empty());
}

#[test]
fn a_stall_during_a_large_data_transfer_is_the_data_idle_timeout() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let proxy = FaultProxy::start(Fault::StallAfter354, peer.plain_port, &certs.valid);
    let s = setup(
        proxy.port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.bin");
    std::fs::write(&big, vec![0xa5u8; 12 << 20]).unwrap();
    let started = std::time::Instant::now();
    let out = s.k.run(
        &[
            "send",
            "--account",
            &s.id,
            "--to",
            "jan@example.com",
            "--attach",
            &big.display().to_string(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("Sending the message stalled"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(peer.received().is_empty());
}
