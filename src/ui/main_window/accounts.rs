//! The Accounts page: each account in a compact row with what was last
//! seen of its server, and the manual account form.

use crate::ui::widget::{button, checkbox, pick_list};
use iced::widget::{column, container, row, text, text_input};
use iced::{Element, Length};

use super::Message;
use crate::account::{Account, AccountId, Security};
use crate::config::Settings;
use crate::report::marks::{MarkKind, mark_kind, security_mark};
use crate::report::security_label;
use crate::t;
use crate::ui::style;

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
    /// The account being edited keeps an extra CA already (an empty file
    /// field keeps it; D20: the field looked as if there were none).
    pub has_ca: bool,
    /// The account being edited keeps a pinned certificate already.
    pub has_pin: bool,
    /// Signature.
    pub signature: String,
    /// The signature's editor (several lines: name, phone, company; D8).
    pub signature_editor: Multiline,
    /// Send a blind copy to the account's own address.
    pub bcc_self: bool,
    /// What went wrong last.
    pub error: Option<String>,
    /// The field it is about, when it is one field's (shown under it).
    pub error_field: Option<FormField>,
    /// Signing in to check the account before it is saved.
    pub checking: bool,
    /// The account's other senders, as they will be saved.
    pub identities: Vec<crate::account::Identity>,
    /// The identity being added or edited, if any.
    pub identity: Option<super::identities::IdentityForm>,
    /// Opened from the wizard ("set up by hand"): its last step, and
    /// titled so (tryout 11 missed the step counter there).
    pub from_wizard: bool,
}

/// A multi-line text field's content (iced's editor content, which is
/// neither `Clone` nor `Default`).
pub struct Multiline(pub iced::widget::text_editor::Content);

impl Multiline {
    /// A field holding `text`.
    pub fn with_text(text: &str) -> Multiline {
        Multiline(iced::widget::text_editor::Content::with_text(text))
    }
}

impl Default for Multiline {
    fn default() -> Self {
        Multiline(iced::widget::text_editor::Content::new())
    }
}

impl Clone for Multiline {
    fn clone(&self) -> Self {
        Multiline::with_text(&self.0.text())
    }
}

impl std::fmt::Debug for Multiline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Multiline").field(&self.0.text()).finish()
    }
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

impl AccountForm {
    /// What was said of the form stops being shown once what it was about
    /// changes (tryout 20: "use STARTTLS" stayed red after STARTTLS was
    /// chosen). `field` is the field changed (`None`: the security):
    /// a problem of that field goes, and so does a sign-in or connection
    /// failure when a setting of the connection changed.
    pub fn forget_error_about(&mut self, field: Option<FormField>) {
        let connection = matches!(
            field,
            None | Some(
                FormField::Host
                    | FormField::Port
                    | FormField::Username
                    | FormField::Password
                    | FormField::CaFile
                    | FormField::PinFile
            )
        );
        let forget = match self.error_field {
            Some(f) => Some(f) == field,
            None => connection,
        };
        if forget && !self.checking {
            self.error = None;
            self.error_field = None;
        }
    }

    /// Whether anything was typed that closing the window would lose.
    pub fn has_typing(&self) -> bool {
        [
            &self.name,
            &self.address,
            &self.host,
            &self.username,
            &self.ca_file,
            &self.pin_file,
            &self.signature,
        ]
        .iter()
        .any(|f| !f.trim().is_empty())
            || !self.password.expose().is_empty()
            || self.identity.is_some()
    }
}

impl AccountForm {
    /// A summary of everything the person can change, to tell whether the
    /// form was changed since it was opened (a hash: the password is not
    /// kept twice).
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&self.name, &self.address, &self.host, &self.port).hash(&mut h);
        (
            self.security.as_str(),
            &self.username,
            self.password.expose(),
        )
            .hash(&mut h);
        (&self.ca_file, &self.pin_file, self.has_ca, self.has_pin).hash(&mut h);
        (&self.signature, self.bcc_self, self.identity.is_some()).hash(&mut h);
        format!("{:?}", self.identities).hash(&mut h);
        h.finish()
    }
}

