//! Every error, in the person's language: the one place where error values
//! become Fluent messages (the command line and the GUI both use it).

use crate::config::{ConfigError, PolicyError};
use crate::paths::NoHomeDir;
use crate::secrets::SecretsError;
use crate::t;

pub mod marks;
pub mod outbox;
mod own_words;

/// A value that can be told to the person in the current language.
pub trait Localize {
    /// The message in the language last chosen with [`crate::i18n::apply`].
    fn localize(&self) -> String;
}

impl Localize for ConfigError {
    fn localize(&self) -> String {
        match self {
            ConfigError::Parse {
                path,
                line,
                column,
                message,
            } => t!(
                "config-error-parse",
                path = path.display().to_string(),
                line = *line,
                column = *column,
                detail = message.as_str()
            ),
            ConfigError::NewerVersion { path, found } => t!(
                "config-error-newer",
                path = path.display().to_string(),
                found = *found
            ),
            ConfigError::DuplicateId { path, id } => t!(
                "config-error-duplicate",
                path = path.display().to_string(),
                id = id.as_str()
            ),
            ConfigError::Io { path, source } => t!(
                "config-error-io",
                path = path.display().to_string(),
                reason = io_error(source)
            ),
            ConfigError::KeptDamaged { path } => {
                t!(
                    "config-error-kept-damaged",
                    path = path.display().to_string()
                )
            }
            ConfigError::Serialize(reason) => {
                t!("config-error-serialize", reason = reason.as_str())
            }
        }
    }
}

impl Localize for SecretsError {
    fn localize(&self) -> String {
        match self {
            SecretsError::NoService { detail } => {
                t!("secrets-error-no-service", detail = detail.as_str())
            }
            SecretsError::Locked => t!("secrets-error-locked"),
            SecretsError::NoDefaultCollection => t!("secrets-error-no-default-collection"),
            SecretsError::NoEntry => t!("secrets-error-no-entry"),
            SecretsError::TimedOut { seconds } => {
                t!("secrets-error-timed-out", seconds = *seconds)
            }
            SecretsError::Failure { detail } => {
                t!("secrets-error-failure", detail = detail.as_str())
            }
        }
    }
}

impl Localize for PolicyError {
    fn localize(&self) -> String {
        match self {
            PolicyError::PlaintextForbidden => t!("account-error-plaintext-forbidden"),
            PolicyError::Duplicate {
                address,
                host,
                port,
                ..
            } => t!(
                "account-error-duplicate",
                address = safe_line(&crate::address::display_form(address)),
                host = safe_line(host),
                port = *port
            ),
        }
    }
}

impl Localize for crate::account::PemFileError {
    fn localize(&self) -> String {
        use crate::account::PemFileError as E;
        match self {
            E::Unreadable { path, source } => t!(
                "account-error-pem-unreadable",
                path = path.display().to_string(),
                reason = io_error(source)
            ),
            E::NoCertificate { path } => t!(
                "account-error-pem-no-certificate",
                path = path.display().to_string()
            ),
        }
    }
}

impl Localize for crate::account::InputProblem {
    fn localize(&self) -> String {
        use crate::account::InputProblem as P;
        match self {
            P::InvalidAddress(a) => own_address_problem(a),
            P::InvalidHost(h) => t!("account-error-invalid-host", host = h.as_str()),
            P::InvalidPort(p) => t!("account-error-invalid-port", port = p.as_str()),
            P::PinAndCa => t!("account-error-pin-and-ca"),
            P::Pem(e) => e.localize(),
        }
    }
}

impl Localize for crate::outbox::QueueError {
    fn localize(&self) -> String {
        match self {
            crate::outbox::QueueError::Store(e) => e.localize(),
            crate::outbox::QueueError::Attachment(p) => p.localize(),
        }
    }
}

impl Localize for NoHomeDir {
    fn localize(&self) -> String {
        t!("paths-error-no-home")
    }
}

/// The name of a security mode in the current language.
pub fn security_label(security: crate::account::Security) -> String {
    use crate::account::Security;
    match security {
        Security::ImplicitTls => t!("security-implicit-tls"),
        Security::StartTls => t!("security-starttls"),
        Security::Plaintext => t!("security-plaintext"),
    }
}

