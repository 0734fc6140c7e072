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

/// Saves draft `id` titled `subject`, lists it, and discards it from the
/// list (Discard, then yes to the question).
fn discard_from_the_list(
    app: &mut App,
    rt: &tokio::runtime::Runtime,
    acc: &Account,
    id: &str,
    subject: &str,
) {
    saved_draft(app, acc, id, subject);
    let reread = app.refresh();
    drive(app, rt, reread);
    for m in [
        main_window::Message::DiscardDraft(id.into()),
        main_window::Message::ConfirmYes,
    ] {
        support::app::send(app, rt, Message::Main(m));
    }
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
    discard_from_the_list(&mut app, &rt, &acc, "d1", "Umowa");
    let main = |m| Message::Main(m);
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

/// A tryout removed an attachment with a stray Space on its focused
/// Remove, and the words typed next went nowhere: the focus now goes to
/// the path field, and Undo puts the attachment back where it was, its
/// copy kept by the saves in between.
#[test]
fn a_removed_attachment_can_be_put_back_and_the_focus_stays_in_sight() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, home) = app_with_account();
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
        _ => panic!("compose window"),
    };
    let mut copies = Vec::new();
    for (name, bytes) in [("raport.pdf", 4000), ("dane.csv", 300)] {
        let file = home.path().join(name);
        std::fs::write(&file, vec![b'x'; bytes]).unwrap();
        copies.push((
            app.store.attach_copy(&draft_id, &file).unwrap(),
            bytes as u64,
        ));
    }
    support::app::send(
        &mut app,
        &rt,
        Message::Attached(w, compose::Source::Chosen, copies.clone(), Vec::new()),
    );
    let remove = app.update(Message::Compose(w, compose::Message::RemoveAttachment(0)));
    drive(&mut app, &rt, remove);
    let c = match app.windows.get(&w) {
        Some(Screen::Compose(c)) => c,
        _ => panic!("compose window"),
    };
    assert_eq!(c.draft().attachments, [copies[1].0.clone()]);
    let attach = compose::FOCUS_ORDER.iter().position(|f| *f == "attach");
    assert_eq!(c.focused(), attach, "the focus went to the path field");
    // Saved meanwhile, long after the copy was made (a save removes
    // copies older than 10 s that the draft does not name): it stays.
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&copies[0].0)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    let save = app.save_draft(w);
    drive(&mut app, &rt, save);
    assert!(copies[0].0.exists(), "the removed copy is kept for Undo");
    let undo: Vec<Message> = {
        let mut ui = support::app::simulator_at_window_size(app.view(w));
        assert!(ui.find("Removed “raport.pdf”.").is_ok());
        ui.click("Undo").expect("an Undo for the removal");
        ui.into_messages().collect()
    };
    for m in undo {
        support::app::send(&mut app, &rt, m);
    }
    let c = match app.windows.get(&w) {
        Some(Screen::Compose(c)) => c,
        _ => panic!("compose window"),
    };
    assert_eq!(
        c.draft().attachments,
        [copies[0].0.clone(), copies[1].0.clone()],
        "back where it was"
    );
    assert_eq!(c.sizes().get(&copies[0].0), Some(&4000));
    let attach = compose::FOCUS_ORDER.iter().position(|f| *f == "attach");
    assert_eq!(
        c.focused(),
        attach,
        "Undo's button gone, the focus is in sight"
    );
}

/// A tryout discarded a draft whose message waited in the outbox, then
/// could not edit the message: the question now says that the message
/// stays in the outbox as it is (a second tryout saw "will be sent" next to
/// a message that waited for the person: it says neither now).
#[test]
fn discarding_a_draft_whose_message_is_queued_says_it_still_goes() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let mut state = main_window::State::on(main_window::Tab::Drafts);
    let _ = state.update(
        main_window::Message::DiscardDraft("d1".into()),
        &[],
        &[],
        &[],
    );
    let settings = koperta::config::Settings::default();
    let drafts = [draft_row("d1", "Umowa", true)];
    let mut ui = simulator(main_window::view(
        &state,
        main_window::Shown {
            drafts: &drafts,
            ..shown(&settings, &[], &[])
        },
    ));
    assert!(ui.find("Discard the draft “Umowa”? Its message stays in the outbox as it is (it can still be sent or deleted there), but can no longer be edited.").is_ok());
}

