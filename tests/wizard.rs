//! The account setup wizard: every step drawn by iced_test's simulator in
//! both languages (the pictures go to `target/screenshots/wizard/`), and a
//! headless walk through the app's own `update` and tasks, against the
//! discovery lab, the real keyring and the SMTP peer: from an address to a
//! saved account that sends; and pinning a self-signed certificate.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::app::send;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use koperta::account::Security;
use koperta::discover::providers::{Auth, Note, Provider, Providers, ServerEntry, Username};
use koperta::discover::{Candidate, Discoverer, Findings, Outcome, Source};
use koperta::draft::Draft;
use koperta::i18n::{self, Language};
use koperta::paths::Paths;
use koperta::ui::app::{App, Message};
use koperta::ui::{compose, main_window, wizard};

/// The Fluent loader is global: tests that switch languages take turns.
static LANGUAGE: Mutex<()> = Mutex::new(());

fn shots() -> std::path::PathBuf {
    let dir = support::manifest_dir().join("target/screenshots/wizard");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn wp() -> Provider {
    Provider {
        id: "wp".into(),
        name: "Poczta WP (wp.pl)".into(),
        name_pl: None,
        domains: vec!["wp.pl".into()],
        mx: Vec::new(),
        username: Username::LocalPart,
        auth: Auth::Password,
        help: "https://pomoc.wp.pl/".into(),
        note: Note::EnableSmtp,
        source: "ISPDB".into(),
        verified: true,
        servers: vec![ServerEntry {
            host: "smtp.wp.pl".into(),
            port: 465,
            security: Security::ImplicitTls,
        }],
    }
}

fn findings_for_wp() -> Findings {
    let candidate = Candidate {
        host: "smtp.wp.pl".into(),
        port: 465,
        security: Security::ImplicitTls,
        username: "zofia".into(),
        source: Source::Bundled,
        provider: Some(wp()),
        outside_domain: false,
    };
    let mut outcomes = vec![(Source::Bundled, Outcome::Found(1))];
    outcomes.extend(Source::ALL[1..].iter().map(|s| (*s, Outcome::Skipped)));
    Findings {
        domain: "wp.pl".into(),
        candidates: vec![candidate],
        refused_plaintext: Vec::new(),
        oauth_only: None,
        outcomes,
    }
}

/// What a self-hosted domain's autoconfig would give: its own server.
fn findings_for_own_server() -> Findings {
    let candidate = Candidate {
        host: "poczta.moja-firma.pl".into(),
        port: 465,
        security: Security::ImplicitTls,
        username: "zofia@moja-firma.pl".into(),
        source: Source::Autoconfig,
        provider: None,
        outside_domain: false,
    };
    let outcomes = Source::ALL
        .iter()
        .map(|s| match s {
            Source::Autoconfig => (*s, Outcome::Found(1)),
            _ => (*s, Outcome::Skipped),
        })
        .collect();
    Findings {
        domain: "moja-firma.pl".into(),
        candidates: vec![candidate],
        refused_plaintext: Vec::new(),
        oauth_only: None,
        outcomes,
    }
}

/// Renders `state` at the main window's size with the embedded font,
/// writes the picture, and returns the simulator for text checks.
fn render(state: &wizard::State, name: &str) -> Vec<String> {
    let element = iced::widget::container(wizard::view(state, true)).padding(14);
    let mut ui = support::app::simulator_at_window_size(element);
    support::app::photograph(&mut ui, &koperta::ui::style::theme(false), &shots(), name);
    let mut found = Vec::new();
    for probe in [
        "Find my server",
        "Znajdź mój serwer",
        "Set up manually",
        "Skonfiguruj ręcznie",
        "Cancel",
        "Anuluj",
        "Next",
        "Dalej",
        "Sign in and save",
        "Zaloguj się i zapisz",
        "Pin this certificate and sign in",
        "Przypnij certyfikat i zaloguj się",
    ] {
        if ui.find(probe).is_ok() {
            found.push(probe.to_string());
        }
    }
    found
}

#[test]
fn every_wizard_step_is_drawn_in_both_languages() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    let pem =
        std::fs::read_to_string(support::certs::TestCerts::generate().self_signed.cert).unwrap();
    for lang in [Language::Pl, Language::En] {
        i18n::apply(lang);
        let code = if lang == Language::Pl { "pl" } else { "en" };
        let polish = lang == Language::Pl;
        let mut s = wizard::State::default();
        let _ = s.update(wizard::Message::Name("Zofia Żółkiewska".into()));
        let _ = s.update(wizard::Message::Address("zofia@wp.pl".into()));
        let found = render(&s, &format!("{code}-1-identity"));
        assert_eq!(
            found,
            if polish {
                ["Znajdź mój serwer", "Skonfiguruj ręcznie", "Anuluj"]
            } else {
                ["Find my server", "Set up manually", "Cancel"]
            }
        );

        assert!(
            matches!(s.update(wizard::Message::Find), wizard::Action::Discover(1, ref a) if a == "zofia@wp.pl")
        );
        let found = render(&s, &format!("{code}-2-searching"));
        assert_eq!(found, [if polish { "Anuluj" } else { "Cancel" }]);

        let _ = s.update(wizard::Message::Found(1, Ok(findings_for_wp())));
        assert_eq!(*s.step(), wizard::Step::Proposal);
        assert_eq!(s.username(), "zofia");
        let found = render(&s, &format!("{code}-3-proposal"));
        assert!(found.contains(&(if polish { "Dalej" } else { "Next" }).to_string()));

        let _ = s.update(wizard::Message::Accept);
        assert_eq!(*s.step(), wizard::Step::Password);
        let _ = s.update(wizard::Message::Password("tajne".into()));
        let found = render(&s, &format!("{code}-4-password"));
        assert!(
            found.contains(
                &(if polish {
                    "Zaloguj się i zapisz"
                } else {
                    "Sign in and save"
                })
                .to_string()
            )
        );

        // Pinning is for a server of one's own (language review W18: the
        // picture taught pinning a public provider's certificate), with
        // the words the app gives it.
        let mut s = wizard::State::default();
        let _ = s.update(wizard::Message::Name("Zofia Żółkiewska".into()));
        let _ = s.update(wizard::Message::Address("zofia@moja-firma.pl".into()));
        let _ = s.update(wizard::Message::Find);
        let _ = s.update(wizard::Message::Found(1, Ok(findings_for_own_server())));
        let _ = s.update(wizard::Message::Accept);
        let _ = s.update(wizard::Message::Password("tajne".into()));
        let wizard::Action::Test(generation, _, _) = s.update(wizard::Message::Test) else {
            panic!("test")
        };
        let _ = s.update(wizard::Message::Tested(
            generation,
            Err(wizard::TestFailure {
                reason: koperta::t!("wizard-cert-untrusted"),
                pinnable_pem: Some(pem.clone()),
            }),
        ));
        assert!(matches!(*s.step(), wizard::Step::Pin { .. }));
        let found = render(&s, &format!("{code}-5-pin"));
        assert!(
            found.contains(
                &(if polish {
                    "Przypnij certyfikat i zaloguj się"
                } else {
                    "Pin this certificate and sign in"
                })
                .to_string()
            )
        );

        // Only a plaintext server documented: refused, manual setup offered.
        let mut plain = wizard::State::default();
        let _ = plain.update(wizard::Message::Address("jan@example.net".into()));
        let _ = plain.update(wizard::Message::Find);
        let mut f = Findings {
            domain: "example.net".into(),
            ..Findings::default()
        };
        f.refused_plaintext.push(Candidate {
            host: "mail.example.net".into(),
            port: 25,
            security: Security::Plaintext,
            username: "jan@example.net".into(),
            source: Source::Autoconfig,
            provider: None,
            outside_domain: false,
        });
        let _ = plain.update(wizard::Message::Found(1, Ok(f)));
        assert!(!plain.can_accept());
        let found = render(&plain, &format!("{code}-6-plaintext-only"));
        assert!(
            found.contains(
                &(if polish {
                    "Skonfiguruj ręcznie"
                } else {
                    "Set up manually"
                })
                .to_string()
            )
        );
        assert!(
            !found.contains(&(if polish { "Dalej" } else { "Next" }).to_string())
                || !plain.can_accept()
        );
    }
    i18n::apply(Language::En);
}

