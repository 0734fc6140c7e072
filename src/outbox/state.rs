//! The states of an outbox message, the failures it keeps, and the one rule
//! for what follows each outcome.
//!
//! ```text
//!   queue ─► Held(until) ─┐           (undo delay: can be taken back)
//!        ─► Scheduled(at) ┼─► Due ─► Sending ─┬─► Sent  (filed in sent/)
//!        ─► Due ──────────┘    ▲              ├─► Failed(transient)  ── backoff ─┐
//!                              │              ├─► Failed(needs action | permanent)
//!                              │              └─► MaybeSent  (asks before a retry)
//!                              └────────────────────────────────────────────────┘
//! ```
//!
//! Times are seconds since the Unix epoch (UTC).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::smtp::SmtpError;

/// Seconds since the Unix epoch, now.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Where an outbox message is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum State {
    /// Queued with an undo delay: it can be taken back into its draft until
    /// `until`, then it is due.
    Held {
        /// When the undo delay ends (Unix seconds).
        until: u64,
    },
    /// Send later: due at `at` (Unix seconds).
    Scheduled {
        /// When it falls due.
        at: u64,
    },
    /// Waiting to be sent now.
    #[default]
    Due,
    /// A process is sending it (the attempt is recorded before the first
    /// byte leaves). Found like this with no process holding its lock, it
    /// may have been sent.
    Sending {
        /// When the attempt began (Unix seconds).
        since: u64,
    },
    /// The last attempt failed; the failure says why and whether it is
    /// retried on its own.
    Failed,
    /// The last attempt may have delivered it (the final `.` may have
    /// reached the server): nothing re-sends it without asking.
    MaybeSent,
    /// The server accepted it (recorded before the files move to `sent/`).
    Sent {
        /// When the server accepted it (Unix seconds).
        at: u64,
    },
}

/// How a failure is handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Retried on its own after a pause (4xx, timeouts, network).
    Transient,
    /// Waits for the person: a setting, password or certificate to fix,
    /// then Retry.
    NeedsAction,
    /// The message itself was refused (5xx, too large, SMTPUTF8, refused
    /// recipients, a damaged file): never retried, not offered a plain
    /// Retry — it must be edited.
    Permanent,
}

/// Why an attempt failed. Stored as data; translated when shown
/// ([`crate::report`]), so a language switch changes every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Reason {
    /// The submission failed.
    Smtp {
        /// What happened.
        error: SmtpError,
        /// The server's host name (named by some messages).
        host: String,
    },
    /// The queued `.eml` is not what was queued (size or SHA-256 differ,
    /// or it cannot be read): never sent as it is.
    Damaged {
        /// What was wrong, for the person (the OS's or our own words).
        detail: DamageDetail,
    },
    /// The sending account no longer exists.
    NoAccount {
        /// The account id in the sidecar.
        account: String,
    },
    /// The person cancelled the send before the message was complete.
    Cancelled,
    /// The person cancelled the send after the whole message and its
    /// final `.` had gone out, before the server's reply: it may have been
    /// sent (RFC 5321 §4.1.1.4: the server may have taken it).
    CancelledAfterDot,
    /// A Koperta process stopped (killed, crashed, switched off) while the
    /// message was going out: it may have been sent.
    Interrupted,
    /// A failure recorded by an older Koperta, as text in the language of
    /// that day.
    Legacy {
        /// The text.
        text: String,
        /// Whether it was retried on its own.
        transient: bool,
    },
}

/// What made a queued file damaged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DamageDetail {
    /// Its size is not the queued size.
    Size {
        /// Bytes queued.
        expected: u64,
        /// Bytes found.
        found: u64,
    },
    /// Same size, other content.
    Checksum,
    /// It could not be read; the OS's words.
    Unreadable(String),
}

/// A failure with its time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// What went wrong.
    pub reason: Reason,
    /// When (Unix seconds).
    pub at: u64,
}

impl Failure {
    /// A failure now.
    pub fn new(reason: Reason) -> Failure {
        Failure { reason, at: now() }
    }

