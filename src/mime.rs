//! Header encoding that lettre gets wrong, done here and handed to lettre
//! through its public [`Header`] trait as pre-encoded, pre-folded values.
//!
//! - Display names (RFC 5322 §3.2.5 `phrase`): plain atoms when possible,
//!   a quoted string when an ASCII name holds specials (`"Kowalski, Jan"`),
//!   RFC 2047 encoded-words when it holds non-ASCII characters (the name
//!   only, never the address).
//! - Unstructured text (the subject): folded at spaces so lines stay within
//!   78 octets where possible (RFC 5322 §2.1.1); text that is not printable
//!   ASCII, or has a word too long to fold, becomes RFC 2047 encoded-words of
//!   at most 75 octets each (RFC 2047 §2), so no line ever exceeds 998
//!   octets.
//! - Control characters never reach a header: callers pass text already
//!   cleaned, and these encoders replace any left with a space.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use lettre::message::header::{Header, HeaderName, HeaderValue};

use crate::address::Mailbox;

/// The line length RFC 5322 §2.1.1 asks to keep to, CRLF excluded.
pub const SOFT_LIMIT: usize = 78;
/// The longest an encoded-word may be (RFC 2047 §2).
const ENCODED_WORD_MAX: usize = 75;
/// `=?utf-8?b?` + `?=`.
const ENCODED_WORD_OVERHEAD: usize = 12;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Header text as a message carries it: each control character (CR, LF,
/// tab, …) a space, as [`encode_unstructured`] and [`encode_mailboxes`]
/// write it. Lists show this, so they show what was sent.
pub fn no_controls(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Splits `text` into encoded-words: the first at most `first_room` octets
/// long, the rest at most 75, each on a character boundary.
fn encoded_words(text: &str, first_room: usize) -> Vec<String> {
    let mut words = Vec::new();
    let mut room = first_room.min(ENCODED_WORD_MAX);
    let mut chunk = String::new();
    for c in text.chars() {
        let mut candidate = chunk.clone();
        candidate.push(c);
        let len = B64.encode(candidate.as_bytes()).len() + ENCODED_WORD_OVERHEAD;
        if len > room && !chunk.is_empty() {
            words.push(format!("=?utf-8?b?{}?=", B64.encode(chunk.as_bytes())));
            chunk.clear();
            room = ENCODED_WORD_MAX;
        }
        chunk.push(c);
    }
    if !chunk.is_empty() || words.is_empty() {
        words.push(format!("=?utf-8?b?{}?=", B64.encode(chunk.as_bytes())));
    }
    words
}

/// Joins unbreakable `tokens` with single spaces, folding (CRLF + space)
/// before a token that would pass [`SOFT_LIMIT`]. `start` is the column
/// after `Name: `.
fn fold_tokens(tokens: &[String], start: usize) -> String {
    let mut out = String::new();
    let mut column = start;
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            if column + 1 + t.len() > SOFT_LIMIT {
                out.push_str("\r\n ");
                column = 1;
            } else {
                out.push(' ');
                column += 1;
            }
        }
        out.push_str(t);
        column += t.len();
    }
    out
}

/// Encodes unstructured header text (a subject) for a header whose name is
/// `name_len` octets long. Returns the folded value (without the name).
pub fn encode_unstructured(text: &str, name_len: usize) -> String {
    let text = no_controls(text);
    let start = name_len + 2;
    let printable = text.chars().all(|c| c == ' ' || c.is_ascii_graphic());
    // A plain word that looks like an encoded-word would be decoded by
    // readers: encode it instead.
    let looks_encoded = text.contains("=?");
    let words_fit = text.split(' ').all(|w| w.len() < SOFT_LIMIT);
    if printable
        && !looks_encoded
        && words_fit
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
    {
        let tokens: Vec<String> = text.split(' ').map(str::to_string).collect();
        if text.is_empty() {
            return String::new();
        }
        return fold_tokens(&tokens, start);
    }
    let first_room = SOFT_LIMIT.saturating_sub(start);
    let words = encoded_words(&text, first_room.max(ENCODED_WORD_OVERHEAD + 4));
    words.join("\r\n ")
}

fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

/// The tokens of a display name (RFC 5322 `phrase`).
fn phrase_tokens(name: &str, start: usize) -> Vec<String> {
    let name = no_controls(name);
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    // Plain atoms or one quoted string while each fits on a folded line;
    // anything longer becomes encoded-words, which fold.
    let room = SOFT_LIMIT.saturating_sub(start + 1);
    if name.is_ascii() {
        if name
            .split(' ')
            .all(|w| !w.is_empty() && w.len() <= room && w.chars().all(is_atext))
        {
            return name.split(' ').map(str::to_string).collect();
        }
        let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
        let quoted = format!("\"{escaped}\"");
        if quoted.len() <= room {
            return vec![quoted];
        }
    }
    encoded_words(&name, SOFT_LIMIT.saturating_sub(start))
}

