//! The outbox engine from the command line: `koperta send` queues first and
//! files in `sent/`; `koperta outbox list|retry|remove|run`; send later;
//! failures kept as data and translated when shown; damaged files refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::certs::TestCerts;
use support::peer::SmtpPeer;
use support::{Setup, send_simple, set_port, stderr, stdout, trusting};

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn outbox_dir(s: &Setup) -> PathBuf {
    s.k.dir().join("data/outbox")
}

fn sent_dir(s: &Setup) -> PathBuf {
    s.k.dir().join("data/sent")
}

/// A port nothing listens on.
fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// `koperta send --later WHEN` to jan@example.com with `subject`.
fn send_later(s: &Setup, subject: &str, when: &str) -> std::process::Output {
    s.k.run(
        &[
            "send",
            "--account",
            &s.id,
            "--to",
            "jan@example.com",
            "--subject",
            subject,
            "--later",
            when,
        ],
        b"",
    )
}

fn the_only_id(s: &Setup) -> String {
    let tomls = files(&outbox_dir(s), "toml");
    assert_eq!(tomls.len(), 1, "{tomls:?}");
    tomls[0].file_stem().unwrap().to_string_lossy().into_owned()
}

#[test]
fn send_files_the_message_in_sent_and_a_stopped_server_keeps_it_until_retry_delivers_it_once() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = trusting(peer.implicit_port, &certs, "en_US.UTF-8");
    let (out, _) = send_simple(&s);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(files(&sent_dir(&s), "eml").len(), 1);
    assert_eq!(files(&sent_dir(&s), "toml").len(), 1);
    assert!(files(&outbox_dir(&s), "eml").is_empty());
    assert!(files(&outbox_dir(&s), "toml").is_empty());
    // The copy in sent/ is the message the peer received, byte for byte.
    let sent = std::fs::read(&files(&sent_dir(&s), "eml")[0]).unwrap();
    assert_eq!(peer.received()[0].raw, sent);

    // The server is down: the message waits in the outbox with its reason.
    set_port(&s, closed_port());
    let (out, _) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("refuses connections"), "{err}");
    let id = the_only_id(&s);
    assert!(err.contains(&format!("outbox as {id}")), "{err}");
    let list = s.k.run(&["outbox", "list"], b"");
    assert!(list.status.success(), "{}", stderr(&list));
    let listed = stdout(&list);
    assert!(listed.contains(&id), "{listed}");
    assert!(listed.contains("Not sent"), "{listed}");
    assert!(listed.contains("jan@example.com"), "{listed}");
    assert!(listed.contains("zofia@example.com"), "{listed}");
    assert!(listed.contains("Attempts: 1"), "{listed}");
    assert!(listed.contains("refuses connections"), "{listed}");
    assert!(listed.contains("Not sent · next try "), "{listed}");

    // Back up: retry --all delivers it once, files it in sent/.
    set_port(&s, peer.implicit_port);
    let retry = s.k.run(&["outbox", "retry", "--all"], b"");
    assert!(retry.status.success(), "{}", stderr(&retry));
    assert_eq!(peer.received().len(), 2);
    assert!(files(&outbox_dir(&s), "toml").is_empty());
    assert_eq!(files(&sent_dir(&s), "eml").len(), 2);
    // Nothing left to send: a second run delivers nothing.
    let again = s.k.run(&["outbox", "run"], b"");
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("Nothing is due"),
        "{}",
        stdout(&again)
    );
    assert_eq!(peer.received().len(), 2, "delivered exactly once");
}

/// Queues a message with the server down, damages its `.eml` with
/// `damage`, and checks that a retry refuses it as damaged and that the
/// peer never receives it.
fn damaged_is_refused_and_never_sent(damage: impl Fn(&mut Vec<u8>)) {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = trusting(closed_port(), &certs, "pl_PL.UTF-8");
    let (out, _) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    let id = the_only_id(&s);
    let eml = outbox_dir(&s).join(format!("{id}.eml"));
    let mut bytes = std::fs::read(&eml).unwrap();
    damage(&mut bytes);
    std::fs::write(&eml, &bytes).unwrap();
    set_port(&s, peer.implicit_port);
    let retry = s.k.run(&["outbox", "retry", id.as_str()], b"");
    assert_eq!(retry.status.code(), Some(1));
    let err = stderr(&retry);
    assert!(
        err.contains("Plik wiadomości w skrzynce nadawczej zmienił się"),
        "{err}"
    );
    assert!(peer.received().is_empty(), "never sent as it is");
    // Refused for good: not offered a plain retry, kept for the person.
    let again = s.k.run(&["outbox", "retry", id.as_str()], b"");
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("odrzucił tę wiadomość na stałe"));
    assert!(peer.received().is_empty());
    let rm = s.k.run(&["outbox", "remove", id.as_str()], b"");
    assert!(rm.status.success(), "{}", stderr(&rm));
    assert!(files(&outbox_dir(&s), "toml").is_empty());
}

