//! One desktop app per data directory (DESIGN.md, Files).
//!
//! The first `koperta` (GUI) takes an exclusive lock on
//! `DATA_DIR/instance.lock` for as long as it runs and listens on a local
//! socket named after the data directory (an abstract socket on Linux, a
//! named pipe on Windows), so different `KOPERTA_HOME`s never meet. A later
//! launch with no arguments or a `mailto:` URI finds the lock taken, hands
//! its request to the running app over the socket, and exits; the running
//! app answers only once its own loop has taken the request. If no answer
//! comes within [`ANSWER_WITHIN`], the later launch says the app is not
//! responding and exits too: two processes never send the same outbox.
//! Command-line subcommands never come here.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use interprocess::local_socket::{
    GenericNamespaced, ListenerOptions, Stream, ToNsName, prelude::*,
};
use sha2::{Digest, Sha256};

/// How long a later launch waits for the running app's answer (1 s).
pub const ANSWER_WITHIN: Duration = Duration::from_secs(1);

/// What a later launch asks of the running app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Show the main window.
    Open,
    /// Open a compose window from this `mailto:` URI (RFC 6068).
    Mailto(String),
}

impl Request {
    fn to_line(&self) -> String {
        match self {
            Request::Open => "open\n".into(),
            Request::Mailto(uri) => format!("mailto {}\n", uri.replace(['\r', '\n'], "")),
        }
    }

    fn from_line(line: &str) -> Option<Request> {
        let line = line.trim_end_matches(['\r', '\n']);
        if line == "open" {
            Some(Request::Open)
        } else {
            line.strip_prefix("mailto ")
                .map(|uri| Request::Mailto(uri.to_string()))
        }
    }
}

/// A request from another launch, with the way to say it was taken.
#[derive(Debug, Clone)]
pub struct Remote {
    /// The request.
    pub request: Request,
    ack: Arc<Mutex<Option<std::sync::mpsc::Sender<()>>>>,
}

impl Remote {
    /// Takes the request for the app: tells the other launch it was taken
    /// (it then exits) and returns true. Returns false when the other
    /// launch already gave up and told the person the app is not
    /// responding: the request must then be dropped, not carried out late.
    pub fn take(&self) -> bool {
        match self.ack.lock().ok().and_then(|mut a| a.take()) {
            Some(tx) => tx.send(()).is_ok(),
            None => false,
        }
    }
}

/// What [`claim`] found.
pub enum Claim {
    /// This process owns the data directory: keep the guard alive, read
    /// requests from the receiver.
    Primary(Guard, futures::channel::mpsc::UnboundedReceiver<Remote>),
    /// Another process owns it.
    Secondary,
}

/// Held by the owning process: the lock file (released when the process
/// ends, however it ends).
pub struct Guard {
    _lock: File,
}

/// Why a hand-off or claim failed.
#[derive(Debug, thiserror::Error)]
pub enum InstanceError {
    /// The running app did not answer within [`ANSWER_WITHIN`].
    #[error("the running app does not answer")]
    NotResponding,
    /// The lock file or the socket could not be made.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The socket name for `data_dir`: `koperta-` and the first 24 hex digits
/// of the SHA-256 of its absolute path.
pub fn socket_name(data_dir: &Path) -> String {
    let path = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    let digest = Sha256::digest(path.to_string_lossy().as_bytes());
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("koperta-{hex}")
}

/// Takes `data_dir` for this process, or finds it taken.
///
/// Errors: the data directory or its lock file cannot be made; the socket
/// cannot be listened on.
pub fn claim(data_dir: &Path) -> Result<Claim, InstanceError> {
    std::fs::create_dir_all(data_dir)?;
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data_dir.join("instance.lock"))?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return Ok(Claim::Secondary),
        Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
    }
    let name = socket_name(data_dir).to_ns_name::<GenericNamespaced>()?;
    // The lock is ours, so a socket left by a process that died is stale.
    let listener = ListenerOptions::new()
        .name(name)
        .try_overwrite(true)
        .create_sync()?;
    let (tx, rx) = futures::channel::mpsc::unbounded();
    std::thread::Builder::new()
        .name("koperta-instance".into())
        .spawn(move || {
            for conn in listener.incoming().filter_map(Result::ok) {
                let tx = tx.clone();
                // One thread per caller: a caller that never writes cannot
                // block the next.
                let _ = std::thread::Builder::new().spawn(move || serve(conn, &tx));
            }
        })?;
    Ok(Claim::Primary(Guard { _lock: lock }, rx))
}

fn serve(conn: Stream, tx: &futures::channel::mpsc::UnboundedSender<Remote>) {
    let mut reader = BufReader::new(conn);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let Some(request) = Request::from_line(&line) else {
        return;
    };
    let (ack_tx, ack_rx) = std::sync::mpsc::channel();
    let ack = Arc::new(Mutex::new(Some(ack_tx)));
    let remote = Remote {
        request,
        ack: ack.clone(),
    };
    if tx.unbounded_send(remote).is_err() {
        return;
    }
    // Answer only when the app's loop took it, within the time the other
    // launch waits; after that the request is withdrawn (the other launch
    // says "not responding"), unless the app took it in the meantime.
    let taken = ack_rx.recv_timeout(ANSWER_WITHIN).is_ok()
        || match ack.lock().ok().and_then(|mut a| a.take()) {
            Some(_withdrawn) => false,
            None => ack_rx.recv_timeout(ANSWER_WITHIN).is_ok(),
        };
    if taken {
        let _ = reader.get_mut().write_all(b"ok\n");
    }
}

