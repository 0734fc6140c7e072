//! The store's unit tests: drafts, outbox and sent files on disk. Compiled
//! only for tests (`#[cfg(test)] mod tests;` in `store/mod.rs`).

use super::*;

#[test]
fn pipes_folders_and_huge_files_are_not_attached() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(&dir.path().join("data"));
    // A pipe with no writer: refused before opening (opening would wait).
    let fifo = dir.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    assert!(matches!(
        store.attach_copy("d1", &fifo),
        Err(StoreError::NotAFile { .. })
    ));
    assert!(matches!(
        store.attach_copy("d1", dir.path()),
        Err(StoreError::NotAFile { .. })
    ));
    // A sparse file just over the limit: refused without reading it.
    let big = dir.path().join("obraz.iso");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_ATTACHMENT_BYTES + 1)
        .unwrap();
    assert!(matches!(
        store.attach_copy("d1", &big),
        Err(StoreError::TooLarge { size, .. }) if size == MAX_ATTACHMENT_BYTES + 1
    ));
    // Nothing was left behind in the draft.
    let attachments = dir.path().join("data/drafts/d1/attachments");
    let left = std::fs::read_dir(&attachments)
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(left, 0);
}

#[test]
fn drafts_keep_every_field_exactly_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let draft = Draft {
        to: "Kowalski, Jan <jan@exa".into(),
        subject: "  zażółć \u{1F600} ".into(),
        body: "a\r\nb\n.\n".into(),
        ..Draft::default()
    };
    store.save_draft("d1", &draft).unwrap();
    let (drafts, bad) = store.drafts();
    assert!(bad.is_empty());
    assert_eq!(drafts, vec![("d1".to_string(), draft)]);
}

#[test]
fn attachment_copies_survive_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(&dir.path().join("data"));
    let original = dir.path().join("raport.pdf");
    std::fs::write(&original, b"%PDF").unwrap();
    let copy = store.attach_copy("d1", &original).unwrap();
    std::fs::remove_file(&original).unwrap();
    assert_eq!(std::fs::read(&copy).unwrap(), b"%PDF");
    let second = store.attach_copy("d1", &copy).unwrap();
    assert_ne!(copy, second);
}

#[test]
fn damaged_files_are_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::create_dir_all(dir.path().join("drafts/x")).unwrap();
    std::fs::write(
        dir.path().join("drafts/x/draft.toml"),
        b"to = \"unterminated",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("outbox")).unwrap();
    std::fs::write(dir.path().join("outbox/y.toml"), [0u8; 16]).unwrap();
    let (d, bad) = store.drafts();
    assert!(d.is_empty() && bad.len() == 1);
    let (o, bad) = store.outbox();
    assert!(o.is_empty() && bad.len() == 1);
    assert_eq!(
        std::fs::read(dir.path().join("outbox/y.toml")).unwrap(),
        [0u8; 16]
    );
}

#[test]
fn d26_copies_of_removed_attachments_go_and_new_ones_stay() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let a = dir.path().join("a.pdf");
    let b = dir.path().join("b.pdf");
    std::fs::write(&a, b"a").unwrap();
    std::fs::write(&b, b"b").unwrap();
    let kept = store.attach_copy("d1", &a).unwrap();
    let removed = store.attach_copy("d1", &b).unwrap();
    // A save that started before the copies were made deletes nothing.
    let long_ago = std::time::UNIX_EPOCH;
    assert_eq!(store.prune_attachments("d1", &[], long_ago), 0);
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(1);
    assert_eq!(
        store.prune_attachments("d1", std::slice::from_ref(&kept), later),
        1
    );
    assert!(kept.exists());
    assert!(!removed.exists(), "the removed one's copy is gone");
}

