//! Discovery against real servers on 127.0.0.1: dnsmasq for MX and SRV,
//! Python's HTTPS server (test CA) for autoconfig files, a plain-HTTP
//! server that must never be asked, and the SMTP peer for probing and the
//! login test. Each source is taken from an address to a saved account that
//! signs in and delivers a message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use koperta::account::{Account, AccountId, Security};
use koperta::config::Settings;
use koperta::discover::{Candidate, Findings, Outcome, Source};
use koperta::draft::{BuildOptions, Draft};
use koperta::secrets::Password;
use koperta::smtp::session::SessionOptions;
use koperta::smtp::{Session, Target};
use support::lab::{LAB_USER, Lab, autoconfig_xml};

/// A providers table with nothing matching `example.test`.
const NO_PROVIDERS: &str = "version = 1\n";

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn discover(lab: &Lab, providers: &str) -> Findings {
    rt().block_on(lab.discoverer(providers).discover(LAB_USER))
        .unwrap()
}

/// What the wizard does after the person accepts `best`: the login test,
/// saving (config in a fresh KOPERTA_HOME, read back), then a message sent
/// through the saved account. Returns the saved account.
fn save_and_send(lab: &Lab, best: &Candidate) -> Account {
    let account = Account {
        id: AccountId::generate(),
        name: "Jan Testowy".into(),
        address: LAB_USER.into(),
        host: best.host.clone(),
        port: best.port,
        security: best.security,
        username: best.username.clone(),
        extra_ca_pem: Some(std::fs::read_to_string(lab.ca()).unwrap()),
        ..Account::default()
    };
    let settings = Settings::default();
    let env = koperta::outbox::Environment {
        resolver: lab.dns.resolver(),
        checks: None,
    };
    let password = Password::new(support::TEST_PASSWORD.into());
    let rt = rt();
    let report = rt
        .block_on(koperta::outbox::test_with_password(
            &account, &password, &settings, &env, None,
        ))
        .expect("login test");
    assert!(report.tls.is_some(), "signed in over TLS");
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("config.toml");
    let saved = account.clone();
    koperta::config::update(&path, move |c| c.accounts.push(saved)).unwrap();
    let (file, problem) = koperta::config::ConfigFile::open(&path);
    assert!(problem.is_none());
    let account = file.config.accounts[0].clone();
    let mut target = Target::of(&account, true);
    target.resolver = env.resolver.clone();
    let before = lab.peer.received().len();
    rt.block_on(async {
        let mut session = Session::open(
            &target,
            &account.username,
            &password,
            &SessionOptions::default(),
        )
        .await
        .expect("session");
        let draft = Draft {
            to: "anna@example.org".into(),
            subject: "Konto z kreatora".into(),
            body: "Działa.".into(),
            ..Draft::default()
        };
        let built = draft.build(&account, &BuildOptions::default()).unwrap();
        session
            .send(&built.envelope, &built.formatted().unwrap())
            .await
            .unwrap();
        session.quit().await;
    });
    let got = lab.peer.received();
    assert_eq!(got.len(), before + 1);
    assert_eq!(got[before].rcpt_tos, ["anna@example.org"]);
    assert_eq!(got[before].mail_from, LAB_USER);
    account
}

/// No plain-HTTP request was made, by any test in this file.
fn assert_no_plain_http(lab: &Lab) {
    assert!(
        lab.http.requests().is_empty(),
        "plain HTTP was asked: {:?}",
        lab.http.requests()
    );
}

fn outcome(f: &Findings, source: Source) -> &Outcome {
    &f.outcomes.iter().find(|(s, _)| *s == source).unwrap().1
}

#[test]
fn bundled_source_sets_up_a_working_account() {
    let lab = Lab::start(&[], &[]);
    let table = format!(
        r#"version = 1
[[provider]]
id = "example"
name = "Example Test Mail"
domains = ["example.test"]
username = "address"
auth = "password"
source = "test"
verified = true
servers = [{{ host = "smtp.example.test", port = {}, security = "implicit-tls" }}]
"#,
        lab.peer.implicit_port
    );
    // (The lab asked one question to see dnsmasq was ready.)
    let asked_before = lab.dns.queries();
    let f = discover(&lab, &table);
    let best = f.best().unwrap();
    assert_eq!(best.source, Source::Bundled);
    // The bundled table answers without asking anything on the network.
    assert_eq!(lab.dns.queries(), asked_before);
    assert!(lab.https.requests().is_empty());
    save_and_send(&lab, best);
    assert_no_plain_http(&lab);
}

