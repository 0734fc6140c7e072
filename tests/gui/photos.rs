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
                true,
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

/// The From picker with an account's identities, opened, and the options
/// row (high priority, read receipt) photographed; the options set the
/// draft's fields.
#[test]
fn the_identity_picker_and_the_options_are_photographed() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let mut acc = Account {
        name: "Zofia Żółkiewska".into(),
        ..account()
    };
    let mut biuro = koperta::account::Identity::new("Biuro Koperta", "biuro@example.com");
    biuro.reply_to = "pomoc@example.com".into();
    acc.identities.push(biuro);
    acc.identities.push(koperta::account::Identity::new(
        "",
        "zofia.prywatnie@example.org",
    ));
    let accounts = vec![acc.clone()];
    let mut state = compose::State::new(
        "d".into(),
        Draft {
            account: Some(acc.id.clone()),
            identity: Some(acc.identities[0].id.clone()),
            to: "jan@example.com".into(),
            subject: "Oferta".into(),
            ..Draft::default()
        },
    );
    for (lang, dark) in [(Language::Pl, false), (Language::En, true)] {
        i18n::apply(lang);
        let mut ui = support::app::simulator_sized(
            compose::view(
                &state,
                window::Id::unique(),
                &accounts,
                true,
                Vec::new(),
                None,
            ),
            (760.0, 560.0),
        );
        ui.point_at((400.0, 80.0));
        let _ = ui.simulate(iced_test::simulator::click());
        support::app::photograph(
            &mut ui,
            &koperta::ui::style::theme(dark),
            &support::manifest_dir().join("target/screenshots/compose-parts"),
            &format!("{}-identity-picker", lang.as_str()),
        );
    }
    let _ = state.update(compose::Message::Options);
    assert!(state.options_open());
    let _ = state.update(compose::Message::HighPriority(true));
    let _ = state.update(compose::Message::ReadReceipt(true));
    assert!(state.draft().high_priority && state.draft().read_receipt);
    photo(&state, &accounts, Vec::new(), "options");
    i18n::apply(Language::En);
}
