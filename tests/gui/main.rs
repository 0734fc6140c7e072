//! The desktop app without a display: screens' views through iced_test's
//! simulator, two windows through the app's `update`, and the tasks the app
//! returns run to completion against the real SMTP peer and keyring.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;

mod clock;
mod contacts;
mod discard;
mod elsewhere;
mod failure;
mod forms;
mod held_keys;
mod identity;
mod index;
mod language;
mod modes;
mod photos;
mod saves;
mod scheduled;
mod spelling;

use support::app::{compose_window, drive, outputs};

use std::sync::Mutex;
use std::time::Duration;

use iced::window;
use iced_test::simulator;
use koperta::account::{Account, AccountId};
use koperta::draft::Draft;
use koperta::i18n::{self, Language};
use koperta::paths::Paths;
use koperta::ui::app::{App, Input, Message, Screen};
use koperta::ui::{compose, main_window};

/// What the main window shows: `accounts` and `outbox`, nothing else.
fn shown<'a>(
    settings: &'a koperta::config::Settings,
    accounts: &'a [Account],
    outbox: &'a [koperta::store::Stored],
) -> main_window::Shown<'a> {
    main_window::Shown {
        settings,
        accounts,
        outbox,
        drafts: &[],
        sent: &[],
        damaged: &[],
        config_error: None,
        checks: &NO_CHECKS,
        contacts: &[],
    }
}

/// An outbox or sent entry of `account` for the views: `rcpt` recipients,
/// queued at `at`, failed with `error` when given.
fn stored_message(
    account: &Account,
    id: &str,
    subject: &str,
    state: koperta::outbox::State,
    at: u64,
    rcpt: usize,
    error: Option<koperta::smtp::SmtpError>,
) -> koperta::store::Stored {
    use koperta::outbox::{Failure, Reason};
    koperta::store::Stored {
        id: id.into(),
        sidecar: koperta::store::Sidecar {
            account: account.id.clone(),
            subject: subject.into(),
            envelope: koperta::draft::Envelope {
                mail_from: account.address.clone(),
                rcpt_to: (0..rcpt).map(|n| format!("osoba{n}@example.org")).collect(),
                smtputf8: false,
            },
            draft: Some(format!("d-{id}")),
            state,
            attempts: u32::from(error.is_some()),
            queued_at: at,
            eml_size: 3_600_000,
            reply: Some("250 2.0.0 Ok: queued as 4XkT2".into()),
            failure: error.map(|error| {
                Failure::new(Reason::Smtp {
                    error,
                    host: "smtp.example.com".into(),
                })
            }),
            ..koperta::store::Sidecar::default()
        },
        eml: format!("{id}.eml").into(),
    }
}

/// No account checked yet.
static NO_CHECKS: std::collections::BTreeMap<AccountId, koperta::checks::Check> =
    std::collections::BTreeMap::new();

/// The Fluent loader is global: tests that switch languages take turns.
static LANGUAGE: Mutex<()> = Mutex::new(());

/// An app with no window, everything under a fresh folder (kept while
/// the returned guard lives), holding one account.
fn app_with_account() -> (App, Account, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    let acc = account();
    app.config.config.accounts.push(acc.clone());
    (app, acc, home)
}

/// A real SMTP peer (implicit TLS, a certificate of the harness's CA) and
/// an account on it, its password in a keyring session of its own.
fn peer_and_account() -> (
    support::certs::TestCerts,
    support::peer::SmtpPeer,
    support::Setup,
) {
    let certs = support::certs::TestCerts::generate();
    let peer = support::peer::SmtpPeer::start(&certs.valid);
    let s = support::setup(
        peer.implicit_port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    (certs, peer, s)
}

/// Runs the ignored test `name` in a process of its own, in the keyring's
/// D-Bus session, on `s`'s files, with `env` besides; asserts it passed.
fn run_inner(s: &support::Setup, name: &str, env: &[(&str, &std::path::Path)]) {
    let mut c = std::process::Command::new(std::env::current_exe().unwrap());
    c.args(["--exact", name, "--ignored", "--nocapture"])
        .env("KOPERTA_HOME", s.k.dir())
        .env("DBUS_SESSION_BUS_ADDRESS", s.k.bus.clone().unwrap())
        .env("LANG", "en_US.UTF-8");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && text.contains("1 passed"), "{text}");
}

/// Queues `draft` (saved as `draft_id`) from `acc` in the app's outbox,
/// due only in the far future; its outbox id.
fn queue_far_off(app: &App, acc: &Account, draft: &Draft, draft_id: &str) -> String {
    app.engine
        .queue(koperta::outbox::NewMessage {
            draft_digest: None,
            account: acc.id.clone(),
            message: draft.build(acc, &Default::default()).unwrap(),
            draft: Some(draft_id.into()),
            subject: draft.subject.clone(),
            when: koperta::outbox::When::At(u64::MAX / 2),
        })
        .unwrap()
}

/// A Drafts row of draft `id` titled `subject`, its message `queued` or not.
fn draft_row(id: &str, subject: &str, queued: bool) -> main_window::DraftRow {
    main_window::DraftRow {
        id: id.into(),
        subject: subject.into(),
        to: String::new(),
        cc: String::new(),
        bcc: String::new(),
        saved_at: None,
        queued,
        open: false,
    }
}

fn account() -> Account {
    Account {
        id: AccountId::generate(),
        address: "zofia@example.com".into(),
        host: "localhost".into(),
        username: "zofia@example.com".into(),
        ..Account::default()
    }
}

#[test]
fn compose_view_marks_an_invalid_recipient_in_place_in_both_languages() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let acc = account();
    let accounts = vec![acc.clone()];
    let state = compose::State::new(
        "d1".into(),
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com, zły@".into(),
            ..Draft::default()
        },
    );
    let id = window::Id::unique();
    for (lang, send, reason) in [
        (Language::Pl, "Wyślij", "„zły@”: po @ nic nie ma."),
        (Language::En, "Send", "“zły@”: nothing after the @."),
    ] {
        i18n::apply(lang);
        let mut ui = simulator(compose::view(&state, id, &accounts, Vec::new(), None));
        assert!(ui.find(send).is_ok(), "{lang:?}: no {send}");
        assert!(ui.find(reason).is_ok(), "{lang:?}: no {reason}");
        // Send is disabled while a recipient is invalid: clicking does nothing.
        let _ = ui.click(send);
        let messages: Vec<compose::Message> = ui.into_messages().collect();
        assert!(!messages.iter().any(|m| matches!(m, compose::Message::Send)));
    }
}

#[test]
fn attachment_totals_use_polish_plurals() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::Pl);
    let dir = tempfile::tempdir().unwrap();
    let acc = account();
    let accounts = vec![acc.clone()];
    for (count, expected) in [
        (1, "1 załącznik"),
        (2, "2 załączniki"),
        (5, "5 załączników"),
        (22, "22 załączniki"),
    ] {
        let files: Vec<_> = (0..count)
            .map(|n| {
                let p = dir.path().join(format!("plik{n}.txt"));
                std::fs::write(&p, b"abc").unwrap();
                p
            })
            .collect();
        let sizes = compose::sizes_of(&files);
        let state = compose::State::with_sizes(
            "d".into(),
            Draft {
                account: Some(acc.id.clone()),
                to: "a@example.com".into(),
                attachments: files,
                ..Draft::default()
            },
            sizes,
        );
        let mut ui = simulator(compose::view(
            &state,
            window::Id::unique(),
            &accounts,
            Vec::new(),
            None,
        ));
        assert!(
            ui.find(format!("{expected}, {} B", 3 * count).as_str())
                .is_ok(),
            "{expected}"
        );
    }
}

#[test]
fn main_window_leads_a_new_person_to_add_an_account() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let state = main_window::State::default();
    let settings = koperta::config::Settings::default();
    let mut ui = simulator(main_window::view(&state, shown(&settings, &[], &[])));
    assert!(ui.find("Add account").is_ok());
    let _ = ui.click("Add account");
    let messages: Vec<main_window::Message> = ui.into_messages().collect();
    assert!(
        messages
            .iter()
            .any(|m| matches!(m, main_window::Message::AddAccount))
    );
}

fn app_with_two_compose_windows() -> (App, window::Id, window::Id, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    app.config.config.accounts.push(account());
    let (a, b) = (window::Id::unique(), window::Id::unique());
    for id in [a, b] {
        app.windows.insert(
            id,
            Screen::Compose(Box::new(compose::State::new(
                koperta::store::new_id(),
                Draft::default(),
            ))),
        );
    }
    (app, a, b, home)
}

fn focus(app: &App, id: window::Id) -> Option<usize> {
    match app.windows.get(&id) {
        Some(Screen::Compose(c)) => c.focused(),
        _ => None,
    }
}

/// Tab itself is a focus operation scoped to the window's root container
/// (unit tests in `ui::focus`; the real windows in `tests/xvfb.rs`): here,
/// what each window keeps apart.
#[test]
fn typing_in_one_compose_window_never_reaches_the_other() {
    let (mut app, a, b, _home) = app_with_two_compose_windows();
    let _ = app.update(Message::Compose(
        a,
        compose::Message::To("jan@example.com".into()),
    ));
    // Unfolded (Ctrl+Shift+C, Ctrl+Shift+B), the cursor goes into them.
    let _ = app.update(Message::Input(a, Input::ShowCc));
    assert_eq!(focus(&app, a), Some(1), "the cursor is in Cc");
    let _ = app.update(Message::Input(a, Input::ShowBcc));
    assert_eq!(focus(&app, a), Some(2), "the cursor is in Bcc");
    assert_eq!(
        focus(&app, b),
        Some(0),
        "the other window's cursor stays in To"
    );
    // Typing goes only where it was typed.
    let _ = app.update(Message::Compose(b, compose::Message::Subject("B".into())));
    let (Some(Screen::Compose(ca)), Some(Screen::Compose(cb))) =
        (app.windows.get(&a), app.windows.get(&b))
    else {
        panic!("windows");
    };
    assert_eq!(
        (ca.draft().to.as_str(), ca.draft().subject.as_str()),
        ("jan@example.com", "")
    );
    assert_eq!(
        (cb.draft().to.as_str(), cb.draft().subject.as_str()),
        ("", "B")
    );
    // Every window has its own root, so a focus operation names one only.
    assert_ne!(koperta::ui::focus::root(a), koperta::ui::focus::root(b));
    assert_ne!(compose::field_id(a, "to"), compose::field_id(b, "to"));
}

#[test]
fn drafts_are_saved_and_offered_back_after_a_crash() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Załącznik ąę.pdf");
    std::fs::write(&file, b"%PDF-1.4").unwrap();
    {
        let mut app = App::headless(Paths::under(home.path()));
        app.config.config.accounts.push(account());
        let id = window::Id::unique();
        let draft_id = koperta::store::new_id();
        app.windows.insert(
            id,
            Screen::Compose(Box::new(compose::State::new(
                draft_id.clone(),
                Draft::default(),
            ))),
        );
        let _ = app.update(Message::Compose(
            id,
            compose::Message::Subject("Niedokończone — zażółć".into()),
        ));
        let copy = app.store.attach_copy(&draft_id, &file).unwrap();
        if let Some(Screen::Compose(c)) = app.windows.get_mut(&id) {
            c.attached(vec![(copy, 8)]);
        }
        std::thread::sleep(Duration::from_millis(900));
        // The autosave runs as a task, off the UI thread.
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        let produced = rt.block_on(outputs(app.update(Message::Tick)));
        for m in produced {
            let _ = app.update(m);
        }
        // The process dies here: no close, no goodbye.
        std::mem::forget(app);
    }
    let app = App::headless(Paths::under(home.path()));
    assert_eq!(app.drafts.len(), 1, "the draft is offered back");
    assert_eq!(app.drafts[0].subject, "Niedokończone — zażółć");
    let (drafts, _) = app.store.drafts();
    let attached = &drafts[0].1.attachments;
    assert_eq!(std::fs::read(&attached[0]).unwrap(), b"%PDF-1.4");
}

