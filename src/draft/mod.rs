//! What a compose window holds, and the message built from it.
//!
//! [`Draft`] keeps every field exactly as typed (a half-written address
//! included), so it can be saved and reopened as it was. [`Draft::validate`]
//! lists every problem with the field it belongs to; [`Draft::build`] turns
//! a valid draft into a lettre [`Message`] and its [`Envelope`].
//!
//! The message:
//! - `From`, `To`, `Cc` through our own formatter ([`crate::mime`]); no
//!   `Bcc` header ever (Bcc recipients are only in the envelope);
//! - `Date` with a numeric zone (`+0000`), `Message-ID:
//!   <random@sender-domain>`, `MIME-Version: 1.0`; nothing names the
//!   machine; `User-Agent` only when asked for;
//! - the body as `text/plain; charset=utf-8`, quoted-printable, with CRLF
//!   line endings (a lone CR or LF becomes CRLF); a line starting with `.`
//!   stays so (the SMTP session dot-stuffs it, RFC 5321 §4.5.2);
//! - attachments always base64, typed by mime_guess, named with RFC 2231
//!   (`filename*`) and an RFC 2047 `name=` for older readers.

use std::path::{Path, PathBuf};

use lettre::Message;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, MultiPart, SinglePart};
use serde::{Deserialize, Serialize};

use crate::account::{Account, AccountId};
use crate::address::{self, AddressError, Mailbox};
use crate::mime::{CcHeader, FromHeader, SubjectHeader, ToHeader};

mod attachments;
pub mod typo;

use attachments::{AttachmentPart, attachment_headers};
pub use attachments::{Built, WriteError};

/// A message being written: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// The sending account.
    pub account: Option<AccountId>,
    /// The To field as typed.
    pub to: String,
    /// The Cc field as typed.
    pub cc: String,
    /// The Bcc field as typed.
    pub bcc: String,
    /// The subject as typed.
    pub subject: String,
    /// The body as typed.
    pub body: String,
    /// Files to attach.
    pub attachments: Vec<PathBuf>,
    /// Whether to put the account's signature under `-- `.
    pub signature: bool,
    /// The message id this one replies to (`<…>`, from a `mailto:` link's
    /// `in-reply-to`); empty for a new message.
    pub in_reply_to: String,
    /// The account's identity it goes out as (its id); `None` for the
    /// account's own name and address.
    pub identity: Option<String>,
    /// High priority: `Importance: high` (RFC 2156 §5.3) and
    /// `X-Priority: 1`, which mail programs show.
    pub high_priority: bool,
    /// Ask for a read receipt (`Disposition-Notification-To`, RFC 8098).
    pub read_receipt: bool,
}

/// The signature as it stands in a new message's text: under an empty
/// line and the `-- ` separator (RFC 3676 §4.3), so the person sees it
/// and can change it (D8).
pub fn signature_block(signature: &str) -> String {
    format!("\n\n-- \n{}", signature.trim_end())
}

/// `body` with the signature `old` at its end replaced by `new` (the
/// sender was changed); `None` when the text no longer ends with `old`'s
/// block as inserted (the person edited it: it is left alone).
pub fn swap_signature(body: &str, old: &str, new: &str) -> Option<String> {
    let old_block = if old.trim().is_empty() {
        String::new()
    } else {
        signature_block(old)
    };
    let kept = body.strip_suffix(old_block.as_str())?;
    if new.trim().is_empty() {
        Some(kept.to_string())
    } else {
        Some(format!("{kept}{}", signature_block(new)))
    }
}

/// Something to ask about before a message is sent (it may be sent
/// anyway).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Concern {
    /// The subject is empty.
    NoSubject,
    /// The text speaks of an attachment, but nothing is attached.
    AttachmentMentioned,
    /// A file's path is typed beside Attach but was never attached (the
    /// compose window's own check; a draft does not keep that field).
    PathNotAttached,
    /// A recipient's domain looks like a well-known one mistyped
    /// ([`typo::likely_meant`]).
    DomainTypo {
        /// The address as written.
        address: String,
        /// The domain probably meant.
        meant: String,
    },
    /// The message is larger than the server's SIZE limit as last seen
    /// (RFC 1870): it would be refused (the compose window's own check; a
    /// draft does not know the server).
    TooBig {
        /// About how big it is once encoded, in bytes.
        size: u64,
        /// The server's limit, in bytes.
        limit: u64,
    },
}

/// A field of the compose window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The sender.
    From,
    /// To.
    To,
    /// Cc.
    Cc,
    /// Bcc.
    Bcc,
    /// The attachment at this index.
    Attachment(usize),
}

