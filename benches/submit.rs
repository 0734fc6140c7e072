//! Submission benchmark (not part of the test command): prints figures.
//!
//! `cargo bench --bench submit` measures, against local servers on 127.0.0.1
//! over implicit TLS:
//! - one small message per process: `koperta send`, curl, msmtp, against
//!   the aiosmtpd test peer;
//! - 100 small messages over one connection (the library's `Session`);
//! - a 25 MiB attachment: wall time and peak RSS of `koperta send`, curl
//!   and msmtp against Debian's Postfix (set up by `benches/postfix.sh`,
//!   which changes the machine's Postfix configuration; set
//!   `KOPERTA_BENCH_POSTFIX=1` to allow it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use koperta::account::{Account, AccountId, Security};
use koperta::draft::{BuildOptions, Draft};
use koperta::secrets::Password;
use koperta::smtp::session::SessionOptions;
use koperta::smtp::{Session, Target};
use support::certs::TestCerts;
use support::peer::SmtpPeer;
use support::{TEST_PASSWORD, TEST_USER};

const RUNS: u32 = 20;

fn account(port: u16, ca: &Path) -> Account {
    Account {
        id: AccountId::generate(),
        address: "zofia@example.com".into(),
        host: "localhost".into(),
        port,
        security: Security::ImplicitTls,
        username: TEST_USER.into(),
        extra_ca_pem: Some(std::fs::read_to_string(ca).unwrap()),
        ..Account::default()
    }
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `cmd` under GNU time; returns wall seconds and peak RSS in KiB.
fn timed(cmd: Command, stdin: Option<&Path>) -> (f64, u64) {
    let out = tempfile::NamedTempFile::new().unwrap();
    let mut wrapped = Command::new("/usr/bin/time");
    wrapped
        .args(["-f", "%M", "-o"])
        .arg(out.path())
        .arg(cmd.get_program());
    wrapped.args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => wrapped.env(k, v),
            None => wrapped.env_remove(k),
        };
    }
    if let Some(f) = stdin {
        wrapped.stdin(std::fs::File::open(f).unwrap());
    }
    wrapped.stdout(Stdio::null());
    let start = Instant::now();
    let status = wrapped.status().unwrap();
    let wall = start.elapsed().as_secs_f64();
    assert!(status.success(), "{:?} failed", cmd.get_program());
    let rss: u64 = std::fs::read_to_string(out.path())
        .unwrap()
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    (wall, rss)
}

fn message(acc: &Account, attachment: Option<&Path>) -> (Vec<u8>, koperta::draft::Envelope) {
    let draft = Draft {
        to: "jan@example.com".into(),
        subject: "Benchmark — zażółć".into(),
        body: "Cześć,\n".repeat(20),
        attachments: attachment
            .map(|p| vec![p.to_path_buf()])
            .unwrap_or_default(),
        ..Draft::default()
    };
    let built = draft.build(acc, &BuildOptions::default()).unwrap();
    (built.formatted().unwrap(), built.envelope)
}

struct Tools {
    koperta: support::Setup,
    msmtp_conf: std::path::PathBuf,
    ca: std::path::PathBuf,
    port: u16,
}

