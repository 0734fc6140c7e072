//! The app's side of the account setup wizard and the account form:
//! discovery, signing in, and saving (keyring first, then config.toml),
//! off the UI thread.

use iced::Task;

use super::{App, Message};
use crate::account::{self, Account, AccountId};
use crate::outbox;
use crate::report::{Localize, sign_in_error};
use crate::secrets::{Keyring, Password};
use crate::smtp::SmtpError;
use crate::t;
use crate::ui::{main_window, wizard};

impl App {
    /// The wizard's message: its action run, the focus on the password
    /// when that step comes.
    pub(super) fn wizard_message(&mut self, m: wizard::Message) -> Task<Message> {
        let Some(w) = self.main.wizard_mut() else {
            return Task::none();
        };
        let before = w.step().clone();
        let action = w.update(m);
        let now = w.step().clone();
        let task = self.wizard_action(action);
        if now != before && now == wizard::Step::Password {
            task.chain(self.focus_main(wizard::PASSWORD_ID))
        } else {
            task
        }
    }

    /// The wizard's account with what discovery was told to trust (an extra
    /// CA, for tests), unless the person pinned a certificate.
    fn wizard_account(&self, mut account: Account) -> Account {
        if account.pinned_cert_pem.is_none() {
            account.extra_ca_pem = self.discoverer.extra_ca_pem.clone();
        }
        account
    }

    pub(in crate::ui) fn wizard_action(&mut self, action: wizard::Action) -> Task<Message> {
        use wizard::Action as A;
        match action {
            A::None => Task::none(),
            A::Close => {
                if let Some(h) = self.wizard_task.take() {
                    h.abort();
                }
                self.main.close_account_setup(false);
                Task::none()
            }
            A::Abort => {
                if let Some(h) = self.wizard_task.take() {
                    h.abort();
                }
                Task::none()
            }
            A::Discover(generation, address) => {
                let discoverer = self.discoverer.clone();
                let (task, handle) = Task::perform(
                    async move {
                        discoverer
                            .discover(&address)
                            .await
                            .map_err(|_| crate::report::own_address_problem(&address))
                    },
                    move |r| Message::Wizard(wizard::Message::Found(generation, r)),
                )
                .abortable();
                if let Some(old) = self.wizard_task.replace(handle) {
                    old.abort();
                }
                task
            }
            A::Test(generation, account, password) => {
                // Signed in to as it was found: through the same resolver.
                let settings = self.settings().clone();
                let env = outbox::Environment {
                    resolver: self.discoverer.resolver.clone(),
                    ..self.env.clone()
                };
                let account = self.wizard_account(*account);
                let (task, handle) = Task::perform(
                    async move {
                        outbox::test_with_password(&account, &password, &settings, &env, None)
                            .await
                            .map(|_| ())
                            .map_err(|e| {
                                let pinnable_pem = match &e {
                                    SmtpError::Certificate {
                                        problem:
                                            crate::smtp::CertProblem::UnknownIssuer
                                            | crate::smtp::CertProblem::CaAsServer,
                                        presented_pem,
                                        ..
                                    } => presented_pem.clone(),
                                    _ => None,
                                };
                                wizard::TestFailure {
                                    // No command-line advice in the window.
                                    reason: if pinnable_pem.is_some() {
                                        t!("wizard-cert-untrusted")
                                    } else {
                                        sign_in_error(&e, &account.host, None)
                                    },
                                    pinnable_pem,
                                }
                            })
                    },
                    move |r| Message::Wizard(wizard::Message::Tested(generation, r)),
                )
                .abortable();
                if let Some(old) = self.wizard_task.replace(handle) {
                    old.abort();
                }
                task
            }
            A::Save(account, password) => {
                let account = self.wizard_account(*account);
                if let Err(e) = self.config.config.allows(&account) {
                    let said = match e {
                        crate::config::PolicyError::PlaintextForbidden => {
                            t!("form-error-plaintext-forbidden")
                        }
                        e => e.localize(),
                    };
                    return Task::done(Message::AccountSaved(Err(said)));
                }
                save_password_then_account(account, password)
            }
            A::Manual(account, password) => {
                if let Some(h) = self.wizard_task.take() {
                    h.abort();
                }
                self.main.open_form(main_window::AccountForm {
                    name: account.name.clone(),
                    address: account.address.clone(),
                    host: account.host.clone(),
                    port: account.port.to_string(),
                    security: account.security,
                    username: if account.username == account.address {
                        String::new()
                    } else {
                        account.username.clone()
                    },
                    password,
                    from_wizard: true,
                    ..main_window::AccountForm::default()
                });
                // The cursor in the first field left to fill.
                let first = [
                    (main_window::FormField::Name, account.name.is_empty()),
                    (main_window::FormField::Address, account.address.is_empty()),
                ]
                .into_iter()
                .find(|(_, empty)| *empty)
                .map_or(main_window::FormField::Host, |(f, _)| f);
                self.focus_main(first.id())
            }
        }
    }

