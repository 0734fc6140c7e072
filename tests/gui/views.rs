//! Every view drawn as a person sees it, in both languages and themes
//! (into `target/screenshots/`).

use super::*;

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
                compose::view(&held, id, &accounts, true, Vec::new(), None),
                &theme,
                &format!("{code}-compose-held-{t}"),
            );
        }
        let mut ui = simulator(compose::view(&held, id, &accounts, true, Vec::new(), None));
        assert!(ui.find(undo).is_ok(), "{lang:?}");
        let _ = ui.click(undo);
        let messages: Vec<compose::Message> = ui.into_messages().collect();
        assert!(messages.iter().any(|m| matches!(m, compose::Message::Undo)));
    }
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
    let mut with_bcc = stored(
        "s1",
        "Faktura 12/2026",
        State::Sent { at: now - 900 },
        now - 900,
        2,
        None,
    );
    with_bcc.sidecar.bcc = vec!["osoba1@example.org".into()];
    let sent = vec![
        with_bcc,
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
            account: None,
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
            account: None,
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
        // Scheduled: Send now in Retry's place (tryout 14).
        let send_now = if lang == Language::Pl {
            "Wyślij teraz"
        } else {
            "Send now"
        };
        assert!(ui.find(send_now).is_ok());
        // A Bcc recipient is marked as one (tryout 14).
        let main = main_window::State::on(main_window::Tab::Sent);
        let mut ui = simulator(main_window::view(&main, everything()));
        let bcc = if lang == Language::Pl { "UDW" } else { "Bcc" };
        assert!(
            ui.find(format!("osoba0@example.org, {bcc} osoba1@example.org").as_str())
                .is_ok()
        );
    }
    i18n::apply(Language::En);
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
