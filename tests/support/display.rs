//! A virtual X display (Xvfb) for the real windows, and the few xdotool
//! steps the GUI tests and the desktop benchmark share.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running Xvfb; stopped when dropped.
pub struct Display {
    child: Child,
    /// Xvfb's standard output, kept open while it runs: dropped, a later
    /// write by Xvfb would meet a closed pipe and kill the server in the
    /// middle of a test (seen as windows that never appear).
    _stdout: BufReader<std::process::ChildStdout>,
    /// The display name, e.g. `:5`.
    pub name: String,
}

impl Display {
    /// Starts Xvfb on a free display (1280×900).
    pub fn start() -> Display {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x900x24",
                "-nolisten",
                "tcp",
                // Without it Xvfb resets itself each time its last client
                // leaves (every xdotool poll before the app connects), and
                // a connection made during the reset fails: the rare
                // "XOpenDisplayFailed" at launch, and windows that never
                // mapped.
                "-noreset",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb (the test command installs xvfb)");
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        stdout.read_line(&mut line).expect("display number");
        Display {
            child,
            _stdout: stdout,
            name: format!(":{}", line.trim()),
        }
    }

    /// Starts `koperta` (the GUI) on this display with `KOPERTA_HOME` =
    /// `home`, the D-Bus session `bus` and the locale `locale`.
    pub fn launch(&self, home: &Path, bus: &str, locale: &str) -> Child {
        self.launch_with(home, bus, locale, &[])
    }

    /// As [`Display::launch`], with command-line arguments (a `mailto:` URI).
    pub fn launch_with(&self, home: &Path, bus: &str, locale: &str, args: &[&str]) -> Child {
        Command::new(env!("CARGO_BIN_EXE_koperta"))
            .args(args)
            .env("DISPLAY", &self.name)
            .env("KOPERTA_HOME", home)
            .env("HOME", home.join("home"))
            .env("LANG", locale)
            .env("DBUS_SESSION_BUS_ADDRESS", bus)
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("koperta")
    }

    /// [`Display::launch`] and [`Display::wait_for_main`] in one: the app
    /// and its main window's X window id.
    pub fn start_app(&self, home: &Path, bus: &str, locale: &str) -> (Child, String) {
        let mut app = self.launch(home, bus, locale);
        let main = self.wait_for_main(&mut app, || self.launch(home, bus, locale));
        (app, main)
    }

    /// Waits up to 30 s for the main window of `app` (launched by
    /// [`Display::launch`]); its X window id. Launches again once when the
    /// first launch exited or never mapped a window (seen rarely on a
    /// loaded machine), saying why on the test's output; panics with the
    /// app's standard error and exit status, and whether Xvfb still runs,
    /// when the second does not map either.
    pub fn wait_for_main(&self, app: &mut Child, relaunch: impl Fn() -> Child) -> String {
        for attempt in 0..2 {
            if let Some(id) = self.wait_for_window("^Koperta$", Duration::from_secs(30)) {
                return id;
            }
            let _ = app.kill();
            let status = app.wait();
            let mut stderr = String::new();
            if let Some(mut e) = app.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut stderr);
            }
            // The third field of /proc/PID/stat is the state (Z: exited).
            let xvfb = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id()))
                .ok()
                .and_then(|s| s.rsplit(')').next().map(|r| r.trim().to_string()))
                .and_then(|r| r.split(' ').next().map(str::to_string))
                .unwrap_or_else(|| "gone".to_string());
            let report = format!(
                "no main window after 30 s (attempt {}); app {status:?}; Xvfb {xvfb}; app stderr:\n{stderr}",
                attempt + 1
            );
            assert!(attempt == 0, "{report}");
            eprintln!("{report}");
            *app = relaunch();
        }
        unreachable!("the loop returns or panics")
    }

    /// Runs xdotool on this display; returns what it printed.
    pub fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .output()
            .expect("xdotool (the test command installs it)");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The first window whose name matches `name` (a regex), waiting up to
    /// `limit`.
    pub fn wait_for_window(&self, name: &str, limit: Duration) -> Option<String> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Some(id) = self.xdotool(&["search", "--name", name]).lines().next() {
                return Some(id.to_string());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Gives `window` the keyboard focus and waits (up to 10 s) until the
    /// X server says it has it. Without a window manager the focus is only
    /// where it is put, and `windowfocus` on a window not yet mapped fails
    /// without a word (seen on a loaded CI machine: every key of a test
    /// went to the main window).
    pub fn focus(&self, window: &str) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            self.xdotool(&["windowfocus", "--sync", window]);
            if self.xdotool(&["getwindowfocus"]) == window {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("window {window} never took the keyboard focus");
    }

    /// Presses Ctrl+N in `main` until a compose window is mapped; returns
    /// it. Without a window manager the keyboard goes where it is sent, and
    /// a press that comes before the window is ready for input is lost.
    /// A mapped Koperta window other than `main`, waited for up to
    /// `limit`.
    #[allow(dead_code)]
    pub fn other_window(&self, main: &str, limit: Duration) -> Option<String> {
        let started = Instant::now();
        while started.elapsed() < limit {
            let other = self
                .xdotool(&["search", "--onlyvisible", "--name", "Koperta"])
                .lines()
                .find(|w| *w != main)
                .map(str::to_string);
            if other.is_some() {
                return other;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }

    pub fn open_compose(&self, main: &str) -> Option<String> {
        for _ in 0..5 {
            self.focus(main);
            std::thread::sleep(Duration::from_millis(300));
            self.xdotool(&["key", "ctrl+n"]);
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(3) {
                let other = self
                    .xdotool(&["search", "--onlyvisible", "--name", "Koperta"])
                    .lines()
                    .find(|w| *w != main)
                    .map(str::to_string);
                if other.is_some() {
                    return other;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        None
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
