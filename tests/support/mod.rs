//! The test harness: certificates made at test time, a real SMTP server on
//! 127.0.0.1 (aiosmtpd), an independent message parser (Python's `email`),
//! and the real Secret Service (gnome-keyring) in a D-Bus session of its own.
//!
//! Every fixture starts its processes itself and stops them when dropped.
//! Python comes from the venv the test command makes (`KOPERTA_TEST_PYTHON`,
//! default `target/test-venv/bin/python`).
#![allow(dead_code)]

#[cfg(feature = "gui")]
pub mod app;
pub mod certs;
pub mod display;
pub mod fake;
pub mod keyring;
pub mod lab;
pub mod peer;
pub mod proxy;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

/// The test user's password: Polish letters, so encodings are exercised.
pub const TEST_PASSWORD: &str = "Zażółć-gęślą-jaźń-42";
/// The test user's login.
pub const TEST_USER: &str = "jan@example.com";

/// The directory of this crate.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The venv's Python, with a clear message when the test command did not
/// make it.
pub fn python() -> PathBuf {
    let path = std::env::var_os("KOPERTA_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("target/test-venv/bin/python"));
    assert!(
        path.exists(),
        "{} is missing: run the README's test command (bash tests/run.sh), which makes the venv",
        path.display()
    );
    path
}

/// A support script's path.
pub fn script(name: &str) -> PathBuf {
    manifest_dir().join("tests/support").join(name)
}

/// Sends SIGTERM to the process group `pgid` (a child started with
/// `process_group(0)`). Never shells out to kill(1): procps-ng's `kill`
/// reads `-PGID` ambiguously and can signal every process.
pub fn kill_group(pgid: u32) {
    use nix::sys::signal::{Signal, killpg};
    use nix::unistd::Pid;
    if let Ok(raw) = i32::try_from(pgid)
        && raw > 1
    {
        let _ = killpg(Pid::from_raw(raw), Signal::SIGTERM);
    }
}

/// Whether a process still runs (and is not a zombie).
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .map(|rest| rest.trim_start().starts_with('Z'))
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// Every byte string under which a password could leak: the raw UTF-8,
/// its base64, the AUTH PLAIN payload's base64, and, for base64 of any
/// longer stream that contains the password at any alignment, the part of
/// the encoding that depends on the password alone.
pub fn secret_forms(user: &str, password: &str) -> Vec<Vec<u8>> {
    let mut forms = vec![
        password.as_bytes().to_vec(),
        B64.encode(password).into_bytes(),
        B64.encode(format!("\0{user}\0{password}")).into_bytes(),
    ];
    for pad in 0..3 {
        let mut bytes = vec![b'x'; pad];
        bytes.extend_from_slice(password.as_bytes());
        let enc = B64.encode(&bytes);
        // Drop the block that mixes the prefix in, and the last (padded) one.
        let start = if pad == 0 { 0 } else { 4 };
        let end = (enc.len() / 4).saturating_sub(1) * 4;
        if end > start + 8 {
            forms.push(enc.as_bytes()[start..end].to_vec());
        }
    }
    forms
}

/// Files under `dir` (recursively) whose bytes contain any of `needles`.
pub fn files_containing(dir: &Path, needles: &[Vec<u8>]) -> Vec<PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p)
                && contains_any(&bytes, needles)
            {
                hits.push(p);
            }
        }
    }
    hits
}

/// Whether `haystack` contains any of `needles`.
pub fn contains_any(haystack: &[u8], needles: &[Vec<u8>]) -> bool {
    needles
        .iter()
        .any(|n| haystack.windows(n.len()).any(|w| w == n.as_slice()))
}

