//! The app's side of the main window: the work its actions ask for
//! (opening drafts and sent copies, tests, retries, deletions), off the UI
//! thread.

use iced::{Task, window};

use super::{App, Message, Screen};
use crate::outbox;
use crate::report::Localize;
use crate::t;
use crate::ui::launch::compose_window_settings;
use crate::ui::{main_window, wizard};

impl App {
    /// What the main window shows, as the app holds it.
    pub fn main_shown(&self) -> crate::ui::main_window::Shown<'_> {
        crate::ui::main_window::Shown {
            settings: self.settings(),
            accounts: self.accounts(),
            outbox: &self.outbox,
            drafts: &self.drafts,
            sent: &self.sent,
            damaged: &self.damaged,
            config_error: self.config_error.as_deref(),
            checks: &self.checks,
            contacts: &self.contact_list,
        }
    }

    /// A desktop notification naming `subject` (when the setting allows),
    /// shown off the UI thread; a desktop without a notification service
    /// simply shows nothing.
    pub(in crate::ui) fn notify(&self, summary: String, subject: &str) -> Task<Message> {
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
                    .icon(super::APP_ID)
                    .show()
                    .map(|_| ())
            })
            .await;
        })
        .discard()
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
        let (id, open) = window::open(compose_window_settings(&self.geometry.sizes));
        let load = crate::ui::sent_view::load(&stored).map(move |m| Message::Sent(id, m));
        self.windows.insert(
            id,
            Screen::Sent(Box::new(crate::ui::sent_view::State::new(stored))),
        );
        open.map(Message::Opened).chain(load)
    }

    pub(in crate::ui) fn main_action(&mut self, action: main_window::Action) -> Task<Message> {
        use main_window::Action as A;
        match action {
            A::None => Task::none(),
            A::SaveContact {
                original,
                name,
                address,
            } => self.change_contacts(move |book| {
                let who = crate::contacts::Contact {
                    name: name.clone(),
                    address: address.clone(),
                    uses: 0,
                    last_used: 0,
                }
                .mailbox();
                match &original {
                    Some(o) => book.edit(o, &name, &address),
                    None => book.add(&name, &address),
                }
                .map(|()| t!("contacts-saved", contact = who))
            }),
            A::RemoveContact(address) => self.change_contacts(move |book| {
                book.remove(&address);
                Ok(t!("contacts-removed", address = address.clone()))
            }),
            A::WriteTo(mailbox) => {
                let draft = crate::draft::Draft {
                    account: self.accounts().first().map(|a| a.id.clone()),
                    to: format!("{mailbox}, "),
                    signature: true,
                    ..crate::draft::Draft::default()
                };
                self.open_compose(
                    Some((crate::store::new_id(), draft)),
                    crate::ui::compose::Sizes::new(),
                )
            }
            A::Compose(None) => self.open_compose(None, crate::ui::compose::Sizes::new()),
            // A draft whose message waits in the outbox: as Edit in the
            // Outbox does, the message is taken out while it is edited (a
            // tryout edited it from Drafts and the old version went), or,
            // when it may have been sent or is going now, the window is
            // tied to it.
            A::Compose(Some(draft_id)) => match self.engine.by_draft(&draft_id) {
                // A scheduled one too: it keeps its time until it is
                // changed (a ninth tryout only looked, closed, and the
                // schedule was gone).
                Some(m)
                    if matches!(
                        m.sidecar.state,
                        crate::outbox::State::MaybeSent
                            | crate::outbox::State::Sending { .. }
                            | crate::outbox::State::Scheduled { .. }
                    ) =>
                {
                    self.open_draft(draft_id, None, Some(m.id))
                }
                Some(m) => self.open_draft(draft_id, Some(m.id), None),
                None => self.open_draft(draft_id, None, None),
            },
            A::SaveAccount { check } => self.save_account(check),
            A::PickFile(field) => Task::perform(
                async {
                    rfd::AsyncFileDialog::new()
                        .add_filter("PEM", &["pem", "crt", "cer"])
                        .pick_file()
                        .await
                        .map(|f| f.path().display().to_string())
                },
                move |path| path.map(|p| Message::Main(main_window::Message::Form(field, p))),
            )
            .and_then(Task::done),
            A::Focus(target) => self.focus_main(target),
            A::CloseWindow => match self.main_id {
                Some(id) => window::close(id),
                None => Task::none(),
            },
            A::OpenSent(sent_id) => self.open_sent(&sent_id),
            A::Wizard => {
                self.main.open_wizard(false);
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
                            .map_err(|e| crate::report::sign_in_error(&e, &account.host, None))
                    },
                    move |r| Message::Tested(id.clone(), r),
                )
            }
            A::ChangeSetting(change) => self.change_setting(change),
            A::Retry(id) => self.retry(id),
            // Off the UI thread: the outbox entry, then its draft.
            A::Delete(id) => {
                let (engine, store) = (self.engine.clone(), self.store.clone());
                super::blocking(
                    move || {
                        if let Some(draft) = engine.remove(&id).map_err(|e| e.localize())? {
                            let _ = store.delete_draft(&draft);
                        }
                        Ok(())
                    },
                    Err,
                    Message::DraftDiscarded,
                )
            }
            A::DiscardDraft(id) => {
                let subject = self
                    .drafts
                    .iter()
                    .find(|d| d.id == id)
                    .map(|d| d.subject.clone())
                    .unwrap_or_default();
                self.discard(id, subject)
            }
            A::RestoreDraft(id) => self.restore(id),
            A::SendNow(id) => self.send_now(id),
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
                let Some(m) = self.outbox.iter().find(|m| m.id == id) else {
                    return Task::none();
                };
                let Some(draft_id) = m.sidecar.draft.clone() else {
                    return Task::none();
                };
                // A message that may have been sent stays in the outbox: the
                // window asks before sending it again. A scheduled one stays
                // until it is changed (opened only to look, it keeps its
                // time). Any other is taken out while it is edited, so the
                // outbox cannot send the old version meanwhile.
                if matches!(
                    m.sidecar.state,
                    crate::outbox::State::MaybeSent | crate::outbox::State::Scheduled { .. }
                ) {
                    self.open_draft(draft_id, None, Some(id))
                } else {
                    self.open_draft(draft_id, Some(id), None)
                }
            }
        }
    }

    /// Discards draft `draft_id` (titled `subject`): moved aside off the UI
    /// thread, and the toast offers Undo until it clears; then it is
    /// removed for good (see [`App::purge_discarded`]).
    pub(in crate::ui) fn discard(&mut self, draft_id: String, subject: String) -> Task<Message> {
        let store = self.store.clone();
        let id = draft_id.clone();
        super::blocking(
            move || store.discard_draft(&id).map_err(|e| e.localize()),
            Err,
            move |r| Message::Discarded(draft_id.clone(), subject.clone(), r),
        )
    }

    /// A discard finished: the toast says so and offers Undo.
    pub(in crate::ui) fn discarded(
        &mut self,
        draft_id: String,
        subject: &str,
        result: Result<(), String>,
    ) -> Task<Message> {
        match result {
            Ok(()) => {
                let subject = main_window::subject_or_none(subject);
                self.main
                    .show_undoable(t!("drafts-discarded", subject = subject), draft_id);
                self.purge_due = Some(std::time::Instant::now() + super::TOAST_FOR);
            }
            Err(e) => self.notice(e),
        }
        self.refresh()
    }

    /// Undo of a discard: the draft back into Drafts, off the UI thread.
    fn restore(&mut self, draft_id: String) -> Task<Message> {
        self.focus_draft = Some(draft_id.clone());
        let store = self.store.clone();
        super::blocking(
            move || {
                store.restore_draft(&draft_id).map_err(|e| e.localize())?;
                let draft = store.draft(&draft_id).map_err(|e| e.localize())?;
                Ok(draft.map(|d| d.subject).unwrap_or_default())
            },
            Err,
            Message::Restored,
        )
    }

    /// The row of the draft Undo brought back takes the focus, once the
    /// lists show it.
    pub(in crate::ui) fn focus_restored_draft(&mut self) -> Task<Message> {
        let Some(id) = &self.focus_draft else {
            return Task::none();
        };
        match self.drafts.iter().position(|d| d.id == *id) {
            Some(row) => {
                self.focus_draft = None;
                self.focus_main(main_window::row_id(row))
            }
            None => Task::none(),
        }
    }

    /// Removes for good the drafts discarded before `before`, off the UI
    /// thread (their Undo is gone).
    pub(in crate::ui) fn purge_discarded(&self, before: std::time::SystemTime) -> Task<Message> {
        let store = self.store.clone();
        Task::future(async move {
            let _ = tokio::task::spawn_blocking(move || store.purge_discarded(before)).await;
        })
        .discard()
    }

    /// Brings back the drafts a run that ended early left discarded, off
    /// the UI thread ([`Message::Recovered`]).
    pub fn restore_discarded(&self) -> Task<Message> {
        let store = self.store.clone();
        super::blocking(
            move || store.restore_all_discarded().len(),
            |_| 0,
            Message::Recovered,
        )
    }

    /// Changes the address book on disk with `change` (off the UI thread):
    /// its toast, or why it failed (the book is left as it was).
    fn change_contacts(
        &mut self,
        change: impl FnOnce(
            &mut crate::contacts::Contacts,
        ) -> Result<String, crate::contacts::ContactsError>
        + Send
        + 'static,
    ) -> Task<Message> {
        use crate::report::Localize;
        let path = self.store.contacts_path();
        super::blocking(
            move || {
                crate::contacts::Contacts::update(&path, change)
                    .and_then(|r| r)
                    .map_err(|e| e.localize())
            },
            Err,
            Message::ContactsSaved,
        )
    }

    /// A change to the address book finished: the form closes and the
    /// lists are read again, or the form says why not.
    pub(in crate::ui) fn contacts_saved(
        &mut self,
        result: Result<String, String>,
    ) -> Task<Message> {
        match result {
            Ok(said) => {
                self.main.contact_saved();
                self.notice(said);
                self.reindex()
            }
            Err(reason) => {
                if self.main.contact_form().is_some() {
                    self.main.contact_not_saved(reason);
                } else {
                    self.notice(reason);
                }
                Task::none()
            }
        }
    }
}
