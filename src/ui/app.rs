//! The application: an iced daemon with one main window and any number of
//! compose windows, keyed by window id. Screens return actions; this module
//! turns them into tasks (sending, keyring, files) so no `update` blocks.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use iced::{Element, Subscription, Task, event, window};

pub use super::keyboard::Input;
use super::keyboard::decode_event;
pub use super::launch::{Launch, run, start};
use super::launch::{compose_window_settings, main_window_settings, remote_requests};

use super::{compose, main_window, wizard};
use crate::account::{self, Account, AccountId};
use crate::config::{ConfigFile, Settings};
use crate::draft::Draft;
use crate::outbox::{self, Outbox, TestReport};
use crate::paths::Paths;
use crate::report::{Localize, smtp_error};
use crate::secrets::{Keyring, Password};
use crate::smtp::SmtpError;
use crate::store::{Store, Stored};
use crate::t;

/// How often the outbox is read again from disk.
const OUTBOX_REREAD: Duration = Duration::from_secs(30);

/// The reverse-DNS application id (window `application_id`, desktop file,
/// metainfo).
pub const APP_ID: &str = "io.github.koperta.Koperta";

/// A window and what it shows.
#[derive(Debug)]
pub enum Screen {
    /// The main window.
    Main,
    /// A compose window.
    Compose(Box<compose::State>),
    /// A sent message, read-only.
    Sent(Box<super::sent_view::State>),
}

/// The whole application state.
pub struct App {
    /// Where files live.
    pub paths: Paths,
    /// config.toml.
    pub config: ConfigFile,
    /// Why config.toml could not be used, if so.
    pub config_error: Option<String>,
    /// drafts/, outbox/, sent/.
    pub store: Store,
    /// Every open window.
    pub windows: BTreeMap<window::Id, Screen>,
    /// The main window's state.
    pub main: main_window::State,
    /// The main window's id.
    pub main_id: Option<window::Id>,
    /// The outbox engine (shared with the tasks that send).
    pub engine: Outbox,
    /// What the outbox holds, as last drawn.
    pub outbox: Vec<Stored>,
    /// Saved drafts not open in a window, newest first.
    pub drafts: Vec<main_window::DraftRow>,
    /// The copies in sent/, newest first.
    pub sent: Vec<Stored>,
    /// Files that could not be read, each with its path and reason.
    pub damaged: Vec<String>,
    /// Addresses used before (for suggestions), read with the outbox.
    addresses: Vec<String>,
    /// Sends in flight.
    pub(super) sends: super::sending::Sends,
    /// When the outbox was last read from disk (another process may add to
    /// it, for example `koperta send --later`).
    outbox_read_at: Instant,
    /// The account setup wizard, when open (in the main window).
    pub wizard: Option<wizard::State>,
    /// How the wizard finds servers (tests point it at local servers).
    pub discoverer: crate::discover::Discoverer,
    /// What this run wires in (the resolver): never from config.toml.
    pub env: outbox::Environment,
    /// config.toml's modification time when it was last read, and when
    /// that was last looked at (accounts added by the command line appear
    /// without a restart, D25).
    pub config_seen: (Option<std::time::SystemTime>, Instant),
    /// Whether the desktop is in dark mode (for the "system" theme).
    pub os_dark: bool,
    /// What was last seen of each account's server (the marks say this).
    pub checks: std::collections::BTreeMap<AccountId, crate::checks::Check>,
    /// The wizard's running search or test, to cancel it.
    wizard_task: Option<iced::task::Handle>,
    /// The frame probe, for benches (see [`super::frame_probe`]).
    probe: Option<super::frame_probe::FrameProbe>,
}

/// Everything that can happen.
#[derive(Debug, Clone)]
pub enum Message {
    /// The main window.
    Main(main_window::Message),
    /// A compose window.
    Compose(window::Id, compose::Message),
    /// Keyboard and drops.
    Input(window::Id, Input),
    /// The person asked to close a window.
    CloseRequested(window::Id),
    /// A window closed.
    Closed(window::Id),
    /// Twice a second: autosave, what the outbox has due.
    Tick,
    /// A compose window's message was queued (its outbox id), or why not.
    Queued(window::Id, Result<String, String>),
    /// What the outbox engine reports.
    Outbox(outbox::Event),
    /// The outbox was read again from disk.
    OutboxReloaded,
    /// An undo in a compose window finished.
    TakenBack(window::Id, Result<(), String>),
    /// A retry from the main window was made due, or refused.
    RetryReady(Result<(), String>),
    /// The addresses used before changed on disk.
    AddressesChanged,
    /// An account's password was stored (keyring first), or why not.
    AccountSaved(Result<Account, String>),
    /// config.toml was written with that account, or why not.
    AccountWritten(Box<Account>, Result<crate::config::Config, String>),
    /// A removed account is out of config.toml, or why not.
    AccountUnlisted(AccountId, Result<crate::config::Config, String>),
    /// A removed account's keyring entry was deleted, or why not.
    AccountRemoved(Result<(), String>),
    /// config.toml was written with a changed setting, or why not.
    SettingWritten(Result<crate::config::Config, String>),
    /// A discarded draft is gone from disk (or could not be removed).
    DraftDiscarded(Result<(), String>),
    /// The desktop's light or dark mode (asked at start, then followed).
    OsTheme(iced::theme::Mode),
    /// config.toml changed on disk (another process wrote it): its time and
    /// what it now says, or why it cannot be read.
    ConfigReread(
        Option<std::time::SystemTime>,
        Result<crate::config::Config, String>,
    ),
    /// What was last seen of each account's server, read again.
    ChecksRead(std::collections::BTreeMap<AccountId, crate::checks::Check>),
    /// A connection test finished.
    Tested(AccountId, Result<TestReport, String>),
    /// The account setup wizard.
    Wizard(wizard::Message),
    /// Files chosen or dropped, copied into the draft.
    Attached(window::Id, Vec<PathBuf>, Vec<String>),
    /// The file chooser returned.
    Picked(window::Id, Vec<PathBuf>),
    /// A window was opened.
    Opened(window::Id),
    /// Another launch handed over a request (see [`crate::instance`]).
    Remote(crate::instance::Remote),
    /// An automatic draft save finished.
    DraftSaved(window::Id, Result<(), String>),
    /// A window showing a sent message.
    Sent(window::Id, super::sent_view::Message),
    /// The frame probe's tick (benches only).
    Probe,
    /// An edited failed message left the outbox (or why not).
    Withdrawn(window::Id, Result<(), String>),
}

