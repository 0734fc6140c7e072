//! Desktop benchmark (not part of the test command): prints figures.
//!
//! `cargo bench --bench gui` starts the release `koperta` under Xvfb (the
//! test command installs it, D-Bus and the SMTP peer's venv) and measures:
//! - the time from launch to the first mapped main window (mean and best of
//!   10), with no session bus, with a session bus that has no desktop
//!   portal, and with one whose portal answers only after 3 s (the theme
//!   must not hold the window back);
//! - idle RSS and PSS (`/proc/PID/smaps_rollup`) with the main window and
//!   one compose window open;
//! - the longest gap in the app's event loop (the frame probe,
//!   `KOPERTA_FRAME_PROBE`) while a message with a 25 MiB attachment is
//!   sent to the SMTP peer over implicit TLS.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use support::certs::TestCerts;
use support::display::Display;
use support::keyring::{KeyringMode, KeyringSession};
use support::peer::SmtpPeer;

fn kib(rollup: &str, key: &str) -> u64 {
    rollup
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn launch(display: &Display, home: &Path, bus: &str, probe: Option<&Path>) -> Child {
    let mut c = Command::new(env!("CARGO_BIN_EXE_koperta"));
    c.env("DISPLAY", &display.name)
        .env("KOPERTA_HOME", home)
        .env("HOME", home.join("home"))
        .env("LANG", "pl_PL.UTF-8")
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(
            std::fs::File::create(home.join("stderr.log"))
                .map(Stdio::from)
                .unwrap_or_else(|_| Stdio::null()),
        );
    if let Some(p) = probe {
        c.env("KOPERTA_FRAME_PROBE", p);
    }
    c.spawn().expect("koperta")
}

/// The main window, once mapped (polled every 10 ms; each poll is an X
/// client, which Xvfb survives without resetting since it runs with
/// `-noreset`, see `tests/support/display.rs`).
fn mapped(display: &Display, limit: Duration) -> Option<String> {
    let started = Instant::now();
    while started.elapsed() < limit {
        let out = display.xdotool(&["search", "--onlyvisible", "--name", "^Koperta$"]);
        if let Some(id) = out.lines().next() {
            return Some(id.to_string());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

fn first_window(display: &Display, home: &Path, bus: &str, what: &str) {
    let mut times = Vec::new();
    let mut missed = 0;
    while times.len() < 10 {
        let started = Instant::now();
        let mut child = launch(display, home, bus, None);
        let shown = mapped(display, Duration::from_secs(10));
        let took = started.elapsed();
        let _ = child.kill();
        let status = child.wait();
        if shown.is_none() {
            // Said, not hidden: a launch that showed nothing in 10 s.
            missed += 1;
            let log = std::fs::read_to_string(home.join("stderr.log")).unwrap_or_default();
            eprintln!("{what}: no window in 10 s ({status:?}): {log}");
            assert!(missed < 5, "{what}: no window, five times");
            continue;
        }
        times.push(took);
        while mapped(display, Duration::from_millis(1)).is_some() {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    let best = times.iter().min().copied().unwrap_or_default();
    println!(
        "launch to first mapped window, {what}: mean {:.0} ms, best {:.0} ms, worst {:.0} ms (10 runs, Xvfb, tiny-skia; {missed} launches showed no window in 10 s)",
        mean.as_secs_f64() * 1000.0,
        best.as_secs_f64() * 1000.0,
        times
            .iter()
            .max()
            .copied()
            .unwrap_or_default()
            .as_secs_f64()
            * 1000.0
    );
}

/// A desktop portal that answers after 3 s (tests/support/slow_portal.py,
/// with dbus-next installed into the test venv when missing).
fn slow_portal(bus: &str) -> Child {
    let python = support::python();
    let has = Command::new(&python)
        .args(["-c", "import dbus_next"])
        .status()
        .is_ok_and(|s| s.success());
    if !has {
        let pip = Path::new(&python).with_file_name("pip");
        let ok = Command::new(pip)
            .args(["install", "--quiet", "dbus-next==0.2.3"])
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "pip install dbus-next");
    }
    let mut child = Command::new(&python)
        .arg(support::manifest_dir().join("tests/support/slow_portal.py"))
        .arg("3")
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .stdout(Stdio::piped())
        .spawn()
        .expect("slow portal");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "ready", "the slow portal did not start");
    child
}

fn unix_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis()
}

fn main() {
    let display = Display::start();
    let home = tempfile::tempdir().unwrap();
    // One account, so "New message" is possible (no password needed to look).
    std::fs::write(
        home.path().join("config.toml"),
        "version = 1\n[[accounts]]\nid = \"b0\"\naddress = \"zofia@example.com\"\nhost = \"localhost\"\n",
    )
    .unwrap();

    first_window(
        &display,
        home.path(),
        "unix:path=/nonexistent",
        "no session bus",
    );
    let bare = KeyringSession::start(KeyringMode::NoSecretService);
    first_window(
        &display,
        home.path(),
        &bare.bus,
        "a session bus without a portal",
    );
    let mut portal = slow_portal(&bare.bus);
    first_window(
        &display,
        home.path(),
        &bare.bus,
        "a portal that answers after 3 s",
    );
    let _ = portal.kill();
    let _ = portal.wait();

    let mut child = launch(&display, home.path(), &bare.bus, None);
    let main = mapped(&display, Duration::from_secs(30)).expect("no window");
    display.open_compose(&main).expect("no compose window");
    std::thread::sleep(Duration::from_secs(3));
    let rollup = std::fs::read_to_string(format!("/proc/{}/smaps_rollup", child.id())).unwrap();
    println!(
        "idle with the main window and one compose window: RSS {:.1} MiB, PSS {:.1} MiB",
        kib(&rollup, "Rss:") as f64 / 1024.0,
        kib(&rollup, "Pss:") as f64 / 1024.0
    );
    let _ = child.kill();
    let _ = child.wait();

    // A 25 MiB attachment, sent over implicit TLS to the SMTP peer, on a
    // display of its own.
    drop(display);
    let display = Display::start();
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start_with_size(&certs.valid, 64 * 1024 * 1024);
    let s = support::setup(
        peer.implicit_port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "pl_PL.UTF-8",
    );
    // No undo delay: the send starts at Ctrl+Enter.
    let out = s.k.run(&["settings", "set", "undo-send-seconds", "0"], b"");
    assert!(out.status.success(), "settings set");
    let file = s.k.dir().join("film.bin");
    // A 25 MiB attachment: a message of about 34 MiB once in base64 (the
    // peer is told to take up to 64 MiB).
    let mut bytes = vec![0u8; 25 * 1024 * 1024];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = (i.wrapping_mul(2_654_435_761) >> 13) as u8;
    }
    std::fs::write(&file, &bytes).unwrap();
    let probe = s.k.dir().join("frames.txt");
    let mut child = launch(
        &display,
        s.k.dir(),
        s.k.bus.as_deref().unwrap(),
        Some(&probe),
    );
    let main = mapped(&display, Duration::from_secs(30)).expect("no window");
    let compose = display.open_compose(&main).expect("no compose window");
    let key = |k: &str| {
        display.xdotool(&["key", k]);
        std::thread::sleep(Duration::from_millis(300));
    };
    display.focus(&compose);
    std::thread::sleep(Duration::from_millis(300));
    display.xdotool(&["type", "--delay", "10", "jan@example.com"]);
    // To → Subject (a subject, or the window asks first) → text → the
    // path field.
    key("Tab");
    display.xdotool(&["type", "--delay", "10", "Film"]);
    key("Tab");
    key("Tab");
    display.xdotool(&["type", "--delay", "5", &file.display().to_string()]);
    key("Return");
    std::thread::sleep(Duration::from_secs(2));
    let from = unix_ms();
    let started = Instant::now();
    key("ctrl+Return");
    while peer.received().is_empty() && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = started.elapsed();
    let to = unix_ms();
    std::thread::sleep(Duration::from_millis(500));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(peer.received().len(), 1, "the message was not delivered");
    let gaps: Vec<u64> = std::fs::read_to_string(&probe)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let at: u128 = parts.next()?.parse().ok()?;
            let gap: u64 = parts.next()?.parse().ok()?;
            (at >= from && at <= to + 100).then_some(gap)
        })
        .collect();
    let worst = gaps.iter().max().copied().unwrap_or(0);
    let over_50 = gaps.iter().filter(|g| **g > 50).count();
    println!(
        "sending a message with a 25 MiB attachment (Ctrl+Enter to delivered, {:.1} s): longest event-loop gap {worst} ms, {} gaps over 17 ms, {over_50} over 50 ms (probe ticks every 5 ms)",
        took.as_secs_f64(),
        gaps.len()
    );
}
