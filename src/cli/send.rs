//! `koperta send`: the message goes through the outbox engine.

use super::*;
use crate::outbox::{Class, Event, NewMessage, Outbox, Outcome, When};

pub(super) fn send(m: &ArgMatches, file: &ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    let key = arg(m, "account").cloned().unwrap_or_default();
    let account = resolve(file, &key)?.clone();
    let body = match arg(m, "body-file").map(String::as_str) {
        None => String::new(),
        Some("-") => {
            let mut s = String::new();
            io.stdin.read_to_string(&mut s).map_err(|e| {
                Failure(t!(
                    "send-error-body-stdin",
                    reason = crate::report::io_error(&e)
                ))
            })?;
            s
        }
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            Failure(t!(
                "send-error-body-file",
                path = path,
                reason = crate::report::io_error(&e)
            ))
        })?,
    };
    let signed = ends_with_signature(&body, &account, arg(m, "identity"));
    let draft = crate::draft::Draft {
        account: Some(account.id.clone()),
        to: arg(m, "to").cloned().unwrap_or_default(),
        cc: arg(m, "cc").cloned().unwrap_or_default(),
        bcc: arg(m, "bcc").cloned().unwrap_or_default(),
        subject: arg(m, "subject").cloned().unwrap_or_default(),
        body,
        attachments: m
            .get_many::<String>("attach")
            .map(|v| v.map(std::path::PathBuf::from).collect())
            .unwrap_or_default(),
        // The sender's signature goes under `-- `, as in the app's compose
        // window (tryout 20), unless asked not to or already in the text.
        signature: !m.get_flag("no-signature") && !signed,
        in_reply_to: String::new(),
        identity: match arg(m, "identity") {
            Some(key) => Some(
                super::identity::find_identity(&account, key)
                    .ok_or_else(|| Failure(t!("identity-error-not-found", key = key.as_str())))?
                    .id
                    .clone(),
            ),
            None => None,
        },
        high_priority: m.get_flag("high-priority"),
        read_receipt: m.get_flag("read-receipt"),
    };
    let when = match arg(m, "later") {
        Some(text) => When::At(parse_later(text)?),
        None => When::Now,
    };
    let options = crate::draft::BuildOptions {
        user_agent: file.config.settings.user_agent,
        date: match when {
            When::At(at) => Some(at),
            _ => None,
        },
    };
    let built = draft.build(&account, &options).map_err(|problems| {
        Failure(
            problems
                .iter()
                .map(|p| p.localize())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    // Ctrl+C and SIGTERM caught before the message is queued: a stop is
    // then never a message sent anyway later (see [`super::stop`]).
    let mut stop = match when {
        When::Now => Some(super::stop::Stop::listen()?),
        _ => None,
    };
    let store = crate::store::Store::new(&paths()?.data_dir);
    let (outbox, _) = Outbox::open(&store);
    // Queued on disk before anything is sent: a failed or killed send
    // leaves it in the outbox.
    let id = outbox
        .queue(NewMessage {
            account: account.id.clone(),
            message: built,
            draft: None,
            draft_digest: None,
            subject: draft.subject.clone(),
            when,
        })
        .map_err(|e| Failure(e.localize()))?;
    if let When::At(at) = when {
        let _ = writeln!(
            io.stdout,
            "{}",
            t!(
                "send-queued-later",
                id = id.as_str(),
                time = crate::report::outbox::local_time(at)
            )
        );
        return Ok(());
    }
    let report = deliver(&outbox, vec![id.clone()], file, io, stop.as_mut())?;
    write_protocol_log(m, &report.transcript, io);
    if report.stopped {
        return Err(super::stop::after_stop(&outbox, &store, &id));
    }
    if report.failed > 0 {
        return Err(Failure(t!("send-failed-kept")));
    }
    Ok(())
}

/// What [`deliver`] saw.
pub(super) struct Delivered {
    /// Messages not sent (still in the outbox).
    pub failed: usize,
    /// The redacted protocol dialogue of every connection.
    pub transcript: Vec<u8>,
    /// Ctrl+C or SIGTERM came before the sends ended.
    pub stopped: bool,
}

/// Sends outbox messages `ids` through the engine and prints each
/// outcome as it comes. With `stop`, on its runtime: a stop asks each
/// running send to end (before its final `.` nothing is delivered) and
/// waits at most [`STOP_GRACE`] for it, then gives up the rest.
pub(super) fn deliver(
    outbox: &Outbox,
    ids: Vec<String>,
    file: &ConfigFile,
    io: &mut Io<'_>,
    stop: Option<&mut super::stop::Stop>,
) -> Result<Delivered, Failure> {
    use futures::StreamExt;
    let own;
    let (rt, mut stop) = match stop {
        Some(super::stop::Stop { rt, signals }) => (&*rt, Some(signals)),
        None => {
            own = runtime()?;
            (&own, None)
        }
    };
    let mut report = Delivered {
        failed: 0,
        transcript: Vec::new(),
        stopped: stop.as_mut().is_some_and(|s| s.came()),
    };
    if report.stopped {
        return Ok(report);
    }
    let events = outbox.send(
        ids.clone(),
        file.config.accounts.clone(),
        file.config.settings.clone(),
        crate::outbox::Environment::recording(&paths()?.data_dir),
    );
    let run = async {
        tokio::pin!(events);
        let mut grace: Option<std::pin::Pin<Box<tokio::time::Sleep>>> = None;
        loop {
            let stopping = async {
                match (&mut stop, &mut grace) {
                    (_, Some(g)) => g.as_mut().await,
                    (Some(s), None) => s.wait().await,
                    (None, None) => std::future::pending().await,
                }
            };
            tokio::select! {
                event = events.next() => match event {
                    Some(Event::Finished { id, outcome }) => {
                        print_outcome(&id, outcome, &mut report, io)
                    }
                    Some(Event::Transcript(bytes)) => report.transcript.extend_from_slice(&bytes),
                    Some(Event::Started { .. } | Event::Progress { .. }) => {}
                    None => break,
                },
                () = stopping => {
                    if grace.is_some() {
                        break;
                    }
                    report.stopped = true;
                    for id in &ids {
                        outbox.cancel(id);
                    }
                    grace = Some(Box::pin(tokio::time::sleep(STOP_GRACE)));
                }
            }
        }
    };
    rt.block_on(run);
    Ok(report)
}

/// How long a stopped send may take to end by itself (to say exactly
/// whether its final `.` had gone) before it is given up.
const STOP_GRACE: std::time::Duration = std::time::Duration::from_secs(2);

fn print_outcome(id: &str, outcome: Outcome, report: &mut Delivered, io: &mut Io<'_>) {
    match outcome {
        Outcome::Sent {
            delivery, late_by, ..
        } => {
            for address in &delivery.accepted {
                let _ = writeln!(
                    io.stdout,
                    "{}",
                    t!("send-accepted", address = crate::report::safe(address))
                );
            }
            let _ = writeln!(
                io.stdout,
                "{}",
                t!(
                    "send-done",
                    size = crate::report::size_and_exact(delivery.bytes),
                    reply = crate::report::safe(&delivery.reply)
                )
            );
            if let Some(late) = late_by {
                let _ = writeln!(io.stdout, "{}", t!("send-went-late", minutes = late / 60));
            }
        }
        Outcome::Failed(failure) => {
            report.failed += 1;
            let _ = writeln!(io.stderr, "{}", failure.localize());
            let next = if failure.may_have_been_sent() {
                t!("send-kept-maybe-sent", id = id)
            } else if matches!(failure.reason, crate::outbox::Reason::Damaged { .. }) {
                t!("send-kept-damaged", id = id)
            } else {
                match failure.class() {
                    Class::Transient => t!("send-kept-transient", id = id),
                    Class::NeedsAction => t!("send-kept-retry", id = id),
                    Class::Permanent => t!("send-kept-permanent", id = id),
                }
            };
            let _ = writeln!(io.stderr, "{next}");
        }
        Outcome::Skipped => {
            let _ = writeln!(io.stderr, "{}", t!("send-skipped", id = id));
        }
        Outcome::Unsaved(reason) => {
            report.failed += 1;
            let _ = writeln!(io.stderr, "{reason}");
        }
    }
}

/// "YYYY-MM-DD HH:MM" in local time → Unix seconds; a time that has passed
/// is refused.
fn parse_later(text: &str) -> Result<u64, Failure> {
    use crate::report::Localize;
    crate::outbox::later::parse_later(text, crate::outbox::now()).map_err(|e| Failure(e.localize()))
}

/// Whether `body` already ends with the signature of the sender chosen
/// (`identity`: a key `--identity` takes), so it is not added twice.
fn ends_with_signature(
    body: &str,
    account: &crate::account::Account,
    identity: Option<&String>,
) -> bool {
    let id = identity
        .and_then(|key| super::identity::find_identity(account, key))
        .map(|i| i.id.as_str());
    let signature = account.sender(id).signature.trim_end();
    !signature.is_empty() && body.trim_end().ends_with(signature)
}
