//! A sent message, opened read-only from the Sent view: who it went to,
//! when, its size, how it travelled (the TLS session observed and the
//! server's reply), its text and its attachments. The text can be
//! selected and copied, never changed.

use iced::widget::{column, container, row, scrollable, text, text_editor};
use iced::{Element, Length, Task};
use mail_parser::MimeHeaders as _;

use crate::outbox::State as Queued;
use crate::store::Stored;
use crate::t;
use crate::ui::style;
use crate::ui::widget::button;

/// The most of a message's text shown, in bytes (the rest is cut, and the
/// window says so).
const MAX_SHOWN_TEXT: usize = 1024 * 1024;

/// The largest `.eml` read to be shown, in bytes (a message with a big
/// attachment is read only for its headers and text, up to this).
const MAX_READ: u64 = 8 * 1024 * 1024;

/// The label column, in logical pixels (fits "Odpowiedź serwera").
const SENT_LABEL_WIDTH: f32 = 160.0;

/// What the `.eml` says, read off the UI thread.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The From header, as "Name <address>".
    pub from: String,
    /// The To and Cc headers.
    pub to: String,
    /// Cc.
    pub cc: String,
    /// Reply-To (an identity's), empty without one.
    pub reply_to: String,
    /// Marked high priority (`Importance: high` or `X-Priority: 1`).
    pub high_priority: bool,
    /// A read receipt was asked for (`Disposition-Notification-To`, RFC
    /// 8098 §2.1).
    pub read_receipt: bool,
    /// The addresses in To and Cc, lower case (the envelope's others were
    /// Bcc).
    pub in_headers: Vec<String>,
    /// The text part.
    pub body: String,
    /// The text was longer than [`MAX_SHOWN_TEXT`] or the file than
    /// [`MAX_READ`]: only the start is shown.
    pub cut: bool,
    /// The attachments: file name and size in bytes (`None` for the last
    /// one of a file read only in part: its size is not known).
    pub attachments: Vec<(String, Option<u64>)>,
}

/// The window's state.
#[derive(Debug)]
pub struct State {
    sent: Stored,
    parsed: Option<Result<Parsed, String>>,
    body: text_editor::Content,
}

/// What the person did, or what was read.
#[derive(Debug, Clone)]
pub enum Message {
    /// The `.eml` was read (or why not).
    Loaded(Result<Parsed, String>),
    /// Selecting, scrolling or copying in the text (edits are ignored).
    Body(text_editor::Action),
    /// Close the window.
    Close,
}

/// What the app must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Nothing.
    None,
    /// Close this window.
    Close,
}

impl State {
    /// The window for `sent` (its `.eml` is read by [`load`]).
    pub fn new(sent: Stored) -> State {
        State {
            sent,
            parsed: None,
            body: text_editor::Content::new(),
        }
    }

    /// The sent message's id.
    pub fn id(&self) -> &str {
        &self.sent.id
    }

    /// The subject, for the window's title.
    pub fn subject(&self) -> &str {
        &self.sent.sidecar.subject
    }

    /// Handles `message`.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Loaded(parsed) => {
                if let Ok(p) = &parsed {
                    self.body = text_editor::Content::with_text(&p.body);
                }
                self.parsed = Some(parsed);
            }
            Message::Body(action) if !action.is_edit() => self.body.perform(action),
            Message::Body(_) => {}
            Message::Close => return Action::Close,
        }
        Action::None
    }
}

/// Reads and parses `sent`'s `.eml` off the UI thread.
pub fn load(sent: &Stored) -> Task<Message> {
    let path = sent.eml.clone();
    Task::perform(
        async move {
            tokio::task::spawn_blocking(move || parse_file(&path))
                .await
                .unwrap_or_else(|e| Err(e.to_string()))
        },
        Message::Loaded,
    )
}

