//! The main window drawn: the header bar, the sidebar, the page of the
//! view shown, the question above it and the toast.

use super::{Confirm, Message, Shown, State, Tab, accounts, lists, settings};
use crate::t;
use crate::ui::style;
use crate::ui::widget::button;
use iced::widget::{column, container, row, scrollable, text};
use iced::{Element, Length};

/// One entry of the sidebar, with its count when it helps.
fn nav_entry<'a>(
    label: String,
    count: Option<usize>,
    tab: Tab,
    current: Tab,
) -> Element<'a, Message> {
    use crate::ui::icon::{Icon, icon};
    let glyph = match tab {
        Tab::Accounts => Icon::Accounts,
        Tab::Drafts => Icon::Drafts,
        Tab::Outbox => Icon::Outbox,
        Tab::Sent => Icon::Sent,
        Tab::Contacts => Icon::Contacts,
        Tab::Settings => Icon::Settings,
    };
    let mut line = row![icon(glyph, 16.0), text(label).width(Length::Fill)]
        .spacing(style::space::S)
        .align_y(iced::Alignment::Center);
    if let Some(n) = count.filter(|n| *n > 0) {
        line = line.push(text(n.to_string()).size(style::size::SMALL));
    }
    button(line)
        .width(Length::Fill)
        .padding([style::space::S, style::space::M])
        .style(style::nav(tab == current))
        .on_press(Message::Tab(tab))
        .into()
}

/// The widget id of a question's "no" (Cancel) button: the focus goes
/// there when a question is asked, so a reflexive Enter destroys nothing;
/// Shift+Tab reaches "yes", Esc also answers no.
pub const CONFIRM_NO_ID: &str = "main-confirm-no";

/// The widget id of the page's scrollable (a new page starts at its top).
pub const PAGE_SCROLL: &str = "main-page";

pub(super) fn confirm_bar<'a>(question: String, yes: String) -> Element<'a, Message> {
    container(
        row![
            text(question).width(Length::Fill),
            button(text(yes))
                .style(button::danger)
                .on_press(Message::ConfirmYes),
            button(text(t!("main-cancel")))
                .style(style::secondary)
                .id(CONFIRM_NO_ID)
                .on_press(Message::ConfirmNo),
        ]
        .spacing(style::space::S)
        .align_y(iced::Alignment::Center),
    )
    .padding(style::space::M)
    .style(style::question)
    .into()
}

/// The question waiting for an answer, if any.
fn question<'a>(state: &'a State, shown: &Shown<'a>) -> Option<Element<'a, Message>> {
    let c = state.confirm.as_ref()?;
    Some(match c {
        // Asked in the account's row while Accounts is shown (D21).
        Confirm::RemoveAccount(_) if state.tab == Tab::Accounts => return None,
        Confirm::RemoveAccount(id) => {
            let account = shown.accounts.iter().find(|a| &a.id == id)?;
            confirm_bar(accounts::remove_question(account, shown), t!("main-remove"))
        }
        Confirm::PlaintextOff => confirm_bar(
            t!("settings-plaintext-off-question"),
            t!("settings-plaintext-off-yes"),
        ),
        // Named: two such messages may be listed (a tryout could not tell
        // which one it was asked about).
        Confirm::RetryUnsure(id) => {
            let subject = shown
                .outbox
                .iter()
                .find(|m| &m.id == id)
                .map(|m| lists::subject_or_none(&m.sidecar.subject))
                .unwrap_or_default();
            confirm_bar(
                t!("outbox-retry-unsure-question", subject = subject),
                t!("outbox-retry"),
            )
        }
        Confirm::CloseWithForm => confirm_bar(t!("form-close-question"), t!("form-close-yes")),
        Confirm::LeaveForm => confirm_bar(
            if state.form().is_some_and(|f| f.editing.is_some()) {
                t!("form-leave-question")
            } else {
                t!("form-leave-new-question")
            },
            t!("form-leave-yes"),
        ),
        Confirm::DeleteQueued(id) => {
            let subject = shown
                .outbox
                .iter()
                .find(|m| &m.id == id)
                .map(|m| lists::subject_or_none(&m.sidecar.subject))
                .unwrap_or_default();
            confirm_bar(
                t!("outbox-delete-question", subject = subject),
                t!("outbox-delete"),
            )
        }
        Confirm::DiscardDraft(id) => {
            let row = shown.drafts.iter().find(|d| &d.id == id);
            let subject = row
                .map(|d| lists::subject_or_none(&d.subject))
                .unwrap_or_default();
            // Its message still goes: the question says so.
            let question = if row.is_some_and(|d| d.queued) {
                t!("drafts-discard-queued-question", subject = subject)
            } else {
                t!("drafts-discard-question", subject = subject)
            };
            confirm_bar(question, t!("main-discard"))
        }
        Confirm::RemoveContact(address) => {
            let who = shown
                .contacts
                .iter()
                .find(|c| &c.address == address)
                .map_or_else(|| address.clone(), |c| c.mailbox());
            confirm_bar(
                t!("contacts-remove-question", contact = who),
                t!("contacts-remove"),
            )
        }
    })
}