#[test]
fn undo_in_the_compose_window_takes_the_message_back_into_its_draft() {
    // No server at all: a message taken back within the delay never
    // leaves, so nothing is ever asked of the network.
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    let sender = account();
    app.config.config.accounts.push(sender.clone());
    assert_eq!(app.config.config.settings.undo_send_seconds, 5);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let draft = Draft {
        account: Some(sender.id.clone()),
        to: "jan@example.com".into(),
        subject: "Cofnięta".into(),
        body: "Jednak nie.\n".into(),
        ..Draft::default()
    };
    let id = support::app::compose_window(&mut app, draft.clone());
    support::app::send(&mut app, &rt, Message::Compose(id, compose::Message::Send));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert!(
        matches!(c.sending(), compose::Sending::Held(_)),
        "{:?}",
        c.sending()
    );
    assert_eq!(app.outbox.len(), 1, "queued on disk first");
    assert!(app.engine.due(koperta::outbox::now()).is_empty());
    // Esc takes it back; the window holds the draft as it was.
    support::app::send(
        &mut app,
        &rt,
        Message::Input(id, koperta::ui::app::Input::Escape),
    );
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert_eq!(*c.sending(), compose::Sending::Idle);
    assert_eq!(c.draft(), &draft);
    assert!(app.outbox.is_empty());
    assert!(app.store.outbox().0.is_empty());
    assert!(app.engine.due(koperta::outbox::now() + 60).is_empty());
    let (drafts, _) = app.store.drafts();
    assert_eq!(drafts.len(), 1, "the draft is kept");
    // Typing during the delay takes it back as well.
    support::app::send(&mut app, &rt, Message::Compose(id, compose::Message::Send));
    assert_eq!(app.outbox.len(), 1);
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(id, compose::Message::Subject("Cofnięta, poprawiona".into())),
    );
    assert!(
        app.outbox.is_empty(),
        "what goes out is what the window shows"
    );
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert_eq!(*c.sending(), compose::Sending::Idle);
}

/// The in-process half of the sending test: runs in a child process whose
/// D-Bus session has the test keyring (see `sending_from_the_app`).
#[test]
#[ignore = "run by sending_from_the_app with a keyring session"]
fn sending_from_the_app_inner() {
    let Ok(home) = std::env::var("KOPERTA_HOME") else {
        return;
    };
    let good_to = std::env::var("KOPERTA_TEST_TO").unwrap();
    // No undo delay: each message goes as soon as it is queued.
    let paths = Paths::under(std::path::Path::new(&home));
    koperta::config::update(&paths.config_file(), |c| c.settings.undo_send_seconds = 0).unwrap();
    let mut app = App::headless(paths);
    let account = app.config.config.accounts[0].clone();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    for (to, succeeds) in [("odrzuc@example.com", false), (good_to.as_str(), true)] {
        let draft = Draft {
            account: Some(account.id.clone()),
            to: to.into(),
            subject: "Z okna — zażółć".into(),
            body: "Treść\n".into(),
            ..Draft::default()
        };
        let id = compose_window(&mut app, draft.clone());
        let task = app.update(Message::Compose(id, compose::Message::Send));
        // The send runs as a task: meanwhile the main window still reacts.
        let handle = rt.spawn(outputs(task));
        let _ = app.update(Message::Main(main_window::Message::Tab(
            main_window::Tab::Outbox,
        )));
        assert_eq!(
            app.main.tab(),
            main_window::Tab::Outbox,
            "the main window reacted"
        );
        for m in rt.block_on(handle).unwrap() {
            let t = app.update(m);
            drive(&mut app, &rt, t);
        }
        let Some(Screen::Compose(c)) = app.windows.get(&id) else {
            panic!("window")
        };
        if succeeds {
            assert!(app.main.notice().unwrap_or("").contains(&good_to));
            assert_eq!(app.store.sent().0.len(), 1);
        } else {
            // Everything typed is kept; the message waits in the outbox with its reason.
            assert_eq!(c.draft(), &draft);
            assert!(
                matches!(c.sending(), compose::Sending::Failed(r) if r.text().contains("odrzuc@example.com")),
                "{:?}",
                c.sending()
            );
            assert_eq!(app.outbox.len(), 1);
            assert!(app.outbox[0].sidecar.failure.is_some());
            // Clear the way for the next message.
            let _ = app.engine.remove(&app.outbox[0].id.clone());
            let reread = app.refresh();
            drive(&mut app, &rt, reread);
        }
    }

    // Two compose windows send at the same time, each on its own.
    let (w1, w2) = (window::Id::unique(), window::Id::unique());
    for (w, subject) in [(w1, "Pierwsze okno"), (w2, "Drugie okno")] {
        let draft = Draft {
            account: Some(account.id.clone()),
            to: good_to.clone(),
            subject: subject.into(),
            ..Draft::default()
        };
        app.windows.insert(
            w,
            Screen::Compose(Box::new(compose::State::new(
                koperta::store::new_id(),
                draft,
            ))),
        );
    }
    let t1 = rt.spawn(outputs(
        app.update(Message::Compose(w1, compose::Message::Send)),
    ));
    let t2 = rt.spawn(outputs(
        app.update(Message::Compose(w2, compose::Message::Send)),
    ));
    for m in rt
        .block_on(t1)
        .unwrap()
        .into_iter()
        .chain(rt.block_on(t2).unwrap())
    {
        let t = app.update(m);
        drive(&mut app, &rt, t);
    }
    assert_eq!(app.store.sent().0.len(), 3, "both windows sent");

    // A server that never answers: the window keeps everything, the message
    // waits in the outbox as a transient failure (retried on its own).
    if let Ok(port) = std::env::var("KOPERTA_TEST_SILENT_PORT") {
        let real_port = app.config.config.accounts[0].port;
        app.config.config.accounts[0].port = port.parse().unwrap();
        let draft = Draft {
            account: Some(account.id.clone()),
            to: good_to.clone(),
            subject: "Do milczącego serwera".into(),
            ..Draft::default()
        };
        let id = compose_window(&mut app, draft.clone());
        let task = app.update(Message::Compose(id, compose::Message::Send));
        drive(&mut app, &rt, task);
        let Some(Screen::Compose(c)) = app.windows.get(&id) else {
            panic!("window")
        };
        assert_eq!(c.draft(), &draft);
        assert!(
            matches!(c.sending(), compose::Sending::Failed(r) if r.text().contains("did not greet")),
            "{:?}",
            c.sending()
        );
        assert_eq!(app.outbox.len(), 1);
        assert_eq!(
            app.outbox[0].sidecar.failure.as_ref().map(|f| f.class()),
            Some(koperta::outbox::Class::Transient)
        );
        let _ = app.engine.remove(&app.outbox[0].id.clone());
        let reread = app.refresh();
        drive(&mut app, &rt, reread);
        app.config.config.accounts[0].port = real_port;
    }

    // A wrong password: the message waits in the outbox with the server's
    // reason; once the password is right, Retry sends it.
    let keyring = koperta::secrets::Keyring::default();
    let right = keyring.get(&account.id).unwrap();
    keyring
        .set(
            &account.id,
            &koperta::secrets::Password::new("wrong".into()),
        )
        .unwrap();
    let draft = Draft {
        account: Some(account.id.clone()),
        to: good_to.clone(),
        subject: "Po poprawie hasła".into(),
        ..Draft::default()
    };
    let id = compose_window(&mut app, draft);
    let task = app.update(Message::Compose(id, compose::Message::Send));
    drive(&mut app, &rt, task);
    assert_eq!(app.outbox.len(), 1);
    let reason = app.outbox[0]
        .sidecar
        .failure
        .as_ref()
        .map(koperta::report::Localize::localize)
        .unwrap_or_default();
    assert!(reason.contains("535"), "{reason}");
    keyring.set(&account.id, &right).unwrap();
    let outbox_id = app.outbox[0].id.clone();
    let task = app.update(Message::Main(main_window::Message::Retry(outbox_id)));
    drive(&mut app, &rt, task);
    assert!(app.outbox.is_empty(), "sent on Retry");
    assert_eq!(app.store.sent().0.len(), 4);
    // The compose window that had failed knows the message went out: Send
    // (Ctrl+Enter) there sends nothing a second time.
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert_eq!(*c.sending(), compose::Sending::Sent);
    let task = app.update(Message::Compose(id, compose::Message::Send));
    drive(&mut app, &rt, task);
    assert_eq!(app.store.sent().0.len(), 4, "not sent twice");
}

