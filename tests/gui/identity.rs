//! Identities: chosen in the From picker, a message goes out with the
//! identity's name and address in From, its Reply-To, its address as the
//! envelope's MAIL FROM and its two-line signature in the text, as the
//! real SMTP peer received it and Python's `email` reads it.

use super::*;
use iced::widget::text_editor::{Action as EditorAction, Edit};

/// The half that runs in its own process (the keyring's D-Bus session in
/// its environment), started by the test below.
#[test]
#[ignore = "run by an_identity_sends_with_its_own_from_reply_to_envelope_and_signature"]
fn an_identity_sends_inner() {
    let Ok(home) = std::env::var("KOPERTA_HOME") else {
        return;
    };
    let paths = Paths::under(std::path::Path::new(&home));
    koperta::config::update(&paths.config_file(), |c| c.settings.undo_send_seconds = 0).unwrap();
    let mut app = App::headless(paths);
    let account = app.config.config.accounts[0].clone();
    let identity = account.identities[0].clone();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    // A new message, as Ctrl+N opens it: the account's own signature.
    let task = app.update(Message::Input(window::Id::unique(), Input::NewMessage));
    drive(&mut app, &rt, task);
    let w = *app
        .windows
        .iter()
        .find(|(_, s)| matches!(s, Screen::Compose(_)))
        .unwrap()
        .0;
    // The From picker offers the account, then its identity.
    let labels: Vec<String> = account
        .senders()
        .into_iter()
        .map(|s| compose::sender_label(&account, s, true))
        .collect();
    assert_eq!(
        labels,
        [
            "Zofia <zofia@example.com>",
            "Biuro Koperta <biuro@example.com>"
        ]
    );
    let choice = compose::FromChoice {
        id: account.id.clone(),
        identity: Some(identity.id.clone()),
        label: labels[1].clone(),
    };
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::From(choice)),
    );
    let body_now = |app: &App| match app.windows.get(&w) {
        Some(Screen::Compose(c)) => c.draft().body.clone(),
        _ => panic!("window"),
    };
    assert_eq!(
        body_now(&app),
        "\n\n-- \nBiuro Koperta\ntel. 22 123 45 67",
        "the identity's signature in place of the account's"
    );
    for m in [
        compose::Message::To("Jan Nowak <jan@example.com>".into()),
        compose::Message::Subject("Oferta".into()),
        compose::Message::Body(EditorAction::Move(
            iced::widget::text_editor::Motion::DocumentStart,
        )),
    ] {
        support::app::send(&mut app, &rt, Message::Compose(w, m));
    }
    for c in "Dzień dobry, w treści jest oferta.".chars() {
        let _ = app.update(Message::Compose(
            w,
            compose::Message::Body(EditorAction::Edit(Edit::Insert(c))),
        ));
    }
    let task = app.update(Message::Compose(w, compose::Message::Send));
    drive(&mut app, &rt, task);
    for _ in 0..100 {
        if app.store.sent().0.len() == 1 {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        let t = app.update(Message::Tick);
        drive(&mut app, &rt, t);
    }
    assert_eq!(app.store.sent().0.len(), 1, "sent: {:?}", app.main.notice());
}

#[test]
fn an_identity_sends_with_its_own_from_reply_to_envelope_and_signature() {
    let (_certs, peer, s) = peer_and_account();
    // The account's own signature, then the identity, by the command line.
    koperta::config::update(&s.k.config_path(), |c| {
        c.accounts[0].name = "Zofia".into();
        c.accounts[0].signature = "Zofia".into();
    })
    .unwrap();
    let out = s.k.run(
        &[
            "account",
            "identity",
            "add",
            &s.id,
            "--name",
            "Biuro Koperta",
            "--email",
            "biuro@example.com",
            "--reply-to",
            "pomoc@example.com",
            "--signature",
            "Biuro Koperta\\ntel. 22 123 45 67",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", support::stderr(&out));
    assert!(support::stdout(&out).contains("Identity biuro@example.com added"));
    run_inner(&s, "identity::an_identity_sends_inner", &[]);
    let got = peer.received();
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].mail_from, "biuro@example.com",
        "the envelope's MAIL FROM"
    );
    assert_eq!(got[0].rcpt_tos, ["jan@example.com"]);
    let p = support::parse_mail(&got[0].path);
    assert_eq!(p["from"][0]["name"], "Biuro Koperta");
    assert_eq!(p["from"][0]["address"], "biuro@example.com");
    let header = |name: &str| {
        p["headers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h[0] == name)
            .map(|h| h[1].as_str().unwrap().to_string())
    };
    assert_eq!(header("Reply-To").as_deref(), Some("pomoc@example.com"));
    assert_eq!(
        p["body"],
        "Dzień dobry, w treści jest oferta.\n\n-- \nBiuro Koperta\ntel. 22 123 45 67\n"
    );
    assert!(header("Importance").is_none(), "normal priority by default");
    assert!(header("Disposition-Notification-To").is_none());
}

/// Tryout 10 sent from an identity and saw Sent (and `outbox list`) name
/// the account's own address. A row names the sender it went from: the
/// envelope's MAIL FROM.
#[test]
fn a_message_sent_from_an_identity_is_listed_from_that_identity() {
    use koperta::outbox::State;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let acc = account();
    let accounts = [acc.clone()];
    let mut m = stored_message(
        &acc,
        "s1",
        "Oferta",
        State::Sent { at: 1_796_130_000 },
        1_796_130_000,
        1,
        None,
    );
    m.sidecar.envelope.mail_from = "biuro@example.com".into();
    let settings = koperta::config::Settings::default();
    let sent = [m];
    let main = main_window::State::on(main_window::Tab::Sent);
    let mut ui = simulator(main_window::view(
        &main,
        main_window::Shown {
            sent: &sent,
            ..shown(&settings, &accounts, &[])
        },
    ));
    let shows = |ui: &mut iced_test::Simulator<'_, main_window::Message>, what: &str| {
        ui.find(|c: iced_test::selector::Candidate<'_>| match c {
            iced_test::selector::Candidate::Text { content, .. } if content.contains(what) => {
                Some(())
            }
            _ => None,
        })
        .is_ok()
    };
    assert!(shows(&mut ui, "from biuro@example.com"));
    assert!(!shows(&mut ui, "from zofia@example.com"));
}

