//! The app reads the store only in tasks: `update` returns at once, and
//! what it lists or opens arrives when the read is done.

use super::*;

fn compose_windows_on(app: &App, draft_id: &str) -> usize {
    app.windows
        .values()
        .filter(|s| matches!(s, Screen::Compose(c) if c.draft_id() == draft_id))
        .count()
}

/// Opening a saved draft: `update` reads nothing (no window yet); the task
/// reads the draft and its attachments' sizes, and a second Enter pressed
/// before the read finished opens no second window.
#[test]
fn opening_a_saved_draft_reads_it_off_the_ui_thread_with_its_attachment_sizes() {
    let (mut app, acc, home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let file = home.path().join("raport.pdf");
    std::fs::write(&file, vec![b'x'; 5000]).unwrap();
    let copy = app.store.attach_copy("d1", &file).unwrap();
    let draft = Draft {
        account: Some(acc.id.clone()),
        to: "jan@example.com".into(),
        body: "Treść szkicu.\n".into(),
        attachments: vec![copy.clone()],
        ..Draft::default()
    };
    app.store.save_draft("d1", &draft).unwrap();
    let open = || Message::Main(main_window::Message::OpenDraft("d1".into()));
    let first = app.update(open());
    let second = app.update(open());
    assert_eq!(compose_windows_on(&app, "d1"), 0, "nothing read in update");
    drive(&mut app, &rt, first);
    drive(&mut app, &rt, second);
    assert_eq!(compose_windows_on(&app, "d1"), 1, "one window on the draft");
    let w = window_of(&app, "d1");
    let Some(Screen::Compose(c)) = app.windows.get(&w) else {
        panic!("compose window")
    };
    assert_eq!(c.draft().body, "Treść szkicu.\n");
    assert_eq!(
        c.sizes().get(&copy),
        Some(&5000),
        "the size read in the task"
    );
}

/// Edit on an outbox message whose draft is gone: the message stays in the
/// outbox (it used to be taken out first, with nothing left to edit), and
/// the window says why nothing opens.
#[test]
fn editing_an_outbox_message_whose_draft_is_gone_keeps_the_message() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let draft = Draft {
        account: Some(acc.id.clone()),
        to: "jan@example.com".into(),
        subject: "Bez szkicu".into(),
        body: "Treść.\n".into(),
        ..Draft::default()
    };
    let queued = queue_far_off(&app, &acc, &draft, "gone");
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    support::app::send(
        &mut app,
        &rt,
        Message::Main(main_window::Message::Edit(queued.clone())),
    );
    assert!(app.engine.get(&queued).is_some(), "still in the outbox");
    assert!(
        app.store.outbox_has_files(&queued),
        "its files still on disk"
    );
    assert_eq!(compose_windows_on(&app, "gone"), 0);
    // Said, not silence (a tryout pressed Edit and nothing happened).
    assert_eq!(
        app.main.notice(),
        Some(
            "This message’s draft was discarded, so it cannot be edited: it can still be sent (Retry) or deleted."
        )
    );
}

/// Two reads of the store in flight: the older, arriving last, does not
/// replace what the newer one listed.
#[test]
fn an_older_reading_of_the_store_arriving_late_is_dropped() {
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let older = rt.block_on(support::app::outputs(app.reindex()));
    app.store
        .save_draft(
            "nowy",
            &Draft {
                account: Some(acc.id.clone()),
                subject: "Nowy".into(),
                ..Draft::default()
            },
        )
        .unwrap();
    let newer = rt.block_on(support::app::outputs(app.reindex()));
    for m in newer.into_iter().chain(older) {
        let _ = app.update(m);
    }
    assert_eq!(
        app.drafts.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["nowy"]
    );
}

/// A fifth tryout stopped a send at 100 %, and killed Koperta during
/// another's final reply; the outbox said of both that the connection was
/// lost. Each row now says why it may have been sent, as it happened.
#[test]
fn a_message_that_may_have_been_sent_says_why_as_it_happened() {
    use koperta::outbox::{Failure, Reason, State};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let acc = account();
    let settings = koperta::config::Settings::default();
    let accounts = [acc.clone()];
    let mut stopped = stored_message(
        &acc,
        "o1",
        "Zatrzymana",
        State::MaybeSent,
        1_796_130_000,
        1,
        None,
    );
    stopped.sidecar.failure = Some(Failure::new(Reason::CancelledAfterDot));
    let mut killed = stored_message(
        &acc,
        "o2",
        "Przerwana",
        State::MaybeSent,
        1_796_130_100,
        1,
        None,
    );
    killed.sidecar.failure = Some(Failure::new(Reason::Interrupted));
    let outbox = [stopped, killed];
    let main = main_window::State::on(main_window::Tab::Outbox);
    let mut ui = simulator(main_window::view(
        &main,
        shown(&settings, &accounts, &outbox),
    ));
    assert!(ui
        .find("You stopped the send after the whole message had gone out, before the server confirmed it, so it may have been sent. Check with the recipients before sending it again.")
        .is_ok());
    assert!(ui
        .find("Koperta was stopped while this message was going out, so it may have been sent. Check with the recipients before sending it again.")
        .is_ok());
    assert!(ui
        .find("This message may already have been sent: the connection was lost before the server confirmed it.")
        .is_err());
}