impl App {
    /// A state for tests and tools: everything under `paths`, no window.
    pub fn headless(paths: Paths) -> App {
        let data_dir = paths.data_dir.clone();
        let config_path = paths.config_file();
        let (config, error) = ConfigFile::open(&paths.config_file());
        let store = Store::new(&paths.data_dir);
        // Damaged sidecars are kept as they are; the outbox lists the rest.
        let (engine, _) = Outbox::open(&store);
        let mut app = App {
            engine,
            paths,
            config,
            config_error: error.map(|e| e.localize()),
            store,
            windows: BTreeMap::new(),
            main: main_window::State::default(),
            main_id: None,
            outbox: Vec::new(),
            drafts: Vec::new(),
            sent: Vec::new(),
            damaged: Vec::new(),
            addresses: Vec::new(),
            sends: super::sending::Sends::default(),
            outbox_read_at: Instant::now(),
            wizard: None,
            discoverer: crate::discover::Discoverer::default(),
            env: outbox::Environment::recording(&data_dir),
            checks: crate::checks::Checks::new(&data_dir).all(),
            os_dark: false,
            config_seen: (
                std::fs::metadata(&config_path)
                    .and_then(|m| m.modified())
                    .ok(),
                Instant::now(),
            ),
            wizard_task: None,
            probe: super::frame_probe::FrameProbe::from_env(),
        };
        app.refresh();
        app
    }

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

    /// The settings as config.toml last said.
    pub fn settings(&self) -> &Settings {
        &self.config.config.settings
    }

    /// The accounts as config.toml last said.
    pub fn accounts(&self) -> &[Account] {
        &self.config.config.accounts
    }

    /// Re-reads the outbox and the drafts (those open in a window marked
    /// so: a list saying "no drafts" while one is open alarmed a tryout).
    pub fn refresh(&mut self) {
        self.outbox = self.engine.entries();
        self.addresses = self.store.addresses();
        let open: Vec<String> = self
            .windows
            .values()
            .filter_map(|s| match s {
                Screen::Compose(c) => Some(c.draft_id.clone()),
                _ => None,
            })
            .collect();
        let in_outbox: Vec<String> = self
            .outbox
            .iter()
            .filter_map(|m| m.sidecar.draft.clone())
            .collect();
        // A draft whose message waits in the outbox is listed too (D11):
        // after a crash, what was typed last is there to open.
        let (drafts, bad_drafts) = self.store.drafts();
        let mut rows: Vec<main_window::DraftRow> = drafts
            .into_iter()
            .map(|(id, d)| main_window::DraftRow {
                open: open.contains(&id),
                saved_at: self.store.draft_saved_at(&id),
                queued: in_outbox.contains(&id),
                to: [d.to.trim(), d.cc.trim(), d.bcc.trim()]
                    .into_iter()
                    .filter(|f| !f.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                subject: d.subject,
                id,
            })
            .collect();
        rows.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then(a.id.cmp(&b.id)));
        self.drafts = rows;
        let (mut sent, bad_sent) = self.store.sent();
        let sent_at = |m: &Stored| match m.sidecar.state {
            crate::outbox::State::Sent { at } => at,
            _ => m.sidecar.queued_at,
        };
        sent.sort_by(|a, b| sent_at(b).cmp(&sent_at(a)).then(a.id.cmp(&b.id)));
        self.sent = sent;
        // Damaged files are shown with their path and reason, never left
        // out in silence.
        self.damaged = bad_drafts
            .iter()
            .chain(bad_sent.iter())
            .map(|e| e.localize())
            .collect();
    }

    pub(super) fn notice(&mut self, text: String) {
        self.main.notice = Some(text);
        self.main.notice_at = Some(Instant::now());
    }

