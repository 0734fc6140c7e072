//! Where the keyboard focus goes when the control that had it is gone:
//! after a send fails, and after Undo brings a discarded draft back
//! (tryout 10 found it nowhere, so the next keys were lost).

use std::time::{Duration, Instant};

use super::support::peer::SmtpPeer;
use super::{desk, desk_with, drafts_when, turn, xdotool};

/// The server refuses the account's address at MAIL FROM: the send fails
/// and the window gives the text back to be edited, with the cursor in
/// the body where it was, so what is typed next is not lost.
#[test]
fn after_a_failed_send_the_keys_typed_go_back_into_the_text() {
    let _turn = turn();
    let desk = desk_with("en_US.UTF-8", |cert| {
        SmtpPeer::start_with_senders(cert, &["someone-else@example.com"])
    });
    let (s, display) = (&desk.s, &desk.display);
    let dir = s.k.dir();
    let bus = s.k.bus.as_deref().unwrap();
    let (mut app, main) = display.start_app(dir, bus, "en_US.UTF-8");
    let compose = display.open_compose(&main).expect("compose window");
    display.focus(&compose);
    std::thread::sleep(Duration::from_millis(500));
    let typed = |t: &str| xdotool(&display.name, &["type", "--delay", "20", t]);
    let key = |k: &str| xdotool(&display.name, &["key", k]);
    typed("jan@example.com");
    key("Return");
    typed("Refused");
    key("Tab");
    typed("First line");
    std::thread::sleep(Duration::from_millis(300));
    key("ctrl+Return");
    // The undo delay (5 s), the refusal, and the window back to editing.
    let started = Instant::now();
    loop {
        let state = koperta::ui::app::App::headless(koperta::paths::Paths::under(dir));
        if state
            .engine
            .entries()
            .iter()
            .any(|m| m.sidecar.state == koperta::outbox::State::Failed)
        {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the send never failed"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    std::thread::sleep(Duration::from_millis(1000));
    typed(" and more");
    std::thread::sleep(Duration::from_millis(300));
    key("ctrl+s");
    let drafts = drafts_when(dir, |d| d.iter().any(|(_, d)| d.body.contains("and more")));
    let _ = app.kill();
    let _ = app.wait();
    let bodies: Vec<&str> = drafts.iter().map(|(_, d)| d.body.as_str()).collect();
    assert!(
        bodies.iter().any(|b| b.starts_with("First line and more")),
        "{bodies:?}"
    );
}

/// A draft discarded from the list with Delete and brought back with
/// Ctrl+Z: its row has the focus again, so Enter opens it.
#[test]
fn after_undoing_a_discard_enter_opens_the_draft_brought_back() {
    let _turn = turn();
    let desk = desk("pl_PL.UTF-8");
    let (s, display) = (&desk.s, &desk.display);
    let dir = s.k.dir();
    let bus = s.k.bus.as_deref().unwrap();
    let store = koperta::store::Store::new(&koperta::paths::Paths::under(dir).data_dir);
    let draft = koperta::draft::Draft {
        to: "jan@example.com".into(),
        subject: "Wraca po cofnieciu".into(),
        body: "Tekst.".into(),
        ..koperta::draft::Draft::default()
    };
    store.save_draft("d1", &draft).unwrap();
    let (mut app, main) = display.start_app(dir, bus, "pl_PL.UTF-8");
    std::thread::sleep(Duration::from_millis(1500));
    display.focus(&main);
    let key = |k: &str| {
        xdotool(&display.name, &["key", k]);
        std::thread::sleep(Duration::from_millis(400));
    };
    // Drafts, its row focused; Delete asks, with Cancel focused; the
    // button before it discards.
    key("ctrl+2");
    key("Delete");
    key("shift+Tab");
    key("Return");
    std::thread::sleep(Duration::from_millis(800));
    let (left, _) = store.drafts();
    assert!(left.is_empty(), "discarded: {left:?}");
    key("ctrl+z");
    std::thread::sleep(Duration::from_millis(1200));
    key("Return");
    let window = display
        .other_window(&main, Duration::from_secs(10))
        .expect("Enter after Ctrl+Z opened no window");
    let title = xdotool(&display.name, &["getwindowname", &window]);
    let _ = app.kill();
    let _ = app.wait();
    assert!(title.contains("Wraca po cofnieciu"), "{title}");
}

/// Tryout 12 typed a known address, Tab, the subject, Tab and the text in
/// one fast burst: the address suggestion was still drawn when Tab came,
/// Tab put the focus on it, it went as the address was complete, and the
/// next keys were lost or went back into To. The suggestions are not in
/// the Tab order now (Up, Down and Enter choose them), and keep a slot of
/// their own in the widget tree.
#[test]
fn after_tab_from_a_known_address_the_next_keys_go_to_the_subject() {
    let _turn = turn();
    let desk = desk("en_US.UTF-8");
    let (s, display) = (&desk.s, &desk.display);
    let dir = s.k.dir();
    let bus = s.k.bus.as_deref().unwrap();
    let added = s.k.run(
        &["contacts", "add", "bob@example.org", "--name", "Bob Nowak"],
        b"",
    );
    assert!(added.status.success());
    let (mut app, main) = display.start_app(dir, bus, "en_US.UTF-8");
    let compose = display.open_compose(&main).expect("compose window");
    display.focus(&compose);
    std::thread::sleep(Duration::from_millis(800));
    let mut burst = std::process::Command::new("xdotool")
        .arg("-")
        .env("DISPLAY", &display.name)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("xdotool");
    {
        use std::io::Write;
        let mut stdin = burst.stdin.take().expect("stdin");
        stdin
            .write_all(
                b"type --delay 12 bob@example.org\nkey Tab\ntype --delay 12 \"Fast subject\"\nkey Tab\ntype --delay 12 Text\n",
            )
            .expect("the keys");
    }
    let _ = burst.wait();
    std::thread::sleep(Duration::from_millis(500));
    xdotool(&display.name, &["key", "ctrl+s"]);
    let drafts = drafts_when(dir, |d| d.iter().any(|(_, d)| d.body.contains("Text")));
    let _ = app.kill();
    let _ = app.wait();
    let (_, draft) = drafts
        .iter()
        .find(|(_, d)| d.body.contains("Text"))
        .unwrap_or_else(|| panic!("no draft with the text: {drafts:?}"));
    assert_eq!(
        draft.to.trim_end_matches([',', ' ']),
        "bob@example.org",
        "{draft:?}"
    );
    assert_eq!(draft.subject, "Fast subject", "{draft:?}");
    assert!(draft.body.starts_with("Text"), "{draft:?}");
}
