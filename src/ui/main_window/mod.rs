//! The main window, as a mail program's: a header bar with New message, a
//! sidebar of views (Accounts, Drafts, Outbox, Sent, Settings; Ctrl+1 …
//! Ctrl+5), each a compact list, questions above the page and status
//! messages as toasts that clear themselves.

mod accounts;
mod contacts;
pub mod identities;
mod lists;
mod settings;
mod view;

pub use accounts::{
    ADD_ACCOUNT_ID, AccountForm, FORM_SAVE_ID, FormField, SecurityChoice, remove_question,
    security_choices,
};
pub use contacts::{ContactForm, Message as ContactMessage};
pub use lists::{DraftRow, Shown, row_id, subject_or_none};
pub use settings::{LanguageChoice, ThemeChoice, UndoDelayChoice};
use view::confirm_bar;
pub use view::{CONFIRM_NO_ID, PAGE_SCROLL, view};

use crate::account::{Account, AccountId};
use crate::config::SettingChange;
use crate::outbox::State as Queued;
use crate::store::Stored;
use crate::t;

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
    /// Contacts: the address book.
    Contacts,
    /// Settings.
    Settings,
}

impl Tab {
    /// The views in the sidebar's order (Ctrl+1 … Ctrl+6).
    pub const ALL: [Tab; 6] = [
        Tab::Accounts,
        Tab::Drafts,
        Tab::Outbox,
        Tab::Sent,
        Tab::Contacts,
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
    /// Close the account form (Esc), giving up its changes.
    LeaveForm,
    /// Remove the contact with this address.
    RemoveContact(String),
}

/// What the window is doing besides its views: one thing at a time.
#[derive(Debug, Default)]
pub enum Mode {
    /// The sidebar and its views only.
    #[default]
    Views,
    /// The account form (an account added by hand, or edited), on the
    /// Accounts view.
    Form(Box<AccountForm>),
    /// The account setup wizard, in place of the views.
    Wizard(Box<crate::ui::wizard::State>),
}

/// A status message: its text, when it was shown, and the discarded draft
/// its Undo brings back, if it offers one.
#[derive(Debug)]
struct Notice {
    text: String,
    at: std::time::Instant,
    undo: Option<String>,
}

/// The main window's state.
#[derive(Debug, Default)]
pub struct State {
    /// The visible tab.
    tab: Tab,
    /// The form or the wizard, when open.
    mode: Mode,
    /// A pending confirmation.
    confirm: Option<Confirm>,
    /// Drafts discarded lately, newest last, with when: each can be
    /// brought back for as long as its toast would show, even after a
    /// later discard's toast took its place (a tryout discarded two in a
    /// row and could bring back only the second).
    discards: Vec<(String, std::time::Instant)>,
    /// The control that had the focus when the question was asked: it
    /// gets it back when the answer is no.
    return_focus: Option<iced::widget::Id>,
    /// What "test connection" reported, per account.
    test_report: Option<(AccountId, String)>,
    /// A status message at the bottom (sent, saved, errors) and when it
    /// was shown (it clears itself a few seconds later).
    notice: Option<Notice>,
    /// The contact being added or edited, in the Contacts view.
    contact_form: Option<contacts::ContactForm>,
    /// The account form as it was opened ([`AccountForm::fingerprint`]).
    form_opened: u64,
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
    /// Choose the file of this field with the file chooser.
    FormPick(FormField),
    /// Drop the CA or pinned certificate the account keeps.
    FormForget(FormField),
    /// Saving failed because of this field (translated reason).
    FormProblem(FormField, String),
    /// In the form's identities.
    Identity(identities::Message),
    /// Language chosen.
    Language(LanguageChoice),
    /// Theme chosen.
    Theme(ThemeChoice),
    /// Never-plaintext toggled.
    NeverPlaintext(bool),
    /// Notifications toggled.
    Notifications(bool),
    /// The undo delay of Send chosen.
    UndoDelay(UndoDelayChoice),
    /// A check before sending turned on or off.
    Check(crate::config::CheckKind, bool),
    /// Retry an outbox message.
    Retry(String),
    /// Send a scheduled outbox message now.
    SendNow(String),
    /// Edit an outbox message (reopen its draft).
    Edit(String),
    /// Delete an outbox message (asks first).
    Delete(String),
    /// Open a sent message, read-only.
    OpenSent(String),
    /// Open a saved draft.
    OpenDraft(String),
    /// Discard a saved draft.
    DiscardDraft(String),
    /// Retry every failed message that may be retried (not one that may
    /// have been sent: each of those asks).
    RetryAll,
    /// Undo in the toast: bring the discarded draft back.
    UndoDiscard(String),
    /// The control that had the focus when a question was asked.
    AskedFrom(iced::widget::Id),
    /// In the Contacts view.
    Contact(contacts::Message),
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
    /// Send a scheduled outbox message now.
    SendNow(String),
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
    /// Bring a discarded draft back.
    RestoreDraft(String),
    /// Pick the file for this field of the account form.
    PickFile(FormField),
    /// Save a contact: `original` is the address of the one edited
    /// (`None`: a new one).
    SaveContact {
        /// The contact edited, by its address.
        original: Option<String>,
        /// The name.
        name: String,
        /// The address.
        address: String,
    },
    /// Remove the contact with this address.
    RemoveContact(String),
    /// Write to this recipient (`Name <address>`): a compose window.
    WriteTo(String),
}

impl State {
    /// A window showing view `tab` (and nothing else open).
    pub fn on(tab: Tab) -> State {
        State {
            tab,
            ..State::default()
        }
    }

