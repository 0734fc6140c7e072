//! D20, the rest: the account form's kept CA can be removed, a file can be
//! chosen with a file chooser, and a field's problem is shown under it.

use super::*;

/// An edited account's stored CA goes when the person removes it (it
/// could only be replaced before), and Save writes the account without it.
#[test]
fn d20_a_kept_ca_can_be_removed_and_each_file_field_has_a_chooser() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    app.config.config.accounts[0].extra_ca_pem = Some("-----BEGIN CERTIFICATE-----".into());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let main = |m| Message::Main(m);
    let _ = app.update(main(main_window::Message::EditAccount(acc.id.clone())));
    let clicks: Vec<Message> = {
        let mut ui = support::app::simulator_at_window_size(app.view(window::Id::unique()));
        assert!(ui.find("Choose…").is_ok(), "a file chooser beside the file");
        ui.click("Remove").expect("the CA can be removed");
        ui.into_messages().collect()
    };
    for m in clicks {
        support::app::send(&mut app, &rt, m);
    }
    assert!(!app.main.form().unwrap().has_ca);
    support::app::send(&mut app, &rt, main(main_window::Message::FormSaveUnchecked));
    assert_eq!(app.accounts().len(), 1);
    assert_eq!(app.accounts()[0].extra_ca_pem, None, "removed when saved");
    let on_disk = koperta::config::load(app.config.path()).unwrap();
    assert_eq!(on_disk.accounts[0].extra_ca_pem, None, "and on disk");
}

/// A wrong host is said under the host field (not at the bottom of a tall
/// form), and the form keeps what was typed.
#[test]
fn d20_a_fields_problem_is_shown_under_that_field() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let main = |m| Message::Main(m);
    let _ = app.update(main(main_window::Message::EditAccount(acc.id.clone())));
    let _ = app.update(main(main_window::Message::Form(
        main_window::FormField::Host,
        "smtp example com".into(),
    )));
    support::app::send(&mut app, &rt, main(main_window::Message::FormSaveUnchecked));
    let form = app.main.form().expect("the form stays");
    assert_eq!(form.error_field, Some(main_window::FormField::Host));
    assert_eq!(form.host, "smtp example com", "what was typed stays");
    assert!(!form.checking);
    let error = form.error.clone().unwrap_or_default();
    assert!(error.contains("smtp example com"), "{error}");
    let mut ui = support::app::simulator_at_window_size(app.view(window::Id::unique()));
    assert!(ui.find(error.as_str()).is_ok(), "the problem is shown");
}

/// D24: with 31 accounts the From list ran past the window. It opens as a
/// menu of about ten rows that scrolls; photographed for a look.
#[test]
fn d24_a_long_from_list_opens_as_a_menu_that_fits_the_window() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let accounts: Vec<Account> = (1..=31)
        .map(|n| Account {
            name: format!("Konto {n}"),
            address: format!("konto{n}@bardzo-dluga-nazwa-domeny-przykladowej.example.com"),
            ..account()
        })
        .collect();
    let state = compose::State::new(
        "d".into(),
        Draft {
            account: Some(accounts[0].id.clone()),
            ..Draft::default()
        },
    );
    let view = || {
        compose::view(
            &state,
            window::Id::unique(),
            &accounts,
            true,
            Vec::new(),
            None,
        )
    };
    // The From list, clicked where it is drawn (its label is not a text
    // widget to find; the line under the header bar says what is
    // missing); rows are about 30 px from y 120.
    let open_and_click = |y: f32, photo: bool| -> Vec<compose::Message> {
        let mut ui = support::app::simulator_at_window_size(view());
        ui.point_at((400.0, 104.0));
        let _ = ui.simulate(iced_test::simulator::click());
        if photo {
            support::app::photograph(
                &mut ui,
                &koperta::ui::style::theme(false),
                &support::manifest_dir().join("target/screenshots/compose"),
                "en-light-from-31-accounts",
            );
        }
        // The menu marks the row under a moving cursor.
        let position = iced::Point::new(400.0, y);
        ui.point_at(position);
        let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::CursorMoved {
            position,
        })]);
        let _ = ui.simulate(iced_test::simulator::click());
        ui.into_messages().collect()
    };
    let chose = |messages: &[compose::Message]| {
        messages.iter().find_map(|m| match m {
            compose::Message::From(c) => accounts.iter().position(|a| a.id == c.id),
            _ => None,
        })
    };
    // The second row is there to choose.
    let second = open_and_click(165.0, true);
    assert_eq!(chose(&second), Some(1), "the second account");
    // Where an eleventh row would be, the menu has ended: nothing chosen.
    let eleventh = open_and_click(454.0, false);
    assert_eq!(chose(&eleventh), None, "the menu is ten rows tall");
}