fn parse_file(path: &std::path::Path) -> Result<Parsed, String> {
    use std::io::Read;
    let file = crate::fs::open_regular(path).map_err(|e| {
        crate::report::Localize::localize(&crate::store::StoreError::Io {
            path: path.to_path_buf(),
            source: e,
        })
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_READ)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    let whole = (bytes.len() as u64) < MAX_READ;
    Ok(parse(&bytes, !whole))
}

/// Parses a message's bytes with mail-parser (RFC 5322, MIME); `cut`
/// when the bytes are only its start.
pub fn parse(bytes: &[u8], cut: bool) -> Parsed {
    let cut_file = cut;
    let Some(m) = mail_parser::MessageParser::default().parse(bytes) else {
        return Parsed {
            cut,
            ..Parsed::default()
        };
    };
    let list = |a: Option<&mail_parser::Address>| -> String {
        a.map(|a| {
            a.iter()
                .map(|addr| {
                    let address = addr.address().unwrap_or_default();
                    let address = crate::address::display_form(address);
                    match addr.name().filter(|n| !n.trim().is_empty()) {
                        Some(name) => format!("{name} <{address}>"),
                        None => address,
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .map(|s| crate::report::safe_line(&s))
        .unwrap_or_default()
    };
    let mut body = m.body_text(0).map(|b| b.into_owned()).unwrap_or_default();
    let mut cut = cut;
    if body.len() > MAX_SHOWN_TEXT {
        let mut end = MAX_SHOWN_TEXT;
        while !body.is_char_boundary(end) {
            end -= 1;
        }
        body.truncate(end);
        cut = true;
    }
    // Control characters (other than line breaks and tabs) are not shown.
    let body = body
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    let mut attachments: Vec<(String, Option<u64>)> = m
        .attachments()
        .map(|a| {
            let name = a
                .attachment_name()
                .map(crate::report::safe_line)
                .unwrap_or_else(|| t!("sent-view-unnamed"));
            (name, Some(a.contents().len() as u64))
        })
        .collect();
    // The file was read only in part: its last attachment was cut, and
    // what was read of it is not its size (a tryout saw 8.0 MiB for a
    // 19.1 MiB file).
    if cut_file && let Some(last) = attachments.last_mut() {
        last.1 = None;
    }
    let in_headers = [m.to(), m.cc()]
        .into_iter()
        .flatten()
        .flat_map(|a| a.iter())
        .filter_map(|a| a.address())
        .map(str::to_lowercase)
        .collect();
    let raw = |name: &str| {
        m.header_raw(name)
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    Parsed {
        from: list(m.from()),
        to: list(m.to()),
        cc: list(m.cc()),
        reply_to: list(m.reply_to()),
        high_priority: raw("Importance").eq_ignore_ascii_case("high")
            || raw("X-Priority").starts_with('1'),
        read_receipt: !raw("Disposition-Notification-To").is_empty(),
        in_headers,
        body,
        cut,
        attachments,
    }
}

/// Draws the window.
pub fn view(state: &State) -> Element<'_, Message> {
    let s = &state.sent.sidecar;
    let subject = super::main_window::subject_or_none(&s.subject);
    let header = container(
        row![
            text(subject.clone())
                .size(style::size::TITLE)
                .width(Length::Fill),
            button(text(t!("sent-view-close")))
                .style(style::secondary)
                .on_press(Message::Close),
        ]
        .spacing(style::space::S)
        .align_y(iced::Alignment::Center),
    )
    .padding([style::space::S, style::space::L])
    .width(Length::Fill)
    .style(style::bar);
    let at = match s.state {
        Queued::Sent { at } => at,
        _ => s.queued_at,
    };
    let line = |label: String, value: String| {
        row![
            text(label)
                .width(Length::Fixed(SENT_LABEL_WIDTH))
                .style(|t: &iced::Theme| text::Style {
                    color: Some(style::muted(t))
                }),
            text(value).width(Length::Fill),
        ]
        .spacing(style::space::S)
    };
    let mut facts = column![].spacing(style::space::XS);
    match &state.parsed {
        None => facts = facts.push(text(t!("sent-view-reading"))),
        Some(Err(e)) => facts = facts.push(text(e.clone()).style(text::danger)),
        Some(Ok(p)) => {
            facts = facts.push(line(t!("compose-from"), p.from.clone()));
            facts = facts.push(line(t!("compose-to"), p.to.clone()));
            if !p.cc.is_empty() {
                facts = facts.push(line(t!("compose-cc"), p.cc.clone()));
            }
            // Bcc: the envelope's recipients not in the headers (a tryout
            // found them only under "Delivered to").
            let bcc: Vec<String> = s
                .envelope
                .rcpt_to
                .iter()
                .filter(|r| !p.in_headers.contains(&r.to_lowercase()))
                .map(|r| crate::report::safe_line(&crate::address::display_form(r)))
                .collect();
            if !bcc.is_empty() {
                facts = facts.push(line(t!("compose-bcc"), bcc.join(", ")));
            }
            if !p.reply_to.is_empty() {
                facts = facts.push(line(t!("sent-view-reply-to"), p.reply_to.clone()));
            }
            // What was asked of the recipients' programs, as sent.
            let asked: Vec<String> = [
                p.high_priority.then(|| t!("sent-view-high-priority")),
                p.read_receipt.then(|| t!("sent-view-read-receipt")),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !asked.is_empty() {
                facts = facts.push(line(t!("sent-view-options"), asked.join(" · ")));
            }
        }
    }
    // Bcc: only the envelope knows them; the headers never carried them.
    facts = facts.push(line(
        t!("sent-view-envelope"),
        s.envelope
            .rcpt_to
            .iter()
            .map(|r| crate::address::display_form(r))
            .collect::<Vec<_>>()
            .join(", "),
    ));
    facts = facts.push(line(
        t!("sent-view-sent-at"),
        crate::report::outbox::local_time(at),
    ));
    facts = facts.push(line(
        t!("sent-view-size"),
        crate::report::human_size(s.eml_size),
    ));
    let transport = match &s.tls {
        Some(tls) if tls.pinned => t!(
            "sent-view-tls-pinned",
            tls = crate::report::marks::tls_summary(tls)
        ),
        Some(tls) => t!(
            "sent-view-tls",
            tls = crate::report::marks::tls_summary(tls),
            issuer = crate::report::safe_line(&tls.issuer)
        ),
        None => t!("sent-view-tls-unknown"),
    };
    facts = facts.push(line(t!("sent-view-transport"), transport));
    if let Some(reply) = s.reply.as_deref().filter(|r| !r.is_empty()) {
        facts = facts.push(line(t!("sent-view-reply"), crate::report::safe_line(reply)));
    }
    let mut page = column![facts].spacing(style::space::M);
    if let Some(Ok(p)) = &state.parsed {
        if p.cut {
            page = page.push(text(t!("sent-view-cut")).size(style::size::SMALL));
        }
        page = page.push(
            text_editor(&state.body)
                .style(crate::ui::style::editor)
                .wrapping(iced::widget::text::Wrapping::WordOrGlyph)
                .on_action(Message::Body)
                .height(Length::Fill),
        );
        if !p.attachments.is_empty() {
            let mut files = column![text(t!("sent-view-attachments"))].spacing(2);
            for (name, size) in &p.attachments {
                let line = match size {
                    Some(size) => format!("{name} · {}", crate::report::human_size(*size)),
                    None => t!("sent-view-size-unknown", name = name.as_str()),
                };
                files = files.push(text(line).size(style::size::SMALL));
            }
            page = page.push(scrollable(files).height(Length::Shrink));
        }
    }
    column![
        header,
        container(page)
            .padding(style::space::L)
            .height(Length::Fill)
    ]
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sent_message_is_read_with_names_text_and_attachments() {
        let eml = b"From: =?utf-8?q?Zofia_=C5=BB=C3=B3=C5=82kiewska?= <zofia@example.com>\r\n\
To: \"Kowalski, Jan\" <jan@xn--za-6ja4f8n1l.pl>\r\n\
Subject: Raport\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b\"\r\n\
\r\n\
--b\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: 8bit\r\n\
\r\n\
Dzie\xc5\x84 dobry,\x1b[2J w za\xc5\x82\xc4\x85czeniu.\r\n\
--b\r\n\
Content-Type: application/pdf\r\n\
Content-Disposition: attachment; filename=\"a.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQ=\r\n\
--b--\r\n";
        let p = parse(eml, false);
        assert_eq!(p.from, "Zofia Żółkiewska <zofia@example.com>");
        assert_eq!(p.to, "Kowalski, Jan <jan@zażółć.pl>");
        assert!(
            p.body.starts_with("Dzień dobry,[2J w załączeniu."),
            "{:?}",
            p.body
        );
        assert_eq!(p.attachments, [("a.pdf".to_string(), Some(8))]);
        assert!(!p.cut);
        assert!(!p.high_priority && !p.read_receipt && p.reply_to.is_empty());
    }

    #[test]
    fn priority_receipt_and_reply_to_are_read_as_sent() {
        let eml = b"From: zofia@example.com\r\n\
To: jan@example.com\r\n\
Reply-To: Biuro <biuro@example.com>\r\n\
Importance: high\r\n\
X-Priority: 1 (Highest)\r\n\
Disposition-Notification-To: zofia@example.com\r\n\
Subject: Pilne\r\n\
\r\n\
Tekst\r\n";
        let p = parse(eml, false);
        assert!(p.high_priority && p.read_receipt);
        assert_eq!(p.reply_to, "Biuro <biuro@example.com>");
    }

    #[test]
    fn damaged_bytes_give_an_empty_view_not_a_panic() {
        let p = parse(b"\xff\xfe\x00garbage", true);
        assert!(p.cut);
        assert!(p.attachments.is_empty());
    }

    fn eml(attachment: &[u8]) -> Vec<u8> {
        use base64::Engine;
        let encoded = base64::engine::general_purpose::STANDARD.encode(attachment);
        let mut lines = String::new();
        for chunk in encoded.as_bytes().chunks(76) {
            lines.push_str(std::str::from_utf8(chunk).unwrap_or_default());
            lines.push_str("\r\n");
        }
        format!(
            "From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n\
Content-Type: text/plain; charset=utf-8\r\n\r\nTekst\r\n--b\r\n\
Content-Type: application/octet-stream\r\n\
Content-Disposition: attachment; filename=\"big.bin\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{lines}--b--\r\n"
        )
        .into_bytes()
    }

    /// A fifth tryout saw "big.bin · 8.0 MiB" for a 19.1 MiB file: the
    /// view read only the start. The size of an attachment cut so is not
    /// given as its size.
    #[test]
    fn an_attachment_cut_by_a_partial_read_has_no_size_shown() {
        let bytes = eml(&vec![7u8; 300_000]);
        let whole = parse(&bytes, false);
        assert_eq!(whole.attachments, [("big.bin".to_string(), Some(300_000))]);
        let start = parse(&bytes[..bytes.len() / 2], true);
        assert_eq!(start.attachments, [("big.bin".to_string(), None)]);
        assert!(start.cut);
    }
}
