//! The real windows under Xvfb: start `koperta`, wait for the main window,
//! open a compose window with the keyboard, and take screenshots in Polish
//! and English (into `target/screenshots/`, which the README shows).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod focus;
mod redraw;
mod signals;
#[path = "../support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::certs::TestCerts;
use support::peer::SmtpPeer;

/// One real GUI at a time: parallel apps, displays and xdotool runs on two
/// cores make timing-based steps flaky.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn turn() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner())
}

use support::display::Display;

fn xdotool(display: &str, args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .expect("xdotool");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn screenshot(display: &str, window: &str, path: &Path) {
    std::thread::sleep(Duration::from_millis(700));
    let status = Command::new("import")
        .args(["-window", window])
        .arg(path)
        .env("DISPLAY", display)
        .status()
        .expect("import (the test command installs imagemagick)");
    assert!(status.success());
    assert!(
        std::fs::metadata(path).unwrap().len() > 5_000,
        "{} is empty",
        path.display()
    );
}

fn shots_dir() -> PathBuf {
    let dir = support::manifest_dir().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn real_windows_open_and_are_photographed_in_polish_and_english() {
    let _turn = turn();
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    for (lang, locale, title) in [
        ("pl", "pl_PL.UTF-8", "Nowa wiadomość"),
        ("en", "en_US.UTF-8", "New message"),
    ] {
        let s = support::setup(
            peer.implicit_port,
            "implicit-tls",
            Some(("--ca-file", &certs.ca)),
            locale,
        );
        let display = Display::start();
        let started = Instant::now();
        let (mut app, main) = display.start_app(s.k.dir(), s.k.bus.as_deref().unwrap(), locale);
        eprintln!(
            "{lang}: main window mapped {:?} after launch",
            started.elapsed()
        );
        screenshot(
            &display.name,
            &main,
            &shots_dir().join(format!("{lang}-main.png")),
        );

        // Without a window manager nothing gives the window the keyboard:
        // focus it, then press Ctrl+N (again if the first press came
        // before the window was ready for input).
        let compose = display
            .open_compose(&main)
            .expect("Ctrl+N opens a compose window");
        let name = xdotool(&display.name, &["getwindowname", &compose]);
        assert!(name.starts_with(title), "{name}");
        display.focus(&compose);
        xdotool(
            &display.name,
            &["type", "--delay", "30", "Kowalski, Jan <jan@example.com>"],
        );
        std::thread::sleep(Duration::from_millis(400));
        // Ctrl+Shift+C unfolds Cc and puts the cursor there.
        xdotool(&display.name, &["key", "ctrl+shift+c"]);
        std::thread::sleep(Duration::from_millis(400));
        xdotool(&display.name, &["type", "--delay", "30", "zly@"]);
        screenshot(
            &display.name,
            &compose,
            &shots_dir().join(format!("{lang}-compose.png")),
        );
        let _ = app.kill();
        let _ = app.wait();
        let mut err = String::new();
        let _ = std::io::Read::read_to_string(app.stderr.as_mut().unwrap(), &mut err);
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn a_killed_app_offers_the_draft_back_with_its_attachment() {
    let _turn = turn();
    let Desk {
        peer: _peer,
        s,
        display,
    } = desk("en_US.UTF-8");
    let file = s.k.dir().join("raport.pdf");
    std::fs::write(&file, b"%PDF-1.4 raport").unwrap();
    let launch = || display.launch(s.k.dir(), s.k.bus.as_deref().unwrap(), "en_US.UTF-8");
    let mut app = launch();
    let main = display.wait_for_main(&mut app, launch);
    let compose = display.open_compose(&main).expect("compose window");
    display.focus(&compose);
    xdotool(
        &display.name,
        &["type", "--delay", "30", "anna@example.org"],
    );
    // Attach by typing the path into the attach field (To → Subject →
    // text → path, Cc and Bcc folded), then Enter.
    for _ in 0..3 {
        xdotool(&display.name, &["key", "Tab"]);
        std::thread::sleep(Duration::from_millis(400));
    }
    xdotool(
        &display.name,
        &["type", "--delay", "10", &file.display().to_string()],
    );
    xdotool(&display.name, &["key", "Return"]);
    std::thread::sleep(Duration::from_millis(2500));
    // SIGKILL: no close, no save on exit.
    app.kill().unwrap();
    app.wait().unwrap();
    std::fs::remove_file(&file).unwrap();

    let state = koperta::ui::app::App::headless(koperta::paths::Paths::under(s.k.dir()));
    assert_eq!(state.drafts.len(), 1, "the draft is offered back");
    let (drafts, _) = state.store.drafts();
    assert_eq!(drafts[0].1.to, "anna@example.org");
    assert_eq!(
        std::fs::read(&drafts[0].1.attachments[0]).unwrap(),
        b"%PDF-1.4 raport"
    );

    // (The main window's list of kept drafts is drawn from exactly this
    // state; the screenshot test shows the window itself.)
}

/// An account (implicit TLS, the test CA) whose server is the SMTP peer, in
/// a keyring session, and an X display to run the app on.
struct Desk {
    peer: SmtpPeer,
    s: support::Setup,
    display: Display,
}

/// The drafts saved under `dir`, once `done` says they are as expected or
/// after 15 s (then as they are, for the test's own assertions). A fixed
/// pause after Ctrl+S was too short on a loaded CI machine.
fn drafts_when(
    dir: &Path,
    done: impl Fn(&[(String, koperta::draft::Draft)]) -> bool,
) -> Vec<(String, koperta::draft::Draft)> {
    let started = Instant::now();
    loop {
        let state = koperta::ui::app::App::headless(koperta::paths::Paths::under(dir));
        let (drafts, _) = state.store.drafts();
        if done(&drafts) || started.elapsed() > Duration::from_secs(15) {
            return drafts;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn desk(locale: &str) -> Desk {
    desk_with(locale, SmtpPeer::start)
}

/// [`desk`] with the peer `start` makes from the server certificate.
fn desk_with(locale: &str, start: impl FnOnce(&support::certs::CertFiles) -> SmtpPeer) -> Desk {
    let certs = TestCerts::generate();
    let peer = start(&certs.valid);
    // The account keeps the CA's text; the files may go.
    let s = support::setup(
        peer.implicit_port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        locale,
    );
    Desk {
        peer,
        s,
        display: Display::start(),
    }
}

/// Types `text`: ASCII with xdotool, anything else pasted from the
/// clipboard (xclip + Ctrl+V), since xdotool under Xvfb maps letters missing
/// from the keymap (ą, Ż, …) onto spare keys and loses some of them.
fn type_text(display: &str, text: &str) {
    if text.is_ascii() {
        let out = Command::new("xdotool")
            .args(["type", "--delay", "40", text])
            .env("DISPLAY", display)
            .output()
            .expect("xdotool");
        assert!(out.status.success());
    } else {
        let mut xclip = Command::new("xclip")
            .args(["-selection", "clipboard"])
            .env("DISPLAY", display)
            .stdin(Stdio::piped())
            .spawn()
            .expect("xclip (the test command installs it)");
        std::io::Write::write_all(&mut xclip.stdin.take().unwrap(), text.as_bytes()).unwrap();
        let _ = xclip.wait();
        std::thread::sleep(Duration::from_millis(200));
        xdotool(display, &["key", "ctrl+v"]);
    }
    std::thread::sleep(Duration::from_millis(400));
}

#[test]
fn d03_a_new_person_sets_up_an_account_by_hand_and_sends_with_the_keyboard_alone() {
    let _turn = turn();
    use support::keyring::{KeyringMode, KeyringSession};
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let home = tempfile::tempdir().unwrap();
    let files = home.path();
    std::fs::write(files.join("a.pdf"), b"%PDF-1.4 a").unwrap();
    std::fs::write(files.join("b.csv"), b"a,b\n1,2\n").unwrap();
    let display = Display::start();
    let (mut app, main) = display.start_app(home.path(), &keyring.bus, "pl_PL.UTF-8");
    std::thread::sleep(Duration::from_millis(1500));
    display.focus(&main);
    std::thread::sleep(Duration::from_millis(500));
    // No pointer from here on. At first start the focus is on "Dodaj
    // konto": Enter opens the wizard, with the cursor in the name field.
    let key = |k: &str| {
        xdotool(&display.name, &["key", k]);
        std::thread::sleep(Duration::from_millis(400));
    };
    key("Return");
    type_text(&display.name, "Zofia Żółkiewska");
    key("Tab");
    type_text(&display.name, "zofia@example.com");
    // Name → address → "Znajdź mój serwer" → "Skonfiguruj ręcznie".
    key("Tab");
    key("Tab");
    key("Return");
    // The form keeps the name and address; the cursor waits in the host.
    type_text(&display.name, "localhost");
    // Host → security (implicit TLS already) → port.
    key("Tab");
    key("Tab");
    key("ctrl+a");
    type_text(&display.name, &peer.implicit_port.to_string());
    key("Tab");
    type_text(&display.name, support::TEST_USER);
    key("Tab");
    type_text(&display.name, support::TEST_PASSWORD);
    key("Tab");
    type_text(&display.name, &certs.ca.display().to_string());
    // Enter in a field is "Zapisz": it signs in first, then saves.
    key("Return");
    std::thread::sleep(Duration::from_secs(3));
    screenshot(
        &display.name,
        &main,
        &shots_dir().join("pl-account-added.png"),
    );
    let config = std::fs::read_to_string(home.path().join("config.toml")).unwrap_or_default();
    assert!(
        config.contains("zofia@example.com"),
        "account not saved: {config}"
    );
    let id = config
        .lines()
        .find_map(|l| l.strip_prefix("id = \""))
        .map(|l| l.trim_end_matches('"').to_string())
        .unwrap();
    assert_eq!(
        keyring.lookup("koperta", &id).as_deref(),
        Some(support::TEST_PASSWORD)
    );

    // Keyboard alone: Ctrl+N, typing, Tab, Ctrl+Enter.
    let compose = display.open_compose(&main).expect("compose window");
    display.focus(&compose);
    type_text(&display.name, "Kowalski, Jan <jan@example.com>");
    // Cc and Bcc are folded: Tab goes to Subject, the text, the path field.
    xdotool(&display.name, &["key", "Tab"]);
    std::thread::sleep(Duration::from_millis(400));
    type_text(&display.name, "Sprawozdanie — zażółć gęślą jaźń");
    xdotool(&display.name, &["key", "Tab"]);
    std::thread::sleep(Duration::from_millis(400));
    type_text(&display.name, "Dzień dobry, w załączeniu dwa pliki.");
    xdotool(&display.name, &["key", "Tab"]);
    std::thread::sleep(Duration::from_millis(400));
    // The cursor stays in the path field after each file.
    for name in ["a.pdf", "b.csv"] {
        type_text(&display.name, &files.join(name).display().to_string());
        xdotool(&display.name, &["key", "Return"]);
        std::thread::sleep(Duration::from_millis(800));
    }
    screenshot(
        &display.name,
        &compose,
        &shots_dir().join("pl-compose-ready.png"),
    );
    display.focus(&compose);
    xdotool(&display.name, &["key", "ctrl+Return"]);
    let started = Instant::now();
    while peer.received().is_empty() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = app.kill();
    let _ = app.wait();
    let got = peer.received();
    assert_eq!(got.len(), 1, "delivered");
    assert_eq!(got[0].listener, "implicit");
    let p = support::parse_mail(&got[0].path);
    assert_eq!(p["subject"], "Sprawozdanie — zażółć gęślą jaźń");
    assert_eq!(p["to"][0]["name"], "Kowalski, Jan");
    assert_eq!(p["from"][0]["name"], "Zofia Żółkiewska");
    assert!(
        p["body"]
            .as_str()
            .unwrap()
            .starts_with("Dzień dobry, w załączeniu dwa pliki."),
        "{}",
        p["body"]
    );
    let att: Vec<&str> = p["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["filename"].as_str().unwrap())
        .collect();
    assert_eq!(att, ["a.pdf", "b.csv"]);
}

#[test]
fn tab_in_one_real_window_leaves_the_other_alone_and_ctrl_enter_adds_no_line() {
    let _turn = turn();
    let Desk { peer, s, display } = desk("en_US.UTF-8");
    let (mut app, main) = display.start_app(s.k.dir(), s.k.bus.as_deref().unwrap(), "en_US.UTF-8");
    let a = display.open_compose(&main).expect("first compose window");
    // The second: a window that is neither of the first two.
    let mut b = None;
    for _ in 0..5 {
        display.focus(&main);
        std::thread::sleep(Duration::from_millis(300));
        xdotool(&display.name, &["key", "ctrl+n"]);
        std::thread::sleep(Duration::from_millis(1500));
        b = xdotool(&display.name, &["search", "--name", "Koperta"])
            .lines()
            .find(|w| *w != main && *w != a)
            .map(str::to_string);
        if b.is_some() {
            break;
        }
    }
    let b = b.expect("second compose window");
    // B: start typing the recipient.
    display.focus(&b);
    std::thread::sleep(Duration::from_millis(300));
    type_text(&display.name, "jan@example.co");
    // A: Tab twice.
    display.focus(&a);
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..2 {
        xdotool(&display.name, &["key", "Tab"]);
        std::thread::sleep(Duration::from_millis(400));
    }
    // Back in B, typing goes on where it was.
    display.focus(&b);
    std::thread::sleep(Duration::from_millis(300));
    type_text(&display.name, "m");
    // To → Subject (Cc and Bcc folded).
    xdotool(&display.name, &["key", "Tab"]);
    std::thread::sleep(Duration::from_millis(400));
    type_text(&display.name, "Bez nowej linii");
    xdotool(&display.name, &["key", "Tab"]);
    std::thread::sleep(Duration::from_millis(400));
    type_text(&display.name, "Hello world");
    // The caret inside the text, then Ctrl+Enter.
    for _ in 0..6 {
        xdotool(&display.name, &["key", "Left"]);
    }
    std::thread::sleep(Duration::from_millis(300));
    xdotool(&display.name, &["key", "ctrl+Return"]);
    let started = Instant::now();
    while peer.received().is_empty() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = app.kill();
    let _ = app.wait();
    let got = peer.received();
    assert_eq!(got.len(), 1, "B sent its message");
    assert_eq!(
        got[0].rcpt_tos,
        ["jan@example.com"],
        "no keystroke lost in B"
    );
    let p = support::parse_mail(&got[0].path);
    assert_eq!(p["subject"], "Bez nowej linii");
    assert_eq!(
        p["body"].as_str().unwrap().trim_end(),
        "Hello world",
        "Ctrl+Enter added no line break"
    );
}

/// Waits for `child` to end, up to `limit`; its status.
fn wait_exit(child: &mut std::process::Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn a_mailto_link_opens_a_filled_compose_window_in_the_running_app() {
    let _turn = turn();
    let Desk { peer, s, display } = desk("pl_PL.UTF-8");
    let bus = s.k.bus.clone().unwrap();
    let mut first = display.launch(s.k.dir(), &bus, "pl_PL.UTF-8");
    let main = display.wait_for_main(&mut first, || {
        display.launch(s.k.dir(), &bus, "pl_PL.UTF-8")
    });
    std::thread::sleep(Duration::from_millis(800));
    // A second launch with a link: it hands the link over and ends.
    let uri = "mailto:jan@example.com,anna@example.org?cc=zofia@example.pl\
               &subject=Dzie%C5%84%20dobry&body=Za%C5%BC%C3%B3%C5%82%C4%87%0D%0Ag%C4%99%C5%9Bl%C4%85\
               &attach=%2Fetc%2Fpasswd";
    let mut second = display.launch_with(s.k.dir(), &bus, "pl_PL.UTF-8", &[uri]);
    let status = wait_exit(&mut second, Duration::from_secs(10)).expect("second launch ends");
    assert!(status.success());
    let compose = display
        // (xdotool matches names byte by byte: no non-ASCII in the pattern)
        .wait_for_window(" dobry .* Koperta$", Duration::from_secs(10))
        .expect("a compose window named after the subject, in the first process");
    std::thread::sleep(Duration::from_millis(1500));
    screenshot(&display.name, &compose, &shots_dir().join("pl-mailto.png"));
    // Nothing was sent; the window holds the link's fields (kept as a draft).
    assert!(peer.received().is_empty());
    let started = Instant::now();
    let draft = loop {
        let (drafts, _) = koperta::store::Store::new(&s.k.dir().join("data")).drafts();
        if let Some((_, d)) = drafts.into_iter().next() {
            break d;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "draft saved");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(draft.to, "jan@example.com,anna@example.org");
    assert_eq!(draft.cc, "zofia@example.pl");
    assert_eq!(draft.subject, "Dzień dobry");
    assert_eq!(draft.body, "Zażółć\ngęślą");
    assert!(draft.attachments.is_empty(), "attach= is ignored");

    // Another data directory is another app: no hand-off.
    let other_home = tempfile::tempdir().unwrap();
    let mut other = display.launch(other_home.path(), &bus, "pl_PL.UTF-8");
    std::thread::sleep(Duration::from_secs(3));
    assert!(
        matches!(other.try_wait(), Ok(None)),
        "a second home runs its own app"
    );
    let mains = xdotool(&display.name, &["search", "--name", "^Koperta$"]);
    assert_eq!(mains.lines().count(), 2, "two main windows: {mains}");
    let _ = other.kill();
    let _ = other.wait();
    let _ = first.kill();
    let _ = first.wait();
    let _ = main;
}

#[test]
fn two_launches_on_one_data_dir_deliver_a_queued_message_exactly_once() {
    let _turn = turn();
    let Desk { peer, s, display } = desk("en_US.UTF-8");
    // One message waits in the outbox after a transient failure.
    let file = koperta::config::ConfigFile::open(&s.k.config_path()).0;
    let account = file.config.accounts[0].clone();
    let draft = koperta::draft::Draft {
        account: Some(account.id.clone()),
        to: "jan@example.com".into(),
        subject: "Raz".into(),
        body: "Tylko raz.\n".into(),
        ..koperta::draft::Draft::default()
    };
    let built = draft
        .build(&account, &koperta::draft::BuildOptions::default())
        .unwrap();
    let sidecar = koperta::store::Sidecar {
        account: account.id.clone(),
        envelope: built.envelope.clone(),
        subject: "Raz".into(),
        attempts: 1,
        last_error: Some("421 try later".into()),
        transient: true,
        ..koperta::store::Sidecar::default()
    };
    koperta::store::Store::new(&s.k.dir().join("data"))
        .outbox_put(
            &koperta::store::new_id(),
            &built.formatted().unwrap(),
            &sidecar,
        )
        .unwrap();
    let bus = s.k.bus.clone().unwrap();
    // Both start at once.
    let mut a = display.launch(s.k.dir(), &bus, "en_US.UTF-8");
    let mut b = display.launch(s.k.dir(), &bus, "en_US.UTF-8");
    let started = Instant::now();
    while peer.received().is_empty() && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(200));
    }
    // Time for a second delivery, were there one.
    std::thread::sleep(Duration::from_secs(4));
    let (a_status, b_status) = (a.try_wait().ok().flatten(), b.try_wait().ok().flatten());
    let _ = a.kill();
    let _ = b.kill();
    let _ = a.wait();
    let _ = b.wait();
    let stderr = |c: &mut std::process::Child| {
        let mut text = String::new();
        if let Some(mut e) = c.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut text);
        }
        text
    };
    let said = format!(
        "a: {:?} {}\nb: {:?} {}",
        a_status,
        stderr(&mut a),
        b_status,
        stderr(&mut b)
    );
    assert_eq!(peer.received().len(), 1, "delivered exactly once\n{said}");
    assert!(
        a_status.is_some() != b_status.is_some(),
        "one process handed over and ended, the other runs: {a_status:?} {b_status:?}"
    );
}

/// Without a display iced panicked inside its event loop; the app now says
/// so in the person's language and ends.
#[test]
fn without_a_display_the_app_says_so_and_never_panics() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_koperta"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("KOPERTA_HOME", home.path())
        .env("LANG", "pl_PL.UTF-8")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("brak ekranu"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // A display that is named but does not answer (no X server on :987).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_koperta"))
        .env("DISPLAY", ":987")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("KOPERTA_HOME", home.path())
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("the display :987 does not answer"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // A display over TCP on loopback that nothing serves: only the
    // toolkit can try it, and its failure is said the same way (iced
    // panicked with a backtrace there).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_koperta"))
        .env("DISPLAY", "127.0.0.1:987")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("KOPERTA_HOME", home.path())
        .env("LANG", "pl_PL.UTF-8")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("ekran 127.0.0.1:987 nie odpowiada"), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
}

/// Done-when 2's second half: a saved draft, reopened and closed unchanged
/// with the keyboard alone (Ctrl+2, Enter on its row, Ctrl+W), is
/// still there and still listed (D1).
#[test]
fn d01_a_reopened_draft_closed_unchanged_with_the_keyboard_is_still_listed() {
    let _turn = turn();
    let Desk {
        peer: _peer,
        s,
        display,
    } = desk("pl_PL.UTF-8");
    let store = koperta::store::Store::new(&koperta::paths::Paths::under(s.k.dir()).data_dir);
    let draft = koperta::draft::Draft {
        to: "jan@example.com".into(),
        subject: "Zostaję na liście".into(),
        body: "Treść, której nie wolno zgubić.".into(),
        ..koperta::draft::Draft::default()
    };
    store.save_draft("d1", &draft).unwrap();
    let (mut app, main) = display.start_app(s.k.dir(), s.k.bus.as_deref().unwrap(), "pl_PL.UTF-8");
    std::thread::sleep(Duration::from_millis(1500));
    display.focus(&main);
    std::thread::sleep(Duration::from_millis(300));
    let key = |k: &str| {
        xdotool(&display.name, &["key", k]);
        std::thread::sleep(Duration::from_millis(300));
    };
    // Drafts: its first row takes the focus at once (a tryout needed
    // six Tabs to reach it).
    key("ctrl+2");
    screenshot(
        &display.name,
        &main,
        &shots_dir().join("pl-drafts-row-focused.png"),
    );
    key("Return");
    let compose = display
        .other_window(&main, Duration::from_secs(10))
        .expect("Enter on the row opened no window");
    std::thread::sleep(Duration::from_millis(800));
    display.focus(&compose);
    std::thread::sleep(Duration::from_millis(300));
    key("ctrl+w");
    let started = Instant::now();
    while xdotool(&display.name, &["search", "--name", "Koperta"])
        .lines()
        .any(|w| w == compose)
    {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "Ctrl+W did not close the window"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(800));
    screenshot(&display.name, &main, &shots_dir().join("pl-draft-kept.png"));
    let _ = app.kill();
    let _ = app.wait();
    let state = koperta::ui::app::App::headless(koperta::paths::Paths::under(s.k.dir()));
    assert_eq!(state.drafts.len(), 1, "still listed");
    let (drafts, _) = state.store.drafts();
    assert_eq!(drafts[0].1.subject, "Zostaję na liście");
    assert_eq!(drafts[0].1.body, "Treść, której nie wolno zgubić.");
}

/// A tryout typed quickly after Tab and saw the first letters land in the
/// field just left ("Annaan", "na@gmail.com"): Tab is now moved by the
/// window's root while the key is handled, so nothing typed right after
/// it goes astray.
#[test]
fn keys_typed_right_after_tab_or_enter_go_to_the_next_field() {
    let _turn = turn();
    let Desk {
        peer: _peer,
        s,
        display,
    } = desk("en_US.UTF-8");
    let (mut app, main) = display.start_app(s.k.dir(), s.k.bus.as_deref().unwrap(), "en_US.UTF-8");
    let compose = display.open_compose(&main).expect("compose window");
    display.focus(&compose);
    std::thread::sleep(Duration::from_millis(500));
    // No pause between a Tab (or an Enter, which moves on from To) and
    // the keys after it: a tryout's fast typing put "Cz" of the subject
    // into To after Enter.
    for (text, then) in [
        ("jan@example.com", Some("Return")),
        ("Quick subject", Some("Tab")),
        ("Quick text", None),
    ] {
        xdotool(&display.name, &["type", "--delay", "5", text]);
        if let Some(k) = then {
            xdotool(&display.name, &["key", k]);
        }
    }
    std::thread::sleep(Duration::from_millis(300));
    xdotool(&display.name, &["key", "ctrl+s"]);
    let drafts = drafts_when(s.k.dir(), |d| {
        d.len() == 1 && d[0].1.body.starts_with("Quick text")
    });
    let _ = app.kill();
    let _ = app.wait();
    assert_eq!(drafts.len(), 1);
    let d = &drafts[0].1;
    assert_eq!(
        (d.to.as_str(), d.subject.as_str()),
        ("jan@example.com", "Quick subject")
    );
    assert!(d.body.starts_with("Quick text"), "{:?}", d.body);
}

/// A tryout pressed Space on a focused attachment's Remove and typed at
/// once: the first letters went nowhere (the focused button was gone and
/// the focus had not moved yet). Keys typed then go to the path field,
/// the window's own choice, while the key is handled.
#[test]
fn keys_typed_right_after_removing_an_attachment_reach_the_path_field() {
    let _turn = turn();
    let Desk {
        peer: _peer,
        s,
        display,
    } = desk("en_US.UTF-8");
    let dir = s.k.dir();
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(dir.join(name), name.as_bytes()).unwrap();
    }
    let (mut app, main) = display.start_app(dir, s.k.bus.as_deref().unwrap(), "en_US.UTF-8");
    let compose = display.open_compose(&main).expect("compose window");
    display.focus(&compose);
    std::thread::sleep(Duration::from_millis(500));
    let key = |k: &str| xdotool(&display.name, &["key", k]);
    let typed = |t: &str| xdotool(&display.name, &["type", "--delay", "5", t]);
    // To, then Tab over Subject and the text to the path field, and two
    // files by path (the focus stays in the field for the next).
    typed("jan@example.com");
    for _ in 0..3 {
        key("Tab");
    }
    for name in ["a.txt", "b.txt"] {
        typed(&dir.join(name).display().to_string());
        key("Return");
        std::thread::sleep(Duration::from_millis(800));
    }
    // Back to the last Remove, press it, and type the next path at once.
    key("shift+Tab");
    std::thread::sleep(Duration::from_millis(300));
    // One xdotool run: no process start between the Space and the keys.
    let next = dir.join("c.txt").display().to_string();
    xdotool(
        &display.name,
        &["key", "space", "type", "--delay", "5", &next],
    );
    key("Return");
    std::thread::sleep(Duration::from_millis(1500));
    key("ctrl+s");
    let drafts = drafts_when(dir, |d| d.len() == 1 && d[0].1.attachments.len() == 2);
    let _ = app.kill();
    let _ = app.wait();
    assert_eq!(drafts.len(), 1);
    let names: Vec<String> = drafts[0]
        .1
        .attachments
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(names, ["a.txt", "c.txt"], "b removed, c attached whole");
}

/// A fourth tryout typed fast in a real window: the Bcc address typed
/// right after Ctrl+Shift+B landed in Cc, and of several paths attached
/// with Enter in quick succession one was dropped and the order mixed.
/// One xdotool run each, no pauses.
#[test]
fn fast_typing_after_ctrl_shift_b_and_several_paths_lose_nothing() {
    let _turn = turn();
    let Desk {
        peer: _peer,
        s,
        display,
    } = desk("en_US.UTF-8");
    let dir = s.k.dir();
    let names = ["c.txt", "a.txt", "d.txt", "b.txt"];
    for name in names {
        std::fs::write(dir.join(name), name.as_bytes()).unwrap();
    }
    let (mut app, main) = display.start_app(dir, s.k.bus.as_deref().unwrap(), "en_US.UTF-8");
    let compose = display.open_compose(&main).expect("compose window");
    display.focus(&compose);
    std::thread::sleep(Duration::from_millis(500));
    // One xdotool run of keys (its `type` takes every argument after it).
    let keys = |parts: &[&str]| {
        let mut run = vec!["key".to_string(), "--delay".into(), "5".into()];
        for part in parts {
            match *part {
                "ctrl+shift+c" | "ctrl+shift+b" | "Return" => run.push(part.to_string()),
                text => run.extend(text.chars().map(keysym)),
            }
        }
        xdotool(
            &display.name,
            &run.iter().map(String::as_str).collect::<Vec<_>>(),
        );
    };
    keys(&[
        "anna@example.com",
        "ctrl+shift+c",
        "jan@example.com",
        "ctrl+shift+b",
        "ola@example.com",
    ]);
    std::thread::sleep(Duration::from_millis(500));
    // From Bcc: Subject, text, then the path field.
    for _ in 0..3 {
        xdotool(&display.name, &["key", "Tab"]);
    }
    let paths: Vec<String> = names
        .iter()
        .map(|n| dir.join(n).display().to_string())
        .collect();
    let mut parts = Vec::new();
    for path in &paths {
        parts.push(path.as_str());
        parts.push("Return");
    }
    keys(&parts);
    std::thread::sleep(Duration::from_millis(2000));
    xdotool(&display.name, &["key", "ctrl+s"]);
    let drafts = drafts_when(dir, |d| {
        d.len() == 1 && d[0].1.attachments.len() == names.len()
    });
    let _ = app.kill();
    let _ = app.wait();
    assert_eq!(drafts.len(), 1);
    let d = &drafts[0].1;
    assert_eq!(
        (d.to.as_str(), d.cc.as_str(), d.bcc.as_str()),
        ("anna@example.com", "jan@example.com", "ola@example.com")
    );
    let attached: Vec<String> = d
        .attachments
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(attached, names, "all, in the order typed");
}

/// The X keysym that types `c` (letters, digits and the few signs of
/// addresses and paths).
fn keysym(c: char) -> String {
    match c {
        '@' => "at".into(),
        '.' => "period".into(),
        '/' => "slash".into(),
        '-' => "minus".into(),
        '_' => "underscore".into(),
        '+' => "plus".into(),
        c => c.to_string(),
    }
}