/// What is wrong with `identity`, translated.
pub fn identity_problem(
    identity: &crate::account::Identity,
    problem: &crate::account::IdentityProblem,
) -> String {
    use crate::account::IdentityProblem as P;
    match problem {
        P::Address(e) => t!(
            "identity-error-address",
            reason = address_error(&identity.address, e)
        ),
        P::ReplyTo(e) => t!(
            "identity-error-reply-to",
            reason = address_error(&identity.reply_to, e)
        ),
    }
}

/// Why `text`, typed as an account's own address, is refused: the
/// address rule it breaks (tryout 14 got no reason for `anna@localhost`),
/// or that only the address goes there (no display name).
pub fn own_address_problem(text: &str) -> String {
    match crate::address::parse_mailbox(text) {
        Err(e) => address_error(text, &e),
        Ok(m) if m.name.is_some() => t!("account-error-address-with-name", address = text),
        Ok(_) => t!("account-error-invalid-address", address = text),
    }
}

/// A recipient problem: what was typed and why it is not an address.
pub fn address_error(text: &str, e: &crate::address::AddressError) -> String {
    use crate::address::AddressError as E;
    match e {
        E::MissingAt => t!("address-error-missing-at", text = text),
        E::EmptyLocalPart => t!("address-error-empty-local", text = text),
        E::LocalPartTooLong { octets } => {
            t!(
                "address-error-local-too-long",
                text = text,
                octets = *octets
            )
        }
        E::InvalidLocalPart => t!("address-error-invalid-local", text = text),
        E::UnterminatedQuote => t!("address-error-unterminated-quote", text = text),
        E::EmptyDomain => t!("address-error-empty-domain", text = text),
        E::InvalidDomain => t!("address-error-invalid-domain", text = text),
        E::DomainWithoutDot => t!("address-error-domain-without-dot", text = text),
        E::UnterminatedAngle => t!("address-error-unterminated-angle", text = text),
        E::TextAfterAddress => t!("address-error-text-after", text = text),
        E::Whitespace => t!("address-error-whitespace", text = text),
        E::NameIsAddress => t!("address-error-name-is-address", text = text),
    }
}

impl Localize for crate::draft::Problem {
    fn localize(&self) -> String {
        use crate::draft::{Field, ProblemKind as K};
        let field = match self.field {
            Field::To => Some(t!("draft-field-to")),
            Field::Cc => Some(t!("draft-field-cc")),
            Field::Bcc => Some(t!("draft-field-bcc")),
            _ => None,
        };
        let text = match &self.kind {
            K::NoSender => t!("draft-error-no-sender"),
            K::InvalidSender(text, e) => t!(
                "draft-error-invalid-sender",
                reason = address_error(&safe(text), e)
            ),
            K::InvalidReplyTo(text, e) => t!(
                "draft-error-invalid-reply-to",
                reason = address_error(&safe(text), e)
            ),
            K::InvalidRecipient { text, error, .. } => address_error(text, error),
            K::NoRecipients => t!("draft-error-no-recipients"),
            K::UnreadableAttachment { path, reason } => t!(
                "draft-error-unreadable-attachment",
                path = path.display().to_string(),
                reason = reason.as_str()
            ),
            K::Build(detail) => t!("draft-error-build", detail = detail.as_str()),
        };
        match field {
            Some(f) => format!("{f}: {text}"),
            None => text,
        }
    }
}

/// What a connection test found, a line each, for `koperta account test`
/// and the desktop app alike: the TLS version and cipher suite, the
/// certificate (or the pinned fingerprint), the sign-in method, the SIZE
/// limit, and that it worked. The certificate's names are made safe.
pub fn connection_test(r: &crate::outbox::TestReport) -> Vec<String> {
    let mut lines = Vec::new();
    match &r.tls {
        Some(tls) => {
            lines.push(t!("test-tls", tls = marks::tls_summary(tls)));
            lines.push(if tls.pinned {
                t!("test-pinned", fingerprint = tls.fingerprint.as_str())
            } else {
                t!(
                    "test-certificate",
                    subject = safe(&tls.subject),
                    issuer = safe(&tls.issuer)
                )
            });
        }
        None => lines.push(t!("test-plaintext")),
    }
    lines.push(t!("test-auth", mechanism = safe(&r.mechanism)));
    lines.push(match r.size_limit {
        Some(l) if l > 0 => t!("test-size", size = size_and_exact(l)),
        _ => t!("test-size-none"),
    });
    lines.push(t!("test-ok"));
    lines
}

