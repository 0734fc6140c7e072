//! Spell checking in the compose window, with the system's Hunspell
//! dictionaries (the test command installs hunspell-pl and
//! hunspell-en-us): the marks the body's highlighter makes, F7's
//! suggestions and their use, the language switched per message, words
//! added to the person's dictionary, and no dictionary at all.

use super::*;
use iced::advanced::text::Highlighter;
use iced::keyboard::{Key, key::Named};
use koperta::ui::widget::spell_marks::SpellMarks;

/// Opens a compose window the way Ctrl+N does (in the app's language,
/// its dictionary loaded); its id.
fn new_message(app: &mut App, rt: &tokio::runtime::Runtime) -> window::Id {
    let before: Vec<window::Id> = app.windows.keys().copied().collect();
    let main = window::Id::unique();
    support::app::send(app, rt, Message::Input(main, Input::NewMessage));
    *app.windows
        .keys()
        .find(|id| !before.contains(id))
        .expect("a compose window")
}

fn compose(app: &App, w: window::Id) -> &compose::State {
    match app.windows.get(&w) {
        Some(Screen::Compose(c)) => c,
        _ => panic!("compose window"),
    }
}

/// What the body's highlighter marks in `line`, as the editor draws it.
fn marked(app: &App, w: window::Id, line: &str) -> Vec<String> {
    let mut marks = SpellMarks::new(&compose(app, w).checker().cloned());
    marks
        .highlight_line(line)
        .map(|(r, _)| line[r].to_string())
        .collect()
}

/// Types `text` into the body, key by key.
fn type_body(app: &mut App, w: window::Id, text: &str) {
    use iced::widget::text_editor::{Action as EditorAction, Edit};
    for c in text.chars() {
        let _ = app.update(Message::Compose(
            w,
            compose::Message::Body(EditorAction::Edit(Edit::Insert(c))),
        ));
    }
}

/// F7 pressed in the window (decoded by the window's root, as a real
/// key is), the popup's buttons as the simulator finds them.
fn press_f7(app: &mut App, rt: &tokio::runtime::Runtime, w: window::Id) {
    let mut ui = support::app::simulator_at_window_size(app.view(w));
    let _ = ui.tap_key(Key::Named(Named::F7));
    let messages: Vec<Message> = ui.into_messages().collect();
    assert!(
        messages
            .iter()
            .any(|m| matches!(m, Message::Input(_, Input::Spelling))),
        "F7 asks for the suggestions"
    );
    for m in messages {
        support::app::send(app, rt, m);
    }
}

/// Photographs window `w` into `target/screenshots/spelling/NAME`.
fn photo(app: &App, w: window::Id, name: &str, dark: bool) {
    let mut ui = support::app::simulator_sized(app.view(w), (760.0, 560.0));
    support::app::photograph(
        &mut ui,
        &koperta::ui::style::theme(dark),
        &support::manifest_dir().join("target/screenshots/spelling"),
        name,
    );
}

#[test]
fn wiadomosc_is_marked_in_polish_and_recieve_in_english_with_their_corrections() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::Pl);
    let (mut app, _acc, _home) = app_with_account();
    app.config.config.settings.language = Language::Pl;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = new_message(&mut app, &rt);
    assert_eq!(compose(&app, w).spell_language(), Some(Language::Pl));
    assert_eq!(
        marked(&app, w, "Przesyłam wiadomośc, zażółć gęślą jaźń."),
        ["wiadomośc"]
    );
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::Subject("Wazna wiadomośc".into())),
    );
    type_body(&mut app, w, "Dzień dobry, to moja wiadomośc.");
    press_f7(&mut app, &rt, w);
    photo(&app, w, "pl-popup", false);
    {
        let mut ui = support::app::simulator_at_window_size(app.view(w));
        assert!(ui.find("„wiadomośc”:").is_ok(), "the word is named");
        assert!(ui.find("wiadomość").is_ok(), "the correction is offered");
        ui.click("wiadomość").expect("the correction's button");
        for m in ui.into_messages().collect::<Vec<_>>() {
            support::app::send(&mut app, &rt, m);
        }
    }
    assert_eq!(
        compose(&app, w).draft().body,
        "Dzień dobry, to moja wiadomość."
    );
    assert!(!compose(&app, w).spell_popup_open());
    // The correction is one step of the history.
    support::app::send(&mut app, &rt, Message::Input(w, Input::Undo));
    assert_eq!(
        compose(&app, w).draft().body,
        "Dzień dobry, to moja wiadomośc."
    );

    // The same window switched to English.
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(
            w,
            compose::Message::SpellLanguage(compose::SpellChoice::In(Language::En)),
        ),
    );
    assert_eq!(marked(&app, w, "I will recieve it tomorrow."), ["recieve"]);
    // "ok" as people write it (the dictionary has only "OK"); a long word
    // in small letters is not let through by its capitals.
    assert_eq!(marked(&app, w, "ok, tv tomorow"), ["tomorow"]);
    type_body(&mut app, w, " I recieve");
    press_f7(&mut app, &rt, w);
    i18n::apply(Language::En);
    photo(&app, w, "en-popup", true);
    {
        let mut ui = support::app::simulator_at_window_size(app.view(w));
        assert!(ui.find("receive").is_ok(), "the English correction");
    }
    // Off: nothing is marked.
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(
            w,
            compose::Message::SpellLanguage(compose::SpellChoice::Off),
        ),
    );
    assert!(marked(&app, w, "I will recieve it.").is_empty());
    i18n::apply(Language::En);
}

