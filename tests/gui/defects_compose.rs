//! The compose window's defects of the first tryout (D1, D2, D4, D8, D9,
//! D13, D14, D16, D17, D18, D23), each proved here.

use super::*;

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
            "Wysłano „(bez tematu)” do jan@zażółć.pl i jeszcze 39 odbiorców. Kopia jest w Wysłanych na tym komputerze.",
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
                compose::view(&state, id, &accounts, true, Vec::new(), None),
                (w, h),
            );
            assert!(
                ui.find(send).is_ok(),
                "{code} {size}: Send is in the window"
            );
            let total = if lang == Language::Pl {
                "25 załączników, 3,5\u{a0}MB"
            } else {
                "25 attachments, 3.5\u{a0}MB"
            };
            assert!(ui.find(total).is_ok(), "{code} {size}: the strip's total");
            for (theme, t) in [
                (koperta::ui::style::theme(false), "light"),
                (koperta::ui::style::theme(true), "dark"),
            ] {
                let mut ui = support::app::simulator_sized(
                    compose::view(&state, id, &accounts, true, Vec::new(), None),
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
        let mut ui = simulator(compose::view(c, id, &accounts, true, Vec::new(), None));
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

/// Tryout 14 was asked "no subject: Send anyway?" about a message an
/// invalid Cc kept from going at all. What blocks the send is said instead
/// of a question whose "anyway" cannot happen.
#[test]
fn no_send_anyway_is_offered_while_an_invalid_address_blocks_the_send() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let id = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            cc: "ewa@".into(),
            body: "Bez tematu.".into(),
            ..Draft::default()
        },
    );
    let _ = app.update(Message::Compose(id, compose::Message::Send));
    let Some(Screen::Compose(c)) = app.windows.get(&id) else {
        panic!("window")
    };
    assert!(c.concerns().is_empty(), "{:?}", c.concerns());
    assert!(app.engine.entries().is_empty(), "nothing in the outbox");
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
    let mut ui = simulator(compose::view(
        &state,
        id,
        &[],
        true,
        Vec::new(),
        Some(limit),
    ));
    assert!(ui.find(warning.as_str()).is_ok(), "{warning}");
    let mut ui = simulator(compose::view(
        &state,
        id,
        &[],
        true,
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
        label: compose::from_label(&firma, true),
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
        let mut ui = simulator(compose::view(&state, id, &accounts, true, Vec::new(), None));
        assert!(ui.find("Stop sending").is_err(), "nothing runs yet");
    }
    state.queued("m1".into(), None, 26_000_000);
    state.send_progress(1_000_000);
    {
        let mut ui = simulator(compose::view(&state, id, &accounts, true, Vec::new(), None));
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