/// `text` cut to at most `max` characters, the last of them "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The longest text from the network shown, in characters.
pub const MAX_SHOWN_CHARS: usize = 1000;

/// Text that came from the network or a certificate (a server's reply, a
/// certificate's names, an autoconfig field), made safe to print or draw:
/// control characters and escape sequences are replaced by visible
/// symbols (ESC becomes ␛, other C0 controls their Control Pictures, C1
/// controls and bidirectional overrides U+FFFD), line breaks are kept, and
/// the text is cut to [`MAX_SHOWN_CHARS`] characters with "…".
pub fn safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_SHOWN_CHARS * 4));
    for (n, c) in text.chars().enumerate() {
        if n == MAX_SHOWN_CHARS {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}'
            | '\u{200e}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// [`safe`] for text shown on one line (a subject, an address): line
/// breaks are shown as ⏎ too.
pub fn safe_line(text: &str) -> String {
    safe(text).replace('\n', "\u{23ce}")
}

/// [`smtp_error`] for a sign-in with the extra CA certificate in file
/// `ca_file` (the account form's or `--ca-file`): a certificate issued by
/// neither the system's authorities nor that one says which file it was
/// checked against (a tryout gave the wrong file and was not told).
/// No message goes in a sign-in: where a send would say "nothing was
/// sent", this says the password was not sent, which is what matters
/// there (language review U25).
pub fn sign_in_error(
    e: &crate::smtp::SmtpError,
    host: &str,
    ca_file: Option<&std::path::Path>,
) -> String {
    send_error_or_sign_in(e, host, ca_file)
        .replace(&t!("smtp-nothing-sent"), &t!("smtp-password-not-sent"))
}

fn send_error_or_sign_in(
    e: &crate::smtp::SmtpError,
    host: &str,
    ca_file: Option<&std::path::Path>,
) -> String {
    use crate::smtp::{CertProblem, SmtpError as E};
    match (e, ca_file) {
        (
            E::Certificate {
                problem: CertProblem::UnknownIssuer,
                ..
            },
            Some(file),
        ) => t!(
            "smtp-error-cert-not-from-extra-ca",
            file = safe_line(&file.display().to_string())
        ),
        _ => smtp_error(e, host),
    }
}

/// An SMTP failure for `host` (the account's server), in the person's
/// language; the server's own text is part of the message.
pub fn smtp_error(e: &crate::smtp::SmtpError, host: &str) -> String {
    use crate::account::Security;
    use crate::smtp::{CertProblem, Phase, SmtpError as E};
    match e {
        E::Dns { host, detail } => own_words::dns(host, detail),
        E::ConnectionRefused { host, port } => {
            t!("smtp-error-refused", host = safe(host), port = *port)
        }
        E::Network { kind, detail } => {
            use crate::smtp::error::NetworkKind as N;
            match kind {
                N::Reset => t!("smtp-error-network-reset"),
                N::Closed => t!("smtp-error-network-closed"),
                N::HostUnreachable => t!("smtp-error-network-host-unreachable"),
                N::NetworkUnreachable => t!("smtp-error-network-unreachable"),
                N::NoAddress => t!("smtp-error-network-no-address"),
                N::Other => t!("smtp-error-network", detail = safe(detail)),
            }
        }
        E::Timeout { phase, seconds } => {
            let seconds = *seconds;
            match phase {
                Phase::Connect => t!("smtp-error-timeout-connect", seconds = seconds),
                Phase::Tls => t!("smtp-error-timeout-tls", seconds = seconds),
                Phase::Greeting => t!("smtp-error-timeout-greeting", seconds = seconds),
                Phase::Command => t!("smtp-error-timeout-command", seconds = seconds),
                Phase::Data => t!("smtp-error-timeout-data", seconds = seconds),
                Phase::FinalReply => t!("smtp-error-timeout-final", seconds = seconds),
            }
        }
        E::TlsModeMismatch { suggested, .. } => match suggested {
            Security::ImplicitTls => t!("smtp-error-mode-implicit"),
            _ => t!("smtp-error-mode-starttls"),
        },
        E::Certificate {
            problem, subject, ..
        } => {
            let subject = subject.clone().unwrap_or_default();
            match problem {
                CertProblem::Expired => t!("smtp-error-cert-expired", subject = safe(&subject)),
                CertProblem::NotYetValid => {
                    t!("smtp-error-cert-not-yet-valid", subject = safe(&subject))
                }
                CertProblem::IpAsDnsName { address } => {
                    t!("smtp-error-cert-ip-as-dns-name", address = safe(address))
                }
                CertProblem::WrongPurpose => {
                    t!("smtp-error-cert-wrong-purpose", subject = safe(&subject))
                }
                CertProblem::WeakAlgorithm => {
                    t!("smtp-error-cert-weak-algorithm", subject = safe(&subject))
                }
                CertProblem::Revoked => t!("smtp-error-cert-revoked", subject = safe(&subject)),
                CertProblem::UnknownIssuer => {
                    t!("smtp-error-cert-unknown-issuer", subject = safe(&subject))
                }
                CertProblem::WrongName { names } => t!(
                    "smtp-error-cert-wrong-name",
                    host = safe(host),
                    names = safe(&names.join(", "))
                ),
                CertProblem::PinnedChanged { presented, pinned } => t!(
                    "smtp-error-cert-pinned-changed",
                    presented = presented.as_str(),
                    pinned = pinned.as_str()
                ),
                CertProblem::CaAsServer => t!("smtp-error-cert-ca-as-server"),
                CertProblem::Other(detail) => t!("smtp-error-cert-other", detail = safe(detail)),
            }
        }
        E::ProtocolTooOld => t!("smtp-error-protocol-too-old"),
        E::Tls { detail } => own_words::tls(detail),
        E::StartTlsNotOffered => t!("smtp-error-starttls-not-offered"),
        E::StartTlsRefused { code, text } => {
            t!(
                "smtp-error-starttls-refused",
                code = *code,
                text = safe(text)
            )
        }
        E::StartTlsInjection => t!("smtp-error-starttls-injection"),
        E::Protocol { detail } => own_words::protocol(detail),
        E::PlaintextForbidden => t!("smtp-error-plaintext-forbidden"),
        E::AuthFailed { code, text } => {
            t!("smtp-error-auth-failed", code = *code, text = safe(text))
        }
        // No AUTH at all in EHLO (a server that takes mail without a
        // sign-in, or hides AUTH before TLS): said so, not "it offers: .".
        E::NoAuthMechanism { offered } if offered.trim().is_empty() => {
            t!("smtp-error-no-auth-offered")
        }
        E::NoAuthMechanism { offered } => {
            t!("smtp-error-no-mechanism", offered = safe(offered))
        }
        E::RecipientsRefused { refused } => {
            let mut out = t!("smtp-error-recipients-refused", count = refused.len());
            for (address, code, text) in refused {
                out.push('\n');
                out.push_str(&t!(
                    "smtp-error-recipient-line",
                    address = safe(address),
                    code = *code,
                    text = safe(text)
                ));
            }
            out
        }
        E::TooLarge { size, limit } => {
            let (size, limit) = human_sizes(*size, *limit);
            t!("smtp-error-too-large", size = size, limit = limit)
        }
        E::SmtpUtf8Needed { address } => t!("smtp-error-smtputf8", address = safe(address)),
        E::Transient { code, text } => {
            t!("smtp-error-transient", code = *code, text = safe(text))
        }
        E::Permanent { code, text } => {
            t!("smtp-error-permanent", code = *code, text = safe(text))
        }
        E::SenderRefused {
            address,
            code,
            text,
        } => {
            t!(
                "smtp-error-sender-refused",
                address = safe(address),
                code = *code,
                text = safe(text)
            )
        }
        E::OutcomeUnknown => t!("smtp-error-outcome-unknown"),
        E::NotRecorded { reason } => t!("smtp-error-not-recorded", reason = reason.as_str()),
        E::Abandoned { reason } => t!("smtp-error-abandoned", reason = safe(reason)),
        E::ReplyLineTooLong { limit } => t!("smtp-error-reply-line-too-long", limit = *limit),
        E::ReplyTooLarge { limit } => t!("smtp-error-reply-too-large", limit = *limit),
        E::NotDelivered { unacknowledged } => {
            t!("smtp-error-not-delivered", bytes = *unacknowledged)
        }
        E::Keyring(k) => t!("smtp-error-keyring", reason = k.localize()),
    }
}

/// An operating-system error in the person's language (the common kinds;
/// others keep the system's own text).
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => t!("io-error-not-found"),
        K::PermissionDenied => t!("io-error-permission"),
        K::ReadOnlyFilesystem => t!("io-error-read-only"),
        K::IsADirectory => t!("io-error-is-directory"),
        K::StorageFull => t!("io-error-disk-full"),
        K::InvalidData => t!("io-error-not-text"),
        K::QuotaExceeded => t!("io-error-quota"),
        K::FileTooLarge => t!("io-error-too-large"),
        K::NotADirectory => t!("io-error-not-a-directory"),
        K::ResourceBusy => t!("io-error-busy"),
        K::TimedOut => t!("io-error-timed-out"),
        K::InvalidFilename => t!("io-error-bad-name"),
        K::InvalidInput if e.to_string() == crate::fs::NOT_A_FILE => t!("io-error-not-a-file"),
        // The system's own text (English), said to be that.
        _ => t!("io-error-other", detail = safe(&e.to_string())),
    }
}