#[test]
fn autoconfig_source_sets_up_a_working_account() {
    let lab = Lab::start(&[], &[]);
    lab.https.put(
        "/mail/config-v1.1.xml",
        autoconfig_xml(&[("smtp.%EMAILDOMAIN%", lab.peer.implicit_port, "SSL")]).as_bytes(),
    );
    let f = discover(&lab, NO_PROVIDERS);
    let best = f.best().unwrap();
    assert_eq!(best.source, Source::Autoconfig);
    assert_eq!(best.host, "smtp.example.test");
    assert_eq!(best.username, LAB_USER);
    // The request went to autoconfig.{domain} with the address, over HTTPS.
    let requests = lab.https.requests();
    assert!(
        requests
            .iter()
            .any(|(host, path)| host.starts_with("autoconfig.example.test:")
                && path == "/mail/config-v1.1.xml?emailaddress=jan%40example.test"),
        "{requests:?}"
    );
    save_and_send(&lab, best);
    assert_no_plain_http(&lab);
}

#[test]
fn well_known_source_sets_up_a_working_account() {
    let lab = Lab::start(&[], &[]);
    lab.https.put(
        "/.well-known/autoconfig/mail/config-v1.1.xml",
        autoconfig_xml(&[("mail.example.test", lab.peer.starttls_port, "STARTTLS")]).as_bytes(),
    );
    let f = discover(&lab, NO_PROVIDERS);
    let best = f.best().unwrap();
    assert_eq!(best.source, Source::WellKnown);
    assert_eq!(best.security, Security::StartTls);
    let requests = lab.https.requests();
    // The .well-known URL carries no address.
    assert!(
        requests
            .iter()
            .filter(|(_, p)| p.starts_with("/.well-known/"))
            .all(|(h, p)| h.starts_with("example.test:") && !p.contains('@') && !p.contains("%40")),
        "{requests:?}"
    );
    save_and_send(&lab, best);
    assert_no_plain_http(&lab);
}

#[test]
fn ispdb_source_sets_up_a_working_account() {
    let lab = Lab::start(&[], &[]);
    lab.https.put(
        "/v1.1/example.test",
        autoconfig_xml(&[("smtp.example.test", lab.peer.implicit_port, "SSL")]).as_bytes(),
    );
    let f = discover(&lab, NO_PROVIDERS);
    let best = f.best().unwrap();
    assert_eq!(best.source, Source::Ispdb);
    save_and_send(&lab, best);
    assert_no_plain_http(&lab);
}

#[test]
fn mx_source_sets_up_a_working_account() {
    // example.test's mail is hosted at a provider known by its MX hosts.
    let lab = Lab::start(&["--mx-host=example.test,mx1.mx.provider.test,10"], &[]);
    let table = format!(
        r#"version = 1
[[provider]]
id = "provider"
name = "Provider Test Hosting"
domains = ["provider.test"]
mx = ["mx.provider.test"]
source = "test"
verified = true
servers = [{{ host = "smtp.provider.test", port = {}, security = "implicit-tls" }}]
"#,
        lab.peer.implicit_port
    );
    let f = discover(&lab, &table);
    let best = f.best().unwrap();
    assert_eq!(best.source, Source::Mx);
    assert_eq!(best.host, "smtp.provider.test");
    assert!(
        !best.outside_domain,
        "the provider's own server, from our table"
    );
    save_and_send(&lab, best);
    assert_no_plain_http(&lab);
}

#[test]
fn srv_source_sets_up_a_working_account() {
    // Priority 10 is tried before 20; `_submissions` (implicit TLS) before
    // `_submission` (STARTTLS).
    let lab = Lab::start(
        &[
            "--srv-host=_submissions._tcp.example.test,smtp.example.test,{implicit},10,5",
            "--srv-host=_submissions._tcp.example.test,backup.example.test,{implicit},20,5",
            "--srv-host=_submission._tcp.example.test,mail.example.test,{starttls},0,1",
        ],
        &[],
    );
    let f = discover(&lab, NO_PROVIDERS);
    assert_eq!(outcome(&f, Source::Srv), &Outcome::Found(3));
    let order: Vec<_> = f
        .candidates
        .iter()
        .map(|c| (c.host.as_str(), c.security))
        .collect();
    assert_eq!(
        order,
        [
            ("smtp.example.test", Security::ImplicitTls),
            ("backup.example.test", Security::ImplicitTls),
            ("mail.example.test", Security::StartTls),
        ]
    );
    save_and_send(&lab, f.best().unwrap());
    assert_no_plain_http(&lab);
}

