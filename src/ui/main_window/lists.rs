//! The Drafts, Outbox and Sent pages: compact rows, newest first, each
//! with when, to whom, from which account and how big; damaged files are
//! listed with their path and reason, never left out.

use crate::ui::widget::button;
use iced::widget::{column, container, row, text};
use iced::{Element, Length};

use super::Message;
use crate::account::{Account, AccountId};
use crate::checks::Check;
use crate::config::Settings;
use crate::outbox::{Class, State as Queued};
use crate::report::Localize;
pub(super) use crate::report::outbox::local_time;
use crate::store::Stored;
use crate::t;
use crate::ui::style;

/// A draft as the Drafts page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRow {
    /// Its id.
    pub id: String,
    /// The subject as typed.
    pub subject: String,
    /// To, Cc and Bcc as typed, tidied (empty entries left out: a
    /// tryout saw "a@x.pl,, b@x.pl").
    pub to: String,
    /// Cc.
    pub cc: String,
    /// Bcc.
    pub bcc: String,
    /// When it was last saved (Unix seconds), if known.
    pub saved_at: Option<u64>,
    /// The account it is written from, if one was chosen.
    pub account: Option<AccountId>,
    /// Its message waits in the outbox (an older version may go).
    pub queued: bool,
    /// It is open in a compose window (Open brings that window forward;
    /// it cannot be discarded from here).
    pub open: bool,
}

/// What the main window shows, as the app holds it.
pub struct Shown<'a> {
    /// The settings.
    pub settings: &'a Settings,
    /// The accounts.
    pub accounts: &'a [Account],
    /// The outbox.
    pub outbox: &'a [Stored],
    /// The drafts not open in a window.
    pub drafts: &'a [DraftRow],
    /// The copies in sent/, newest first.
    pub sent: &'a [Stored],
    /// Files that could not be read (drafts, outbox, sent), each with its
    /// path and reason, translated.
    pub damaged: &'a [String],
    /// Why config.toml could not be used, if it could not.
    pub config_error: Option<&'a str>,
    /// What was last seen of each account's server.
    pub checks: &'a std::collections::BTreeMap<AccountId, Check>,
    /// The address book, sorted by name.
    pub contacts: &'a [crate::contacts::Contact],
}

/// A subject, or "(no subject)", on one line and safe to draw.
pub fn subject_or_none(subject: &str) -> String {
    if subject.trim().is_empty() {
        t!("main-no-subject")
    } else {
        crate::report::safe_line(subject)
    }
}

pub(super) fn muted<'a>(s: String) -> iced::widget::Text<'a> {
    text(s)
        .size(style::size::SMALL)
        .style(|t: &iced::Theme| text::Style {
            color: Some(style::muted(t)),
        })
}

/// The sender a message goes (or went) from: its envelope's MAIL FROM,
/// which an identity sets (a tenth tryout saw the account's own address
/// beside a message sent from an identity); the account's address for a
/// record without one.
fn sender_of(accounts: &[Account], sidecar: &crate::store::Sidecar) -> String {
    if !sidecar.envelope.mail_from.is_empty() {
        return sidecar.envelope.mail_from.clone();
    }
    accounts
        .iter()
        .find(|a| a.id == sidecar.account)
        .map(|a| a.address.clone())
        .unwrap_or_else(|| t!("main-account-gone"))
}

/// A draft's recipients for its row: To, then Cc and Bcc each after its
/// label (Bcc recipients are not shown as if they were in To).
fn draft_recipients(d: &DraftRow) -> String {
    let mut parts = Vec::new();
    if !d.to.is_empty() {
        parts.push(d.to.clone());
    }
    for (label, list) in [
        (t!("compose-cc-short"), &d.cc),
        (t!("compose-bcc-short"), &d.bcc),
    ] {
        if !list.is_empty() {
            parts.push(format!("{label}: {list}"));
        }
    }
    if parts.is_empty() {
        return t!("drafts-no-recipient");
    }
    crate::report::safe_line(&parts.join(" · "))
}

/// The envelope's recipients of `m`, the first three named; those no header
/// names marked as Bcc (tryout 14 read them as ordinary recipients).
fn recipients(m: &crate::store::Sidecar) -> String {
    let list = &m.envelope.rcpt_to;
    let shown: Vec<String> = list
        .iter()
        .take(3)
        .map(|a| {
            let shown = crate::report::safe_line(&crate::address::display_form(a));
            if m.bcc.contains(a) {
                t!("list-recipient-bcc", address = shown)
            } else {
                shown
            }
        })
        .collect();
    match list.len() {
        n if n > 3 => t!(
            "list-recipients-more",
            shown = shown.join(", "),
            more = n - 3
        ),
        _ => shown.join(", "),
    }
}

