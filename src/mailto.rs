//! `mailto:` URIs (RFC 6068): what a link asks a compose window to hold.
//!
//! Safety (RFC 6068 §7): only `to`, `cc`, `bcc`, `subject`, `body` and
//! `in-reply-to` are taken; every other header field is ignored, and
//! `attach`-like fields are named so the window can say they were ignored.
//! Nothing is ever sent without the person pressing Send; the body is
//! plain text.

use percent_encoding::percent_decode_str;

/// What a `mailto:` URI fills in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mailto {
    /// The To recipients, comma-separated, as decoded.
    pub to: String,
    /// Cc, comma-separated.
    pub cc: String,
    /// Bcc, comma-separated.
    pub bcc: String,
    /// The subject (line breaks folded to spaces).
    pub subject: String,
    /// The body, with `\n` line breaks.
    pub body: String,
    /// The message id the reply refers to (`<…>`), if given.
    pub in_reply_to: String,
    /// Header fields that asked to attach files (`attach`, `attachment`,
    /// …): ignored, named here so the window can say so.
    pub ignored_attachments: Vec<String>,
    /// Other header fields, ignored.
    pub ignored: Vec<String>,
}

/// Why a URI was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailtoError {
    /// It does not start with `mailto:`.
    #[error("not a mailto: URI")]
    NotMailto,
    /// A `%XX` sequence decodes to bytes that are not UTF-8 (RFC 6068 §2).
    #[error("not UTF-8 after percent-decoding")]
    NotUtf8,
    /// A header field without `=` (RFC 6068 §2: `hfname "=" hfvalue`).
    #[error("malformed header field {0:?}")]
    Malformed(String),
}

fn decode(part: &str) -> Result<String, MailtoError> {
    // A `%` must start `%XX` (RFC 3986 §2.1); a byte that was not UTF-8 on
    // the command line arrives as U+FFFD.
    let bytes = part.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'%'
            && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        {
            return Err(MailtoError::Malformed(part.to_string()));
        }
    }
    if part.contains('\u{FFFD}') {
        return Err(MailtoError::NotUtf8);
    }
    percent_decode_str(part)
        .decode_utf8()
        .map(|c| c.into_owned())
        .map_err(|_| MailtoError::NotUtf8)
}

fn append(list: &mut String, more: &str) {
    let more = more.trim();
    if more.is_empty() {
        return;
    }
    if !list.trim().is_empty() {
        list.push_str(", ");
    }
    list.push_str(more);
}

