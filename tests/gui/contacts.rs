//! The Contacts view (issue 13): the address book listed by name, added
//! to, edited and removed from the main window, written to the contacts
//! file the compose window suggests from.

use super::*;
use koperta::contacts::Contacts;
use main_window::ContactMessage as C;
use support::app::send;

fn book(app: &App) -> Vec<(String, String, u32)> {
    Contacts::load(&app.store.contacts_path())
        .unwrap()
        .list()
        .into_iter()
        .map(|c| (c.name.clone(), c.address.clone(), c.uses))
        .collect()
}

#[test]
fn contacts_are_added_edited_and_removed_in_the_contacts_view() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, _acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    Contacts::update(&app.store.contacts_path(), |b| {
        for _ in 0..2 {
            b.learn(
                &[(Some("Anna Nowak".into()), "anna@example.org".into())],
                1_796_130_000,
            );
        }
    })
    .unwrap();
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    let main = |m| Message::Main(main_window::Message::Contact(m));
    send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::Tab(main_window::Tab::Contacts)),
    );
    // A new one, with a wrong address first: the form says why and stays.
    send(&mut app, &rt, main(C::New));
    send(&mut app, &rt, main(C::Name("Zofia Żółkiewska".into())));
    send(&mut app, &rt, main(C::Address("zofia@".into())));
    send(&mut app, &rt, main(C::Save));
    assert_eq!(
        app.main
            .contact_form()
            .and_then(|f| f.error.clone())
            .as_deref(),
        Some("“zofia@” is not a valid e-mail address.")
    );
    send(&mut app, &rt, main(C::Address("zofia@example.pl".into())));
    send(&mut app, &rt, main(C::Save));
    assert!(app.main.contact_form().is_none(), "closed once saved");
    assert_eq!(
        app.main.notice(),
        Some("Saved Zofia Żółkiewska <zofia@example.pl>.")
    );
    assert_eq!(
        book(&app),
        [
            ("Anna Nowak".into(), "anna@example.org".into(), 2),
            ("Zofia Żółkiewska".into(), "zofia@example.pl".into(), 0),
        ]
    );
    // Anna renamed and moved: her count stays with her.
    send(&mut app, &rt, main(C::Edit("anna@example.org".into())));
    send(&mut app, &rt, main(C::Name("Anna Nowak-Kowalska".into())));
    send(&mut app, &rt, main(C::Address("anna@nowa.pl".into())));
    send(&mut app, &rt, main(C::Save));
    assert_eq!(
        book(&app)[0],
        ("Anna Nowak-Kowalska".into(), "anna@nowa.pl".into(), 2)
    );
    // The list shows both, in both languages and themes.
    let shown_now =
        |app: &App, f: &mut dyn FnMut(&mut iced_test::Simulator<'_, main_window::Message>)| {
            let settings = koperta::config::Settings::default();
            let mut ui = support::app::simulator_at_window_size(main_window::view(
                &app.main,
                main_window::Shown {
                    contacts: &app.contact_list,
                    ..shown(&settings, &[], &[])
                },
            ));
            f(&mut ui);
        };
    shown_now(&app, &mut |ui| {
        assert!(ui.find("Anna Nowak-Kowalska").is_ok());
        assert!(ui.find("anna@nowa.pl").is_ok());
        let used = format!(
            "written to twice, last {}",
            koperta::report::outbox::local_time(1_796_130_000)
        );
        assert!(ui.find(used.as_str()).is_ok(), "{used}");
        assert!(ui.find("not written to yet").is_ok());
    });
    for (lang, code) in [(Language::En, "en"), (Language::Pl, "pl")] {
        i18n::apply(lang);
        for dark in [false, true] {
            shown_now(&app, &mut |ui| {
                support::app::photograph(
                    ui,
                    &koperta::ui::style::theme(dark),
                    &support::manifest_dir().join("target/screenshots/main"),
                    &format!("{code}-contacts-{}", if dark { "dark" } else { "light" }),
                )
            });
        }
    }
    i18n::apply(Language::En);
    // Esc closes a form opened by mistake.
    send(&mut app, &rt, main(C::New));
    assert!(app.main.contact_form().is_some());
    let main_id = app.main_id.unwrap_or_else(window::Id::unique);
    send(&mut app, &rt, Message::Input(main_id, Input::Escape));
    assert!(app.main.contact_form().is_none(), "Esc closed it");
    // Remove asks first; yes removes.
    send(&mut app, &rt, main(C::Remove("zofia@example.pl".into())));
    assert_eq!(book(&app).len(), 2, "not before the answer");
    send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::ConfirmYes),
    );
    assert_eq!(book(&app).len(), 1);
    assert_eq!(app.contact_list.len(), 1, "the list shows it");
}