/// What the keyboard does on a list row: Up and Down move to the row
/// before or after, Enter opens it, Delete asks to discard or delete it.
pub(super) struct RowKeys {
    pub(super) index: usize,
    pub(super) open: Option<Message>,
    pub(super) delete: Option<Message>,
}

/// The widget id of row `index` of the list shown.
pub fn row_id(index: usize) -> iced::widget::Id {
    iced::widget::Id::from(format!("main-row-{index}"))
}

/// One row: the first line, the second, and the actions at the right.
pub(super) fn list_row<'a>(
    keys: RowKeys,
    first: String,
    second: Vec<iced::widget::Text<'a>>,
    actions: Vec<Element<'a, Message>>,
) -> Element<'a, Message> {
    let mut info = column![text(first).size(style::size::EMPHASIS)].spacing(2);
    for line in second {
        info = info.push(line);
    }
    let row = container(
        row![
            info.width(Length::Fill),
            row(actions).spacing(style::space::XS)
        ]
        .spacing(style::space::M)
        .align_y(iced::Alignment::Center),
    )
    .padding(style::space::M)
    .width(Length::Fill)
    .style(style::list_row);
    // Up and Down are the window root's (`FocusScope::arrows_move_among`):
    // moved while the key is handled, so none is lost to a slow frame (a
    // tryout's five Downs reached the third row).
    let mut row = crate::ui::widget::focusable(row)
        .group()
        .id(row_id(keys.index))
        .on_activate(keys.open);
    if let Some(delete) = keys.delete {
        row = row.on_key(iced::keyboard::key::Named::Delete, delete);
    }
    row.into()
}

pub(super) fn page<'a>(
    title: String,
    action: Option<Element<'a, Message>>,
    rows: Vec<Element<'a, Message>>,
    empty: String,
    damaged: &'a [String],
) -> Element<'a, Message> {
    let mut head = row![text(title).size(style::size::TITLE).width(Length::Fill)]
        .align_y(iced::Alignment::Center);
    if let Some(a) = action {
        head = head.push(a);
    }
    let mut c = column![head].spacing(style::space::S);
    if rows.is_empty() {
        c = c.push(text(empty));
    }
    for r in rows {
        c = c.push(r);
    }
    for d in damaged {
        c = c.push(text(d.clone()).size(style::size::SMALL).style(text::danger));
    }
    c.into()
}

/// The Drafts page.
pub(super) fn drafts<'a>(shown: &Shown<'a>) -> Element<'a, Message> {
    let rows = shown
        .drafts
        .iter()
        .enumerate()
        .map(|(index, d)| {
            let mut second = vec![muted(draft_recipients(d))];
            if let Some(at) = d.saved_at {
                second.push(muted(t!("drafts-saved-at", time = local_time(at))));
            }
            if d.queued {
                second.push(muted(t!("drafts-queued")));
            }
            if d.open {
                second.push(muted(t!("drafts-open")));
            }
            list_row(
                RowKeys {
                    index,
                    open: Some(Message::OpenDraft(d.id.clone())),
                    delete: (!d.open).then(|| Message::DiscardDraft(d.id.clone())),
                },
                subject_or_none(&d.subject),
                second,
                vec![
                    button(text(t!("main-open")))
                        .on_press(Message::OpenDraft(d.id.clone()))
                        .into(),
                    button(text(t!("main-discard")))
                        .style(button::danger)
                        .on_press_maybe((!d.open).then(|| Message::DiscardDraft(d.id.clone())))
                        .into(),
                ],
            )
        })
        .collect();
    page(
        t!("main-tab-drafts"),
        None,
        rows,
        t!("drafts-empty"),
        shown.damaged,
    )
}

