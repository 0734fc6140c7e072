//! The main window: accounts, outbox, settings.

use iced::widget::{
    button, column, container, pick_list, row, scrollable, text, text_input, toggler,
};
use iced::{Element, Length};

use crate::account::{Account, AccountId, Security};
use crate::config::{SettingChange, Settings, Theme};
use crate::i18n::Language;
use crate::outbox::{Class, State as Queued};
use crate::report::Localize;
use crate::report::security_label;
use crate::store::Stored;
use crate::t;

use crate::report::marks::{MarkKind, mark_kind, security_mark};

/// Which part of the window is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Accounts.
    #[default]
    Accounts,
    /// Outbox.
    Outbox,
    /// Settings.
    Settings,
}

/// The manual account form (every `Account` field and the password).
#[derive(Debug, Clone, Default)]
pub struct AccountForm {
    /// Editing this account, or adding a new one.
    pub editing: Option<AccountId>,
    /// Display name.
    pub name: String,
    /// Address.
    pub address: String,
    /// Server.
    pub host: String,
    /// Port, as typed.
    pub port: String,
    /// Security.
    pub security: Security,
    /// User name.
    pub username: String,
    /// Password (wiped when the form closes).
    pub password: crate::secrets::Password,
    /// Extra CA (PEM file path).
    pub ca_file: String,
    /// Pinned certificate (PEM file path).
    pub pin_file: String,
    /// Signature.
    pub signature: String,
    /// Send a blind copy to the account's own address.
    pub bcc_self: bool,
    /// What went wrong last.
    pub error: Option<String>,
    /// Signing in to check the account before it is saved.
    pub checking: bool,
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

/// A security choice in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecurityChoice(pub Security);

impl std::fmt::Display for SecurityChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&security_label(self.0))
    }
}

/// The security choices a form offers: plaintext only while
/// never-plaintext is off (RFC 8314 §5.2).
pub fn security_choices(never_plaintext: bool) -> Vec<SecurityChoice> {
    let mut choices = vec![
        SecurityChoice(Security::ImplicitTls),
        SecurityChoice(Security::StartTls),
    ];
    if !never_plaintext {
        choices.push(SecurityChoice(Security::Plaintext));
    }
    choices
}

/// A language choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageChoice(pub Language);

impl std::fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Language::Auto => t!("settings-language-system"),
            Language::En => "English".to_string(),
            Language::Pl => "Polski".to_string(),
        })
    }
}

/// A theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeChoice(pub Theme);

impl std::fmt::Display for ThemeChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Theme::System => t!("settings-theme-system"),
            Theme::Light => t!("settings-theme-light"),
            Theme::Dark => t!("settings-theme-dark"),
        })
    }
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
    /// Delete an outbox message.
    Delete(String),
    /// Open a saved draft.
    OpenDraft(String),
    /// Discard a saved draft.
    DiscardDraft(String),
    /// Confirmation answered yes.
    ConfirmYes,
    /// Confirmation answered no (or Esc).
    ConfirmNo,
}

/// The text fields of the account form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    /// Name.
    Name,
    /// Address.
    Address,
    /// Host.
    Host,
    /// Port.
    Port,
    /// User name.
    Username,
    /// Password.
    Password,
    /// CA file.
    CaFile,
    /// Pinned certificate file.
    PinFile,
    /// Signature.
    Signature,
}

impl FormField {
    const ALL: [FormField; 9] = [
        FormField::Name,
        FormField::Address,
        FormField::Host,
        FormField::Port,
        FormField::Username,
        FormField::Password,
        FormField::CaFile,
        FormField::PinFile,
        FormField::Signature,
    ];

    /// The field's widget id.
    pub fn id(self) -> iced::widget::Id {
        iced::widget::Id::from(format!("main-form-{self:?}"))
    }
}

/// Every text field the main window may show (the account form and the
/// wizard), in no particular order: Tab moves among those it draws, and
/// never in another window.
pub fn focus_scope() -> Vec<iced::widget::Id> {
    FormField::ALL
        .iter()
        .map(|f| f.id())
        .chain(super::wizard::ids())
        .collect()
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
    /// Delete an outbox message.
    Delete(String),
    /// Discard a draft.
    DiscardDraft(String),
    /// Reopen the draft of an outbox message.
    Edit(String),
    /// Open the account setup wizard.
    Wizard,
}

