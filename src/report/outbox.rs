//! The outbox in the person's language: failures (kept as data, translated
//! here when shown), states, and storage errors.

use super::{Localize, io_error, smtp_error};
use crate::outbox::state::DamageDetail;
use crate::outbox::{Class, Failure, OutboxError, Reason, State};
use crate::store::StoreError;
use crate::t;

impl Localize for Failure {
    fn localize(&self) -> String {
        match &self.reason {
            Reason::Smtp { error, host } => smtp_error(error, host),
            Reason::Damaged { detail } => match detail {
                DamageDetail::Size { expected, found } => {
                    t!("outbox-damaged-size", expected = *expected, found = *found)
                }
                DamageDetail::Checksum => t!("outbox-damaged-checksum"),
                DamageDetail::Unreadable(os) => {
                    t!("outbox-damaged-unreadable", detail = os.as_str())
                }
            },
            Reason::NoAccount { .. } => t!("outbox-no-account"),
            Reason::Cancelled => t!("outbox-cancelled"),
            Reason::CancelledAfterDot => t!("outbox-cancelled-after-dot"),
            Reason::Interrupted => t!("outbox-interrupted"),
            Reason::Legacy { text, .. } => super::safe(text),
        }
    }
}

/// What happens next to a failed message, for the person.
pub fn next_step(failure: &Failure) -> String {
    match failure.reason {
        Reason::Damaged { .. } => return t!("outbox-next-damaged"),
        // Nothing to fix: the person stopped it.
        Reason::Cancelled => return t!("outbox-next-cancelled"),
        _ => {}
    }
    // Not "fix the cause": the question is whether it went.
    if failure.may_have_been_sent() {
        return t!("outbox-next-maybe-sent");
    }
    match failure.class() {
        Class::Transient => t!("outbox-next-automatic"),
        Class::NeedsAction => t!("outbox-next-fix-and-retry"),
        Class::Permanent => t!("outbox-next-edit"),
    }
}

/// A message's state with its time: when a held or scheduled one goes,
/// when a transient failure is tried again (local time).
pub fn state_line(sidecar: &crate::store::Sidecar) -> String {
    // Its undo delay over (the app that held it is gone): it goes at the
    // next run, and is not said to be undoable (tryout 8's `outbox list`).
    if let State::Held { until } = sidecar.state
        && until <= crate::outbox::now()
    {
        return state_label(State::Due);
    }
    let label = state_label(sidecar.state);
    let at = match sidecar.state {
        State::Held { until } => Some(until),
        State::Scheduled { at } => Some(at),
        State::Failed if sidecar.failure.as_ref().map(Failure::class) == Some(Class::Transient) => {
            sidecar.next_try
        }
        _ => None,
    };
    match (sidecar.state, at) {
        (State::Failed, Some(at)) => format!(
            "{label} · {}",
            t!("outbox-next-try-at", time = local_time(at))
        ),
        (_, Some(at)) => format!("{label} · {}", local_time(at)),
        (_, None) => label,
    }
}

/// As [`state_line`], for the desktop: a retry is told as the time left
/// ("next try in 4 minutes"), `now` being the current Unix time.
pub fn state_line_relative(sidecar: &crate::store::Sidecar, now: u64) -> String {
    let transient = sidecar.failure.as_ref().map(Failure::class) == Some(Class::Transient);
    match (sidecar.state, sidecar.next_try) {
        (State::Failed, Some(at)) if transient => {
            let minutes = at.saturating_sub(now).div_ceil(60);
            let left = if minutes == 0 {
                t!("outbox-next-try-now")
            } else {
                t!("outbox-next-try-in", minutes = minutes)
            };
            format!("{} · {left}", state_label(sidecar.state))
        }
        // Its undo delay over (Koperta was stopped in it, a tryout's
        // kill -9): it goes now, and is not said to be undoable.
        (State::Held { until }, _) if until <= now => state_label(State::Due),
        (State::Held { until }, _) => format!(
            "{} · {}",
            state_label(sidecar.state),
            t!("outbox-goes-in", seconds = until - now)
        ),
        _ => state_line(sidecar),
    }
}

