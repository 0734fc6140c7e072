//! The account setup wizard, shown in the main window: name and address →
//! looking for the server → the proposed settings with the provider's
//! notes → password → login test over TLS → saved. Setting up a pinned
//! certificate for a self-hosted server happens only here and in the
//! manual form (RFC 8314 §5.4).

use crate::ui::widget::{button, checkbox, pick_list};
use iced::widget::{column, container, row, text, text_input};
use iced::{Element, Length};

use crate::account::{Account, Security};
use crate::discover::providers::Auth;
use crate::discover::{Candidate, Findings, Source};
use crate::report::{Localize, candidate_notes, outcome_label, security_label, source_label};
use crate::secrets::Password;
use crate::t;

use super::main_window::{SecurityChoice, security_choices};

/// The name field's widget id (focused when the wizard opens).
pub const NAME_ID: &str = "wizard-name";
/// The address field's widget id.
pub const ADDRESS_ID: &str = "wizard-address";
/// The password field's widget id (focused on the password step).
pub const PASSWORD_ID: &str = "wizard-password";

/// The proposal's host field.
pub const HOST_ID: &str = "wizard-host";
/// The proposal's port field.
pub const PORT_ID: &str = "wizard-port";
/// The proposal's user name field.
pub const USERNAME_ID: &str = "wizard-username";

/// Where the wizard is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Step {
    /// Name and address.
    #[default]
    Identity,
    /// Discovery runs.
    Searching,
    /// The findings: a proposal to accept or edit, or why there is none.
    Proposal,
    /// The password.
    Password,
    /// The login test runs.
    Testing,
    /// The server's certificate is not trusted: offer to pin it.
    Pin {
        /// The presented certificate (PEM).
        pem: String,
        /// Its SHA-256 fingerprint.
        fingerprint: String,
    },
}

/// The id the account being set up will have, made when the wizard opens,
/// so what its sign-in test saw is recorded for the account it saves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewId(pub crate::account::AccountId);

impl Default for NewId {
    fn default() -> Self {
        NewId(crate::account::AccountId::generate())
    }
}

/// The wizard's state.
#[derive(Debug, Default)]
pub struct State {
    /// The account's id-to-be.
    id: NewId,
    /// The current step.
    step: Step,
    /// Display name.
    name: String,
    /// Address.
    address: String,
    /// What discovery found.
    findings: Option<Findings>,
    /// The proposal being accepted (its fields editable).
    host: String,
    /// Port, as typed.
    port: String,
    /// Security.
    security: Security,
    /// User name.
    username: String,
    /// The candidate proposed (for its notes and source).
    candidate: Option<Candidate>,
    /// The person confirmed a server outside their domain.
    outside_confirmed: bool,
    /// The password (wiped when the wizard closes).
    password: Password,
    /// A certificate the person chose to pin.
    pinned_pem: Option<String>,
    /// What went wrong last (translated), and the server's own text.
    error: Option<String>,
    /// Bumped on every search and test, so a late answer to a cancelled
    /// one is ignored.
    generation: u64,
}

/// A failed login test, for the wizard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestFailure {
    /// The translated reason.
    pub reason: String,
    /// A certificate the person may pin (self-signed or unknown issuer).
    pub pinnable_pem: Option<String>,
}

/// What the person did, or what came back.
#[derive(Debug, Clone)]
// `Found` carries the discovery result once per search; boxing it would
// only move the allocation.
#[allow(clippy::large_enum_variant)]
pub enum Message {
    /// Name typed.
    Name(String),
    /// Address typed.
    Address(String),
    /// "Find my server".
    Find,
    /// Discovery finished.
    Found(u64, Result<Findings, String>),
    /// Cancel the running search or test.
    Cancel,
    /// A proposal field typed.
    Host(String),
    /// Port typed.
    Port(String),
    /// User name typed.
    Username(String),
    /// Security chosen.
    Security(SecurityChoice),
    /// Confirms a server outside the address's domain.
    ConfirmOutside(bool),
    /// Accept the proposal.
    Accept,
    /// Back one step.
    Back,
    /// Password typed.
    Password(String),
    /// Test and save.
    Test,
    /// The login test finished.
    Tested(u64, Result<(), TestFailure>),
    /// Pin the presented certificate and test again.
    Pin,
    /// Leave for the manual form.
    Manual,
    /// Close the wizard.
    Close,
}