#[test]
fn sending_from_the_app() {
    use support::certs::TestCerts;
    use support::peer::SmtpPeer;
    use support::proxy::{Fault, FaultProxy};
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let silent = FaultProxy::start(Fault::NeverGreet, peer.plain_port, &certs.valid);
    let proxy = FaultProxy::start(
        Fault::RefuseRcpt("odrzuc@example.com".into()),
        peer.plain_port,
        &certs.valid,
    );
    let s = support::setup(
        proxy.port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    // A real notification daemon (dunst, on its own X display) owns
    // org.freedesktop.Notifications on the session bus; a D-Bus monitor
    // records the notifications asked for.
    let display = support::display::Display::start();
    let mut dunst = std::process::Command::new("dunst")
        .env("DISPLAY", &display.name)
        .env("DBUS_SESSION_BUS_ADDRESS", s.k.bus.clone().unwrap())
        .env("HOME", s.k.dir())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dunst (the test command installs it)");
    let monitor_log = s.k.dir().join("notifications.log");
    let mut monitor = std::process::Command::new("dbus-monitor")
        .arg("--address")
        .arg(s.k.bus.clone().unwrap())
        .arg("type='method_call',interface='org.freedesktop.Notifications',member='Notify'")
        .stdout(std::fs::File::create(&monitor_log).unwrap())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("dbus-monitor (Debian package dbus-bin)");
    std::thread::sleep(Duration::from_millis(500));
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "sending_from_the_app_inner",
            "--ignored",
            "--nocapture",
        ])
        .env("KOPERTA_HOME", s.k.dir())
        .env("KOPERTA_TEST_TO", "jan@example.com")
        .env("KOPERTA_TEST_SILENT_PORT", silent.port.to_string())
        .env("DBUS_SESSION_BUS_ADDRESS", s.k.bus.clone().unwrap())
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && text.contains("1 passed"), "{text}");
    std::thread::sleep(Duration::from_millis(500));
    let _ = monitor.kill();
    let _ = monitor.wait();
    let _ = dunst.kill();
    let _ = dunst.wait();
    let calls = std::fs::read_to_string(&monitor_log).unwrap();
    // The refused message's failure, and the background Retry's success,
    // each named by its subject.
    let notified = |summary: &str, subject: &str| {
        calls.split("method call").any(|call| {
            call.contains(&format!("string \"{summary}\""))
                && call.contains(&format!("string \"{subject}\""))
        })
    };
    assert!(
        notified(
            "Message not sent: it waits in the outbox",
            "Z okna — zażółć"
        ),
        "{calls}"
    );
    assert!(notified("Message sent", "Po poprawie hasła"), "{calls}");
    let got = peer.received();
    assert_eq!(got.len(), 4);
    assert_eq!(got[0].rcpt_tos, ["jan@example.com"]);
    assert_eq!(
        support::parse_mail(&got[0].path)["subject"],
        "Z okna — zażółć"
    );
    let mut subjects: Vec<String> = got[1..3]
        .iter()
        .map(|r| {
            support::parse_mail(&r.path)["subject"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    subjects.sort();
    assert_eq!(subjects, ["Drugie okno", "Pierwsze okno"]);
    assert_eq!(
        support::parse_mail(&got[3].path)["subject"],
        "Po poprawie hasła"
    );
}

#[test]
fn retry_asks_first_when_the_message_may_have_been_sent() {
    use koperta::store::{Sidecar, Stored};
    let unsure = Stored {
        id: "m1".into(),
        sidecar: Sidecar {
            state: koperta::outbox::State::MaybeSent,
            ..Sidecar::default()
        },
        eml: "m1.eml".into(),
    };
    let failed = Stored {
        id: "m2".into(),
        sidecar: Sidecar::default(),
        eml: "m2.eml".into(),
    };
    let outbox = vec![unsure, failed];
    let mut state = main_window::State::default();
    assert_eq!(
        state.update(main_window::Message::Retry("m2".into()), &[], &outbox, &[]),
        main_window::Action::Retry("m2".into())
    );
    assert_eq!(
        state.update(main_window::Message::Retry("m1".into()), &[], &outbox, &[]),
        main_window::Action::None
    );
    assert_eq!(
        state.question().cloned(),
        Some(main_window::Confirm::RetryUnsure("m1".into()))
    );
    assert_eq!(
        state.update(main_window::Message::ConfirmYes, &[], &outbox, &[]),
        main_window::Action::Retry("m1".into())
    );
}

#[test]
fn turning_never_plaintext_off_asks_and_says_what_is_at_risk() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::Pl);
    let settings = koperta::config::Settings::default();
    let mut state = main_window::State::default();
    let action = state.update(main_window::Message::NeverPlaintext(false), &[], &[], &[]);
    assert_eq!(
        action,
        main_window::Action::None,
        "nothing changes before the answer"
    );
    {
        let mut ui = simulator(main_window::view(&state, shown(&settings, &[], &[])));
        assert!(ui.find("Wyłącz").is_ok());
    }
    let yes = state.update(main_window::Message::ConfirmYes, &[], &[], &[]);
    assert_eq!(
        yes,
        main_window::Action::ChangeSetting(koperta::config::SettingChange::NeverPlaintext(false))
    );
}

#[test]
fn a_settings_change_in_the_app_keeps_an_account_added_meanwhile_by_the_command_line() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut app = App::headless(paths.clone());
    let rt = tokio::runtime::Runtime::new().unwrap();
    // Meanwhile, in another process: `koperta account add`, and
    // `koperta settings set never-plaintext false` then `notifications false`.
    let added = account();
    koperta::config::update(&paths.config_file(), |c| {
        c.accounts.push(added.clone());
        c.settings.never_plaintext = false;
        c.settings.notifications = false;
    })
    .unwrap();
    assert!(app.settings().never_plaintext, "the app still has the old");
    support::app::send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::Language(main_window::LanguageChoice(
            Language::Pl,
        ))),
    );
    let on_disk = koperta::config::load(&paths.config_file()).unwrap();
    assert_eq!(on_disk.settings.language, Language::Pl);
    assert_eq!(on_disk.accounts, vec![added]);
    // Only the one setting was written: the others are as the command
    // line left them, and the app now shows what was written.
    assert!(!on_disk.settings.never_plaintext);
    assert!(!on_disk.settings.notifications);
    assert_eq!(app.settings(), &on_disk.settings);
    assert_eq!(app.accounts().len(), 1);
    i18n::apply(Language::En);
}

#[test]
fn window_titles_name_the_subject_and_suggestions_come_from_sent_mail() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::Pl);
    let (mut app, a, b, _home) = app_with_two_compose_windows();
    let _ = app.update(Message::Compose(
        a,
        compose::Message::Subject("Sprawozdanie — maj".into()),
    ));
    assert_eq!(app.title(a), "Sprawozdanie — maj — Koperta");
    assert_eq!(app.title(b), "Nowa wiadomość — Koperta");
    app.store
        .remember_addresses(&["anna.nowak@example.org".into(), "jan@example.com".into()])
        .unwrap();
    // As after a send: the app re-reads the outbox and the addresses.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    let _ = app.update(Message::Compose(
        b,
        compose::Message::To("jan@example.com, an".into()),
    ));
    // The app's own view of window b suggests the address used before.
    let picked: Vec<Message> = {
        let mut ui = simulator(app.view(b));
        let _ = ui.click("anna.nowak@example.org");
        ui.into_messages().collect()
    };
    assert!(picked.iter().any(|m| matches!(
        m,
        Message::Compose(w, compose::Message::Suggest(s)) if *w == b && s == "anna.nowak@example.org"
    )));
    let _ = app.update(Message::Compose(
        b,
        compose::Message::Suggest("anna.nowak@example.org".into()),
    ));
    let Some(Screen::Compose(state)) = app.windows.get(&b) else {
        panic!()
    };
    assert_eq!(
        state.draft().to,
        "jan@example.com, anna.nowak@example.org, "
    );
    i18n::apply(Language::En);
}

/// Issue 13: the address book suggests in Cc and Bcc too, from the first
/// letters of any word ("nowak" finds „Anna Nowak <anna@…>"), and the
/// name goes in with the address.
#[test]
fn the_address_book_suggests_by_surname_in_bcc_and_inserts_the_name() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::Pl);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    koperta::contacts::Contacts::update(&app.store.contacts_path(), |book| {
        book.learn(
            &[(Some("Anna Nowak".into()), "anna@example.org".into())],
            koperta::outbox::now(),
        )
    })
    .unwrap();
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            ..Draft::default()
        },
    );
    let _ = app.update(Message::Compose(w, compose::Message::ShowBcc));
    let _ = app.update(Message::Compose(w, compose::Message::Bcc("nowak".into())));
    let picked: Vec<Message> = {
        let mut ui = support::app::simulator_at_window_size(app.view(w));
        support::app::photograph(
            &mut ui,
            &koperta::ui::style::theme(false),
            &support::manifest_dir().join("target/screenshots/compose"),
            "pl-bcc-suggestion-light",
        );
        let _ = ui.click("Anna Nowak <anna@example.org>");
        ui.into_messages().collect()
    };
    for m in picked {
        let _ = app.update(m);
    }
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window")
    };
    assert_eq!(c.draft().bcc, "Anna Nowak <anna@example.org>, ");
    assert_eq!(c.draft().to, "", "To untouched");
    i18n::apply(Language::En);
}

#[test]
fn files_dropped_on_a_compose_window_are_attached_and_a_bad_one_is_explained() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    i18n::apply(Language::Pl);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Sprawozdanie ąę.pdf");
    std::fs::write(&file, b"%PDF-1.4 dropped").unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    app.config.config.accounts.push(account());
    let (a, b) = (window::Id::unique(), window::Id::unique());
    for id in [a, b] {
        app.windows.insert(
            id,
            Screen::Compose(Box::new(compose::State::new(
                koperta::store::new_id(),
                Draft::default(),
            ))),
        );
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    // The window manager's drop event, as iced delivers it to window `a`;
    // then a folder dropped: not attached, and the window says why.
    for path in [file.clone(), dir.path().to_path_buf()] {
        let task = app.update(Message::Input(a, Input::Dropped(path)));
        drive(&mut app, &rt, task);
    }
    let Some(Screen::Compose(c)) = app.windows.get(&a) else {
        panic!("window")
    };
    assert_eq!(c.draft().attachments.len(), 1);
    assert_eq!(
        std::fs::read(&c.draft().attachments[0]).unwrap(),
        b"%PDF-1.4 dropped",
        "a copy in the draft"
    );
    assert!(
        c.notice()
            .unwrap_or_default()
            .contains("to nie jest zwykły plik"),
        "{:?}",
        c.notice()
    );
    // The other window got nothing.
    let Some(Screen::Compose(other)) = app.windows.get(&b) else {
        panic!("window")
    };
    assert!(other.draft().attachments.is_empty());
    i18n::apply(Language::En);
}

/// Draws `element` at 900×640 with the embedded font into
/// `target/screenshots/outbox/NAME.png`.
fn draw(element: iced::Element<'_, impl Clone>, theme: &iced::Theme, name: &str) {
    let dir = support::manifest_dir().join("target/screenshots/outbox");
    let mut ui = support::app::simulator_at_window_size(element);
    support::app::photograph(&mut ui, theme, &dir, name);
}

#[test]
fn the_outbox_and_a_message_in_its_undo_delay_are_drawn_in_both_languages_and_themes() {
    use koperta::outbox::State;
    use koperta::smtp::SmtpError;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let acc = account();
    let stored = |id: &str, subject: &str, state: State, error| {
        stored_message(&acc, id, subject, state, 0, 2, error)
    };
    let outbox = vec![
        stored(
            "m1",
            "Sprawozdanie za listopad",
            State::Failed,
            Some(SmtpError::Transient {
                code: 421,
                text: "4.7.0 Try again later".into(),
            }),
        ),
        stored(
            "m2",
            "Zdjęcia z wycieczki",
            State::Failed,
            Some(SmtpError::TooLarge {
                size: 31_457_280,
                limit: 26_214_400,
            }),
        ),
        stored(
            "m3",
            "Umowa — wersja ostateczna",
            State::MaybeSent,
            Some(SmtpError::OutcomeUnknown),
        ),
        stored(
            "m4",
            "Życzenia świąteczne",
            State::Scheduled { at: 1_798_099_200 },
            None,
        ),
    ];
    let settings = koperta::config::Settings::default();
    let accounts = vec![acc.clone()];
    let mut held = compose::State::new(
        "d1".into(),
        Draft {
            account: Some(acc.id.clone()),
            to: "Anna Nowak <anna@example.org>".into(),
            subject: "Spotkanie w czwartek".into(),
            body: "Dzień dobry,\n\nczy czwartek o 10:00 pasuje?\n".into(),
            ..Draft::default()
        },
    );
    held.queued("m1".into(), Some(koperta::outbox::now() + 30), 0);
    let id = window::Id::unique();
    for (lang, code, undo, state_label, next) in [
        (
            Language::Pl,
            "pl",
            "Cofnij",
            "Niewysłana",
            "Koperta sama spróbuje ponownie.",
        ),
        (
            Language::En,
            "en",
            "Undo",
            "Not sent",
            "Koperta tries again on its own.",
        ),
    ] {
        i18n::apply(lang);
        let main = main_window::State::on(main_window::Tab::Outbox);
        let mut ui = simulator(main_window::view(
            &main,
            shown(&settings, &accounts, &outbox),
        ));
        assert!(ui.find(state_label).is_ok(), "{lang:?}");
        assert!(ui.find(next).is_ok(), "{lang:?}");
        for (theme, t) in [
            (koperta::ui::style::theme(false), "light"),
            (koperta::ui::style::theme(true), "dark"),
        ] {
            draw(
                main_window::view(&main, shown(&settings, &accounts, &outbox)),
                &theme,
                &format!("{code}-outbox-{t}"),
            );
            draw(
                compose::view(&held, id, &accounts, Vec::new(), None),
                &theme,
                &format!("{code}-compose-held-{t}"),
            );
        }
        let mut ui = simulator(compose::view(&held, id, &accounts, Vec::new(), None));
        assert!(ui.find(undo).is_ok(), "{lang:?}");
        let _ = ui.click(undo);
        let messages: Vec<compose::Message> = ui.into_messages().collect();
        assert!(messages.iter().any(|m| matches!(m, compose::Message::Undo)));
    }
}