/// What [`claim_or_hand_off`] did.
pub enum Started {
    /// This process owns the data directory ([`Claim::Primary`]).
    Primary(Guard, futures::channel::mpsc::UnboundedReceiver<Remote>),
    /// The running app took the request.
    HandedOff,
}

/// Takes `data_dir` for this process, or hands `request` to the app that
/// owns it. An owner that does not answer may be one that was just
/// killed and whose lock the system has not released yet (a tryout's
/// restart right after `kill -9` was told Koperta was running): the lock
/// is tried again once the hand-off has failed, and taken if it is free.
///
/// Errors: [`InstanceError::NotResponding`] when the owner holds the lock
/// and does not answer; [`InstanceError::Io`] as from [`claim`].
pub fn claim_or_hand_off(data_dir: &Path, request: &Request) -> Result<Started, InstanceError> {
    let mut handed = Ok(());
    for attempt in 0..2 {
        match claim(data_dir)? {
            Claim::Primary(guard, requests) => return Ok(Started::Primary(guard, requests)),
            Claim::Secondary if attempt == 0 => handed = hand_off(data_dir, request),
            Claim::Secondary => {}
        }
        if handed.is_ok() {
            return Ok(Started::HandedOff);
        }
    }
    handed.map(|()| Started::HandedOff)
}

/// Hands `request` to the app that owns `data_dir`.
///
/// Errors: [`InstanceError::NotResponding`] when no answer comes within
/// [`ANSWER_WITHIN`] (including when the owner is starting and not yet
/// listening after that time).
pub fn hand_off(data_dir: &Path, request: &Request) -> Result<(), InstanceError> {
    let name = socket_name(data_dir);
    let line = request.to_line();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let started = std::time::Instant::now();
        // The owner may hold the lock a moment before it listens.
        let conn = loop {
            let attempt = name
                .as_str()
                .to_ns_name::<GenericNamespaced>()
                .and_then(Stream::connect);
            match attempt {
                Ok(c) => break c,
                Err(_) if started.elapsed() < ANSWER_WITHIN => {
                    std::thread::sleep(Duration::from_millis(50))
                }
                Err(_) => return,
            }
        };
        let _ = tx.send(false);
        let mut reader = BufReader::new(conn);
        if reader.get_mut().write_all(line.as_bytes()).is_err() {
            return;
        }
        let mut answer = String::new();
        if reader.read_line(&mut answer).is_ok() && answer.trim_end() == "ok" {
            let _ = tx.send(true);
        }
    });
    // Connected within a second, then answered within a second (the
    // owner withdraws the request after [`ANSWER_WITHIN`]; the margin
    // lets its answer arrive).
    let margin = Duration::from_millis(300);
    match rx.recv_timeout(ANSWER_WITHIN + margin) {
        Ok(false) => {}
        _ => return Err(InstanceError::NotResponding),
    }
    match rx.recv_timeout(ANSWER_WITHIN + margin) {
        Ok(true) => Ok(()),
        _ => Err(InstanceError::NotResponding),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::StreamExt;

    #[test]
    fn a_second_claim_hands_off_and_other_homes_never_meet() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let Ok(Claim::Primary(_guard, mut requests)) = claim(a.path()) else {
            panic!("first claim")
        };
        // Another home is its own owner.
        assert!(matches!(claim(b.path()), Ok(Claim::Primary(..))));
        assert_ne!(socket_name(a.path()), socket_name(b.path()));
        // The same home is taken (the lock is per open file description).
        assert!(matches!(claim(a.path()), Ok(Claim::Secondary)));
        let uri = "mailto:jan@example.com?subject=Dzie%C5%84%20dobry".to_string();
        let answer = std::thread::spawn({
            let dir = a.path().to_path_buf();
            let uri = uri.clone();
            move || hand_off(&dir, &Request::Mailto(uri))
        });
        let remote = futures::executor::block_on(requests.next()).unwrap();
        assert_eq!(remote.request, Request::Mailto(uri));
        assert!(remote.take());
        assert!(answer.join().unwrap().is_ok());
    }

    /// A tryout killed the app and started it again in the same second:
    /// the lock was still held by the dying process, and the new launch
    /// said "already running but not responding". Once the hand-off finds
    /// no answer, the lock is tried again.
    #[test]
    fn a_launch_right_after_the_owner_died_takes_the_lock_it_left() {
        let a = tempfile::tempdir().unwrap();
        // A dying owner: its socket is gone, the lock not yet released.
        let lock = File::create(a.path().join("instance.lock")).unwrap();
        lock.try_lock().unwrap();
        let dying = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(lock);
        });
        let started = claim_or_hand_off(a.path(), &Request::Open);
        dying.join().unwrap();
        assert!(matches!(started, Ok(Started::Primary(..))), "owned now");
    }

    #[test]
    fn an_owner_that_does_not_answer_is_reported_within_a_second() {
        let a = tempfile::tempdir().unwrap();
        let Ok(Claim::Primary(_guard, mut requests)) = claim(a.path()) else {
            panic!("first claim")
        };
        // Nobody reads the requests: no acknowledgement ever comes.
        assert!(matches!(
            hand_off(a.path(), &Request::Open),
            Err(InstanceError::NotResponding)
        ));
        // When the app wakes up, the request it finds was withdrawn: it
        // is not carried out behind the person's back.
        std::thread::sleep(ANSWER_WITHIN);
        let late = futures::executor::block_on(requests.next()).unwrap();
        assert!(!late.take());
    }
}