/// The Outbox page, newest first, with "Retry all".
pub(super) fn outbox<'a>(shown: &Shown<'a>) -> Element<'a, Message> {
    let mut entries: Vec<&Stored> = shown.outbox.iter().collect();
    entries.sort_by(|a, b| {
        b.sidecar
            .queued_at
            .cmp(&a.sidecar.queued_at)
            .then(a.id.cmp(&b.id))
    });
    let retryable = |m: &Stored| match m.sidecar.state {
        Queued::Failed => m
            .sidecar
            .failure
            .as_ref()
            .is_none_or(|f| f.class() != Class::Permanent),
        Queued::MaybeSent => true,
        _ => false,
    };
    let any_retry = entries
        .iter()
        .any(|m| retryable(m) && m.sidecar.state != Queued::MaybeSent);
    let rows = entries
        .iter()
        .enumerate()
        .map(|(index, m)| {
            let state = m.sidecar.state;
            let mut second = vec![
                muted(recipients(&m.sidecar)),
                muted(t!(
                    "outbox-row-facts",
                    account = sender_of(shown.accounts, &m.sidecar),
                    time = local_time(m.sidecar.queued_at),
                    size = crate::report::human_size(m.sidecar.eml_size),
                    attempts = m.sidecar.attempts
                )),
                text(crate::report::outbox::state_line_relative(
                    &m.sidecar,
                    crate::outbox::now(),
                ))
                .size(style::size::SMALL),
            ];
            // Why it may have been sent, as it happened (the connection
            // lost, Koperta stopped, the send stopped by the person): a
            // fifth tryout who stopped a send read that the connection
            // broke.
            if state == Queued::MaybeSent {
                let why = m
                    .sidecar
                    .failure
                    .as_ref()
                    .map_or_else(|| t!("outbox-may-have-been-sent"), |f| f.localize());
                second.push(text(why).style(text::danger));
            }
            // Its account removed since: that is why it cannot go now, not
            // the failure of an earlier attempt (tryout 31 read a stale
            // never-plaintext reason until Retry).
            let account_gone = !shown.accounts.iter().any(|a| a.id == m.sidecar.account);
            if account_gone && state != Queued::MaybeSent {
                second.push(text(t!("outbox-no-account")).size(style::size::SMALL));
            } else if let Some(f) = m
                .sidecar
                .failure
                .as_ref()
                .filter(|_| state != Queued::MaybeSent)
            {
                // Translated now, from the failure kept as data.
                second.push(text(f.localize()).size(style::size::SMALL));
                second.push(muted(crate::report::outbox::next_step(f)));
            }
            list_row(
                RowKeys {
                    index,
                    open: m.sidecar.draft.clone().map(|_| Message::Edit(m.id.clone())),
                    delete: Some(Message::Delete(m.id.clone())),
                },
                subject_or_none(&m.sidecar.subject),
                second,
                vec![
                    // Scheduled: Send now in Retry's place.
                    if matches!(state, Queued::Scheduled { .. }) {
                        button(text(t!("outbox-send-now")))
                            .on_press(Message::SendNow(m.id.clone()))
                            .into()
                    } else {
                        button(text(t!("outbox-retry")))
                            .on_press_maybe(retryable(m).then(|| Message::Retry(m.id.clone())))
                            .into()
                    },
                    button(text(t!("main-edit")))
                        .style(style::secondary)
                        .on_press_maybe(
                            m.sidecar.draft.clone().map(|_| Message::Edit(m.id.clone())),
                        )
                        .into(),
                    button(text(t!("outbox-delete")))
                        .style(button::danger)
                        .on_press(Message::Delete(m.id.clone()))
                        .into(),
                ],
            )
        })
        .collect();
    let retry_all = button(text(t!("outbox-retry-all")))
        .style(style::secondary)
        .on_press_maybe(any_retry.then_some(Message::RetryAll))
        .into();
    page(
        t!("main-tab-outbox"),
        Some(retry_all),
        rows,
        t!("outbox-empty"),
        &[],
    )
}

/// The Sent page: the copies kept on this computer, newest first.
pub(super) fn sent<'a>(shown: &Shown<'a>) -> Element<'a, Message> {
    let rows = shown
        .sent
        .iter()
        .enumerate()
        .map(|(index, m)| {
            let at = match m.sidecar.state {
                Queued::Sent { at } => at,
                _ => m.sidecar.queued_at,
            };
            let mut second = vec![
                muted(recipients(&m.sidecar)),
                muted(t!(
                    "sent-row-facts",
                    account = sender_of(shown.accounts, &m.sidecar),
                    time = local_time(at),
                    size = crate::report::human_size(m.sidecar.eml_size)
                )),
            ];
            if let Some(reply) = m.sidecar.reply.as_deref().filter(|r| !r.is_empty()) {
                second.push(muted(t!(
                    "sent-server-said",
                    reply = crate::report::safe_line(reply)
                )));
            }
            list_row(
                RowKeys {
                    index,
                    open: Some(Message::OpenSent(m.id.clone())),
                    delete: None,
                },
                subject_or_none(&m.sidecar.subject),
                second,
                vec![
                    button(text(t!("main-open")))
                        .style(style::secondary)
                        .on_press(Message::OpenSent(m.id.clone()))
                        .into(),
                ],
            )
        })
        .collect();
    page(t!("main-tab-sent"), None, rows, t!("sent-empty"), &[])
}