/// `n` with its digits in groups of three the language's way:
/// "1 234 567" (non-breaking spaces) in Polish, "1,234,567" in English.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let separator = t!("number-group-separator");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(&separator);
        }
        out.push(c);
    }
    out
}

/// An exact count of bytes for people, grouped and with the noun's plural
/// form: "26 214 400 bajtów", "26,214,400 bytes".
pub fn exact_bytes(n: u64) -> String {
    t!("size-exact-bytes", count = n, bytes = grouped(n))
}

/// A size for people in decimal (SI) units, as GNOME's file manager shows
/// sizes (1 kB = 1000 bytes, 1 MB = 1000 kB, 1 GB = 1000 MB): "512 bytes",
/// "3.4 MB", "25 MB" ("3,4 MB" in Polish). One decimal below 10 and none
/// above, none when whole.
pub fn human_size(bytes: u64) -> String {
    sized(bytes, None)
}

/// A size with its exact byte count beside it, for the command line:
/// "3,4 MB (3 400 000 bajtów)", or "380 bajtów" alone when under 1 kB
/// (never "380 bajtów (380 bajtów)").
pub fn size_and_exact(bytes: u64) -> String {
    if bytes < 1_000 {
        exact_bytes(bytes)
    } else {
        format!("{} ({})", human_size(bytes), exact_bytes(bytes))
    }
}