    /// The visible view.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// Which page is shown: the view, and whether the account form (1) or
    /// the wizard (2) is over it. A new page starts at its top.
    pub fn page(&self) -> (Tab, u8) {
        let over = match &self.mode {
            Mode::Views => 0,
            Mode::Form(_) => 1,
            Mode::Wizard(_) => 2,
        };
        (self.tab, over)
    }

    /// The account form, when open.
    pub fn form(&self) -> Option<&AccountForm> {
        match &self.mode {
            Mode::Form(f) => Some(f),
            _ => None,
        }
    }

    fn form_mut(&mut self) -> Option<&mut AccountForm> {
        match &mut self.mode {
            Mode::Form(f) => Some(f),
            _ => None,
        }
    }

    /// The account setup wizard, when open.
    pub fn wizard(&self) -> Option<&crate::ui::wizard::State> {
        match &self.mode {
            Mode::Wizard(w) => Some(w),
            _ => None,
        }
    }

    /// The account setup wizard, when open, to give it a message.
    pub fn wizard_mut(&mut self) -> Option<&mut crate::ui::wizard::State> {
        match &mut self.mode {
            Mode::Wizard(w) => Some(w),
            _ => None,
        }
    }

    /// Opens the account setup wizard (the form, if open, is closed); one
    /// already open is kept as it is when `keep` (asked again from a
    /// compose window), started afresh otherwise.
    pub fn open_wizard(&mut self, keep: bool) {
        if !(keep && self.wizard().is_some()) {
            self.mode = Mode::Wizard(Box::default());
        }
    }

    /// Opens the account form on `form` (the wizard, if open, is closed).
    pub fn open_form(&mut self, form: AccountForm) {
        self.form_opened = form.fingerprint();
        self.mode = Mode::Form(Box::new(form));
    }

    /// Whether closing the account form would lose something: an edited
    /// account changed since it was opened, or a new one with anything
    /// typed (in the form or, before it, in the wizard).
    pub fn form_has_changes(&self) -> bool {
        self.form().is_some_and(|f| match f.editing {
            Some(_) => f.fingerprint() != self.form_opened,
            None => f.has_typing(),
        })
    }

    /// Esc on the account form: closes a form with nothing to lose, and
    /// asks first about one with changes. Says whether it did either.
    pub fn escape_form(&mut self) -> bool {
        if self.form().is_none() {
            return false;
        }
        if self.form_has_changes() {
            self.confirm = Some(Confirm::LeaveForm);
            self.return_focus = Some(FormField::Name.id());
        } else {
            self.mode = Mode::Views;
        }
        true
    }

    /// Closes the form or the wizard: the account was saved (a test of
    /// the account as it was says nothing of it now), or the wizard was
    /// closed.
    pub fn close_account_setup(&mut self, saved: bool) {
        self.mode = Mode::Views;
        if saved {
            self.test_report = None;
        }
    }

    /// Saving an account failed: the form, or the wizard's password step,
    /// says why and keeps what was typed.
    pub fn account_not_saved(&mut self, reason: String) {
        match &mut self.mode {
            Mode::Form(f) => {
                f.error = Some(reason);
                f.checking = false;
            }
            Mode::Wizard(w) => w.not_saved(reason),
            Mode::Views => {}
        }
    }

    /// The question waiting for an answer, if any.
    pub fn question(&self) -> Option<&Confirm> {
        self.confirm.as_ref()
    }