    /// Saves the account form: checks every field (reading the PEM files),
    /// signs in with it when `check` (refusing a wrong password or server,
    /// D5), stores a new password in the keyring, then the account. All of
    /// it off the UI thread; the form keeps what was typed until it works.
    pub(in crate::ui) fn save_account(&mut self, check: bool) -> Task<Message> {
        let Some(form) = self.main.form() else {
            return Task::none();
        };
        let fail = |msg: String| Task::done(Message::AccountSaved(Err(msg)));
        let existing = form
            .editing
            .as_ref()
            .and_then(|id| self.accounts().iter().find(|a| &a.id == id))
            .cloned();
        let path = |p: &str| (!p.trim().is_empty()).then(|| std::path::PathBuf::from(p.trim()));
        let input = account::AccountInput {
            id: form.editing.clone(),
            name: form.name.clone(),
            address: form.address.clone(),
            host: form.host.clone(),
            port: form.port.clone(),
            security: form.security,
            username: form.username.clone(),
            ca_file: path(&form.ca_file),
            pin_file: path(&form.pin_file),
            // Kept unless the person removed it (D20).
            ca_pem: existing
                .as_ref()
                .and_then(|a| a.extra_ca_pem.clone())
                .filter(|_| form.has_ca),
            pinned_pem: existing
                .as_ref()
                .and_then(|a| a.pinned_cert_pem.clone())
                .filter(|_| form.has_pin),
            signature: form.signature.clone(),
            bcc_self: form.bcc_self,
            identities: form.identities.clone(),
        };
        if self.config.is_damaged() {
            return fail(
                crate::config::ConfigError::KeptDamaged {
                    path: self.config.path().to_path_buf(),
                }
                .localize(),
            );
        }
        let password: Password = form.password.clone();
        if password.is_empty() && existing.is_none() {
            return fail(t!("account-error-password-required-gui"));
        }
        let config = self.config.config.clone();
        let settings = self.settings().clone();
        let env = self.env.clone();
        let ca_file = path(&form.ca_file);
        let checks = self.env.checks.clone();
        Task::perform(
            async move {
                let account = tokio::task::spawn_blocking(move || input.validate())
                    .await
                    .map_err(|e| (None, e.to_string()))?
                    .map_err(|e| (Some(field_of(&e, ca_file.as_deref())), on_screen(&e)))?;
                let given_ca = ca_file.as_deref();
                config.allows(&account).map_err(|e| (None, e.localize()))?;
                if check {
                    let signed_in = if password.is_empty() {
                        // Editing, password kept: the keyring's.
                        outbox::test_connection(&account, &settings, &env).await
                    } else {
                        outbox::test_with_password(&account, &password, &settings, &env, None).await
                    };
                    signed_in.map_err(|e| (None, sign_in_error(&e, &account.host, given_ca)))?;
                }
                // Saved without signing in, with another password, user
                // name or trust: the last check no longer says anything of
                // it, and the account shows "not checked yet" (tryout 12 saw
                // "verified" beside a wrong password).
                let unchecked = !check
                    && existing.as_ref().is_none_or(|e| {
                        !crate::checks::survives_edit(e, &account, !password.is_empty())
                    });
                if unchecked && let Some(checks) = checks {
                    let id = account.id.clone();
                    let _ = tokio::task::spawn_blocking(move || checks.forget(&id)).await;
                }
                if !password.is_empty() {
                    store_password(account.id.clone(), password)
                        .await
                        .map_err(|e| (None, e))?;
                }
                Ok(account)
            },
            |result| match result {
                // One field's problem is shown under it, the cursor there.
                Err((Some(field), reason)) => {
                    Message::Main(main_window::Message::FormProblem(field, reason))
                }
                other => Message::AccountSaved(other.map_err(|(_, reason)| reason)),
            },
        )
    }
}

/// Stores `password` in the keyring (off the UI thread), then hands the
/// account to [`Message::AccountSaved`], which writes the config: an
/// account never exists without its password.
fn save_password_then_account(account: Account, password: Password) -> Task<Message> {
    Task::perform(
        async move {
            store_password(account.id.clone(), password).await?;
            Ok(account)
        },
        Message::AccountSaved,
    )
}

/// Stores account `id`'s password in the keyring, off the async threads.
///
/// Errors: the keyring's, translated.
async fn store_password(id: AccountId, password: Password) -> Result<(), String> {
    tokio::task::spawn_blocking(move || Keyring::default().set(&id, &password))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.localize())
}

/// An input problem in the window's words: the form's labels, never the
/// command line's options (language review W17).
fn on_screen(problem: &account::InputProblem) -> String {
    match problem {
        account::InputProblem::PinAndCa => t!("form-error-pin-and-ca"),
        other => other.localize(),
    }
}

/// The form field an input problem is about.
fn field_of(
    problem: &account::InputProblem,
    ca_file: Option<&std::path::Path>,
) -> main_window::FormField {
    use account::InputProblem as P;
    use main_window::FormField as F;
    match problem {
        P::InvalidAddress(_) => F::Address,
        P::InvalidHost(_) => F::Host,
        P::InvalidPort(_) => F::Port,
        P::PinAndCa => F::PinFile,
        P::Pem(
            account::PemFileError::Unreadable { path, .. }
            | account::PemFileError::NoCertificate { path },
        ) if Some(path.as_path()) == ca_file => F::CaFile,
        P::Pem(_) => F::PinFile,
    }
}

impl App {
    /// What was seen of each server, reread from the data dir.
    pub(super) fn checks_read(
        &mut self,
        checks: std::collections::BTreeMap<AccountId, crate::checks::Check>,
    ) -> Task<Message> {
        // A check dropped meanwhile (`koperta account edit` gave another
        // password or trust): the last test's "the account works" no
        // longer holds either (tryout 13 saw it stay).
        if let Some(id) = self.main.test_report_account()
            && self.checks.contains_key(id)
            && !checks.contains_key(id)
        {
            self.main.set_test_report(None);
        }
        self.checks = checks;
        Task::none()
    }

    /// A connection test ended: a failure is the account's mark now (said
    /// once); a success adds what was seen.
    pub(super) fn tested(
        &mut self,
        id: AccountId,
        result: Result<outbox::TestReport, String>,
    ) -> Task<Message> {
        self.main.set_test_report(
            result
                .ok()
                .map(|r| (id, crate::report::connection_test(&r).join("\n"))),
        );
        self.read_checks()
    }
}
