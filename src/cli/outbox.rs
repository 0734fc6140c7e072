//! `koperta outbox list|retry|remove|run`: the outbox engine from the
//! command line (for scripts, cron, and machines where the app is not
//! running).

use super::send::deliver;
use super::*;
use crate::outbox::{Class, Outbox, OutboxError, State};

/// The outbox; a damaged sidecar is named (and kept as it is), the rest
/// goes on.
fn open_outbox(io: &mut Io<'_>) -> Result<Outbox, Failure> {
    let store = crate::store::Store::new(&paths()?.data_dir);
    let (outbox, bad) = Outbox::open(&store);
    for e in bad {
        let _ = writeln!(io.stderr, "{}", e.localize());
    }
    Ok(outbox)
}

pub(super) fn list(file: &ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    let outbox = open_outbox(io)?;
    let entries = outbox.entries();
    if entries.is_empty() {
        let _ = writeln!(io.stdout, "{}", t!("outbox-list-empty"));
        return Ok(());
    }
    for m in entries {
        let s = &m.sidecar;
        // The sender it goes (or went) from: the envelope's MAIL FROM,
        // which an identity sets (a tenth tryout saw the account's own).
        let account = if s.envelope.mail_from.is_empty() {
            file.config
                .accounts
                .iter()
                .find(|a| a.id == s.account)
                .map(|a| a.address.clone())
                .unwrap_or_else(|| s.account.0.clone())
        } else {
            s.envelope.mail_from.clone()
        };
        let state = crate::report::outbox::state_line(s);
        let subject = if s.subject.trim().is_empty() {
            t!("main-no-subject")
        } else {
            crate::report::safe_line(&s.subject)
        };
        let _ = writeln!(
            io.stdout,
            "{}",
            t!(
                "outbox-list-entry",
                id = m.id.as_str(),
                state = state,
                subject = subject
            )
        );
        let _ = writeln!(
            io.stdout,
            "{}",
            t!(
                "outbox-list-recipients",
                recipients = crate::report::safe_line(&s.envelope.rcpt_to.join(", ")),
                account = crate::report::safe_line(&account),
                attempts = s.attempts
            )
        );
        if let Some(f) = &s.failure {
            let reason = f.localize().replace('\n', "\n    ");
            let _ = writeln!(io.stdout, "{}", t!("outbox-list-reason", reason = reason));
        }
    }
    Ok(())
}

/// Asks the person at a terminal whether to send a message that may have
/// been sent; without a terminal the answer is no (scripts say `--yes`).
fn confirm(io: &mut Io<'_>, id: &str) -> bool {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return false;
    }
    let _ = write!(io.stderr, "{} ", t!("outbox-confirm-resend", id = id));
    let _ = io.stderr.flush();
    let mut answer = String::new();
    if std::io::stdin().read_line(&mut answer).is_err() {
        return false;
    }
    let a = answer.trim().to_lowercase();
    a == t!("outbox-confirm-yes-letter") || a == "y"
}

/// Makes `ids` due (asking for those that may have been sent) and returns
/// the ones that are.
fn make_due(
    outbox: &Outbox,
    ids: Vec<String>,
    yes: bool,
    io: &mut Io<'_>,
) -> Result<Vec<String>, Failure> {
    let mut due = Vec::new();
    let mut refused = None;
    let single = ids.len() == 1;
    for id in ids {
        let result = match outbox.retry(&id, yes) {
            Err(OutboxError::AskFirst) if confirm(io, &id) => outbox.retry(&id, true),
            r => r,
        };
        match result {
            Ok(()) => due.push(id),
            // One message asked for: its reason is the command's error,
            // said once.
            Err(e) if single => return Err(Failure(e.localize())),
            Err(e) => {
                let _ = writeln!(io.stderr, "{}: {}", id, e.localize());
                refused = Some(e);
            }
        }
    }
    if due.is_empty()
        && let Some(e) = refused
    {
        return Err(Failure(e.localize()));
    }
    Ok(due)
}

pub(super) fn retry(m: &ArgMatches, file: &ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    let outbox = open_outbox(io)?;
    let yes = m.get_flag("yes");
    let ids: Vec<String> = if m.get_flag("all") {
        outbox
            .entries()
            .into_iter()
            .filter(|e| match e.sidecar.state {
                State::Failed => {
                    e.sidecar.failure.as_ref().map(|f| f.class()) != Some(Class::Permanent)
                }
                State::MaybeSent | State::Due => true,
                _ => false,
            })
            .map(|e| e.id)
            .collect()
    } else {
        vec![arg(m, "id").cloned().unwrap_or_default()]
    };
    if ids.is_empty() {
        let _ = writeln!(io.stdout, "{}", t!("outbox-nothing-to-retry"));
        return Ok(());
    }
    let due = make_due(&outbox, ids, yes, io)?;
    finish(deliver(&outbox, due, file, io, None)?.failed)
}

pub(super) fn remove(m: &ArgMatches, io: &mut Io<'_>) -> Result<(), Failure> {
    let outbox = open_outbox(io)?;
    let id = arg(m, "id").cloned().unwrap_or_default();
    let draft = outbox.remove(&id).map_err(|e| Failure(e.localize()))?;
    if let Some(d) = draft {
        let _ = outbox.store().delete_draft(&d);
    }
    let _ = writeln!(io.stdout, "{}", t!("outbox-removed", id = id.as_str()));
    Ok(())
}

pub(super) fn run_due(m: &ArgMatches, file: &ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    let outbox = open_outbox(io)?;
    let yes = m.get_flag("yes");
    let mut due = outbox.due(crate::outbox::now());
    let unsure: Vec<String> = outbox
        .entries()
        .into_iter()
        .filter(|e| e.sidecar.state == State::MaybeSent)
        .map(|e| e.id)
        .collect();
    if !unsure.is_empty() {
        if yes {
            due.extend(make_due(&outbox, unsure, true, io)?);
        } else {
            let _ = writeln!(
                io.stderr,
                "{}",
                t!(
                    "outbox-run-unsure-kept",
                    count = unsure.len(),
                    ids = unsure.join(", ")
                )
            );
        }
    }
    if due.is_empty() {
        let _ = writeln!(io.stdout, "{}", t!("outbox-run-nothing-due"));
        return Ok(());
    }
    finish(deliver(&outbox, due, file, io, None)?.failed)
}

fn finish(failed: usize) -> Result<(), Failure> {
    if failed > 0 {
        return Err(Failure(t!("outbox-some-not-sent", count = failed)));
    }
    Ok(())
}