    /// Whether a question waits for an answer.
    pub fn has_question(&self) -> bool {
        self.confirm.is_some()
    }

    /// Drops the question (Esc); the control that had the focus before
    /// it was asked, to focus again.
    pub fn drop_question(&mut self) -> Option<iced::widget::Id> {
        self.confirm = None;
        self.return_focus.take()
    }

    /// Before the window closes: with a half-filled account form and no
    /// question yet, asks whether to give the form up and says `true` (the
    /// window stays); otherwise `false`.
    pub fn ask_before_closing(&mut self) -> bool {
        if self.form_has_changes() && self.confirm.is_none() {
            self.confirm = Some(Confirm::CloseWithForm);
            return true;
        }
        false
    }

    /// Shows `text` as a status message (a toast).
    pub fn show_notice(&mut self, text: String) {
        self.show_notice_since(text, std::time::Instant::now());
    }

    /// Shows `text` as a status message shown first at `since` (the toast
    /// clears itself counting from then).
    pub fn show_notice_since(&mut self, text: String, since: std::time::Instant) {
        self.notice = Some(Notice {
            text,
            at: since,
            undo: None,
        });
    }

    /// Shows `text` with an Undo that brings discarded draft `draft_id`
    /// back, for as long as the toast stays.
    pub fn show_undoable(&mut self, text: String, draft_id: String) {
        let now = std::time::Instant::now();
        self.discards.push((draft_id.clone(), now));
        self.notice = Some(Notice {
            text,
            at: now,
            undo: Some(draft_id),
        });
    }

    /// The draft discarded last that can still be brought back: discarded
    /// less than `within` ago and not brought back yet.
    pub fn undoable(&self, within: std::time::Duration) -> Option<String> {
        self.discards
            .iter()
            .rev()
            .find(|(_, at)| at.elapsed() <= within)
            .map(|(id, _)| id.clone())
    }

    /// The status message shown, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    /// Whether a status message or a discard's Undo is shown, which the
    /// clock clears.
    pub fn has_toast(&self) -> bool {
        self.notice.is_some() || !self.discards.is_empty()
    }

    /// Clears a status message shown longer than `after` (D13).
    pub fn expire_notice(&mut self, after: std::time::Duration) {
        if self.notice.as_ref().is_some_and(|n| n.at.elapsed() > after) {
            self.notice = None;
        }
        self.discards.retain(|(_, at)| at.elapsed() <= after);
    }

    /// The account the last connection test shown is about.
    pub fn test_report_account(&self) -> Option<&AccountId> {
        self.test_report.as_ref().map(|(id, _)| id)
    }

    /// What "test connection" of account `id` reported (translated, one
    /// finding per line), or nothing shown.
    pub fn set_test_report(&mut self, report: Option<(AccountId, String)>) {
        self.test_report = report;
    }

    /// The question was answered yes: what it asked for.
    fn confirmed(&mut self) -> Action {
        self.return_focus = None;
        match self.confirm.take() {
            Some(Confirm::RemoveAccount(id)) => Action::RemoveAccount(id),
            Some(Confirm::PlaintextOff) => {
                Action::ChangeSetting(SettingChange::NeverPlaintext(false))
            }
            Some(Confirm::RetryUnsure(id)) => Action::Retry(id),
            Some(Confirm::DiscardDraft(id)) => Action::DiscardDraft(id),
            Some(Confirm::DeleteQueued(id)) => Action::Delete(id),
            Some(Confirm::RemoveContact(address)) => Action::RemoveContact(address),
            Some(Confirm::CloseWithForm) => {
                self.mode = Mode::Views;
                Action::CloseWindow
            }
            Some(Confirm::LeaveForm) => {
                self.mode = Mode::Views;
                Action::None
            }
            None => Action::None,
        }
    }