#[test]
fn an_added_word_is_no_longer_marked_after_a_restart() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, home) = app_with_account();
    app.config.config.settings.language = Language::En;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = new_message(&mut app, &rt);
    assert_eq!(marked(&app, w, "Sent with Kopertix"), ["Kopertix"]);
    type_body(&mut app, w, "Sent with Kopertix");
    press_f7(&mut app, &rt, w);
    {
        let mut ui = support::app::simulator_at_window_size(app.view(w));
        ui.click("Add to dictionary").expect("the button");
        for m in ui.into_messages().collect::<Vec<_>>() {
            support::app::send(&mut app, &rt, m);
        }
    }
    assert!(marked(&app, w, "Sent with Kopertix").is_empty(), "at once");
    let file = home.path().join("data").join("dictionary.txt");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "Kopertix\n");

    // Another run of the app on the same files.
    let mut again = App::headless(Paths::under(home.path()));
    again.config.config.accounts.push(acc);
    again.config.config.settings.language = Language::En;
    let w = new_message(&mut again, &rt);
    assert!(marked(&again, w, "Sent with Kopertix").is_empty());
    assert_eq!(marked(&again, w, "Sent with Kopertiks"), ["Kopertiks"]);
}

#[test]
fn without_a_dictionary_the_window_says_so_once_and_checks_nothing() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::Pl);
    let (mut app, _acc, home) = app_with_account();
    app.config.config.settings.language = Language::Pl;
    let empty = home.path().join("no-dictionaries");
    std::fs::create_dir_all(&empty).unwrap();
    app.set_dictionary_dirs(vec![empty]);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let first = new_message(&mut app, &rt);
    let said = "Nie zainstalowano słownika polskiego (w Debianie i Ubuntu: pakiet hunspell-pl) — pisownia nie jest sprawdzana.";
    {
        let mut ui = support::app::simulator_at_window_size(app.view(first));
        assert!(ui.find(said).is_ok(), "the window says why");
    }
    assert!(marked(&app, first, "wiadomośc").is_empty());
    // F7 then does nothing (no popup with nothing in it).
    press_f7(&mut app, &rt, first);
    assert!(!compose(&app, first).spell_popup_open());
    // A second window does not say it again.
    let second = new_message(&mut app, &rt);
    let mut ui = support::app::simulator_at_window_size(app.view(second));
    assert!(ui.find(said).is_err(), "said once");
    i18n::apply(Language::En);
}

/// Tryout 10 pressed F7 in the subject and was told no word was
/// misspelt (or offered a word of the text). F7 in the subject, as the
/// window's root sees it, is about the subject's words.
#[test]
fn f7_in_the_subject_offers_the_subjects_misspelt_word() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, _acc, _home) = app_with_account();
    app.config.config.settings.language = Language::En;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = new_message(&mut app, &rt);
    type_body(&mut app, w, "The text has a tset.");
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::Subject("Anothr subject".into())),
    );
    // The cursor put in the body, then back in the subject by a click (the
    // window's own idea of the focus is the body's).
    let _ = app.update(Message::Compose(
        w,
        compose::Message::Body(iced::widget::text_editor::Action::Move(
            iced::widget::text_editor::Motion::DocumentEnd,
        )),
    ));
    let messages: Vec<Message> = {
        let mut ui = support::app::simulator_at_window_size(app.view(w));
        ui.click(compose::field_id(w, "subject"))
            .expect("the subject");
        let _ = ui.tap_key(Key::Named(Named::F7));
        ui.into_messages().collect()
    };
    assert!(
        messages
            .iter()
            .any(|m| matches!(m, Message::Compose(_, compose::Message::SpellCheckIn(true)))),
        "{messages:?}"
    );
    for m in messages {
        support::app::send(&mut app, &rt, m);
    }
    let mut ui = support::app::simulator_at_window_size(app.view(w));
    assert!(ui.find("“Anothr”:").is_ok(), "the subject's word");
    assert!(ui.find("Another").is_ok(), "its correction");
}