#[test]
fn srv_dot_target_means_not_offered_and_foreign_targets_are_flagged() {
    let lab = Lab::start(
        &[
            "--srv-host=_submissions._tcp.example.test",
            "--srv-host=_submission._tcp.example.test,smtp.provider.test,{starttls},0,1",
        ],
        &[],
    );
    let f = discover(&lab, NO_PROVIDERS);
    assert_eq!(f.candidates.len(), 1, "{:?}", f.candidates);
    let best = f.best().unwrap();
    assert_eq!(best.host, "smtp.provider.test");
    assert!(best.outside_domain, "a target in another domain asks first");
    // Its certificate is checked against that target's name.
    save_and_send(&lab, best);
}

#[test]
fn probe_source_sets_up_a_working_account_without_sending_credentials() {
    let lab = Lab::start(&[], &[]);
    let f = discover(&lab, NO_PROVIDERS);
    let best = f.best().unwrap();
    assert_eq!(best.source, Source::Probe);
    assert_eq!(best.host, "smtp.example.test");
    assert_eq!(best.security, Security::ImplicitTls);
    // Probing said EHLO and nothing more: no message, and the peer saw no
    // AUTH (its log of messages is empty until the account sends).
    assert!(lab.peer.received().is_empty());
    save_and_send(&lab, best);
    assert_no_plain_http(&lab);
}

#[test]
fn an_autoconfig_file_with_only_plaintext_is_refused() {
    let lab = Lab::start(&[], &[]);
    lab.https.put(
        "/mail/config-v1.1.xml",
        autoconfig_xml(&[("smtp.example.test", lab.peer.plain_port, "plain")]).as_bytes(),
    );
    let f = discover(&lab, NO_PROVIDERS);
    assert_eq!(f.refused_plaintext.len(), 1);
    assert_eq!(f.refused_plaintext[0].security, Security::Plaintext);
    // Never proposed, whatever the source.
    assert!(
        f.candidates
            .iter()
            .all(|c| c.security != Security::Plaintext),
        "{:?}",
        f.candidates
    );
    assert_no_plain_http(&lab);
}

#[test]
fn plaintext_first_and_implicit_tls_second_chooses_implicit_tls() {
    let lab = Lab::start(&[], &[]);
    lab.https.put(
        "/mail/config-v1.1.xml",
        autoconfig_xml(&[
            ("smtp.example.test", lab.peer.plain_port, "plain"),
            ("smtp.example.test", lab.peer.starttls_port, "STARTTLS"),
            ("smtp.example.test", lab.peer.implicit_port, "SSL"),
        ])
        .as_bytes(),
    );
    let f = discover(&lab, NO_PROVIDERS);
    let best = f.best().unwrap();
    assert_eq!(best.security, Security::ImplicitTls);
    assert_eq!(best.port, lab.peer.implicit_port);
    assert_eq!(f.candidates[1].security, Security::StartTls);
    save_and_send(&lab, best);
}

#[test]
fn a_redirect_to_plain_http_is_never_followed() {
    // Every HTTPS source redirects to the plain-HTTP server.
    let lab = Lab::start(
        &[],
        &[
            (
                "/mail/config-v1.1.xml",
                "http://127.0.0.1:{http}/mail/config-v1.1.xml",
            ),
            (
                "/.well-known/autoconfig/mail/config-v1.1.xml",
                "http://127.0.0.1:{http}/x",
            ),
            ("/v1.1/example.test", "http://127.0.0.1:{http}/y"),
        ],
    );
    lab.http.put(
        "/mail/config-v1.1.xml",
        autoconfig_xml(&[("smtp.example.test", lab.peer.implicit_port, "SSL")]).as_bytes(),
    );
    let f = discover(&lab, NO_PROVIDERS);
    assert_eq!(lab.https.requests().len(), 3, "{:?}", lab.https.requests());
    assert_no_plain_http(&lab);
    assert!(matches!(
        outcome(&f, Source::Autoconfig),
        Outcome::Failed(_)
    ));
    // The probe still finds the server.
    assert_eq!(f.best().unwrap().source, Source::Probe);
}