/// Tryout 10: identities could be added only on the command line and were
/// shown nowhere in the app. The account form lists, adds, edits and
/// removes them; a wrong address is refused in the sub-form; what is kept
/// is written with the account, and the Accounts view names every address
/// the account sends as.
#[test]
fn identities_are_added_and_edited_in_the_account_form_and_saved_with_it() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let main = |m| Message::Main(m);
    let ident = |m| Message::Main(main_window::Message::Identity(m));
    use main_window::identities::Message as I;
    support::app::send(
        &mut app,
        &rt,
        main(main_window::Message::EditAccount(acc.id.clone())),
    );
    let clicks: Vec<Message> = {
        let mut ui = support::app::simulator_sized(app.view(window::Id::unique()), (900.0, 1400.0));
        assert!(
            ui.find("No other identities: messages go from the address above.")
                .is_ok()
        );
        ui.click("Add identity…").expect("Add identity");
        ui.into_messages().collect()
    };
    for m in clicks {
        support::app::send(&mut app, &rt, m);
    }
    for m in [
        I::Name("Biuro Zażółć".into()),
        I::Address("biuro@example".into()),
        I::ReplyTo("odpowiedzi@example.com".into()),
        I::Done,
    ] {
        support::app::send(&mut app, &rt, ident(m));
    }
    let form = app.main.form().expect("form");
    let sub = form
        .identity
        .as_ref()
        .expect("a wrong address keeps the sub-form");
    assert!(
        sub.error
            .as_deref()
            .unwrap_or("")
            .starts_with("The identity’s address is not valid"),
        "{:?}",
        sub.error
    );
    assert!(form.identities.is_empty());
    support::app::send(&mut app, &rt, ident(I::Address("biuro@example.com".into())));
    let paste = EditorAction::Edit(Edit::Paste(std::sync::Arc::new("Biuro\ntel. 123".into())));
    support::app::send(&mut app, &rt, ident(I::Signature(paste)));
    support::app::send(&mut app, &rt, ident(I::AboveQuote(true)));
    for (lang, code) in [(Language::Pl, "pl"), (Language::En, "en")] {
        i18n::apply(lang);
        let mut ui = support::app::simulator_sized(app.view(window::Id::unique()), (900.0, 1400.0));
        support::app::photograph(
            &mut ui,
            &koperta::ui::style::theme(false),
            &support::manifest_dir().join("target/screenshots/main"),
            &format!("{code}-account-form-identity"),
        );
    }
    i18n::apply(Language::En);
    support::app::send(&mut app, &rt, ident(I::Done));
    // A second one, then removed again; the first edited.
    support::app::send(&mut app, &rt, ident(I::Add));
    support::app::send(&mut app, &rt, ident(I::Address("druga@example.com".into())));
    support::app::send(&mut app, &rt, ident(I::Done));
    support::app::send(&mut app, &rt, ident(I::Remove(1)));
    support::app::send(&mut app, &rt, ident(I::Edit(0)));
    support::app::send(&mut app, &rt, ident(I::Name("Biuro".into())));
    support::app::send(&mut app, &rt, ident(I::Done));
    support::app::send(&mut app, &rt, main(main_window::Message::FormSaveUnchecked));
    assert!(app.main.form().is_none(), "saved");
    let on_disk = koperta::config::load(app.config.path()).unwrap();
    let kept = &on_disk.accounts[0].identities;
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        (
            kept[0].name.as_str(),
            kept[0].address.as_str(),
            kept[0].reply_to.as_str(),
            kept[0].signature.as_str(),
            kept[0].signature_above_quote
        ),
        (
            "Biuro",
            "biuro@example.com",
            "odpowiedzi@example.com",
            "Biuro\ntel. 123",
            true
        )
    );
    // The Accounts view names it; the From picker offers it.
    let ui = support::app::simulator_at_window_size(app.view(window::Id::unique()));
    let mut ui = ui;
    assert!(ui.find("Also sends as biuro@example.com").is_ok());
    let account = &app.accounts()[0];
    assert_eq!(account.senders().len(), 2);
}