/// What the app must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Nothing.
    None,
    /// Run discovery for this address (generation to answer with).
    Discover(u64, String),
    /// Stop the running search or test.
    Abort,
    /// Test this account with this password (generation to answer with).
    Test(u64, Box<Account>, Password),
    /// Save this account and password (keyring first).
    Save(Box<Account>, Password),
    /// Open the manual form with what is known.
    Manual(Box<Account>, Password),
    /// Close the wizard.
    Close,
}

impl State {
    /// The current step.
    pub fn step(&self) -> &Step {
        &self.step
    }

    /// What went wrong last (translated), if anything.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The account's id-to-be.
    pub fn id(&self) -> &crate::account::AccountId {
        &self.id.0
    }

    /// What discovery found, once it has.
    pub fn findings(&self) -> Option<&Findings> {
        self.findings.as_ref()
    }

    /// The server proposed, once one is.
    pub fn candidate(&self) -> Option<&Candidate> {
        self.candidate.as_ref()
    }

    /// The user name as shown (typed or proposed).
    pub fn username(&self) -> &str {
        &self.username
    }

    /// The certificate the person chose to pin, if any (PEM).
    pub fn pinned_pem(&self) -> Option<&str> {
        self.pinned_pem.as_deref()
    }

    /// The search-and-test generation (a late answer to an older one is
    /// ignored).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Saving the account failed: back on the password step, saying why.
    pub fn not_saved(&mut self, reason: String) {
        self.step = Step::Password;
        self.error = Some(reason);
    }

    fn propose(&mut self, c: &Candidate) {
        self.host = c.host.clone();
        self.port = c.port.to_string();
        self.security = c.security;
        self.username = c.username.clone();
        self.candidate = Some(c.clone());
        self.outside_confirmed = false;
    }

    /// The provider that accepts only OAuth, if the proposal belongs to one.
    pub fn oauth_only(&self) -> Option<String> {
        let from_candidate = self
            .candidate
            .as_ref()
            .and_then(|c| c.provider.as_ref())
            .filter(|p| p.auth == Auth::OauthOnly)
            .map(|p| p.shown_name().to_string());
        from_candidate.or_else(|| {
            self.findings
                .as_ref()
                .filter(|f| f.candidates.is_empty())
                .and_then(|f| f.oauth_only.as_ref())
                .map(|p| p.shown_name().to_string())
        })
    }

    /// The account the wizard would save now.
    pub fn account(&self) -> Account {
        // Checked by `proposal_problem` before any step that uses it; an
        // account that does not validate cannot be tested or saved.
        // What does not validate yet (no server found) still carries what
        // was typed to the manual form: the name too (D20).
        self.input().validate().unwrap_or_else(|_| Account {
            id: self.id.0.clone(),
            name: self.name.trim().to_string(),
            address: self.address.trim().to_string(),
            host: self.host.trim().to_ascii_lowercase(),
            port: self
                .port
                .trim()
                .parse()
                .unwrap_or(self.security.default_port()),
            security: self.security,
            username: self.username.trim().to_string(),
            ..Account::default()
        })
    }

    /// The account as typed, for the one validator every front end uses.
    fn input(&self) -> crate::account::AccountInput {
        crate::account::AccountInput {
            id: Some(self.id.0.clone()),
            name: self.name.clone(),
            address: self.address.clone(),
            host: self.host.trim().to_ascii_lowercase(),
            port: self.port.clone(),
            security: self.security,
            username: self.username.clone(),
            pinned_pem: self.pinned_pem.clone(),
            ..crate::account::AccountInput::default()
        }
    }

    /// Whether the person changed the proposed server (host, port or
    /// security): the source's notes then no longer apply.
    pub fn edited(&self) -> bool {
        self.candidate.as_ref().is_some_and(|c| {
            self.host.trim() != c.host
                || self.port.trim() != c.port.to_string()
                || self.security != c.security
        })
    }

    /// Why the proposal cannot be accepted as typed (bad host or port).
    pub fn proposal_problem(&self) -> Option<String> {
        // An empty port is not "the default" here: the proposal names one.
        if self.port.trim().is_empty() {
            return Some(t!("account-error-invalid-port", port = ""));
        }
        self.input().validate().err().map(|e| e.localize())
    }

    /// Whether "Next" is possible on the proposal.
    pub fn can_accept(&self) -> bool {
        self.candidate.is_some()
            && self.oauth_only().is_none()
            && self.proposal_problem().is_none()
            && (!self.candidate.as_ref().is_some_and(|c| c.outside_domain)
                || self.outside_confirmed)
    }