impl FormField {
    /// The field's widget id.
    pub fn id(self) -> iced::widget::Id {
        iced::widget::Id::from(format!("main-form-{self:?}"))
    }
}

/// A form row, with the last save's problem under it when the problem is
/// this field's (D20: it was shown at the bottom, away from its field).
fn under_its_problem<'a>(
    f: &'a AccountForm,
    which: FormField,
    line: Element<'a, Message>,
) -> Element<'a, Message> {
    match (&f.error, f.error_field) {
        (Some(e), Some(field)) if field == which => column![
            line,
            row![
                iced::widget::Space::new().width(Length::Fixed(style::LABEL_WIDTH)),
                text(e.clone()).style(text::danger),
            ]
            .spacing(8)
        ]
        .spacing(style::space::XS)
        .into(),
        _ => line,
    }
}

/// The widget id of the form's Save button: the focus goes there when
/// saving failed for a reason of no one field, so the reason above it is
/// scrolled into view (a tryout found it below the window).
pub const FORM_SAVE_ID: &str = "main-form-save";

/// The port field's width: five digits and room, in logical pixels.
const PORT_WIDTH: f32 = 120.0;

/// The signature editor's height: four lines, in logical pixels.
const SIGNATURE_HEIGHT: f32 = 92.0;

/// The widget id of "Add account" on the empty accounts page (the focus
/// is there at first start).
pub const ADD_ACCOUNT_ID: &str = "main-add-account";

/// The accounts page: rows, or the form when it is open, or what to do
/// first when there is no account.
pub(super) fn page<'a>(state: &'a super::State, shown: &super::Shown<'a>) -> Element<'a, Message> {
    let (settings, accounts, checks) = (shown.settings, shown.accounts, shown.checks);
    if let Some(f) = state.form() {
        return form_view(f, settings);
    }
    if accounts.is_empty() {
        return column![
            text(t!("main-no-accounts")).size(style::size::TITLE),
            text(t!("main-what-koperta-is")),
            button(text(t!("main-add-account")))
                .style(button::primary)
                .id(ADD_ACCOUNT_ID)
                .on_press(Message::AddAccount),
        ]
        .spacing(style::space::M)
        .into();
    }
    let mut c = column![
        row![
            text(t!("main-tab-accounts"))
                .size(style::size::TITLE)
                .width(Length::Fill),
            button(text(t!("main-add-account")))
                .style(style::secondary)
                .on_press(Message::AddAccount),
        ]
        .align_y(iced::Alignment::Center)
    ]
    .spacing(style::space::S);
    for a in accounts {
        // What was last seen of the server, never what is configured.
        let check = checks.get(&a.id);
        let blocked = settings.never_plaintext && a.security == Security::Plaintext;
        let mark = if blocked {
            crate::report::marks::blocked_mark(false)
        } else {
            security_mark(a, check)
        };
        // The icon says the same as the words: a lock only for a
        // connection seen secure.
        use crate::ui::icon::{Icon, icon};
        let (glyph, colour): (Icon, fn(&iced::Theme) -> text::Style) = match mark_kind(a, check) {
            MarkKind::Unsafe => (Icon::Unlocked, text::danger),
            MarkKind::Failed => (Icon::Alert, text::danger),
            MarkKind::Verified | MarkKind::Pinned => (Icon::Locked, text::success),
            MarkKind::Unchecked => (Icon::Warning, text::default),
        };
        let mark_text = row![
            icon(glyph, style::size::SMALL).style(colour),
            text(mark).size(style::size::SMALL).style(colour),
        ]
        .spacing(style::space::XS)
        .align_y(iced::Alignment::Center);
        let who = if a.name.trim().is_empty() {
            a.address.clone()
        } else {
            format!("{} <{}>", a.name.trim(), a.address)
        };
        let mut info = column![
            text(who).size(style::size::EMPHASIS),
            text(format!(
                "{}:{} · {}",
                a.host,
                a.port,
                security_label(a.security)
            ))
            .size(style::size::SMALL)
            .style(|t: &iced::Theme| text::Style {
                color: Some(style::muted(t)),
            }),
            mark_text,
        ]
        .spacing(2)
        .width(Length::Fill);
        // Its identities, so the list says every address it sends as
        // (tryout 10: they were nowhere in the app).
        if !a.identities.is_empty() {
            let addresses: Vec<String> = a
                .identities
                .iter()
                .map(|i| crate::report::safe_line(&i.address))
                .collect();
            info = info.push(
                text(t!("main-also-sends-as", addresses = addresses.join(", ")))
                    .size(style::size::SMALL),
            );
        }
        if let Some((id, report)) = &state.test_report
            && id == &a.id
        {
            info = info.push(text(report.clone()).size(style::size::SMALL));
        }
        let actions = row![
            button(text(t!("main-test")))
                .style(style::secondary)
                .on_press(Message::TestAccount(a.id.clone())),
            button(text(t!("main-edit")))
                .style(style::secondary)
                .on_press(Message::EditAccount(a.id.clone())),
            button(text(t!("main-remove")))
                .style(button::danger)
                .on_press(Message::RemoveAccount(a.id.clone())),
        ]
        .spacing(style::space::XS);
        let mut card = column![
            row![info, actions]
                .spacing(style::space::M)
                .align_y(iced::Alignment::Center)
        ]
        .spacing(style::space::S);
        // "Remove?" is asked in the account's own row, so the list does
        // not move away from it (D21).
        if state.confirm.as_ref() == Some(&super::Confirm::RemoveAccount(a.id.clone())) {
            card = card.push(super::confirm_bar(
                remove_question(a, shown),
                t!("main-remove"),
            ));
        }
        c = c.push(
            container(card)
                .padding(style::space::M)
                .width(Length::Fill)
                .style(style::list_row),
        );
    }
    c.into()
}