/// The edit form as it now is, photographed in both languages and
/// themes: the port on its own line, the file choosers, a kept CA's
/// Remove, and a problem under its field.
#[test]
fn the_account_form_is_photographed_in_both_languages_and_themes() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let (mut app, acc, _home) = app_with_account();
    app.config.config.accounts[0].extra_ca_pem = Some("-----BEGIN CERTIFICATE-----".into());
    let _ = app.update(Message::Main(main_window::Message::EditAccount(
        acc.id.clone(),
    )));
    let _ = app.update(Message::Main(main_window::Message::FormProblem(
        main_window::FormField::Host,
        "“smtp example com” is not a server host name.".into(),
    )));
    for (lang, code) in [(Language::Pl, "pl"), (Language::En, "en")] {
        i18n::apply(lang);
        for (dark, theme) in [(false, "light"), (true, "dark")] {
            let mut ui = support::app::simulator_at_window_size(app.view(window::Id::unique()));
            support::app::photograph(
                &mut ui,
                &koperta::ui::style::theme(dark),
                &support::manifest_dir().join("target/screenshots/main"),
                &format!("{code}-account-form-{theme}"),
            );
        }
    }
    i18n::apply(Language::En);
}

/// Tryout 5 read "no @ in the address" under To after typing its first
/// letter. The address being typed is judged once the person has moved
/// on (typed elsewhere, or typed another after it); an earlier entry is
/// judged at once; one loaded with the draft is judged at once too.
#[test]
fn a_recipient_being_typed_is_not_called_wrong_until_the_person_moves_on() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let accounts = vec![account()];
    let mut state = compose::State::new(
        "d".into(),
        Draft {
            account: Some(accounts[0].id.clone()),
            ..Draft::default()
        },
    );
    let shows = |state: &compose::State, said: &str| {
        let mut ui = simulator(compose::view(
            state,
            window::Id::unique(),
            &accounts,
            true,
            Vec::new(),
            None,
        ));
        ui.find(said).is_ok()
    };
    let wrong = "“jan@”: nothing after the @.";
    let _ = state.update(compose::Message::To("jan@".into()));
    assert!(!shows(&state, wrong), "still typing");
    let _ = state.update(compose::Message::To("jan@, anna@example.com".into()));
    assert!(shows(&state, wrong), "an earlier entry");
    let _ = state.update(compose::Message::To("anna@example.com, jan@ ".into()));
    assert!(!shows(&state, wrong));
    let _ = state.update(compose::Message::Subject("Temat".into()));
    assert!(shows(&state, wrong), "moved on");
}

/// Issue 13's checks before sending: a recipient at a well-known domain
/// mistyped ("gmial.com") is asked about, with the domain probably
/// meant, in both languages; "Send anyway" sends.
#[test]
fn a_mistyped_well_known_domain_is_asked_about_before_sending() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let accounts = vec![account()];
    let mut state = compose::State::new(
        "d".into(),
        Draft {
            account: Some(accounts[0].id.clone()),
            to: "Jan <jan@gmial.com>, anna@wp.pl".into(),
            subject: "Spotkanie".into(),
            ..Draft::default()
        },
    );
    assert!(matches!(
        state.update(compose::Message::Send),
        compose::Action::Focus(_)
    ));
    assert_eq!(
        state.concerns(),
        [koperta::draft::Concern::DomainTypo {
            address: "jan@gmial.com".into(),
            meant: "gmail.com".into()
        }]
    );
    for (lang, said) in [
        (
            Language::En,
            "Is “jan@gmial.com” right? Did you mean gmail.com?",
        ),
        (
            Language::Pl,
            "Czy „jan@gmial.com” to dobry adres? Może chodziło o gmail.com?",
        ),
    ] {
        i18n::apply(lang);
        let mut ui = simulator(compose::view(
            &state,
            window::Id::unique(),
            &accounts,
            true,
            Vec::new(),
            None,
        ));
        assert!(ui.find(said).is_ok(), "{said}");
    }
    i18n::apply(Language::En);
    assert_eq!(
        state.update(compose::Message::SendAnyway),
        compose::Action::Send
    );
    // Turned off in Settings: not asked.
    let mut unasked = compose::State::new(
        "d2".into(),
        Draft {
            account: Some(accounts[0].id.clone()),
            to: "jan@gmial.com".into(),
            body: "W załączniku umowa.".into(),
            ..Draft::default()
        },
    );
    unasked.set_checks(koperta::config::SendChecks {
        attachment: false,
        subject: false,
        domain: false,
        size: false,
    });
    assert_eq!(
        unasked.update(compose::Message::Send),
        compose::Action::Send
    );
}