/// Crash and fault trials: the keyring entry went first, so a failed
/// config write left an account without its password. Now config.toml is
/// written first, and when that fails the keyring is never asked.
#[test]
fn removing_an_account_writes_the_config_first_and_a_failed_write_keeps_its_password() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let kept = account();
    koperta::config::update(&paths.config_file(), |c| c.accounts.push(kept.clone())).unwrap();
    let mut app = App::headless(paths.clone());
    assert_eq!(app.accounts().len(), 1);
    // The file cannot be replaced: a directory where it should be.
    std::fs::remove_file(paths.config_file()).unwrap();
    std::fs::create_dir(paths.config_file()).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let task = app.update(Message::AccountUnlisted(
        kept.id.clone(),
        Err("config.toml could not be written".into()),
    ));
    assert!(
        rt.block_on(outputs(task)).is_empty(),
        "no keyring deletion follows a failed write"
    );
    assert_eq!(app.main.notice(), Some("config.toml could not be written"));
    // And through the whole path: the write fails, the account stays.
    let gone = koperta::ui::app::Message::Main(main_window::Message::ConfirmYes);
    let _ = app.update(Message::Main(main_window::Message::RemoveAccount(
        kept.id.clone(),
    )));
    support::app::send(&mut app, &rt, gone);
    assert_eq!(app.accounts().len(), 1, "still listed");
    let notice = app.main.notice().unwrap_or_default().to_string();
    assert!(!notice.contains("removed"), "{notice}");
    assert!(!notice.to_lowercase().contains("keyring"), "{notice}");
}

/// D2: Ctrl+Shift+A attached files but the editor also took it as Ctrl+A
/// and selected the whole body, so the next key typed wiped it.
#[test]
fn d02_ctrl_shift_a_attaches_and_never_selects_the_text() {
    use iced::keyboard::{Key, Modifiers, key};
    use iced::widget::text_editor::{Binding, KeyPress, Status};
    let press = |c: &str, modifiers: Modifiers| KeyPress {
        key: Key::Character(c.into()),
        modified_key: Key::Character(c.into()),
        physical_key: key::Physical::Code(key::Code::KeyA),
        modifiers,
        text: None,
        status: Status::Focused { is_hovered: false },
    };
    let ctrl_shift = Modifiers::CTRL | Modifiers::SHIFT;
    assert!(compose::editor_binding::<compose::Message>(press("A", ctrl_shift)).is_none());
    assert!(compose::editor_binding::<compose::Message>(press("a", ctrl_shift)).is_none());
    // Ctrl+A alone still selects all, as everywhere.
    assert!(matches!(
        compose::editor_binding::<compose::Message>(press("a", Modifiers::CTRL)),
        Some(Binding::SelectAll)
    ));
    let enter = KeyPress {
        key: Key::Named(key::Named::Enter),
        modified_key: Key::Named(key::Named::Enter),
        physical_key: key::Physical::Code(key::Code::Enter),
        modifiers: Modifiers::CTRL,
        text: None,
        status: Status::Focused { is_hovered: false },
    };
    assert!(
        compose::editor_binding::<compose::Message>(enter).is_none(),
        "Ctrl+Enter sends without breaking the line"
    );
    // A third tryout: Ctrl+1 typed "1" into the body (Ctrl+1 … Ctrl+6 are
    // the main window's views).
    let ctrl_1 = KeyPress {
        key: Key::Character("1".into()),
        modified_key: Key::Character("1".into()),
        physical_key: key::Physical::Code(key::Code::Digit1),
        modifiers: Modifiers::CTRL,
        text: Some("1".into()),
        status: Status::Focused { is_hovered: false },
    };
    assert!(compose::editor_binding::<compose::Message>(ctrl_1).is_none());
}

/// D6: "TLS, certificate verified" was a constant, shown beside a failed
/// certificate check and for accounts never tested. The mark now says what
/// the last check saw.
#[test]
fn d06_an_accounts_security_mark_says_what_was_last_observed() {
    use koperta::report::marks::{MarkKind, mark_kind, security_mark};
    use support::certs::TestCerts;
    use support::peer::SmtpPeer;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let certs = TestCerts::generate();
    let good = SmtpPeer::start(&certs.valid);
    let wrong = SmtpPeer::start(&certs.wrong_name);
    let s = support::trusting(wrong.implicit_port, &certs, "en_US.UTF-8");
    let paths = Paths::under(s.k.dir());
    let shown = |expect: MarkKind, words: &str| {
        let app = App::headless(paths.clone());
        let account = app.accounts()[0].clone();
        let check = app.checks.get(&account.id);
        assert_eq!(mark_kind(&account, check), expect, "{check:?}");
        let mark = security_mark(&account, check);
        assert!(mark.contains(words), "{mark}");
        assert!(
            !mark.contains("verified") || expect == MarkKind::Verified,
            "{mark}"
        );
        let mut ui = simulator(app.view(window::Id::unique()));
        assert!(ui.find(mark.as_str()).is_ok(), "drawn: {mark}");
    };
    shown(MarkKind::Unchecked, "not checked yet");
    let out = s.k.run(&["account", "test", &s.id], b"");
    assert!(!out.status.success());
    shown(MarkKind::Failed, "wrong.example.org");
    support::set_port(&s, good.implicit_port);
    shown(MarkKind::Unchecked, "not checked yet");
    let out = s.k.run(&["account", "test", &s.id], b"");
    assert!(out.status.success(), "{}", support::stderr(&out));
    shown(MarkKind::Verified, "TLS 1.3");
    // Another user name saved without signing in (or another password,
    // trust file or pin): the check said nothing of it, so the account is
    // "not checked yet" (tryout 12 saw "verified" beside a wrong password).
    let mut app = App::headless(paths.clone());
    let id = app.accounts()[0].id.clone();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let _ = app.update(Message::Main(main_window::Message::EditAccount(id)));
    let _ = app.update(Message::Main(main_window::Message::Form(
        main_window::FormField::Username,
        "someone-else@example.com".into(),
    )));
    support::app::send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::FormSaveUnchecked),
    );
    assert!(
        app.main.form().is_none(),
        "{:?}",
        app.main.form().and_then(|f| f.error.clone())
    );
    shown(MarkKind::Unchecked, "not checked yet");
}

/// D5: the manual form saved an account with a wrong password without
/// signing in. Save now signs in first and refuses it; nothing is saved,
/// the keyring is never asked, and what was typed stays in the form.
#[test]
fn d05_the_account_form_signs_in_before_saving_and_refuses_a_wrong_password() {
    use support::certs::TestCerts;
    use support::peer::SmtpPeer;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut app = App::headless(paths.clone());
    app.main.open_form(main_window::AccountForm {
        name: "Zofia".into(),
        address: "zofia@example.com".into(),
        host: "localhost".into(),
        port: peer.implicit_port.to_string(),
        security: koperta::account::Security::ImplicitTls,
        username: support::TEST_USER.into(),
        password: koperta::secrets::Password::new("wrong horse".into()),
        ca_file: certs.ca.display().to_string(),
        ..main_window::AccountForm::default()
    });
    let rt = tokio::runtime::Runtime::new().unwrap();
    support::app::send(&mut app, &rt, Message::Main(main_window::Message::FormSave));
    let form = app.main.form().expect("the form stays open");
    let error = form.error.clone().unwrap_or_default();
    // The server's own 535: it really signed in to check.
    assert!(
        error.contains("The server refused the user name or password (535"),
        "{error}"
    );
    assert!(!form.checking);
    assert_eq!(
        form.password.expose(),
        "wrong horse",
        "kept to be corrected"
    );
    assert!(app.accounts().is_empty(), "nothing saved");
    assert!(
        !paths.config_file().exists()
            || koperta::config::load(&paths.config_file())
                .unwrap()
                .accounts
                .is_empty()
    );
    // Another CA's file: the reason names the file it was checked against
    // (tryout 11 was told only of "an authority this computer trusts").
    let other = TestCerts::generate();
    let mut form = app.main.form().expect("the form").clone();
    form.password = koperta::secrets::Password::new(support::TEST_PASSWORD.into());
    form.ca_file = other.ca.display().to_string();
    app.main.open_form(form);
    support::app::send(&mut app, &rt, Message::Main(main_window::Message::FormSave));
    let error = app
        .main
        .form()
        .and_then(|f| f.error.clone())
        .unwrap_or_default();
    assert!(
        error.contains(&format!(
            "nor by the certificate authority in {}",
            other.ca.display()
        )),
        "{error}"
    );
    assert!(app.accounts().is_empty(), "nothing saved");
}

/// Crash trials: autosave waited for a 0.8 s pause, so continuous typing
/// was never saved. Now at most a second of typing is at risk, however
/// fast one types.
#[test]
fn autosave_keeps_at_most_a_second_of_continuous_typing_at_risk() {
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    app.config.config.accounts.push(account());
    let id = window::Id::unique();
    let draft_id = koperta::store::new_id();
    app.windows.insert(
        id,
        Screen::Compose(Box::new(compose::State::new(
            draft_id.clone(),
            Draft::default(),
        ))),
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    let started = std::time::Instant::now();
    let mut typed = String::new();
    let mut next_tick = started + Duration::from_millis(500);
    let mut worst = Duration::ZERO;
    // Ten keys a second for three seconds, the app's tick every half second.
    for i in 0..30 {
        typed.push(char::from(b'a' + (i % 26) as u8));
        let _ = app.update(Message::Compose(
            id,
            compose::Message::Subject(typed.clone()),
        ));
        std::thread::sleep(Duration::from_millis(100));
        if std::time::Instant::now() >= next_tick {
            next_tick += Duration::from_millis(500);
            support::app::send(&mut app, &rt, Message::Tick);
        }
        // What a crash now would keep: the subject on disk.
        let saved = app
            .store
            .drafts()
            .0
            .into_iter()
            .find(|(d, _)| *d == draft_id)
            .map(|(_, d)| d.subject.len())
            .unwrap_or(0);
        // Each key is 100 ms of typing: the keys not on disk, in time.
        let at_risk = Duration::from_millis(100 * (typed.len() - saved) as u64);
        worst = worst.max(at_risk);
    }
    println!("worst typing at risk: {worst:?}");
    assert!(
        worst <= Duration::from_millis(1100),
        "{worst:?} of typing was at risk"
    );
}

/// The compose window of `app` on draft `draft_id`.
fn window_of(app: &App, draft_id: &str) -> window::Id {
    app.windows
        .iter()
        .find_map(|(w, s)| match s {
            Screen::Compose(c) if c.draft_id() == draft_id => Some(*w),
            _ => None,
        })
        .expect("a window on the draft")
}

/// D1: closing a reopened draft, or an outbox message opened with Edit,
/// without typing deleted it. Both are kept now.
#[test]
fn d01_closing_a_reopened_draft_or_an_edited_outbox_message_unchanged_keeps_it() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let draft = Draft {
        account: Some(acc.id.clone()),
        to: "jan@example.com".into(),
        subject: "Zachowany szkic".into(),
        body: "Treść.\n".into(),
        ..Draft::default()
    };
    // A: a saved draft, reopened from the list and closed unchanged.
    app.store.save_draft("szkic1", &draft).unwrap();
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    support::app::send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::OpenDraft("szkic1".into())),
    );
    let w = window_of(&app, "szkic1");
    support::app::send(&mut app, &rt, Message::CloseRequested(w));
    support::app::send(&mut app, &rt, Message::Closed(w));
    assert!(
        app.store.drafts().0.iter().any(|(d, _)| d == "szkic1"),
        "the draft is still on disk"
    );
    assert!(app.drafts.iter().any(|d| d.id == "szkic1"), "and listed");
    assert_eq!(
        app.main.notice(),
        Some("The draft “Zachowany szkic” is kept in Drafts.")
    );
    // B: a message in the outbox, opened with Edit, closed unchanged.
    app.store.save_draft("szkic2", &draft).unwrap();
    let queued = queue_far_off(&app, &acc, &draft, "szkic2");
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    support::app::send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::Edit(queued)),
    );
    let w = window_of(&app, "szkic2");
    support::app::send(&mut app, &rt, Message::CloseRequested(w));
    support::app::send(&mut app, &rt, Message::Closed(w));
    assert!(
        app.store.drafts().0.iter().any(|(d, _)| d == "szkic2"),
        "its draft is kept"
    );
}