    /// Handles `message`.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Name(v) => self.name = v,
            Message::Address(v) => self.address = v,
            Message::Find => {
                let address = self.address.trim().to_string();
                match crate::address::parse_mailbox(&address) {
                    Ok(m) if m.name.is_none() => {}
                    _ => {
                        self.error = Some(crate::report::own_address_problem(&address));
                        return Action::None;
                    }
                }
                self.error = None;
                self.findings = None;
                self.candidate = None;
                self.pinned_pem = None;
                self.generation += 1;
                self.step = Step::Searching;
                return Action::Discover(self.generation, address);
            }
            Message::Found(generation, result) => {
                if generation != self.generation || self.step != Step::Searching {
                    return Action::None;
                }
                self.step = Step::Proposal;
                match result {
                    Ok(findings) => {
                        if let Some(best) = findings.best().cloned() {
                            self.propose(&best);
                        }
                        self.findings = Some(findings);
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Cancel => {
                self.generation += 1;
                self.step = match self.step {
                    Step::Testing => Step::Password,
                    _ => Step::Identity,
                };
                return Action::Abort;
            }
            // Another server: a certificate pinned for the old one no
            // longer applies.
            Message::Host(v) => {
                self.host = v;
                self.pinned_pem = None;
            }
            Message::Port(v) => {
                self.port = v;
                self.pinned_pem = None;
            }
            Message::Username(v) => self.username = v,
            Message::Security(SecurityChoice(s)) => {
                self.pinned_pem = None;
                if self.port.trim().is_empty()
                    || self.port.trim() == self.security.default_port().to_string()
                {
                    self.port = s.default_port().to_string();
                }
                self.security = s;
            }
            Message::ConfirmOutside(on) => self.outside_confirmed = on,
            Message::Accept => {
                if let Some(problem) = self.proposal_problem() {
                    self.error = Some(problem);
                } else if self.can_accept() {
                    self.error = None;
                    self.step = Step::Password;
                }
            }
            Message::Back => {
                self.error = None;
                self.step = match self.step {
                    Step::Password | Step::Pin { .. } => Step::Proposal,
                    _ => Step::Identity,
                };
            }
            Message::Password(v) => self.password = Password::new(v),
            Message::Test => {
                // Only from the password step: never a second sign-in
                // while one runs (Enter pressed again).
                if self.step != Step::Password {
                    return Action::None;
                }
                if self.password.is_empty() {
                    self.error = Some(t!("account-error-password-required-gui"));
                    return Action::None;
                }
                self.error = None;
                self.generation += 1;
                self.step = Step::Testing;
                return Action::Test(
                    self.generation,
                    Box::new(self.account()),
                    self.password.clone(),
                );
            }
            Message::Tested(generation, result) => {
                if generation != self.generation || self.step != Step::Testing {
                    return Action::None;
                }
                match result {
                    Ok(()) => {
                        let password = std::mem::take(&mut self.password);
                        return Action::Save(Box::new(self.account()), password);
                    }
                    Err(f) => match f.pinnable_pem {
                        Some(pem) if self.pinned_pem.is_none() => {
                            let fingerprint = crate::account::certificates(&pem)
                                .and_then(|c| c.into_iter().next())
                                .map(|der| crate::account::fingerprint(&der))
                                .unwrap_or_default();
                            self.error = Some(f.reason);
                            self.step = Step::Pin { pem, fingerprint };
                        }
                        _ => {
                            self.error = Some(f.reason);
                            self.step = Step::Password;
                        }
                    },
                }
            }
            Message::Pin => {
                if let Step::Pin { pem, .. } = &self.step {
                    self.pinned_pem = Some(pem.clone());
                    self.generation += 1;
                    self.error = None;
                    self.step = Step::Testing;
                    return Action::Test(
                        self.generation,
                        Box::new(self.account()),
                        self.password.clone(),
                    );
                }
            }
            Message::Manual => {
                let mut account = self.account();
                if account.host.is_empty() {
                    account.port = Security::ImplicitTls.default_port();
                }
                return Action::Manual(Box::new(account), std::mem::take(&mut self.password));
            }
            Message::Close => return Action::Close,
        }
        Action::None
    }
}

fn labelled<'a>(label: String, input: Element<'a, Message>) -> Element<'a, Message> {
    row![text(label).width(Length::Fixed(200.0)), input]
        .spacing(8)
        .align_y(iced::Alignment::Center)
        .into()
}

fn buttons<'a>(items: Vec<Element<'a, Message>>) -> Element<'a, Message> {
    iced::widget::Row::with_children(items).spacing(8).into()
}

fn secondary<'a>(label: String, message: Message) -> Element<'a, Message> {
    button(text(label))
        .style(super::style::secondary)
        .on_press(message)
        .into()
}

