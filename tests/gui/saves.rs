//! Draft saves run off the UI thread and may finish in any order: an older
//! one finishing last never overwrites a newer one (tryout 11 saw the window
//! say "saved" over an older text on disk).

use super::*;

#[test]
fn an_older_draft_save_finishing_last_never_overwrites_a_newer_one() {
    let (mut app, acc, _home) = app_with_account();
    let id = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            ..Draft::default()
        },
    );
    let draft_id = match app.windows.get(&id) {
        Some(Screen::Compose(c)) => c.draft_id().to_string(),
        _ => panic!("window"),
    };
    let save_with = |app: &mut App, subject: &str| {
        let _ = app.update(Message::Compose(
            id,
            compose::Message::Subject(subject.into()),
        ));
        app.update(Message::Compose(id, compose::Message::Save))
    };
    let older = save_with(&mut app, "Starszy");
    let newer = save_with(&mut app, "Nowszy");
    let rt = tokio::runtime::Runtime::new().unwrap();
    // The newer save finishes first, the older one after it.
    let newer_done = rt.block_on(outputs(newer));
    let older_done = rt.block_on(outputs(older));
    for m in newer_done.into_iter().chain(older_done) {
        let task = app.update(m);
        drive(&mut app, &rt, task);
    }
    let on_disk = app.store.draft(&draft_id).unwrap().unwrap();
    assert_eq!(on_disk.subject, "Nowszy");
    // And a later save still writes.
    let last = save_with(&mut app, "Najnowszy");
    drive(&mut app, &rt, last);
    let on_disk = app.store.draft(&draft_id).unwrap().unwrap();
    assert_eq!(on_disk.subject, "Najnowszy");
}

/// Tryout 13: with a full disk, "Keep draft" closed the window though the
/// draft could not be written, and the text was gone. The window now
/// closes only once the draft is on disk, and otherwise stays, saying why.
#[test]
fn keep_draft_closes_the_window_only_once_the_draft_is_written() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            subject: "Do not lose me".into(),
            ..Draft::default()
        },
    );
    let c = |m| Message::Compose(w, m);
    support::app::send(
        &mut app,
        &rt,
        c(compose::Message::To("jan@example.com".into())),
    );
    let draft_id = match app.windows.get(&w) {
        Some(Screen::Compose(s)) => s.draft_id().to_string(),
        _ => panic!("no window"),
    };
    // The draft's folder cannot be made: a file stands where it goes (a
    // full disk fails the same way, with another reason).
    let dir = app.store.draft_dir(&draft_id);
    std::fs::create_dir_all(dir.parent().unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::write(&dir, b"in the way").unwrap();
    support::app::send(&mut app, &rt, Message::CloseRequested(w));
    let closed = support::app::send_closing(&mut app, &rt, c(compose::Message::CloseKeep));
    assert!(closed.is_empty(), "not closed: the draft is not on disk");
    let Some(Screen::Compose(s)) = app.windows.get(&w) else {
        panic!("the window is gone");
    };
    assert_eq!(s.draft().to, "jan@example.com", "the text is still there");
    let shown = {
        let mut ui = support::app::simulator_at_window_size(app.view(w));
        let said = "The draft could not be saved, so the window stays open with your text";
        ui.find(|c: iced_test::selector::Candidate<'_>| match c {
            iced_test::selector::Candidate::Text { content, .. } if content.contains(said) => {
                Some(())
            }
            _ => None,
        })
        .is_ok()
    };
    assert!(shown, "the window says why it stays");
    // The way is clear again: Keep draft writes it, then closes.
    std::fs::remove_file(&dir).unwrap();
    support::app::send(&mut app, &rt, Message::CloseRequested(w));
    let closed = support::app::send_closing(&mut app, &rt, c(compose::Message::CloseKeep));
    assert_eq!(closed, vec![w]);
    let saved = app.store.draft(&draft_id).unwrap().expect("on disk");
    assert_eq!(saved.to, "jan@example.com");
}

/// Tryout 20: Drafts said "No drafts" right after Ctrl+S in a new message.
/// The saved draft is listed as soon as its save is written, with what was
/// saved, before the store is read again.
#[test]
fn a_draft_saved_by_hand_is_listed_at_once() {
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            ..Draft::default()
        },
    );
    let draft_id = match app.windows.get(&w) {
        Some(Screen::Compose(c)) => c.draft_id().to_string(),
        _ => panic!("window"),
    };
    assert!(app.drafts.iter().all(|r| r.id != draft_id));
    let c = |m| Message::Compose(w, m);
    let _ = app.update(c(compose::Message::Subject("Spotkanie w piątek".into())));
    let _ = app.update(c(compose::Message::To("jan@example.com, ,".into())));
    // Only the save's own messages: no reading of the store in between.
    let done = rt.block_on(outputs(app.update(c(compose::Message::Save))));
    for m in done {
        let _ = app.update(m);
    }
    let row = app.drafts.iter().find(|r| r.id == draft_id);
    let row = row.expect("the saved draft is listed");
    assert_eq!(row.subject, "Spotkanie w piątek");
    assert_eq!(row.to, "jan@example.com");
    assert!(row.open, "it is open in its window");
    assert!(app.store.draft(&draft_id).unwrap().is_some());
}

/// Tryout 20: `koperta drafts remove` deleted a draft open in a window,
/// which then saved it again. An open window holds its draft's lock (the
/// command line refuses while it does) and gives it up when it closes.
#[test]
fn an_open_compose_window_holds_its_draft_until_it_closes() {
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let draft_id = koperta::store::new_id();
    let draft = Draft {
        account: Some(acc.id.clone()),
        subject: "Otwarty".into(),
        ..Draft::default()
    };
    app.store.save_draft(&draft_id, &draft).unwrap();
    let open = app.open_compose(Some((draft_id.clone(), draft)), compose::Sizes::new());
    drive(&mut app, &rt, open);
    let w = app
        .windows
        .iter()
        .find_map(|(w, s)| match s {
            Screen::Compose(c) if c.draft_id() == draft_id => Some(*w),
            _ => None,
        })
        .expect("its window");
    assert!(
        app.store.draft_is_open(&draft_id).unwrap(),
        "held while open"
    );
    support::app::send(&mut app, &rt, Message::Closed(w));
    assert!(!app.store.draft_is_open(&draft_id).unwrap(), "given up");
    assert!(
        app.store.drafts_left_open().is_empty(),
        "closed, not left open"
    );
}