/// D16: closing a window whose message is queued asked "keep as draft?",
/// whose "Discard" people read as "don't send". It now closes and says the
/// message waits in the outbox.
#[test]
fn d16_closing_a_window_whose_message_is_queued_says_it_waits_in_the_outbox() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    koperta::config::update(&paths.config_file(), |c| {
        c.settings.undo_send_seconds = 30;
    })
    .unwrap();
    let mut app = App::headless(paths);
    let acc = account();
    app.config.config.accounts.push(acc.clone());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let id = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Do kolejki".into(),
            ..Draft::default()
        },
    );
    support::app::send(&mut app, &rt, Message::Compose(id, compose::Message::Send));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert!(
        matches!(c.sending(), compose::Sending::Held(_)),
        "{:?}",
        c.sending()
    );
    support::app::send(&mut app, &rt, Message::CloseRequested(id));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert!(!c.is_asking_close(), "no keep-as-draft question");
    assert_eq!(
        app.main.notice(),
        Some(
            "The message “Do kolejki” waits in the outbox and goes out by itself; open it there to change it."
        )
    );
    assert_eq!(app.engine.entries().len(), 1, "still queued");
}

/// D13: the status banner listed every recipient and never cleared; D18:
/// it showed punycode. Now one recipient is named (in Unicode), the rest
/// counted, and the message clears itself.
#[test]
fn d13_d18_a_sent_notice_names_one_recipient_in_unicode_and_clears_itself() {
    use koperta::outbox::{Event, Outcome};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    let mut accepted = vec!["jan@xn--za-6ja4f8n1l.pl".to_string()];
    accepted.extend((1..40).map(|n| format!("osoba{n}@example.com")));
    for (lang, expected) in [
        (
            Language::En,
            "Sent “(no subject)” to jan@zażółć.pl and 39 others. A copy is in Sent on this computer.",
        ),
        (
            Language::Pl,
            "Wysłano „(bez tematu)” do jan@zażółć.pl i jeszcze 39 odbiorców. Kopia jest w wysłanych na tym komputerze.",
        ),
    ] {
        i18n::apply(lang);
        let _ = app.update(Message::Outbox(Event::Finished {
            id: "m1".into(),
            outcome: Outcome::Sent {
                delivery: Box::new(koperta::smtp::session::Delivery {
                    accepted: accepted.clone(),
                    reply: "250 OK".into(),
                    bytes: 100,
                    tls: None,
                }),
                draft: None,
                draft_kept: false,
                subject: String::new(),
                late_by: None,
            },
        }));
        assert_eq!(app.main.notice(), Some(expected));
    }
    // A toast: gone a few seconds later.
    let shown = app.main.notice().unwrap_or_default().to_string();
    app.main
        .show_notice_since(shown, std::time::Instant::now() - Duration::from_secs(9));
    let _ = app.update(Message::Tick);
    assert_eq!(app.main.notice(), None);
    i18n::apply(Language::En);
}

/// D25: accounts added from the command line while the app ran stayed
/// invisible until a restart.
#[test]
fn d25_an_account_added_from_the_command_line_appears_in_the_running_app() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut app = App::headless(paths.clone());
    assert!(app.accounts().is_empty());
    let added = account();
    // Another process, a moment later (file times have a resolution).
    std::thread::sleep(Duration::from_millis(20));
    koperta::config::update(&paths.config_file(), |c| c.accounts.push(added.clone())).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    // The app looks every two seconds, on its tick.
    app.config_seen.1 = std::time::Instant::now() - Duration::from_secs(3);
    support::app::send(&mut app, &rt, Message::Tick);
    assert_eq!(app.accounts(), &[added]);
}

/// D27: a mailto: link before any account opened a window with an empty
/// "Choose an account" list. It now says to add one first, with the button.
#[test]
fn d27_a_compose_window_with_no_account_yet_leads_to_the_account_setup() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    let id = compose_window(
        &mut app,
        Draft {
            to: "jan@example.com".into(),
            ..Draft::default()
        },
    );
    let clicked: Vec<Message> = {
        let mut ui = simulator(app.view(id));
        assert!(ui.find("Add an account first: Koperta sends through your provider’s server, and this message waits here meanwhile.").is_ok());
        let _ = ui.click("Add account");
        ui.into_messages().collect()
    };
    assert!(
        clicked
            .iter()
            .any(|m| matches!(m, Message::Compose(w, compose::Message::AddAccount) if *w == id))
    );
    let _ = app.update(Message::Compose(id, compose::Message::AddAccount));
    assert!(
        app.main.wizard().is_some(),
        "the setup opens in the main window"
    );
}

/// Every view of the main window with something in it, in both languages
/// and both themes, at the default size and a narrow and a wide one, into
/// `target/screenshots/main/` (looked at by a person; the README shows some).
#[test]
fn every_main_window_view_is_drawn_in_both_languages_themes_and_sizes() {
    use koperta::checks::{Check, Outcome};
    use koperta::outbox::State;
    use koperta::smtp::{SmtpError, TlsInfo};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let now = koperta::outbox::now();
    let zofia = Account {
        name: "Zofia Żółkiewska".into(),
        ..account()
    };
    let firma = Account {
        id: AccountId::generate(),
        name: "Biuro".into(),
        address: "biuro@firma.example.pl".into(),
        host: "smtp.firma.example.pl".into(),
        port: 587,
        security: koperta::account::Security::StartTls,
        ..Account::default()
    };
    let accounts = vec![zofia.clone(), firma.clone()];
    let mut checks = std::collections::BTreeMap::new();
    checks.insert(
        zofia.id.clone(),
        Check {
            at: now - 600,
            server: koperta::checks::server_of(&zofia),
            outcome: Outcome::Secure {
                tls: TlsInfo {
                    version: "TLSv1_3".into(),
                    cipher_suite: "TLS13_AES_256_GCM_SHA384".into(),
                    subject: "CN=localhost".into(),
                    issuer: "CN=Koperta Test CA".into(),
                    fingerprint: String::new(),
                    pinned: false,
                },
            },
            size_limit: Some(64 * 1024 * 1024),
        },
    );
    checks.insert(
        firma.id.clone(),
        Check {
            at: now - 120,
            server: koperta::checks::server_of(&firma),
            outcome: Outcome::Failed {
                error: SmtpError::AuthFailed {
                    code: 535,
                    text: "5.7.8 Authentication credentials invalid".into(),
                },
                host: firma.host.clone(),
            },
            size_limit: None,
        },
    );
    let stored = |id: &str, subject: &str, state: State, at: u64, rcpt: usize, error| {
        stored_message(&zofia, id, subject, state, at, rcpt, error)
    };
    let outbox = vec![
        stored(
            "m1",
            "Sprawozdanie za listopad",
            State::Failed,
            now - 300,
            2,
            Some(SmtpError::Transient {
                code: 421,
                text: "4.7.0 Try again later".into(),
            }),
        ),
        stored(
            "m2",
            "Zdjęcia z wycieczki",
            State::Failed,
            now - 3600,
            1,
            Some(SmtpError::TooLarge {
                size: 31_457_280,
                limit: 26_214_400,
            }),
        ),
        stored(
            "m4",
            "Życzenia świąteczne",
            State::Scheduled { at: now + 86_400 },
            now - 60,
            40,
            None,
        ),
    ];
    let sent = vec![
        stored(
            "s1",
            "Faktura 12/2026",
            State::Sent { at: now - 900 },
            now - 900,
            1,
            None,
        ),
        stored(
            "s2",
            "Zaproszenie na wigilię firmową",
            State::Sent { at: now - 86_400 },
            now - 86_400,
            40,
            None,
        ),
    ];
    let drafts = vec![
        main_window::DraftRow {
            id: "d1".into(),
            subject: "Odpowiedź w sprawie umowy".into(),
            to: "Anna Nowak <anna@example.org>".into(),
            cc: String::new(),
            bcc: String::new(),
            saved_at: Some(now - 30),
            queued: false,
            open: false,
        },
        main_window::DraftRow {
            id: "d2".into(),
            subject: String::new(),
            to: String::new(),
            cc: String::new(),
            bcc: String::new(),
            saved_at: Some(now - 7200),
            queued: false,
            open: false,
        },
    ];
    let settings = koperta::config::Settings::default();
    let everything = || main_window::Shown {
        settings: &settings,
        accounts: &accounts,
        outbox: &outbox,
        drafts: &drafts,
        sent: &sent,
        damaged: &[],
        config_error: None,
        checks: &checks,
        contacts: &[],
    };
    let dir = support::manifest_dir().join("target/screenshots/main");
    for (lang, code) in [(Language::Pl, "pl"), (Language::En, "en")] {
        i18n::apply(lang);
        for tab in main_window::Tab::ALL {
            let main = main_window::State::on(tab);
            let view = || main_window::view(&main, everything());
            for (theme, t) in [
                (koperta::ui::style::theme(false), "light"),
                (koperta::ui::style::theme(true), "dark"),
            ] {
                let mut ui = support::app::simulator_sized(view(), (900.0, 640.0));
                support::app::photograph(
                    &mut ui,
                    &theme,
                    &dir,
                    &format!("{code}-{tab:?}-{t}").to_lowercase(),
                );
            }
            for (size, name) in [((600.0, 480.0), "narrow"), ((1400.0, 860.0), "wide")] {
                let mut ui = support::app::simulator_sized(view(), size);
                support::app::photograph(
                    &mut ui,
                    &koperta::ui::style::theme(false),
                    &dir,
                    &format!("{code}-{tab:?}-{name}").to_lowercase(),
                );
            }
        }
        // What each view must say.
        let main = main_window::State::on(main_window::Tab::Outbox);
        let mut ui = simulator(main_window::view(&main, everything()));
        let retry_all = if lang == Language::Pl {
            "Ponów wszystkie"
        } else {
            "Retry all"
        };
        assert!(ui.find(retry_all).is_ok());
    }
    i18n::apply(Language::En);
}