    /// How it is handled.
    pub fn class(&self) -> Class {
        match &self.reason {
            Reason::Smtp { error, .. } => classify(error),
            Reason::Damaged { .. } => Class::Permanent,
            Reason::NoAccount { .. }
            | Reason::Cancelled
            | Reason::CancelledAfterDot
            | Reason::Interrupted => Class::NeedsAction,
            Reason::Legacy {
                transient: true, ..
            } => Class::Transient,
            Reason::Legacy { .. } => Class::NeedsAction,
        }
    }

    /// Whether the last attempt may have delivered the message.
    pub fn may_have_been_sent(&self) -> bool {
        matches!(
            &self.reason,
            Reason::Smtp {
                error: SmtpError::OutcomeUnknown,
                ..
            } | Reason::Interrupted
                | Reason::CancelledAfterDot
        )
    }

    /// The server's reply code, when the server refused.
    pub fn code(&self) -> Option<u16> {
        match &self.reason {
            Reason::Smtp { error, .. } => reply(error).map(|(c, _)| c),
            _ => None,
        }
    }

    /// The enhanced status code (RFC 3463, `class.subject.detail`) at the
    /// start of the server's text, when it gave one (RFC 2034).
    pub fn enhanced_code(&self) -> Option<String> {
        let text = self.server_text()?;
        let first = text.split_whitespace().next()?;
        let parts: Vec<&str> = first.split('.').collect();
        let ok = parts.len() == 3
            && matches!(parts[0], "2" | "4" | "5")
            && parts[1..]
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
        ok.then(|| first.to_string())
    }

    /// The server's own words, when it said any.
    pub fn server_text(&self) -> Option<&str> {
        match &self.reason {
            Reason::Smtp { error, .. } => reply(error).map(|(_, t)| t),
            _ => None,
        }
    }
}

fn reply(e: &SmtpError) -> Option<(u16, &str)> {
    match e {
        SmtpError::StartTlsRefused { code, text }
        | SmtpError::AuthFailed { code, text }
        | SmtpError::Transient { code, text }
        | SmtpError::Permanent { code, text } => Some((*code, text.as_str())),
        SmtpError::RecipientsRefused { refused } => {
            refused.first().map(|(_, c, t)| (*c, t.as_str()))
        }
        _ => None,
    }
}

/// How an SMTP failure is handled.
pub fn classify(e: &SmtpError) -> Class {
    match e {
        e if e.is_transient() => Class::Transient,
        SmtpError::Permanent { .. }
        | SmtpError::SenderRefused { .. }
        | SmtpError::RecipientsRefused { .. }
        | SmtpError::TooLarge { .. }
        | SmtpError::SmtpUtf8Needed { .. } => Class::Permanent,
        _ => Class::NeedsAction,
    }
}

/// The pause before the `n`-th automatic retry of a transient failure:
/// 1, 2, 4, 8 … minutes, at most an hour.
pub fn backoff(attempts: u32) -> Duration {
    let minutes = 1u64 << attempts.saturating_sub(1).min(6);
    Duration::from_secs((minutes * 60).min(3600))
}

/// How late a message counts as "went late": a scheduled message sent more
/// than this after its time is reported as late (seconds).
pub const LATE_AFTER: u64 = 120;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(1), Duration::from_secs(60));
        assert_eq!(backoff(2), Duration::from_secs(120));
        assert_eq!(backoff(3), Duration::from_secs(240));
        assert_eq!(backoff(30), Duration::from_secs(3600));
    }

    #[test]
    fn failures_keep_code_enhanced_code_and_server_text() {
        let f = Failure::new(Reason::Smtp {
            error: SmtpError::AuthFailed {
                code: 535,
                text: "5.7.8 Authentication credentials invalid".into(),
            },
            host: "smtp.example.com".into(),
        });
        assert_eq!(f.code(), Some(535));
        assert_eq!(f.enhanced_code().as_deref(), Some("5.7.8"));
        assert_eq!(f.class(), Class::NeedsAction);
        let f = Failure::new(Reason::Smtp {
            error: SmtpError::TooLarge { size: 10, limit: 5 },
            host: String::new(),
        });
        assert_eq!(f.class(), Class::Permanent);
        assert_eq!(f.enhanced_code(), None);
    }
}
