//! What the main window lists from disk — saved drafts, the copies in
//! `sent/`, files that could not be read, the addresses used before — read
//! off the UI thread into memory. `update` never reads the store: it asks
//! for a new index ([`App::reindex`]) and draws the last one it got.

use iced::Task;

use super::app::{App, Message, Screen};
use super::main_window::DraftRow;
use crate::report::Localize;
use crate::store::{Store, Stored};
use crate::t;

/// One reading of the store.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Saved drafts, newest first (`open` and `queued` not yet known).
    drafts: Vec<DraftRow>,
    /// The copies in `sent/`, newest first.
    sent: Vec<Stored>,
    /// Files that could not be read, each with its path and reason.
    damaged: Vec<String>,
    /// Addresses used before.
    addresses: Vec<String>,
    /// The address book.
    contacts: crate::contacts::Contacts,
}

impl Index {
    /// Reads drafts, `sent/` and the addresses used before from `store`.
    /// Blocks on the disk: call it on a blocking thread (or in tests and
    /// tools). A file that cannot be read is listed in `damaged`, never
    /// left out in silence.
    pub fn read(store: &Store) -> Index {
        let (drafts, bad_drafts) = store.drafts();
        let mut rows: Vec<DraftRow> = drafts
            .into_iter()
            .map(|(id, d)| DraftRow {
                open: false,
                saved_at: store.draft_saved_at(&id),
                account: d.account.clone(),
                queued: false,
                to: tidy(&d.to),
                cc: tidy(&d.cc),
                bcc: tidy(&d.bcc),
                subject: d.subject,
                id,
            })
            .collect();
        rows.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then(a.id.cmp(&b.id)));
        let (mut sent, bad_sent) = store.sent();
        let sent_at = |m: &Stored| match m.sidecar.state {
            crate::outbox::State::Sent { at } => at,
            _ => m.sidecar.queued_at,
        };
        sent.sort_by(|a, b| sent_at(b).cmp(&sent_at(a)).then(a.id.cmp(&b.id)));
        let (contacts, bad_contacts) = match crate::contacts::Contacts::load(&store.contacts_path())
        {
            Ok(c) => (c, None),
            Err(e) => (crate::contacts::Contacts::default(), Some(e.localize())),
        };
        Index {
            contacts,
            drafts: rows,
            sent,
            damaged: bad_drafts
                .iter()
                .chain(bad_sent.iter())
                .map(|e| e.localize())
                .chain(bad_contacts)
                .collect(),
            addresses: store.addresses(),
        }
    }
}

impl App {
    /// Asks for a new [`Index`] (read on a blocking thread); it arrives as
    /// [`Message::Indexed`]. Of several asked, an older one arriving late
    /// is dropped.
    pub fn reindex(&mut self) -> Task<Message> {
        self.index_asked += 1;
        let generation = self.index_asked;
        let store = self.store.clone();
        super::app::blocking(
            move || Index::read(&store),
            |_| Index::default(),
            move |index| Message::Indexed(generation, Box::new(index)),
        )
    }

    /// Index `generation` arrived: the lists show it.
    pub(super) fn indexed(&mut self, generation: u64, index: Index) {
        if generation < self.index_shown {
            return;
        }
        self.index_shown = generation;
        self.drafts = index.drafts;
        self.sent = index.sent;
        self.damaged = index.damaged;
        self.addresses = index.addresses;
        self.contact_list = index.contacts.list().into_iter().cloned().collect();
        self.contacts = index.contacts;
        self.relist();
    }

    /// Reads the index now, blocking: for [`App::headless`] (tests and
    /// tools), never from `update`.
    pub(super) fn index_now(&mut self) {
        self.indexed(self.index_shown, Index::read(&self.store));
    }

    /// What changed in memory only: the outbox as the engine holds it, and
    /// which drafts are open in a window or wait in the outbox (a list
    /// saying "no drafts" while one is open alarmed a tryout; a draft whose
    /// message waits is listed so that, after a crash, what was typed last
    /// is there to open, D11).
    pub fn relist(&mut self) {
        self.outbox = self.engine.entries();
        // A window's failure follows its message's record.
        for screen in self.windows.values_mut() {
            if let Screen::Compose(c) = screen
                && let Some(m) = c
                    .outbox_id()
                    .and_then(|o| self.outbox.iter().find(|m| m.id == o))
            {
                let m = m.clone();
                c.follow(&m);
            }
        }
        let open: Vec<&str> = self
            .windows
            .values()
            .filter_map(|s| match s {
                Screen::Compose(c) => Some(c.draft_id()),
                _ => None,
            })
            .collect();
        for row in &mut self.drafts {
            row.open = open.contains(&row.id.as_str());
            row.queued = self
                .outbox
                .iter()
                .any(|m| m.sidecar.draft.as_deref() == Some(row.id.as_str()));
        }
    }

    /// Window `window`'s draft was written: its row in Drafts shows what
    /// was saved, at once (a tryout saw "No drafts" right after Ctrl+S;
    /// the index is read again only when files come or go).
    pub(super) fn draft_written(&mut self, window: iced::window::Id) {
        let Some(Screen::Compose(c)) = self.windows.get(&window) else {
            return;
        };
        let d = c.draft();
        let row = DraftRow {
            id: c.draft_id().to_string(),
            subject: d.subject.clone(),
            to: tidy(&d.to),
            cc: tidy(&d.cc),
            bcc: tidy(&d.bcc),
            saved_at: Some(crate::outbox::now()),
            account: d.account.clone(),
            queued: false,
            open: true,
        };
        self.drafts.retain(|r| r.id != row.id);
        self.drafts.insert(0, row);
        self.relist();
    }

    /// Looks, off the UI thread, for drafts that were open in a window
    /// when Koperta last stopped without closing it (killed, crashed, the
    /// session ended); they arrive as [`Message::DraftsLeftOpen`].
    pub fn look_for_drafts_left_open(&self) -> Task<Message> {
        let store = self.store.clone();
        super::app::blocking(
            move || store.drafts_left_open(),
            |_| Vec::new(),
            Message::DraftsLeftOpen,
        )
    }

    /// Drafts `ids` were open when Koperta last stopped: the person is told
    /// they are in Drafts, with what was typed up to their last autosave
    /// (tryout 20: nothing said so after a `kill -9`).
    pub(super) fn drafts_left_open(&mut self, ids: Vec<String>) {
        if ids.is_empty() {
            return;
        }
        self.notice(t!("drafts-left-open", count = ids.len()));
    }

    /// [`App::relist`], then [`App::reindex`]: after anything that may
    /// have changed files.
    pub fn refresh(&mut self) -> Task<Message> {
        self.relist();
        self.reindex()
    }
}

/// A recipient field as typed, tidied for a list: empty entries left out.
fn tidy(field: &str) -> String {
    field
        .split([',', ';'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}