/// What is wrong with a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// No account chosen.
    NoSender,
    /// The sending account's (or identity's) address, `.0`, is not valid.
    InvalidSender(String, AddressError),
    /// The sender's Reply-To address, `.0`, is not valid.
    InvalidReplyTo(String, AddressError),
    /// A recipient is not valid; `text` is what was typed for it, `span`
    /// where it is in the field.
    InvalidRecipient {
        /// The recipient as typed.
        text: String,
        /// Its byte range in the field.
        span: std::ops::Range<usize>,
        /// Why.
        error: AddressError,
    },
    /// No recipient in To, Cc or Bcc.
    NoRecipients,
    /// A file to attach cannot be read.
    UnreadableAttachment {
        /// The file.
        path: PathBuf,
        /// The operating system's message.
        reason: String,
    },
    /// lettre refused to build the message (should not happen for a
    /// validated draft).
    Build(String),
}

/// A problem and the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where to show it.
    pub field: Field,
    /// What it is.
    pub kind: ProblemKind,
}

/// The SMTP envelope (RFC 5321 §2.3.1): `MAIL FROM` and every `RCPT TO`,
/// Bcc included, each mailbox once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// The reverse path (the sender's address).
    pub mail_from: String,
    /// The forward paths, To then Cc then Bcc, without duplicates.
    pub rcpt_to: Vec<String>,
    /// Whether some address needs SMTPUTF8 (RFC 6531).
    pub smtputf8: bool,
}

/// Options that change what goes into a message.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Add `User-Agent: Koperta/VERSION` (off by default).
    pub user_agent: bool,
    /// The `Date:` of the message, in Unix seconds; `None`: now. A message
    /// sent later is dated at its time, as Thunderbird and webmail date
    /// it: RFC 5322 §3.6.1's "ready to enter the mail delivery system",
    /// not the moment it was queued.
    pub date: Option<u64>,
}

/// Normalises line endings to CRLF: CRLF stays, a lone CR or LF becomes
/// CRLF (RFC 5322 §2.3: no bare CR or LF in a message).
pub fn crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\r\n");
            }
            '\n' => out.push_str("\r\n"),
            _ => out.push(c),
        }
    }
    out
}

impl Draft {
    /// Whether nothing was written: no recipient, subject, text or
    /// attachment (whitespace counts as nothing).
    pub fn is_blank(&self) -> bool {
        [&self.to, &self.cc, &self.bcc, &self.subject, &self.body]
            .iter()
            .all(|f| f.trim().is_empty())
            && self.attachments.is_empty()
    }

    /// A digest of every field (SHA-256 of its TOML form, hex): equal for
    /// equal drafts, so the outbox can tell whether a draft was edited
    /// after its message was queued.
    pub fn digest(&self) -> String {
        crate::outbox::sha256_hex(toml::to_string(self).unwrap_or_default().as_bytes())
    }

    /// What a careful mail program asks about before sending (as
    /// Thunderbird does), those of `checks` that are on: an empty subject,
    /// a text that speaks of an attachment when none is attached, a
    /// recipient at a mistyped well-known domain. Quoted lines (`>`) and
    /// the signature (after `-- `) are not read. Empty when nothing is
    /// amiss.
    pub fn pre_send_concerns(&self, checks: &crate::config::SendChecks) -> Vec<Concern> {
        let mut out = Vec::new();
        if checks.subject && self.subject.trim().is_empty() {
            out.push(Concern::NoSubject);
        }
        if checks.attachment && self.attachments.is_empty() && self.mentions_attachment() {
            out.push(Concern::AttachmentMentioned);
        }
        for (_, text) in self.recipients().into_iter().filter(|_| checks.domain) {
            for entry in address::parse_field(text) {
                if let Ok(m) = entry.result
                    && let Some(meant) = typo::likely_meant(&m.domain_ascii)
                {
                    out.push(Concern::DomainTypo {
                        address: format!("{}@{}", m.local, m.domain),
                        meant,
                    });
                }
            }
        }
        out
    }

    /// Whether the text (or subject) names an attachment: a word beginning
    /// with "załącz" / "zalacz" (załącznik, w załączeniu, załączam) or
    /// "attach" (attached, attachment), any case.
    fn mentions_attachment(&self) -> bool {
        const STEMS: [&str; 3] = ["załącz", "zalacz", "attach"];
        let own = self
            .body
            .lines()
            .take_while(|l| *l != "-- ")
            .filter(|l| !l.trim_start().starts_with('>'));
        std::iter::once(self.subject.as_str())
            .chain(own)
            .flat_map(|l| l.split(|c: char| !c.is_alphanumeric()))
            .map(str::to_lowercase)
            .any(|w| STEMS.iter().any(|s| w.starts_with(s)))
    }

