//! Switching the language changes what the windows say, including the
//! messages already shown.

use super::*;

/// A tryout undid a send, switched to English, and the compose window
/// still said "Cofnięto: …": Koperta's own messages are translated each
/// time they are drawn.
#[test]
fn a_compose_windows_message_follows_a_language_switch() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::Pl);
    let mut state = compose::State::new("d".into(), Draft::default());
    state.queued("m1".into(), Some(koperta::outbox::now() + 30), 0);
    state.left_outbox(Ok(()), || koperta::t!("compose-undone"));
    let polish = state.notice().unwrap_or_default();
    i18n::apply(Language::En);
    let english = state.notice().unwrap_or_default();
    assert_ne!(polish, english);
    assert_eq!(english, koperta::t!("compose-undone"));
    assert!(english.starts_with("Taken back"), "{english}");
}

/// A second tryout saw a compose window's send failure stay Polish after
/// the switch to English (the Outbox followed): it is drawn from the
/// outbox's failure each time now.
#[test]
fn a_compose_windows_send_failure_follows_a_language_switch() {
    use koperta::outbox::{Failure, Reason};
    use koperta::smtp::SmtpError;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    // An hour from now (a fixed time went by and was rightly no longer
    // shown as one).
    let next_try = koperta::outbox::now() + 3600;
    let mut state = compose::State::new("d".into(), Draft::default());
    state.send_failed_with(
        &Failure::new(Reason::Smtp {
            error: SmtpError::Transient {
                code: 421,
                text: "4.7.0 Try again later".into(),
            },
            host: "localhost".into(),
        }),
        Some(next_try),
    );
    let said = |lang| {
        i18n::apply(lang);
        match state.sending() {
            compose::Sending::Failed(why) => why.text(),
            other => panic!("{other:?}"),
        }
    };
    let polish = said(Language::Pl);
    let english = said(Language::En);
    assert_ne!(polish, english);
    assert!(english.contains("4.7.0 Try again later"), "{english}");
    // And what happens next: a fifth tryout did not know the outbox
    // would try again on its own.
    // The date in each language's own way ("3 grudnia 2026, 11:44").
    let at = |language| {
        i18n::apply(language);
        koperta::report::outbox::local_time(next_try)
    };
    let (at_pl, at_en) = (at(Language::Pl), at(Language::En));
    assert!(
        english.contains(&format!("Koperta tries again on {at_en} on its own")),
        "{english}"
    );
    assert!(
        polish.contains(&format!("Koperta sama spróbuje ponownie {at_pl}")),
        "{polish}"
    );
}