/// Two sizes to be compared in one sentence (a message and the server's
/// limit): as [`human_size`], with as many more decimals (up to three) as
/// it takes to tell them apart when they differ, else their exact byte
/// counts: never "about 34 MB; at most 34 MB".
pub fn human_sizes(size: u64, limit: u64) -> (String, String) {
    let (a, b) = (human_size(size), human_size(limit));
    if a != b || size == limit {
        return (a, b);
    }
    for decimals in 1..=3 {
        let (a, b) = (sized(size, Some(decimals)), sized(limit, Some(decimals)));
        if a != b {
            return (a, b);
        }
    }
    (exact_bytes(size), exact_bytes(limit))
}

/// `bytes` in the largest decimal unit it reaches, with `decimals` digits
/// after the separator (`None`: one below 10, none above, none when whole).
fn sized(bytes: u64, decimals: Option<usize>) -> String {
    const UNITS: [(u64, &str); 3] = [(1_000_000_000, "GB"), (1_000_000, "MB"), (1_000, "kB")];
    let Some((scale, unit)) = UNITS.into_iter().find(|(scale, _)| bytes >= *scale) else {
        return exact_bytes(bytes);
    };
    let value = bytes as f64 / scale as f64;
    let shown = match decimals {
        Some(d) => format!("{value:.d$}").replace('.', &t!("number-decimal-separator")),
        None if value < 9.95 => {
            let one = format!("{value:.1}");
            match one.strip_suffix(".0") {
                Some(whole) => whole.to_string(),
                None => one.replace('.', &t!("number-decimal-separator")),
            }
        }
        None => format!("{value:.0}"),
    };
    format!("{shown}\u{a0}{unit}")
}

