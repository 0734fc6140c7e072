//! Drafts become messages that any mail reader reads back exactly: checked
//! with an independent parser (Python's `email` package).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::PathBuf;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use koperta::account::{Account, AccountId};
use koperta::draft::{BuildOptions, Draft, Field, ProblemKind};
use serde_json::Value;

fn account() -> Account {
    Account {
        id: AccountId::generate(),
        name: "Zofia Żółkiewska".into(),
        address: "zofia@example.com".into(),
        host: "localhost".into(),
        username: "zofia@example.com".into(),
        signature: "Zofia\nKoperta sp. z o.o.".into(),
        ..Account::default()
    }
}

fn write_and_parse(bytes: &[u8]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.eml");
    std::fs::write(&path, bytes).unwrap();
    support::parse_mail(&path)
}

fn header<'a>(parsed: &'a Value, name: &str) -> Vec<&'a str> {
    parsed["headers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h[0].as_str().unwrap().eq_ignore_ascii_case(name))
        .map(|h| h[1].as_str().unwrap())
        .collect()
}

fn assert_no_bare_cr_or_lf(bytes: &[u8]) {
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
        }
    }
}

fn attachments(dir: &std::path::Path) -> (PathBuf, PathBuf, Vec<u8>, Vec<u8>) {
    let pdf = dir.join("Załącznik ąę.pdf");
    let pdf_bytes: Vec<u8> =
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n".to_vec();
    std::fs::write(&pdf, &pdf_bytes).unwrap();
    let csv = dir.join("dane.csv");
    let csv_bytes = b"a,b\n1,2\n.\n3,4\0\r5\n".to_vec();
    std::fs::write(&csv, &csv_bytes).unwrap();
    (pdf, csv, pdf_bytes, csv_bytes)
}

/// The message of the first "done when": every tricky part at once.
pub fn polish_draft(dir: &std::path::Path) -> (Draft, Vec<u8>, Vec<u8>) {
    let (pdf, csv, pdf_bytes, csv_bytes) = attachments(dir);
    let draft = Draft {
        to: r#"Kowalski, Jan <jan@example.com>; "Nowak, Anna" <anna@example.org>"#.into(),
        bcc: "ukryty@example.net".into(),
        subject: "Sprawozdanie — zażółć gęślą jaźń".into(),
        body: ".hidden\n.\nCześć 😀\n".into(),
        attachments: vec![pdf, csv],
        ..Draft::default()
    };
    (draft, pdf_bytes, csv_bytes)
}

#[test]
fn polish_message_with_attachments_parses_back_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (draft, pdf_bytes, csv_bytes) = polish_draft(dir.path());
    let built = draft.build(&account(), &BuildOptions::default()).unwrap();
    let bytes = built.formatted().unwrap();
    assert_no_bare_cr_or_lf(&bytes);
    assert!(bytes.is_ascii(), "the message is 7-bit");
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.to_ascii_lowercase().contains("\r\nbcc:"), "{text}");
    assert!(!text.contains("ukryty"), "Bcc leaked into the message");

    let p = write_and_parse(&bytes);
    assert_eq!(
        p["defects"].as_array().unwrap().len(),
        0,
        "{}",
        p["defects"]
    );
    assert_eq!(p["subject"], "Sprawozdanie — zażółć gęślą jaźń");
    assert_eq!(p["from"][0]["name"], "Zofia Żółkiewska");
    assert_eq!(p["from"][0]["address"], "zofia@example.com");
    assert_eq!(p["to"][0]["name"], "Kowalski, Jan");
    assert_eq!(p["to"][0]["address"], "jan@example.com");
    assert_eq!(p["to"][1]["name"], "Nowak, Anna");
    assert_eq!(p["to"][1]["address"], "anna@example.org");
    assert!(p["bcc"].is_null());
    assert_eq!(p["body"], ".hidden\n.\nCześć 😀\n");
    let att = p["attachments"].as_array().unwrap();
    assert_eq!(att.len(), 2);
    assert_eq!(att[0]["filename"], "Załącznik ąę.pdf");
    assert_eq!(att[0]["content_type"], "application/pdf");
    assert_eq!(
        B64.decode(att[0]["data_b64"].as_str().unwrap()).unwrap(),
        pdf_bytes
    );
    assert_eq!(att[1]["filename"], "dane.csv");
    // A UTF-8 text attachment names its charset; a PDF has none.
    assert_eq!(att[1]["charset"], "utf-8");
    assert!(att[0]["charset"].is_null());
    assert_eq!(
        B64.decode(att[1]["data_b64"].as_str().unwrap()).unwrap(),
        csv_bytes
    );

    assert_eq!(
        built.envelope.rcpt_to,
        ["jan@example.com", "anna@example.org", "ukryty@example.net"]
    );
    assert_eq!(built.envelope.mail_from, "zofia@example.com");
}