/// A tryout pressed Ctrl+S and saw no sign of it: the window now says the
/// draft is saved, until the next change.
#[test]
fn save_draft_by_hand_says_it_is_saved_until_the_next_change() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            ..Draft::default()
        },
    );
    support::app::send(
        &mut app,
        &rt,
        Message::Input(w, koperta::ui::app::Input::Save),
    );
    let draft_id = match app.windows.get(&w) {
        Some(Screen::Compose(c)) => c.draft_id().to_string(),
        _ => panic!("compose window"),
    };
    assert!(app.store.draft(&draft_id).unwrap().is_some(), "saved");
    {
        let mut ui = support::app::simulator_at_window_size(app.view(w));
        assert!(ui.find("Draft saved.").is_ok());
    }
    let _ = app.update(Message::Compose(w, compose::Message::Subject("A".into())));
    let mut ui = support::app::simulator_at_window_size(app.view(w));
    assert!(ui.find("Draft saved.").is_err(), "not after a change");
}

/// Keys typed while no control has the focus (the focused Remove was just
/// removed; the task moving the focus has not run) go to the window's
/// fallback field, not nowhere (a tryout lost the first letters).
#[test]
fn keys_with_no_focused_control_go_to_the_fallback_field() {
    #[derive(Debug, Clone, PartialEq)]
    enum Typed {
        Path(String),
    }
    let window = window::Id::unique();
    let field = iced::widget::Id::from("path");
    let typed_into = |fallback: Option<iced::widget::Id>| -> Vec<Typed> {
        let input = iced::widget::text_input("", "")
            .id(field.clone())
            .on_input(Typed::Path);
        let root = koperta::ui::focus::scope(window, input).fallback(fallback);
        let mut ui = support::app::simulator_at_window_size(root);
        let _ = ui.typewrite("sl");
        ui.into_messages().collect()
    };
    assert!(
        typed_into(None).is_empty(),
        "without one, the keys are lost"
    );
    // Both letters reach the field (the simulator keeps the field's text).
    assert_eq!(
        typed_into(Some(field.clone())).last(),
        Some(&Typed::Path("sl".into()))
    );
}

/// A tryout typed a path, pressed Enter and typed the next at once: the
/// field was cleared only when the first was attached, so the two ran
/// together. The field is cleared at Enter now, and a path that fails
/// comes back to be corrected.
#[test]
fn the_next_path_typed_at_once_after_enter_starts_afresh() {
    let (mut app, acc, home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            ..Draft::default()
        },
    );
    let first = home.path().join("plik01.bin");
    std::fs::write(&first, b"01").unwrap();
    let path_of = |app: &App| match app.windows.get(&w) {
        Some(Screen::Compose(c)) => c.attach_path().to_string(),
        _ => panic!("compose window"),
    };
    let compose = |m| Message::Compose(w, m);
    let _ = app.update(compose(compose::Message::AttachPath(
        first.display().to_string(),
    )));
    let attach = app.update(compose(compose::Message::AttachTyped));
    assert_eq!(path_of(&app), "", "cleared at Enter");
    // The next path, typed before the first is attached (keys that reach
    // the field before it is drawn cleared: `held_keys`).
    let _ = app.update(compose(compose::Message::AttachPath("/tmp/plik02".into())));
    drive(&mut app, &rt, attach);
    assert_eq!(
        path_of(&app),
        "/tmp/plik02",
        "what was typed meanwhile stays"
    );
    // A path that cannot be attached comes back.
    let _ = app.update(compose(compose::Message::AttachPath(String::new())));
    let _ = app.update(compose(compose::Message::AttachPath(
        "/nie/ma/takiego".into(),
    )));
    let attach = app.update(compose(compose::Message::AttachTyped));
    drive(&mut app, &rt, attach);
    assert_eq!(path_of(&app), "/nie/ma/takiego");
    // Its reason stays while the path is corrected, and goes once the
    // field is emptied (tryout 11 saw it under an empty field).
    let notice = |app: &App| match app.windows.get(&w) {
        Some(Screen::Compose(c)) => c.notice(),
        _ => panic!("compose window"),
    };
    assert!(notice(&app).is_some_and(|n| n.contains("/nie/ma/takiego")));
    let _ = app.update(compose(compose::Message::AttachPath("/nie/ma/tak".into())));
    assert!(notice(&app).is_some(), "kept while corrected");
    let _ = app.update(compose(compose::Message::AttachPath(String::new())));
    assert_eq!(notice(&app), None, "gone with the path");
}