/// Unix seconds as a date and time in local time, in the language's own
/// way: "3 grudnia 2026, 11:44", "3 December 2026, 11:44" (month names
/// from Fluent, in the genitive in Polish). Empty for a time that cannot
/// be shown.
pub fn local_time(at: u64) -> String {
    i64::try_from(at)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map(|t| {
            let z = t.to_zoned(jiff::tz::TimeZone::system());
            t!(
                "date-time",
                day = z.day().to_string(),
                month = i64::from(z.month()),
                year = z.year().to_string(),
                clock = format!("{:02}:{:02}", z.hour(), z.minute())
            )
        })
        .unwrap_or_default()
}

/// A message's state in a few words.
pub fn state_label(state: State) -> String {
    match state {
        State::Held { .. } => t!("outbox-state-held"),
        State::Scheduled { .. } => t!("outbox-state-scheduled"),
        State::Due => t!("outbox-state-due"),
        State::Sending { .. } => t!("outbox-state-sending"),
        State::Failed => t!("outbox-state-failed"),
        State::MaybeSent => t!("outbox-state-maybe-sent"),
        State::Sent { .. } => t!("outbox-state-sent"),
    }
}

impl Localize for StoreError {
    fn localize(&self) -> String {
        match self {
            StoreError::Io { path, source } => t!(
                "store-error-io",
                path = path.display().to_string(),
                reason = io_error(source)
            ),
            StoreError::NotAFile { path } => {
                t!("store-error-not-a-file", path = path.display().to_string())
            }
            StoreError::TooLarge { path, size, limit } => t!(
                "store-error-too-large",
                path = path.display().to_string(),
                size = super::human_size(*size),
                limit = super::human_size(*limit)
            ),
            StoreError::Damaged { path, detail } => t!(
                "store-error-damaged",
                path = path.display().to_string(),
                detail = detail.as_str()
            ),
        }
    }
}

impl Localize for OutboxError {
    fn localize(&self) -> String {
        match self {
            OutboxError::NotFound => t!("outbox-error-not-found"),
            OutboxError::AlreadySent => t!("outbox-error-already-sent"),
            OutboxError::Busy => t!("outbox-error-busy"),
            OutboxError::AskFirst => t!("outbox-error-ask-first"),
            OutboxError::Permanent => t!("outbox-error-permanent"),
            OutboxError::TooLate => t!("outbox-error-too-late"),
            OutboxError::NotYet => t!("outbox-error-not-yet"),
            OutboxError::Store(e) => e.localize(),
        }
    }
}

impl Localize for crate::contacts::ContactsError {
    fn localize(&self) -> String {
        use crate::contacts::ContactsError as E;
        match self {
            E::Io { path, source } => t!(
                "store-error-io",
                path = path.display().to_string(),
                reason = io_error(source)
            ),
            E::Damaged { path, detail } => t!(
                "contacts-error-damaged",
                path = path.display().to_string(),
                detail = super::safe(detail)
            ),
            E::NotVcard { detail } => t!("contacts-error-not-vcard", detail = super::safe(detail)),
            E::BadAddress { address } => t!(
                "contacts-error-bad-address",
                address = super::safe_line(address)
            ),
        }
    }
}

impl Localize for crate::outbox::later::LaterError {
    fn localize(&self) -> String {
        use crate::outbox::later::LaterError as E;
        match self {
            E::Format(v) => t!("send-error-later-format", value = v.as_str()),
            E::NoSuchTime(v) => t!("send-error-later-no-such-time", value = v.as_str()),
            E::Past(v) => t!("send-error-later-past", value = v.as_str()),
        }
    }
}

impl Localize for crate::spell::SpellError {
    fn localize(&self) -> String {
        use crate::spell::SpellError as E;
        match self {
            E::NotInstalled("pl") => t!("spell-error-not-installed-pl"),
            E::NotInstalled(_) => t!("spell-error-not-installed-en"),
            E::Unreadable { path, reason } => t!(
                "spell-error-unreadable",
                path = path.display().to_string(),
                reason = reason.as_str()
            ),
            E::Damaged { path, reason } => t!(
                "spell-error-damaged",
                path = path.display().to_string(),
                reason = reason.as_str()
            ),
        }
    }
}