#[test]
fn an_oauth_only_provider_is_named_before_any_password_is_asked() {
    let mut s = wizard::State::default();
    let _ = s.update(wizard::Message::Address("jan@outlook.com".into()));
    let _ = s.update(wizard::Message::Find);
    let mut f = findings_for_wp();
    let mut p = wp();
    p.auth = Auth::OauthOnly;
    p.name = "Outlook.com".into();
    f.candidates[0].provider = Some(p);
    let _ = s.update(wizard::Message::Found(1, Ok(f)));
    assert_eq!(s.oauth_only().as_deref(), Some("Outlook.com"));
    assert!(!s.can_accept());
    let _ = s.update(wizard::Message::Accept);
    assert_eq!(*s.step(), wizard::Step::Proposal, "no password step");
}

#[test]
fn a_late_answer_after_cancel_is_ignored() {
    let mut s = wizard::State::default();
    let _ = s.update(wizard::Message::Address("zofia@wp.pl".into()));
    let _ = s.update(wizard::Message::Find);
    assert_eq!(s.update(wizard::Message::Cancel), wizard::Action::Abort);
    assert_eq!(*s.step(), wizard::Step::Identity);
    let _ = s.update(wizard::Message::Found(1, Ok(findings_for_wp())));
    assert_eq!(*s.step(), wizard::Step::Identity);
    assert!(s.findings().is_none());
}