/// D4: with many attachments the body and Send left the window. Now the
/// attachments are a strip of fixed height that scrolls; drawn with 25
/// attachments and 40 recipients, in both languages and themes, at the
/// default size and a narrow one, into `target/screenshots/compose/`.
#[test]
fn d04_with_25_attachments_and_40_recipients_the_body_and_send_stay_in_the_window() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<std::path::PathBuf> = (1..=25)
        .map(|n| {
            let p = dir.path().join(format!(
                "Sprawozdanie kwartalne — część {n:02} (wersja ostateczna).pdf"
            ));
            std::fs::write(&p, vec![0u8; 140_000]).unwrap();
            p
        })
        .collect();
    let acc = Account {
        name: "Zofia Żółkiewska".into(),
        signature: "Zofia Żółkiewska\nKoperta sp. z o.o.".into(),
        ..account()
    };
    let accounts = vec![acc.clone()];
    let to = (1..=40)
        .map(|n| format!("Osoba {n} <osoba{n}@example.org>"))
        .collect::<Vec<_>>()
        .join(", ");
    let sizes = compose::sizes_of(&files);
    let state = compose::State::with_sizes(
        "d1".into(),
        Draft {
            account: Some(acc.id.clone()),
            to,
            subject: "Sprawozdania za 2026 rok".into(),
            body: "Dzień dobry,\n\nw załączniku przesyłam wszystkie części sprawozdania.\n".into(),
            attachments: files,
            signature: true,
            ..Draft::default()
        },
        sizes,
    );
    let shots = support::manifest_dir().join("target/screenshots/compose");
    let id = window::Id::unique();
    for (lang, code, send) in [(Language::Pl, "pl", "Wyślij"), (Language::En, "en", "Send")] {
        i18n::apply(lang);
        for ((w, h), size) in [((760.0, 680.0), "default"), ((480.0, 420.0), "smallest")] {
            let mut ui = support::app::simulator_sized(
                compose::view(&state, id, &accounts, Vec::new(), None),
                (w, h),
            );
            assert!(
                ui.find(send).is_ok(),
                "{code} {size}: Send is in the window"
            );
            let total = if lang == Language::Pl {
                "25 załączników, 3,3 MiB"
            } else {
                "25 attachments, 3.3 MiB"
            };
            assert!(ui.find(total).is_ok(), "{code} {size}: the strip's total");
            for (theme, t) in [
                (koperta::ui::style::theme(false), "light"),
                (koperta::ui::style::theme(true), "dark"),
            ] {
                let mut ui = support::app::simulator_sized(
                    compose::view(&state, id, &accounts, Vec::new(), None),
                    (w, h),
                );
                support::app::photograph(
                    &mut ui,
                    &theme,
                    &shots,
                    &format!("{code}-many-{size}-{t}"),
                );
            }
        }
    }
    i18n::apply(Language::En);
}

/// D12: one click on Discard deleted a draft at once, with no question.
#[test]
fn d12_discarding_a_draft_asks_first() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let mut state = main_window::State::on(main_window::Tab::Drafts);
    let first = state.update(
        main_window::Message::DiscardDraft("d1".into()),
        &[],
        &[],
        &[],
    );
    assert_eq!(first, main_window::Action::None, "nothing deleted yet");
    let settings = koperta::config::Settings::default();
    let drafts = [draft_row("d1", "Umowa", false)];
    {
        let mut ui = simulator(main_window::view(
            &state,
            main_window::Shown {
                drafts: &drafts,
                ..shown(&settings, &[], &[])
            },
        ));
        assert!(ui.find("Discard the draft “Umowa”?").is_ok());
    }
    assert_eq!(
        state.update(main_window::Message::ConfirmYes, &[], &[], &[]),
        main_window::Action::DiscardDraft("d1".into())
    );
}

/// A tryout of the redesign: Enter in the subject sent the message (only
/// the undo delay saved it), and a retried message was reported sent as
/// "(no subject)".
#[test]
fn enter_in_a_field_moves_on_and_a_retried_message_is_reported_by_its_subject() {
    use koperta::outbox::{Event, Outcome};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let id = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Temat".into(),
            ..Draft::default()
        },
    );
    let _ = app.update(Message::Compose(id, compose::Message::Submitted("subject")));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert_eq!(*c.sending(), compose::Sending::Idle, "nothing sent");
    assert_eq!(c.focused(), Some(4), "the cursor went to the text");
    let _ = app.update(Message::Compose(id, compose::Message::Submitted("to")));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert_eq!(
        c.focused(),
        Some(3),
        "To → Subject over the folded Cc and Bcc"
    );
    // A sent message has left the engine and, after a restart, may never
    // have been listed: its outcome names it (tryout 10).
    app.outbox.clear();
    let _ = app.update(Message::Outbox(Event::Finished {
        id: "m9".into(),
        outcome: Outcome::Sent {
            delivery: Box::new(koperta::smtp::session::Delivery {
                accepted: vec!["ola@example.org".into()],
                reply: "250 OK".into(),
                bytes: 10,
                tls: None,
            }),
            draft: None,
            draft_kept: false,
            subject: "Do kolejki".into(),
            late_by: None,
        },
    }));
    let notice = app.main.notice().unwrap_or_default().to_string();
    assert!(
        notice.starts_with("Sent “Do kolejki” to ola@example.org"),
        "{notice}"
    );
}

/// D3: the controls iced cannot focus are wrapped so the keyboard reaches
/// them. A list row: Enter opens it, Delete asks to discard it, Down moves
/// to the next row; a toggler: Space flips it; a button: Enter presses it.
#[test]
fn d03_list_rows_toggles_and_buttons_answer_the_keyboard() {
    use iced::keyboard::{Key, key::Named};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let settings = koperta::config::Settings::default();
    let drafts = [main_window::DraftRow {
        id: "d1".into(),
        subject: "Umowa".into(),
        to: "jan@example.com".into(),
        cc: String::new(),
        bcc: String::new(),
        saved_at: None,
        queued: false,
        open: false,
    }];
    let state = main_window::State::on(main_window::Tab::Drafts);
    let mut ui = simulator(main_window::view(
        &state,
        main_window::Shown {
            drafts: &drafts,
            ..shown(&settings, &[], &[])
        },
    ));
    // A click on the row's text (not on a button) gives the row the focus.
    ui.click("Umowa").expect("the row");
    for key in [
        Named::Enter,
        Named::Delete,
        Named::ArrowDown,
        Named::ArrowUp,
    ] {
        ui.tap_key(Key::Named(key));
    }
    let got: Vec<String> = ui.into_messages().map(|m| format!("{m:?}")).collect();
    assert_eq!(
        got,
        [r#"OpenDraft("d1")"#, r#"DiscardDraft("d1")"#],
        "Enter opens, Delete asks (Up and Down are the window root's: held_keys)"
    );

    let state = main_window::State::on(main_window::Tab::Settings);
    let mut ui = simulator(main_window::view(&state, shown(&settings, &[], &[])));
    // The switch's label is drawn by the toggler, not a text widget: it is
    // the control just below the never-plaintext explanation.
    let above = ui
        .find(koperta::t!("settings-never-plaintext-explained"))
        .expect("the explanation")
        .bounds();
    ui.point_at(iced::Point::new(
        above.x + 10.0,
        above.y + above.height + 12.0 + 10.0,
    ));
    ui.simulate(iced_test::simulator::click());
    ui.tap_key(Key::Named(Named::Space));
    let got: Vec<String> = ui.into_messages().map(|m| format!("{m:?}")).collect();
    let flip = format!("Notifications({})", !settings.notifications);
    assert_eq!(got, [flip.clone(), flip], "a click, then Space, flip it");

    let state = main_window::State::default();
    let mut ui = simulator(main_window::view(&state, shown(&settings, &[], &[])));
    ui.click("Add account").expect("the button");
    ui.tap_key(Key::Named(Named::Enter));
    let got: Vec<String> = ui.into_messages().map(|m| format!("{m:?}")).collect();
    assert_eq!(got, ["AddAccount", "AddAccount"], "a click, then Enter");
}

/// D20: what was typed in the wizard's first step reaches the manual form
/// (the name was dropped), and closing the main window with a half-filled
/// form asks first.
#[test]
fn d20_the_manual_form_keeps_the_wizards_name_and_closing_it_half_filled_asks() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    let main = iced::window::Id::unique();
    app.main_id = Some(main);
    app.windows.insert(main, Screen::Main);
    let _ = app.update(Message::Main(main_window::Message::AddAccount));
    for m in [
        koperta::ui::wizard::Message::Name("Zofia Żółkiewska".into()),
        koperta::ui::wizard::Message::Address("zofia@example.com".into()),
        koperta::ui::wizard::Message::Manual,
    ] {
        let _ = app.update(Message::Wizard(m));
    }
    let form = app.main.form().expect("the manual form");
    assert_eq!(form.name, "Zofia Żółkiewska");
    assert_eq!(form.address, "zofia@example.com");
    assert_eq!(form.port, "465");
    assert!(form.from_wizard);
    // The wizard's last step, counted as its others are (tryout 11).
    let mut ui = simulator(app.view(main));
    assert!(
        ui.find("Step 2 of 2: Your server and password, set up by hand")
            .is_ok()
    );
    drop(ui);
    // Closing the window asks; "no" keeps the form; "yes" closes.
    let _ = app.update(Message::CloseRequested(main));
    assert_eq!(
        app.main.question().cloned(),
        Some(main_window::Confirm::CloseWithForm),
        "asked first"
    );
    let _ = app.update(Message::Main(main_window::Message::ConfirmNo));
    assert!(app.main.form().is_some(), "the form is kept");
    let _ = app.update(Message::CloseRequested(main));
    let _ = app.update(Message::Main(main_window::Message::ConfirmYes));
    assert!(app.main.form().is_none(), "given up only when asked to");
}

/// Deleting an outbox message means it is never sent: asked first, by the
/// button and by the Delete key alike.
#[test]
fn deleting_an_outbox_message_asks_first() {
    let mut state = main_window::State::default();
    let first = state.update(main_window::Message::Delete("m1".into()), &[], &[], &[]);
    assert_eq!(first, main_window::Action::None, "nothing deleted yet");
    assert_eq!(
        state.question().cloned(),
        Some(main_window::Confirm::DeleteQueued("m1".into()))
    );
    assert_eq!(
        state.update(main_window::Message::ConfirmYes, &[], &[], &[]),
        main_window::Action::Delete("m1".into())
    );
}

/// D23: a message with no subject, whose text speaks of an attachment
/// that is not there, is not sent at once: the window asks, and sends only
/// on "Send anyway".
#[test]
fn d23_no_subject_or_a_missing_attachment_is_asked_about_before_sending() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let id = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            body: "W załączniku przesyłam raport.".into(),
            ..Draft::default()
        },
    );
    let _ = app.update(Message::Compose(id, compose::Message::Send));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert_eq!(
        c.concerns(),
        [
            koperta::draft::Concern::NoSubject,
            koperta::draft::Concern::AttachmentMentioned
        ]
    );
    assert_eq!(*c.sending(), compose::Sending::Idle, "nothing queued yet");
    assert!(app.engine.entries().is_empty(), "nothing in the outbox");
    {
        let accounts = [acc.clone()];
        let mut ui = simulator(compose::view(c, id, &accounts, Vec::new(), None));
        assert!(ui.find("Send anyway").is_ok());
        assert!(
            ui.find(
                "This message has no subject. The text mentions an attachment, but nothing is attached."
            )
            .is_ok()
        );
    }
    let _ = app.update(Message::Compose(id, compose::Message::ConcernsCancel));
    let _ = app.update(Message::Compose(id, compose::Message::SendAnyway));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert!(c.concerns().is_empty());
    assert_ne!(*c.sending(), compose::Sending::Idle, "sent on Send anyway");
}