/// Tryout 6 found the undo delay of Send only on the command line. It is
/// in Settings now, in both languages, and a choice writes that setting
/// alone.
#[test]
fn the_undo_delay_of_send_is_chosen_in_settings() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let settings = koperta::config::Settings::default();
    let mut state = main_window::State::on(main_window::Tab::Settings);
    // (A pick list's label is drawn, not a text widget to find: the
    // choices are checked as they read, and the page photographed.)
    for (lang, code, label, five, one) in [
        (Language::En, "en", "Undo Send for", "5 seconds", "1 second"),
        (
            Language::Pl,
            "pl",
            "Cofanie wysłania przez",
            "5 sekund",
            "1 sekundę",
        ),
    ] {
        i18n::apply(lang);
        assert_eq!(main_window::UndoDelayChoice(5).to_string(), five);
        assert_eq!(main_window::UndoDelayChoice(1).to_string(), one);
        let mut ui = support::app::simulator_at_window_size(main_window::view(
            &state,
            shown(&settings, &[], &[]),
        ));
        assert!(ui.find(label).is_ok(), "{label}");
        support::app::photograph(
            &mut ui,
            &koperta::ui::style::theme(false),
            &support::manifest_dir().join("target/screenshots/main"),
            &format!("{code}-settings-light"),
        );
    }
    i18n::apply(Language::En);
    assert_eq!(
        state.update(
            main_window::Message::UndoDelay(main_window::UndoDelayChoice(20)),
            &[],
            &[],
            &[]
        ),
        main_window::Action::ChangeSetting(koperta::config::SettingChange::UndoSendSeconds(20))
    );
}

/// Tryout 9 pressed "Choose files…" where no file chooser could open (no
/// desktop portal) and nothing happened. When no file comes back, the
/// window names the other two ways to attach, in both languages.
#[test]
fn when_no_file_is_chosen_the_window_names_the_path_field_and_dropping() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let (mut app, acc, _home) = app_with_account();
    let w = support::app::compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            ..Draft::default()
        },
    );
    let _ = app.update(Message::Picked(w, Vec::new()));
    for (lang, said) in [
        (
            Language::En,
            "No file was chosen. You can also type a file’s path in the field above (the cursor is there now), or drop files on this window.",
        ),
        (
            Language::Pl,
            "Nie wybrano pliku. Możesz też wpisać ścieżkę pliku w polu powyżej (jest w nim teraz kursor) albo upuścić pliki na to okno.",
        ),
    ] {
        i18n::apply(lang);
        let Some(Screen::Compose(c)) = app.windows.get(&w) else {
            panic!("window")
        };
        assert_eq!(c.notice().as_deref(), Some(said));
        assert!(c.draft().attachments.is_empty());
    }
    i18n::apply(Language::En);
}

/// Edit on an account replaces the row (and its Edit button, which had
/// the focus) with the form: the cursor goes to the form's first field,
/// not nowhere (tryout 10).
#[test]
fn edit_on_an_account_puts_the_cursor_in_the_forms_first_field() {
    let acc = account();
    let mut state = main_window::State::default();
    let action = state.update(
        main_window::Message::EditAccount(acc.id.clone()),
        std::slice::from_ref(&acc),
        &[],
        &[],
    );
    assert_eq!(
        action,
        main_window::Action::Focus(main_window::FormField::Name.id())
    );
    assert!(state.form().is_some(), "the form is shown");
}

/// Tryout 11 pasted "Subj A\r\nBcc: …" into the subject: the line break
/// must become a space (no header is made of it either way).
#[test]
fn a_line_break_pasted_into_the_subject_becomes_a_space() {
    let (mut app, a, _b, _home) = app_with_two_compose_windows();
    let _ = app.update(Message::Compose(
        a,
        compose::Message::Subject("Subj A\r\nBcc: evil@example.com\nX: 1".into()),
    ));
    let Some(Screen::Compose(c)) = app.windows.get(&a) else {
        panic!("window")
    };
    assert_eq!(c.draft().subject, "Subj A Bcc: evil@example.com X: 1");
}