fn w(app: &App) -> &wizard::State {
    app.main.wizard().expect("wizard open")
}

/// The in-process half: runs in a child process whose D-Bus session has
/// the test keyring (see `the_wizard_takes_an_address_to_a_saved_account_that_sends`).
#[test]
#[ignore = "run by the_wizard_takes_an_address_to_a_saved_account_that_sends"]
fn wizard_walk_inner() {
    let Ok(home) = std::env::var("KOPERTA_HOME") else {
        return;
    };
    let var = |k: &str| std::env::var(k).unwrap();
    i18n::apply(Language::Pl);
    let dns: std::net::SocketAddr = var("LAB_DNS").parse().unwrap();
    let resolver = koperta::dns::Resolver::Servers(vec![dns]);
    // No undo delay: each message goes as soon as it is queued.
    let paths = Paths::under(std::path::Path::new(&home));
    koperta::config::update(&paths.config_file(), |c| c.settings.undo_send_seconds = 0).unwrap();
    let mut app = App::headless(paths);
    app.env.resolver = resolver.clone();
    app.discoverer = Discoverer {
        providers: Arc::new(Providers::default()),
        resolver,
        // Nothing listens on port 9: these sources fail at once.
        autoconfig_url: "https://autoconfig.{domain}:9/mail/config-v1.1.xml".into(),
        well_known_url: "https://{domain}:9/.well-known/autoconfig/mail/config-v1.1.xml".into(),
        ispdb_url: "https://ispdb.provider.test:9/v1.1/{domain}".into(),
        probe_ports: (9, 9),
        extra_ca_pem: Some(std::fs::read_to_string(var("LAB_CA")).unwrap()),
        total: Duration::from_secs(10),
        per_request: Duration::from_secs(2),
        proxy_from_env: false,
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();

    // "Add account" opens the wizard.
    send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::AddAccount),
    );
    assert_eq!(*w(&app).step(), wizard::Step::Identity);
    send(
        &mut app,
        &rt,
        Message::Wizard(wizard::Message::Name("Jan Testowy".into())),
    );
    send(
        &mut app,
        &rt,
        Message::Wizard(wizard::Message::Address(support::lab::LAB_USER.into())),
    );
    send(&mut app, &rt, Message::Wizard(wizard::Message::Find));
    assert_eq!(
        *w(&app).step(),
        wizard::Step::Proposal,
        "{:?}",
        w(&app).error()
    );
    let candidate = w(&app).candidate().cloned().unwrap();
    assert_eq!(candidate.source, Source::Srv);
    assert_eq!(candidate.host, "smtp.example.test");
    send(&mut app, &rt, Message::Wizard(wizard::Message::Accept));
    assert_eq!(*w(&app).step(), wizard::Step::Password);
    send(
        &mut app,
        &rt,
        Message::Wizard(wizard::Message::Password(support::TEST_PASSWORD.into())),
    );
    send(&mut app, &rt, Message::Wizard(wizard::Message::Test));
    assert!(
        app.main.wizard().is_none(),
        "saved and closed: {:?}",
        app.main.wizard().map(|w| w.error())
    );
    let account = app.config.config.accounts[0].clone();
    assert_eq!(account.host, "smtp.example.test");
    assert_eq!(account.name, "Jan Testowy");
    println!("ACCOUNT_ID={}", account.id);
    let on_disk = std::fs::read_to_string(app.config.path()).unwrap();
    assert!(on_disk.contains("smtp.example.test"));
    assert!(!on_disk.contains(support::TEST_PASSWORD));

    // The saved account sends.
    let id = support::app::compose_window(
        &mut app,
        Draft {
            account: Some(account.id.clone()),
            to: "anna@example.org".into(),
            subject: "Pierwsza wiadomość z kreatora".into(),
            body: "Działa.\n".into(),
            ..Draft::default()
        },
    );
    send(&mut app, &rt, Message::Compose(id, compose::Message::Send));
    assert_eq!(app.store.sent().0.len(), 1, "{:?}", app.main.notice());

    // A self-hosted server with a self-signed certificate: the wizard shows
    // its fingerprint and pins it on request; the account is "pinned".
    send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::AddAccount),
    );
    send(
        &mut app,
        &rt,
        Message::Wizard(wizard::Message::Address(support::lab::LAB_USER.into())),
    );
    send(&mut app, &rt, Message::Wizard(wizard::Message::Find));
    send(
        &mut app,
        &rt,
        Message::Wizard(wizard::Message::Host("localhost".into())),
    );
    send(
        &mut app,
        &rt,
        Message::Wizard(wizard::Message::Port(var("PIN_PORT"))),
    );
    send(&mut app, &rt, Message::Wizard(wizard::Message::Accept));
    send(
        &mut app,
        &rt,
        Message::Wizard(wizard::Message::Password(support::TEST_PASSWORD.into())),
    );
    send(&mut app, &rt, Message::Wizard(wizard::Message::Test));
    let wizard::Step::Pin { fingerprint, .. } = w(&app).step().clone() else {
        panic!("pin step: {:?} {:?}", w(&app).step(), w(&app).error())
    };
    let pem = std::fs::read_to_string(var("PIN_CERT")).unwrap();
    let der = koperta::account::certificates(&pem).unwrap().remove(0);
    assert_eq!(fingerprint, koperta::account::fingerprint(&der));
    send(&mut app, &rt, Message::Wizard(wizard::Message::Pin));
    assert!(
        app.main.wizard().is_none(),
        "{:?}",
        app.main.wizard().map(|w| w.error())
    );
    let pinned = app.config.config.accounts[1].clone();
    assert!(pinned.pinned_cert_pem.is_some());
    assert_eq!(
        pinned.pinned_fingerprint().as_deref(),
        Some(fingerprint.as_str())
    );
    // The marks say what the sign-ins saw (D6), not what is configured.
    use koperta::report::marks::{MarkKind, mark_kind, security_mark};
    assert_eq!(
        mark_kind(&pinned, app.checks.get(&pinned.id)),
        MarkKind::Pinned
    );
    let mark = security_mark(&pinned, app.checks.get(&pinned.id));
    assert!(mark.starts_with("przypięty certyfikat zgodny"), "{mark}");
    assert!(mark.contains("TLS 1."), "{mark}");
    assert_eq!(
        mark_kind(&account, app.checks.get(&account.id)),
        MarkKind::Verified
    );
}