#[test]
fn a_truncated_queued_message_is_refused_as_damaged_and_never_sent() {
    damaged_is_refused_and_never_sent(|bytes| bytes.truncate(bytes.len() / 2));
}

/// The same size, one byte changed: found only as the file is streamed,
/// so the server has the whole body but never its final `.`.
#[test]
fn a_queued_message_changed_in_place_is_refused_before_its_end_and_never_delivered() {
    damaged_is_refused_and_never_sent(|bytes| {
        let at = bytes.len() - 5;
        bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
    });
}

/// "YYYY-MM-DD HH:MM" of Unix time `at`, in the local time of this machine
/// (as `date` shows it): what `--later` takes.
fn local_minute(at: u64) -> String {
    date(at, "+%Y-%m-%d %H:%M")
}

/// Unix time `at` as Koperta shows it in English ("3 December 2026,
/// 17:36"), told by `date`.
fn shown_minute(at: u64) -> String {
    date(at, "+%-d %B %Y, %H:%M")
}

fn date(at: u64, format: &str) -> String {
    let out = std::process::Command::new("date")
        .env("LC_ALL", "C")
        .args(["-d", &format!("@{at}"), format])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[test]
fn send_later_in_one_minute_goes_out_with_outbox_run_after_that_minute_and_not_before() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = trusting(peer.implicit_port, &certs, "en_US.UTF-8");
    // The next whole minute (at least 5 s away).
    let mut at = (now() / 60 + 1) * 60;
    if at - now() < 5 {
        at += 60;
    }
    let out = send_later(&s, "Później", &local_minute(at));
    let when = shown_minute(at);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&when), "{}", stdout(&out));
    assert!(peer.received().is_empty(), "queued, not sent");
    let list = stdout(&s.k.run(&["outbox", "list"], b""));
    assert!(list.contains("Scheduled") && list.contains(&when), "{list}");
    let before = s.k.run(&["outbox", "run"], b"");
    assert!(before.status.success(), "{}", stderr(&before));
    assert!(stdout(&before).contains("Nothing is due"));
    assert!(peer.received().is_empty(), "not before its time");
    while now() < at {
        std::thread::sleep(Duration::from_millis(250));
    }
    let after = s.k.run(&["outbox", "run"], b"");
    assert!(after.status.success(), "{}", stderr(&after));
    assert_eq!(peer.received().len(), 1);
    assert!(!stdout(&after).contains("late"), "{}", stdout(&after));
    // Dated at its time, not when it was queued (RFC 5322 §3.6.1).
    let raw = String::from_utf8_lossy(&peer.received()[0].raw).into_owned();
    let date = raw
        .lines()
        .find_map(|l| l.strip_prefix("Date: "))
        .expect("a Date header")
        .to_string();
    let dated = std::process::Command::new("date")
        .args(["-d", &date, "+%s"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&dated.stdout).trim(),
        at.to_string(),
        "Date: {date}"
    );

    // One that fell due while nothing ran is sent, and said to be late.
    let mut at = (now() / 60 + 2) * 60;
    if at - now() < 5 {
        at += 60;
    }
    let out = send_later(&s, "Spóźniona", &local_minute(at));
    assert!(out.status.success(), "{}", stderr(&out));
    let id = the_only_id(&s);
    let sidecar = outbox_dir(&s).join(format!("{id}.toml"));
    let text = std::fs::read_to_string(&sidecar).unwrap();
    let past = (now() - 600).to_string();
    let text = text
        .replace(&format!("at = {at}"), &format!("at = {past}"))
        .replace(
            &format!("scheduled_for = {at}"),
            &format!("scheduled_for = {past}"),
        );
    std::fs::write(&sidecar, text).unwrap();
    let late = s.k.run(&["outbox", "run"], b"");
    assert!(late.status.success(), "{}", stderr(&late));
    assert!(stdout(&late).contains("10 min late"), "{}", stdout(&late));
    assert_eq!(peer.received().len(), 2);
}