    fn recipients(&self) -> [(Field, &str); 3] {
        [
            (Field::To, self.to.as_str()),
            (Field::Cc, self.cc.as_str()),
            (Field::Bcc, self.bcc.as_str()),
        ]
    }

    /// Every problem that keeps this draft from being sent by `account`
    /// (the draft's chosen account, or `None` when there is none).
    /// An empty list means [`Draft::build`] will only fail on I/O.
    pub fn validate(&self, account: Option<&Account>) -> Vec<Problem> {
        let mut problems = Vec::new();
        match account {
            None => problems.push(Problem {
                field: Field::From,
                kind: ProblemKind::NoSender,
            }),
            Some(a) => {
                let sender = a.sender(self.identity.as_deref());
                if let Err(e) = address::parse_mailbox(sender.address) {
                    problems.push(Problem {
                        field: Field::From,
                        kind: ProblemKind::InvalidSender(sender.address.to_string(), e),
                    });
                }
                if !sender.reply_to.trim().is_empty()
                    && let Err(e) = address::parse_mailbox(sender.reply_to)
                {
                    problems.push(Problem {
                        field: Field::From,
                        kind: ProblemKind::InvalidReplyTo(sender.reply_to.to_string(), e),
                    });
                }
            }
        }
        let mut any = false;
        for (field, text) in self.recipients() {
            for entry in address::parse_field(text) {
                // A recipient written wrong is still one: "add at least
                // one recipient" under "no @ in it" contradicted it.
                any = true;
                match entry.result {
                    Ok(_) => {}
                    Err(error) => problems.push(Problem {
                        field,
                        kind: ProblemKind::InvalidRecipient {
                            text: entry.text,
                            span: entry.span,
                            error,
                        },
                    }),
                }
            }
        }
        if !any {
            problems.push(Problem {
                field: Field::To,
                kind: ProblemKind::NoRecipients,
            });
        }
        for (i, path) in self.attachments.iter().enumerate() {
            if let Err(reason) = check_readable(path) {
                problems.push(Problem {
                    field: Field::Attachment(i),
                    kind: ProblemKind::UnreadableAttachment {
                        path: path.clone(),
                        reason,
                    },
                });
            }
        }
        problems
    }

    /// The body that goes out: CRLF line endings, and the signature under
    /// `-- ` when asked for and the account has one.
    pub fn body_text(&self, account: &Account) -> String {
        let mut body = crlf(&self.body);
        let signature = account.sender(self.identity.as_deref()).signature;
        if self.signature && !signature.trim().is_empty() {
            if !body.is_empty() && !body.ends_with("\r\n") {
                body.push_str("\r\n");
            }
            body.push_str("-- \r\n");
            body.push_str(&crlf(signature));
        }
        body
    }

