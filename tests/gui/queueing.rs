//! From Send to the outbox: the undo delay, taking a message back, send
//! later, retries and deleting, as the person drives them.

use super::*;

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
    // "Undone" is a toast: it clears itself (tryout 14 saw it stay), and
    // the clock ticks fast enough to clear it.
    assert_eq!(c.notice(), Some(koperta::t!("compose-undone")));
    assert!(c.waits_on_the_clock());
    if let Some(Screen::Compose(c)) = app.windows.get_mut(&id) {
        c.expire_notice(Duration::from_secs(60));
        assert!(c.notice().is_some(), "not before its time");
        c.expire_notice(Duration::ZERO);
        assert_eq!(c.notice(), None);
    }
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
            "The message “Na poniedziałek” goes out on {}; until then it waits in Outbox, where you can open it to change it.",
            koperta::report::outbox::local_time(at)
        ).as_str())
    );
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

/// Tryout 14 killed Koperta during a message's undo delay: the next start
/// sent it within 1.5 s, with no Undo. Now the next start gives the delay
/// back, in the message's window, and Esc still takes it back.
#[test]
fn a_message_held_when_koperta_stopped_gets_its_undo_delay_back_at_the_next_start() {
    use std::sync::Arc;
    let home = tempfile::tempdir().unwrap();
    let sender = account();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let draft = Draft {
        account: Some(sender.id.clone()),
        to: "jan@example.com".into(),
        subject: "Przerwana".into(),
        body: "Jeszcze nie.\n".into(),
        ..Draft::default()
    };
    {
        let mut app = App::headless(Paths::under(home.path()));
        app.config.config.accounts.push(sender.clone());
        let id = support::app::compose_window(&mut app, draft.clone());
        support::app::send(&mut app, &rt, Message::Compose(id, compose::Message::Send));
        assert_eq!(app.outbox.len(), 1);
        // Killed here: nothing more runs.
    }
    // The next start, a minute later (the old delay ran out long ago).
    let later = koperta::outbox::now() + 60;
    let mut app = App::headless(Paths::under(home.path()));
    app.config.config.accounts.push(sender.clone());
    app.engine = app.engine.clone().with_clock(Arc::new(move || later));
    assert_eq!(app.engine.due(later).len(), 1, "it would go at once");
    let task = app.resume_holds();
    drive(&mut app, &rt, task);
    assert!(app.engine.due(later).is_empty(), "held again");
    assert!(app.engine.due(later + 5).len() == 1, "for the undo delay");
    assert_eq!(
        app.main.notice().map(str::to_string),
        Some(koperta::t!("main-holds-resumed", count = 1))
    );
    let (w, c) = app
        .windows
        .iter()
        .find_map(|(w, s)| match s {
            Screen::Compose(c) => Some((*w, c)),
            _ => None,
        })
        .expect("its window is open again");
    assert!(matches!(c.sending(), compose::Sending::Held(u) if *u == later + 5));
    assert_eq!(c.draft(), &draft);
    support::app::send(&mut app, &rt, Message::Input(w, Input::Escape));
    assert!(app.store.outbox().0.is_empty(), "taken back");
    assert_eq!(app.store.drafts().0.len(), 1, "the draft is kept");
}

/// Tryout 14 pressed Esc to leave a compose window and nothing happened.
/// With nothing open to close, Esc is Ctrl+W: it asks about what was
/// typed; with the question open, Esc closes the question, not the window.
#[test]
fn esc_with_nothing_open_closes_the_compose_window_as_ctrl_w_does() {
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    let sender = account();
    app.config.config.accounts.push(sender.clone());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let id = support::app::compose_window(&mut app, Draft::default());
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(id, compose::Message::Subject("Pisane".into())),
    );
    support::app::send(&mut app, &rt, Message::Input(id, Input::Escape));
    let asking = matches!(app.windows.get(&id), Some(Screen::Compose(c)) if c.is_asking_close());
    assert!(asking, "Esc asks, as Ctrl+W does");
    support::app::send(&mut app, &rt, Message::Input(id, Input::Escape));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("the second Esc closes the question, not the window")
    };
    assert!(!c.is_asking_close());
    assert_eq!(c.draft().subject, "Pisane");
}

/// Tryout 20: an account without encryption, while never-plaintext is on,
/// was marked only "not encrypted" in its card and in From, and Send held
/// the message for the undo delay before it failed. It is marked as unable
/// to send, and Send refuses at once, queueing nothing.
#[test]
fn a_plaintext_account_under_never_plaintext_is_marked_blocked_and_refused_at_once() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let home = tempfile::tempdir().unwrap();
    let mut app = App::headless(Paths::under(home.path()));
    let mut sender = account();
    sender.security = koperta::account::Security::Plaintext;
    app.config.config.accounts.push(sender.clone());
    assert!(app.settings().never_plaintext, "on by default");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let main = iced::window::Id::unique();
    app.main_id = Some(main);
    app.windows.insert(main, Screen::Main);
    let blocked = koperta::t!("mark-unsafe-blocked");
    let mut ui = simulator(app.view(main));
    assert!(
        ui.find(blocked.as_str()).is_ok(),
        "the card says: {blocked}"
    );
    drop(ui);
    let label = compose::from_label(&sender, true);
    assert!(
        label.ends_with(&koperta::t!("mark-unsafe-blocked-short")),
        "{label}"
    );
    let draft = Draft {
        account: Some(sender.id.clone()),
        to: "jan@example.com".into(),
        subject: "Jawnie".into(),
        body: "Nie powinno wyjść.\n".into(),
        ..Draft::default()
    };
    let id = support::app::compose_window(&mut app, draft);
    support::app::send(&mut app, &rt, Message::Compose(id, compose::Message::Send));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert_eq!(
        *c.sending(),
        compose::Sending::Failed(compose::Why::Text(koperta::t!(
            "smtp-error-plaintext-forbidden"
        )))
    );
    assert!(app.store.outbox().0.is_empty(), "nothing queued");
    // With never-plaintext off, the same account is only marked.
    assert!(
        !compose::from_label(&sender, false).contains(&koperta::t!("mark-unsafe-blocked-short"))
    );
}