/// D9: the server's SIZE, seen at the last connection, warns as soon as
/// the attachments make the message too big for it.
#[test]
fn d09_attachments_over_the_servers_size_are_said_at_once() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let big = std::path::PathBuf::from("/nonexistent/film.mp4");
    let mut state = compose::State::new(
        "d".into(),
        Draft {
            to: "jan@example.com".into(),
            ..Draft::default()
        },
    );
    state.attached(vec![(big, 20 * 1024 * 1024)]);
    let limit = 25 * 1000 * 1000;
    let estimate = compose::encoded_size(20 * 1024 * 1024, 0);
    assert!(estimate > limit, "base64 makes 20 MiB about 28 MB");
    let warning = koperta::t!(
        "compose-too-big",
        size = koperta::report::human_size(estimate),
        limit = koperta::report::human_size(limit)
    );
    let id = window::Id::unique();
    let mut ui = simulator(compose::view(&state, id, &[], Vec::new(), Some(limit)));
    assert!(ui.find(warning.as_str()).is_ok(), "{warning}");
    let mut ui = simulator(compose::view(
        &state,
        id,
        &[],
        Vec::new(),
        Some(64 * 1024 * 1024),
    ));
    assert!(
        ui.find(warning.as_str()).is_err(),
        "under the limit: no warning"
    );
}

/// D8: a new message has the account's signature in its text, where it
/// is seen and can be changed; choosing another sender swaps it; an old
/// draft that only asked for it gets it in its text.
#[test]
fn d08_the_signature_is_in_the_text_by_default_and_follows_the_sender() {
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    let zofia = Account {
        name: "Zofia Żółkiewska".into(),
        signature: "Zofia Żółkiewska\ntel. 600 100 200\nKoperta sp. z o.o.".into(),
        ..account()
    };
    let firma = Account {
        address: "biuro@example.com".into(),
        signature: "Biuro".into(),
        ..account()
    };
    app.config.config.accounts = vec![zofia.clone(), firma.clone()];
    let _ = app.open_compose(None, compose::Sizes::new());
    let (id, body) = app
        .windows
        .iter()
        .find_map(|(id, s)| match s {
            Screen::Compose(c) => Some((*id, c.draft().body.clone())),
            _ => None,
        })
        .expect("a compose window");
    assert_eq!(
        body,
        "\n\n-- \nZofia Żółkiewska\ntel. 600 100 200\nKoperta sp. z o.o."
    );
    let choice = compose::FromChoice {
        id: firma.id.clone(),
        identity: None,
        label: compose::from_label(&firma),
    };
    let _ = app.update(Message::Compose(id, compose::Message::From(choice)));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert_eq!(
        c.draft().body,
        "\n\n-- \nBiuro",
        "the sender's own signature"
    );
    assert!(!c.draft().signature, "not added a second time when sent");

    let _ = app.open_compose(
        Some((
            "old".into(),
            Draft {
                account: Some(zofia.id.clone()),
                body: "Treść".into(),
                signature: true,
                ..Draft::default()
            },
        )),
        compose::Sizes::new(),
    );
    let old = app
        .windows
        .values()
        .find_map(|s| match s {
            Screen::Compose(c) if c.draft_id() == "old" => Some(c.draft().clone()),
            _ => None,
        })
        .expect("the old draft's window");
    assert!(old.body.starts_with("Treść\n\n-- \nZofia Żółkiewska"));
    assert!(!old.signature);
}

/// D17: a send under way can be stopped from its window (the engine's
/// cancel, tested with a real server in tests/outbox.rs, keeps the message
/// undelivered in the outbox); there is no such button when nothing runs.
#[test]
fn d17_a_send_under_way_can_be_stopped_from_its_window() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let acc = account();
    let accounts = [acc.clone()];
    let mut state = compose::State::new(
        "d".into(),
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Film".into(),
            ..Draft::default()
        },
    );
    let id = window::Id::unique();
    {
        let mut ui = simulator(compose::view(&state, id, &accounts, Vec::new(), None));
        assert!(ui.find("Stop sending").is_err(), "nothing runs yet");
    }
    state.queued("m1".into(), None, 26_000_000);
    state.send_progress(1_000_000);
    {
        let mut ui = simulator(compose::view(&state, id, &accounts, Vec::new(), None));
        ui.click("Stop sending").expect("the button");
        let got: Vec<String> = ui.into_messages().map(|m| format!("{m:?}")).collect();
        assert_eq!(got, ["CancelSend"]);
    }
    assert_eq!(
        state.update(compose::Message::CancelSend),
        compose::Action::CancelSend("m1".into())
    );
}

/// D14: a message waiting to be retried says how long is left, with the
/// Polish plural forms (minutę, minuty, minut).
#[test]
fn d14_a_retry_is_told_as_the_time_left() {
    use koperta::outbox::State;
    use koperta::smtp::SmtpError;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let acc = account();
    let mut m = stored_message(
        &acc,
        "m1",
        "Raport",
        State::Failed,
        1_000,
        1,
        Some(SmtpError::Transient {
            code: 451,
            text: "4.3.0 try later".into(),
        }),
    );
    let now = 10_000;
    let line =
        |m: &koperta::store::Stored| koperta::report::outbox::state_line_relative(&m.sidecar, now);
    i18n::apply(Language::Pl);
    for (left, says) in [
        (60, "za minutę"),
        (4 * 60 - 10, "za 4 minuty"),
        (5 * 60, "za 5 minut"),
        (0, "za chwilę"),
    ] {
        m.sidecar.next_try = Some(now + left);
        assert!(line(&m).ends_with(says), "{left}: {}", line(&m));
    }
    i18n::apply(Language::En);
    m.sidecar.next_try = Some(now + 4 * 60);
    assert!(line(&m).ends_with("next try in 4 minutes"), "{}", line(&m));
}

/// A tryout lost text: after a failed send the window stayed open, the
/// person added a sentence, and a retry (Retry, or the outbox's own) sent
/// the older text and deleted the draft with the newer. Now an edit takes
/// the failed message out of the outbox: nothing sends the older text, and
/// the window is its draft again.
#[test]
fn an_edit_after_a_failed_send_takes_it_out_of_the_outbox_so_no_retry_sends_older_text() {
    use koperta::outbox::{Failure, Reason, State};
    use koperta::smtp::SmtpError;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let draft = Draft {
        account: Some(acc.id.clone()),
        to: "jan@example.com".into(),
        subject: "Raport".into(),
        body: "Pierwsza wersja.\n".into(),
        ..Draft::default()
    };
    app.store.save_draft("d3", &draft).unwrap();
    let queued = queue_far_off(&app, &acc, &draft, "d3");
    let mut m = app.engine.get(&queued).unwrap();
    m.sidecar.state = State::Failed;
    m.sidecar.next_try = Some(koperta::outbox::now() + 60);
    m.sidecar.failure = Some(Failure::new(Reason::Smtp {
        error: SmtpError::Transient {
            code: 421,
            text: "4.7.0 Try again later".into(),
        },
        host: "localhost".into(),
    }));
    app.store.outbox_update(&queued, &m.sidecar).unwrap();
    let _ = app.engine.reload();
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    // The window that tried to send it, still open after the failure.
    let w = window::Id::unique();
    let mut tried = compose::State::new("d3".into(), draft.clone());
    tried.queued(queued.clone(), None, 0);
    tried.send_failed("421".into());
    app.windows.insert(w, Screen::Compose(Box::new(tried)));
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::Subject("Raport, poprawiony".into())),
    );
    assert!(
        app.engine.get(&queued).is_none(),
        "the older text is no longer in the outbox"
    );
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("window")
    };
    assert_eq!(c.outbox_id(), None);
    assert_eq!(c.draft().subject, "Raport, poprawiony");
    assert_eq!(
        c.notice().as_deref(),
        Some("Taken out of the outbox because you changed it: press Send when it is ready.")
    );
}

/// A tryout typed within 0.1 s of Ctrl+Enter, while the message was being
/// queued: that keystroke went out without a chance to undo. Now a change
/// made while queueing takes the message back as soon as it is queued.
#[test]
fn typing_while_the_message_is_being_queued_takes_it_back() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = support::app::compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Szybko".into(),
            body: "Tekst".into(),
            ..Draft::default()
        },
    );
    let queueing = app.update(Message::Compose(w, compose::Message::Send));
    // Typed before the queue task answered.
    let _ = app.update(Message::Compose(
        w,
        compose::Message::Subject("Szybko!".into()),
    ));
    support::app::drive(&mut app, &rt, queueing);
    assert!(
        app.engine.entries().is_empty(),
        "taken back, nothing to send"
    );
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("window")
    };
    assert_eq!(*c.sending(), compose::Sending::Idle);
    assert_eq!(c.draft().subject, "Szybko!");
}

/// A fifth tryout pressed Esc right after Ctrl+Enter, while the message
/// was still being put in the outbox: the Esc was ignored and the message
/// went. Esc then takes it back as soon as it is queued, as in the undo
/// delay.
#[test]
fn esc_while_the_message_is_being_queued_takes_it_back() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = support::app::compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Jednak nie".into(),
            body: "Tekst".into(),
            ..Draft::default()
        },
    );
    let queueing = app.update(Message::Compose(w, compose::Message::Send));
    let escape = app.update(Message::Input(w, Input::Escape));
    support::app::drive(&mut app, &rt, iced::Task::batch([queueing, escape]));
    assert!(
        app.engine.entries().is_empty(),
        "taken back, nothing to send"
    );
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("window")
    };
    assert_eq!(*c.sending(), compose::Sending::Idle);
    // Sent again, it is held for the undo delay as usual (the Esc is not
    // remembered).
    let queueing = app.update(Message::Compose(w, compose::Message::Send));
    support::app::drive(&mut app, &rt, queueing);
    assert_eq!(app.engine.entries().len(), 1);
}

/// Ctrl+Z in the undo delay takes the send back, as the toast's Undo
/// and Esc do (tryout 6 pressed it and the message went), also when
/// pressed while the message is still being put in the outbox.
#[test]
fn ctrl_z_in_the_undo_delay_takes_the_send_back() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = support::app::compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Cofnij".into(),
            body: "Tekst".into(),
            ..Draft::default()
        },
    );
    // Held, then Ctrl+Z.
    support::app::send(&mut app, &rt, Message::Compose(w, compose::Message::Send));
    assert_eq!(app.engine.entries().len(), 1, "held");
    support::app::send(&mut app, &rt, Message::Input(w, Input::Undo));
    assert!(app.engine.entries().is_empty(), "taken back");
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("window")
    };
    assert_eq!(*c.sending(), compose::Sending::Idle);
    // Ctrl+Z while it is still being queued.
    let queueing = app.update(Message::Compose(w, compose::Message::Send));
    let undo = app.update(Message::Input(w, Input::Undo));
    support::app::drive(&mut app, &rt, iced::Task::batch([queueing, undo]));
    assert!(app.engine.entries().is_empty(), "taken back once queued");
}