#[test]
fn a_certificate_for_another_name_is_refused_for_autoconfig() {
    // The autoconfig host presents a certificate that is not valid for it:
    // the file is not read, and nothing falls back to plain HTTP.
    let lab = Lab::start(&["--address=/wrong.test/127.0.0.1"], &[]);
    let mut d = lab.discoverer(NO_PROVIDERS);
    d.autoconfig_url = format!(
        "https://autoconfig.wrong.test:{}/mail/config-v1.1.xml",
        lab.https.port
    );
    lab.https.put(
        "/mail/config-v1.1.xml",
        autoconfig_xml(&[("smtp.example.test", lab.peer.implicit_port, "SSL")]).as_bytes(),
    );
    let f = rt().block_on(d.discover(LAB_USER)).unwrap();
    assert!(
        !matches!(outcome(&f, Source::Autoconfig), Outcome::Found(_)),
        "{:?}",
        f.outcomes
    );
    // The handshake failed before any request was made.
    assert!(
        lab.https
            .requests()
            .iter()
            .all(|(h, _)| !h.starts_with("autoconfig.wrong.test")),
        "{:?}",
        lab.https.requests()
    );
    assert_no_plain_http(&lab);
}

fn login_test(lab: &Lab, host: &str, port: u16, security: Security) -> Result<(), String> {
    let account = Account {
        id: AccountId::generate(),
        address: LAB_USER.into(),
        host: host.into(),
        port,
        security,
        username: LAB_USER.into(),
        extra_ca_pem: Some(std::fs::read_to_string(lab.ca()).unwrap()),
        ..Account::default()
    };
    let settings = Settings::default();
    let env = koperta::outbox::Environment {
        resolver: lab.dns.resolver(),
        checks: None,
    };
    let password = Password::new(support::TEST_PASSWORD.into());
    rt().block_on(koperta::outbox::test_with_password(
        &account, &password, &settings, &env, None,
    ))
    .map(|_| ())
    .map_err(|e| format!("{e:?}"))
}

#[test]
fn no_credential_is_sent_before_a_verified_tls_session() {
    use support::proxy::{Fault, FaultProxy};
    let lab = Lab::start(&["--address=/wrong.test/127.0.0.1"], &[]);
    let forms = support::secret_forms(LAB_USER, support::TEST_PASSWORD);

    // A STARTTLS server found through SRV, behind a proxy that records what
    // the client sends in the clear: EHLO and STARTTLS only.
    let proxy = FaultProxy::start(Fault::Record, lab.peer.starttls_port, &lab.certs.discovery);
    login_test(&lab, "smtp.example.test", proxy.port, Security::StartTls).expect("login");
    let clear = proxy.clear_capture();
    assert!(clear.windows(8).any(|w| w == b"STARTTLS"), "{clear:?}");
    assert!(!clear.windows(4).any(|w| w.eq_ignore_ascii_case(b"AUTH")));
    assert!(!support::contains_any(&clear, &forms));

    // STARTTLS stripped: the login test fails, nothing sent.
    let stripped = FaultProxy::start(
        Fault::StripStartTls,
        lab.peer.starttls_port,
        &lab.certs.discovery,
    );
    let e = login_test(&lab, "smtp.example.test", stripped.port, Security::StartTls).unwrap_err();
    assert!(e.contains("StartTlsNotOffered"), "{e}");
    let clear = stripped.clear_capture();
    assert!(!clear.windows(4).any(|w| w.eq_ignore_ascii_case(b"AUTH")));
    assert!(!support::contains_any(&clear, &forms));

    // A certificate not valid for the name: the handshake fails first.
    let recorded = FaultProxy::start(Fault::Record, lab.peer.starttls_port, &lab.certs.discovery);
    let e = login_test(&lab, "smtp.wrong.test", recorded.port, Security::StartTls).unwrap_err();
    assert!(e.contains("Certificate"), "{e}");
    let clear = recorded.clear_capture();
    assert!(!clear.windows(4).any(|w| w.eq_ignore_ascii_case(b"AUTH")));
    assert!(!support::contains_any(&clear, &forms));
    assert!(lab.peer.received().is_empty());
}

