//! Desktop benchmark (not part of the test command): prints figures.
//!
//! `cargo bench --bench gui` starts the release `koperta` under Xvfb (which
//! must be installed; the test command installs it) and measures:
//! - the time from launch to the first mapped window (mean and best of 10);
//! - idle RSS and PSS (`/proc/PID/smaps_rollup`) with the main window and
//!   one compose window open.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use support::display::Display;

fn kib(rollup: &str, key: &str) -> u64 {
    rollup
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
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
    let main_window = |limit| display.wait_for_window("^Koperta$", limit);
    let mut times = Vec::new();
    for _ in 0..10 {
        let started = Instant::now();
        let mut child = display.launch(home.path(), "", "pl_PL.UTF-8");
        main_window(Duration::from_secs(30)).expect("no window");
        times.push(started.elapsed());
        let _ = child.kill();
        let _ = child.wait();
        // The next launch must not find this window.
        while main_window(Duration::from_millis(1)).is_some() {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    let best = times.iter().min().copied().unwrap_or_default();
    println!(
        "launch to first mapped window: mean {:.0} ms, best {:.0} ms (10 runs, Xvfb, tiny-skia)",
        mean.as_secs_f64() * 1000.0,
        best.as_secs_f64() * 1000.0
    );

    let mut child = display.launch(home.path(), "", "pl_PL.UTF-8");
    let main = main_window(Duration::from_secs(30)).expect("no window");
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
}