    /// Builds the message to send from `account`.
    ///
    /// Errors: every problem [`Draft::validate`] finds; or, when an
    /// attachment cannot be read now, that one. Nothing is built unless
    /// everything is right.
    pub fn build(&self, account: &Account, options: &BuildOptions) -> Result<Built, Vec<Problem>> {
        let problems = self.validate(Some(account));
        if !problems.is_empty() {
            return Err(problems);
        }
        // The identity chosen: its name and address in From, and its
        // address as MAIL FROM (a server that allows only the account's
        // own refuses it there, and the outbox says so).
        let from = account.sender(self.identity.as_deref());
        let mut sender = address::parse_mailbox(from.address).map_err(|e| {
            vec![Problem {
                field: Field::From,
                kind: ProblemKind::InvalidSender(from.address.to_string(), e),
            }]
        })?;
        let name = address::clean_name(from.name);
        sender.name = (!name.is_empty()).then_some(name);
        let reply_to = match from.reply_to.trim() {
            "" => None,
            r => Some(address::parse_mailbox(r).map_err(|e| {
                vec![Problem {
                    field: Field::From,
                    kind: ProblemKind::InvalidReplyTo(r.to_string(), e),
                }]
            })?),
        };

        let mut lists: [Vec<Mailbox>; 3] = Default::default();
        let mut seen = std::collections::HashSet::new();
        let mut rcpt_to = Vec::new();
        let mut smtputf8 = sender.needs_smtputf8();
        for (i, (_, text)) in self.recipients().iter().enumerate() {
            for entry in address::parse_field(text) {
                if let Ok(m) = entry.result {
                    smtputf8 |= m.needs_smtputf8();
                    if seen.insert(m.envelope_key()) {
                        rcpt_to.push(m.addr_spec());
                        lists[i].push(m);
                    } else if i < 2
                        && !lists[i]
                            .iter()
                            .any(|x| x.envelope_key() == m.envelope_key())
                    {
                        // Already a recipient elsewhere: once in the envelope,
                        // but still shown where it was typed (not for Bcc).
                        lists[i].push(m);
                    }
                }
            }
        }
        let [to, cc, bcc_list] = lists;
        let mut bcc: Vec<String> = bcc_list.iter().map(|m| m.addr_spec()).collect();
        // "Bcc me": the sender gets a copy through the envelope only.
        if account.bcc_self && seen.insert(sender.envelope_key()) {
            rcpt_to.push(sender.addr_spec());
            bcc.push(sender.addr_spec());
        }

        // Attachments are checked now and read only when the message is
        // written ([`Built::write_to`]).
        let mut parts = Vec::new();
        for (i, path) in self.attachments.iter().enumerate() {
            let part = attachment_headers(path).map_err(|e| {
                vec![Problem {
                    field: Field::Attachment(i),
                    kind: ProblemKind::UnreadableAttachment {
                        path: path.clone(),
                        reason: crate::report::io_error(&e),
                    },
                }]
            })?;
            parts.push((i, path.clone(), part));
        }

        let domain = sender
            .domain_ascii
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let id = format!("<{:032x}@{}>", rand::random::<u128>(), domain);
        let mut builder = Message::builder()
            .header(FromHeader(sender.clone()))
            .date(match options.date {
                Some(at) => std::time::UNIX_EPOCH + std::time::Duration::from_secs(at),
                None => std::time::SystemTime::now(),
            })
            .message_id(Some(id));
        if !to.is_empty() {
            builder = builder.header(ToHeader(to));
        } else if cc.is_empty() {
            // Bcc only (D23).
            builder = builder.header(crate::mime::UndisclosedRecipients);
        }
        if !cc.is_empty() {
            builder = builder.header(CcHeader(cc));
        }
        builder = builder.header(SubjectHeader(self.subject.clone()));
        if let Some(r) = reply_to {
            builder = builder.header(crate::mime::ReplyToHeader(vec![r]));
        }
        if self.high_priority {
            builder = builder
                .header(crate::mime::Importance)
                .header(crate::mime::XPriority);
        }
        if self.read_receipt {
            builder = builder.header(crate::mime::ReceiptToHeader(vec![sender.clone()]));
        }
        // RFC 5322 §3.6.4: one msg-id in angle brackets, ASCII, no spaces;
        // anything else is left out rather than sent malformed.
        let reply_to_id = self.in_reply_to.trim();
        if reply_to_id.len() > 2
            && reply_to_id.len() < 250
            && reply_to_id.starts_with('<')
            && reply_to_id.ends_with('>')
            && reply_to_id.contains('@')
            && reply_to_id.chars().all(|c| c.is_ascii_graphic())
        {
            builder = builder
                .in_reply_to(reply_to_id.to_string())
                .references(reply_to_id.to_string());
        }
        if options.user_agent {
            builder = builder.user_agent(format!("Koperta/{}", env!("CARGO_PKG_VERSION")));
        }
        let envelope = Envelope {
            mail_from: sender.addr_spec(),
            rcpt_to,
            smtputf8,
        };
        if let Some(e) = lettre_envelope(&envelope) {
            builder = builder.envelope(e);
        }
        let text = text_part(self.body_text(account));
        let mut boundary = None;
        let built = if parts.is_empty() {
            builder.singlepart(text)
        } else {
            let mixed = MultiPart::mixed().singlepart(text);
            boundary = Some(mixed.boundary());
            builder.multipart(mixed)
        };
        let message = built.map_err(|e| {
            vec![Problem {
                field: Field::From,
                kind: ProblemKind::Build(e.to_string()),
            }]
        })?;
        let mut head = message.formatted();
        let mut tail = Vec::new();
        let mut attachments = Vec::new();
        if let Some(boundary) = boundary {
            // lettre ends the multipart with the closing delimiter; the
            // attachment parts go before it.
            let closing = format!("--{boundary}--\r\n").into_bytes();
            if !head.ends_with(&closing) {
                return Err(vec![Problem {
                    field: Field::From,
                    kind: ProblemKind::Build("multipart without its closing delimiter".into()),
                }]);
            }
            head.truncate(head.len() - closing.len());
            tail = closing;
            for (index, path, header) in parts {
                let mut part_head = format!("--{boundary}\r\n").into_bytes();
                part_head.extend_from_slice(header.part.headers().to_string().as_bytes());
                part_head.extend_from_slice(b"\r\n");
                attachments.push(AttachmentPart {
                    head: part_head,
                    path,
                    index,
                    size: header.size,
                    utf8: header.utf8,
                });
            }
        }
        Ok(Built {
            envelope,
            bcc,
            head,
            attachments,
            tail,
        })
    }
}

