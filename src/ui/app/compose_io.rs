//! The app's side of compose windows: opening one (new, from a saved
//! draft, from a `mailto:` link), the work its actions ask for (saving,
//! attaching, closing), all off the UI thread.

use std::path::PathBuf;
use std::time::Duration;

use iced::{Task, window};

use super::{App, Message, Screen};
use crate::account::AccountId;
use crate::draft::Draft;
use crate::report::Localize;
use crate::t;
use crate::ui::compose;
use crate::ui::launch::compose_window_settings;
use crate::ui::{main_window, wizard};

impl App {
    /// Opens a compose window on draft `id` (a new one when `None`).
    /// Its attachments' `sizes` (bytes) were read off the UI thread.
    pub fn open_compose(
        &mut self,
        draft: Option<(String, Draft)>,
        sizes: compose::Sizes,
    ) -> Task<Message> {
        let (draft_id, mut draft) = draft.unwrap_or_else(|| {
            let account = self.accounts().first().map(|a| a.id.clone());
            let body = self
                .signature_of(account.as_ref(), None)
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
            let identity = draft.identity.clone();
            if let Some(s) = self.signature_of(draft.account.as_ref(), identity.as_deref()) {
                let above = self
                    .accounts()
                    .iter()
                    .find(|a| Some(&a.id) == draft.account.as_ref())
                    .is_some_and(|a| a.sender(identity.as_deref()).signature_above_quote);
                draft.body = crate::account::identity::place_signature(&draft.body, &s, above);
            }
            draft.signature = false;
        }
        let (id, open) = window::open(compose_window_settings(&self.geometry.sizes));
        let mut state = compose::State::with_sizes(draft_id, draft, sizes);
        // Checked in the app's language until the person picks another.
        state.check_in(crate::i18n::resolve(self.settings().language));
        // A reopened draft in Polish, in the English app: in Polish.
        let _ = state.follow_the_text();
        let lang = state.spell_language();
        let hold = self.hold_draft(id, state.draft_id());
        self.windows.insert(id, Screen::Compose(Box::new(state)));
        self.relist();
        let spelling = self.want_spelling(lang);
        // The cursor starts in To.
        open.map(Message::Opened)
            .chain(compose::focus_field(id, "to"))
            .chain(spelling)
            .chain(hold)
    }

    /// Takes the lock that tells the command line draft `draft_id` is open
    /// in window `id` (`koperta drafts remove` then refuses: the window
    /// would save it again), off the UI thread.
    fn hold_draft(&self, id: window::Id, draft_id: &str) -> Task<Message> {
        let store = self.store.clone();
        let draft_id = draft_id.to_string();
        let asked = draft_id.clone();
        super::blocking(
            move || {
                store
                    .hold_draft(&asked)
                    .ok()
                    .flatten()
                    .map(std::sync::Arc::new)
            },
            |_| None,
            move |held| Message::DraftHeld(id, draft_id.clone(), held),
        )
    }

    /// The lock of window `id`'s draft was taken: kept while the window
    /// is open (dropped at once when it closed meanwhile).
    pub(in crate::ui) fn draft_held(
        &mut self,
        id: window::Id,
        draft_id: String,
        held: Option<std::sync::Arc<std::fs::File>>,
    ) -> Task<Message> {
        let Some(file) = held else {
            return Task::none();
        };
        if self.windows.contains_key(&id) {
            self.draft_holds.insert(id, (draft_id, file));
            Task::none()
        } else {
            // Closed meanwhile: given up at once, off the UI thread.
            self.release_held(Some((draft_id, file)))
        }
    }

    /// Gives up a compose window's lock on its draft, off the UI thread.
    pub(in crate::ui) fn release_held(
        &mut self,
        held: Option<(String, std::sync::Arc<std::fs::File>)>,
    ) -> Task<Message> {
        let Some((draft_id, file)) = held else {
            return Task::none();
        };
        let store = self.store.clone();
        super::blocking(
            move || {
                if let Ok(file) = std::sync::Arc::try_unwrap(file) {
                    store.release_draft(&draft_id, file);
                }
            },
            |_| (),
            |()| Message::Released,
        )
    }

    /// The SIZE limit (bytes) last seen of the server of `draft`'s
    /// account (a check of another server says nothing).
    pub(in crate::ui) fn size_limit_of(&self, draft: &crate::draft::Draft) -> Option<u64> {
        let a = draft.account.as_ref()?;
        let account = self.accounts().iter().find(|x| &x.id == a)?;
        let check = self.checks.get(a)?;
        (check.server == crate::checks::server_of(account))
            .then_some(check.size_limit)
            .flatten()
    }

    /// The signature of `account`, when it has one.
    pub(in crate::ui) fn signature_of(
        &self,
        account: Option<&AccountId>,
        identity: Option<&str>,
    ) -> Option<String> {
        self.accounts()
            .iter()
            .find(|a| Some(&a.id) == account)
            .map(|a| a.sender(identity).signature.to_string())
            .filter(|s| !s.trim().is_empty())
    }

    /// Opens a compose window filled from a `mailto:` URI (RFC 6068). An
    /// `attach=` field is ignored and the window says so; a malformed URI
    /// gives an empty window that says why. Nothing is sent until the
    /// person presses Send.
    pub fn open_mailto(&mut self, uri: &str) -> Task<Message> {
        let account = self.accounts().first().map(|a| a.id.clone());
        let (draft, notice) = match crate::mailto::parse(uri) {
            Ok(m) => {
                let notice = (!m.ignored_attachments.is_empty())
                    .then_some(compose::Notice::Said(|| t!("mailto-attach-ignored")));
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
                Some(compose::Notice::Said(|| t!("mailto-malformed"))),
            ),
        };
        let draft_id = crate::store::new_id();
        let task = self.open_compose(Some((draft_id.clone(), draft)), compose::Sizes::new());
        let mut opened = None;
        for (wid, screen) in self.windows.iter_mut() {
            if let Screen::Compose(c) = screen
                && c.draft_id() == draft_id
            {
                c.set_notice(notice.clone());
                c.filled_in();
                opened = Some(*wid);
            }
        }
        // Kept as a draft at once, like anything typed.
        match opened {
            Some(wid) => Task::batch([task, self.save_draft(wid)]),
            None => task,
        }
    }

    /// The address suggestions for what compose window `c` has typed in
    /// its recipient field, if the cursor is in one.
    pub(in crate::ui) fn compose_suggestions(&self, c: &compose::State) -> Vec<String> {
        c.recipient_field()
            .map(|(_, typed)| self.suggestions(typed))
            .unwrap_or_default()
    }

    /// Up to five recipients for what is being typed at the end of a
    /// recipient field (`field`'s text): the address book's, by the first
    /// letters of any word of the name or address, best ranked first
    /// ("Name <address>"), then addresses used before that start so.
    pub(in crate::ui) fn suggestions(&self, field: &str) -> Vec<String> {
        let typed = field.rsplit([',', ';']).next().unwrap_or("").trim();
        if typed.chars().count() < 2 {
            return Vec::new();
        }
        let lower = typed.to_lowercase();
        let mut out: Vec<String> = self
            .contacts
            .suggest(typed, crate::outbox::now(), 5)
            .into_iter()
            .filter(|c| !c.address.eq_ignore_ascii_case(typed))
            .map(|c| c.mailbox())
            .collect();
        for a in &self.addresses {
            if out.len() >= 5 {
                break;
            }
            let known = out
                .iter()
                .any(|s| s.to_lowercase().contains(&a.to_lowercase()));
            if !known && a.to_lowercase().starts_with(&lower) && a.to_lowercase() != lower {
                out.push(a.clone());
            }
        }
        out
    }

    /// Copies `paths` into window `id`'s draft off the UI thread; the
    /// outcome comes back as [`Message::Attached`] with `source`.
    pub(in crate::ui) fn attach(
        &mut self,
        id: window::Id,
        source: compose::Source,
        paths: Vec<PathBuf>,
    ) -> Task<Message> {
        let Some(Screen::Compose(c)) = self.windows.get(&id) else {
            return Task::none();
        };
        let store = self.store.clone();
        let draft_id = c.draft_id().to_string();
        if source == compose::Source::Chosen
            && let Some(Screen::Compose(c)) = self.windows.get_mut(&id)
        {
            c.copy_started();
        }
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    let mut copies = Vec::new();
                    let mut errors = Vec::new();
                    for p in paths {
                        match store.attach_copy(&draft_id, &p) {
                            Ok(copy) => {
                                let size = std::fs::metadata(&copy).map_or(0, |m| m.len());
                                copies.push((copy, size));
                            }
                            Err(crate::store::StoreError::TooLarge { size, limit, .. }) => errors
                                .push(t!(
                                    "attach-error-refused-too-large",
                                    path = p.display().to_string(),
                                    size = crate::report::human_size(size),
                                    limit = crate::report::human_size(limit)
                                )),
                            Err(e) => errors.push(t!(
                                "draft-error-unreadable-attachment",
                                path = p.display().to_string(),
                                reason = match e {
                                    crate::store::StoreError::Io { source, .. } =>
                                        crate::report::io_error(&source),
                                    crate::store::StoreError::NotAFile { .. } =>
                                        t!("attach-error-not-a-file"),
                                    other => crate::report::Localize::localize(&other),
                                }
                            )),
                        }
                    }
                    (copies, errors)
                })
                .await
                .unwrap_or_default()
            },
            move |(copies, errors)| Message::Attached(id, source, copies, errors),
        )
    }

    pub(in crate::ui) fn compose_action(
        &mut self,
        id: window::Id,
        action: compose::Action,
    ) -> Task<Message> {
        use compose::Action as A;
        match action {
            A::None => Task::none(),
            A::SpellLanguage(lang) => self.want_spelling(lang),
            A::AddWord(word) => self.add_word(word),
            A::Save => self.save_draft_as(id, SaveKind::ByHand),
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
            A::Attach(paths) => self.attach(id, compose::Source::Chosen, paths),
            A::AttachTyped(path) => self.attach(id, compose::Source::Typed, vec![path]),
            // Closed only once the draft is written: a save that fails
            // (a full disk) keeps the window and its text open.
            A::CloseKeep => self.save_draft_as(id, SaveKind::ThenClose),
            A::CloseDiscard => {
                let Some(Screen::Compose(c)) = self.windows.get(&id) else {
                    return window::close(id);
                };
                let (draft, subject) = (c.draft_id().to_string(), c.draft().subject.clone());
                self.discard(draft, subject).chain(window::close(id))
            }
            A::Send => self.send(id),
            A::Undo => self.undo(id),
            A::Withdraw => self.withdraw(id),
            A::CancelSend(outbox_id) => {
                self.engine.cancel(&outbox_id);
                Task::none()
            }
            A::FromChanged(old, old_identity) => {
                let (old, new) = match self.windows.get(&id) {
                    Some(Screen::Compose(c)) => (
                        self.signature_of(old.as_ref(), old_identity.as_deref())
                            .unwrap_or_default(),
                        self.signature_of(
                            c.draft().account.as_ref(),
                            c.draft().identity.as_deref(),
                        )
                        .unwrap_or_default(),
                    ),
                    _ => return Task::none(),
                };
                if let Some(Screen::Compose(c)) = self.windows.get_mut(&id)
                    && let Some(body) = crate::draft::swap_signature(&c.draft().body, &old, &new)
                {
                    c.set_body(body);
                }
                Task::none()
            }
            A::Focus(field) => {
                if let Some(Screen::Compose(c)) = self.windows.get_mut(&id) {
                    c.focus_moved(field);
                }
                compose::focus_field(id, field)
            }
            A::AddAccount => {
                self.main.open_wizard(true);
                self.show_main().chain(self.focus_main(wizard::NAME_ID))
            }
        }
    }

    /// Saves the draft of compose window `id` now.
    /// Saves compose window `id`'s draft off the UI thread; a failure
    /// marks it unsaved again and says why in the window.
    pub fn save_draft(&mut self, id: window::Id) -> Task<Message> {
        self.save_draft_as(id, SaveKind::Auto)
    }

    /// [`App::save_draft`], for the reason `kind`.
    fn save_draft_as(&mut self, id: window::Id, kind: SaveKind) -> Task<Message> {
        let Some(Screen::Compose(c)) = self.windows.get_mut(&id) else {
            return Task::none();
        };
        let (draft_id, draft, keep) = c.to_save();
        let store = self.store.clone();
        // Saves run on blocking threads and may finish out of order: an
        // older snapshot finishing last overwrote a newer one while the
        // window said "saved" (tryout 11). Each save is numbered, and one
        // older than the last written is not written.
        self.save_number += 1;
        let number = self.save_number;
        let written = self.saves_written.clone();
        // Copies of removed attachments go once the draft no longer names
        // them (D26); one attached in the last seconds may not be named
        // yet, so only older ones.
        let before = std::time::SystemTime::now()
            .checked_sub(PRUNE_AFTER)
            .unwrap_or(std::time::UNIX_EPOCH);
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || {
                    let mut last = written.lock().unwrap_or_else(|p| p.into_inner());
                    if last.get(&draft_id).is_some_and(|n| *n > number) {
                        return Ok(());
                    }
                    last.insert(draft_id.clone(), number);
                    store
                        .save_draft(&draft_id, &draft)
                        .map(|()| {
                            store.prune_attachments(&draft_id, &keep, before);
                        })
                        .map_err(|e| e.localize())
                })
                .await
                .unwrap_or_else(|e| Err(e.to_string()))
            },
            move |r| match kind {
                SaveKind::Auto => Message::DraftSaved(id, r),
                SaveKind::ByHand => Message::DraftSavedByHand(id, r),
                SaveKind::ThenClose => Message::DraftSavedToClose(id, r),
            },
        )
    }

    /// The person asked to close compose window `id`: asked what to keep
    /// when there is unsaved typing; otherwise closed, saying where the
    /// message is (the outbox, or the drafts). Only a new, empty draft goes
    /// away with its window (D1, D16).
    pub(in crate::ui) fn close_compose(&mut self, id: window::Id) -> Task<Message> {
        // Being put in the outbox: closed as soon as it is there.
        if let Some(Screen::Compose(c)) = self.windows.get_mut(&id)
            && c.close_once_queued()
        {
            return Task::none();
        }
        match self.windows.get_mut(&id) {
            Some(Screen::Compose(c)) if c.has_unsent_changes() => {
                c.ask_close();
                // The focus on "Keep", the answer that loses nothing.
                compose::focus_field(id, compose::CLOSE_KEEP)
            }
            Some(Screen::Compose(c)) => {
                // A reopened draft, and one whose message the outbox
                // holds, are kept.
                let queued = c
                    .outbox_id()
                    .and_then(|o| self.engine.get(o))
                    .or_else(|| self.engine.by_draft(c.draft_id()));
                if let Some(m) = queued {
                    // Not "keep as draft?": it waits in the outbox (D16).
                    self.notice(main_window::closed_while_queued(&m.sidecar));
                    return window::close(id);
                }
                if c.draft().is_blank() {
                    let (store, draft) = (self.store.clone(), c.draft_id().to_string());
                    return Task::future(async move {
                        let _ =
                            tokio::task::spawn_blocking(move || store.delete_draft(&draft)).await;
                    })
                    .discard()
                    .chain(window::close(id));
                }
                // Unchanged and already saved: kept, and the person is
                // told where (D1).
                let subject = main_window::subject_or_none(&c.draft().subject);
                self.notice(t!("main-closed-draft-kept", subject = subject));
                window::close(id)
            }
            _ => window::close(id),
        }
    }

    /// Files were copied into window `id`'s draft (`copies`, each with its
    /// size in bytes), or could not be (`errors`, translated).
    pub(in crate::ui) fn attached(
        &mut self,
        id: window::Id,
        source: compose::Source,
        copies: Vec<(PathBuf, u64)>,
        errors: Vec<String>,
    ) -> Task<Message> {
        let Some(Screen::Compose(c)) = self.windows.get_mut(&id) else {
            return Task::none();
        };
        let any = !copies.is_empty();
        let then = c.attach_finished(source, copies, &errors);
        let next = self.compose_action(id, then);
        let Some(Screen::Compose(c)) = self.windows.get(&id) else {
            return next;
        };
        // The cursor stays in the path field for the next file.
        let attach = compose::FOCUS_ORDER.iter().position(|f| *f == "attach");
        let refocus = if c.focused().is_some() && c.focused() == attach {
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
        Task::batch([refocus, save, next])
    }

    /// Opens saved draft `draft_id` in a compose window, or brings forward
    /// the window that has it open (never two windows on one draft). The
    /// draft and its attachments' sizes are read off the UI thread; with
    /// `leave_outbox`, that outbox message is first taken out (so the
    /// outbox cannot send the old version while it is edited); with
    /// `maybe_sent`, the window is tied to that message, which stays.
    pub(in crate::ui) fn open_draft(
        &mut self,
        draft_id: String,
        leave_outbox: Option<String>,
        maybe_sent: Option<String>,
    ) -> Task<Message> {
        if let Some(w) = self.window_of_draft(&draft_id) {
            return window::gain_focus(w);
        }
        let (store, engine) = (self.store.clone(), self.engine.clone());
        let id = draft_id.clone();
        let for_outbox = leave_outbox.is_some() || maybe_sent.is_some();
        super::blocking(
            move || {
                let draft = store.draft(&id).map_err(|e| e.localize())?;
                // Never out of the outbox without its draft to edit.
                if let (Some(o), Some(_)) = (leave_outbox, &draft) {
                    engine.remove(&o).map_err(|e| e.localize())?;
                }
                Ok(draft.map(|d| {
                    let sizes = compose::sizes_of(&d.attachments);
                    (d, sizes)
                }))
            },
            Err,
            move |result| {
                Message::DraftLoaded(Box::new(super::LoadedDraft {
                    draft_id: draft_id.clone(),
                    outbox_id: maybe_sent.clone(),
                    for_outbox,
                    result,
                }))
            },
        )
    }

    /// A draft asked for by [`App::open_draft`] was read.
    pub(in crate::ui) fn draft_loaded(&mut self, loaded: super::LoadedDraft) -> Task<Message> {
        let super::LoadedDraft {
            draft_id,
            outbox_id,
            for_outbox,
            result,
        } = loaded;
        // Opened meanwhile (Enter pressed twice): that window comes forward.
        if let Some(w) = self.window_of_draft(&draft_id) {
            return window::gain_focus(w);
        }
        match result {
            Ok(Some((draft, sizes))) => {
                let task = self.open_compose(Some((draft_id.clone(), draft)), sizes);
                let message = outbox_id.and_then(|o| self.engine.get(&o));
                if let Some(w) = self.window_of_draft(&draft_id)
                    && let Some(Screen::Compose(c)) = self.windows.get_mut(&w)
                {
                    c.tie_to(message.as_ref());
                    if let Some(m) = &message
                        && matches!(m.sidecar.state, crate::outbox::State::Held { .. })
                    {
                        self.sends.watched.insert(m.id.clone());
                    }
                }
                task
            }
            // Gone meanwhile (discarded, sent): said, never silence (an
            // outbox message whose draft was discarded is sent as it is,
            // or deleted, but not edited).
            Ok(None) => {
                self.notice(if for_outbox {
                    t!("outbox-edit-draft-gone")
                } else {
                    t!("drafts-gone")
                });
                self.refresh()
            }
            Err(e) => {
                self.notice(e);
                self.refresh()
            }
        }
    }

    /// The compose window editing draft `draft_id`, if one is open.
    pub(in crate::ui) fn window_of_draft(&self, draft_id: &str) -> Option<window::Id> {
        self.windows.iter().find_map(|(w, s)| match s {
            Screen::Compose(c) if c.draft_id() == draft_id => Some(*w),
            _ => None,
        })
    }

    /// A save of window `id`'s draft finished: a failure marks it unsaved
    /// and says why; a save asked for by hand is said (a tryout saw no
    /// sign of Ctrl+S).
    pub(in crate::ui) fn draft_saved(
        &mut self,
        id: window::Id,
        result: Result<(), String>,
        kind: SaveKind,
    ) -> Task<Message> {
        if result.is_ok() {
            self.draft_written(id);
        }
        let Some(Screen::Compose(c)) = self.windows.get_mut(&id) else {
            return Task::none();
        };
        match (result, kind) {
            (Err(e), SaveKind::ThenClose) => c.close_save_failed(e),
            (Err(e), _) => c.save_failed(e),
            (Ok(()), SaveKind::ByHand) => c.saved_by_hand(),
            (Ok(()), SaveKind::ThenClose) => {
                let subject = main_window::subject_or_none(&c.draft().subject);
                self.notice(t!("main-closed-draft-kept", subject = subject));
                return window::close(id);
            }
            (Ok(()), SaveKind::Auto) => {}
        }
        Task::none()
    }
}

/// Why a draft is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::ui) enum SaveKind {
    /// Autosave, or before sending: said only when it fails.
    Auto,
    /// Ctrl+S or Save draft: the window says it is saved.
    ByHand,
    /// "Keep draft" when closing: the window closes once it is written,
    /// and stays open when it is not.
    ThenClose,
}

/// How old a copy in a draft's attachment folder must be before a save
/// that does not name it deletes it.
const PRUNE_AFTER: Duration = Duration::from_secs(10);