    /// Handles `message`; `outbox` is the outbox (to know which entries
    /// are unsure), `contacts` the address book shown.
    pub fn update(
        &mut self,
        message: Message,
        accounts: &[Account],
        outbox: &[Stored],
        contacts: &[crate::contacts::Contact],
    ) -> Action {
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
                    self.open_form(AccountForm {
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
                        identities: a.identities.clone(),
                        ..AccountForm::default()
                    });
                    // The cursor in the form's first field, not left on
                    // the Edit button the form replaced (tryout 10).
                    return Action::Focus(FormField::Name.id());
                }
            }
            Message::RemoveAccount(id) => self.confirm = Some(Confirm::RemoveAccount(id)),
            Message::TestAccount(id) => {
                self.test_report = Some((id.clone(), t!("main-testing")));
                return Action::TestAccount(id);
            }
            Message::Form(field, value) => {
                if let Some(f) = self.form_mut() {
                    f.forget_error_about(Some(field));
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
                if let Some(f) = self.form_mut() {
                    let default_before = f.security.default_port().to_string();
                    if f.port.is_empty() || f.port == default_before {
                        f.port = s.default_port().to_string();
                    }
                    if f.security != s {
                        f.forget_error_about(None);
                    }
                    f.security = s;
                }
            }
            Message::FormSignature(action) => {
                if let Some(f) = self.form_mut() {
                    f.signature_editor.0.perform(action);
                    f.signature = f.signature_editor.0.text();
                }
            }
            Message::Identity(m) => {
                if let Some(focus) = self.form_mut().and_then(|f| identities::update(f, m)) {
                    return Action::Focus(focus);
                }
            }
            Message::FormBccSelf(on) => {
                if let Some(f) = self.form_mut() {
                    f.bcc_self = on;
                }
            }
            // Enter in a field saves too; never twice while signing in.
            Message::FormSave | Message::FormSaveUnchecked => {
                let check = matches!(message, Message::FormSave);
                if let Some(f) = self.form_mut().filter(|f| !f.checking) {
                    f.checking = true;
                    f.error = None;
                    f.error_field = None;
                    return Action::SaveAccount { check };
                }
            }
            Message::FormCancel => self.mode = Mode::Views,
            Message::FormPick(field) => return Action::PickFile(field),
            Message::FormForget(field) => {
                if let Some(f) = self.form_mut() {
                    match field {
                        FormField::CaFile => f.has_ca = false,
                        FormField::PinFile => f.has_pin = false,
                        _ => {}
                    }
                }
            }
            Message::FormProblem(field, reason) => {
                if let Some(f) = self.form_mut() {
                    f.error = Some(reason);
                    f.error_field = Some(field);
                    f.checking = false;
                    return Action::Focus(field.id());
                }
            }
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
            Message::Check(kind, on) => {
                return Action::ChangeSetting(SettingChange::Check(kind, on));
            }
            Message::UndoDelay(UndoDelayChoice(n)) => {
                return Action::ChangeSetting(SettingChange::UndoSendSeconds(n));
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
            Message::SendNow(id) => return Action::SendNow(id),
            Message::Edit(id) => return Action::Edit(id),
            // Asks first: a deleted message is never sent.
            Message::Delete(id) => self.confirm = Some(Confirm::DeleteQueued(id)),
            Message::OpenSent(id) => return Action::OpenSent(id),
            Message::OpenDraft(id) => return Action::Compose(Some(id)),
            // Asks first (D12): a discarded draft cannot be brought back.
            Message::DiscardDraft(id) => self.confirm = Some(Confirm::DiscardDraft(id)),
            Message::RetryAll => return Action::RetryAll,
            Message::AskedFrom(id) => {
                if self.confirm.is_some() {
                    self.return_focus = Some(id);
                }
            }
            Message::UndoDiscard(id) => {
                self.discards.retain(|(d, _)| *d != id);
                if self
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.undo.as_ref() == Some(&id))
                {
                    self.notice = None;
                }
                return Action::RestoreDraft(id);
            }
            Message::Contact(m) => return self.contact_update(m, contacts),
            Message::ConfirmYes => return self.confirmed(),
            Message::ConfirmNo => {
                if let Some(id) = self.drop_question() {
                    return Action::Focus(id);
                }
            }
        }
        Action::None
    }
}

/// The toast when a compose window whose message is in the outbox
/// closes (not "keep as draft?", D16): whether it goes by itself, is
/// going now (a tryout closed at "Sending 100%" and was told it could
/// still change it), or waits for the person.
pub fn closed_while_queued(sidecar: &crate::store::Sidecar) -> String {
    use crate::outbox::State as S;
    let subject = subject_or_none(&sidecar.subject);
    match sidecar.state {
        S::Sending { .. } => t!("main-closed-sending", subject = subject),
        S::Scheduled { at } => t!(
            "main-closed-scheduled",
            subject = subject,
            time = crate::report::outbox::local_time(at)
        ),
        S::Held { .. } | S::Due => {
            t!("main-closed-queued", subject = subject)
        }
        S::Failed if sidecar.next_try.is_some() => t!("main-closed-queued", subject = subject),
        S::Failed | S::MaybeSent | S::Sent { .. } => t!("main-closed-waiting", subject = subject),
    }
}
