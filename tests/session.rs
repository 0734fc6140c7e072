//! The engine through the library: several messages over one connection,
//! the password normalised, progress counted.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use koperta::account::{Account, AccountId, Security};
use koperta::draft::{BuildOptions, Draft};
use koperta::secrets::Password;
use koperta::smtp::session::SessionOptions;
use koperta::smtp::{Session, Target};
use support::certs::TestCerts;
use support::peer::SmtpPeer;
use unicode_normalization::UnicodeNormalization;

fn account(port: u16, ca: &std::path::Path) -> Account {
    Account {
        id: AccountId::generate(),
        address: "zofia@example.com".into(),
        host: "localhost".into(),
        port,
        security: Security::ImplicitTls,
        username: support::TEST_USER.into(),
        extra_ca_pem: Some(std::fs::read_to_string(ca).unwrap()),
        ..Account::default()
    }
}

#[test]
fn several_messages_share_one_connection() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let acc = account(peer.implicit_port, &certs.ca);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let sent = rt.block_on(async {
        // A password typed in decomposed form is sent as NFC (RFC 8265).
        let decomposed: String = support::TEST_PASSWORD.nfd().collect();
        assert_ne!(decomposed, support::TEST_PASSWORD);
        let password = Password::new(decomposed);
        let mut session = Session::open(
            &Target::of(&acc, true),
            &acc.username,
            &password,
            &SessionOptions::default(),
        )
        .await
        .unwrap();
        let mut sent = Vec::new();
        for n in 0..3 {
            let draft = Draft {
                to: format!("r{n}@example.com"),
                subject: format!("nr {n}"),
                body: "x".repeat(1000),
                ..Draft::default()
            };
            let built = draft.build(&acc, &BuildOptions::default()).unwrap();
            let bytes = built.formatted().unwrap();
            let delivery = session.send(&built.envelope, &bytes).await.unwrap();
            sent.push(bytes.clone());
            assert_eq!(delivery.accepted, [format!("r{n}@example.com")]);
            assert!(session.progress() >= bytes.len() as u64);
        }
        session.quit().await;
        sent
    });
    let got = peer.received();
    // The server received exactly the bytes of each message: no blank line
    // added at the end, nothing lost.
    for (r, bytes) in got.iter().zip(&sent) {
        let mut expected = bytes.clone();
        if !expected.ends_with(b"\r\n") {
            expected.extend_from_slice(b"\r\n");
        }
        assert_eq!(r.raw, expected);
    }
    assert_eq!(got.len(), 3);
    assert!(
        got.iter().all(|r| r.connection == got[0].connection),
        "one connection"
    );
}
