//! Nothing lost: a discarded draft can be brought back from the toast for
//! as long as it shows, and is removed for good only after.

use super::*;

fn saved_draft(app: &mut App, acc: &Account, id: &str, subject: &str) {
    app.store
        .save_draft(
            id,
            &Draft {
                account: Some(acc.id.clone()),
                subject: subject.into(),
                body: "Treść, której szkoda.\n".into(),
                ..Draft::default()
            },
        )
        .unwrap();
}

/// Discard from the list (it asks) and from a compose window's close
/// question: each can be undone from the toast; left alone, the draft is
/// removed for good once the toast is gone.
#[test]
fn a_discarded_draft_can_be_undone_while_its_toast_shows() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    saved_draft(&mut app, &acc, "d1", "Umowa");
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    let main = |m| Message::Main(m);
    support::app::send(
        &mut app,
        &rt,
        main(main_window::Message::DiscardDraft("d1".into())),
    );
    support::app::send(&mut app, &rt, main(main_window::Message::ConfirmYes));
    assert!(app.drafts.is_empty(), "gone from the list");
    assert_eq!(app.store.draft("d1").unwrap(), None, "and from the drafts");
    assert_eq!(app.main.notice(), Some("Draft “Umowa” discarded."));
    // The toast's Undo, as the person clicks it.
    let undo: Vec<Message> = {
        let mut ui = support::app::simulator_at_window_size(app.view(window::Id::unique()));
        ui.click("Undo").expect("an Undo button in the toast");
        ui.into_messages().collect()
    };
    for m in undo {
        support::app::send(&mut app, &rt, m);
    }
    assert_eq!(
        app.store.draft("d1").unwrap().map(|d| d.body),
        Some("Treść, której szkoda.\n".into()),
        "back, text and all"
    );
    assert!(app.drafts.iter().any(|d| d.id == "d1"), "and listed");
    assert_eq!(app.main.notice(), Some("Draft “Umowa” is back in Drafts."));

    // From a compose window: Discard in the close question.
    saved_draft(&mut app, &acc, "d2", "Oferta");
    support::app::send(
        &mut app,
        &rt,
        main(main_window::Message::OpenDraft("d2".into())),
    );
    let w = window_of(&app, "d2");
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::CloseDiscard),
    );
    assert_eq!(app.store.draft("d2").unwrap(), None);
    assert_eq!(app.main.notice(), Some("Draft “Oferta” discarded."));
    // Left alone: once the toast is gone, so is the draft, for good.
    std::thread::sleep(Duration::from_millis(8_600));
    support::app::send(&mut app, &rt, Message::Tick);
    assert_eq!(app.main.notice(), None, "the toast cleared itself");
    let purged = !app.store.draft_dir("d2").exists() && app.store.restore_draft("d2").is_err();
    assert!(purged, "removed for good");
    assert!(
        app.store.draft("d1").unwrap().is_some(),
        "the restored one stays"
    );
}
