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
use super::launch::{main_window_settings, remote_requests};
use compose_io::SaveKind;

use super::{compose, main_window, wizard};
use crate::account::{Account, AccountId};
use crate::config::{ConfigFile, Settings};
use crate::draft::Draft;
use crate::outbox::{self, Outbox, TestReport};
use crate::paths::Paths;
use crate::report::Localize;
use crate::store::{Store, Stored};
use crate::t;

mod account_io;
mod clock;
mod compose_io;
mod main_io;
mod spell_io;

/// How often the outbox is read again from disk (another process may have
/// queued, sent or removed messages: tryout 12 saw the Outbox's count a
/// dozen seconds stale after the command line sent its message). A few
/// small files; once per idle tick.
pub(super) const OUTBOX_REREAD: Duration = Duration::from_secs(5);

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
    /// Ctrl+Q was pressed and a compose window is asking whether to keep
    /// its draft: once the others have closed, so does the main window.
    pub quitting: bool,
    /// A termination signal came: the drafts are being saved before the
    /// end.
    pub terminating: bool,
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
    pub(super) addresses: Vec<String>,
    /// The address book (for suggestions), read with the index.
    pub(super) contacts: crate::contacts::Contacts,
    /// The address book as the Contacts view lists it (by name).
    pub contact_list: Vec<crate::contacts::Contact>,
    /// Sends in flight.
    pub(super) sends: super::sending::Sends,
    /// When the outbox was last read from disk (another process may add to
    /// it, for example `koperta send --later`).
    outbox_read_at: Instant,
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
    /// The windows' sizes, kept between runs.
    pub(super) geometry: super::geometry::Geometry,
    /// The frame probe, for benches (see [`super::frame_probe`]).
    probe: Option<super::frame_probe::FrameProbe>,
    /// When the drafts discarded so far lose their Undo and are removed
    /// for good.
    purge_due: Option<Instant>,
    /// The last index asked for (see [`super::index`]).
    /// Each compose window's lock on its draft (see
    /// [`crate::store::Store::hold_draft`]), released when it closes.
    pub(super) draft_holds:
        std::collections::HashMap<window::Id, (String, std::sync::Arc<std::fs::File>)>,
    pub(super) index_asked: u64,
    /// The index the lists show.
    pub(super) index_shown: u64,
    /// The dictionaries and the person's own words.
    spelling: spell_io::Spelling,
    /// A draft brought back by Undo, whose row takes the focus once the
    /// lists are read again (the Undo button it had is gone).
    pub(super) focus_draft: Option<String>,
    /// The number of the last draft save begun.
    save_number: u64,
    /// Per draft, the number of the save written last (held while a save
    /// writes, so saves of one draft never overlap).
    saves_written: std::sync::Arc<std::sync::Mutex<BTreeMap<String, u64>>>,
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
    /// A window's new size (logical pixels), kept for the next run.
    Resized(window::Id, iced::Size),
    /// The window sizes were written (or could not be: they are only a
    /// convenience).
    SizesWritten,
    /// Twice a second: autosave, what the outbox has due.
    Tick,
    /// A compose window's message was queued (its outbox id), or why not.
    Queued(window::Id, Result<String, super::elsewhere::NotQueued>),
    /// Compose windows' outbox messages that left the outbox elsewhere
    /// (`None`: still there).
    Departed(Vec<super::elsewhere::Found>),
    /// Before a Send: whether the window's outbox message went out
    /// meanwhile.
    SendChecked(
        Option<(window::Id, String)>,
        Option<super::elsewhere::Departure>,
    ),
    /// What the outbox engine reports.
    Outbox(outbox::Event),
    /// The outbox was read again from disk.
    OutboxReloaded,
    /// Another process (or this one) changed files on disk: the outbox,
    /// the sent copies, the drafts, config.toml or the server checks.
    FilesChanged(super::watch::Changed),
    /// A compose window's lock on its draft was taken (or not).
    DraftHeld(window::Id, String, Option<std::sync::Arc<std::fs::File>>),
    /// A draft's lock was given up.
    Released,
    /// The drafts that were open in windows when Koperta last stopped
    /// without closing them.
    DraftsLeftOpen(Vec<String>),
    /// SIGTERM, SIGHUP or SIGINT: save every draft with unsaved edits,
    /// then end (a second one ends at once).
    Terminate,
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
    /// Files chosen or dropped, copied into the draft (each with its size in
    /// bytes), and the translated reasons of those that could not be.
    Attached(
        window::Id,
        compose::Source,
        Vec<(PathBuf, u64)>,
        Vec<String>,
    ),
    /// The file chooser returned.
    Picked(window::Id, Vec<PathBuf>),
    /// A change to the address book was written (the toast to show), or
    /// could not be (translated reason).
    ContactsSaved(Result<String, String>),
    /// A window was opened.
    Opened(window::Id),
    /// Another launch handed over a request (see [`crate::instance`]).
    Remote(crate::instance::Remote),
    /// An automatic draft save finished.
    DraftSaved(window::Id, Result<(), String>),
    /// A draft saved by hand (Ctrl+S, Save draft) was written, or why not.
    DraftSavedByHand(window::Id, Result<(), String>),
    /// A draft saved to close its window was written, or why not.
    DraftSavedToClose(window::Id, Result<(), String>),
    /// A window showing a sent message.
    Sent(window::Id, super::sent_view::Message),
    /// The frame probe's tick (benches only).
    Probe,
    /// A language's dictionary was read (its code), or why not.
    SpellerLoaded(
        &'static str,
        Result<std::sync::Arc<crate::spell::Speller>, String>,
    ),
    /// The person's own words were read, or why not.
    PersonalRead(Result<crate::spell::Personal, String>),
    /// The person's own words were written, or why not.
    WordSaved(Result<(), String>),
    /// An edited failed message left the outbox (or why not).
    Withdrawn(window::Id, Result<(), String>),
    /// What the store holds, read off the UI thread (its generation).
    Indexed(u64, Box<super::index::Index>),
    /// A saved draft was read to be opened (see [`App::open_draft`]).
    DraftLoaded(Box<LoadedDraft>),
    /// Draft (id, subject) was discarded (moved aside, to be undone), or
    /// why not.
    Discarded(String, String, Result<(), String>),
    /// A discarded draft is back (its subject), or why not.
    Restored(Result<String, String>),
    /// At start: this many drafts, discarded by a run that ended before
    /// their Undo ran out, are back in Drafts.
    Recovered(usize),
}

