//! A compose window's failure stays true: it follows the outbox's record of
//! its message (another attempt's reason, its next try), a retry time gone
//! by is not shown as a time, and an edit of the account is said (tryout 11
//! saw an old port and a past retry time after fixing the account).

use super::*;
use koperta::outbox::{Failure, Reason};

fn failure(text: &str, at: u64) -> Failure {
    Failure {
        reason: Reason::Legacy {
            text: text.into(),
            transient: true,
        },
        at,
    }
}

fn shown(app: &App, id: window::Id) -> String {
    match app.windows.get(&id) {
        Some(Screen::Compose(c)) => c.failure_text().unwrap_or_default(),
        _ => panic!("window"),
    }
}

#[test]
fn a_failure_shown_follows_the_outbox_and_says_when_the_account_was_edited() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let draft = Draft {
        account: Some(acc.id.clone()),
        to: "jan@example.com".into(),
        subject: "Próba".into(),
        ..Draft::default()
    };
    let id = compose_window(&mut app, draft.clone());
    let draft_id = match app.windows.get(&id) {
        Some(Screen::Compose(c)) => c.draft_id().to_string(),
        _ => panic!("window"),
    };
    let outbox_id = queue_far_off(&app, &acc, &draft, &draft_id);
    let now = koperta::outbox::now();
    let Some(Screen::Compose(c)) = app.windows.get_mut(&id) else {
        panic!("window")
    };
    c.tie_to(app.engine.get(&outbox_id).as_ref());
    // Its next try is past: "in a moment", never a time gone by.
    c.send_failed_with(&failure("port 2525 refused", now - 600), Some(now - 60));
    let text = shown(&app, id);
    assert!(text.contains("port 2525 refused"), "{text}");
    assert!(text.contains("tries again in a moment"), "{text}");

    // The account is edited: the window says the next attempt uses it.
    let config = app.config.config.clone();
    let task = app.update(Message::AccountWritten(Box::new(acc.clone()), Ok(config)));
    drop(task);
    assert!(
        shown(&app, id).contains("The account’s settings were changed since this attempt"),
        "{}",
        shown(&app, id)
    );

    // Another attempt (here recorded on disk) failed otherwise, with its
    // next try: the window follows the record at the outbox's next reading.
    let mut m = app.store.outbox_entry(&outbox_id).unwrap().unwrap();
    m.sidecar.failure = Some(failure("port 587 timed out", now));
    m.sidecar.next_try = Some(now + 3600);
    app.store.outbox_update(&outbox_id, &m.sidecar).unwrap();
    let _ = app.engine.reload();
    let _ = app.update(Message::OutboxReloaded);
    let text = shown(&app, id);
    assert!(text.contains("port 587 timed out"), "{text}");
    assert!(!text.contains("2525"), "{text}");
    assert!(
        text.contains(&koperta::report::outbox::local_time(now + 3600)),
        "{text}"
    );
    assert!(!text.contains("settings were changed"), "{text}");
}