/// A fourth tryout typed several paths, each with Enter, in quick
/// succession: one was dropped and the list came out of order (the
/// copies ran at once, and the window tracked one path). Typed paths are
/// now attached one at a time in the order typed; the one that fails
/// comes back to be corrected, and Send meanwhile asks first.
#[test]
fn paths_typed_in_quick_succession_are_all_attached_in_the_order_typed() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Pliki".into(),
            ..Draft::default()
        },
    );
    let compose = |m| Message::Compose(w, m);
    let names = ["c.txt", "a.txt", "brak.txt", "b.txt"];
    let mut tasks = Vec::new();
    for name in names {
        let path = home.path().join(name);
        if name != "brak.txt" {
            std::fs::write(&path, name).unwrap();
        }
        let _ = app.update(compose(compose::Message::AttachPath(
            path.display().to_string(),
        )));
        tasks.push(app.update(compose(compose::Message::AttachTyped)));
    }
    let state = |app: &App| match app.windows.get(&w) {
        Some(Screen::Compose(c)) => (
            c.attach_path().to_string(),
            c.draft()
                .attachments
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect::<Vec<_>>(),
        ),
        _ => panic!("compose window"),
    };
    assert_eq!(state(&app).0, "", "cleared at each Enter");
    // Send before the copies are done: it waits for them (a tryout was
    // told the file it had just typed was not attached), and since one
    // of them fails, nothing is sent: the person sees why first.
    tasks.push(app.update(compose(compose::Message::Send)));
    match app.windows.get(&w) {
        Some(Screen::Compose(c)) => {
            assert!(c.concerns().is_empty(), "no false concern");
            assert_eq!(
                c.notice(),
                Some("Attaching the files… The message is sent as soon as they are in.".into())
            );
        }
        _ => panic!("compose window"),
    }
    drive(&mut app, &rt, iced::Task::batch(tasks));
    assert!(app.engine.entries().is_empty(), "not sent: a file failed");
    let (field, attached) = state(&app);
    assert_eq!(
        attached,
        ["c.txt", "a.txt", "b.txt"],
        "all, in the order typed"
    );
    assert_eq!(
        field,
        home.path().join("brak.txt").display().to_string(),
        "the one that failed is back to be corrected"
    );
    // The draft on disk names the same copies.
    let draft_id = match app.windows.get(&w) {
        Some(Screen::Compose(c)) => c.draft_id().to_string(),
        _ => panic!("compose window"),
    };
    let saved = app.store.draft(&draft_id).unwrap().unwrap();
    assert_eq!(saved.attachments.len(), 3);
}

/// Send pressed right after Enter in the path field, while the file is
/// still being copied: no "the path is not attached" question (tryout 6
/// saw one, about a file that was attached a moment later); the message
/// goes with the file once it is in.
#[test]
fn send_right_after_enter_in_the_path_field_waits_for_the_file() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Umowa".into(),
            body: "W załączniku umowa.".into(),
            ..Draft::default()
        },
    );
    let compose = |m| Message::Compose(w, m);
    let path = home.path().join("umowa.pdf");
    std::fs::write(&path, b"%PDF-1.4 umowa").unwrap();
    let _ = app.update(compose(compose::Message::AttachPath(
        path.display().to_string(),
    )));
    let attach = app.update(compose(compose::Message::AttachTyped));
    let send = app.update(compose(compose::Message::Send));
    drive(&mut app, &rt, iced::Task::batch([attach, send]));
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window")
    };
    assert!(c.concerns().is_empty(), "asked nothing: {:?}", c.concerns());
    let entries = app.engine.entries();
    assert_eq!(entries.len(), 1, "queued once");
    let eml = std::fs::read_to_string(&entries[0].eml).unwrap();
    assert!(eml.contains("umowa.pdf"), "with the file: {eml}");
}

/// found the draft purged at the next start. What a run that ended early
/// left discarded is brought back at start, and the window says so.
#[test]
fn drafts_left_discarded_by_a_run_that_ended_early_come_back() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    saved_draft(&mut app, &acc, "d1", "Umowa");
    app.store.discard_draft("d1").unwrap();
    // As at start (the boot task).
    let start = app.restore_discarded();
    drive(&mut app, &rt, start);
    assert_eq!(
        app.store.draft("d1").unwrap().map(|d| d.subject),
        Some("Umowa".into())
    );
    assert!(app.drafts.iter().any(|d| d.id == "d1"), "listed");
    assert_eq!(
        app.main.notice(),
        Some("A discarded draft is back in Drafts: Koperta ended before its Undo ran out.")
    );
}

