//! The main window, as a mail program's: a header bar with New message, a
//! sidebar of views (Accounts, Drafts, Outbox, Sent, Settings; Ctrl+1 …
//! Ctrl+5), each a compact list, questions above the page and status
//! messages as toasts that clear themselves.

mod accounts;
mod lists;
mod settings;

pub use accounts::{ADD_ACCOUNT_ID, AccountForm, FormField, SecurityChoice, security_choices};
pub use lists::{DraftRow, Shown, subject_or_none};
pub use settings::{LanguageChoice, ThemeChoice};

use crate::ui::widget::button;
use iced::widget::{column, container, row, scrollable, text};
use iced::{Element, Length};

use crate::account::{Account, AccountId};
use crate::config::SettingChange;
use crate::outbox::State as Queued;
use crate::store::Stored;
use crate::t;
use crate::ui::style;

/// Which part of the window is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Accounts.
    #[default]
    Accounts,
    /// Drafts: messages being written.
    Drafts,
    /// Outbox: messages waiting to go.
    Outbox,
    /// Sent: the copies kept on this computer.
    Sent,
    /// Settings.
    Settings,
}

impl Tab {
    /// The views in the sidebar's order (Ctrl+1 … Ctrl+5).
    pub const ALL: [Tab; 5] = [
        Tab::Accounts,
        Tab::Drafts,
        Tab::Outbox,
        Tab::Sent,
        Tab::Settings,
    ];
}

/// A confirmation the window is waiting for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Remove this account.
    RemoveAccount(AccountId),
    /// Turn never-plaintext off.
    PlaintextOff,
    /// Retry a message that may have been sent.
    RetryUnsure(String),
    /// Discard this draft (it cannot be brought back).
    DiscardDraft(String),
    /// Delete this outbox message (it will not be sent).
    DeleteQueued(String),
    /// Close the window, leaving the account form unsaved.
    CloseWithForm,
}

/// The main window's state.
#[derive(Debug, Default)]
pub struct State {
    /// The visible tab.
    pub tab: Tab,
    /// The account form, when open.
    pub form: Option<AccountForm>,
    /// A pending confirmation.
    pub confirm: Option<Confirm>,
    /// What "test connection" reported, per account.
    pub test_report: Option<(AccountId, String)>,
    /// A message at the top (sent, saved, errors).
    pub notice: Option<String>,
    /// When it was shown (it clears itself a few seconds later).
    pub notice_at: Option<std::time::Instant>,
}

/// What the person did.
#[derive(Debug, Clone)]
pub enum Message {
    /// Switch tab.
    Tab(Tab),
    /// Open a new compose window.
    Compose,
    /// Open the empty account form.
    AddAccount,
    /// Open the form on an account.
    EditAccount(AccountId),
    /// Ask to remove an account.
    RemoveAccount(AccountId),
    /// Test an account's connection.
    TestAccount(AccountId),
    /// A form field changed.
    Form(FormField, String),
    /// The form's security changed.
    FormSecurity(SecurityChoice),
    /// "Bcc me" toggled.
    FormBccSelf(bool),
    /// Typing in the signature.
    FormSignature(iced::widget::text_editor::Action),
    /// Save the form, signing in first.
    FormSave,
    /// Save the form without signing in.
    FormSaveUnchecked,
    /// Close the form.
    FormCancel,
    /// Language chosen.
    Language(LanguageChoice),
    /// Theme chosen.
    Theme(ThemeChoice),
    /// Never-plaintext toggled.
    NeverPlaintext(bool),
    /// Notifications toggled.
    Notifications(bool),
    /// Retry an outbox message.
    Retry(String),
    /// Edit an outbox message (reopen its draft).
    Edit(String),
    /// Delete an outbox message (asks first).
    Delete(String),
    /// Open a sent message, read-only.
    OpenSent(String),
    /// Up or Down in a list: the focus to row `n`.
    FocusRow(usize),
    /// Open a saved draft.
    OpenDraft(String),
    /// Discard a saved draft.
    DiscardDraft(String),
    /// Retry every failed message that may be retried (not one that may
    /// have been sent: each of those asks).
    RetryAll,
    /// Confirmation answered yes.
    ConfirmYes,
    /// Confirmation answered no (or Esc).
    ConfirmNo,
}

