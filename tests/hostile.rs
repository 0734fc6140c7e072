//! Servers that lie, flood or play tricks, made by the scripted fake server
//! (a real server will not): terminal escapes never reach the person raw,
//! floods end the session with their own error without raising memory, and
//! the protocol log never holds a credential.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use koperta::account::Security;
use koperta::secrets::Password;
use koperta::smtp::session::SessionOptions;
use koperta::smtp::{Deadlines, Session, SmtpError, Target};
use support::certs::TestCerts;
use support::fake::{FakeServer, Step};
use support::{send_simple, stderr};

fn target(certs: &TestCerts, port: u16, security: Security) -> Target {
    Target {
        host: "localhost".into(),
        port,
        security,
        extra_ca_pem: Some(std::fs::read_to_string(&certs.ca).unwrap()),
        pinned_cert_pem: None,
        never_plaintext: true,
        resolver: koperta::dns::Resolver::System,
    }
}

fn options() -> SessionOptions {
    let two = Duration::from_secs(2);
    SessionOptions {
        deadlines: Deadlines {
            connect: two,
            tls: two,
            greeting: two,
            command: two,
            data_idle: two,
            final_reply: two,
            implicit_tls_probe: Duration::from_secs(1),
        },
        ..SessionOptions::default()
    }
}

fn open(t: &Target, options: &SessionOptions) -> Result<Session, SmtpError> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(Session::open(
        t,
        support::TEST_USER,
        &Password::new(support::TEST_PASSWORD.into()),
        options,
    ))
}

fn s(text: &str) -> Step {
    Step::Send(text.as_bytes().to_vec())
}

#[test]
fn escape_sequences_from_the_server_never_reach_the_terminal_raw() {
    let certs = TestCerts::generate();
    let server = FakeServer::start(
        &certs.valid,
        true,
        vec![
            s("220 \x1b[2J\x1b[H fake ready\r\n"),
            Step::Read,
            s("250-fake \x1b[5m\r\n250 AUTH PLAIN LOGIN\r\n"),
            Step::Read,
            s("535 5.7.8 \x1b]0;pwned\x07\x1b[31mno\x1b[0m \u{202e}txet\r\n"),
        ],
    );
    let s = support::trusting(server.port, &certs, "pl_PL.UTF-8");
    let (out, _) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        !out.stderr.contains(&0x1b) && !out.stdout.contains(&0x1b),
        "{err:?}"
    );
    assert!(!out.stderr.contains(&0x07), "{err:?}");
    assert!(!err.contains('\u{202e}'), "{err:?}");
    // Replaced visibly, the rest of the server's words kept.
    assert!(err.contains("␛]0;pwned␇␛[31mno␛[0m"), "{err}");
    assert!(
        err.contains("Serwer odrzucił nazwę użytkownika lub hasło"),
        "{err}"
    );
    let list = s.k.run(&["outbox", "list"], b"");
    assert!(!list.stdout.contains(&0x1b), "{:?}", support::stdout(&list));
    assert!(
        support::stdout(&list).contains("␛]0;pwned"),
        "{}",
        support::stdout(&list)
    );
}

#[test]
fn certificate_names_with_escape_sequences_are_shown_safely() {
    // A certificate for another name whose DNS names carry escapes.
    let certs = TestCerts::generate();
    let evil = certs.sign_for("evil", &["wrong\x1b[2J.example.org", "ok.example.org"]);
    let server = FakeServer::start(&evil, true, vec![s("220 fake\r\n")]);
    let s = support::trusting(server.port, &certs, "en_US.UTF-8");
    let (out, _) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(!out.stderr.contains(&0x1b), "{err:?}");
    assert!(err.contains("wrong␛[2J.example.org"), "{err}");
}

/// A flooding server: its name, whether it speaks implicit TLS, the
/// account's security, its script, and the error expected.
type Flood = (
    &'static str,
    bool,
    Security,
    Vec<Step>,
    fn(&SmtpError) -> bool,
);