/// Ctrl+Z in the main window undoes the discard its toast offers (a
/// second tryout found Undo last in the Tab order, hard to reach in time).
#[test]
fn ctrl_z_in_the_main_window_undoes_a_discard() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let main = window::Id::unique();
    app.main_id = Some(main);
    app.windows.insert(main, Screen::Main);
    discard_from_the_list(&mut app, &rt, &acc, "d1", "Umowa");
    assert_eq!(app.store.draft("d1").unwrap(), None);
    support::app::send(
        &mut app,
        &rt,
        Message::Input(main, koperta::ui::app::Input::Undo),
    );
    assert!(app.store.draft("d1").unwrap().is_some(), "back");
    assert_eq!(app.main.notice(), Some("Draft “Umowa” is back in Drafts."));
}

/// A third tryout typed a burst of keys in the undo delay: the message
/// was taken back (right), and the window then said "too late to undo:
/// it is being sent or has gone" (false: a second take-back had failed).
/// Only the first edit takes it back now.
#[test]
fn a_burst_of_typing_in_the_undo_delay_takes_the_message_back_once_and_says_so() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let draft = Draft {
        account: Some(acc.id.clone()),
        to: "jan@example.com".into(),
        subject: "Spotkanie".into(),
        ..Draft::default()
    };
    let queued = app
        .engine
        .queue(koperta::outbox::NewMessage {
            draft_digest: None,
            account: acc.id.clone(),
            message: draft.build(&acc, &Default::default()).unwrap(),
            draft: Some("d1".into()),
            subject: draft.subject.clone(),
            when: koperta::outbox::When::After(Duration::from_secs(30)),
        })
        .unwrap();
    let w = window::Id::unique();
    let mut held = compose::State::new("d1".into(), draft);
    held.queued(queued.clone(), Some(koperta::outbox::now() + 30), 0);
    app.windows.insert(w, Screen::Compose(Box::new(held)));
    // Three keys before any take-back has finished.
    let tasks: Vec<_> = ["S", "Sp", "Spo"]
        .into_iter()
        .map(|t| app.update(Message::Compose(w, compose::Message::Subject(t.into()))))
        .collect();
    for t in tasks {
        drive(&mut app, &rt, t);
    }
    assert!(app.engine.get(&queued).is_none(), "taken back");
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window")
    };
    assert_eq!(*c.sending(), compose::Sending::Idle);
    assert_eq!(
        c.notice().as_deref(),
        Some(koperta::t!("compose-undone").as_str()),
        "no false too late"
    );
}

/// A third tryout discarded two drafts in a row and could bring back only
/// the second: each can be brought back now, newest first, for its own
/// eight seconds.
#[test]
fn two_drafts_discarded_in_a_row_can_both_be_brought_back() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let main = window::Id::unique();
    app.main_id = Some(main);
    app.windows.insert(main, Screen::Main);
    discard_from_the_list(&mut app, &rt, &acc, "b1", "Bilans");
    discard_from_the_list(&mut app, &rt, &acc, "a1", "Aneks");
    let undo = Message::Input(main, koperta::ui::app::Input::Undo);
    support::app::send(&mut app, &rt, undo.clone());
    assert!(app.store.draft("a1").unwrap().is_some(), "the newest first");
    assert!(app.store.draft("b1").unwrap().is_none());
    support::app::send(&mut app, &rt, undo);
    assert!(
        app.store.draft("b1").unwrap().is_some(),
        "then the one before"
    );
}

/// A third tryout typed a file's path and pressed Send without Attach:
/// the message went without the file. Send now asks first.
#[test]
fn send_asks_when_a_typed_path_was_never_attached() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let mut state = compose::State::new(
        "d".into(),
        Draft {
            to: "jan@example.com".into(),
            subject: "Raport".into(),
            ..Draft::default()
        },
    );
    let _ = state.update(compose::Message::AttachPath("/tmp/raport.pdf".into()));
    let action = state.update(compose::Message::Send);
    // The focus on Cancel, the answer that sends nothing: a fourth
    // tryout's typing went on, and its Space pressed "Send anyway".
    assert_eq!(action, compose::Action::Focus("concerns-cancel"));
    assert_eq!(state.concerns(), [koperta::draft::Concern::PathNotAttached]);
}

