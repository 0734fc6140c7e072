//! config.toml written from the app: off the UI thread, one change at a
//! time under the file's lock after it is read again (so what the command
//! line changed meanwhile is kept), and the app then shows what was
//! written, not what it had in memory.

use iced::Task;

use super::app::{App, Message};
use crate::account::{Account, AccountId};
use crate::config::{Config, ConfigError, SettingChange};
use crate::report::Localize;
use crate::secrets::Keyring;
use crate::t;

impl App {
    /// Reads again what was last seen of each account's server (a test or
    /// a send recorded it), off the UI thread.
    pub(super) fn read_checks(&self) -> Task<Message> {
        let checks = self.env.checks.clone();
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || checks.map(|c| c.all()).unwrap_or_default())
                    .await
                    .unwrap_or_default()
            },
            Message::ChecksRead,
        )
    }

    /// A task that applies `change` to config.toml and gives what was
    /// written (or the translated reason) to `done`. A damaged file is
    /// never written.
    pub(super) fn write_config(
        &self,
        change: impl FnOnce(&mut Config) + Send + 'static,
        done: impl Fn(Result<Config, String>) -> Message + Send + 'static,
    ) -> Task<Message> {
        let path = self.config.path().to_path_buf();
        if self.config.is_damaged() {
            return Task::done(done(Err(ConfigError::KeptDamaged { path }.localize())));
        }
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    crate::config::update(&path, change).map_err(|e| e.localize())
                })
                .await
                .unwrap_or_else(|e| Err(e.to_string()))
            },
            done,
        )
    }

    /// Changes one setting (and only it) in config.toml.
    pub(super) fn change_setting(&self, change: SettingChange) -> Task<Message> {
        self.write_config(
            move |c| change.apply(&mut c.settings),
            Message::SettingWritten,
        )
    }

    /// config.toml was written with a changed setting (or not).
    pub(super) fn setting_written(&mut self, result: Result<Config, String>) -> Task<Message> {
        match result {
            Ok(config) => {
                let language = config.settings.language;
                let changed = language != self.settings().language;
                self.config.config = config;
                if changed {
                    crate::i18n::apply(language);
                }
            }
            Err(e) => self.notice(e),
        }
        Task::none()
    }

    /// The account's password is in the keyring: now the account goes
    /// into config.toml.
    pub(super) fn write_account(&self, account: Account) -> Task<Message> {
        let saved = account.clone();
        self.write_config(
            move |c| match c.accounts.iter_mut().find(|a| a.id == saved.id) {
                Some(a) => *a = saved,
                None => c.accounts.push(saved),
            },
            move |r| Message::AccountWritten(Box::new(account.clone()), r),
        )
    }

    /// config.toml was written with the account (or not).
    pub(super) fn account_written(
        &mut self,
        account: Account,
        result: Result<Config, String>,
    ) -> Task<Message> {
        match result {
            Ok(config) => {
                self.config.config = config;
                self.main.close_account_setup(true);
                // A message written before there was any account now has one.
                for screen in self.windows.values_mut() {
                    if let super::app::Screen::Compose(c) = screen {
                        c.give_sender(&account.id);
                        c.account_edited(&account.id);
                    }
                }
                self.notice(t!("main-account-saved", address = account.address));
                self.read_checks()
            }
            Err(e) => {
                self.account_not_saved(e);
                // A new account's password was stored first: without the
                // account it must not stay.
                if self.accounts().iter().any(|a| a.id == account.id) {
                    return Task::none();
                }
                let id = account.id;
                Task::future(async move {
                    let _ =
                        tokio::task::spawn_blocking(move || Keyring::default().delete(&id)).await;
                })
                .discard()
            }
        }
    }

    /// Saving an account failed: the form, or the wizard's password step,
    /// says why and keeps what was typed.
    pub(super) fn account_not_saved(&mut self, reason: String) {
        self.main.account_not_saved(reason);
    }

    /// Removes an account: from config.toml first, then its password from
    /// the keyring (so a failed write never leaves an account without its
    /// password).
    pub(super) fn remove_account(&self, id: AccountId) -> Task<Message> {
        let gone = id.clone();
        self.write_config(
            move |c| c.accounts.retain(|a| a.id != gone),
            move |r| Message::AccountUnlisted(id.clone(), r),
        )
    }

    /// The account is out of config.toml (or could not be taken out).
    pub(super) fn account_unlisted(
        &mut self,
        id: AccountId,
        result: Result<Config, String>,
    ) -> Task<Message> {
        match result {
            Ok(config) => {
                self.config.config = config;
                self.checks.remove(&id);
                let checks = self.env.checks.clone();
                Task::perform(
                    async move {
                        tokio::task::spawn_blocking(move || {
                            if let Some(c) = checks {
                                c.forget(&id);
                            }
                            Keyring::default().delete(&id)
                        })
                        .await
                        .map_err(|e| e.to_string())
                        .and_then(|r| r.map(|_| ()).map_err(|e| e.localize()))
                    },
                    Message::AccountRemoved,
                )
            }
            Err(e) => {
                self.notice(e);
                Task::none()
            }
        }
    }

    /// The removed account's password is out of the keyring (or not).
    pub(super) fn account_removed(&mut self, result: Result<(), String>) -> Task<Message> {
        match result {
            Ok(()) => self.notice(t!("main-account-removed")),
            Err(e) => self.notice(e),
        }
        Task::none()
    }

    /// Every two seconds: whether config.toml changed on disk since it was
    /// read (a stat, off the UI thread); if so it is read again.
    pub(super) fn look_at_config(&mut self) -> Task<Message> {
        if self.config_seen.1.elapsed() < CONFIG_LOOK_EVERY {
            return Task::none();
        }
        self.config_seen.1 = std::time::Instant::now();
        let seen = self.config_seen.0;
        let path = self.config.path().to_path_buf();
        Task::future(async move {
            tokio::task::spawn_blocking(move || {
                let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                (modified != seen).then(|| {
                    let read = crate::config::load(&path).map_err(|e| e.localize());
                    Message::ConfigReread(modified, read)
                })
            })
            .await
            .ok()
            .flatten()
        })
        .and_then(Task::done)
    }

    /// [`App::look_at_config`] at once (its folder was seen to change).
    pub(super) fn look_at_config_now(&mut self) -> Task<Message> {
        let now = std::time::Instant::now();
        self.config_seen.1 = now.checked_sub(CONFIG_LOOK_EVERY).unwrap_or(now);
        self.look_at_config()
    }

    /// config.toml was read again after another process changed it.
    pub(super) fn config_reread(
        &mut self,
        modified: Option<std::time::SystemTime>,
        result: Result<Config, String>,
    ) -> Task<Message> {
        self.config_seen.0 = modified;
        // A file found damaged at start stays refused for this run
        // (config.rs): its repair is picked up at the next start.
        if self.config.is_damaged() {
            return Task::none();
        }
        match result {
            Ok(config) => {
                let language = config.settings.language;
                let changed = language != self.settings().language;
                self.config.config = config;
                self.config_error = None;
                if changed {
                    crate::i18n::apply(language);
                }
                self.read_checks()
            }
            Err(e) => {
                // Shown, and never written over: every write reads it first.
                self.config_error = Some(e);
                Task::none()
            }
        }
    }
}

/// How often the app looks whether config.toml changed on disk.
const CONFIG_LOOK_EVERY: std::time::Duration = std::time::Duration::from_secs(2);