    /// Opens a compose window on draft `id` (a new one when `None`).
    pub fn open_compose(&mut self, draft: Option<(String, Draft)>) -> Task<Message> {
        let (draft_id, mut draft) = draft.unwrap_or_else(|| {
            let account = self.accounts().first().map(|a| a.id.clone());
            let body = self
                .signature_of(account.as_ref())
                .map(|s| crate::draft::signature_block(&s))
                .unwrap_or_default();
            (
                crate::store::new_id(),
                Draft {
                    account,
                    body,
                    ..Draft::default()
                },
            )
        });
        // A draft from before the signature was shown in the text: it goes
        // into the text now, where it can be seen and changed (D8).
        if draft.signature {
            if let Some(s) = self.signature_of(draft.account.as_ref()) {
                draft.body.push_str(&crate::draft::signature_block(&s));
            }
            draft.signature = false;
        }
        let (id, open) = window::open(compose_window_settings());
        self.windows.insert(
            id,
            Screen::Compose(Box::new(compose::State::new(draft_id, draft))),
        );
        self.refresh();
        // The cursor starts in To.
        open.map(Message::Opened)
            .chain(compose::focus_field(id, "to"))
    }

    /// A desktop notification naming `subject` (when the setting allows),
    /// shown off the UI thread; a desktop without a notification service
    /// simply shows nothing.
    pub(super) fn notify(&self, summary: String, subject: &str) -> Task<Message> {
        if !self.settings().notifications {
            return Task::none();
        }
        let body = if subject.trim().is_empty() {
            t!("main-no-subject")
        } else {
            subject.trim().to_string()
        };
        Task::future(async move {
            let _ = tokio::task::spawn_blocking(move || {
                notify_rust::Notification::new()
                    .appname("Koperta")
                    .summary(&summary)
                    .body(&body)
                    .icon(APP_ID)
                    .show()
                    .map(|_| ())
            })
            .await;
        })
        .discard()
    }

    /// Runs file work `work` on a blocking thread (never in `update`) and
    /// gives its translated result to `done`.
    fn files_task(
        &self,
        work: impl FnOnce() -> Result<(), String> + Send + 'static,
        done: fn(Result<(), String>) -> Message,
    ) -> Task<Message> {
        Task::perform(
            async move {
                tokio::task::spawn_blocking(work)
                    .await
                    .unwrap_or_else(|e| Err(e.to_string()))
            },
            done,
        )
    }

    /// The signature of `account`, when it has one.
    fn signature_of(&self, account: Option<&AccountId>) -> Option<String> {
        self.accounts()
            .iter()
            .find(|a| Some(&a.id) == account)
            .map(|a| a.signature.clone())
            .filter(|s| !s.trim().is_empty())
    }

    /// Focuses the control `target` of the main window (its other
    /// controls lose the focus; compose windows keep theirs).
    pub(super) fn focus_main(&self, target: impl Into<iced::widget::Id>) -> Task<Message> {
        match self.main_id {
            Some(main) => super::focus::focus_in(super::focus::root(main), target.into()),
            None => Task::none(),
        }
    }

    /// Opens sent message `sent_id` read-only (or brings its window
    /// forward); its file is read off the UI thread.
    fn open_sent(&mut self, sent_id: &str) -> Task<Message> {
        let open = self.windows.iter().find_map(|(wid, s)| match s {
            Screen::Sent(v) if v.id() == sent_id => Some(*wid),
            _ => None,
        });
        if let Some(wid) = open {
            return window::gain_focus(wid);
        }
        let Some(stored) = self.sent.iter().find(|m| m.id == sent_id).cloned() else {
            return Task::none();
        };
        let (id, open) = window::open(compose_window_settings());
        let load = super::sent_view::load(&stored).map(move |m| Message::Sent(id, m));
        self.windows.insert(
            id,
            Screen::Sent(Box::new(super::sent_view::State::new(stored))),
        );
        open.map(Message::Opened).chain(load)
    }

    /// Brings the main window forward, opening it again if it was closed.
    pub fn show_main(&mut self) -> Task<Message> {
        match self.main_id {
            Some(id) => window::gain_focus(id),
            None => {
                let (id, open) = window::open(main_window_settings());
                self.main_id = Some(id);
                self.windows.insert(id, Screen::Main);
                open.map(Message::Opened)
            }
        }
    }

    /// Opens a compose window filled from a `mailto:` URI (RFC 6068). An
    /// `attach=` field is ignored and the window says so; a malformed URI
    /// gives an empty window that says why. Nothing is sent until the
    /// person presses Send.
    pub fn open_mailto(&mut self, uri: &str) -> Task<Message> {
        let account = self.accounts().first().map(|a| a.id.clone());
        let (draft, notice) = match crate::mailto::parse(uri) {
            Ok(m) => {
                let notice =
                    (!m.ignored_attachments.is_empty()).then(|| t!("mailto-attach-ignored"));
                (
                    Draft {
                        account,
                        to: m.to,
                        cc: m.cc,
                        bcc: m.bcc,
                        subject: m.subject,
                        body: m.body,
                        // The account's signature under the given text.
                        signature: true,
                        in_reply_to: m.in_reply_to,
                        ..Draft::default()
                    },
                    notice,
                )
            }
            Err(_) => (
                Draft {
                    account,
                    ..Draft::default()
                },
                Some(t!("mailto-malformed")),
            ),
        };
        let draft_id = crate::store::new_id();
        let task = self.open_compose(Some((draft_id.clone(), draft)));
        let mut opened = None;
        for (wid, screen) in self.windows.iter_mut() {
            if let Screen::Compose(c) = screen
                && c.draft_id == draft_id
            {
                c.notice = notice.clone();
                c.unsent_changes = true;
                opened = Some(*wid);
            }
        }
        // Kept as a draft at once, like anything typed.
        match opened {
            Some(wid) => Task::batch([task, self.save_draft(wid)]),
            None => task,
        }
    }