/// The process's peak resident memory (VmHWM), in KiB.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[test]
fn floods_before_and_after_tls_end_the_session_without_raising_memory() {
    let certs = TestCerts::generate();
    let limit = 256 << 20;
    let line = |n: usize| {
        let mut l = b"250-".to_vec();
        l.extend(std::iter::repeat_n(b'x', n));
        l.extend_from_slice(b"\r\n");
        l
    };
    let endless_line = Step::Flood {
        pattern: vec![b'a'; 64 << 10],
        limit,
    };
    let cases: Vec<Flood> = vec![
        (
            "endless EHLO reply after TLS",
            true,
            Security::ImplicitTls,
            vec![
                s("220 fake\r\n"),
                Step::Read,
                Step::Flood {
                    pattern: line(60),
                    limit,
                },
            ],
            |e| matches!(e, SmtpError::ReplyTooLarge { .. }),
        ),
        (
            "endless greeting line after TLS",
            true,
            Security::ImplicitTls,
            vec![s("220 "), endless_line.clone()],
            |e| matches!(e, SmtpError::ReplyLineTooLong { .. }),
        ),
        (
            "endless greeting line before TLS",
            false,
            Security::StartTls,
            vec![s("220 "), endless_line.clone()],
            |e| matches!(e, SmtpError::ReplyLineTooLong { .. }),
        ),
        (
            "endless EHLO reply before TLS",
            false,
            Security::StartTls,
            vec![
                s("220 fake\r\n"),
                Step::Read,
                Step::Flood {
                    pattern: line(60),
                    limit,
                },
            ],
            |e| matches!(e, SmtpError::ReplyTooLarge { .. }),
        ),
    ];
    // A normal session first, so that the baseline holds what any session
    // needs (TLS, buffers).
    let normal = FakeServer::start(
        &certs.valid,
        true,
        vec![
            s("220 fake\r\n"),
            Step::Read,
            s("250-fake\r\n250 AUTH PLAIN\r\n"),
            Step::Read,
            s("235 ok\r\n"),
        ],
    );
    let session = open(
        &target(&certs, normal.port, Security::ImplicitTls),
        &options(),
    )
    .unwrap();
    drop(session);
    let baseline = peak_kib();
    for (name, implicit, security, script, expected) in cases {
        let server = FakeServer::start(&certs.valid, implicit, script);
        let result = open(&target(&certs, server.port, security), &options());
        let err = result.err().unwrap_or_else(|| panic!("{name}: signed in"));
        assert!(expected(&err), "{name}: {err:?}");
        let grown = peak_kib().saturating_sub(baseline);
        println!("{name}: peak RSS +{grown} KiB");
        assert!(grown < 8 << 10, "{name}: peak RSS grew by {grown} KiB");
    }
}

#[test]
fn the_password_never_reaches_the_protocol_log_even_when_the_server_answers_early() {
    let certs = TestCerts::generate();
    // AUTH LOGIN answered with both challenges and the success at once,
    // before the client has sent its user name and password.
    let server = FakeServer::start(
        &certs.valid,
        true,
        vec![
            s("220 fake\r\n"),
            Step::Read,
            s("250-fake\r\n250 AUTH LOGIN\r\n"),
            Step::Read,
            s("334 VXNlcm5hbWU6\r\n334 UGFzc3dvcmQ6\r\n235 2.7.0 ok\r\n"),
            Step::Read,
            Step::Read,
            Step::Read,
            s("221 bye\r\n"),
        ],
    );
    let tap: std::sync::Arc<std::sync::Mutex<koperta::smtp::transport::TapState>> =
        Default::default();
    let options = SessionOptions {
        tap: Some(tap.clone()),
        ..options()
    };
    let session = open(
        &target(&certs, server.port, Security::ImplicitTls),
        &options,
    );
    let transcript = tap.lock().unwrap().transcript.clone();
    let text = String::from_utf8_lossy(&transcript);
    assert!(session.is_ok(), "{:?}\n{text}", session.err());
    assert!(text.contains("S: 235 2.7.0 ok"), "{text}");
    let forms = support::secret_forms(support::TEST_USER, support::TEST_PASSWORD);
    assert!(!support::contains_any(&transcript, &forms), "{text}");
    assert_eq!(text.matches("C: <redacted>").count(), 3, "{text}");
}