/// Tryout 8 opened from Drafts a draft whose failed message waited in the
/// outbox, edited it, and the outbox's retry sent the old version. Opened
/// from Drafts, as from the Outbox, the message is taken out while it is
/// edited.
#[test]
fn a_draft_opened_from_drafts_takes_its_waiting_message_out_of_the_outbox() {
    use koperta::outbox::{Failure, Reason, State};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let draft = Draft {
        account: Some(acc.id.clone()),
        to: "jan@example.com".into(),
        subject: "Umowa".into(),
        ..Draft::default()
    };
    app.store.save_draft("d1", &draft).unwrap();
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    let id = queue_far_off(&app, &acc, &draft, "d1");
    // Failed, to be tried again later.
    let mut m = app.engine.get(&id).unwrap();
    m.sidecar.state = State::Failed;
    m.sidecar.next_try = Some(u64::MAX / 2);
    m.sidecar.failure = Some(Failure::new(Reason::Interrupted));
    app.store.outbox_update(&id, &m.sidecar).unwrap();
    let _ = app.engine.reload();
    app.relist();
    assert_eq!(app.engine.get(&id).unwrap().sidecar.state, State::Failed);
    support::app::send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::OpenDraft("d1".into())),
    );
    assert!(
        app.engine.entries().is_empty(),
        "out of the outbox while edited"
    );
    assert!(
        app.windows
            .values()
            .any(|s| matches!(s, Screen::Compose(c) if c.draft_id() == "d1")),
        "its window is open"
    );
    assert!(
        app.store.draft("d1").unwrap().is_some(),
        "the draft is kept"
    );
}

/// Tryout 9 opened a scheduled message from the Outbox only to look at
/// it, closed the window, and the schedule was gone (the message left the
/// outbox when it was opened). Opened from the Outbox or from Drafts, it
/// keeps its time; the window says when it goes; closed unchanged, it is
/// still scheduled; the first change takes it out, so its older text
/// never goes.
#[test]
fn a_scheduled_message_opened_to_look_keeps_its_time_and_a_change_takes_it_out() {
    use koperta::outbox::State;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let draft = Draft {
        account: Some(acc.id.clone()),
        to: "jan@example.com".into(),
        subject: "Plan".into(),
        ..Draft::default()
    };
    app.store.save_draft("d1", &draft).unwrap();
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    let id = queue_far_off(&app, &acc, &draft, "d1");
    app.relist();
    let window_of = |app: &App| {
        *app.windows
            .iter()
            .find(|(_, s)| matches!(s, Screen::Compose(_)))
            .expect("a compose window")
            .0
    };
    for from_drafts in [false, true] {
        let open = if from_drafts {
            main_window::Message::OpenDraft("d1".into())
        } else {
            main_window::Message::Edit(id.clone())
        };
        support::app::send(&mut app, &rt, Message::Main(open));
        let w = window_of(&app);
        let Some(Screen::Compose(c)) = app.windows.get(&w) else {
            panic!("compose window")
        };
        assert!(c.is_scheduled(), "from drafts: {from_drafts}");
        let time = koperta::report::outbox::local_time(u64::MAX / 2);
        {
            let mut ui = support::app::simulator_at_window_size(app.view(w));
            let said = format!(
                "Scheduled: goes out on {time}. A change takes it out of the schedule until you send it again."
            );
            assert!(ui.find(said.as_str()).is_ok(), "the window says when");
        }
        // Closed unchanged (Ctrl+W): no question, still scheduled.
        support::app::send(&mut app, &rt, Message::CloseRequested(w));
        let closed = app.update(Message::Closed(w));
        drive(&mut app, &rt, closed);
        assert!(matches!(
            app.engine.get(&id).map(|m| m.sidecar.state),
            Some(State::Scheduled { .. })
        ));
        assert!(
            app.main.notice().is_some_and(|n| n.contains(&time)),
            "the toast says when it goes: {:?}",
            app.main.notice()
        );
    }
    // Opened again and changed: out of the schedule, the draft kept.
    support::app::send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::Edit(id.clone())),
    );
    let w = window_of(&app);
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::Subject("Plan B".into())),
    );
    assert!(app.engine.get(&id).is_none(), "no longer scheduled");
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window")
    };
    assert!(!c.is_scheduled());
    assert_eq!(c.draft().subject, "Plan B");
}