/// A message as Python's `email` package reads it.
pub fn parse_mail(eml: &Path) -> serde_json::Value {
    let out = Command::new(python())
        .arg(script("parse_mail.py"))
        .arg(eml)
        .output()
        .expect("run parse_mail.py");
    assert!(
        out.status.success(),
        "parse_mail.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("parse_mail.py prints JSON")
}

/// One isolated Koperta installation: its own `KOPERTA_HOME` and `HOME`,
/// running the real `koperta` binary.
pub struct Koperta {
    pub home: tempfile::TempDir,
    pub bus: Option<String>,
    pub lang: String,
}

impl Koperta {
    /// A fresh installation speaking English, with no D-Bus session.
    pub fn new() -> Koperta {
        Koperta {
            home: tempfile::tempdir().expect("tempdir"),
            bus: None,
            lang: "en_US.UTF-8".into(),
        }
    }

    /// Uses the keyring session's bus.
    pub fn with_keyring(mut self, keyring: &keyring::KeyringSession) -> Koperta {
        self.bus = Some(keyring.bus.clone());
        self
    }

    /// Speaks the language of `lang` (a POSIX locale name such as `pl_PL.UTF-8`).
    pub fn lang(mut self, lang: &str) -> Koperta {
        self.lang = lang.into();
        self
    }

    /// `KOPERTA_HOME`.
    pub fn dir(&self) -> &Path {
        self.home.path()
    }

    /// The settings file.
    pub fn config_path(&self) -> PathBuf {
        self.dir().join("config.toml")
    }

    /// Runs `koperta ARGS` with `stdin` as its standard input.
    pub fn run(&self, args: &[&str], stdin: &[u8]) -> Output {
        self.run_under(&[], args, stdin)
    }

    /// Runs `koperta ARGS` with no network at all (a network namespace of
    /// its own, `unshare --net`) when this test runs as root, else as
    /// [`Koperta::run`] does.
    pub fn run_isolated(&self, args: &[&str]) -> Output {
        use std::os::unix::fs::MetadataExt;
        let root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
        let isolated = root
            && Command::new("unshare")
                .args(["--net", "true"])
                .status()
                .is_ok_and(|s| s.success());
        if isolated {
            self.run_under(&["unshare", "--net"], args, b"")
        } else {
            self.run_under(&[], args, b"")
        }
    }

    /// Starts `koperta ARGS` with no standard input and returns at once.
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        self.command(&[], args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn koperta")
    }

    /// Starts `koperta ARGS` with no standard input, its output piped,
    /// and returns at once.
    #[allow(dead_code)]
    pub fn spawn_piped(&self, args: &[&str]) -> std::process::Child {
        self.command(&[], args)
            .stdin(std::process::Stdio::null())
            .spawn()
            .expect("spawn koperta")
    }

    fn run_under(&self, prefix: &[&str], args: &[&str], stdin: &[u8]) -> Output {
        use std::io::Write;
        let mut child = self.command(prefix, args).spawn().expect("spawn koperta");
        if let Some(mut input) = child.stdin.take() {
            let _ = input.write_all(stdin);
        }
        child.wait_with_output().expect("koperta output")
    }

    fn command(&self, prefix: &[&str], args: &[&str]) -> Command {
        let mut cmd = match prefix.split_first() {
            Some((first, rest)) => {
                let mut c = Command::new(first);
                c.args(rest).arg(env!("CARGO_BIN_EXE_koperta"));
                c
            }
            None => Command::new(env!("CARGO_BIN_EXE_koperta")),
        };
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("KOPERTA_HOME", self.dir())
            .env("HOME", self.dir().join("home"))
            .env("LANG", &self.lang)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        match &self.bus {
            Some(bus) => cmd.env("DBUS_SESSION_BUS_ADDRESS", bus),
            // No session bus at all.
            None => cmd.env(
                "DBUS_SESSION_BUS_ADDRESS",
                "unix:path=/nonexistent/koperta-test-bus",
            ),
        };
        cmd
    }
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// One installation with one account pointing at `port`.
pub struct Setup {
    pub _keyring: keyring::KeyringSession,
    pub k: Koperta,
    pub id: String,
}

pub fn setup(
    port: u16,
    security: &str,
    trust: Option<(&str, &std::path::Path)>,
    lang: &str,
) -> Setup {
    let keyring = keyring::KeyringSession::start(keyring::KeyringMode::Unlocked);
    let k = Koperta::new().with_keyring(&keyring).lang(lang);
    // Short deadlines for the tests (each is a setting).
    std::fs::write(
        k.config_path(),
        "version = 1\n[settings.deadlines]\nconnect = 2\ntls = 2\ngreeting = 2\ncommand = 2\ndata_idle = 2\nfinal_reply = 3\n",
    )
    .unwrap();
    let port = port.to_string();
    let mut args = vec![
        "account",
        "add",
        "--name",
        "Zofia Żółkiewska",
        "--email",
        "zofia@example.com",
        "--host",
        "localhost",
        "--port",
        &port,
        "--security",
        security,
        "--username",
        TEST_USER,
        "--password-stdin",
    ];
    let path;
    if let Some((flag, file)) = trust {
        path = file.display().to_string();
        args.extend([flag, path.as_str()]);
    }
    let out = k.run(&args, TEST_PASSWORD.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).lines().last().unwrap().to_string();
    Setup {
        _keyring: keyring,
        k,
        id,
    }
}

pub fn send_simple(s: &Setup) -> (std::process::Output, std::time::Duration) {
    let started = std::time::Instant::now();
    let out = s.k.run(
        &[
            "send",
            "--account",
            &s.id,
            "--to",
            "jan@example.com",
            "--subject",
            "x",
            "--body-file",
            "-",
        ],
        b"tre\xc5\x9b\xc4\x87\n",
    );
    (out, started.elapsed())
}

/// One installation with an implicit-TLS account on `port` that trusts the
/// test CA.
pub fn trusting(port: u16, certs: &certs::TestCerts, lang: &str) -> Setup {
    setup(port, "implicit-tls", Some(("--ca-file", &certs.ca)), lang)
}

/// Points the account of `s` at `port` (in config.toml, as a person would
/// edit it).
pub fn set_port(s: &Setup, port: u16) {
    let text = std::fs::read_to_string(s.k.config_path()).expect("config");
    let changed: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with("port = ") {
                format!("port = {port}")
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(s.k.config_path(), changed.join("\n") + "\n").expect("config");
}

/// `koperta send` to jan@example.com with `subject` and an attachment of
/// `size` bytes.
pub fn send_with_attachment(s: &Setup, subject: &str, size: usize) -> Output {
    let file = s.k.dir().join(format!("attachment-{size}.bin"));
    std::fs::write(&file, vec![0x5au8; size]).expect("attachment");
    let file = file.display().to_string();
    s.k.run(
        &[
            "send",
            "--account",
            &s.id,
            "--to",
            "jan@example.com",
            "--subject",
            subject,
            "--attach",
            &file,
        ],
        b"",
    )
}