#[test]
fn outbox_round_trip_and_move_to_sent() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let sidecar = Sidecar {
        account: AccountId("a1".into()),
        subject: "Temat".into(),
        state: State::Failed,
        attempts: 1,
        failure: Some(Failure::new(Reason::Smtp {
            error: crate::smtp::SmtpError::Transient {
                code: 421,
                text: "4.3.2 try later".into(),
            },
            host: "smtp.example.com".into(),
        })),
        next_try: Some(1_800_000_000),
        envelope: Envelope {
            mail_from: "a@example.com".into(),
            rcpt_to: vec!["b@example.com".into(), "ukryty@example.net".into()],
            smtputf8: false,
        },
        ..Sidecar::default()
    };
    store
        .outbox_put("m1", b"Subject: Temat\r\n\r\nx\r\n", &sidecar)
        .unwrap();
    let (list, _) = store.outbox();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].sidecar, sidecar);
    store.mark_sent("m1").unwrap();
    assert!(store.outbox().0.is_empty());
    assert_eq!(store.sent().0.len(), 1);
}

/// A discarded draft leaves the list at once, comes back whole (text and
/// attachment copies) when undone, and is removed for good only by the
/// purge that follows the undo delay.
#[test]
fn a_discarded_draft_can_be_restored_until_it_is_purged() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(&dir.path().join("data"));
    let original = dir.path().join("raport.pdf");
    std::fs::write(&original, b"%PDF").unwrap();
    let copy = store.attach_copy("d1", &original).unwrap();
    let draft = Draft {
        subject: "Zażółć".into(),
        attachments: vec![copy.clone()],
        ..Draft::default()
    };
    store.save_draft("d1", &draft).unwrap();
    store.discard_draft("d1").unwrap();
    assert!(store.drafts().0.is_empty(), "gone from the drafts");
    // A purge of what was discarded before now-minus-a-minute keeps it.
    let a_minute_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    store.purge_discarded(a_minute_ago);
    store.restore_draft("d1").unwrap();
    assert_eq!(store.draft("d1").unwrap(), Some(draft));
    assert_eq!(std::fs::read(&copy).unwrap(), b"%PDF");
    // Discarded again and purged: gone for good, and undo says so.
    store.discard_draft("d1").unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(1);
    store.purge_discarded(later);
    assert!(store.restore_draft("d1").is_err());
    assert!(store.drafts().0.is_empty());
    assert!(!store.draft_dir("d1").exists());
}

#[test]
fn a_temporary_file_left_by_a_killed_writer_is_removed_once_it_is_old() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let outbox = dir.path().join("outbox");
    std::fs::create_dir_all(&outbox).unwrap();
    let old = outbox.join(".koperta-abc123.tmp");
    let fresh = outbox.join(".koperta-def456.tmp");
    std::fs::write(&old, b"half a message").unwrap();
    std::fs::write(&fresh, b"being written").unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    store.clean_outbox_leftovers();
    assert!(!old.exists(), "a writer killed an hour ago left it");
    // A live writer (the command line queueing now) may still be on it.
    assert!(fresh.exists());
}

#[test]
fn a_draft_left_open_by_a_process_that_died_is_found_once_and_one_held_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let draft = Draft {
        subject: "Otwarty".into(),
        ..Draft::default()
    };
    let (left, held, closed) = (new_id(), new_id(), new_id());
    for id in [&left, &held, &closed] {
        store.save_draft(id, &draft).unwrap();
    }
    // A window that closed gave its lock up; one of a process that died
    // left its file behind; one still open holds it.
    let lock = store.hold_draft(&closed).unwrap().unwrap();
    store.release_draft(&closed, lock);
    drop(store.hold_draft(&left).unwrap().unwrap());
    let window = store.hold_draft(&held).unwrap().unwrap();
    assert!(store.draft_is_open(&held).unwrap());
    assert!(!store.draft_is_open(&closed).unwrap());
    assert_eq!(store.drafts_left_open(), vec![left.clone()]);
    assert!(store.drafts_left_open().is_empty(), "told once");
    assert!(store.draft_is_open(&held).unwrap(), "still held");
    drop(window);
}
