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