/// Where a discovered server came from, for the person.
pub fn source_label(source: crate::discover::Source) -> String {
    use crate::discover::Source;
    match source {
        Source::Bundled => t!("discover-source-bundled"),
        Source::Autoconfig => t!("discover-source-autoconfig"),
        Source::WellKnown => t!("discover-source-well-known"),
        Source::Srv => t!("discover-source-srv"),
        Source::Ispdb => t!("discover-source-ispdb"),
        Source::Mx => t!("discover-source-mx"),
        Source::Probe => t!("discover-source-probe"),
    }
}

/// What one source gave, for the person.
pub fn outcome_label(outcome: &crate::discover::Outcome) -> String {
    use crate::discover::Outcome;
    match outcome {
        Outcome::Found(n) => t!("discover-outcome-found", count = *n),
        Outcome::Nothing => t!("discover-outcome-nothing"),
        // The library's own words (English) stay out of the interface.
        Outcome::Failed(_) => t!("discover-outcome-failed"),
        Outcome::Skipped => t!("discover-outcome-skipped"),
        Outcome::NotOffered => t!("discover-outcome-not-offered"),
    }
}

/// What the person must know about a candidate before giving a password:
/// its provider's notes, an unverified entry, a server outside the
/// address's domain, unvalidated DNS.
pub fn candidate_notes(c: &crate::discover::Candidate, domain: &str) -> Vec<String> {
    use crate::discover::Source;
    use crate::discover::providers::{Auth, Note};
    let mut notes = Vec::new();
    if let Some(p) = &c.provider {
        let help = p.help.as_str();
        match p.auth {
            Auth::AppPassword => notes.push(t!(
                "discover-note-app-password",
                name = p.shown_name(),
                help = help
            )),
            Auth::OauthOnly => notes.push(t!("discover-note-oauth-only", name = p.shown_name())),
            Auth::Password => {}
        }
        match p.note {
            Note::EnableSmtp => notes.push(t!(
                "discover-note-enable-smtp",
                name = p.shown_name(),
                help = help
            )),
            Note::LocalBridge => {
                notes.push(t!("discover-note-local-bridge", name = p.shown_name()))
            }
            Note::None => {}
        }
        if !p.verified {
            notes.push(t!("discover-note-unverified", name = p.shown_name()));
        }
    }
    if c.outside_domain {
        notes.push(t!(
            "discover-note-outside-domain",
            host = c.host.as_str(),
            domain = domain
        ));
    }
    if matches!(c.source, Source::Srv | Source::Mx) {
        notes.push(t!("discover-note-dns-unvalidated"));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::smtp::SmtpError;

    #[test]
    fn a_server_that_offers_no_sign_in_is_said_so_not_with_an_empty_list() {
        let _speaking = crate::i18n::speak(crate::i18n::Language::En);
        let none = smtp_error(
            &SmtpError::NoAuthMechanism {
                offered: String::new(),
            },
            "localhost",
        );
        assert!(none.contains("no sign-in at all"), "{none}");
        assert!(!none.contains("offers: ."), "{none}");
        let some = smtp_error(
            &SmtpError::NoAuthMechanism {
                offered: "CRAM-MD5".into(),
            },
            "localhost",
        );
        assert!(some.contains("it offers: CRAM-MD5."), "{some}");
    }

    /// U25: a sign-in sends no message, so its errors say the password
    /// was not sent, never "nothing was sent"; a send keeps its words.
    #[test]
    fn a_sign_in_says_the_password_was_not_sent() {
        for (lang, password, nothing) in [
            (
                crate::i18n::Language::Pl,
                "Hasło nie zostało wysłane.",
                "Nic nie wysłano.",
            ),
            (
                crate::i18n::Language::En,
                "Your password was not sent.",
                "Nothing was sent.",
            ),
        ] {
            let _speaking = crate::i18n::speak(lang);
            for e in [SmtpError::StartTlsNotOffered, SmtpError::StartTlsInjection] {
                let said = sign_in_error(&e, "localhost", None);
                assert!(said.contains(password) && !said.contains(nothing), "{said}");
                assert!(smtp_error(&e, "localhost").contains(nothing));
            }
        }
    }
}