/// A saved draft read to be opened in a compose window.
#[derive(Debug, Clone)]
pub struct LoadedDraft {
    /// Its id.
    draft_id: String,
    /// The outbox message that may have been sent, tied to the window.
    outbox_id: Option<String>,
    /// Opened with Edit on an outbox message.
    for_outbox: bool,
    /// The draft and its attachments' sizes; `None` when it is gone.
    result: Result<Option<(Draft, compose::Sizes)>, String>,
}

impl App {
    /// A state for tests and tools: everything under `paths`, no window,
    /// the lists read from disk before it returns (blocking).
    pub fn headless(paths: Paths) -> App {
        let mut app = App::new(paths);
        app.index_now();
        app
    }

    /// The state at start: config.toml read (its language is needed before
    /// the first window), the outbox engine opened; the lists come with
    /// [`App::reindex`].
    pub fn new(paths: Paths) -> App {
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
            quitting: false,
            terminating: false,
            outbox: Vec::new(),
            drafts: Vec::new(),
            sent: Vec::new(),
            damaged: Vec::new(),
            addresses: Vec::new(),
            contacts: crate::contacts::Contacts::default(),
            contact_list: Vec::new(),
            sends: super::sending::Sends::default(),
            outbox_read_at: Instant::now(),
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
            geometry: super::geometry::Geometry::load(&data_dir),
            probe: super::frame_probe::FrameProbe::from_env(),
            purge_due: None,
            draft_holds: Default::default(),
            index_asked: 0,
            index_shown: 0,
            spelling: spell_io::Spelling::default(),
            focus_draft: None,
            save_number: 0,
            saves_written: Default::default(),
        };
        app.relist();
        app
    }

    /// The settings as config.toml last said.
    pub fn settings(&self) -> &Settings {
        &self.config.config.settings
    }

    /// The accounts as config.toml last said.
    pub fn accounts(&self) -> &[Account] {
        &self.config.config.accounts
    }

    pub(super) fn notice(&mut self, text: String) {
        self.main.show_notice(text);
    }

    /// Focuses the control `target` of the main window (its other
    /// controls lose the focus; compose windows keep theirs).
    pub(super) fn focus_main(&self, target: impl Into<iced::widget::Id>) -> Task<Message> {
        match self.main_id {
            Some(main) => super::focus::focus_in(super::focus::root(main), target.into()),
            None => Task::none(),
        }
    }

    /// Brings the main window forward, opening it again if it was closed.
    pub fn show_main(&mut self) -> Task<Message> {
        match self.main_id {
            Some(id) => window::gain_focus(id),
            None => {
                let (id, open) = window::open(main_window_settings(&self.geometry.sizes));
                self.main_id = Some(id);
                self.windows.insert(id, Screen::Main);
                open.map(Message::Opened)
            }
        }
    }

    /// The window title: the app, or the message's subject.
    pub fn title(&self, id: window::Id) -> String {
        match self.windows.get(&id) {
            Some(Screen::Compose(c)) if !c.draft().subject.trim().is_empty() => {
                format!("{} — Koperta", c.draft().subject.trim())
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
            super::watch::changes(self.watched_dirs()),
            super::signals::termination(),
            iced::time::every(self.tick_every()).map(|_| Message::Tick),
            super::launch::os_theme(),
            match self.probe {
                Some(_) => iced::time::every(super::frame_probe::PERIOD).map(|_| Message::Probe),
                None => Subscription::none(),
            },
        ])
    }

    /// How many rows the list of view `tab` has (none for a view that is
    /// not a list).
    pub(super) fn rows_in(&self, tab: main_window::Tab) -> usize {
        match tab {
            main_window::Tab::Drafts => self.drafts.len(),
            main_window::Tab::Outbox => self.outbox.len(),
            main_window::Tab::Sent => self.sent.len(),
            main_window::Tab::Contacts => self.contact_list.len(),
            _ => 0,
        }
    }

    /// Draws window `id`.
    pub fn view(&self, id: window::Id) -> Element<'_, Message> {
        // The root scopes focus to this window, moves it on Tab, and
        // turns shortcuts into messages in their place among the keys.
        // A compose window's address suggestions, found once per frame for
        // the chips and for the keys that choose among them.
        let suggestions = match self.windows.get(&id) {
            Some(Screen::Compose(c)) => self.compose_suggestions(c),
            _ => Vec::new(),
        };
        let scope = super::focus::scope(id, self.window_view(id, suggestions.clone())).shortcuts(
            move |key, modifiers| {
                super::keyboard::shortcut(key, modifiers).map(|input| Message::Input(id, input))
            },
        );
        match self.windows.get(&id) {
            // Enter in To, Cc, Bcc and Subject moves on, as Tab does.
            // A key typed while nothing has the focus goes to the field
            // the window last put it in.
            Some(Screen::Compose(c)) => {
                scope
                    .enter_moves_on(compose::enter_moves_on(id))
                    // Up, Down, Enter and Tab among the address suggestions.
                    // F7 in the subject: its own words' spelling.
                    .keys_in(
                        ["to", "cc", "bcc", "subject"]
                            .into_iter()
                            .map(|f| compose::field_id(id, f))
                            .collect(),
                        move |key, modifiers, focused, current| {
                            if *focused == compose::field_id(id, "subject") {
                                compose::subject_keys(key, modifiers)
                            } else {
                                compose::suggestion_keys(c, &suggestions, key, modifiers, current)
                            }
                            .map(|m| Message::Compose(id, m))
                        },
                    )
                    .reveals(vec![
                        (super::keyboard::shows_cc, compose::field_id(id, "cc")),
                        (super::keyboard::shows_bcc, compose::field_id(id, "bcc")),
                        (
                            super::keyboard::closes_window,
                            compose::field_id(id, compose::CLOSE_KEEP),
                        ),
                    ])
                    .fallback(
                        c.focused()
                            .and_then(|i| compose::FOCUS_ORDER.get(i))
                            .map(|f| compose::field_id(id, f)),
                    )
                    .into()
            }
            // Up and Down move among the rows of the list shown.
            Some(Screen::Main) => scope
                .arrows_move_among(
                    (0..self.rows_in(self.main.tab()))
                        .map(main_window::row_id)
                        .collect(),
                )
                .into(),
            _ => scope.into(),
        }
    }

    fn window_view(&self, id: window::Id, suggestions: Vec<String>) -> Element<'_, Message> {
        match self.windows.get(&id) {
            Some(Screen::Sent(state)) => {
                super::sent_view::view(state).map(move |m| Message::Sent(id, m))
            }
            Some(Screen::Compose(state)) => {
                // The SIZE last seen of the chosen account's server (a
                // check of another server says nothing).
                let size_limit = self.size_limit_of(state.draft());
                compose::view(
                    state,
                    id,
                    self.accounts(),
                    self.settings().never_plaintext,
                    suggestions,
                    size_limit,
                )
                .map(move |m| Message::Compose(id, m))
            }
            _ if let Some(w) = self.main.wizard() => {
                iced::widget::container(iced::widget::scrollable(
                    wizard::view(w, self.settings().never_plaintext).map(Message::Wizard),
                ))
                .padding(super::style::space::L)
                .into()
            }
            _ => main_window::view(&self.main, self.main_shown()).map(Message::Main),
        }
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
            Message::DraftSaved(id, result) => self.draft_saved(id, result, SaveKind::Auto),
            Message::DraftSavedByHand(id, result) => self.draft_saved(id, result, SaveKind::ByHand),
            Message::DraftSavedToClose(id, result) => {
                self.draft_saved(id, result, SaveKind::ThenClose)
            }
            Message::Wizard(m) => self.wizard_message(m),
            Message::Main(m) => {
                let asked = self.main.question().cloned();
                let page = self.main.page();
                let action = self.main.update(
                    m,
                    &self.config.config.accounts,
                    &self.outbox,
                    &self.contact_list,
                );
                let mut task = self.main_action(action);
                // A new page (another view, the account form, the wizard)
                // starts at its top: the Edit form opened scrolled down
                // where the Accounts list had been (tryout 11).
                if self.main.page() != page {
                    task = iced::widget::operation::snap_to(
                        main_window::PAGE_SCROLL,
                        iced::widget::operation::RelativeOffset::START,
                    )
                    .chain(task);
                }
                // A question just asked has the focus on its answer (Esc
                // says no).
                // (Also one that replaced another: tryout 6's "send it
                // again?" came while another question was up, and had no
                // focus.)
                if self.main.question().is_some() && self.main.question() != asked.as_ref() {
                    // What had the focus gets it back if the answer is no.
                    let remember = match self.main_id {
                        Some(main) => super::focus::focused_in(super::focus::root(main))
                            .map(|id| Message::Main(main_window::Message::AskedFrom(id))),
                        None => Task::none(),
                    };
                    task.chain(remember)
                        .chain(self.focus_main(main_window::CONFIRM_NO_ID))
                } else {
                    task
                }
            }
            Message::Compose(id, m) => {
                let checks = self.settings().checks;
                let limit = match self.windows.get(&id) {
                    Some(Screen::Compose(state)) => self.size_limit_of(state.draft()),
                    _ => None,
                };
                let Some(Screen::Compose(state)) = self.windows.get_mut(&id) else {
                    return Task::none();
                };
                state.set_checks(checks);
                state.set_size_limit(limit);
                // "Cancel" on "keep the draft?" stops a Ctrl+Q.
                if matches!(m, compose::Message::CloseCancel) {
                    self.quitting = false;
                }
                let action = state.update(m);
                self.compose_action(id, action)
            }
            Message::Input(id, input) => self.input(id, input),
            Message::SpellerLoaded(code, result) => self.speller_loaded(code, result),
            Message::PersonalRead(result) => self.personal_read(result),
            Message::WordSaved(result) => self.word_saved(result),
            Message::CloseRequested(id) => match self.windows.get(&id) {
                Some(Screen::Compose(_)) => self.close_compose(id),
                // A half-filled account form is not thrown away unasked.
                Some(Screen::Main) if self.main.ask_before_closing() => {
                    self.focus_main(main_window::CONFIRM_NO_ID)
                }
                _ => window::close(id),
            },
            Message::Closed(id) => {
                let closed = self.windows.remove(&id);
                let held = self.draft_holds.remove(&id);
                let release = self.release_held(held);
                if Some(id) == self.main_id {
                    self.main_id = None;
                }
                if self.windows.is_empty() {
                    // A resize of the last second is kept too.
                    return release.chain(self.write_sizes(true)).chain(iced::exit());
                }
                if self.quitting {
                    return release.chain(self.go_on_quitting());
                }
                // A sent message's window closed: its row has the focus
                // again, so Enter and the arrows go on (a tryout's Enter
                // did nothing after Esc).
                let back = match closed {
                    Some(Screen::Sent(v)) if self.main.tab() == main_window::Tab::Sent => self
                        .sent
                        .iter()
                        .position(|m| m.id == v.id())
                        .map_or_else(Task::none, |i| self.focus_main(main_window::row_id(i))),
                    _ => Task::none(),
                };
                Task::batch([self.refresh(), back, release])
            }
            Message::Tick => self.tick(),
            Message::Resized(id, size) => {
                let main = matches!(self.windows.get(&id), Some(Screen::Main));
                if main || matches!(self.windows.get(&id), Some(Screen::Compose(_))) {
                    self.geometry.resized(main, size);
                }
                Task::none()
            }
            Message::SizesWritten => Task::none(),
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
            Message::FilesChanged(changed) => self.files_changed(changed),
            Message::DraftHeld(id, draft_id, held) => self.draft_held(id, draft_id, held),
            Message::Released => Task::none(),
            Message::DraftsLeftOpen(ids) => {
                self.drafts_left_open(ids);
                self.refresh()
            }
            Message::Terminate => self.terminate(),
            Message::OutboxReloaded => {
                let reindex = self.refresh();
                let departures = self.look_for_departures();
                Task::batch([reindex.chain(self.run_due()), departures])
            }
            Message::Departed(found) => self.departed(found),
            Message::SendChecked(checked, departure) => self.send_checked(checked, departure),
            Message::AddressesChanged => self.reindex(),
            Message::DraftLoaded(loaded) => self.draft_loaded(*loaded),
            Message::Discarded(id, subject, result) => self.discarded(id, &subject, result),
            Message::Recovered(0) => Task::none(),
            Message::Recovered(count) => {
                self.notice(t!("drafts-recovered", count = count));
                self.refresh()
            }
            Message::Restored(result) => {
                match result {
                    Ok(subject) => self.notice(t!(
                        "drafts-restored",
                        subject = main_window::subject_or_none(&subject)
                    )),
                    Err(e) => {
                        self.focus_draft = None;
                        self.notice(e)
                    }
                }
                self.refresh()
            }
            Message::Indexed(generation, index) => {
                self.indexed(generation, *index);
                self.focus_restored_draft()
            }
            Message::AccountSaved(result) => match result {
                Ok(account) => self.write_account(account),
                Err(e) => {
                    self.account_not_saved(e);
                    // The reason sits above Save: in view with it.
                    if self.main.form().is_some() {
                        self.focus_main(main_window::FORM_SAVE_ID)
                    } else {
                        Task::none()
                    }
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
                self.refresh()
            }
            Message::OsTheme(mode) => {
                self.os_dark = mode == iced::theme::Mode::Dark;
                Task::none()
            }
            Message::ChecksRead(checks) => self.checks_read(checks),
            Message::Tested(id, result) => self.tested(id, result),
            // Nothing chosen: cancelled, or no file chooser could open (no
            // desktop portal; a ninth tryout's clicks did nothing, silently).
            // Either way the other two ways are named.
            // The cursor goes to the path field, so what is typed next goes
            // there, not into the text (tryout 31 typed a path into it).
            Message::Picked(id, paths) if paths.is_empty() => {
                if let Some(Screen::Compose(c)) = self.windows.get_mut(&id) {
                    c.set_notice(Some(compose::Notice::toast(|| t!("compose-none-chosen"))));
                    return compose::focus_field(id, "attach");
                }
                Task::none()
            }
            Message::Picked(id, paths) => self.attach(id, compose::Source::Chosen, paths),
            Message::ContactsSaved(result) => self.contacts_saved(result),
            Message::Attached(id, source, copies, errors) => {
                self.attached(id, source, copies, errors)
            }
        }
    }
}

/// How long a status message stays in the main window.
pub(super) const TOAST_FOR: Duration = Duration::from_secs(8);

/// Runs blocking `work` (files, the keyring) on a blocking thread, never
/// in `update`, and gives its result to `done`; should the thread panic,
/// `failed` makes the result from the panic's text.
pub(super) fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
    failed: impl FnOnce(String) -> T + Send + 'static,
    done: impl Fn(T) -> Message + Send + 'static,
) -> Task<Message> {
    Task::perform(
        async move {
            tokio::task::spawn_blocking(work)
                .await
                .unwrap_or_else(|e| failed(e.to_string()))
        },
        done,
    )
}