/// Draws the window: header bar, sidebar, the chosen view.
pub fn view<'a>(state: &'a State, shown: Shown<'a>) -> Element<'a, Message> {
    let header = container(
        row![
            crate::ui::icon::app_logo(28.0),
            text("Koperta").size(style::size::TITLE).width(Length::Fill),
            button(crate::ui::icon::with_label(
                crate::ui::icon::Icon::Compose,
                t!("main-compose")
            ))
            .style(button::primary)
            .padding([style::space::S, style::space::L])
            .on_press_maybe((!shown.accounts.is_empty()).then_some(Message::Compose)),
        ]
        .spacing(style::space::S)
        .align_y(iced::Alignment::Center),
    )
    .padding([style::space::S, style::space::L])
    .width(Length::Fill)
    .style(style::bar);
    let current = state.tab;
    let sidebar = container(
        column![
            nav_entry(t!("main-tab-accounts"), None, Tab::Accounts, current),
            nav_entry(
                t!("main-tab-drafts"),
                // As many as the list shows (a ninth tryout saw 2 beside
                // four rows); a row whose message waits in the outbox says
                // so.
                Some(shown.drafts.len()),
                Tab::Drafts,
                current
            ),
            nav_entry(
                t!("main-tab-outbox"),
                Some(shown.outbox.len()),
                Tab::Outbox,
                current
            ),
            nav_entry(
                t!("main-tab-sent"),
                Some(shown.sent.len()),
                Tab::Sent,
                current
            ),
            nav_entry(t!("main-tab-contacts"), None, Tab::Contacts, current),
            nav_entry(t!("main-tab-settings"), None, Tab::Settings, current),
        ]
        .spacing(2)
        .padding(style::space::S),
    )
    .width(Length::Fixed(style::SIDEBAR_WIDTH))
    .height(Length::Fill)
    .style(style::bar);
    let mut body = column![].spacing(style::space::M);
    if let Some(e) = shown.config_error {
        body = body.push(text(e.to_string()).style(text::danger));
    }
    if let Some(q) = question(state, &shown) {
        body = body.push(q);
    }
    let page: Element<'a, Message> = match state.tab {
        Tab::Accounts => accounts::page(state, &shown),
        Tab::Drafts => lists::drafts(&shown),
        Tab::Outbox => lists::outbox(&shown),
        Tab::Sent => lists::sent(&shown),
        Tab::Contacts => super::contacts::view(state, shown.contacts),
        Tab::Settings => settings::page(shown.settings),
    };
    // Room at the right for the scroll bar, so it covers no card (D22).
    body = body.push(
        scrollable(container(page).padding(iced::Padding {
            right: style::space::L,
            ..iced::Padding::ZERO
        }))
        .id(PAGE_SCROLL)
        .height(Length::Fill),
    );
    if let Some(n) = &state.notice {
        let mut toast = row![text(n.text.clone()).width(Length::Fill)]
            .spacing(style::space::S)
            .align_y(iced::Alignment::Center);
        if let Some(id) = &n.undo {
            toast = toast.push(
                button(text(t!("drafts-undo-discard")))
                    .style(style::secondary)
                    .on_press(Message::UndoDiscard(id.clone())),
            );
        }
        body = body.push(
            container(toast)
                .padding([style::space::S, style::space::M])
                .width(Length::Fill)
                .style(style::toast),
        );
    }
    column![
        header,
        row![
            sidebar,
            // A wide window keeps the page readable instead of stretching
            // every row edge to edge (D22).
            // Drawn again whole when the view or the form changes: the
            // software renderer's damage left a line of the old page's
            // button behind (tryout 20 and 31; see `widget::repaint`).
            crate::ui::widget::repaint::repaint(
                container(container(body).max_width(style::PAGE_MAX_WIDTH))
                    .padding(style::space::L)
                    .width(Length::Fill),
                page_key(state),
            )
        ]
        .height(Length::Fill),
    ]
    .into()
}

/// Which page is shown, as a number that changes with the view and with
/// the account form or the wizard opening and closing.
fn page_key(state: &super::State) -> u64 {
    let mode = if state.form().is_some() {
        1
    } else if state.wizard().is_some() {
        2
    } else {
        0
    };
    state.tab() as u64 * 4 + mode
}
