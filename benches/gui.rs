//! Desktop benchmark (not part of the test command): prints figures.
//!
//! `cargo bench --bench gui` starts the release `koperta` under Xvfb (which
//! must be installed; the test command installs it) and measures:
//! - the time from launch to the first mapped window (mean and best of 10);
//! - idle RSS and PSS (`/proc/PID/smaps_rollup`) with the main window and
//!   one compose window open.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn window_ids(display: &str, name: &str) -> Vec<String> {
    let out = Command::new("xdotool")
        .args(["search", "--name", name])
        .env("DISPLAY", display)
        .output()
        .expect("xdotool");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

fn kib(rollup: &str, key: &str) -> u64 {
    rollup
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let mut xvfb = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x900x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb");
    let mut line = String::new();
    BufReader::new(xvfb.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let display = format!(":{}", line.trim());
    let home = tempfile::tempdir().unwrap();
    // One account, so "New message" is possible (no password needed to look).
    std::fs::write(
        home.path().join("config.toml"),
        "version = 1\n[[accounts]]\nid = \"b0\"\naddress = \"zofia@example.com\"\nhost = \"localhost\"\n",
    )
    .unwrap();
    let launch = || {
        Command::new(env!("CARGO_BIN_EXE_koperta"))
            .env("DISPLAY", &display)
            .env("KOPERTA_HOME", home.path())
            .env("LANG", "pl_PL.UTF-8")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut times = Vec::new();
    for _ in 0..10 {
        let started = Instant::now();
        let mut child = launch();
        while window_ids(&display, "^Koperta$").is_empty() {
            std::thread::sleep(Duration::from_millis(2));
            assert!(started.elapsed() < Duration::from_secs(30), "no window");
        }
        times.push(started.elapsed());
        let _ = child.kill();
        let _ = child.wait();
        // The next launch must not find this window.
        while !window_ids(&display, "^Koperta$").is_empty() {
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

    let mut child = launch();
    let main = loop {
        if let Some(id) = window_ids(&display, "^Koperta$").into_iter().next() {
            break id;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut opened = false;
    for _ in 0..10 {
        let _ = Command::new("xdotool")
            .args(["windowfocus", "--sync", &main])
            .env("DISPLAY", &display)
            .status();
        std::thread::sleep(Duration::from_millis(300));
        let _ = Command::new("xdotool")
            .args(["key", "ctrl+n"])
            .env("DISPLAY", &display)
            .status();
        std::thread::sleep(Duration::from_millis(700));
        if window_ids(&display, "Koperta").len() >= 2 {
            opened = true;
            break;
        }
    }
    assert!(opened, "no compose window");
    std::thread::sleep(Duration::from_secs(3));
    let rollup = std::fs::read_to_string(format!("/proc/{}/smaps_rollup", child.id())).unwrap();
    println!(
        "idle with the main window and one compose window: RSS {:.1} MiB, PSS {:.1} MiB",
        kib(&rollup, "Rss:") as f64 / 1024.0,
        kib(&rollup, "Pss:") as f64 / 1024.0
    );
    let _ = child.kill();
    let _ = child.wait();
    let _ = xvfb.kill();
    let _ = xvfb.wait();
}
