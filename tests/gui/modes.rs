//! The main window does one thing at a time besides its views: the account
//! form or the setup wizard, never both (one `Mode`).

use super::*;

#[test]
fn the_wizard_and_the_account_form_are_never_open_together() {
    let (mut app, acc, _home) = app_with_account();
    let _ = app.update(Message::Main(main_window::Message::EditAccount(
        acc.id.clone(),
    )));
    assert!(app.main.form().is_some() && app.main.wizard().is_none());
    let _ = app.update(Message::Main(main_window::Message::AddAccount));
    assert!(app.main.wizard().is_some(), "Add account opens the wizard");
    assert!(app.main.form().is_none(), "and the edit form is gone");
    // "Set up by hand" in the wizard: the form, and the wizard is gone.
    let _ = app.update(Message::Wizard(koperta::ui::wizard::Message::Name(
        "Zofia".into(),
    )));
    let _ = app.update(Message::Wizard(koperta::ui::wizard::Message::Manual));
    assert_eq!(app.main.form().map(|f| f.name.as_str()), Some("Zofia"));
    assert!(app.main.wizard().is_none());
    // Cancel: the views alone.
    let _ = app.update(Message::Main(main_window::Message::FormCancel));
    assert!(app.main.form().is_none() && app.main.wizard().is_none());
}