/// Formats a list of mailboxes as an address-list header value (RFC 5322
/// §3.4), folded, for a header whose name is `name_len` octets long.
pub fn encode_mailboxes(mailboxes: &[Mailbox], name_len: usize) -> String {
    let mut tokens: Vec<String> = Vec::new();
    let start = name_len + 2;
    for (i, m) in mailboxes.iter().enumerate() {
        let last = i + 1 == mailboxes.len();
        let comma = if last { "" } else { "," };
        match &m.name {
            Some(name) => {
                tokens.extend(phrase_tokens(name, start));
                tokens.push(format!("<{}>{comma}", m.addr_spec()));
            }
            None => tokens.push(format!("{}{comma}", m.addr_spec())),
        }
    }
    fold_tokens(&tokens, start)
}

macro_rules! address_header {
    ($ty:ident, $name:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $ty(pub Vec<Mailbox>);

        impl Header for $ty {
            fn name() -> HeaderName {
                HeaderName::new_from_ascii_str($name)
            }

            fn parse(_s: &str) -> Result<Self, BoxError> {
                Err("Koperta's address headers are write-only".into())
            }

            fn display(&self) -> HeaderValue {
                // The raw value is what lettre parses back (its own From
                // check reads it): the bare addresses.
                let raw = self
                    .0
                    .iter()
                    .map(Mailbox::addr_spec)
                    .collect::<Vec<_>>()
                    .join(", ");
                let encoded = encode_mailboxes(&self.0, $name.len());
                HeaderValue::dangerous_new_pre_encoded(Self::name(), raw, encoded)
            }
        }
    };
}

address_header!(ToHeader, "To", "The `To` header: every To recipient.");
address_header!(CcHeader, "Cc", "The `Cc` header: every Cc recipient.");
address_header!(
    ReplyToHeader,
    "Reply-To",
    "The `Reply-To` header (RFC 5322 §3.6.2): where replies should go."
);
address_header!(
    ReceiptToHeader,
    "Disposition-Notification-To",
    "`Disposition-Notification-To` (RFC 8098 §2.1): a read receipt asked for, to the sender."
);

/// `To: undisclosed-recipients:;`, for a message with Bcc recipients only
/// (RFC 5322 §3.6.3 allows a group with no members; mail readers show it
/// instead of nothing, and the Bcc addresses stay out of the headers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndisclosedRecipients;

impl Header for UndisclosedRecipients {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("To")
    }

    fn parse(_s: &str) -> Result<Self, BoxError> {
        Err("Koperta's address headers are write-only".into())
    }

    fn display(&self) -> HeaderValue {
        let value = "undisclosed-recipients:;".to_string();
        HeaderValue::dangerous_new_pre_encoded(Self::name(), value.clone(), value)
    }
}

/// The `From` header: one mailbox.
///
/// lettre's builder requires a `From` it can parse, so its raw value is the
/// bare address; the written value is ours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromHeader(pub Mailbox);

impl Header for FromHeader {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("From")
    }

    fn parse(_s: &str) -> Result<Self, BoxError> {
        Err("Koperta's From header is write-only".into())
    }

    fn display(&self) -> HeaderValue {
        let encoded = encode_mailboxes(std::slice::from_ref(&self.0), 4);
        HeaderValue::dangerous_new_pre_encoded(Self::name(), self.0.addr_spec(), encoded)
    }
}

/// The `Subject` header, folded or encoded by [`encode_unstructured`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectHeader(pub String);

impl Header for SubjectHeader {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Subject")
    }

    fn parse(s: &str) -> Result<Self, BoxError> {
        Ok(SubjectHeader(s.to_string()))
    }

    fn display(&self) -> HeaderValue {
        let raw = no_controls(&self.0);
        let encoded = encode_unstructured(&raw, "Subject".len());
        HeaderValue::dangerous_new_pre_encoded(Self::name(), raw, encoded)
    }
}