fn check_readable(path: &Path) -> Result<(), String> {
    crate::fs::open_regular(path)
        .map(|_| ())
        .map_err(|e| crate::report::io_error(&e))
}

/// lettre's own envelope, when lettre accepts every address (it refuses
/// some valid ones, such as quoted local parts); ours is authoritative.
fn lettre_envelope(e: &Envelope) -> Option<lettre::address::Envelope> {
    let from: lettre::Address = e.mail_from.parse().ok()?;
    let to: Option<Vec<lettre::Address>> = e.rcpt_to.iter().map(|a| a.parse().ok()).collect();
    lettre::address::Envelope::new(Some(from), to?).ok()
}

fn text_part(body: String) -> SinglePart {
    // Quoted-printable keeps the .eml 7-bit clean whatever server it meets.
    let body = match Body::new_with_encoding(body, ContentTransferEncoding::QuotedPrintable) {
        Ok(b) => b,
        // QP accepts every input; this arm only satisfies the type.
        Err(bytes) => Body::new(bytes),
    };
    SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d08_the_signature_stands_in_the_text_and_follows_the_sender() {
        let block = signature_block("Zofia Żółkiewska\nKoperta sp. z o.o.\n");
        assert_eq!(block, "\n\n-- \nZofia Żółkiewska\nKoperta sp. z o.o.");
        let body = format!("Dzień dobry!{block}");
        assert_eq!(
            swap_signature(&body, "Zofia Żółkiewska\nKoperta sp. z o.o.", "Z. Ż."),
            Some("Dzień dobry!\n\n-- \nZ. Ż.".to_string())
        );
        assert_eq!(
            swap_signature(&body, "Zofia Żółkiewska\nKoperta sp. z o.o.", ""),
            Some("Dzień dobry!".to_string()),
            "a sender without one: removed"
        );
        assert_eq!(
            swap_signature("Tekst", "", "Z. Ż."),
            Some("Tekst\n\n-- \nZ. Ż.".to_string())
        );
        assert_eq!(
            swap_signature("Dzień dobry!\n\n-- \nzmieniony", "Zofia", "Z. Ż."),
            None,
            "an edited signature is left alone"
        );
    }

    #[test]
    fn a_recipient_written_wrong_is_not_also_called_missing() {
        let d = Draft {
            to: "not an address".into(),
            ..Draft::default()
        };
        let kinds: Vec<ProblemKind> = d.validate(None).into_iter().map(|p| p.kind).collect();
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, ProblemKind::InvalidRecipient { .. }))
        );
        assert!(!kinds.contains(&ProblemKind::NoRecipients), "{kinds:?}");
    }

    #[test]
    fn d23_an_empty_subject_and_a_mentioned_but_missing_attachment_are_asked_about() {
        let d = Draft {
            body: "Dzień dobry,\nW ZAŁĄCZNIKU przesyłam raport.".into(),
            ..Draft::default()
        };
        assert_eq!(
            d.pre_send_concerns(&crate::config::SendChecks::default()),
            [Concern::NoSubject, Concern::AttachmentMentioned]
        );
        let quoted = Draft {
            subject: "Re: raport".into(),
            body: "Dziękuję!\n> W załączeniu raport.\n-- \nZałączam pozdrowienia".into(),
            ..Draft::default()
        };
        assert!(
            quoted
                .pre_send_concerns(&crate::config::SendChecks::default())
                .is_empty(),
            "quotes and signature not read"
        );
        let english = Draft {
            subject: "Report".into(),
            body: "Please find the report attached.".into(),
            attachments: vec!["/tmp/r.pdf".into()],
            ..Draft::default()
        };
        assert!(
            english
                .pre_send_concerns(&crate::config::SendChecks::default())
                .is_empty(),
            "it is attached"
        );
        let detached = Draft {
            subject: "Detached house".into(),
            ..Draft::default()
        };
        assert!(
            detached
                .pre_send_concerns(&crate::config::SendChecks::default())
                .is_empty(),
            "a word that merely contains it"
        );
    }
}