#[test]
fn a_language_switch_changes_the_text_of_every_stored_failure() {
    let certs = TestCerts::generate();
    // A SIZE limit the message with its attachment breaks.
    let peer = SmtpPeer::start_with_size(&certs.valid, 4000);
    let s = trusting(peer.implicit_port, &certs, "en_US.UTF-8");
    let out = support::send_with_attachment(&s, "Za duża", 8000);
    assert_eq!(out.status.code(), Some(1));
    // A second account with a wrong password: 535.
    let add = s.k.run(
        &[
            "account",
            "add",
            "--email",
            "drugi@example.com",
            "--host",
            "localhost",
            "--port",
            &peer.implicit_port.to_string(),
            "--username",
            support::TEST_USER,
            "--ca-file",
            &certs.ca.display().to_string(),
            "--password-stdin",
        ],
        b"wrong password\n",
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let second = stdout(&add).lines().last().unwrap().to_string();
    let out = s.k.run(
        &[
            "send",
            "--account",
            &second,
            "--to",
            "jan@example.com",
            "--subject",
            "Złe hasło",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(peer.received().is_empty());

    // The sidecars keep data, not sentences.
    for toml in files(&outbox_dir(&s), "toml") {
        let text = std::fs::read_to_string(toml).unwrap();
        assert!(text.contains("[failure"), "{text}");
        assert!(!text.contains("The server"), "{text}");
    }
    let english = stdout(&s.k.run(&["outbox", "list"], b""));
    let polish = stdout(&s.k.lang("pl_PL.UTF-8").run(&["outbox", "list"], b""));
    assert!(english.contains("535"), "{english}");
    assert!(polish.contains("535"), "{polish}");
    assert!(
        english.contains("Reason:") && english.contains("Not sent"),
        "{english}"
    );
    assert!(
        polish.contains("Przyczyna:") && polish.contains("Niewysłana"),
        "{polish}"
    );
    // Each reason is in the language of the listing, not of the failure.
    assert!(english.contains("accepts at most"), "{english}");
    assert!(
        english.contains("refused the user name or password"),
        "{english}"
    );
    assert!(polish.contains("przyjmuje najwyżej"), "{polish}");
    assert!(
        polish.contains("odrzucił nazwę użytkownika lub hasło"),
        "{polish}"
    );
    assert!(
        !polish.contains("Reason:") && !polish.contains("accepts"),
        "{polish}"
    );
}

#[test]
fn outbox_retry_asks_first_when_the_message_may_have_been_sent() {
    use support::proxy::{Fault, FaultProxy};
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let proxy = FaultProxy::start(Fault::DropAfterDot, peer.plain_port, &certs.valid);
    let s = trusting(proxy.port, &certs, "en_US.UTF-8");
    let (out, _) = send_simple(&s);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("may have been sent"),
        "{}",
        stderr(&out)
    );
    assert_eq!(peer.received().len(), 1, "it was in fact delivered");
    let id = the_only_id(&s);
    set_port(&s, peer.implicit_port);
    // Neither a run nor a plain retry sends it again without consent.
    let run = s.k.run(&["outbox", "run"], b"");
    assert!(
        stderr(&run).contains("may already have been sent"),
        "{}",
        stderr(&run)
    );
    let retry = s.k.run(&["outbox", "retry", id.as_str()], b"");
    assert_eq!(retry.status.code(), Some(1));
    assert!(stderr(&retry).contains("confirm"), "{}", stderr(&retry));
    assert_eq!(peer.received().len(), 1);
    let started = Instant::now();
    let yes = s.k.run(&["outbox", "retry", id.as_str(), "--yes"], b"");
    assert!(yes.status.success(), "{}", stderr(&yes));
    assert_eq!(
        peer.received().len(),
        2,
        "sent again because the person said so"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_later_time_that_does_not_exist_or_is_malformed_is_refused_and_nothing_is_queued() {
    let certs = TestCerts::generate();
    let s = trusting(closed_port(), &certs, "en_US.UTF-8");
    for (when, says) in [
        ("2027-02-30 10:00", "no such date or time"),
        ("jutro rano", "YYYY-MM-DD HH:MM"),
        ("2020-01-01 10:00", "has already passed"),
    ] {
        let out = send_later(&s, "x", when);
        assert_eq!(out.status.code(), Some(1), "{when}");
        assert!(stderr(&out).contains(says), "{when}: {}", stderr(&out));
    }
    assert!(files(&outbox_dir(&s), "toml").is_empty());
}

/// The engine, in this process, as the app drives it: a send is cancelled
/// once its first bytes are out.
#[test]
#[ignore = "run by the cancel tests, in a process of its own"]
fn cancel_inner() {
    use futures::StreamExt;
    use koperta::outbox::{Event, Outbox, Outcome, Reason, State};
    let Ok(home) = std::env::var("KOPERTA_HOME") else {
        return;
    };
    let id = std::env::var("KOPERTA_TEST_ID").unwrap();
    let paths = koperta::paths::Paths::under(Path::new(&home));
    let (file, problem) = koperta::config::ConfigFile::open(&paths.config_file());
    assert!(problem.is_none());
    let store = koperta::store::Store::new(&paths.data_dir);
    let (outbox, _) = Outbox::open(&store);
    // The Retry button: due now, not after its pause.
    outbox.retry(&id, false).unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let outcome = rt.block_on(async {
        let mut events = Box::pin(outbox.send(
            vec![id.clone()],
            file.config.accounts.clone(),
            file.config.settings.clone(),
            koperta::outbox::Environment::default(),
        ));
        // Cancelled as soon as it starts, or (`KOPERTA_TEST_CANCEL_AT=end`)
        // once the whole message and its final dot are out.
        let at_end = std::env::var("KOPERTA_TEST_CANCEL_AT").as_deref() == Ok("end");
        let mut cancelled = false;
        let mut total = u64::MAX;
        while let Some(e) = events.next().await {
            match e {
                Event::Started { total: t, .. } => total = t,
                Event::Progress { bytes, .. }
                    if bytes > 0 && !cancelled && (!at_end || bytes >= total) =>
                {
                    if at_end {
                        // The final dot follows the last byte.
                        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                    }
                    assert!(outbox.cancel(&id), "a send was running");
                    cancelled = true;
                }
                Event::Finished { outcome, .. } => return outcome,
                _ => {}
            }
        }
        panic!("no outcome")
    });
    let at_end = std::env::var("KOPERTA_TEST_CANCEL_AT").as_deref() == Ok("end");
    let (reason, state) = if at_end {
        (Reason::CancelledAfterDot, State::MaybeSent)
    } else {
        (Reason::Cancelled, State::Failed)
    };
    match outcome {
        Outcome::Failed(f) => assert_eq!(f.reason, reason),
        other => panic!("{other:?}"),
    }
    let entry = outbox.get(&id).unwrap();
    assert_eq!(entry.sidecar.state, state);
    assert_eq!(entry.sidecar.next_try, None, "waits for the person");
    assert!(!outbox.cancel(&id), "nothing runs any more");
}

/// Runs `cancel_inner` (the app's engine, cancelling message `id` at
/// `at`: "start" or "end") in a process of its own, as the app is one.
fn cancel_in_a_process_of_its_own(s: &Setup, id: &str, at: &str) {
    let inner = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "cancel_inner", "--ignored", "--nocapture"])
        .env("KOPERTA_HOME", s.k.dir())
        .env("KOPERTA_TEST_ID", id)
        .env("KOPERTA_TEST_CANCEL_AT", at)
        .env("DBUS_SESSION_BUS_ADDRESS", s.k.bus.clone().unwrap())
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&inner.stdout).to_string()
        + &String::from_utf8_lossy(&inner.stderr);
    assert!(
        inner.status.success() && text.contains("1 passed"),
        "{text}"
    );
}

/// A fifth tryout stopped a send at 100 %, while the server was slow to
/// answer, and read that the connection broke. The reason says the person
/// stopped it, and that it may have been sent (the server in fact took
/// it): a retry asks first.
#[test]
fn a_send_stopped_after_its_final_dot_may_have_been_sent_and_says_who_stopped_it() {
    use support::proxy::{Fault, FaultProxy};
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let proxy = FaultProxy::start(Fault::StallAfterDot, peer.plain_port, &certs.valid);
    let s = trusting(closed_port(), &certs, "en_US.UTF-8");
    let out = support::send_with_attachment(&s, "Zatrzymana na końcu", 64 << 10);
    assert_eq!(out.status.code(), Some(1), "queued, server away");
    let id = the_only_id(&s);
    set_port(&s, proxy.port);
    cancel_in_a_process_of_its_own(&s, &id, "end");
    assert_eq!(peer.received().len(), 1, "the server did take it");
    let list = s.k.run(&["outbox", "list"], b"");
    let listed = stdout(&list);
    assert!(
        listed.contains("You stopped the send after the whole message had gone out"),
        "{listed}"
    );
    assert!(!listed.contains("connection was lost"), "{listed}");
    // A plain retry asks first (and, without an answer, sends nothing).
    set_port(&s, peer.implicit_port);
    let retry = s.k.run(&["outbox", "retry", id.as_str()], b"");
    assert!(!retry.status.success());
    assert_eq!(peer.received().len(), 1, "not sent again");
}

#[test]
fn a_running_send_cancelled_before_its_end_delivers_nothing_and_waits_for_the_person() {
    use support::proxy::{Fault, FaultProxy};
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    // After 354 the proxy stops reading with a tiny receive window: the
    // 8 MiB message fills the socket buffers and the client waits to write
    // the rest, its final `.` far off.
    let proxy = FaultProxy::start(
        Fault::StallAfter354SmallWindow,
        peer.plain_port,
        &certs.valid,
    );
    let s = trusting(closed_port(), &certs, "en_US.UTF-8");
    let out = support::send_with_attachment(&s, "Do anulowania", 8 << 20);
    assert_eq!(out.status.code(), Some(1), "queued, server away");
    let id = the_only_id(&s);
    set_port(&s, proxy.port);
    cancel_in_a_process_of_its_own(&s, &id, "start");
    assert!(peer.received().is_empty(), "nothing delivered");
    // The person's list says so, and a plain retry then sends it once.
    set_port(&s, peer.implicit_port);
    let list = s.k.run(&["outbox", "list"], b"");
    assert!(
        stdout(&list).contains("You stopped the send"),
        "{}",
        stdout(&list)
    );
    let retry = s.k.run(&["outbox", "retry", id.as_str()], b"");
    assert!(retry.status.success(), "{}", stderr(&retry));
    assert_eq!(peer.received().len(), 1);
}

/// The account of `s` and its data store, for queueing as the app does.
fn account_and_store(s: &Setup) -> (koperta::account::Account, koperta::store::Store) {
    let config = koperta::config::load(&s.k.dir().join("config.toml")).unwrap();
    (
        config.accounts[0].clone(),
        koperta::store::Store::new(&s.k.dir().join("data")),
    )
}

/// Tryout 7 edited a message that may have been sent, kept the edit as a
/// draft, and retried the message from the Outbox: the older text went,
/// and the draft with the edit was deleted. A draft saved after its
/// message was queued now stays; only an untouched one goes with the
/// delivery.
#[test]
fn a_draft_edited_after_its_message_was_queued_stays_when_the_message_goes() {
    use koperta::draft::Draft;
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = trusting(peer.implicit_port, &certs, "en_US.UTF-8");
    let (account, store) = account_and_store(&s);
    let (outbox, _) = koperta::outbox::Outbox::open(&store);
    let queue = |draft_id: &str, body: &str| {
        let draft = Draft {
            account: Some(account.id.clone()),
            to: "jan@example.com".into(),
            subject: draft_id.into(),
            body: body.into(),
            ..Draft::default()
        };
        store.save_draft(draft_id, &draft).unwrap();
        outbox
            .queue(koperta::outbox::NewMessage {
                account: account.id.clone(),
                message: draft.build(&account, &Default::default()).unwrap(),
                draft: Some(draft_id.into()),
                draft_digest: Some(draft.digest()),
                subject: draft.subject.clone(),
                when: koperta::outbox::When::Now,
            })
            .unwrap();
        draft
    };
    let untouched = queue("untouched", "Stary tekst.");
    let edited = queue("edited", "Stary tekst.");
    std::thread::sleep(Duration::from_millis(20));
    // Saved again as it was, after the queueing (the app's save at Send
    // can land just after it): no edit, and tryout 8 was told of one.
    store.save_draft("untouched", &untouched).unwrap();
    store
        .save_draft(
            "edited",
            &Draft {
                body: "Stary tekst. Poprawiony.".into(),
                ..edited
            },
        )
        .unwrap();
    let run = s.k.run(&["outbox", "run"], b"");
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(peer.received().len(), 2, "both went");
    assert_eq!(store.draft("untouched").unwrap(), None, "done with");
    assert_eq!(
        store.draft("edited").unwrap().map(|d| d.body).as_deref(),
        Some("Stary tekst. Poprawiony."),
        "the edit is kept"
    );
}

/// Tryout 7 killed the app in a message's undo delay and read "The
/// outbox is empty" from `koperta outbox list`, and "Nothing is due" from
/// `outbox run`, with the message still on disk. A held message whose
/// delay is over is listed as waiting, and `outbox run` sends it once.
#[test]
fn a_message_held_by_an_app_that_died_is_listed_and_sent_by_outbox_run() {
    use koperta::draft::Draft;
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = trusting(peer.implicit_port, &certs, "en_US.UTF-8");
    let (account, store) = account_and_store(&s);
    {
        // The app's outbox, gone with its process after queueing.
        let (outbox, _) = koperta::outbox::Outbox::open(&store);
        let draft = Draft {
            account: Some(account.id.clone()),
            to: "jan@example.com".into(),
            subject: "Po awarii".into(),
            body: "Tekst.".into(),
            ..Draft::default()
        };
        outbox
            .queue(koperta::outbox::NewMessage {
                account: account.id.clone(),
                message: draft.build(&account, &Default::default()).unwrap(),
                draft: None,
                draft_digest: None,
                subject: draft.subject.clone(),
                when: koperta::outbox::When::After(Duration::from_secs(1)),
            })
            .unwrap();
    }
    let held = s.k.run(&["outbox", "list"], b"");
    assert!(stdout(&held).contains("Po awarii"), "{}", stdout(&held));
    std::thread::sleep(Duration::from_millis(2100));
    let list = s.k.run(&["outbox", "list"], b"");
    assert!(list.status.success(), "{}", stderr(&list));
    assert!(stdout(&list).contains("Po awarii"), "{}", stdout(&list));
    // No app is there to undo it (tryout 8 read "can be undone").
    assert!(
        stdout(&list).contains("Waiting to be sent"),
        "{}",
        stdout(&list)
    );
    assert!(
        !stdout(&list).contains("can be undone"),
        "{}",
        stdout(&list)
    );
    let run = s.k.run(&["outbox", "run"], b"");
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(peer.received().len(), 1, "sent once");
    let again = s.k.run(&["outbox", "run"], b"");
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(peer.received().len(), 1, "not twice");
}

/// `koperta drafts list` shows the drafts the app keeps, newest first,
/// with their subject (made safe) and recipients, in both languages;
/// `koperta drafts remove ID` deletes one, and says so when there is none
/// (tryout 11 found no way to see drafts from the command line).
#[test]
fn drafts_are_listed_newest_first_and_removed_from_the_command_line() {
    let mut k = support::Koperta::new();
    let store = koperta::store::Store::new(&k.dir().join("data"));
    let older = koperta::store::new_id();
    let newer = koperta::store::new_id();
    for (id, subject, to) in [
        (&older, "Stary szkic", ""),
        (
            &newer,
            "Nowy \u{1b}[31mszkic",
            "ola@example.com, jan@example.com",
        ),
    ] {
        let draft = koperta::draft::Draft {
            to: to.into(),
            subject: subject.into(),
            ..koperta::draft::Draft::default()
        };
        store.save_draft(id, &draft).unwrap();
    }
    // The older one saved an hour earlier.
    let file = std::fs::File::options()
        .write(true)
        .open(store.draft_dir(&older).join("draft.toml"))
        .unwrap();
    file.set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    let list = stdout(&k.run(&["drafts", "list"], b""));
    let first = list.find(newer.as_str()).expect("the newer draft");
    let second = list.find(older.as_str()).expect("the older draft");
    assert!(first < second, "newest first:\n{list}");
    assert!(list.contains("Nowy ␛[31mszkic"), "{list}");
    assert!(!list.contains('\u{1b}'), "{list}");
    assert!(
        list.contains("To: ola@example.com, jan@example.com"),
        "{list}"
    );
    assert!(list.contains("(no recipients yet)"), "{list}");
    k.lang = "pl_PL.UTF-8".into();
    let polish = stdout(&k.run(&["drafts", "list"], b""));
    assert!(polish.contains("(jeszcze bez odbiorców)"), "{polish}");
    k.lang = "en_US.UTF-8".into();

    let removed = k.run(&["drafts", "remove", older.as_str()], b"");
    assert!(removed.status.success());
    assert_eq!(stdout(&removed).trim(), format!("Draft {older} deleted."));
    assert!(!store.draft_dir(&older).exists());
    let again = k.run(&["drafts", "remove", older.as_str()], b"");
    assert!(!again.status.success());
    assert!(stderr(&again).contains(&format!("There is no draft {older}.")));
    assert_eq!(store.drafts().0.len(), 1, "the other stays");

    // Tryout 20: a draft open in the app was "deleted", then saved again
    // by its window. While a window holds it, it is refused and kept.
    let window = store.hold_draft(&newer).unwrap().expect("free");
    let refused = k.run(&["drafts", "remove", newer.as_str()], b"");
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("is open in a Koperta window"),
        "{}",
        stderr(&refused)
    );
    assert!(store.draft_dir(&newer).exists(), "nothing was removed");
    drop(window);
    let removed = k.run(&["drafts", "remove", newer.as_str()], b"");
    assert!(removed.status.success(), "{}", stderr(&removed));
    assert!(store.drafts().0.is_empty());
}

