//! The compose window's newer parts photographed in both languages and
//! both themes, into `target/screenshots/compose-parts/` (looked at by a
//! person): Send later's picker, the undo countdown after Send, and the
//! address suggestions.

use super::*;

fn photo(state: &compose::State, accounts: &[Account], suggestions: Vec<String>, name: &str) {
    for (lang, dark) in [(Language::Pl, false), (Language::En, true)] {
        i18n::apply(lang);
        let mut ui = support::app::simulator_sized(
            compose::view(
                state,
                window::Id::unique(),
                accounts,
                suggestions.clone(),
                None,
            ),
            (760.0, 560.0),
        );
        support::app::photograph(
            &mut ui,
            &koperta::ui::style::theme(dark),
            &support::manifest_dir().join("target/screenshots/compose-parts"),
            &format!("{}-{name}", lang.as_str()),
        );
    }
    i18n::apply(Language::En);
}

#[test]
fn send_later_the_undo_countdown_and_the_suggestions_are_photographed() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let acc = account();
    let accounts = vec![acc.clone()];
    let draft = Draft {
        account: Some(acc.id.clone()),
        to: "Jan Kowalski <jan@example.com>".into(),
        subject: "Spotkanie w piątek".into(),
        body: "Dzień dobry,\n\nczy piątek o 10:00 pasuje?\n".into(),
        ..Draft::default()
    };
    let mut later = compose::State::new("d".into(), draft.clone());
    let _ = later.update(compose::Message::SendLater);
    assert!(later.later().is_some());
    photo(&later, &accounts, Vec::new(), "send-later");

    let mut held = compose::State::new("d".into(), draft.clone());
    held.queued("o1".into(), Some(koperta::outbox::now() + 5), 0);
    photo(&held, &accounts, Vec::new(), "undo-countdown");

    let mut suggesting = compose::State::new(
        "d".into(),
        Draft {
            to: String::new(),
            ..draft
        },
    );
    let _ = suggesting.update(compose::Message::To("now".into()));
    photo(
        &suggesting,
        &accounts,
        vec![
            "Anna Nowak <anna.nowak@example.pl>".into(),
            "Piotr Nowakowski <piotr@example.com>".into(),
        ],
        "suggestions",
    );
}