/// Tryout 12 added the same account twice and could then name neither:
/// a new account for an address and server that already have one is
/// refused, in the form, before anything is saved or signed in.
#[test]
fn a_second_account_for_the_same_address_and_server_is_refused_in_the_form() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    for (lang, phrase) in [
        (
            Language::En,
            "There is already an account for zofia@example.com on localhost:465",
        ),
        (
            Language::Pl,
            "Konto zofia@example.com na serwerze localhost:465 już istnieje",
        ),
    ] {
        i18n::apply(lang);
        app.main.open_form(main_window::AccountForm {
            name: "Zofia again".into(),
            address: "Zofia@Example.com".into(),
            host: "LOCALHOST".into(),
            port: acc.port.to_string(),
            security: acc.security,
            password: koperta::secrets::Password::new("x".into()),
            ..main_window::AccountForm::default()
        });
        support::app::send(
            &mut app,
            &rt,
            Message::Main(main_window::Message::FormSaveUnchecked),
        );
        let error = app
            .main
            .form()
            .and_then(|f| f.error.clone())
            .unwrap_or_default();
        assert!(error.contains(phrase), "{error}");
        assert_eq!(app.accounts().len(), 1, "nothing added");
    }
    // Editing the account itself is not a duplicate of it.
    let _ = app.update(Message::Main(main_window::Message::EditAccount(
        acc.id.clone(),
    )));
    let mut form = app.main.form().expect("edit form").clone();
    form.name = "Zofia Ż.".into();
    app.main.open_form(form);
    support::app::send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::FormSaveUnchecked),
    );
    assert_eq!(app.accounts().len(), 1);
    assert_eq!(app.accounts()[0].name, "Zofia Ż.");
}

/// Tryout 12: Esc did nothing in the account form. It closes a form with
/// nothing to lose at once, and asks about one with changes (Esc again
/// answers no and keeps them; yes closes without saving).
#[test]
fn esc_closes_an_unchanged_account_form_and_asks_about_a_changed_one() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::Pl);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let main_id = app.main_id.unwrap_or_else(window::Id::unique);
    let esc = |app: &mut App| support::app::send(app, &rt, Message::Input(main_id, Input::Escape));
    let edit = |app: &mut App| {
        let _ = app.update(Message::Main(main_window::Message::EditAccount(
            acc.id.clone(),
        )));
    };
    // Opened and left as it was: Esc closes it, no question.
    edit(&mut app);
    esc(&mut app);
    assert!(app.main.form().is_none(), "Esc closed the unchanged form");
    assert!(!app.main.has_question());
    // Changed: Esc asks, in the window's language.
    edit(&mut app);
    let _ = app.update(Message::Main(main_window::Message::Form(
        main_window::FormField::Port,
        "2525".into(),
    )));
    esc(&mut app);
    assert!(app.main.has_question());
    let shown = {
        let mut ui = support::app::simulator_at_window_size(app.view(main_id));
        ui.find("Zamknąć formularz? Zmiany w tym koncie nie zostały zapisane.")
            .is_ok()
    };
    assert!(shown, "the question is shown");
    assert_eq!(app.main.form().map(|f| f.port.as_str()), Some("2525"));
    // Esc again is no: the change is still there.
    esc(&mut app);
    assert!(!app.main.has_question());
    assert_eq!(app.main.form().map(|f| f.port.as_str()), Some("2525"));
    // Esc, then yes: closed, nothing saved.
    esc(&mut app);
    support::app::send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::ConfirmYes),
    );
    assert!(app.main.form().is_none());
    assert_eq!(app.accounts()[0].port, acc.port, "nothing saved");
    // A new account with nothing typed closes at once too.
    app.main.open_form(main_window::AccountForm::default());
    esc(&mut app);
    assert!(app.main.form().is_none());
    i18n::apply(Language::En);
}

