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
        ui.click("Remove the kept one")
            .expect("the CA can be removed");
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