/// Sends SIGINT (Ctrl+C) to `child` once `ready` holds (checked every
/// 50 ms, for at most 20 s); its output.
fn interrupt_when(child: std::process::Child, ready: impl Fn() -> bool) -> std::process::Output {
    let started = std::time::Instant::now();
    while !ready() {
        assert!(started.elapsed() < Duration::from_secs(20), "never ready");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    child.wait_with_output().unwrap()
}

/// Tryout 13 stopped `koperta send` with Ctrl+C and the running app sent
/// the message ten seconds later: it was in the outbox already. Stopped
/// before its final `.`, the message is now taken out of the outbox and
/// nothing is delivered; stopped after it, it may have been sent, and is
/// kept so that nothing sends it again without asking.
#[test]
fn ctrl_c_during_send_takes_the_message_back_unless_it_may_have_gone() {
    use support::proxy::{Fault, FaultProxy};
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let silent = FaultProxy::start(Fault::NeverGreet, peer.plain_port, &certs.valid);
    let s = trusting(silent.port, &certs, "pl_PL.UTF-8");
    // Deadlines long enough that only the stop ends the send.
    let config = std::fs::read_to_string(s.k.config_path()).unwrap();
    std::fs::write(s.k.config_path(), config.replace(" = 2\n", " = 30\n")).unwrap();
    let body = s.k.dir().join("body.txt");
    std::fs::write(&body, "Treść, której nikt nie dostanie.\n").unwrap();
    let body = body.display().to_string();
    let args = [
        "send",
        "--account",
        &s.id,
        "--to",
        "jan@example.com",
        "--subject",
        "Przerwana",
        "--body-file",
        &body,
    ];
    let queued = || !files(&outbox_dir(&s), "toml").is_empty();
    let out = interrupt_when(s.k.spawn_piped(&args), queued);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("Przerwano przed wysłaniem: nic nie wyszło"),
        "{err}"
    );
    assert!(
        files(&outbox_dir(&s), "toml").is_empty(),
        "taken back: {err}"
    );
    assert!(peer.received().is_empty());

    // After the final `.`: the server has it; kept as maybe sent.
    let late = FaultProxy::start(Fault::StallAfterDot, peer.plain_port, &certs.valid);
    set_port(&s, late.port);
    let out = interrupt_when(s.k.spawn_piped(&args), || peer.received().len() == 1);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("mogła zostać wysłana"), "{err}");
    let id = the_only_id(&s);
    assert!(err.contains(&id), "{err}");
    let list = stdout(&s.k.run(&["outbox", "list"], b""));
    assert!(
        list.contains("Mogła zostać wysłana") || list.contains("mogła"),
        "{list}"
    );
    assert_eq!(peer.received().len(), 1, "delivered once, not again");
}