/// A fifth tryout's Drafts list showed "cc3@example.org,, sec@x.pl": a
/// trailing comma doubled, and a Bcc recipient as if in To. Entries are
/// tidied, and Cc and Bcc are labelled.
#[test]
fn a_draft_row_lists_to_then_labelled_cc_and_bcc_without_empty_entries() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::Pl);
    let (mut app, acc, _home) = app_with_account();
    let rt = tokio::runtime::Runtime::new().unwrap();
    app.store
        .save_draft(
            "d1",
            &Draft {
                account: Some(acc.id.clone()),
                to: "jan@example.com,".into(),
                cc: "cc3@example.org, ,".into(),
                bcc: "sec@x.pl".into(),
                ..Draft::default()
            },
        )
        .unwrap();
    let reread = app.refresh();
    drive(&mut app, &rt, reread);
    let settings = koperta::config::Settings::default();
    let main = main_window::State::on(main_window::Tab::Drafts);
    let mut ui = simulator(main_window::view(
        &main,
        main_window::Shown {
            drafts: &app.drafts,
            ..shown(&settings, &[], &[])
        },
    ));
    assert!(
        ui.find("jan@example.com · DW: cc3@example.org · UDW: sec@x.pl")
            .is_ok()
    );
}

/// Tryout 6 read "Fix the cause, then retry" under a send it had
/// stopped itself, and under one that may have been sent; and a 554
/// said "refused" twice.
#[test]
fn the_next_step_fits_the_failure() {
    use koperta::outbox::{Failure, Reason};
    use koperta::report::Localize;
    use koperta::report::outbox::next_step;
    let failure = |reason| Failure { reason, at: 0 };
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    assert_eq!(
        next_step(&failure(Reason::Cancelled)),
        "It waits in the outbox until you send it again."
    );
    for maybe in [Reason::CancelledAfterDot, Reason::Interrupted] {
        assert_eq!(
            next_step(&failure(maybe)),
            "If you send it again, Koperta asks you first."
        );
    }
    let refused = failure(Reason::Smtp {
        error: koperta::smtp::SmtpError::Permanent {
            code: 554,
            text: "5.7.1 spam".into(),
        },
        host: "smtp.example.com".into(),
    });
    let said = format!("{} {}", refused.localize(), next_step(&refused));
    assert_eq!(said.matches("refused").count(), 1, "{said}");
    i18n::apply(Language::Pl);
    assert_eq!(
        next_step(&failure(Reason::Cancelled)),
        "Czeka w skrzynce nadawczej, aż wyślesz ją ponownie."
    );
    assert!(
        failure(Reason::CancelledAfterDot)
            .localize()
            .contains("na Twoje polecenie")
    );
}

/// Tryout 6 closed a compose window at "Sending 100%" and was told the
/// message waited in the outbox and could still be changed there. The
/// toast now follows the message's state.
#[test]
fn closing_a_window_whose_message_is_going_says_it_is_going() {
    use koperta::outbox::State;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let acc = account();
    let said = |state| {
        let m = stored_message(&acc, "o1", "Raport", state, 1_796_130_000, 1, None);
        main_window::closed_while_queued(&m.sidecar)
    };
    i18n::apply(Language::En);
    assert_eq!(
        said(State::Sending {
            since: 1_796_130_001
        }),
        "The message “Raport” is being sent now; Outbox and Sent will show the result."
    );
    assert_eq!(
        said(State::Held {
            until: 1_796_130_010
        }),
        "The message “Raport” waits in the outbox and goes out by itself; open it there to change it."
    );
    i18n::apply(Language::Pl);
    assert_eq!(
        said(State::Sending {
            since: 1_796_130_001
        }),
        "Wiadomość „Raport” jest właśnie wysyłana; wynik zobaczysz w skrzynce nadawczej i w Wysłanych."
    );
}