#[test]
fn idn_domain_becomes_the_a_label_in_envelope_and_header() {
    let draft = Draft {
        to: "Jan <jan@zażółć.pl>".into(),
        subject: "x".into(),
        ..Draft::default()
    };
    let built = draft.build(&account(), &BuildOptions::default()).unwrap();
    assert_eq!(built.envelope.rcpt_to, ["jan@xn--za-6ja4f8n1l.pl"]);
    let p = write_and_parse(&built.formatted().unwrap());
    assert_eq!(p["to"][0]["address"], "jan@xn--za-6ja4f8n1l.pl");
}

#[test]
fn envelope_has_each_mailbox_once_and_bcc_only_there() {
    let draft = Draft {
        to: "a@Example.com, b@example.com".into(),
        cc: "A@example.com, a@EXAMPLE.COM, c@example.com".into(),
        bcc: "b@example.com, d@example.com".into(),
        subject: "x".into(),
        ..Draft::default()
    };
    let built = draft.build(&account(), &BuildOptions::default()).unwrap();
    // Local parts compared exactly, domains case-insensitively.
    assert_eq!(
        built.envelope.rcpt_to,
        [
            "a@example.com",
            "b@example.com",
            "A@example.com",
            "c@example.com",
            "d@example.com"
        ]
    );
    // Bcc known as such (for lists), b@ not: To names it.
    assert_eq!(built.bcc, ["d@example.com"]);
    let text = String::from_utf8(built.formatted().unwrap()).unwrap();
    assert_eq!(
        text.matches("\r\nTo: ").count() + text.starts_with("To: ") as usize,
        1
    );
    assert_eq!(text.matches("\r\nCc: ").count(), 1);
    assert!(
        !text
            .lines()
            .any(|l| !l.starts_with("Message-ID") && l.contains("d@example.com")),
        "Bcc recipient in the headers: {text}"
    );
}

#[test]
fn headers_have_date_message_id_mime_version_and_no_host_name() {
    let draft = Draft {
        to: "a@example.com".into(),
        subject: "x".into(),
        ..Draft::default()
    };
    let built = draft.build(&account(), &BuildOptions::default()).unwrap();
    let p = write_and_parse(&built.formatted().unwrap());
    let date = header(&p, "Date")[0];
    assert!(date.ends_with("+0000"), "{date}");
    let id = header(&p, "Message-ID")[0];
    assert!(id.starts_with('<') && id.ends_with("@example.com>"), "{id}");
    assert_eq!(header(&p, "MIME-Version"), ["1.0"]);
    assert!(header(&p, "User-Agent").is_empty());
    let ct = header(&p, "Content-Type")[0];
    assert!(
        ct.contains("text/plain")
            && ct
                .to_ascii_lowercase()
                .replace('"', "")
                .contains("charset=utf-8"),
        "{ct}"
    );
    assert_eq!(
        header(&p, "Content-Transfer-Encoding"),
        ["quoted-printable"]
    );
    let text = String::from_utf8(built.formatted().unwrap()).unwrap();
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let host = host.trim();
    if host.len() > 3 {
        assert!(!text.contains(host), "machine name {host} in message");
    }
    // Two messages never share an id.
    let other = draft.build(&account(), &BuildOptions::default()).unwrap();
    let p2 = write_and_parse(&other.formatted().unwrap());
    assert_ne!(header(&p2, "Message-ID")[0], id);
}

#[test]
fn user_agent_only_when_asked_for() {
    let draft = Draft {
        to: "a@example.com".into(),
        ..Draft::default()
    };
    let built = draft
        .build(
            &account(),
            &BuildOptions {
                user_agent: true,
                ..BuildOptions::default()
            },
        )
        .unwrap();
    let p = write_and_parse(&built.formatted().unwrap());
    assert!(header(&p, "User-Agent")[0].starts_with("Koperta/"));
}

#[test]
fn long_subjects_fold_within_998_and_read_back_whole() {
    for subject in [
        "x".repeat(1200),
        "słowo ".repeat(300).trim_end().to_string(),
        "word ".repeat(300).trim_end().to_string(),
    ] {
        let draft = Draft {
            to: "a@example.com".into(),
            subject: subject.clone(),
            ..Draft::default()
        };
        let bytes = draft
            .build(&account(), &BuildOptions::default())
            .unwrap()
            .formatted()
            .unwrap();
        for line in String::from_utf8(bytes.clone()).unwrap().split("\r\n") {
            assert!(line.len() <= 998, "{} octets", line.len());
        }
        let header_end = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let headers = String::from_utf8(bytes[..header_end].to_vec()).unwrap();
        for line in headers.split("\r\n") {
            assert!(
                line.len() <= 78,
                "header line of {} octets: {line}",
                line.len()
            );
        }
        assert_eq!(write_and_parse(&bytes)["subject"], subject.as_str());
    }
}