#[test]
fn discover_command_prints_source_host_port_and_security() {
    // `--dns-server` and `--ca-file` point the command at the lab; SRV
    // finds the server; `--save` tests it and adds the account.
    let lab = Lab::start(
        &["--srv-host=_submissions._tcp.example.test,smtp.example.test,{implicit},0,1"],
        &[],
    );
    let keyring = support::keyring::KeyringSession::start(support::keyring::KeyringMode::Unlocked);
    let k = support::Koperta::new().with_keyring(&keyring).lang("en");
    let dns = format!("127.0.0.1:{}", lab.dns.port);
    let ca = lab.ca().to_str().unwrap().to_string();
    let out = k.run(
        &[
            "account",
            "discover",
            LAB_USER,
            "--dns-server",
            &dns,
            "--ca-file",
            &ca,
        ],
        b"",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "Proposed: smtp.example.test:{}, Implicit TLS (SSL/TLS), user name {LAB_USER} (from the domain’s SRV records (RFC 6186))",
            lab.peer.implicit_port
        )),
        "{stdout}"
    );
    assert!(stdout.contains("does not validate"), "{stdout}");
    let out = k.run(
        &[
            "account",
            "discover",
            LAB_USER,
            "--dns-server",
            &dns,
            "--ca-file",
            &ca,
            "--save",
            "--name",
            "Jan",
        ],
        support::TEST_PASSWORD.as_bytes(),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("The account works."), "{stdout}");
    let id = stdout.lines().last().unwrap().trim().to_string();
    assert_eq!(
        keyring.lookup("koperta", &id).as_deref(),
        Some(support::TEST_PASSWORD),
        "the password is in the keyring"
    );
    let config = std::fs::read_to_string(k.dir().join("config.toml")).unwrap();
    assert!(config.contains("host = \"smtp.example.test\""), "{config}");
    assert!(!config.contains(support::TEST_PASSWORD));
}

#[test]
fn discover_command_answers_for_bundled_providers_with_no_network() {
    // In a network namespace of its own (no interface but a down loopback)
    // when the test runs as root; otherwise as it is.
    let k = support::Koperta::new().lang("pl");
    for (address, host) in [
        ("jan@gmail.com", "smtp.gmail.com"),
        ("jan@wp.pl", "smtp.wp.pl"),
        ("jan@onet.pl", "smtp.poczta.onet.pl"),
        ("jan@interia.pl", "poczta.interia.pl"),
        ("jan@outlook.com", "smtp-mail.outlook.com"),
    ] {
        let out = k.run_isolated(&["account", "discover", address]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{address}: {stdout}");
        assert!(
            stdout.contains(&format!("Propozycja: {host}:")),
            "{address}: {stdout}"
        );
        assert!(
            stdout.contains("lista dostawców wbudowana w Kopertę"),
            "{stdout}"
        );
    }
    let out = k.run_isolated(&["account", "discover", "jan@outlook.com"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("OAuth"));
}

#[test]
fn a_redirect_elsewhere_never_carries_the_address_in_a_referer() {
    // The provider's autoconfig host sends the client to another HTTPS
    // host, which serves the file.
    let lab = Lab::start(
        &[],
        &[(
            "/mail/config-v1.1.xml",
            "https://files.provider.test:{self}/elsewhere.xml",
        )],
    );
    let f = {
        lab.https.put(
            "/elsewhere.xml",
            autoconfig_xml(&[("smtp.example.test", lab.peer.implicit_port, "SSL")]).as_bytes(),
        );
        discover(&lab, NO_PROVIDERS)
    };
    assert_eq!(f.best().unwrap().source, Source::Autoconfig);
    let requests = lab.https.requests();
    assert!(
        requests
            .iter()
            .any(|(h, p)| h.starts_with("files.provider.test") && p == "/elsewhere.xml"),
        "{requests:?}"
    );
    for referer in lab.https.referers() {
        assert!(!referer.contains("jan"), "the address leaked: {referer}");
        assert!(referer.is_empty(), "{referer}");
    }
    assert_no_plain_http(&lab);
}

#[test]
fn a_domain_that_says_not_offered_is_not_probed_and_port_zero_is_dropped() {
    let lab = Lab::start(&["--srv-host=_submissions._tcp.example.test"], &[]);
    let f = discover(&lab, NO_PROVIDERS);
    assert_eq!(outcome(&f, Source::Srv), &Outcome::NotOffered);
    assert_eq!(outcome(&f, Source::Probe), &Outcome::Skipped);
    assert!(f.candidates.is_empty(), "{:?}", f.candidates);
    assert!(lab.peer.received().is_empty());

    let lab = Lab::start(
        &[
            "--srv-host=_submissions._tcp.example.test,smtp.example.test,0,0,1",
            "--srv-host=_submission._tcp.example.test,mail.example.test,{starttls},0,1",
        ],
        &[],
    );
    let f = discover(&lab, NO_PROVIDERS);
    assert!(
        f.candidates.iter().all(|c| c.port != 0),
        "{:?}",
        f.candidates
    );
    assert_eq!(f.best().unwrap().host, "mail.example.test");
}