/// "Remove the account …?", with what becomes of the messages in the
/// outbox that are to go from it and of the drafts written from it
/// (tryout 13 removed an account and then found them stuck): they are
/// kept, and wait for another sender.
pub fn remove_question(account: &Account, shown: &super::Shown<'_>) -> String {
    let queued = shown
        .outbox
        .iter()
        .filter(|m| m.sidecar.account == account.id)
        .count();
    let drafts = shown
        .drafts
        .iter()
        .filter(|d| d.account.as_ref() == Some(&account.id))
        .count();
    let mut question = t!("main-confirm-remove", address = account.address.clone());
    if queued > 0 {
        question = format!(
            "{question} {}",
            t!("main-remove-outbox-kept", count = queued)
        );
    }
    if drafts > 0 {
        question = format!(
            "{question} {}",
            t!("main-remove-drafts-kept", count = drafts)
        );
    }
    question
}

pub(super) fn form_view<'a>(f: &'a AccountForm, settings: &Settings) -> Element<'a, Message> {
    let field = |label: String, value: &'a str, which: FormField| {
        // The files may be left empty: the field says so, and says when
        // one is kept already.
        let kept = match which {
            FormField::CaFile => f.has_ca,
            FormField::PinFile => f.has_pin,
            _ => false,
        };
        let file = matches!(which, FormField::CaFile | FormField::PinFile);
        let placeholder = match which {
            FormField::CaFile | FormField::PinFile => t!("form-optional"),
            _ => String::new(),
        };
        let mut line = row![
            text(label).width(Length::Fixed(style::LABEL_WIDTH)),
            text_input(&placeholder, value)
                .style(crate::ui::style::field)
                .id(which.id())
                .on_input(move |v| Message::Form(which, v))
                .on_submit(Message::FormSave)
                .padding(6),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        // A file picker beside each file field, and a way to drop the one
        // kept (D20: it could not be removed).
        if file {
            line = line.push(
                button(text(t!("form-choose-file")))
                    .style(style::secondary)
                    .on_press(Message::FormPick(which)),
            );
        }
        if kept {
            line = line.push(
                button(text(t!("form-forget-file")))
                    .style(style::secondary)
                    .on_press(Message::FormForget(which)),
            );
        }
        // A kept file is said under its field (as a placeholder beside two
        // buttons it was cut to "jeden jest j…").
        let line: Element<'a, Message> = if kept {
            column![
                line,
                row![
                    iced::widget::Space::new().width(Length::Fixed(style::LABEL_WIDTH)),
                    text(t!("form-file-kept")).size(style::size::SMALL),
                ]
                .spacing(8)
            ]
            .spacing(style::space::XS)
            .into()
        } else {
            line.into()
        };
        under_its_problem(f, which, line)
    };
    let choices = security_choices(settings.never_plaintext);
    let mut c = column![
        text(if f.editing.is_some() {
            t!("form-title-edit")
        } else if f.from_wizard {
            t!("form-title-wizard-last")
        } else {
            t!("form-title-add")
        })
        .size(style::size::TITLE),
        field(t!("form-name"), &f.name, FormField::Name),
        field(t!("form-address"), &f.address, FormField::Address),
        field(t!("form-host"), &f.host, FormField::Host),
        row![
            text(t!("form-security")).width(Length::Fixed(style::LABEL_WIDTH)),
            pick_list(
                choices,
                Some(SecurityChoice(f.security)),
                Message::FormSecurity
            ),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
        // On its own line: beside a long security label it was cut to
        // "46", or pushed out of the window (a tryout typed it blind).
        under_its_problem(
            f,
            FormField::Port,
            row![
                text(t!("form-port")).width(Length::Fixed(style::LABEL_WIDTH)),
                text_input("", &f.port)
                    .style(crate::ui::style::field)
                    .id(FormField::Port.id())
                    .on_input(|v| Message::Form(FormField::Port, v))
                    .on_submit(Message::FormSave)
                    .padding(6)
                    .width(Length::Fixed(PORT_WIDTH)),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center)
            .into()
        ),
        row![
            text(t!("form-username")).width(Length::Fixed(style::LABEL_WIDTH)),
            text_input(&t!("form-username-placeholder"), &f.username)
                .style(crate::ui::style::field)
                .id(FormField::Username.id())
                .on_input(|v| Message::Form(FormField::Username, v))
                .on_submit(Message::FormSave)
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
            .width(Length::Fixed(style::LABEL_WIDTH)),
            text_input("", f.password.expose())
                .style(crate::ui::style::field)
                .id(FormField::Password.id())
                .secure(true)
                .on_input(|v| Message::Form(FormField::Password, v))
                .on_submit(Message::FormSave)
                .padding(6),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
        field(t!("form-ca-file"), &f.ca_file, FormField::CaFile),
        field(t!("form-pin-file"), &f.pin_file, FormField::PinFile),
        row![
            text(t!("form-signature")).width(Length::Fixed(style::LABEL_WIDTH)),
            crate::ui::widget::small_editor::small_editor(
                &f.signature_editor.0,
                FormField::Signature.id(),
                t!("form-signature-placeholder"),
                SIGNATURE_HEIGHT,
                Message::FormSignature,
            ),
        ]
        .spacing(8),
        checkbox(f.bcc_self)
            .label(t!("form-bcc-self"))
            .on_toggle(Message::FormBccSelf),
        super::identities::view(f),
    ]
    .spacing(8);
    if f.security == Security::Plaintext {
        c = c.push(text(t!("warning-plaintext-account")).style(text::danger));
    }
    if let (Some(e), None) = (&f.error, f.error_field) {
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
                .id(FORM_SAVE_ID)
                .on_press_maybe(idle.then_some(Message::FormSave)),
            button(text(t!("form-save-unchecked")))
                .style(style::secondary)
                .on_press_maybe(idle.then_some(Message::FormSaveUnchecked)),
            button(text(t!("main-cancel")))
                .style(style::secondary)
                .on_press(Message::FormCancel),
        ]
        .spacing(8),
    );
    c = c.push(text(t!("form-save-unchecked-hint")).size(13));
    container(c.spacing(style::space::S))
        .padding(style::space::M)
        .into()
}
