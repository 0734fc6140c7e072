//! Recipient fields as people type them, and the addresses in them.
//!
//! # Splitting a field
//!
//! A field is split on `,` and `;` outside double quotes, angle brackets and
//! parentheses. A fragment that has neither `@` nor `<` is joined to the
//! next one, since it is the first half of a display name written with a
//! comma: `Kowalski, Jan <jan@example.com>; "Nowak, Anna" <anna@example.org>`
//! is two recipients. A last fragment without `@` or `<` stays alone and is
//! reported as invalid, so `jan@example.com, Nowak` gives `jan@example.com`
//! and an invalid entry `Nowak` (no `@`): nothing typed is silently dropped
//! or merged into an address it does not belong to.
//!
//! # Checking an address
//!
//! RFC 5322 §3.4.1 `addr-spec` as restricted by RFC 5321 §4.1.2: the local
//! part is a dot-atom or a quoted string and at most 64 octets (RFC 5321
//! §4.5.3.1.1); the domain is a host name of LDH labels of at most 63
//! octets, at most 253 octets in all, with at least one dot, or an address
//! literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`). Internationalised domains
//! are converted to A-labels (IDNA, UTS #46), so `jan@zażółć.pl` goes out as
//! `jan@xn--za-6ja4f8n1l.pl`. A local part with non-ASCII characters is
//! accepted (RFC 6532) and marks the address as needing SMTPUTF8 (RFC 6531).
//!
//! # Display names
//!
//! Control characters (CR, LF, NUL, TAB and the rest of C0, and DEL) in a
//! display name are replaced by a space: a pasted line break is never
//! meaningful in a name, and never reaches a header.

use std::net::{Ipv4Addr, Ipv6Addr};

/// Why an address is not valid. Each has a translated message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    /// Nothing but a display name, or nothing at all.
    #[error("no @ in the address")]
    MissingAt,
    /// `@example.com`.
    #[error("nothing before the @")]
    EmptyLocalPart,
    /// More than 64 octets before the @ (RFC 5321 §4.5.3.1.1).
    #[error("the part before the @ is {octets} bytes, more than 64")]
    LocalPartTooLong {
        /// Its length in octets (UTF-8).
        octets: usize,
    },
    /// A character not allowed unquoted before the @, or dots misplaced.
    #[error("the part before the @ is not valid")]
    InvalidLocalPart,
    /// A `"` that is never closed.
    #[error("a quote is not closed")]
    UnterminatedQuote,
    /// `jan@`.
    #[error("nothing after the @")]
    EmptyDomain,
    /// The domain is not a valid host name.
    #[error("the domain is not valid")]
    InvalidDomain,
    /// `jan@localhost`: no dot in the domain.
    #[error("the domain has no dot")]
    DomainWithoutDot,
    /// A `<` without its `>`.
    #[error("a < is not closed")]
    UnterminatedAngle,
    /// Text after the `>` of `Name <address>`.
    #[error("text after the address")]
    TextAfterAddress,
    /// Spaces inside the address.
    #[error("spaces in the address")]
    Whitespace,
    /// An unquoted display name that holds an @: `x@example.org
    /// <v@example.org>` is more likely two addresses run together than a
    /// name, so it is refused rather than sent to one of them silently.
    #[error("the name before <…> looks like an address")]
    NameIsAddress,
}

/// One checked mailbox: an optional display name and an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    /// The display name, control characters replaced by spaces; `None` when
    /// empty.
    pub name: Option<String>,
    /// The local part exactly as typed (a quoted one keeps its quotes).
    pub local: String,
    /// The domain as typed (for showing it back).
    pub domain: String,
    /// The domain as A-labels, lower case (for the envelope and headers);
    /// an address literal as typed.
    pub domain_ascii: String,
}

impl Mailbox {
    /// The address as it goes into the envelope and the headers:
    /// `local@a-label-domain`.
    pub fn addr_spec(&self) -> String {
        format!("{}@{}", self.local, self.domain_ascii)
    }

    /// Whether the address needs SMTPUTF8 (a non-ASCII local part).
    pub fn needs_smtputf8(&self) -> bool {
        !self.local.is_ascii()
    }

    /// The key under which two mailboxes are the same recipient: the local
    /// part exactly, the domain case-insensitively (RFC 5321 §2.4).
    pub fn envelope_key(&self) -> (String, String) {
        (self.local.clone(), self.domain_ascii.to_ascii_lowercase())
    }
}