/// An RFC 2047 `=?utf-8?b?…?=` form of `text` when it is not printable
/// ASCII, else `text` itself; for `name=` on Content-Type.
pub fn rfc2047_parameter(text: &str) -> String {
    let text = no_controls(text);
    if text.chars().all(|c| c == ' ' || c.is_ascii_graphic()) {
        text
    } else {
        encoded_words(&text, ENCODED_WORD_MAX).join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::address::parse_mailbox;

    fn header_lines(value: &str, name: &str) -> Vec<String> {
        format!("{name}: {value}")
            .split("\r\n")
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn ascii_name_with_specials_is_a_quoted_string() {
        let m = parse_mailbox("Kowalski, Jan <jan@example.com>").unwrap();
        assert_eq!(
            encode_mailboxes(&[m], 2),
            "\"Kowalski, Jan\" <jan@example.com>"
        );
        let m = parse_mailbox(r#""Say \"hi\"" <a@example.com>"#).unwrap();
        assert_eq!(encode_mailboxes(&[m], 2), r#""Say \"hi\"" <a@example.com>"#);
        let m = parse_mailbox("Jan Kowalski <jan@example.com>").unwrap();
        assert_eq!(encode_mailboxes(&[m], 2), "Jan Kowalski <jan@example.com>");
    }

    #[test]
    fn non_ascii_name_is_rfc2047_for_the_phrase_only() {
        let m = parse_mailbox("Łukasz Żółw <lukasz@zażółć.pl>").unwrap();
        let v = encode_mailboxes(&[m], 2);
        assert!(v.starts_with("=?utf-8?b?"), "{v}");
        assert!(v.ends_with(" <lukasz@xn--za-6ja4f8n1l.pl>"), "{v}");
        assert!(v.is_ascii());
    }

    #[test]
    fn control_characters_never_reach_a_header() {
        let v = encode_unstructured("a\r\nBcc: x@example.com\0", 7);
        assert!(
            !v.replace("\r\n ", "").contains(['\r', '\n', '\0']),
            "{v:?}"
        );
        let mut m = parse_mailbox("jan@example.com").unwrap();
        m.name = Some("Evil\r\nBcc: x@example.com".into());
        let v = encode_mailboxes(&[m], 2);
        assert!(!v.replace("\r\n ", "").contains(['\r', '\n']), "{v:?}");
    }

    #[test]
    fn subjects_fold_at_spaces_within_78() {
        let subject = "word ".repeat(40).trim_end().to_string();
        let v = encode_unstructured(&subject, 7);
        for line in header_lines(&v, "Subject") {
            assert!(line.len() <= 78, "{line}");
        }
        assert_eq!(v.replace("\r\n", ""), subject);
    }

    #[test]
    fn a_word_too_long_to_fold_becomes_encoded_words() {
        let subject = "x".repeat(1200);
        let v = encode_unstructured(&subject, 7);
        for line in header_lines(&v, "Subject") {
            assert!(line.len() <= 78, "{} octets", line.len());
        }
        assert!(v.starts_with("=?utf-8?b?"));
    }

    #[test]
    fn polish_subject_is_encoded_and_short() {
        let v = encode_unstructured("Sprawozdanie — zażółć gęślą jaźń", 7);
        for line in header_lines(&v, "Subject") {
            assert!(line.len() <= 78 && line.is_ascii(), "{line}");
        }
    }

    #[test]
    fn text_that_looks_encoded_is_encoded() {
        let v = encode_unstructured("=?utf-8?q?x?=", 7);
        assert!(v.starts_with("=?utf-8?b?"));
    }

    #[test]
    fn encoded_words_never_split_a_character() {
        for w in encoded_words(&"ż".repeat(100), 40) {
            assert!(w.len() <= 75);
            let b64 = w.trim_start_matches("=?utf-8?b?").trim_end_matches("?=");
            let bytes = B64.decode(b64).unwrap();
            assert!(String::from_utf8(bytes).is_ok());
        }
    }

    proptest::proptest! {
        #[test]
        fn every_subject_line_is_at_most_998_octets(s in "\\PC{0,3000}") {
            let v = encode_unstructured(&s, 7);
            for line in header_lines(&v, "Subject") {
                proptest::prop_assert!(line.len() <= 998);
                proptest::prop_assert!(line.is_ascii());
            }
        }

        #[test]
        fn long_ascii_names_fold_too(n in 70usize..6000) {
            let mut m = parse_mailbox("x@example.org").unwrap();
            m.name = Some("N".repeat(n));
            let v = encode_mailboxes(&[m], 2);
            for line in header_lines(&v, "To") {
                proptest::prop_assert!(line.len() <= 78, "{} octets", line.len());
            }
        }

        #[test]
        fn every_address_header_line_is_at_most_998_octets(
            name in "\\PC{0,500}", local in "[a-z]{1,64}", n in 1usize..20
        ) {
            let mut m = parse_mailbox(&format!("{local}@example.com")).unwrap();
            m.name = Some(name);
            let v = encode_mailboxes(&vec![m; n], 2);
            for line in header_lines(&v, "To") {
                proptest::prop_assert!(line.len() <= 998);
                proptest::prop_assert!(line.is_ascii());
            }
        }
    }
}

/// `Importance: high` (RFC 2156 §5.3), for a message marked high priority.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Importance;

impl Header for Importance {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Importance")
    }

    fn parse(_s: &str) -> Result<Self, BoxError> {
        Err("write-only".into())
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::dangerous_new_pre_encoded(Self::name(), "high".into(), "high".into())
    }
}

/// `X-Priority: 1 (Highest)`, the form Thunderbird and Outlook read,
/// beside [`Importance`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XPriority;

impl Header for XPriority {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Priority")
    }

    fn parse(_s: &str) -> Result<Self, BoxError> {
        Err("write-only".into())
    }

    fn display(&self) -> HeaderValue {
        let v = "1 (Highest)".to_string();
        HeaderValue::dangerous_new_pre_encoded(Self::name(), v.clone(), v)
    }
}