/// Tryout 11 pasted a huge subject: the line naming its misspelt words ran
/// out of the window. It names five, each cut short, once each, and counts
/// the rest.
#[test]
fn a_huge_subjects_misspellings_are_named_five_and_counted() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let (mut app, _acc, _home) = app_with_account();
    app.config.config.settings.language = Language::En;
    i18n::apply(Language::En);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = new_message(&mut app, &rt);
    let long = "x".repeat(300);
    let words: Vec<String> = ["qwa", "qwb", "qwc", "qwd", "qwe", "qwf", "qwg"]
        .iter()
        .map(|w| w.to_string())
        .chain([long.clone()])
        .collect();
    // Each twice: named once.
    let subject = format!("{} {}", words.join(" "), words.join(" "));
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::Subject(subject)),
    );
    let mut ui = support::app::simulator_at_window_size(app.view(w));
    assert!(
        ui.find("Possible misspellings in the subject: qwa, qwb, qwc, qwd, qwe and 3 more (F7 for suggestions)")
            .is_ok(),
        "five named, three counted"
    );
    drop(ui);
    i18n::apply(Language::Pl);
    let mut ui = support::app::simulator_at_window_size(app.view(w));
    assert!(
        ui.find("Możliwe błędy w temacie: qwa, qwb, qwc, qwd, qwe i jeszcze 3 (F7 — podpowiedzi)")
            .is_ok(),
        "in Polish"
    );
    drop(ui);
    i18n::apply(Language::En);
    assert_eq!(koperta::report::shorten(&long, 32).chars().count(), 32);
    // One word: no count, and no placeholder left (tryout 12 saw
    // "{$more}" from a build that did not fill it).
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::Subject("Anothr subject".into())),
    );
    let mut ui = support::app::simulator_at_window_size(app.view(w));
    assert!(
        ui.find("Possible misspellings in the subject: Anothr (F7 for suggestions)")
            .is_ok()
    );
}

/// Tryout 14 wrote Polish in the English app and was told every word was
/// misspelt. Polish letters switch a message checked in English by
/// default to Polish; a language the person picked stays.
#[test]
fn polish_text_in_the_english_app_is_checked_in_polish_unless_english_was_picked() {
    use iced::widget::text_editor::{Action as EditorAction, Edit};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, _acc, _home) = app_with_account();
    app.config.config.settings.language = Language::En;
    let rt = tokio::runtime::Runtime::new().unwrap();
    let type_in = |app: &mut App, w, text: &str| {
        for c in text.chars() {
            support::app::send(
                app,
                &rt,
                Message::Compose(
                    w,
                    compose::Message::Body(EditorAction::Edit(Edit::Insert(c))),
                ),
            );
        }
    };
    let w = new_message(&mut app, &rt);
    assert_eq!(compose(&app, w).spell_language(), Some(Language::En));
    type_in(&mut app, w, "Dzień dobry");
    assert_eq!(compose(&app, w).spell_language(), Some(Language::Pl));
    assert_eq!(
        marked(&app, w, "Przesyłam wiadomośc, zażółć gęślą jaźń."),
        ["wiadomośc"],
        "the Polish dictionary in use"
    );
    // Picked by the person: kept, whatever is typed.
    let w = new_message(&mut app, &rt);
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(
            w,
            compose::Message::SpellLanguage(compose::SpellChoice::In(Language::En)),
        ),
    );
    type_in(&mut app, w, "Zażółć");
    assert_eq!(compose(&app, w).spell_language(), Some(Language::En));
}

/// Tryout 22: the English app opened a new message "Spelling: Polish"
/// because the account's signature was Polish. Only the person's own
/// words (not the signature, not a quote) switch the language.
#[test]
fn a_polish_signature_does_not_switch_an_english_message_to_polish() {
    use iced::widget::text_editor::{Action as EditorAction, Edit};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, _acc, _home) = app_with_account();
    app.config.config.settings.language = Language::En;
    app.config.config.accounts[0].signature = "Zażółć Gęślak\nul. Łąkowa 5".into();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = new_message(&mut app, &rt);
    assert!(compose(&app, w).draft().body.contains("Łąkowa"), "signed");
    assert_eq!(compose(&app, w).spell_language(), Some(Language::En));
    for c in "Hello".chars() {
        support::app::send(
            &mut app,
            &rt,
            Message::Compose(
                w,
                compose::Message::Body(EditorAction::Edit(Edit::Insert(c))),
            ),
        );
    }
    assert_eq!(compose(&app, w).spell_language(), Some(Language::En));
    // Polish written by the person still switches.
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::Subject("Spotkanie w środę".into())),
    );
    assert_eq!(compose(&app, w).spell_language(), Some(Language::Pl));
}
