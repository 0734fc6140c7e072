//! The desktop app without a display: screens' views through iced_test's
//! simulator, two windows through the app's `update`, and the tasks the app
//! returns run to completion against the real SMTP peer and keyring.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;

mod clock;
mod contacts;
mod defects_compose;
mod defects_main;
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
mod queueing;
mod quit;
mod saves;
mod scheduled;
mod spelling;
mod views;

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
        account: None,
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
        let mut ui = simulator(compose::view(&state, id, &accounts, true, Vec::new(), None));
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
            true,
            Vec::new(),
            None,
        ));
        assert!(
            ui.find(
                format!(
                    "{expected}, {}",
                    koperta::report::human_size(3 * count as u64)
                )
                .as_str()
            )
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
            matches!(c.sending(), compose::Sending::Failed(r) if r.text().contains("did not send its greeting")),
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

/// Tryout 31: "adam", Tab, "Test podpisu" put the subject into To: Tab
/// completed the address and stayed. Tab completes and goes on to the
/// next field, as in Thunderbird; Enter completes and stays for another.
#[test]
fn tab_on_a_suggestion_completes_it_and_goes_on_enter_stays() {
    use iced::keyboard::{Key, Modifiers, key::Named};
    let (mut app, acc, _home) = app_with_account();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            ..Draft::default()
        },
    );
    let suggestions = vec!["Adam Nowak <adam@example.pl>".to_string()];
    let _ = app.update(Message::Compose(w, compose::Message::To("adam".into())));
    let key = |app: &App, named| {
        let Some(Screen::Compose(c)) = app.windows.get(&w) else {
            panic!("compose window")
        };
        compose::suggestion_keys(
            c,
            &suggestions,
            &Key::Named(named),
            Modifiers::empty(),
            true,
        )
    };
    let tab = key(&app, Named::Tab).expect("Tab takes the suggestion");
    assert!(
        matches!(tab, compose::Message::SuggestAndMoveOn(_)),
        "{tab:?}"
    );
    let enter = key(&app, Named::Enter).expect("Enter takes it too");
    assert!(matches!(enter, compose::Message::Suggest(_)), "{enter:?}");
    let _ = app.update(Message::Compose(w, tab));
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window")
    };
    assert_eq!(
        c.draft().to,
        "Adam Nowak <adam@example.pl>",
        "complete, no dangling comma"
    );
    assert_eq!(c.draft().subject, "");
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