/// Tryout 9 pressed Esc on the question asked before sending, then typed:
/// no field had the focus, and the letters went nowhere. Esc and Cancel
/// put the cursor back in the field typed in last (here the body).
#[test]
fn esc_or_cancel_on_the_question_before_sending_puts_the_cursor_back_in_the_text() {
    use iced::widget::text_editor::{Action as EditorAction, Edit};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::Pl);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let w = compose_window(
        &mut app,
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            ..Draft::default()
        },
    );
    for c in "Przesyłam w załączniku raport.".chars() {
        let _ = app.update(Message::Compose(
            w,
            compose::Message::Body(EditorAction::Edit(Edit::Insert(c))),
        ));
    }
    for by_esc in [true, false] {
        support::app::send(&mut app, &rt, Message::Compose(w, compose::Message::Send));
        let Some(Screen::Compose(c)) = app.windows.get_mut(&w) else {
            panic!("window")
        };
        assert!(c.is_asking(), "no subject, no attachment: asked");
        if by_esc {
            assert!(!c.escape(), "nothing to take back");
            assert!(!c.is_asking());
            assert_eq!(c.field_to_return_to(), "body");
        } else {
            assert_eq!(
                c.update(compose::Message::ConcernsCancel),
                compose::Action::Focus("body")
            );
        }
    }
    // Typed in the subject last (then Ctrl+Enter): back to the subject,
    // though the question's button had the focus meanwhile.
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(w, compose::Message::Subject("Raport".into())),
    );
    support::app::send(&mut app, &rt, Message::Compose(w, compose::Message::Send));
    let Some(Screen::Compose(c)) = app.windows.get_mut(&w) else {
        panic!("window")
    };
    assert!(c.is_asking(), "the attachment spoken of: asked");
    assert_eq!(
        c.update(compose::Message::ConcernsCancel),
        compose::Action::Focus("subject")
    );
    i18n::apply(Language::En);
}

/// A message larger than the server's SIZE (as last seen) asks once
/// before it is sent, in both languages; with the check off in Settings
/// it does not.
#[test]
fn a_message_over_the_servers_size_asks_first_in_both_languages() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let acc = account();
    let accounts = [acc.clone()];
    let file = std::path::PathBuf::from("/tmp/duzy-plik.bin");
    let mut sizes = compose::Sizes::new();
    sizes.insert(file.clone(), 3 * 1024 * 1024);
    let draft = Draft {
        account: Some(acc.id.clone()),
        to: "jan@example.com".into(),
        subject: "Zdjęcia".into(),
        body: "Zdjęcia z wyjazdu.\n".into(),
        attachments: vec![file],
        ..Draft::default()
    };
    let mut state = compose::State::with_sizes("d".into(), draft.clone(), sizes.clone());
    state.set_size_limit(Some(1024 * 1024));
    let action = state.update(compose::Message::Send);
    assert_eq!(action, compose::Action::Focus("concerns-cancel"));
    assert!(matches!(
        state.concerns(),
        [koperta::draft::Concern::TooBig {
            limit: 1_048_576,
            ..
        }]
    ));
    for (lang, said) in [
        (
            Language::En,
            "the message is larger than the server accepts (1\u{a0}MB): it will be refused.",
        ),
        (
            Language::Pl,
            "a serwer przyjmuje najwyżej 1\u{a0}MB: zostanie odrzucona.",
        ),
    ] {
        i18n::apply(lang);
        let view = compose::view(
            &state,
            window::Id::unique(),
            &accounts,
            true,
            Vec::new(),
            None,
        );
        let mut ui = simulator(view);
        let found = ui
            .find(|c: iced_test::selector::Candidate<'_>| match c {
                iced_test::selector::Candidate::Text { content, .. } if content.contains(said) => {
                    Some(())
                }
                _ => None,
            })
            .is_ok();
        assert!(found, "{lang:?}: {said}");
    }
    // Off in Settings: no question.
    let mut off = compose::State::with_sizes("d".into(), draft, sizes);
    off.set_size_limit(Some(1024 * 1024));
    off.set_checks(koperta::config::SendChecks {
        size: false,
        ..Default::default()
    });
    assert_eq!(off.update(compose::Message::Send), compose::Action::Send);
    i18n::apply(Language::En);
}