    /// The window title: the app, or the message's subject.
    pub fn title(&self, id: window::Id) -> String {
        match self.windows.get(&id) {
            Some(Screen::Compose(c)) if !c.draft.subject.trim().is_empty() => {
                format!("{} — Koperta", c.draft.subject.trim())
            }
            Some(Screen::Compose(_)) => format!("{} — Koperta", t!("compose-new-title")),
            Some(Screen::Sent(s)) => {
                format!("{} — Koperta", main_window::subject_or_none(s.subject()))
            }
            _ => "Koperta".to_string(),
        }
    }

    /// Koperta's own light or dark theme: the setting, or the desktop's
    /// when it says "system" (light until the desktop answers, so the first
    /// window never waits for it).
    pub fn theme(&self, _id: window::Id) -> Option<iced::Theme> {
        let dark = match self.settings().theme {
            crate::config::Theme::System => self.os_dark,
            crate::config::Theme::Light => false,
            crate::config::Theme::Dark => true,
        };
        Some(super::style::theme(dark))
    }

    /// Keyboard, drops, close requests and the one-second tick.
    pub fn subscription(&self) -> Subscription<Message> {
        Subscription::batch([
            event::listen_with(decode_event),
            window::close_requests().map(Message::CloseRequested),
            window::close_events().map(Message::Closed),
            Subscription::run(remote_requests),
            iced::time::every(Duration::from_millis(500)).map(|_| Message::Tick),
            super::launch::os_theme(),
            match self.probe {
                Some(_) => iced::time::every(super::frame_probe::PERIOD).map(|_| Message::Probe),
                None => Subscription::none(),
            },
        ])
    }