/// Tryout 6 killed Koperta in a message's undo delay: at the next start
/// the Outbox said "Sending soon (can be undone)" with a time already
/// past, then sent it. A held message whose delay is over is said to be
/// waiting to be sent; one still in its delay says when it goes.
#[test]
fn a_held_message_whose_undo_delay_is_over_is_not_said_to_be_undoable() {
    use koperta::outbox::State;
    use koperta::report::outbox::state_line_relative;
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    let acc = account();
    let held = stored_message(
        &acc,
        "o1",
        "Raport",
        State::Held {
            until: 1_796_130_010,
        },
        1_796_130_000,
        1,
        None,
    );
    i18n::apply(Language::En);
    assert_eq!(
        state_line_relative(&held.sidecar, 1_796_130_500),
        "Waiting to be sent"
    );
    assert_eq!(
        state_line_relative(&held.sidecar, 1_796_130_005),
        "Sending soon (can be undone) · goes in 5 seconds"
    );
    i18n::apply(Language::Pl);
    assert_eq!(
        state_line_relative(&held.sidecar, 1_796_130_007),
        "Za chwilę zostanie wysłana (można cofnąć) · wyjdzie za 3 sekundy"
    );
}

/// Tryout 6 found a draft whose message waited in the outbox counted in
/// Drafts; leaving it out, tryout 9 saw a count of 2 beside four rows.
/// The count is of the rows listed, and such a row says it waits in the
/// outbox (the row stays: what was typed last is there to open after a
/// crash, D11).
#[test]
fn the_drafts_count_is_the_number_of_rows_listed() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let settings = koperta::config::Settings::default();
    let row = |id: &str, queued| main_window::DraftRow {
        account: None,
        id: id.into(),
        subject: format!("Szkic {id}"),
        to: String::new(),
        cc: String::new(),
        bcc: String::new(),
        saved_at: None,
        queued,
        open: false,
    };
    let drafts = [row("d1", false), row("d2", true), row("d3", false)];
    let main = main_window::State::on(main_window::Tab::Drafts);
    let mut ui = simulator(main_window::view(
        &main,
        main_window::Shown {
            drafts: &drafts,
            ..shown(&settings, &[], &[])
        },
    ));
    assert!(ui.find("3").is_ok(), "three rows, three drafts");
    assert!(ui.find("2").is_err(), "not two");
    assert!(ui.find("Szkic d2").is_ok(), "its row stays");
    assert!(
        ui.find("its message waits in the outbox").is_ok(),
        "and says so"
    );
}

/// Tryout 6 opened a message that may have been sent from the Outbox and
/// saw no warning until it pressed Send. The window says so at once.
#[test]
fn a_message_that_may_have_been_sent_says_so_when_opened() {
    use koperta::outbox::{Failure, Reason, State};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let acc = account();
    let accounts = [acc.clone()];
    let mut m = stored_message(&acc, "o1", "Może", State::MaybeSent, 1_796_130_000, 1, None);
    m.sidecar.failure = Some(Failure::new(Reason::Interrupted));
    let mut state = compose::State::new(
        "d1".into(),
        Draft {
            account: Some(acc.id.clone()),
            to: "jan@example.com".into(),
            subject: "Może".into(),
            ..Draft::default()
        },
    );
    state.tie_to(Some(&m));
    // Tryout 7: an edit made the warning vanish; it stays while the
    // message may have been sent.
    for edited in [false, true] {
        if edited {
            let _ = state.update(compose::Message::Subject("Może, poprawione".into()));
        }
        let mut ui = simulator(compose::view(
            &state,
            window::Id::unique(),
            &accounts,
            true,
            Vec::new(),
            None,
        ));
        assert!(ui
            .find("Koperta was stopped while this message was going out, so it may have been sent. Check with the recipients before sending it again.\nIf you send it again, Koperta asks you first.")
            .is_ok(), "edited: {edited}");
    }
}

/// Tryout 31: after its plaintext account was removed, a failed message
/// kept showing the old never-plaintext reason until Retry, and Retry then
/// advised "edit the message", which a message queued from the command
/// line cannot be. The row says the account is gone, and what can be done
/// with and without a draft.
#[test]
fn a_message_whose_account_was_removed_says_so_not_its_old_failure() {
    use koperta::outbox::{Failure, Reason, State};
    let _turn = LANGUAGE.lock().unwrap_or_else(|p| p.into_inner());
    i18n::apply(Language::En);
    let gone = account();
    let settings = koperta::config::Settings::default();
    let mut failed = stored_message(&gone, "o1", "Jawnie", State::Failed, 1_796_130_000, 1, None);
    failed.sidecar.failure = Some(Failure::new(Reason::Smtp {
        error: koperta::smtp::SmtpError::PlaintextForbidden,
        host: "localhost".into(),
    }));
    let outbox = [failed];
    let main = main_window::State::on(main_window::Tab::Outbox);
    let mut ui = simulator(main_window::view(&main, shown(&settings, &[], &outbox)));
    let said = koperta::t!("outbox-no-account");
    assert!(
        said.contains("queued from the command line has no draft"),
        "{said}"
    );
    assert!(ui.find(said.as_str()).is_ok(), "{said}");
    let old = koperta::t!("smtp-error-plaintext-forbidden");
    assert!(
        ui.find(old.as_str()).is_err(),
        "the old reason is not shown"
    );
}
