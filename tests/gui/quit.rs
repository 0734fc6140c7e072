//! Ctrl+Q (tryout 13 looked for it): every window closes as Ctrl+W
//! closes it, and a compose window with something to keep asks first.

use super::*;

/// A main window, a compose window with a subject typed and a blank one.
fn three_windows(app: &mut App) -> (window::Id, window::Id, window::Id) {
    let main = window::Id::unique();
    app.main_id = Some(main);
    app.windows.insert(main, Screen::Main);
    let typed = compose_window(app, Draft::default());
    let blank = compose_window(app, Draft::default());
    (main, typed, blank)
}

fn asking(app: &App, id: window::Id) -> bool {
    matches!(app.windows.get(&id), Some(Screen::Compose(c)) if c.is_asking_close())
}

/// Closes `closed` as iced would, and returns the windows closed next.
fn closed(app: &mut App, rt: &tokio::runtime::Runtime, closed: &[window::Id]) -> Vec<window::Id> {
    closed
        .iter()
        .flat_map(|w| support::app::send_closing(app, rt, Message::Closed(*w)))
        .collect()
}

#[test]
fn ctrl_q_closes_every_window_and_waits_for_the_answer_about_a_draft() {
    let (mut app, _acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (main, typed, blank) = three_windows(&mut app);
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(typed, compose::Message::Subject("Umowa".into())),
    );
    let first = support::app::send_closing(&mut app, &rt, Message::Input(main, Input::Quit));
    assert_eq!(first, vec![blank], "the blank window closes at once");
    assert!(asking(&app, typed), "the typed one asks whether to keep it");
    let next = closed(&mut app, &rt, &first);
    assert!(
        next.is_empty(),
        "the main window waits for the answer: {next:?}"
    );
    let kept = support::app::send_closing(
        &mut app,
        &rt,
        Message::Compose(typed, compose::Message::CloseKeep),
    );
    assert_eq!(kept, vec![typed]);
    let last = closed(&mut app, &rt, &kept);
    assert_eq!(last, vec![main], "then the main window, and Koperta ends");
    let drafts = app.store.drafts().0;
    assert!(
        drafts.iter().any(|(_, d)| d.subject == "Umowa"),
        "the typed draft is kept: {drafts:?}"
    );
}

#[test]
fn cancel_on_the_question_stops_ctrl_q() {
    let (mut app, _acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (main, typed, blank) = three_windows(&mut app);
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(typed, compose::Message::Subject("Umowa".into())),
    );
    let first = support::app::send_closing(&mut app, &rt, Message::Input(typed, Input::Quit));
    assert_eq!(first, vec![blank]);
    assert!(closed(&mut app, &rt, &first).is_empty());
    support::app::send(
        &mut app,
        &rt,
        Message::Compose(typed, compose::Message::CloseCancel),
    );
    assert!(!asking(&app, typed));
    // A window closed later is not taken for the rest of the quitting.
    let other = compose_window(&mut app, Draft::default());
    let gone = support::app::send_closing(&mut app, &rt, Message::Input(other, Input::CloseWindow));
    assert_eq!(gone, vec![other]);
    assert!(
        closed(&mut app, &rt, &gone).is_empty(),
        "the main window stays"
    );
    assert!(app.windows.contains_key(&main) && app.windows.contains_key(&typed));
}