impl State {
    /// Handles `message`; `outbox` is the outbox (to know which entries
    /// are unsure).
    pub fn update(&mut self, message: Message, accounts: &[Account], outbox: &[Stored]) -> Action {
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
            Message::FormBccSelf(on) => {
                if let Some(f) = &mut self.form {
                    f.bcc_self = on;
                }
            }
            Message::FormSave => {
                if let Some(f) = &mut self.form {
                    f.checking = true;
                    f.error = None;
                }
                return Action::SaveAccount { check: true };
            }
            Message::FormSaveUnchecked => {
                if let Some(f) = &mut self.form {
                    f.checking = true;
                    f.error = None;
                }
                return Action::SaveAccount { check: false };
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
            Message::Delete(id) => return Action::Delete(id),
            Message::OpenDraft(id) => return Action::Compose(Some(id)),
            Message::DiscardDraft(id) => return Action::DiscardDraft(id),
            Message::ConfirmYes => match self.confirm.take() {
                Some(Confirm::RemoveAccount(id)) => return Action::RemoveAccount(id),
                Some(Confirm::PlaintextOff) => {
                    return Action::ChangeSetting(SettingChange::NeverPlaintext(false));
                }
                Some(Confirm::RetryUnsure(id)) => return Action::Retry(id),
                None => {}
            },
            Message::ConfirmNo => self.confirm = None,
        }
        Action::None
    }
}

fn tab_button<'a>(label: String, tab: Tab, current: Tab) -> Element<'a, Message> {
    let style = if tab == current {
        button::primary
    } else {
        button::secondary
    };
    button(text(label))
        .style(style)
        .on_press(Message::Tab(tab))
        .into()
}