#[test]
fn the_wizard_takes_an_address_to_a_saved_account_that_sends() {
    use support::keyring::{KeyringMode, KeyringSession};
    let lab = support::lab::Lab::start(
        &["--srv-host=_submissions._tcp.example.test,smtp.example.test,{implicit},0,1"],
        &[],
    );
    let self_signed = support::peer::SmtpPeer::start_with(
        &lab.certs.self_signed,
        33_554_432,
        support::lab::LAB_USER,
    );
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "wizard_walk_inner", "--ignored", "--nocapture"])
        .env("KOPERTA_HOME", home.path())
        .env("DBUS_SESSION_BUS_ADDRESS", &keyring.bus)
        .env("LAB_DNS", format!("127.0.0.1:{}", lab.dns.port))
        .env("LAB_CA", lab.ca())
        .env("PIN_PORT", self_signed.implicit_port.to_string())
        .env("PIN_CERT", &lab.certs.self_signed.cert)
        .env("LANG", "pl_PL.UTF-8")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && text.contains("1 passed"), "{text}");
    let id = text
        .lines()
        .find_map(|l| l.strip_prefix("ACCOUNT_ID="))
        .unwrap()
        .trim();
    // The password went to the keyring, under the account's id.
    assert_eq!(
        keyring.lookup("koperta", id).as_deref(),
        Some(support::TEST_PASSWORD)
    );
    // The message went out through the account the wizard saved.
    let got = lab.peer.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].mail_from, support::lab::LAB_USER);
    assert_eq!(
        support::parse_mail(&got[0].path)["subject"],
        "Pierwsza wiadomość z kreatora"
    );
    // Pinning signed in once, sending nothing.
    assert!(self_signed.received().is_empty());
}