#[test]
fn cr_lf_and_nul_in_subject_and_names_never_reach_a_header() {
    let mut acc = account();
    acc.name = "Zofia\r\nBcc: evil@example.com".into();
    let draft = Draft {
        to: "\"Jan\r\nX-Evil: 1\" <jan@example.com>".into(),
        subject: "Hello\r\nBcc: evil@example.com\0!".into(),
        ..Draft::default()
    };
    let bytes = draft
        .build(&acc, &BuildOptions::default())
        .unwrap()
        .formatted()
        .unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(!text.contains('\0'));
    assert!(
        !text.contains("\r\nBcc:") && !text.contains("\r\nX-Evil:"),
        "{text}"
    );
    let p = write_and_parse(&bytes);
    assert_eq!(p["subject"], "Hello  Bcc: evil@example.com !");
    assert_eq!(p["to"][0]["name"], "Jan X-Evil: 1");
    assert_eq!(p["from"][0]["name"], "Zofia Bcc: evil@example.com");
}

#[test]
fn body_line_endings_become_crlf_and_dots_and_trailing_spaces_survive() {
    let draft = Draft {
        to: "a@example.com".into(),
        body: "one\rtwo\nthree\r\n.four  \n..five\n.".into(),
        ..Draft::default()
    };
    let bytes = draft
        .build(&account(), &BuildOptions::default())
        .unwrap()
        .formatted()
        .unwrap();
    assert_no_bare_cr_or_lf(&bytes);
    let text = String::from_utf8(bytes.clone()).unwrap();
    // A line starting with a dot still starts with a dot in the message
    // (quoted-printable does not hide it): the session must dot-stuff it.
    assert!(text.contains("\r\n.four"), "{text}");
    assert_eq!(
        write_and_parse(&bytes)["body"],
        "one\ntwo\nthree\n.four  \n..five\n.\n"
    );
}

#[test]
fn empty_body_is_valid() {
    let draft = Draft {
        to: "a@example.com".into(),
        ..Draft::default()
    };
    let bytes = draft
        .build(&account(), &BuildOptions::default())
        .unwrap()
        .formatted()
        .unwrap();
    let p = write_and_parse(&bytes);
    assert!(p["body"].as_str().unwrap().trim().is_empty());
}

#[test]
fn signature_goes_under_dash_dash_space_when_asked() {
    let draft = Draft {
        to: "a@example.com".into(),
        body: "Treść".into(),
        signature: true,
        ..Draft::default()
    };
    let bytes = draft
        .build(&account(), &BuildOptions::default())
        .unwrap()
        .formatted()
        .unwrap();
    assert_eq!(
        write_and_parse(&bytes)["body"],
        "Treść\n-- \nZofia\nKoperta sp. z o.o.\n"
    );
    let without = Draft {
        signature: false,
        ..draft
    };
    let bytes = without
        .build(&account(), &BuildOptions::default())
        .unwrap()
        .formatted()
        .unwrap();
    assert!(
        !write_and_parse(&bytes)["body"]
            .as_str()
            .unwrap()
            .contains("-- ")
    );
}

#[test]
fn attachments_are_always_base64_with_rfc2231_and_rfc2047_names() {
    let dir = tempfile::tempdir().unwrap();
    let ascii = dir.path().join("notes.txt");
    std::fs::write(&ascii, "plain ascii\nline\n").unwrap();
    let (pdf, _, _, _) = attachments(dir.path());
    let draft = Draft {
        to: "a@example.com".into(),
        attachments: vec![ascii, pdf],
        ..Draft::default()
    };
    let bytes = draft
        .build(&account(), &BuildOptions::default())
        .unwrap()
        .formatted()
        .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(
        text.matches("Content-Transfer-Encoding: base64").count(),
        2,
        "{text}"
    );
    assert!(text.contains("filename*"), "RFC 2231 name: {text}");
    assert!(text.contains("name=\"=?utf-8?b?"), "RFC 2047 name: {text}");
    assert!(
        text.contains("Content-Type: text/plain; charset=utf-8; name=\"notes.txt\""),
        "{text}"
    );
}