fn confirm_bar<'a>(question: String, yes: String) -> Element<'a, Message> {
    container(
        row![
            text(question).width(Length::Fill),
            button(text(yes))
                .style(button::danger)
                .on_press(Message::ConfirmYes),
            button(text(t!("main-cancel")))
                .style(button::secondary)
                .on_press(Message::ConfirmNo),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
    )
    .padding(10)
    .style(container::rounded_box)
    .into()
}

fn form_view<'a>(f: &'a AccountForm, settings: &Settings) -> Element<'a, Message> {
    let field = |label: String, value: &'a str, which: FormField| {
        row![
            text(label).width(Length::Fixed(200.0)),
            text_input("", value)
                .id(which.id())
                .on_input(move |v| Message::Form(which, v))
                .padding(6),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center)
    };
    let choices = security_choices(settings.never_plaintext);
    let mut c = column![
        text(if f.editing.is_some() {
            t!("form-title-edit")
        } else {
            t!("form-title-add")
        })
        .size(20),
        field(t!("form-name"), &f.name, FormField::Name),
        field(t!("form-address"), &f.address, FormField::Address),
        field(t!("form-host"), &f.host, FormField::Host),
        row![
            text(t!("form-security")).width(Length::Fixed(200.0)),
            pick_list(
                choices,
                Some(SecurityChoice(f.security)),
                Message::FormSecurity
            ),
            text(t!("form-port")),
            text_input("", &f.port)
                .id(FormField::Port.id())
                .on_input(|v| Message::Form(FormField::Port, v))
                .padding(6)
                .width(Length::Fixed(90.0)),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
        row![
            text(t!("form-username")).width(Length::Fixed(200.0)),
            text_input(&t!("form-username-placeholder"), &f.username)
                .id(FormField::Username.id())
                .on_input(|v| Message::Form(FormField::Username, v))
                .padding(6),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
        row![
            text(if f.editing.is_some() {
                t!("form-password-keep")
            } else {
                t!("form-password")
            })
            .width(Length::Fixed(200.0)),
            text_input("", f.password.expose())
                .id(FormField::Password.id())
                .secure(true)
                .on_input(|v| Message::Form(FormField::Password, v))
                .padding(6),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
        field(t!("form-ca-file"), &f.ca_file, FormField::CaFile),
        field(t!("form-pin-file"), &f.pin_file, FormField::PinFile),
        field(t!("form-signature"), &f.signature, FormField::Signature),
        iced::widget::checkbox(f.bcc_self)
            .label(t!("form-bcc-self"))
            .on_toggle(Message::FormBccSelf),
    ]
    .spacing(8);
    if f.security == Security::Plaintext {
        c = c.push(text(t!("warning-plaintext-account")).style(text::danger));
    }
    if let Some(e) = &f.error {
        c = c.push(text(e.clone()).style(text::danger));
    }
    if f.checking {
        c = c.push(text(t!("form-checking")));
    }
    let idle = !f.checking;
    c = c.push(
        row![
            button(text(t!("form-save")))
                .style(button::primary)
                .on_press_maybe(idle.then_some(Message::FormSave)),
            button(text(t!("form-save-unchecked")))
                .style(button::secondary)
                .on_press_maybe(idle.then_some(Message::FormSaveUnchecked)),
            button(text(t!("main-cancel")))
                .style(button::secondary)
                .on_press(Message::FormCancel),
        ]
        .spacing(8),
    );
    c = c.push(text(t!("form-save-unchecked-hint")).size(13));
    container(c)
        .padding(12)
        .style(container::rounded_box)
        .into()
}

/// Draws the window.
pub fn view<'a>(
    state: &'a State,
    settings: &'a Settings,
    accounts: &'a [Account],
    outbox: &'a [Stored],
    drafts: &'a [(String, String)],
    config_error: Option<&'a str>,
    checks: &'a std::collections::BTreeMap<crate::account::AccountId, crate::checks::Check>,
) -> Element<'a, Message> {
    let header = row![
        tab_button(t!("main-tab-accounts"), Tab::Accounts, state.tab),
        tab_button(
            t!("main-tab-outbox", count = outbox.len()),
            Tab::Outbox,
            state.tab
        ),
        tab_button(t!("main-tab-settings"), Tab::Settings, state.tab),
        container(text("")).width(Length::Fill),
        button(text(t!("main-compose")))
            .style(button::primary)
            .on_press_maybe((!accounts.is_empty()).then_some(Message::Compose)),
    ]
    .spacing(6)
    .align_y(iced::Alignment::Center);
    let mut body = column![header].spacing(12);
    if let Some(e) = config_error {
        body = body.push(text(e.to_string()).style(text::danger));
    }
    if let Some(n) = &state.notice {
        body = body.push(
            container(text(n.clone()))
                .padding(8)
                .style(container::rounded_box),
        );
    }
    if let Some(c) = &state.confirm {
        body = body.push(match c {
            Confirm::RemoveAccount(id) => {
                let address = accounts
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
        });
    }
    if !drafts.is_empty() {
        let mut list = column![text(t!("main-drafts-title", count = drafts.len()))].spacing(4);
        for (id, subject) in drafts {
            list = list.push(
                row![
                    text(if subject.is_empty() {
                        t!("main-no-subject")
                    } else {
                        subject.clone()
                    })
                    .width(Length::Fill),
                    button(text(t!("main-open"))).on_press(Message::OpenDraft(id.clone())),
                    button(text(t!("main-discard")))
                        .style(button::secondary)
                        .on_press(Message::DiscardDraft(id.clone())),
                ]
                .spacing(6)
                .align_y(iced::Alignment::Center),
            );
        }
        body = body.push(container(list).padding(8).style(container::rounded_box));
    }
    let page: Element<'a, Message> = match state.tab {
        Tab::Accounts => {
            let mut c = column![].spacing(8);
            if let Some(f) = &state.form {
                c = c.push(form_view(f, settings));
            } else if accounts.is_empty() {
                c = c.push(text(t!("main-no-accounts")).size(18));
                c = c.push(
                    button(text(t!("main-add-account")))
                        .style(button::primary)
                        .on_press(Message::AddAccount),
                );
            } else {
                for a in accounts {
                    // What was last seen of the server, never what is configured.
                    let check = checks.get(&a.id);
                    let mark = security_mark(a, check);
                    let mark_text = match mark_kind(a, check) {
                        MarkKind::Unsafe | MarkKind::Failed => text(mark).style(text::danger),
                        MarkKind::Verified | MarkKind::Pinned => text(mark).style(text::success),
                        MarkKind::Unchecked => text(mark),
                    }
                    .size(13);
                    let mut card = column![
                        row![
                            text(a.address.clone()).size(17).width(Length::Fill),
                            mark_text,
                        ]
                        .spacing(8),
                        text(format!(
                            "{}:{} · {}",
                            a.host,
                            a.port,
                            security_label(a.security)
                        ))
                        .size(13),
                        row![
                            button(text(t!("main-test")))
                                .style(button::secondary)
                                .on_press(Message::TestAccount(a.id.clone())),
                            button(text(t!("main-edit")))
                                .style(button::secondary)
                                .on_press(Message::EditAccount(a.id.clone())),
                            button(text(t!("main-remove")))
                                .style(button::danger)
                                .on_press(Message::RemoveAccount(a.id.clone())),
                        ]
                        .spacing(6),
                    ]
                    .spacing(4);
                    if let Some((id, report)) = &state.test_report
                        && id == &a.id
                    {
                        card = card.push(text(report.clone()).size(13));
                    }
                    c = c.push(
                        container(card)
                            .padding(10)
                            .width(Length::Fill)
                            .style(container::rounded_box),
                    );
                }
                c = c.push(button(text(t!("main-add-account"))).on_press(Message::AddAccount));
            }
            c.into()
        }
        Tab::Outbox => {
            let mut c = column![].spacing(8);
            if outbox.is_empty() {
                c = c.push(text(t!("outbox-empty")));
            }
            for m in outbox {
                let subject = if m.sidecar.subject.is_empty() {
                    t!("main-no-subject")
                } else {
                    crate::report::safe_line(&m.sidecar.subject)
                };
                let mut card = column![
                    text(subject).size(17),
                    text(crate::report::safe_line(
                        &m.sidecar.envelope.rcpt_to.join(", ")
                    ))
                    .size(13),
                ]
                .spacing(4);
                let state = m.sidecar.state;
                card = card.push(text(crate::report::outbox::state_line(&m.sidecar)).size(13));
                if state == Queued::MaybeSent {
                    card = card.push(text(t!("outbox-may-have-been-sent")).style(text::danger));
                }
                // Translated now, from the failure kept as data: a language
                // switch changes every reason shown.
                let failure = m.sidecar.failure.as_ref();
                if let Some(f) = failure.filter(|_| state != Queued::MaybeSent) {
                    card = card.push(text(f.localize()).size(13));
                    card = card.push(text(crate::report::outbox::next_step(f)).size(13));
                }
                // A message refused for good is edited, not retried; one
                // being sent or waiting its turn has nothing to retry.
                let retry = match state {
                    Queued::Failed => failure.is_none_or(|f| f.class() != Class::Permanent),
                    Queued::MaybeSent => true,
                    _ => false,
                };
                card = card.push(
                    row![
                        button(text(t!("outbox-retry")))
                            .on_press_maybe(retry.then(|| Message::Retry(m.id.clone()))),
                        button(text(t!("main-edit")))
                            .style(button::secondary)
                            .on_press_maybe(
                                m.sidecar.draft.clone().map(|_| Message::Edit(m.id.clone()))
                            ),
                        button(text(t!("outbox-delete")))
                            .style(button::danger)
                            .on_press(Message::Delete(m.id.clone())),
                    ]
                    .spacing(6),
                );
                c = c.push(
                    container(card)
                        .padding(10)
                        .width(Length::Fill)
                        .style(container::rounded_box),
                );
            }
            c.into()
        }
        Tab::Settings => column![
            row![
                text(t!("settings-language")).width(Length::Fixed(200.0)),
                pick_list(
                    vec![
                        LanguageChoice(Language::Auto),
                        LanguageChoice(Language::Pl),
                        LanguageChoice(Language::En)
                    ],
                    Some(LanguageChoice(settings.language)),
                    Message::Language
                ),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            row![
                text(t!("settings-theme")).width(Length::Fixed(200.0)),
                pick_list(
                    vec![
                        ThemeChoice(Theme::System),
                        ThemeChoice(Theme::Light),
                        ThemeChoice(Theme::Dark)
                    ],
                    Some(ThemeChoice(settings.theme)),
                    Message::Theme
                ),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            toggler(settings.never_plaintext)
                .label(t!("settings-never-plaintext"))
                .on_toggle(Message::NeverPlaintext),
            text(t!("settings-never-plaintext-explained")).size(13),
            toggler(settings.notifications)
                .label(t!("settings-notifications"))
                .on_toggle(Message::Notifications),
        ]
        .spacing(12)
        .into(),
    };
    body = body.push(scrollable(page).height(Length::Fill));
    container(body.padding(14)).into()
}
