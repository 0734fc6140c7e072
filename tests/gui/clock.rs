//! The app's clock: it ticks fast only while something waits on it. Each
//! tick rebuilds and redraws every window, and a tryout measured about
//! 18 % of a core per idle compose window with a tick every half second.

use super::*;

/// An idle app ticks every 5 s; an unsaved edit, a toast or a message
/// about to fall due makes it tick every half second until it is done.
#[test]
fn an_idle_app_ticks_slowly_and_fast_while_something_waits_on_the_clock() {
    let (mut app, a, _b, _home) = app_with_two_compose_windows();
    let rt = tokio::runtime::Runtime::new().unwrap();
    assert_eq!(app.tick_every(), Duration::from_secs(5), "idle");
    // An edit not saved yet: the autosave needs the fast tick.
    let _ = app.update(Message::Compose(a, compose::Message::Subject("Hej".into())));
    assert_eq!(app.tick_every(), Duration::from_millis(500), "unsaved");
    std::thread::sleep(Duration::from_millis(600));
    support::app::send(&mut app, &rt, Message::Tick);
    let (saved, _) = app.store.drafts();
    assert!(
        saved.iter().any(|(_, d)| d.subject == "Hej"),
        "saved by the tick"
    );
    assert_eq!(
        app.tick_every(),
        Duration::from_secs(5),
        "saved: idle again"
    );
    // A message due in a few seconds: on time, not up to 5 s late.
    let acc = app.accounts()[0].clone();
    let draft = Draft {
        to: "jan@example.com".into(),
        subject: "Zaraz".into(),
        body: "Tekst.".into(),
        ..Draft::default()
    };
    app.engine
        .queue(koperta::outbox::NewMessage {
            draft_digest: None,
            account: acc.id.clone(),
            message: draft.build(&acc, &Default::default()).unwrap(),
            draft: None,
            subject: draft.subject.clone(),
            when: koperta::outbox::When::At(koperta::outbox::now() + 3),
        })
        .expect("queued");
    assert_eq!(app.tick_every(), Duration::from_millis(500), "due soon");
}
