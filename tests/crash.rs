//! Exactly once, across crashes: `koperta send` and the outbox engine
//! (`koperta outbox retry`, the path the app's Retry takes) are killed with
//! SIGKILL at random moments while a slow link carries the message to the
//! real peer. No message is lost, none is delivered twice without the
//! person's consent, every outbox entry still parses, and what is left is
//! delivered exactly once afterwards.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use support::certs::TestCerts;
use support::peer::SmtpPeer;
use support::proxy::{Fault, FaultProxy};
use support::{Setup, set_port, stderr, trusting};

const TRIALS: usize = 50;

fn sidecars(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default()
}

fn outbox(s: &Setup) -> BTreeMap<String, koperta::store::Sidecar> {
    let dir = s.k.dir().join("data/outbox");
    sidecars(&dir)
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let sidecar: koperta::store::Sidecar = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("{} does not parse: {e}\n{text}", p.display()));
            (sidecar.subject.clone(), sidecar)
        })
        .collect()
}

fn id_of(s: &Setup, subject: &str) -> String {
    let dir = s.k.dir().join("data/outbox");
    for p in sidecars(&dir) {
        let text = std::fs::read_to_string(&p).unwrap();
        let sidecar: koperta::store::Sidecar = toml::from_str(&text).unwrap();
        if sidecar.subject == subject {
            return p.file_stem().unwrap().to_string_lossy().into_owned();
        }
    }
    panic!("{subject} is not in the outbox")
}

/// Runs `args` and kills it with SIGKILL `after` its start.
fn kill_during(s: &Setup, args: &[&str], after: Duration) {
    let mut child = s.k.spawn(args);
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
}

fn deliveries(peer: &SmtpPeer) -> BTreeMap<String, usize> {
    let mut count = BTreeMap::new();
    for r in peer.received() {
        let subject = support::parse_mail(&r.path)["subject"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        *count.entry(subject).or_insert(0) += 1;
    }
    count
}

#[test]
fn sigkill_at_random_moments_loses_nothing_and_sends_nothing_twice() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    // A slow link: 2 ms for every KiB, either way.
    let proxy = FaultProxy::start(
        Fault::Slow(Duration::from_millis(2)),
        peer.implicit_port,
        &certs.valid,
    );
    let s = trusting(proxy.port, &certs, "en_US.UTF-8");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dane.bin");
    std::fs::write(&file, vec![0x42u8; 24 << 10]).unwrap();
    let file = file.display().to_string();
    let send = |subject: &str| -> Vec<String> {
        [
            "send",
            "--account",
            &s.id,
            "--to",
            "jan@example.com",
            "--subject",
            subject,
            "--attach",
            &file,
        ]
        .iter()
        .map(|a| a.to_string())
        .collect()
    };
    // How long one whole send takes: the kills fall anywhere in it.
    let started = Instant::now();
    let out = s.k.run(
        &send("Pomiar")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let whole = started.elapsed();
    let seed: u64 = rand::random();
    println!("seed {seed}, one send takes {whole:?}");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);

    // Half the trials kill `koperta send` itself.
    let mut subjects = Vec::new();
    for i in 0..TRIALS / 2 {
        let subject = format!("Wysyłka {i}");
        let after = whole.mul_f64(rng.random_range(0.0..1.2));
        kill_during(
            &s,
            &send(&subject)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            after,
        );
        subjects.push(subject);
    }
    // The other half queue with the server away, then kill the engine as
    // it retries from the outbox.
    let away = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    set_port(&s, away);
    let mut retried = Vec::new();
    for i in 0..TRIALS / 2 {
        let subject = format!("Z kolejki {i}");
        let out = s.k.run(
            &send(&subject)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
            b"",
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        retried.push(subject);
    }
    set_port(&s, proxy.port);
    for subject in &retried {
        let id = id_of(&s, subject);
        let after = whole.mul_f64(rng.random_range(0.0..1.2));
        kill_during(&s, &["outbox", "retry", id.as_str()], after);
    }
    subjects.extend(retried);

    // Every outbox entry parses; every message is delivered or queued.
    let queued = outbox(&s);
    let got = deliveries(&peer);
    let lost: Vec<&String> = subjects
        .iter()
        .filter(|m| !got.contains_key(*m) && !queued.contains_key(*m))
        .collect();
    // A `koperta send` killed before it had written its message never said
    // it was queued; only those may be nowhere.
    for subject in &lost {
        assert!(
            subject.starts_with("Wysyłka"),
            "{subject} was queued and is lost"
        );
    }
    let twice: Vec<_> = got.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "delivered twice: {twice:?}");

    // The engine afterwards: what is surely undelivered goes once; what may
    // have been sent waits for the person.
    let run = s.k.run(&["outbox", "run"], b"");
    let after_run = deliveries(&peer);
    let twice: Vec<_> = after_run.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        twice.is_empty(),
        "outbox run sent twice: {twice:?} {}",
        stderr(&run)
    );
    let left = outbox(&s);
    let unsure: Vec<&String> = left
        .iter()
        .filter(|(_, c)| c.state == koperta::outbox::State::MaybeSent)
        .map(|(m, _)| m)
        .collect();
    // Anything else left was surely not delivered: a retry killed before
    // it even began, waiting out its pause. A plain retry sends it.
    for (subject, sidecar) in left.iter().filter(|(m, _)| !unsure.contains(m)) {
        assert!(!after_run.contains_key(subject), "{subject}: {sidecar:?}");
        assert_eq!(sidecar.state, koperta::outbox::State::Failed, "{sidecar:?}");
        let id = id_of(&s, subject);
        let retry = s.k.run(&["outbox", "retry", id.as_str()], b"");
        assert!(retry.status.success(), "{}", stderr(&retry));
    }
    // The person checks with the recipients: those that did not arrive are
    // sent again with --yes, those that did are removed.
    for subject in &unsure {
        let id = id_of(&s, subject);
        if after_run.contains_key(*subject) {
            let rm = s.k.run(&["outbox", "remove", id.as_str()], b"");
            assert!(rm.status.success(), "{}", stderr(&rm));
        } else {
            let yes = s.k.run(&["outbox", "retry", id.as_str(), "--yes"], b"");
            assert!(yes.status.success(), "{}", stderr(&yes));
        }
    }
    let last = deliveries(&peer);
    for subject in subjects.iter().filter(|m| !lost.contains(m)) {
        assert_eq!(last.get(subject), Some(&1), "{subject}: {last:?}");
    }
    assert!(outbox(&s).is_empty());
    let unsure_delivered = unsure
        .iter()
        .filter(|m| after_run.contains_key(**m))
        .count();
    println!(
        "{TRIALS} kills: {} never queued, {} may have been sent ({unsure_delivered} of them \
         had in fact arrived), {} left to retry, {} delivered once",
        lost.len(),
        unsure.len(),
        left.len() - unsure.len(),
        last.len() - 1
    );
}