fn tools(port: u16, certs: &TestCerts, dir: &Path) -> Tools {
    let koperta = support::setup(
        port,
        "implicit-tls",
        Some(("--ca-file", &certs.ca)),
        "en_US.UTF-8",
    );
    // The default deadlines, not the tests' short ones.
    let config = std::fs::read_to_string(koperta.k.config_path()).unwrap();
    let config: String = config
        .lines()
        .filter(|l| {
            ![
                "connect =",
                "tls =",
                "greeting =",
                "command =",
                "data_idle =",
                "final_reply =",
            ]
            .iter()
            .any(|p| l.starts_with(p))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(koperta.k.config_path(), config).unwrap();
    let conf = dir.join(format!("msmtprc-{port}"));
    std::fs::write(
        &conf,
        format!(
            "account bench\nhost localhost\nport {port}\ntls on\ntls_starttls off\ntls_trust_file {}\nauth plain\nuser {TEST_USER}\npassword {TEST_PASSWORD}\nfrom zofia@example.com\naccount default : bench\n",
            certs.ca.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&conf, std::fs::Permissions::from_mode(0o600)).unwrap();
    Tools {
        koperta,
        msmtp_conf: conf,
        ca: certs.ca.clone(),
        port,
    }
}

impl Tools {
    fn koperta_send(&self, body: &Path, attach: Option<&Path>) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_koperta"));
        c.args([
            "send",
            "--account",
            &self.koperta.id,
            "--to",
            "jan@example.com",
            "--subject",
            "Benchmark — zażółć",
        ])
        .arg("--body-file")
        .arg(body);
        if let Some(a) = attach {
            c.arg("--attach").arg(a);
        }
        c.env("KOPERTA_HOME", self.koperta.k.dir())
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                self.koperta.k.bus.clone().unwrap_or_default(),
            )
            .env("LANG", "en_US.UTF-8");
        c
    }

    fn curl(&self, eml: &Path) -> Command {
        let mut c = Command::new("curl");
        c.args([
            "-sS",
            "--url",
            &format!("smtps://localhost:{}", self.port),
            "--cacert",
        ])
        .arg(&self.ca)
        .args([
            "--mail-from",
            "zofia@example.com",
            "--mail-rcpt",
            "jan@example.com",
            "--user",
        ])
        .arg(format!("{TEST_USER}:{TEST_PASSWORD}"))
        .arg("-T")
        .arg(eml);
        c
    }

    fn msmtp(&self) -> Command {
        let mut c = Command::new("msmtp");
        c.arg("-C").arg(&self.msmtp_conf).arg("jan@example.com");
        c
    }
}

fn per_message(label: &str, mut make: impl FnMut() -> (Command, Option<std::path::PathBuf>)) {
    let mut total = 0.0;
    for _ in 0..RUNS {
        let (cmd, stdin) = make();
        total += timed(cmd, stdin.as_deref()).0;
    }
    println!(
        "{label:<44} {:>8.1} ms/message (mean of {RUNS}, one process each)",
        total * 1000.0 / f64::from(RUNS)
    );
}

fn main() {
    let certs = TestCerts::generate();
    let dir = tempfile::tempdir().unwrap();
    let body = dir.path().join("body.txt");
    std::fs::write(&body, "Cześć,\n".repeat(20)).unwrap();

    println!("== small message, aiosmtpd test peer, implicit TLS ==");
    let peer = SmtpPeer::start(&certs.valid);
    let t = tools(peer.implicit_port, &certs, dir.path());
    let acc = account(peer.implicit_port, &certs.ca);
    let (bytes, envelope) = message(&acc, None);
    let eml = dir.path().join("small.eml");
    std::fs::write(&eml, &bytes).unwrap();
    per_message("koperta send", || (t.koperta_send(&body, None), None));
    if have("curl") {
        per_message("curl", || (t.curl(&eml), None));
    }
    if have("msmtp") {
        per_message("msmtp", || (t.msmtp(), Some(eml.clone())));
    }

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let per = rt.block_on(async {
        let password = Password::new(TEST_PASSWORD.into());
        let mut s = Session::open(
            &Target::of(&acc, true),
            TEST_USER,
            &password,
            &SessionOptions::default(),
        )
        .await
        .unwrap();
        let start = Instant::now();
        for _ in 0..100 {
            s.send(&envelope, &bytes).await.unwrap();
        }
        let took = start.elapsed();
        s.quit().await;
        took / 100
    });
    println!(
        "{:<44} {:>8.2} ms/message (100 messages, {} bytes each)",
        "koperta, one connection (library)",
        per.as_secs_f64() * 1000.0,
        bytes.len()
    );
    drop(peer);

    if std::env::var_os("KOPERTA_BENCH_POSTFIX").is_none() {
        println!(
            "(25 MiB against Postfix skipped: set KOPERTA_BENCH_POSTFIX=1 to let benches/postfix.sh configure it)"
        );
        return;
    }
    println!("== 25 MiB attachment, Postfix, implicit TLS ==");
    let port = 10465;
    let status = Command::new("bash")
        .arg(support::manifest_dir().join("benches/postfix.sh"))
        .arg(&certs.valid.cert)
        .arg(&certs.valid.key)
        .arg(port.to_string())
        .arg(TEST_PASSWORD)
        .status()
        .unwrap();
    assert!(status.success(), "postfix.sh failed");
    let t = tools(port, &certs, dir.path());
    let acc = account(port, &certs.ca);
    let big = dir.path().join("big.bin");
    let data: Vec<u8> = (0..25u32 << 20)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&big, &data).unwrap();
    drop(data);
    let (big_eml_bytes, _) = message(&acc, Some(&big));
    let big_eml = dir.path().join("big.eml");
    std::fs::write(&big_eml, &big_eml_bytes).unwrap();
    println!(
        "attachment 25 MiB = {} bytes; formatted message {} bytes",
        25u64 << 20,
        big_eml_bytes.len()
    );
    drop(big_eml_bytes);
    let report = |label: &str, cmd: Command, stdin: Option<&Path>| {
        let mut best = (f64::MAX, 0u64);
        for _ in 0..3 {
            let (w, r) = timed(cmd_clone(&cmd), stdin);
            if w < best.0 {
                best = (w, r);
            }
        }
        println!(
            "{label:<44} {:>8.3} s wall (best of 3)  peak RSS {:>7.1} MiB ({:.2}x the attachment)",
            best.0,
            best.1 as f64 / 1024.0,
            best.1 as f64 / 1024.0 / 25.0
        );
    };
    report("koperta send", t.koperta_send(&body, Some(&big)), None);
    if have("curl") {
        report("curl (the same .eml)", t.curl(&big_eml), None);
    }
    if have("msmtp") {
        report("msmtp (the same .eml)", t.msmtp(), Some(&big_eml));
    }
    let _ = Duration::ZERO;
}

fn cmd_clone(cmd: &Command) -> Command {
    let mut c = Command::new(cmd.get_program());
    c.args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            c.env(k, v);
        }
    }
    c
}