/// Reads `uri` (`mailto:` in any case, RFC 6068 §2). `+` stays a plus sign
/// (it is not a space in mailto URIs); `%0D%0A` in the body becomes a line
/// break; line breaks in other fields become spaces.
///
/// Errors: [`MailtoError::NotMailto`], [`MailtoError::NotUtf8`],
/// [`MailtoError::Malformed`].
pub fn parse(uri: &str) -> Result<Mailto, MailtoError> {
    let uri = uri.trim();
    let rest = uri
        .get(..7)
        .filter(|p| p.eq_ignore_ascii_case("mailto:"))
        .map(|_| &uri[7..])
        .ok_or(MailtoError::NotMailto)?;
    // A fragment is not part of a mailto URI; drop it.
    let rest = rest.split('#').next().unwrap_or("");
    let (to, query) = match rest.split_once('?') {
        Some((to, q)) => (to, Some(q)),
        None => (rest, None),
    };
    let mut m = Mailto::default();
    append(&mut m.to, &decode(to)?);
    for field in query.into_iter().flat_map(|q| q.split('&')) {
        if field.is_empty() {
            continue;
        }
        let (name, value) = field
            .split_once('=')
            .ok_or_else(|| MailtoError::Malformed(field.to_string()))?;
        let name = decode(name)?.to_ascii_lowercase();
        let value = decode(value)?;
        let one_line = |v: &str| v.replace(['\r', '\n'], " ");
        match name.as_str() {
            "to" => append(&mut m.to, &one_line(&value)),
            "cc" => append(&mut m.cc, &one_line(&value)),
            "bcc" => append(&mut m.bcc, &one_line(&value)),
            "subject" => m.subject = one_line(&value),
            "body" => m.body = value.replace("\r\n", "\n").replace('\r', "\n"),
            "in-reply-to" => m.in_reply_to = one_line(&value).trim().to_string(),
            n if n.starts_with("attach") => m.ignored_attachments.push(name.clone()),
            _ => m.ignored.push(name),
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // The examples of RFC 6068 §6.1 and §6.2.
    #[test]
    fn rfc_6068_basic_examples() {
        let m = parse("mailto:chris@example.com").unwrap();
        assert_eq!(m.to, "chris@example.com");
        let m = parse("mailto:infobot@example.com?subject=current-issue").unwrap();
        assert_eq!(m.subject, "current-issue");
        let m = parse("mailto:infobot@example.com?body=send%20current-issue").unwrap();
        assert_eq!(m.body, "send current-issue");
        let m = parse("mailto:infobot@example.com?body=send%20current-issue%0D%0Asend%20index")
            .unwrap();
        assert_eq!(m.body, "send current-issue\nsend index");
        let m =
            parse("mailto:list@example.org?In-Reply-To=%3C3469A91.D10AF4C@example.com%3E").unwrap();
        assert_eq!(m.in_reply_to, "<3469A91.D10AF4C@example.com>");
        let m = parse("mailto:majordomo@example.com?body=subscribe%20bamboo-l").unwrap();
        assert_eq!(m.body, "subscribe bamboo-l");
        let m = parse("mailto:joe@example.com?cc=bob@example.com&body=hello").unwrap();
        assert_eq!(
            (m.to.as_str(), m.cc.as_str(), m.body.as_str()),
            ("joe@example.com", "bob@example.com", "hello")
        );
        let m = parse("mailto:gorby%25kremvax@example.com").unwrap();
        assert_eq!(m.to, "gorby%kremvax@example.com");
        let m = parse("mailto:unlikely%3Faddress@example.com?blat=foop").unwrap();
        assert_eq!(m.to, "unlikely?address@example.com");
        assert_eq!(m.ignored, ["blat"]);
        let m = parse("mailto:Mike%26family@example.org").unwrap();
        assert_eq!(m.to, "Mike&family@example.org");
    }

    #[test]
    fn rfc_6068_complicated_examples() {
        assert_eq!(
            parse("mailto:%22not%40me%22@example.org").unwrap().to,
            "\"not@me\"@example.org"
        );
        assert_eq!(
            parse("mailto:%22oh%5C%5Cno%22@example.org").unwrap().to,
            "\"oh\\\\no\"@example.org"
        );
        assert_eq!(
            parse("mailto:%22%5C%5C%5C%22it's%5C%20ugly%5C%5C%5C%22%22@example.org")
                .unwrap()
                .to,
            "\"\\\\\\\"it's\\ ugly\\\\\\\"\"@example.org"
        );
        assert_eq!(
            parse("mailto:user@example.org?subject=caf%C3%A9")
                .unwrap()
                .subject,
            "café"
        );
        let m = parse("mailto:?to=addr1@an.example,addr2@an.example").unwrap();
        assert_eq!(m.to, "addr1@an.example,addr2@an.example");
        let m = parse("mailto:addr1@an.example,addr2@an.example").unwrap();
        assert_eq!(m.to, "addr1@an.example,addr2@an.example");
        let m =
            parse("mailto:user@%E7%B4%8D%E8%B1%86.example.org?subject=Test&body=NATTO").unwrap();
        assert_eq!(m.to, "user@納豆.example.org");
        assert_eq!((m.subject.as_str(), m.body.as_str()), ("Test", "NATTO"));
    }

    #[test]
    fn polish_subject_several_recipients_and_attach_is_ignored() {
        let m = parse(
            "MAILTO:jan@example.com,anna@example.org?cc=zofia@example.pl&bcc=ja@example.com\
             &subject=Dzie%C5%84%20dobry&body=Za%C5%BC%C3%B3%C5%82%C4%87%0D%0A1+1\
             &attach=%2Fetc%2Fpasswd&X-Mailer=evil&from=eve@example.com",
        )
        .unwrap();
        assert_eq!(m.to, "jan@example.com,anna@example.org");
        assert_eq!(m.cc, "zofia@example.pl");
        assert_eq!(m.bcc, "ja@example.com");
        assert_eq!(m.subject, "Dzień dobry");
        assert_eq!(m.body, "Zażółć\n1+1", "+ stays a plus sign");
        assert_eq!(m.ignored_attachments, ["attach"]);
        assert_eq!(m.ignored, ["x-mailer", "from"]);
    }

    #[test]
    fn header_injection_stays_on_one_line() {
        let m = parse("mailto:a@example.com?subject=Hi%0D%0ABcc:%20eve@example.com").unwrap();
        assert_eq!(m.subject, "Hi  Bcc: eve@example.com");
        assert!(m.bcc.is_empty());
    }

    #[test]
    fn malformed_uris_are_errors() {
        assert_eq!(parse("http://example.com"), Err(MailtoError::NotMailto));
        // A lone or short `%`, and bytes that were not UTF-8 (U+FFFD).
        assert!(matches!(
            parse("mailto:a@example.com?subject=%"),
            Err(MailtoError::Malformed(_))
        ));
        assert!(matches!(
            parse("mailto:a@example.com?subject=%4"),
            Err(MailtoError::Malformed(_))
        ));
        assert_eq!(
            parse("mailto:a@example.com?subject=\u{FFFD}"),
            Err(MailtoError::NotUtf8)
        );
        assert_eq!(
            parse("mailto:a@example.com?subject=%FF"),
            Err(MailtoError::NotUtf8)
        );
        assert!(matches!(
            parse("mailto:a@example.com?subject"),
            Err(MailtoError::Malformed(_))
        ));
    }

    proptest! {
        #[test]
        fn any_text_gives_fields_or_an_error(s in "\\PC{0,200}") {
            let _ = parse(&s);
            if let Ok(m) = parse(&format!("mailto:{s}")) {
                prop_assert!(!m.subject.contains('\n'));
                prop_assert!(!m.to.contains('\n'));
                prop_assert!(!m.in_reply_to.contains('\r'));
            }
        }

        #[test]
        fn encoded_fields_round_trip(subject in "\\PC{0,60}", body in "[\\PC\n]{0,120}") {
            use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
            let uri = format!(
                "mailto:a@example.com?subject={}&body={}",
                utf8_percent_encode(&subject, NON_ALPHANUMERIC),
                utf8_percent_encode(&body.replace('\n', "\r\n"), NON_ALPHANUMERIC)
            );
            let m = parse(&uri).unwrap();
            prop_assert_eq!(m.subject, subject.replace(['\r', '\n'], " "));
            prop_assert_eq!(m.body, body);
        }
    }
}