#[test]
fn unreadable_attachment_is_reported_by_path_and_nothing_is_built() {
    let missing = PathBuf::from("/nonexistent/raport.pdf");
    let draft = Draft {
        to: "a@example.com".into(),
        attachments: vec![missing.clone()],
        ..Draft::default()
    };
    let problems = draft
        .build(&account(), &BuildOptions::default())
        .unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, Field::Attachment(0));
    assert!(
        matches!(&problems[0].kind, ProblemKind::UnreadableAttachment { path, .. } if *path == missing)
    );
}

#[test]
fn validate_lists_every_problem_with_its_field() {
    let draft = Draft {
        to: "jan@example.com, Nowak".into(),
        cc: "zły@".into(),
        bcc: "@x.pl".into(),
        ..Draft::default()
    };
    let problems = draft.validate(None);
    let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, [Field::From, Field::To, Field::Cc, Field::Bcc]);
    let empty = Draft::default().validate(Some(&account()));
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0].kind, ProblemKind::NoRecipients);
}

#[test]
fn bcc_me_puts_the_sender_in_the_envelope_only() {
    let mut acc = account();
    acc.bcc_self = true;
    let draft = Draft {
        to: "a@example.com".into(),
        ..Draft::default()
    };
    let built = draft.build(&acc, &BuildOptions::default()).unwrap();
    assert_eq!(
        built.envelope.rcpt_to,
        ["a@example.com", "zofia@example.com"]
    );
    assert_eq!(built.bcc, ["zofia@example.com"]);
    let text = String::from_utf8(built.formatted().unwrap()).unwrap();
    assert!(!text.to_ascii_lowercase().contains("\r\nbcc:"));
}

/// D23: a message with Bcc recipients only had no To header at all; now it
/// says `To: undisclosed-recipients:;` (RFC 5322 §3.6.3), and the Bcc
/// addresses are still only in the envelope.
#[test]
fn d23_a_bcc_only_message_says_undisclosed_recipients() {
    let draft = Draft {
        bcc: "ukryta@example.com, druga@example.com".into(),
        subject: "Tylko Bcc".into(),
        body: "Treść.\n".into(),
        ..Draft::default()
    };
    let built = draft.build(&account(), &BuildOptions::default()).unwrap();
    assert_eq!(
        built.envelope.rcpt_to,
        ["ukryta@example.com", "druga@example.com"]
    );
    let bytes = built.formatted().unwrap();
    let parsed = write_and_parse(&bytes);
    assert_eq!(header(&parsed, "To"), ["undisclosed-recipients:;"]);
    assert!(header(&parsed, "Bcc").is_empty());
    let text = String::from_utf8(bytes).unwrap();
    assert!(!text.contains("ukryta@"), "a Bcc address in the headers");
}

/// High priority and a read receipt, asked for, are the headers mail
/// programs read (RFC 2156 §5.3 `Importance`, `X-Priority`; RFC 8098
/// `Disposition-Notification-To` to the sender); neither by default.
#[test]
fn high_priority_and_a_read_receipt_are_headers_only_when_asked_for() {
    let plain = Draft {
        to: "a@example.com".into(),
        ..Draft::default()
    };
    let asked = Draft {
        high_priority: true,
        read_receipt: true,
        ..plain.clone()
    };
    let p = write_and_parse(
        &asked
            .build(&account(), &BuildOptions::default())
            .unwrap()
            .formatted()
            .unwrap(),
    );
    assert_eq!(header(&p, "Importance"), ["high"]);
    assert_eq!(header(&p, "X-Priority"), ["1 (Highest)"]);
    assert_eq!(
        header(&p, "Disposition-Notification-To"),
        ["Zofia Żółkiewska <zofia@example.com>"]
    );
    let p = write_and_parse(
        &plain
            .build(&account(), &BuildOptions::default())
            .unwrap()
            .formatted()
            .unwrap(),
    );
    for h in [
        "Importance",
        "X-Priority",
        "Disposition-Notification-To",
        "Reply-To",
    ] {
        assert!(header(&p, h).is_empty(), "{h}");
    }
}

/// An identity's Reply-To that is not an address is a problem, found
/// before anything is built or queued.
#[test]
fn an_identity_with_a_wrong_reply_to_is_refused_before_sending() {
    let mut acc = account();
    let mut i = koperta::account::Identity::new("Biuro", "biuro@example.com");
    i.reply_to = "pomoc(at)example.com".into();
    let id = i.id.clone();
    acc.identities.push(i);
    let draft = Draft {
        to: "a@example.com".into(),
        identity: Some(id),
        ..Draft::default()
    };
    let problems = draft.validate(Some(&acc));
    assert!(
        problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::InvalidReplyTo(..))),
        "{problems:?}"
    );
    assert!(draft.build(&acc, &BuildOptions::default()).is_err());
}
