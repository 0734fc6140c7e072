//! Two processes on one data directory: the app and the command line. A
//! compose window whose failed message the command line sent meanwhile
//! never sends it a second time (tryout 11 got two copies from Ctrl+Enter).

use super::*;

/// `koperta ARGS` as a second process on the inner test's data directory
/// and keyring session (both inherited); asserts it succeeded.
fn command_line(args: &[&str]) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_koperta"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The compose window `id`'s state.
fn window_state(app: &App, id: window::Id) -> &compose::State {
    match app.windows.get(&id) {
        Some(Screen::Compose(c)) => c,
        _ => panic!("window"),
    }
}

#[test]
#[ignore = "run by a_message_the_command_line_sent_meanwhile_is_never_sent_again_from_its_window"]
fn sent_elsewhere_inner() {
    let Ok(home) = std::env::var("KOPERTA_HOME") else {
        return;
    };
    let paths = Paths::under(std::path::Path::new(&home));
    koperta::config::update(&paths.config_file(), |c| c.settings.undo_send_seconds = 0).unwrap();
    let mut app = App::headless(paths);
    let account = app.config.config.accounts[0].clone();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    // Three messages fail on a wrong password and wait in the outbox, each
    // window tied to its message.
    let keyring = koperta::secrets::Keyring::default();
    let right = keyring.get(&account.id).unwrap();
    keyring
        .set(
            &account.id,
            &koperta::secrets::Password::new("wrong".into()),
        )
        .unwrap();
    let windows: Vec<(window::Id, String)> = ["Odświeżone", "Ctrl+Enter", "Usunięte"]
        .into_iter()
        .map(|subject| {
            let id = compose_window(
                &mut app,
                Draft {
                    account: Some(account.id.clone()),
                    to: "jan@example.com".into(),
                    subject: subject.into(),
                    body: "Treść\n".into(),
                    ..Draft::default()
                },
            );
            let task = app.update(Message::Compose(id, compose::Message::Send));
            drive(&mut app, &rt, task);
            let c = window_state(&app, id);
            assert!(
                matches!(c.sending(), compose::Sending::Failed(_)),
                "{:?}",
                c.sending()
            );
            (id, c.outbox_id().unwrap().to_string())
        })
        .collect();
    keyring.set(&account.id, &right).unwrap();
    // The command line sends the first two and removes the third.
    command_line(&["outbox", "retry", &windows[0].1]);
    command_line(&["outbox", "retry", &windows[1].1]);
    command_line(&["outbox", "remove", &windows[2].1]);
    assert_eq!(app.store.sent().0.len(), 2);

    // Ctrl+Enter before the app read the outbox again: it learns that the
    // message went out, queues nothing, and its window is done.
    let (ctrl_enter, _) = &windows[1];
    let task = app.update(Message::Compose(*ctrl_enter, compose::Message::Send));
    drive(&mut app, &rt, task);
    assert_eq!(
        *window_state(&app, *ctrl_enter).sending(),
        compose::Sending::Sent
    );
    let notice = app.main.notice().unwrap_or_default().to_string();
    assert_eq!(
        notice,
        "“Ctrl+Enter” was already sent from the command line."
    );
    assert!(app.store.outbox().0.is_empty(), "nothing queued again");
    assert_eq!(app.store.sent().0.len(), 2, "not sent twice");

    // The next reading of the outbox tells the other windows: the sent one
    // is done, the removed one is a draft again, sent on its Send.
    let _ = app.engine.reload();
    let task = app.update(Message::OutboxReloaded);
    drive(&mut app, &rt, task);
    assert_eq!(
        *window_state(&app, windows[0].0).sending(),
        compose::Sending::Sent
    );
    let removed = window_state(&app, windows[2].0);
    assert_eq!(*removed.sending(), compose::Sending::Idle);
    assert_eq!(removed.outbox_id(), None);
    let task = app.update(Message::Compose(windows[2].0, compose::Message::Send));
    drive(&mut app, &rt, task);
    assert_eq!(app.store.sent().0.len(), 3);
}

#[test]
fn a_message_the_command_line_sent_meanwhile_is_never_sent_again_from_its_window() {
    let (_certs, peer, s) = super::peer_and_account();
    super::run_inner(&s, "elsewhere::sent_elsewhere_inner", &[]);
    let mut subjects: Vec<String> = peer
        .received()
        .iter()
        .map(|r| {
            support::parse_mail(&r.path)["subject"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    subjects.sort();
    assert_eq!(subjects, ["Ctrl+Enter", "Odświeżone", "Usunięte"]);
}