/// Issue 13: Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) undo and redo the
/// body's edits a word at a time, and a paste as one step; the history
/// survives a save of the draft; an attachment removed after the last
/// edit is what Ctrl+Z brings back first.
#[test]
fn ctrl_z_and_ctrl_y_undo_and_redo_the_body_a_word_at_a_time() {
    use iced::widget::text_editor::{Action as EditorAction, Edit};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = support::app::compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            ..Draft::default()
        },
    );
    let edit = |app: &mut App, e: Edit| {
        let _ = app.update(Message::Compose(
            w,
            compose::Message::Body(EditorAction::Edit(e)),
        ));
    };
    for c in "Ala ma kota".chars() {
        edit(&mut app, Edit::Insert(c));
    }
    edit(
        &mut app,
        Edit::Paste(std::sync::Arc::new(" i psa".to_string())),
    );
    let body = |app: &App| match app.windows.get(&w) {
        Some(Screen::Compose(c)) => c.draft().body.clone(),
        _ => panic!("window"),
    };
    assert_eq!(body(&app), "Ala ma kota i psa");
    // A save of the draft keeps the history.
    support::app::send(&mut app, &rt, Message::Compose(w, compose::Message::Save));
    let mut undone = Vec::new();
    for _ in 0..4 {
        support::app::send(&mut app, &rt, Message::Input(w, Input::Undo));
        undone.push(body(&app));
    }
    assert_eq!(undone, ["Ala ma kota", "Ala ma", "Ala", ""]);
    support::app::send(&mut app, &rt, Message::Input(w, Input::Undo));
    assert_eq!(body(&app), "", "nothing more to undo");
    support::app::send(&mut app, &rt, Message::Input(w, Input::Redo));
    support::app::send(&mut app, &rt, Message::Input(w, Input::Redo));
    assert_eq!(body(&app), "Ala ma");
    // An attachment removed after that edit comes back first.
    let file = home.path().join("umowa.txt");
    std::fs::write(&file, "umowa").unwrap();
    let attach = app.update(Message::Picked(w, vec![file]));
    support::app::drive(&mut app, &rt, attach);
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::RemoveAttachment(0)),
    );
    support::app::send(&mut app, &rt, Message::Input(w, Input::Undo));
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("window")
    };
    assert_eq!(c.draft().attachments.len(), 1, "the attachment is back");
    assert_eq!(c.draft().body, "Ala ma", "the text as it was");
    support::app::send(&mut app, &rt, Message::Input(w, Input::Undo));
    assert_eq!(body(&app), "Ala");
}

/// Issue 13's send later, in the compose window: a time typed wrong is
/// refused in place; an offered one ("Monday 8:00") queues the message
/// for then (the outbox holds it, scheduled), the window closes, and the
/// toast says when it goes.
#[test]
fn send_later_queues_the_message_for_the_time_chosen() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = support::app::compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Na poniedziałek".into(),
            body: "Tekst".into(),
            ..Draft::default()
        },
    );
    let compose = |m| Message::Compose(w, m);
    support::app::send(&mut app, &rt, compose(compose::Message::SendLater));
    for (lang, code) in [(Language::En, "en"), (Language::Pl, "pl")] {
        i18n::apply(lang);
        let mut ui = support::app::simulator_at_window_size(app.view(w));
        support::app::photograph(
            &mut ui,
            &koperta::ui::style::theme(false),
            &support::manifest_dir().join("target/screenshots/compose"),
            &format!("{code}-send-later-light"),
        );
    }
    i18n::apply(Language::En);
    support::app::send(
        &mut app,
        &rt,
        compose(compose::Message::LaterText("jutro rano".into())),
    );
    support::app::send(&mut app, &rt, compose(compose::Message::LaterConfirm));
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("window")
    };
    assert_eq!(
        c.later().and_then(|l| l.error.clone()).as_deref(),
        Some("“jutro rano” is not a time in the form YYYY-MM-DD HH:MM (local time).")
    );
    assert!(app.engine.entries().is_empty(), "nothing queued");
    let [_, monday] = koperta::outbox::later::offered_times(koperta::outbox::now());
    let at = koperta::outbox::later::parse_later(&monday, koperta::outbox::now()).unwrap();
    support::app::send(
        &mut app,
        &rt,
        compose(compose::Message::LaterAt(monday.clone())),
    );
    let entries = app.engine.entries();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0].sidecar.state,
        koperta::outbox::State::Scheduled { at }
    );
    // Dated at its time, as it will enter the mail system (RFC 5322
    // §3.6.1), not at the moment it was queued.
    let eml = std::fs::read_to_string(app.store.outbox_eml(&entries[0].id)).unwrap();
    let date = eml.lines().find_map(|l| l.strip_prefix("Date: ")).unwrap();
    let dated = std::process::Command::new("date")
        .args(["-d", date, "+%s"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&dated.stdout).trim(),
        at.to_string(),
        "{date}"
    );
    assert_eq!(
        app.main.notice(),
        Some(format!(
            "The message “Na poniedziałek” goes at {}; until then it waits in Outbox, where you can open it to change it.",
            koperta::report::outbox::local_time(at)
        ).as_str())
    );
}

/// Ctrl+W while the message is being put in the outbox: no "keep the
/// draft?" question about a message that is going (tryout 6 was asked
/// one); the window closes once it is in, and the toast says where it
/// is.
#[test]
fn ctrl_w_while_the_message_is_being_queued_closes_once_it_is_in() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = support::app::compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Zamykam".into(),
            body: "Tekst".into(),
            ..Draft::default()
        },
    );
    let _ = app.update(Message::Compose(
        w,
        compose::Message::To("jan@example.com".into()),
    ));
    let queueing = app.update(Message::Compose(w, compose::Message::Send));
    let close = app.update(Message::Input(w, Input::CloseWindow));
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("window")
    };
    assert!(!c.is_asking_close(), "no question about a message going");
    support::app::drive(&mut app, &rt, iced::Task::batch([queueing, close]));
    assert_eq!(app.engine.entries().len(), 1, "it goes");
    assert_eq!(
        app.main.notice(),
        Some(
            "The message “Zamykam” waits in the outbox and goes out by itself; open it there to change it."
        )
    );
}

/// A sent message opened read-only, in both languages and themes: who it
/// went to (Bcc from the envelope), when, its size, the TLS session as
/// observed at delivery, the server's reply, the text and attachments.
#[test]
fn a_sent_message_opens_read_only_with_its_transport_facts() {
    use koperta::outbox::State;
    use koperta::ui::sent_view;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let acc = account();
    let mut m = stored_message(
        &acc,
        "s1",
        "Sprawozdanie za listopad",
        State::Sent { at: 1_796_130_300 },
        1_796_130_290,
        3,
        None,
    );
    m.sidecar.tls = Some(koperta::smtp::TlsInfo {
        version: "TLSv1_3".into(),
        cipher_suite: "TLS13_AES_256_GCM_SHA384".into(),
        subject: "CN=smtp.example.com".into(),
        issuer: "CN=R11, O=Let's Encrypt".into(),
        fingerprint: String::new(),
        pinned: false,
    });
    let eml = "From: =?utf-8?q?Zofia_=C5=BB=C3=B3=C5=82kiewska?= <zofia@example.com>\r\n\
To: \"Kowalski, Jan\" <osoba0@example.org>\r\nCc: osoba1@example.org\r\n\
Subject: Sprawozdanie za listopad\r\nImportance: high\r\nX-Priority: 1\r\n\
Disposition-Notification-To: zofia@example.com\r\nMIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\
Dzień dobry,\r\n\r\nw załączeniu sprawozdanie.\r\n";
    let mut state = sent_view::State::new(m);
    let _ = state.update(sent_view::Message::Loaded(Ok(sent_view::parse(
        eml.as_bytes(),
        false,
    ))));
    let dir = support::manifest_dir().join("target/screenshots/sent");
    for (lang, code, tls) in [
        (
            Language::Pl,
            "pl",
            "szyfrowane (TLS 1.3, AES-256-GCM), certyfikat zweryfikowany, wystawiony przez CN=R11, O=Let's Encrypt",
        ),
        (
            Language::En,
            "en",
            "encrypted (TLS 1.3, AES-256-GCM), certificate verified, issued by CN=R11, O=Let's Encrypt",
        ),
    ] {
        i18n::apply(lang);
        for (theme, dark) in [("light", false), ("dark", true)] {
            let mut ui = support::app::simulator_sized(sent_view::view(&state), (760.0, 680.0));
            assert!(ui.find(tls).is_ok(), "{code}: the session as observed");
            assert!(ui.find("Kowalski, Jan <osoba0@example.org>").is_ok());
            assert!(
                ui.find("osoba0@example.org, osoba1@example.org, osoba2@example.org")
                    .is_ok(),
                "{code}: the envelope, Bcc included"
            );
            // The one not in To or Cc is shown as Bcc (a fifth tryout found
            // Bcc only under "Delivered to").
            let bcc = if code == "pl" { "UDW" } else { "Bcc" };
            assert!(ui.find(bcc).is_ok(), "{code}");
            assert!(ui.find("osoba2@example.org").is_ok(), "{code}");
            // What was asked of the recipients' programs, as it was sent.
            let asked = if code == "pl" {
                "wysoki priorytet · poproszono o potwierdzenie przeczytania"
            } else {
                "high priority · read receipt asked for"
            };
            assert!(ui.find(asked).is_ok(), "{code}");
            support::app::photograph(
                &mut ui,
                &koperta::ui::style::theme(dark),
                &dir,
                &format!("{code}-sent-{theme}"),
            );
        }
    }
}

/// D21: "Remove?" is asked in the account's own row (the list no longer
/// jumps to a question at the top), and only there.
#[test]
fn d21_removing_an_account_asks_in_its_own_row() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let accounts: Vec<Account> = (1..=30)
        .map(|n| Account {
            address: format!("konto{n}@example.com"),
            ..account()
        })
        .collect();
    let settings = koperta::config::Settings::default();
    let mut state = main_window::State::default();
    let last = accounts[29].id.clone();
    let _ = state.update(
        main_window::Message::RemoveAccount(last),
        &accounts,
        &[],
        &[],
    );
    let mut ui = simulator(main_window::view(&state, shown(&settings, &accounts, &[])));
    let question = ui
        .find("Remove the account konto30@example.com and its password from the keyring?")
        .expect("asked")
        .bounds();
    let row = ui.find("konto30@example.com").expect("its row").bounds();
    assert!(
        question.y > row.y,
        "asked under its row ({} > {}), not at the top",
        question.y,
        row.y
    );
}

/// D20: editing an account that keeps an extra CA (or a pinned
/// certificate) no longer shows an empty field as if there were none; the
/// field says one is kept and that leaving it empty keeps it.
#[test]
fn d20_the_edit_form_says_a_stored_ca_is_kept() {
    let acc = Account {
        extra_ca_pem: Some("-----BEGIN CERTIFICATE-----".into()),
        ..account()
    };
    let mut state = main_window::State::default();
    let _ = state.update(
        main_window::Message::EditAccount(acc.id.clone()),
        std::slice::from_ref(&acc),
        &[],
        &[],
    );
    let form = state.form().expect("the edit form");
    assert!(form.has_ca, "the CA is known to be kept");
    assert!(!form.has_pin);
    assert!(form.ca_file.is_empty(), "an empty field keeps it");
}