/// What the app must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Nothing.
    None,
    /// Open a compose window (optionally on a draft).
    Compose(Option<String>),
    /// Save the form's account (and its password), signing in first with
    /// `check`.
    SaveAccount {
        /// Sign in first; refuse what does not work.
        check: bool,
    },
    /// Remove an account (and its keyring entry).
    RemoveAccount(AccountId),
    /// Test an account.
    TestAccount(AccountId),
    /// One setting changed: write it (and only it).
    ChangeSetting(SettingChange),
    /// Retry an outbox message.
    Retry(String),
    /// Retry every failed message that may be retried.
    RetryAll,
    /// Delete an outbox message.
    Delete(String),
    /// Discard a draft.
    DiscardDraft(String),
    /// Reopen the draft of an outbox message.
    Edit(String),
    /// Open the account setup wizard.
    Wizard,
    /// Open a sent message, read-only.
    OpenSent(String),
    /// Move the keyboard focus to this control.
    Focus(iced::widget::Id),
    /// Close the main window (its unsaved form given up).
    CloseWindow,
}

impl State {
    /// Handles `message`; `outbox` is the outbox (to know which entries
    /// are unsure).
    pub fn update(&mut self, message: Message, accounts: &[Account], outbox: &[Stored]) -> Action {
        // A question is about what was on screen when it was asked: going
        // elsewhere drops it (a tryout saw "remove account B?" stay above
        // account A's edit form).
        if matches!(
            message,
            Message::Tab(_) | Message::EditAccount(_) | Message::AddAccount | Message::Compose
        ) {
            self.confirm = None;
        }
        match message {
            Message::Tab(t) => self.tab = t,
            Message::Compose => return Action::Compose(None),
            Message::AddAccount => return Action::Wizard,
            Message::EditAccount(id) => {
                if let Some(a) = accounts.iter().find(|a| a.id == id) {
                    self.form = Some(AccountForm {
                        editing: Some(a.id.clone()),
                        name: a.name.clone(),
                        address: a.address.clone(),
                        host: a.host.clone(),
                        port: a.port.to_string(),
                        security: a.security,
                        username: a.username.clone(),
                        signature: a.signature.clone(),
                        signature_editor: accounts::Multiline::with_text(&a.signature),
                        has_ca: a.extra_ca_pem.is_some(),
                        has_pin: a.pinned_cert_pem.is_some(),
                        bcc_self: a.bcc_self,
                        ..AccountForm::default()
                    });
                }
            }
            Message::RemoveAccount(id) => self.confirm = Some(Confirm::RemoveAccount(id)),
            Message::TestAccount(id) => {
                self.test_report = Some((id.clone(), t!("main-testing")));
                return Action::TestAccount(id);
            }
            Message::Form(field, value) => {
                if let Some(f) = &mut self.form {
                    match field {
                        FormField::Name => f.name = value,
                        // The user name is not filled in as the address is
                        // typed (changing another field on every keystroke
                        // lost keystrokes under fast typing); an empty one
                        // means "the address" when saved.
                        FormField::Address => f.address = value,
                        FormField::Host => f.host = value,
                        FormField::Port => f.port = value,
                        FormField::Username => f.username = value,
                        FormField::Password => f.password = crate::secrets::Password::new(value),
                        FormField::CaFile => f.ca_file = value,
                        FormField::PinFile => f.pin_file = value,
                        FormField::Signature => f.signature = value,
                    }
                }
            }
            Message::FormSecurity(SecurityChoice(s)) => {
                if let Some(f) = &mut self.form {
                    let default_before = f.security.default_port().to_string();
                    if f.port.is_empty() || f.port == default_before {
                        f.port = s.default_port().to_string();
                    }
                    f.security = s;
                }
            }
            Message::FormSignature(action) => {
                if let Some(f) = &mut self.form {
                    f.signature_editor.0.perform(action);
                    f.signature = f.signature_editor.0.text();
                }
            }
            Message::FormBccSelf(on) => {
                if let Some(f) = &mut self.form {
                    f.bcc_self = on;
                }
            }
            // Enter in a field saves too; never twice while signing in.
            Message::FormSave | Message::FormSaveUnchecked => {
                let check = matches!(message, Message::FormSave);
                if let Some(f) = self.form.as_mut().filter(|f| !f.checking) {
                    f.checking = true;
                    f.error = None;
                    return Action::SaveAccount { check };
                }
            }
            Message::FormCancel => self.form = None,
            Message::Language(LanguageChoice(l)) => {
                return Action::ChangeSetting(SettingChange::Language(l));
            }
            Message::Theme(ThemeChoice(th)) => {
                return Action::ChangeSetting(SettingChange::Theme(th));
            }
            Message::NeverPlaintext(on) => {
                if on {
                    return Action::ChangeSetting(SettingChange::NeverPlaintext(true));
                }
                self.confirm = Some(Confirm::PlaintextOff);
            }
            Message::Notifications(on) => {
                return Action::ChangeSetting(SettingChange::Notifications(on));
            }
            Message::Retry(id) => {
                let unsure = outbox
                    .iter()
                    .any(|m| m.id == id && m.sidecar.state == Queued::MaybeSent);
                if unsure {
                    self.confirm = Some(Confirm::RetryUnsure(id));
                } else {
                    return Action::Retry(id);
                }
            }
            Message::Edit(id) => return Action::Edit(id),
            // Asks first: a deleted message is never sent.
            Message::Delete(id) => self.confirm = Some(Confirm::DeleteQueued(id)),
            Message::OpenSent(id) => return Action::OpenSent(id),
            Message::FocusRow(n) => return Action::Focus(lists::row_id(n)),
            Message::OpenDraft(id) => return Action::Compose(Some(id)),
            // Asks first (D12): a discarded draft cannot be brought back.
            Message::DiscardDraft(id) => self.confirm = Some(Confirm::DiscardDraft(id)),
            Message::RetryAll => return Action::RetryAll,
            Message::ConfirmYes => match self.confirm.take() {
                Some(Confirm::RemoveAccount(id)) => return Action::RemoveAccount(id),
                Some(Confirm::PlaintextOff) => {
                    return Action::ChangeSetting(SettingChange::NeverPlaintext(false));
                }
                Some(Confirm::RetryUnsure(id)) => return Action::Retry(id),
                Some(Confirm::DiscardDraft(id)) => return Action::DiscardDraft(id),
                Some(Confirm::DeleteQueued(id)) => return Action::Delete(id),
                Some(Confirm::CloseWithForm) => {
                    self.form = None;
                    return Action::CloseWindow;
                }
                None => {}
            },
            Message::ConfirmNo => self.confirm = None,
        }
        Action::None
    }
}

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
            let address = shown
                .accounts
                .iter()
                .find(|a| &a.id == id)
                .map(|a| a.address.clone())
                .unwrap_or_default();
            confirm_bar(
                t!("main-confirm-remove", address = address),
                t!("main-remove"),
            )
        }
        Confirm::PlaintextOff => confirm_bar(
            t!("settings-plaintext-off-question"),
            t!("settings-plaintext-off-yes"),
        ),
        Confirm::RetryUnsure(_) => {
            confirm_bar(t!("outbox-retry-unsure-question"), t!("outbox-retry"))
        }
        Confirm::CloseWithForm => confirm_bar(t!("form-close-question"), t!("form-close-yes")),
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
            let subject = shown
                .drafts
                .iter()
                .find(|d| &d.id == id)
                .map(|d| lists::subject_or_none(&d.subject))
                .unwrap_or_default();
            confirm_bar(
                t!("drafts-discard-question", subject = subject),
                t!("main-discard"),
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
        Tab::Accounts => accounts::page(state, shown.settings, shown.accounts, shown.checks),
        Tab::Drafts => lists::drafts(&shown),
        Tab::Outbox => lists::outbox(&shown),
        Tab::Sent => lists::sent(&shown),
        Tab::Settings => settings::page(shown.settings),
    };
    // Room at the right for the scroll bar, so it covers no card (D22).
    body = body.push(
        scrollable(container(page).padding(iced::Padding {
            right: style::space::L,
            ..iced::Padding::ZERO
        }))
        .height(Length::Fill),
    );
    if let Some(n) = &state.notice {
        body = body.push(
            container(text(n.clone()))
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
            container(container(body).max_width(style::PAGE_MAX_WIDTH))
                .padding(style::space::L)
                .width(Length::Fill)
        ]
        .height(Length::Fill),
    ]
    .into()
}