fn primary<'a>(label: String, message: Option<Message>) -> Element<'a, Message> {
    button(text(label))
        .style(button::primary)
        .on_press_maybe(message)
        .into()
}

/// Draws the wizard; `never_plaintext` limits the security choices.
pub fn view(state: &State, never_plaintext: bool) -> Element<'_, Message> {
    let step_title =
        |n: u8, title: String| text(t!("wizard-step", step = n, title = title)).size(20);
    let mut c = column![].spacing(10);
    match &state.step {
        Step::Identity => {
            c = c.push(step_title(1, t!("wizard-identity-title")));
            c = c.push(text(t!("wizard-identity-intro")));
            c = c.push(labelled(
                t!("form-name"),
                text_input(&t!("wizard-name-placeholder"), &state.name)
                    .style(crate::ui::style::field)
                    .id(NAME_ID)
                    .on_input(Message::Name)
                    .on_submit(Message::Find)
                    .padding(6)
                    .into(),
            ));
            c = c.push(labelled(
                t!("form-address"),
                text_input(&t!("wizard-address-placeholder"), &state.address)
                    .style(crate::ui::style::field)
                    .id(ADDRESS_ID)
                    .on_input(Message::Address)
                    .on_submit(Message::Find)
                    .padding(6)
                    .into(),
            ));
            c = c.push(buttons(vec![
                primary(
                    t!("wizard-find"),
                    (!state.address.trim().is_empty()).then_some(Message::Find),
                ),
                secondary(t!("wizard-manual"), Message::Manual),
                secondary(t!("main-cancel"), Message::Close),
            ]));
        }
        Step::Searching => {
            c = c.push(step_title(2, t!("wizard-searching-title")));
            c = c.push(text(t!(
                "discover-searching",
                address = state.address.trim()
            )));
            let mut sources = column![].spacing(2);
            for s in Source::ALL {
                sources = sources.push(text(format!("· {}", source_label(s))).size(14));
            }
            c = c.push(sources);
            c = c.push(buttons(vec![secondary(t!("main-cancel"), Message::Cancel)]));
        }
        Step::Proposal => {
            c = c.push(step_title(2, t!("wizard-proposal-title")));
            match (&state.candidate, &state.findings) {
                (Some(candidate), Some(findings)) => {
                    // Once the person changes the server, what the source
                    // said about it no longer applies.
                    let edited = state.edited();
                    c = c.push(text(if edited {
                        t!("wizard-edited")
                    } else {
                        t!("wizard-found-at", source = source_label(candidate.source))
                    }));
                    c = c.push(labelled(
                        t!("form-host"),
                        text_input("", &state.host)
                            .style(crate::ui::style::field)
                            .id(HOST_ID)
                            .on_input(Message::Host)
                            .on_submit(Message::Accept)
                            .padding(6)
                            .into(),
                    ));
                    let choices = security_choices(never_plaintext);
                    c = c.push(
                        row![
                            text(t!("form-security")).width(Length::Fixed(200.0)),
                            pick_list(
                                choices,
                                Some(SecurityChoice(state.security)),
                                Message::Security
                            ),
                            text(t!("form-port")),
                            text_input("", &state.port)
                                .style(crate::ui::style::field)
                                .id(PORT_ID)
                                .on_input(Message::Port)
                                .on_submit(Message::Accept)
                                .padding(6)
                                .width(Length::Fixed(90.0)),
                        ]
                        .spacing(8)
                        .align_y(iced::Alignment::Center),
                    );
                    c = c.push(labelled(
                        t!("form-username"),
                        text_input("", &state.username)
                            .style(crate::ui::style::field)
                            .id(USERNAME_ID)
                            .on_input(Message::Username)
                            .on_submit(Message::Accept)
                            .padding(6)
                            .into(),
                    ));
                    if state.security == Security::Plaintext {
                        c = c.push(text(t!("warning-plaintext-account")).style(text::danger));
                    }
                    let notes = if edited {
                        Vec::new()
                    } else {
                        candidate_notes(candidate, &findings.domain)
                    };
                    for note in notes {
                        c = c.push(
                            container(text(note).size(14))
                                .padding(8)
                                .width(Length::Fill)
                                .style(container::rounded_box),
                        );
                    }
                    if candidate.outside_domain {
                        c = c.push(
                            checkbox(state.outside_confirmed)
                                .label(t!("wizard-confirm-outside", host = candidate.host.as_str()))
                                .on_toggle(Message::ConfirmOutside),
                        );
                    }
                    if let Some(name) = state.oauth_only() {
                        c = c.push(
                            text(t!("discover-error-oauth", name = name)).style(text::danger),
                        );
                    }
                }
                (_, Some(findings)) => {
                    let message = match (&findings.oauth_only, findings.refused_plaintext.first()) {
                        (Some(p), _) => t!("discover-note-oauth-only", name = p.shown_name()),
                        (None, Some(plain)) => t!(
                            "wizard-plaintext-only",
                            host = plain.host.as_str(),
                            port = plain.port
                        ),
                        (None, None) => t!("wizard-nothing", domain = findings.domain_unicode()),
                    };
                    let message = if findings.some_source_failed() {
                        format!("{message}\n{}", t!("discover-network-problem"))
                    } else {
                        message
                    };
                    c = c.push(text(message).style(text::danger));
                }
                _ => {}
            }
            if let Some(findings) = state.findings.as_ref().filter(|f| !f.outcomes.is_empty()) {
                let mut tried = column![text(t!("discover-tried")).size(14)].spacing(2);
                for (source, outcome) in &findings.outcomes {
                    tried = tried.push(
                        text(format!(
                            "· {}: {}",
                            source_label(*source),
                            outcome_label(outcome)
                        ))
                        .size(13),
                    );
                }
                c = c.push(tried);
            }
            c = c.push(buttons(vec![
                primary(
                    t!("wizard-next"),
                    state.can_accept().then_some(Message::Accept),
                ),
                secondary(t!("wizard-manual"), Message::Manual),
                secondary(t!("wizard-back"), Message::Back),
            ]));
        }
        Step::Password | Step::Testing => {
            c = c.push(step_title(3, t!("wizard-password-title")));
            c = c.push(if state.security == Security::Plaintext {
                text(t!(
                    "wizard-password-plaintext",
                    username = state.account().username,
                    host = state.host.trim(),
                    port = state.port.trim()
                ))
                .style(text::danger)
            } else {
                text(t!(
                    "wizard-password-for",
                    username = state.account().username,
                    host = state.host.trim(),
                    port = state.port.trim(),
                    security = security_label(state.security)
                ))
            });
            if let Some(candidate) = &state.candidate
                && let Some(findings) = &state.findings
                && !state.edited()
            {
                for note in candidate_notes(candidate, &findings.domain) {
                    c = c.push(text(note).size(14));
                }
            }
            c = c.push(labelled(
                t!("form-password"),
                text_input("", state.password.expose())
                    .style(crate::ui::style::field)
                    .id(PASSWORD_ID)
                    .secure(true)
                    .on_input_maybe((state.step == Step::Password).then_some(Message::Password))
                    .on_submit_maybe((state.step == Step::Password).then_some(Message::Test))
                    .padding(6)
                    .into(),
            ));
            if let Some(fp) = state
                .pinned_pem
                .as_deref()
                .and_then(crate::account::certificates)
                .and_then(|c| c.into_iter().next())
                .map(|der| crate::account::fingerprint(&der))
            {
                c = c.push(text(t!("wizard-pinned", fingerprint = fp)).size(14));
            }
            if state.step == Step::Testing {
                c = c.push(text(t!(
                    "discover-testing",
                    host = state.host.trim(),
                    port = state.port.trim()
                )));
                c = c.push(buttons(vec![secondary(t!("main-cancel"), Message::Cancel)]));
            } else {
                c = c.push(buttons(vec![
                    primary(t!("wizard-test-save"), Some(Message::Test)),
                    secondary(t!("wizard-edit-settings"), Message::Back),
                    secondary(t!("wizard-manual"), Message::Manual),
                ]));
            }
        }
        Step::Pin { fingerprint, .. } => {
            c = c.push(step_title(3, t!("wizard-pin-title")));
            c = c.push(text(t!("wizard-pin-explained", host = state.host.trim())));
            c = c.push(
                container(
                    text(fingerprint.clone())
                        .font(iced::Font::MONOSPACE)
                        .size(14),
                )
                .padding(8)
                .style(container::rounded_box),
            );
            c = c.push(text(t!("wizard-pin-not-verified")).size(14));
            c = c.push(buttons(vec![
                button(text(t!("wizard-pin")))
                    .style(button::danger)
                    .on_press(Message::Pin)
                    .into(),
                secondary(t!("wizard-edit-settings"), Message::Back),
            ]));
        }
    }
    if let Some(reason) = &state.error {
        c = c.push(text(reason.clone()).style(text::danger));
    }
    container(c)
        .padding(12)
        .width(Length::Fill)
        .style(container::rounded_box)
        .into()
}