#[test]
fn enter_again_while_signing_in_starts_no_second_sign_in_and_a_new_server_drops_the_pin() {
    let mut s = wizard::State::default();
    let _ = s.update(wizard::Message::Address("zofia@wp.pl".into()));
    let _ = s.update(wizard::Message::Find);
    let _ = s.update(wizard::Message::Found(1, Ok(findings_for_wp())));
    let _ = s.update(wizard::Message::Accept);
    let _ = s.update(wizard::Message::Password("tajne".into()));
    assert!(matches!(
        s.update(wizard::Message::Test),
        wizard::Action::Test(..)
    ));
    // Enter pressed again while the first sign-in runs: nothing new starts.
    assert_eq!(s.update(wizard::Message::Test), wizard::Action::None);
    assert_eq!(*s.step(), wizard::Step::Testing);
    // An untrusted certificate, pinned; then the person edits the server:
    // the pin was for the old one and goes.
    let generation = s.generation();
    let _ = s.update(wizard::Message::Tested(
        generation,
        Err(wizard::TestFailure {
            reason: "x".into(),
            pinnable_pem: Some(
                std::fs::read_to_string(support::certs::TestCerts::generate().self_signed.cert)
                    .unwrap(),
            ),
        }),
    ));
    let _ = s.update(wizard::Message::Pin);
    assert!(s.pinned_pem().is_some());
    let _ = s.update(wizard::Message::Cancel);
    let _ = s.update(wizard::Message::Back);
    let _ = s.update(wizard::Message::Host("smtp2.wp.pl".into()));
    assert!(s.pinned_pem().is_none());
    assert!(s.edited(), "the source's notes no longer apply");
    assert!(s.account().pinned_cert_pem.is_none());
}

/// D20: Esc on the password step closed the whole wizard, with what was
/// found and typed; now it goes back a step, and only Esc on the other
/// steps closes it.
#[test]
fn d20_esc_on_the_wizards_password_step_goes_back_a_step() {
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    let main = iced::window::Id::unique();
    app.main_id = Some(main);
    app.windows.insert(main, koperta::ui::app::Screen::Main);
    let _ = app.update(Message::Main(main_window::Message::AddAccount));
    let w = app.main.wizard_mut().expect("the wizard");
    let _ = w.update(wizard::Message::Name("Zofia".into()));
    let _ = w.update(wizard::Message::Address("zofia@wp.pl".into()));
    let _ = w.update(wizard::Message::Find);
    let _ = w.update(wizard::Message::Found(
        w.generation(),
        Ok(findings_for_wp()),
    ));
    let _ = w.update(wizard::Message::Accept);
    assert_eq!(*w.step(), wizard::Step::Password);
    let _ = w.update(wizard::Message::Password("tajne".into()));
    let _ = app.update(Message::Input(main, koperta::ui::app::Input::Escape));
    let w = app.main.wizard().expect("still open");
    assert_eq!(*w.step(), wizard::Step::Proposal, "one step back");
    let _ = app.update(Message::Input(main, koperta::ui::app::Input::Escape));
    assert!(app.main.wizard().is_none(), "Esc on the other steps closes");
}

/// Tryout 14 typed `anna@localhost` and Find did nothing it could read:
/// the wizard now says which rule the address breaks, in both languages,
/// and that a name goes in its own field.
#[test]
fn an_address_the_wizard_refuses_is_refused_with_its_reason() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    for (lang, no_dot, name_apart) in [
        (
            Language::Pl,
            "w domenie brakuje kropki",
            "w polu „Imię i nazwisko”",
        ),
        (
            Language::En,
            "the domain has no dot",
            "in the “Your name” field",
        ),
    ] {
        i18n::apply(lang);
        let mut s = wizard::State::default();
        let _ = s.update(wizard::Message::Address("anna@localhost".into()));
        assert!(matches!(
            s.update(wizard::Message::Find),
            wizard::Action::None
        ));
        assert_eq!(*s.step(), wizard::Step::Identity);
        let said = s.error().unwrap_or_default().to_string();
        assert!(
            said.contains(no_dot) && said.contains("anna@localhost"),
            "{said}"
        );
        let _ = s.update(wizard::Message::Address("Anna <anna@example.pl>".into()));
        let _ = s.update(wizard::Message::Find);
        let said = s.error().unwrap_or_default().to_string();
        assert!(said.contains(name_apart), "{said}");
    }
    i18n::apply(Language::En);
}