    /// Draws window `id`.
    pub fn view(&self, id: window::Id) -> Element<'_, Message> {
        // The root scopes focus to this window and moves it on Tab.
        super::focus::scope(id, self.window_view(id)).into()
    }

    fn window_view(&self, id: window::Id) -> Element<'_, Message> {
        match self.windows.get(&id) {
            Some(Screen::Sent(state)) => {
                super::sent_view::view(state).map(move |m| Message::Sent(id, m))
            }
            Some(Screen::Compose(state)) => {
                let suggestions = self.suggestions(&state.draft.to);
                // The SIZE last seen of the chosen account's server (a
                // check of another server says nothing).
                let size_limit = state.draft.account.as_ref().and_then(|a| {
                    let account = self.accounts().iter().find(|x| &x.id == a)?;
                    let check = self.checks.get(a)?;
                    (check.server == crate::checks::server_of(account))
                        .then_some(check.size_limit)
                        .flatten()
                });
                compose::view(state, id, self.accounts(), suggestions, size_limit)
                    .map(move |m| Message::Compose(id, m))
            }
            _ if self.wizard.is_some() => {
                let never_plaintext = self.settings().never_plaintext;
                match &self.wizard {
                    Some(w) => iced::widget::container(iced::widget::scrollable(
                        wizard::view(w, never_plaintext).map(Message::Wizard),
                    ))
                    .padding(14)
                    .into(),
                    None => iced::widget::text("").into(),
                }
            }
            _ => main_window::view(
                &self.main,
                main_window::Shown {
                    settings: self.settings(),
                    accounts: self.accounts(),
                    outbox: &self.outbox,
                    drafts: &self.drafts,
                    sent: &self.sent,
                    damaged: &self.damaged,
                    config_error: self.config_error.as_deref(),
                    checks: &self.checks,
                },
            )
            .map(Message::Main),
        }
    }

    fn suggestions(&self, to: &str) -> Vec<String> {
        let typed = to
            .rsplit([',', ';'])
            .next()
            .unwrap_or("")
            .trim()
            .to_lowercase();
        if typed.len() < 2 {
            return Vec::new();
        }
        self.addresses
            .iter()
            .filter(|a| a.to_lowercase().starts_with(&typed) && a.to_lowercase() != typed)
            .take(5)
            .cloned()
            .collect()
    }

    /// Handles `message`. Never blocks: slow work becomes a task.
    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            // At first start the focus is on "Add account", so Enter
            // begins; a window opened later keeps what it focuses itself.
            Message::Opened(id) if Some(id) == self.main_id && self.accounts().is_empty() => {
                self.focus_main(main_window::ADD_ACCOUNT_ID)
            }
            Message::Opened(_) => Task::none(),
            // A request the other launch already gave up on (it said "not
            // responding") is dropped.
            Message::Remote(remote) if !remote.take() => Task::none(),
            Message::Remote(remote) => match &remote.request {
                crate::instance::Request::Open => self.show_main(),
                crate::instance::Request::Mailto(uri) => self.open_mailto(uri),
            },
            Message::DraftSaved(id, result) => {
                if let (Err(e), Some(Screen::Compose(c))) = (result, self.windows.get_mut(&id)) {
                    c.dirty = true;
                    c.unsaved_since.get_or_insert_with(Instant::now);
                    c.notice = Some(e);
                }
                Task::none()
            }
            Message::Wizard(m) => {
                let Some(w) = &mut self.wizard else {
                    return Task::none();
                };
                let before = w.step.clone();
                let action = w.update(m);
                let now = w.step.clone();
                let task = self.wizard_action(action);
                if now != before && now == wizard::Step::Password {
                    task.chain(self.focus_main(wizard::PASSWORD_ID))
                } else {
                    task
                }
            }
            Message::Main(m) => {
                let asked = self.main.confirm.is_some();
                let action = self
                    .main
                    .update(m, &self.config.config.accounts, &self.outbox);
                let task = self.main_action(action);
                // A question just asked has the focus on its answer (Esc
                // says no).
                if !asked && self.main.confirm.is_some() {
                    task.chain(self.focus_main(main_window::CONFIRM_NO_ID))
                } else {
                    task
                }
            }
            Message::Compose(id, m) => {
                let Some(Screen::Compose(state)) = self.windows.get_mut(&id) else {
                    return Task::none();
                };
                let action = state.update(m);
                self.compose_action(id, action)
            }
            Message::Input(id, input) => self.input(id, input),
            Message::CloseRequested(id) => match self.windows.get_mut(&id) {
                Some(Screen::Compose(c)) if c.unsent_changes => {
                    c.asking_close = true;
                    // The focus on "Keep", the answer that loses nothing.
                    compose::focus_field(id, "close-keep")
                }
                Some(Screen::Compose(c)) => {
                    // Only a new, empty draft goes away with its window: a
                    // reopened draft, and one whose message the outbox
                    // holds, are kept.
                    let queued = c
                        .outbox_id
                        .as_ref()
                        .and_then(|o| self.engine.get(o))
                        .or_else(|| self.engine.by_draft(&c.draft_id));
                    if let Some(m) = queued {
                        // Not "keep as draft?": it waits in the outbox (D16).
                        let subject = if m.sidecar.subject.trim().is_empty() {
                            t!("main-no-subject")
                        } else {
                            crate::report::safe_line(&m.sidecar.subject)
                        };
                        use crate::outbox::State as S;
                        let by_itself = match m.sidecar.state {
                            S::Held { .. } | S::Scheduled { .. } | S::Due | S::Sending { .. } => {
                                true
                            }
                            S::Failed => m.sidecar.next_try.is_some(),
                            S::MaybeSent | S::Sent { .. } => false,
                        };
                        self.notice(if by_itself {
                            t!("main-closed-queued", subject = subject)
                        } else {
                            t!("main-closed-waiting", subject = subject)
                        });
                        return window::close(id);
                    }
                    if c.draft.is_blank() {
                        let (store, draft) = (self.store.clone(), c.draft_id.clone());
                        return Task::future(async move {
                            let _ = tokio::task::spawn_blocking(move || store.delete_draft(&draft))
                                .await;
                        })
                        .discard()
                        .chain(window::close(id));
                    }
                    // Unchanged and already saved: kept, and the person is
                    // told where (D1).
                    let subject = if c.draft.subject.trim().is_empty() {
                        t!("main-no-subject")
                    } else {
                        crate::report::safe_line(&c.draft.subject)
                    };
                    self.notice(t!("main-closed-draft-kept", subject = subject));
                    window::close(id)
                }
                // A half-filled account form is not thrown away unasked.
                Some(Screen::Main)
                    if self.main.confirm.is_none()
                        && self.main.form.as_ref().is_some_and(|f| f.has_typing()) =>
                {
                    self.main.confirm = Some(main_window::Confirm::CloseWithForm);
                    self.focus_main(main_window::CONFIRM_NO_ID)
                }
                _ => window::close(id),
            },
            Message::Closed(id) => {
                self.windows.remove(&id);
                if Some(id) == self.main_id {
                    self.main_id = None;
                }
                self.refresh();
                if self.windows.is_empty() {
                    iced::exit()
                } else {
                    Task::none()
                }
            }
            Message::Tick => self.tick(),
            Message::Withdrawn(id, r) => self.withdrawn(id, r),
            Message::Probe => {
                if let Some(p) = &mut self.probe {
                    p.tick();
                }
                Task::none()
            }
            Message::Sent(id, m) => {
                let Some(Screen::Sent(state)) = self.windows.get_mut(&id) else {
                    return Task::none();
                };
                match state.update(m) {
                    super::sent_view::Action::None => Task::none(),
                    super::sent_view::Action::Close => window::close(id),
                }
            }
            Message::Queued(id, result) => self.queued(id, result),
            Message::Outbox(event) => self.outbox_event(event),
            Message::TakenBack(id, result) => self.taken_back(id, result),
            Message::RetryReady(result) => self.retry_ready(result),
            Message::OutboxReloaded => {
                self.refresh();
                self.run_due()
            }
            Message::AddressesChanged => {
                self.addresses = self.store.addresses();
                Task::none()
            }
            Message::AccountSaved(result) => match result {
                Ok(account) => self.write_account(account),
                Err(e) => {
                    self.account_not_saved(e);
                    Task::none()
                }
            },
            Message::AccountWritten(account, result) => self.account_written(*account, result),
            Message::AccountUnlisted(id, result) => self.account_unlisted(id, result),
            Message::AccountRemoved(result) => self.account_removed(result),
            Message::SettingWritten(result) => self.setting_written(result),
            Message::ConfigReread(modified, result) => self.config_reread(modified, result),
            Message::DraftDiscarded(result) => {
                if let Err(e) = result {
                    self.notice(e);
                }
                self.refresh();
                Task::none()
            }
            Message::OsTheme(mode) => {
                self.os_dark = mode == iced::theme::Mode::Dark;
                Task::none()
            }
            Message::ChecksRead(checks) => {
                self.checks = checks;
                Task::none()
            }
            Message::Tested(id, result) => {
                // A failure is the account's mark now (said once); a success
                // adds what was seen.
                self.main.test_report = result
                    .ok()
                    .map(|r| (id, crate::report::connection_test(&r).join("\n")));
                self.read_checks()
            }
            Message::Picked(id, paths) => self.attach(id, paths),
            Message::Attached(id, copies, errors) => {
                let Some(Screen::Compose(c)) = self.windows.get_mut(&id) else {
                    return Task::none();
                };
                let any = !copies.is_empty();
                if any {
                    c.attached(copies);
                }
                // A typed path that failed stays, to be corrected (D26).
                if errors.is_empty() {
                    c.attach_path.clear();
                    c.notice = None;
                } else {
                    c.notice = Some(errors.join("\n"));
                }
                // The cursor stays in the path field for the next file.
                let attach = compose::FOCUS_ORDER.iter().position(|f| *f == "attach");
                let refocus = if c.focus.is_some() && c.focus == attach {
                    compose::focus_field(id, "attach")
                } else {
                    Task::none()
                };
                // Saved at once: the draft now names the copies.
                let save = if any {
                    self.save_draft(id)
                } else {
                    Task::none()
                };
                Task::batch([refocus, save])
            }
        }
    }

    pub(super) fn attach(&mut self, id: window::Id, paths: Vec<PathBuf>) -> Task<Message> {
        let Some(Screen::Compose(c)) = self.windows.get(&id) else {
            return Task::none();
        };
        let store = self.store.clone();
        let draft_id = c.draft_id.clone();
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    let mut copies = Vec::new();
                    let mut errors = Vec::new();
                    for p in paths {
                        match store.attach_copy(&draft_id, &p) {
                            Ok(copy) => copies.push(copy),
                            Err(e) => errors.push(t!(
                                "draft-error-unreadable-attachment",
                                path = p.display().to_string(),
                                reason = match e {
                                    crate::store::StoreError::Io { source, .. } =>
                                        crate::report::io_error(&source),
                                    crate::store::StoreError::NotAFile { .. } =>
                                        t!("attach-error-not-a-file"),
                                    crate::store::StoreError::TooLarge { size, limit, .. } => t!(
                                        "attach-error-too-large",
                                        size = crate::report::human_size(size),
                                        limit = crate::report::human_size(limit)
                                    ),
                                    other => other.to_string(),
                                }
                            )),
                        }
                    }
                    (copies, errors)
                })
                .await
                .unwrap_or_default()
            },
            move |(copies, errors)| Message::Attached(id, copies, errors),
        )
    }

    fn main_action(&mut self, action: main_window::Action) -> Task<Message> {
        use main_window::Action as A;
        match action {
            A::None => Task::none(),
            A::Compose(None) => self.open_compose(None),
            A::Compose(Some(draft_id)) => {
                // Open already: that window comes forward (never two
                // windows editing one draft).
                let open = self.windows.iter().find_map(|(w, s)| match s {
                    Screen::Compose(c) if c.draft_id == draft_id => Some(*w),
                    _ => None,
                });
                if let Some(w) = open {
                    return window::gain_focus(w);
                }
                let draft = self
                    .store
                    .drafts()
                    .0
                    .into_iter()
                    .find(|(id, _)| *id == draft_id);
                match draft {
                    Some(d) => self.open_compose(Some(d)),
                    None => Task::none(),
                }
            }
            A::SaveAccount { check } => self.save_account(check),
            A::Focus(target) => self.focus_main(target),
            A::CloseWindow => match self.main_id {
                Some(id) => window::close(id),
                None => Task::none(),
            },
            A::OpenSent(sent_id) => self.open_sent(&sent_id),
            A::Wizard => {
                self.main.form = None;
                self.wizard = Some(wizard::State::default());
                self.focus_main(wizard::NAME_ID)
            }
            A::RemoveAccount(id) => self.remove_account(id),
            A::TestAccount(id) => {
                let Some(account) = self.accounts().iter().find(|a| a.id == id).cloned() else {
                    return Task::none();
                };
                let settings = self.settings().clone();
                let env = self.env.clone();
                Task::perform(
                    async move {
                        outbox::test_connection(&account, &settings, &env)
                            .await
                            .map_err(|e| smtp_error(&e, &account.host))
                    },
                    move |r| Message::Tested(id.clone(), r),
                )
            }
            A::ChangeSetting(change) => self.change_setting(change),
            A::Retry(id) => self.retry(id),
            // Off the UI thread: the outbox entry, then its draft.
            A::Delete(id) => {
                let (engine, store) = (self.engine.clone(), self.store.clone());
                self.files_task(
                    move || {
                        if let Some(draft) = engine.remove(&id).map_err(|e| e.localize())? {
                            let _ = store.delete_draft(&draft);
                        }
                        Ok(())
                    },
                    Message::DraftDiscarded,
                )
            }
            A::DiscardDraft(id) => {
                let store = self.store.clone();
                self.files_task(
                    move || store.delete_draft(&id).map_err(|e| e.localize()),
                    Message::DraftDiscarded,
                )
            }
            A::RetryAll => {
                // Not one that may have been sent: each of those asks.
                let ids: Vec<String> = self
                    .outbox
                    .iter()
                    .filter(|m| {
                        m.sidecar.state == crate::outbox::State::Failed
                            && m.sidecar
                                .failure
                                .as_ref()
                                .is_none_or(|f| f.class() != crate::outbox::Class::Permanent)
                    })
                    .map(|m| m.id.clone())
                    .collect();
                Task::batch(ids.into_iter().map(|id| self.retry(id)))
            }
            A::Edit(id) => {
                let Some(m) = self.outbox.iter().find(|m| m.id == id).cloned() else {
                    return Task::none();
                };
                let Some(draft_id) = m.sidecar.draft.clone() else {
                    return Task::none();
                };
                // Already open in a window: bring that one forward rather
                // than editing the same draft in two.
                let open = self.windows.iter().find_map(|(wid, screen)| match screen {
                    Screen::Compose(c) if c.draft_id == draft_id => Some(*wid),
                    _ => None,
                });
                if let Some(wid) = open {
                    return window::gain_focus(wid);
                }
                let draft = self
                    .store
                    .drafts()
                    .0
                    .into_iter()
                    .find(|(d, _)| *d == draft_id);
                // A message that may have been sent stays in the outbox: the
                // window asks before sending it again. Any other is taken
                // out while it is edited, so the outbox cannot send the old
                // version meanwhile.
                let maybe_sent = m.sidecar.state == crate::outbox::State::MaybeSent;
                if !maybe_sent && let Err(e) = self.engine.remove(&id) {
                    self.notice(e.localize());
                    return Task::none();
                }
                let Some(d) = draft else {
                    return Task::none();
                };
                let task = self.open_compose(Some(d));
                if maybe_sent {
                    for screen in self.windows.values_mut() {
                        if let Screen::Compose(c) = screen
                            && c.draft_id == draft_id
                        {
                            c.outbox_id = Some(id.clone());
                        }
                    }
                }
                task
            }
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

    fn wizard_action(&mut self, action: wizard::Action) -> Task<Message> {
        use wizard::Action as A;
        match action {
            A::None => Task::none(),
            A::Close => {
                if let Some(h) = self.wizard_task.take() {
                    h.abort();
                }
                self.wizard = None;
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
                            .map_err(|_| t!("account-error-invalid-address", address = address))
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
                                        smtp_error(&e, &account.host)
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
                    return Task::done(Message::AccountSaved(Err(e.localize())));
                }
                save_password_then_account(account, password)
            }
            A::Manual(account, password) => {
                if let Some(h) = self.wizard_task.take() {
                    h.abort();
                }
                self.wizard = None;
                self.main.form = Some(main_window::AccountForm {
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
    fn save_account(&mut self, check: bool) -> Task<Message> {
        let Some(form) = &self.main.form else {
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
            ca_pem: existing.as_ref().and_then(|a| a.extra_ca_pem.clone()),
            pinned_pem: existing.as_ref().and_then(|a| a.pinned_cert_pem.clone()),
            signature: form.signature.clone(),
            bcc_self: form.bcc_self,
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
        Task::perform(
            async move {
                let account = tokio::task::spawn_blocking(move || input.validate())
                    .await
                    .map_err(|e| e.to_string())?
                    .map_err(|e| e.localize())?;
                config.allows(&account).map_err(|e| e.localize())?;
                if check {
                    let signed_in = if password.is_empty() {
                        // Editing, password kept: the keyring's.
                        outbox::test_connection(&account, &settings, &env).await
                    } else {
                        outbox::test_with_password(&account, &password, &settings, &env, None).await
                    };
                    signed_in.map_err(|e| smtp_error(&e, &account.host))?;
                }
                if !password.is_empty() {
                    store_password(account.id.clone(), password).await?;
                }
                Ok(account)
            },
            Message::AccountSaved,
        )
    }

    fn compose_action(&mut self, id: window::Id, action: compose::Action) -> Task<Message> {
        use compose::Action as A;
        match action {
            A::None => Task::none(),
            A::Save => self.save_draft(id),
            A::PickFiles => Task::perform(
                async {
                    rfd::AsyncFileDialog::new()
                        .pick_files()
                        .await
                        .map(|files| files.into_iter().map(|f| f.path().to_path_buf()).collect())
                        .unwrap_or_default()
                },
                move |paths| Message::Picked(id, paths),
            ),
            A::Attach(paths) => self.attach(id, paths),
            A::CloseKeep => self.save_draft(id).chain(window::close(id)),
            A::CloseDiscard => {
                let Some(Screen::Compose(c)) = self.windows.get(&id) else {
                    return window::close(id);
                };
                let (store, draft) = (self.store.clone(), c.draft_id.clone());
                self.files_task(
                    move || store.delete_draft(&draft).map_err(|e| e.localize()),
                    Message::DraftDiscarded,
                )
                .chain(window::close(id))
            }
            A::Send => self.send(id),
            A::Undo => self.undo(id),
            A::Withdraw => self.withdraw(id),
            A::CancelSend(outbox_id) => {
                self.engine.cancel(&outbox_id);
                Task::none()
            }
            A::FromChanged(old) => {
                let (old, new) = match self.windows.get(&id) {
                    Some(Screen::Compose(c)) => (
                        self.signature_of(old.as_ref()).unwrap_or_default(),
                        self.signature_of(c.draft.account.as_ref())
                            .unwrap_or_default(),
                    ),
                    _ => return Task::none(),
                };
                if let Some(Screen::Compose(c)) = self.windows.get_mut(&id)
                    && let Some(body) = crate::draft::swap_signature(&c.draft.body, &old, &new)
                {
                    c.set_body(body);
                }
                Task::none()
            }
            A::Focus(field) => {
                if let Some(Screen::Compose(c)) = self.windows.get_mut(&id) {
                    c.focus = compose::FOCUS_ORDER.iter().position(|f| *f == field);
                }
                compose::focus_field(id, field)
            }
            A::AddAccount => {
                self.main.form = None;
                if self.wizard.is_none() {
                    self.wizard = Some(wizard::State::default());
                }
                self.show_main().chain(self.focus_main(wizard::NAME_ID))
            }
        }
    }

    /// Saves the draft of compose window `id` now.
    /// Saves compose window `id`'s draft off the UI thread; a failure
    /// marks it unsaved again and says why in the window.
    pub fn save_draft(&mut self, id: window::Id) -> Task<Message> {
        let Some(Screen::Compose(c)) = self.windows.get_mut(&id) else {
            return Task::none();
        };
        c.dirty = false;
        c.unsaved_since = None;
        let (store, draft_id, draft) = (self.store.clone(), c.draft_id.clone(), c.draft.clone());
        // Copies of removed attachments go once the draft no longer names
        // them (D26); one attached in the last seconds may not be named
        // yet, so only older ones.
        let before = std::time::SystemTime::now()
            .checked_sub(PRUNE_AFTER)
            .unwrap_or(std::time::UNIX_EPOCH);
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    store
                        .save_draft(&draft_id, &draft)
                        .map(|()| {
                            store.prune_attachments(&draft_id, &draft.attachments, before);
                        })
                        .map_err(|e| e.localize())
                })
                .await
                .unwrap_or_else(|e| Err(e.to_string()))
            },
            move |r| Message::DraftSaved(id, r),
        )
    }

    fn tick(&mut self) -> Task<Message> {
        // A status message is a toast: it clears itself (D13).
        if self.main.notice_at.is_some_and(|t| t.elapsed() > TOAST_FOR) {
            self.main.notice = None;
            self.main.notice_at = None;
        }
        // Autosave: at most a second of typing at risk, even while typing
        // goes on (saved once the first unsaved edit is half a second old;
        // the tick comes every half second).
        let due: Vec<window::Id> = self
            .windows
            .iter()
            .filter_map(|(id, s)| match s {
                Screen::Compose(c)
                    if c.dirty
                        && c.unsaved_since
                            .is_some_and(|t| t.elapsed() >= AUTOSAVE_AFTER) =>
                {
                    Some(*id)
                }
                _ => None,
            })
            .collect();
        let saves: Vec<Task<Message>> = due.into_iter().map(|id| self.save_draft(id)).collect();
        let config = self.look_at_config();
        // Another process may have queued or sent messages: the outbox is
        // read again now and then, off the UI thread.
        let reload = if self.outbox_read_at.elapsed() > OUTBOX_REREAD {
            self.outbox_read_at = Instant::now();
            let engine = self.engine.clone();
            Task::perform(
                async move {
                    let _ = tokio::task::spawn_blocking(move || engine.reload()).await;
                },
                |()| Message::OutboxReloaded,
            )
        } else {
            Task::none()
        };
        let sends = self.run_due();
        Task::batch(saves.into_iter().chain([reload, sends, config]))
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

/// How old a copy in a draft's attachment folder must be before a save
/// that does not name it deletes it.
const PRUNE_AFTER: Duration = Duration::from_secs(10);

/// How long a status message stays in the main window.
const TOAST_FOR: Duration = Duration::from_secs(8);

/// How old the first unsaved edit of a draft may get before it is saved.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(500);