/// One recipient as typed, with the result of checking it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The text of this recipient, trimmed.
    pub text: String,
    /// Byte range of `text` in the field (for marking it in place).
    pub span: std::ops::Range<usize>,
    /// The mailbox, or why it is not valid.
    pub result: Result<Mailbox, AddressError>,
}

/// Splits a To/Cc/Bcc field into recipients (see the module docs) and
/// checks each. Empty fragments (`a@b.pl,,` or a trailing `;`) are skipped.
pub fn parse_field(field: &str) -> Vec<Entry> {
    let mut fragments: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut quote, mut angle, mut paren, mut escape) = (false, 0usize, 0usize, false);
    let mut start = 0;
    for (i, c) in field.char_indices() {
        if escape {
            escape = false;
            continue;
        }
        match c {
            '\\' if quote || paren > 0 => escape = true,
            '"' if paren == 0 => quote = !quote,
            '<' if !quote && paren == 0 => angle += 1,
            '>' if !quote && paren == 0 => angle = angle.saturating_sub(1),
            '(' if !quote => paren += 1,
            ')' if !quote => paren = paren.saturating_sub(1),
            ',' | ';' if !quote && angle == 0 && paren == 0 => {
                fragments.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    fragments.push(start..field.len());

    // Join name halves ("Kowalski" + "Jan <jan@…>") to the next fragment,
    // only when that one is a name with an address in brackets: a piece
    // before a bare address ("not-an-address, bob@") stays alone, so each
    // is told its own problem.
    let fragments: Vec<_> = fragments
        .into_iter()
        .filter(|r| !field[r.clone()].trim().is_empty())
        .collect();
    let mut joined: Vec<std::ops::Range<usize>> = Vec::new();
    let mut pending: Option<usize> = None;
    for (n, r) in fragments.iter().enumerate() {
        let text = &field[r.clone()];
        let begin = pending.take().unwrap_or(r.start);
        let named_next = fragments.get(n + 1).is_some_and(|next| {
            let next = &field[next.clone()];
            next.find('<')
                .is_some_and(|at| !next[..at].contains('@') && !next[..at].trim().is_empty())
        });
        if !text.contains('@') && !text.contains('<') && named_next {
            pending = Some(begin);
            continue;
        }
        joined.push(begin..r.end);
    }

    joined
        .into_iter()
        .map(|r| {
            let raw = &field[r.clone()];
            let lead = raw.len() - raw.trim_start().len();
            let text = raw.trim();
            let span = r.start + lead..r.start + lead + text.len();
            Entry {
                text: text.to_string(),
                span,
                result: parse_mailbox(text),
            }
        })
        .collect()
}

/// Replaces control characters by spaces, collapses runs of whitespace and
/// trims (see the module docs on display names).
pub fn clean_name(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    replaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unquote(s: &str) -> String {
    let inner = s
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s);
    let mut out = String::new();
    let mut escape = false;
    for c in inner.chars() {
        if escape {
            out.push(c);
            escape = false;
        } else if c == '\\' {
            escape = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// Removes RFC 5322 comments `(…)` outside quotes.
fn strip_comments(s: &str) -> String {
    let (mut out, mut depth, mut quote, mut escape) = (String::new(), 0usize, false, false);
    for c in s.chars() {
        if escape {
            escape = false;
            if depth == 0 {
                out.push(c);
            }
            continue;
        }
        match c {
            '\\' if quote || depth > 0 => {
                escape = true;
                if depth == 0 {
                    out.push(c);
                }
            }
            '"' if depth == 0 => {
                quote = !quote;
                out.push(c);
            }
            '(' if !quote => depth += 1,
            ')' if !quote && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Checks one recipient: `address`, `<address>`, `Name <address>` or
/// `"Name" <address>`.
///
/// Errors: the [`AddressError`] describing the first problem found.
pub fn parse_mailbox(text: &str) -> Result<Mailbox, AddressError> {
    let text = text.trim();
    // Find a '<' outside quotes.
    let mut quote = false;
    let mut escape = false;
    let mut open = None;
    for (i, c) in text.char_indices() {
        if escape {
            escape = false;
            continue;
        }
        match c {
            '\\' if quote => escape = true,
            '"' => quote = !quote,
            '<' if !quote => {
                open = Some(i);
                break;
            }
            _ => {}
        }
    }
    let (name, spec) = match open {
        Some(i) => {
            let rest = &text[i + 1..];
            let close = rest.find('>').ok_or(AddressError::UnterminatedAngle)?;
            let after = strip_comments(&rest[close + 1..]);
            if !after.trim().is_empty() {
                return Err(AddressError::TextAfterAddress);
            }
            let name = strip_comments(&text[..i]);
            let name = name.trim();
            let name = if name.starts_with('"') && name.ends_with('"') && name.len() >= 2 {
                unquote(name)
            } else {
                if name.contains('@') {
                    return Err(AddressError::NameIsAddress);
                }
                name.to_string()
            };
            (Some(name), rest[..close].trim().to_string())
        }
        None => (None, strip_comments(text).trim().to_string()),
    };
    let (local, domain) = split_addr_spec(&spec)?;
    check_local(local)?;
    let domain_ascii = check_domain(domain)?;
    let name = name.map(|n| clean_name(&n)).filter(|n| !n.is_empty());
    Ok(Mailbox {
        name,
        local: local.to_string(),
        domain: domain.to_string(),
        domain_ascii,
    })
}

fn split_addr_spec(spec: &str) -> Result<(&str, &str), AddressError> {
    if spec.is_empty() {
        return Err(AddressError::MissingAt);
    }
    // The @ that ends the local part: the last one outside quotes.
    let (mut quote, mut escape, mut at) = (false, false, None);
    for (i, c) in spec.char_indices() {
        if escape {
            escape = false;
            continue;
        }
        match c {
            '\\' if quote => escape = true,
            '"' => quote = !quote,
            '@' if !quote => at = Some(i),
            _ => {}
        }
    }
    if quote {
        return Err(AddressError::UnterminatedQuote);
    }
    let at = at.ok_or(AddressError::MissingAt)?;
    Ok((&spec[..at], &spec[at + 1..]))
}

/// RFC 5322 §3.2.3 atext, plus any non-ASCII character (RFC 6532 §3.2).
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "!#$%&'*+-/=?^_`{|}~".contains(c)
        || (!c.is_ascii() && !c.is_control() && !c.is_whitespace())
}

fn check_local(local: &str) -> Result<(), AddressError> {
    if local.is_empty() {
        return Err(AddressError::EmptyLocalPart);
    }
    if local.len() > 64 {
        return Err(AddressError::LocalPartTooLong {
            octets: local.len(),
        });
    }
    if local.starts_with('"') {
        // quoted-string: qtext or quoted-pair, no CR/LF/NUL (RFC 5321 §4.1.2).
        if local.len() < 2 || !local.ends_with('"') {
            return Err(AddressError::UnterminatedQuote);
        }
        let inner = &local[1..local.len() - 1];
        let mut escape = false;
        for c in inner.chars() {
            if c.is_control() {
                return Err(AddressError::InvalidLocalPart);
            }
            if escape {
                escape = false;
            } else if c == '\\' {
                escape = true;
            } else if c == '"' {
                return Err(AddressError::InvalidLocalPart);
            }
        }
        if escape {
            return Err(AddressError::UnterminatedQuote);
        }
        return Ok(());
    }
    if local.chars().any(char::is_whitespace) {
        return Err(AddressError::Whitespace);
    }
    // dot-atom: atoms of atext separated by single dots.
    if local
        .split('.')
        .any(|atom| atom.is_empty() || !atom.chars().all(is_atext))
    {
        return Err(AddressError::InvalidLocalPart);
    }
    Ok(())
}

/// Checks a domain and returns its ASCII form (A-labels, lower case).
fn check_domain(domain: &str) -> Result<String, AddressError> {
    if domain.is_empty() {
        return Err(AddressError::EmptyDomain);
    }
    if domain.chars().any(char::is_whitespace) {
        return Err(AddressError::Whitespace);
    }
    if let Some(literal) = domain.strip_prefix('[') {
        let inner = literal
            .strip_suffix(']')
            .ok_or(AddressError::InvalidDomain)?;
        let ok = match inner.get(..5) {
            Some(p) if p.eq_ignore_ascii_case("IPv6:") => inner[5..].parse::<Ipv6Addr>().is_ok(),
            _ => inner.parse::<Ipv4Addr>().is_ok(),
        };
        return if ok {
            Ok(domain.to_string())
        } else {
            Err(AddressError::InvalidDomain)
        };
    }
    if domain.ends_with('.') || domain.starts_with('.') {
        return Err(AddressError::InvalidDomain);
    }
    let ascii = idna::domain_to_ascii_strict(domain).map_err(|_| AddressError::InvalidDomain)?;
    if ascii.is_empty() || ascii.len() > 253 {
        return Err(AddressError::InvalidDomain);
    }
    for label in ascii.split('.') {
        let ldh = label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if label.is_empty()
            || label.len() > 63
            || !ldh
            || label.starts_with('-')
            || label.ends_with('-')
        {
            return Err(AddressError::InvalidDomain);
        }
    }
    if !ascii.contains('.') {
        return Err(AddressError::DomainWithoutDot);
    }
    // A top-level domain is never all digits (RFC 3696 §2).
    if ascii
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(AddressError::InvalidDomain);
    }
    Ok(ascii)
}

/// An address as a person reads it: the domain's A-labels (`xn--…`) as
/// Unicode (RFC 5891 §5), the local part as it is. An address whose
/// domain does not convert is returned unchanged.
pub fn display_form(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) if domain.contains("xn--") => {
            let (unicode, result) = idna::domain_to_unicode(domain);
            match result {
                Ok(()) => format!("{local}@{unicode}"),
                Err(_) => address.to_string(),
            }
        }
        _ => address.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Mailbox {
        parse_mailbox(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    #[test]
    fn comma_in_an_unquoted_name_joins_the_next_fragment() {
        let entries =
            parse_field(r#"Kowalski, Jan <jan@example.com>; "Nowak, Anna" <anna@example.org>"#);
        assert_eq!(entries.len(), 2, "{entries:?}");
        let jan = entries[0].result.clone().unwrap();
        assert_eq!(jan.name.as_deref(), Some("Kowalski, Jan"));
        assert_eq!(jan.addr_spec(), "jan@example.com");
        let anna = entries[1].result.clone().unwrap();
        assert_eq!(anna.name.as_deref(), Some("Nowak, Anna"));
        assert_eq!(anna.addr_spec(), "anna@example.org");
        assert_eq!(entries[0].text, "Kowalski, Jan <jan@example.com>");
    }

    /// Tryout 22: `--to 'not-an-address, bob@'` was one recipient "with
    /// spaces"; each piece is told its own problem.
    #[test]
    fn a_piece_before_a_bare_address_is_not_joined_to_it() {
        let entries = parse_field("not-an-address, bob@");
        assert_eq!(entries.len(), 2, "{entries:?}");
        assert_eq!(entries[0].result, Err(AddressError::MissingAt));
        assert_eq!(entries[1].result, Err(AddressError::EmptyDomain));
        let entries = parse_field("Nowak, <anna@example.org>");
        assert_eq!(entries.len(), 2, "an empty name is not a name half");
    }

    #[test]
    fn trailing_name_fragment_stays_alone_and_invalid() {
        let entries = parse_field("jan@example.com, Nowak");
        assert_eq!(entries.len(), 2);
        assert_eq!(
            entries[0].result.clone().unwrap().addr_spec(),
            "jan@example.com"
        );
        assert_eq!(entries[1].text, "Nowak");
        assert_eq!(entries[1].result, Err(AddressError::MissingAt));
    }

    #[test]
    fn split_on_commas_and_semicolons_outside_quotes_and_brackets() {
        let entries = parse_field(r#"a@example.com;b@example.com , "x;y,z" <c@example.com>,, "#);
        let specs: Vec<String> = entries
            .iter()
            .map(|e| e.result.clone().unwrap().addr_spec())
            .collect();
        assert_eq!(specs, ["a@example.com", "b@example.com", "c@example.com"]);
        assert_eq!(
            entries[2].result.clone().unwrap().name.as_deref(),
            Some("x;y,z")
        );
    }

    #[test]
    fn spans_point_at_the_typed_text() {
        let field = "  a@example.com ,  zły@ ";
        let entries = parse_field(field);
        assert_eq!(&field[entries[1].span.clone()], "zły@");
        assert_eq!(entries[1].result, Err(AddressError::EmptyDomain));
    }

    #[test]
    fn local_part_over_64_octets_is_refused() {
        let long = format!("{}@example.com", "a".repeat(65));
        assert_eq!(
            parse_mailbox(&long),
            Err(AddressError::LocalPartTooLong { octets: 65 })
        );
        ok(&format!("{}@example.com", "a".repeat(64)));
    }

    #[test]
    fn dot_atom_rules() {
        ok("first.last+tag@example.com");
        ok("!#$%&'*+-/=?^_`{|}~@example.com");
        for bad in [
            ".jan@example.com",
            "jan.@example.com",
            "ja..n@example.com",
            "ja(n@example.com)x",
        ] {
            assert!(parse_mailbox(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_mailbox("ja n@example.com"),
            Err(AddressError::Whitespace)
        );
    }

    #[test]
    fn quoted_local_parts() {
        let m = ok(r#""jan kowalski"@example.com"#);
        assert_eq!(m.local, r#""jan kowalski""#);
        ok(r#""a\"b@c"@example.com"#);
        assert_eq!(
            parse_mailbox(r#""abc@example.com"#),
            Err(AddressError::UnterminatedQuote)
        );
    }

    #[test]
    fn domain_syntax() {
        assert_eq!(parse_mailbox("jan@"), Err(AddressError::EmptyDomain));
        assert_eq!(
            parse_mailbox("@example.com"),
            Err(AddressError::EmptyLocalPart)
        );
        assert_eq!(
            parse_mailbox("jan@localhost"),
            Err(AddressError::DomainWithoutDot)
        );
        for bad in [
            "jan@-x.pl",
            "jan@x-.pl",
            "jan@exa_mple.com",
            "jan@.pl",
            "jan@pl.",
            "jan@1.2.3.4",
        ] {
            assert!(parse_mailbox(bad).is_err(), "{bad}");
        }
        let long_label = format!("jan@{}.pl", "a".repeat(64));
        assert_eq!(parse_mailbox(&long_label), Err(AddressError::InvalidDomain));
        assert_eq!(ok("jan@[192.0.2.1]").domain_ascii, "[192.0.2.1]");
        ok("jan@[IPv6:2001:db8::1]");
        assert!(parse_mailbox("jan@[300.1.1.1]").is_err());
    }

    #[test]
    fn idn_domains_become_a_labels() {
        let m = ok("jan@zażółć.pl");
        assert_eq!(m.addr_spec(), "jan@xn--za-6ja4f8n1l.pl");
        assert_eq!(m.domain, "zażółć.pl");
        assert!(!m.needs_smtputf8());
        assert_eq!(ok("jan@Example.COM").domain_ascii, "example.com");
    }

    #[test]
    fn non_ascii_local_part_needs_smtputf8() {
        let m = ok("łukasz@example.com");
        assert!(m.needs_smtputf8());
    }

    #[test]
    fn an_unquoted_name_with_an_at_is_refused() {
        assert_eq!(
            parse_mailbox("x@example.org <v@example.org>"),
            Err(AddressError::NameIsAddress)
        );
        assert_eq!(
            parse_mailbox("x@example.org\r\nRCPT TO:<v@example.org>"),
            Err(AddressError::NameIsAddress)
        );
        assert_eq!(
            ok("\"x@example.org\" <v@example.org>").name.as_deref(),
            Some("x@example.org")
        );
    }

    #[test]
    fn control_characters_in_names_become_spaces() {
        let m = ok("Jan\r\nBcc: evil <jan@example.com>");
        assert_eq!(m.name.as_deref(), Some("Jan Bcc: evil"));
        let m = ok("\"Ja\0n\" <jan@example.com>");
        assert_eq!(m.name.as_deref(), Some("Ja n"));
    }

    #[test]
    fn angle_brackets_and_comments() {
        assert_eq!(ok("<jan@example.com>").name, None);
        assert_eq!(
            parse_mailbox("Jan <jan@example.com"),
            Err(AddressError::UnterminatedAngle)
        );
        assert_eq!(
            parse_mailbox("Jan <jan@example.com> x"),
            Err(AddressError::TextAfterAddress)
        );
        assert_eq!(ok("jan@example.com (Jan)").addr_spec(), "jan@example.com");
    }

    #[test]
    fn envelope_key_compares_domain_case_insensitively_only() {
        assert_eq!(
            ok("Jan@EXAMPLE.com").envelope_key(),
            ok("Jan@example.com").envelope_key()
        );
        assert_ne!(
            ok("Jan@example.com").envelope_key(),
            ok("jan@example.com").envelope_key()
        );
    }

    proptest::proptest! {
        #[test]
        fn any_field_parses_without_panic(s in "\\PC*") {
            for e in parse_field(&s) {
                proptest::prop_assert!(e.span.end <= s.len());
                if let Ok(m) = e.result {
                    proptest::prop_assert!(m.domain_ascii.is_ascii());
                    proptest::prop_assert!(m.local.len() <= 64);
                    if let Some(n) = m.name {
                        proptest::prop_assert!(!n.contains(['\r', '\n', '\0']));
                    }
                }
            }
        }

        #[test]
        fn any_bytes_as_text_parse_without_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let s = String::from_utf8_lossy(&bytes);
            let _ = parse_field(&s);
        }
    }
}