/// Tryout 12: the main window opened at 900 × 640 every time. Its size,
/// and the last compose window's, are written a second after the last
/// resize (and when the app ends) and read by the next run.
#[test]
fn the_main_and_compose_window_sizes_are_kept_for_the_next_run() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths::under(home.path());
    let mut app = App::headless(paths.clone());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let main_id = window::Id::unique();
    app.main_id = Some(main_id);
    app.windows.insert(main_id, Screen::Main);
    let compose = compose_window(&mut app, Draft::default());
    let file = paths.data_dir.join("window.toml");
    support::app::send(
        &mut app,
        &rt,
        Message::Resized(main_id, iced::Size::new(1280.0, 800.0)),
    );
    support::app::send(
        &mut app,
        &rt,
        Message::Resized(compose, iced::Size::new(700.5, 900.0)),
    );
    support::app::send(&mut app, &rt, Message::Tick);
    assert!(
        !file.exists(),
        "a drag sends many sizes: written once it stops"
    );
    std::thread::sleep(koperta::ui::geometry::SAVE_AFTER);
    support::app::send(&mut app, &rt, Message::Tick);
    let kept = koperta::ui::geometry::load(&paths.data_dir);
    let main = kept.main.expect("the main window's size");
    assert_eq!((main.width, main.height), (1280.0, 800.0));
    let c = kept.compose.expect("the compose window's size");
    assert_eq!((c.width, c.height), (701.0, 900.0));
    // A resize just before the last window closes is written too.
    support::app::send(
        &mut app,
        &rt,
        Message::Resized(main_id, iced::Size::new(1000.0, 700.0)),
    );
    app.windows.remove(&compose);
    support::app::send(&mut app, &rt, Message::Closed(main_id));
    let main = koperta::ui::geometry::load(&paths.data_dir)
        .main
        .expect("kept");
    assert_eq!((main.width, main.height), (1000.0, 700.0));
}

/// Tryout 13: after `koperta account edit --password-stdin` dropped the
/// account's check, the app still said "the account works" under it. A
/// reread that finds the check gone clears that report too.
#[test]
fn a_check_dropped_by_the_command_line_takes_the_last_test_report_with_it() {
    let (mut app, acc, _home) = app_with_account();
    let check = koperta::checks::Check {
        at: koperta::outbox::now(),
        server: koperta::checks::server_of(&acc),
        outcome: koperta::checks::Outcome::Plaintext,
        size_limit: None,
    };
    let _ = app.update(Message::ChecksRead(
        [(acc.id.clone(), check.clone())].into(),
    ));
    app.main
        .set_test_report(Some((acc.id.clone(), "The account works.".into())));
    // The same check read again: the report stays.
    let _ = app.update(Message::ChecksRead([(acc.id.clone(), check)].into()));
    assert!(app.main.test_report_account().is_some());
    // Gone from disk: so is the report.
    let _ = app.update(Message::ChecksRead(Default::default()));
    assert!(app.main.test_report_account().is_none());
}

/// Tryout 20: after a failed check said "set the security to STARTTLS",
/// the advice stayed red once STARTTLS was chosen. What was said of the
/// form goes when what it was about changes, and only then.
#[test]
fn a_problem_said_of_the_form_goes_when_what_it_was_about_changes() {
    use main_window::{FormField, Message as M, SecurityChoice};
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let main = |m| Message::Main(m);
    let _ = app.update(main(M::EditAccount(acc.id.clone())));
    // A field's problem: typing elsewhere keeps it, typing there clears it.
    let _ = app.update(main(M::Form(FormField::Host, "smtp example com".into())));
    support::app::send(&mut app, &rt, main(M::FormSaveUnchecked));
    assert_eq!(
        app.main.form().and_then(|f| f.error_field),
        Some(FormField::Host)
    );
    let _ = app.update(main(M::Form(FormField::Name, "Zofia".into())));
    assert!(
        app.main.form().is_some_and(|f| f.error.is_some()),
        "not about the name"
    );
    let _ = app.update(main(M::Form(FormField::Host, "smtp.example.com".into())));
    assert!(app.main.form().is_some_and(|f| f.error.is_none()));
    // A failed connection: the name keeps it; the security clears it.
    app.main
        .account_not_saved("This port does not speak TLS from the start".into());
    let _ = app.update(main(M::Form(FormField::Name, "Zofia K.".into())));
    assert!(app.main.form().is_some_and(|f| f.error.is_some()));
    let other = match app.main.form().map(|f| f.security) {
        Some(koperta::account::Security::StartTls) => koperta::account::Security::ImplicitTls,
        _ => koperta::account::Security::StartTls,
    };
    let _ = app.update(main(M::FormSecurity(SecurityChoice(other))));
    let form = app.main.form().expect("the form stays");
    assert_eq!(form.error, None);
    assert_eq!(form.security, other);
}
