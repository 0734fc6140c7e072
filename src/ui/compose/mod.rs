//! A compose window: From, To, Cc, Bcc, Subject, body, attachments.

use std::path::PathBuf;

use iced::widget::{Id, text_editor};
use iced::window;

use crate::account::Account;
use crate::draft::{Draft, Problem};
use crate::t;

/// The height of one attachment in the strip, in logical pixels.
const ATTACHMENT_ROW: f32 = 24.0;
/// The body editor's least height: about five lines.
const BODY_MIN_HEIGHT: f32 = 110.0;
/// The strip's most height: about five attachments, then it scrolls.
const ATTACHMENT_STRIP: f32 = 5.0 * ATTACHMENT_ROW;

/// The "Send anyway" button's field name.
const SEND_ANYWAY: &str = "send-anyway";

/// The Cancel button of the question asked before sending: focused when
/// it is asked, the answer that sends nothing (a fourth tryout's typing
/// went on, and its first Space pressed a focused "Send anyway").
const CONCERNS_CANCEL: &str = "concerns-cancel";
/// The "Keep the draft" answer to the close question (the focus goes
/// there when it is asked).
pub const CLOSE_KEEP: &str = "close-keep";
/// The "Cancel" answer to "send it again?" (the focus goes there when
/// it is asked: a reflexive Enter sends nothing a second time).
pub const RESEND_NO: &str = "resend-no";
/// How many address suggestions are shown under a recipient field.
pub const SUGGESTIONS_SHOWN: usize = 5;

/// The fields Tab walks through, in order.
pub const FOCUS_ORDER: [&str; 6] = ["to", "cc", "bcc", "subject", "body", "attach"];

/// The widget id of `field` in `window` (unique across windows, so focus
/// never moves in another window).
pub fn field_id(window: window::Id, field: &str) -> Id {
    Id::from(format!("{window:?}-{field}"))
}

/// The fields of compose window `window` in which Enter moves on to the
/// next field (as Tab does) instead of doing anything else.
pub fn enter_moves_on(window: window::Id) -> Vec<Id> {
    ["to", "cc", "bcc", "subject"]
        .into_iter()
        .map(|f| field_id(window, f))
        .collect()
}

/// Focuses `field` of compose window `window`, leaving other windows' focus
/// alone.
pub fn focus_field<T: Send + 'static>(window: window::Id, field: &str) -> iced::Task<T> {
    super::focus::focus_in(super::focus::root(window), field_id(window, field))
}

/// What is going on with sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sending {
    /// Not sending.
    Idle,
    /// Being put into the outbox.
    Queueing,
    /// In the outbox, waiting out the undo delay until this time (Unix
    /// seconds): Undo (or Esc, or any edit) takes it back.
    Held(u64),
    /// Sending: message bytes written and the total.
    InProgress(u64, u64),
    /// The last attempt failed: the translated reason.
    Failed(Why),
    /// The message went out (from this window or from the outbox): the
    /// window closes and never sends it again.
    Sent,
}

/// The body editor's keys: iced's, except the window's own shortcuts.
/// Ctrl+Enter sends (the editor must not break the line too), and
/// Ctrl+Shift+A attaches (iced would take it as Ctrl+A, select all, and
/// the next key typed would replace the whole text).
pub fn editor_binding<M>(press: text_editor::KeyPress) -> Option<text_editor::Binding<M>> {
    use iced::keyboard::Key;
    use iced::keyboard::key::Named;
    let command = press.modifiers.command();
    let enter = matches!(press.key.as_ref(), Key::Named(Named::Enter));
    let attach = press.modifiers.shift() && press.key.to_latin(press.physical_key) == Some('a');
    // Ctrl+1 … Ctrl+5 are the main window's views: never a digit in the
    // text (a tryout found "1" typed into the body).
    let digit = press
        .key
        .to_latin(press.physical_key)
        .is_some_and(|c| c.is_ascii_digit());
    if command && (enter || attach || digit) {
        return None;
    }
    text_editor::Binding::from_key_press(press)
}

/// A compose window's state.
#[derive(Debug)]
pub struct State {
    /// The draft's id (its directory under drafts/).
    draft_id: String,
    /// The fields as typed.
    draft: Draft,
    /// The body editor.
    body: text_editor::Content,
    /// The path typed beside "Attach".
    attach_path: String,
    /// Unsaved changes since the last draft save.
    dirty: bool,
    /// Changes not sent (asks on close).
    unsent_changes: bool,
    /// Sending state.
    sending: Sending,
    /// A message for the person (attachment problems and the like).
    notice: Option<Notice>,
    /// Asking whether to keep the draft on close.
    asking_close: bool,
    /// Asking whether to send again a message that may have been sent.
    asking_resend: bool,
    /// The person said yes to sending it again.
    resend_confirmed: bool,
    /// Asking whether to send although something looks amiss (D23).
    asking_concerns: Vec<crate::draft::Concern>,
    /// The person said "send anyway" to those concerns (until the next
    /// change).
    concerns_confirmed: bool,
    /// When the person last changed something (autosave waits for a pause).
    edited_at: Option<std::time::Instant>,
    /// `edited_at` when the message was taken to be queued: a later edit
    /// is not in the queued message.
    queued_edit: Option<std::time::Instant>,
    /// When the first edit not yet saved was made (autosave keeps at most
    /// a second of typing at risk).
    unsaved_since: Option<std::time::Instant>,
    /// The outbox entry of the last failed attempt, replaced on the next.
    outbox_id: Option<String>,
    /// The sending account was edited since the last attempt failed.
    account_changed: bool,
    /// Attachment sizes in bytes, read once when attached (never while
    /// drawing).
    sizes: Sizes,
    /// Cc shown (asked for, or filled).
    show_cc: bool,
    /// Bcc shown (asked for, or filled).
    show_bcc: bool,
    /// The field (index in [`FOCUS_ORDER`]) known to have focus; `None`
    /// after a mouse click, when it is asked from the widgets instead.
    focus: Option<usize>,
    /// The attachment removed last (where it was, its copy, its size),
    /// which Undo puts back.
    removed: Option<(usize, PathBuf, u64)>,
    /// The window says "Draft saved" (a save asked for by hand, nothing
    /// changed since).
    said_saved: bool,
    /// The paths taken from the path field by Enter, in the order typed:
    /// the first is being attached, the others wait for it (attached one
    /// at a time, so none is dropped and the list keeps the typed order,
    /// which concurrent copies broke in a tryout). One that fails is put
    /// back in the field, to be corrected.
    typed_attaches: std::collections::VecDeque<String>,
    /// The message is being taken out of the outbox (Undo, or withdrawn
    /// after an edit): a second request meanwhile would fail and say "too
    /// late" about a message that never went (a tryout's burst of typing
    /// in the undo delay).
    leaving_outbox: bool,
    /// Esc or Ctrl+Z was pressed while the message was being put in the
    /// outbox: it is taken back as soon as it is there.
    take_back_once_queued: bool,
    /// Batches of chosen or dropped files being copied into the draft.
    chosen_copies: usize,
    /// Send was pressed while files were still being attached: the
    /// message is sent when they are in (a tryout's Send right after
    /// Enter in the path field was told the file was not attached).
    send_when_attached: bool,
    /// Ctrl+W while the message was being put in the outbox: the window
    /// closes once it is there (asking "keep the draft?" then was false:
    /// the message was going).
    close_when_queued: bool,
    /// The recipient field being typed in (its last address is not judged
    /// until the person moves on); `None` once something else is typed.
    typing_in: Option<crate::draft::Field>,
    /// The suggestion chosen with Up and Down (Enter or Tab inserts it).
    highlight: Option<usize>,
    /// The body's undo and redo steps.
    history: history::History,
    /// The checks made before sending (the settings').
    checks: crate::config::SendChecks,
    /// Send later's picker, when open: the time typed and why it was
    /// refused.
    later: Option<LaterForm>,
    /// The time (Unix seconds) the message is to go at, when Send later
    /// was chosen; `None` for a send now (after the undo delay).
    send_at: Option<u64>,
    /// The time (Unix seconds) of the scheduled outbox message this window
    /// was opened on, while it stays scheduled.
    scheduled_at: Option<u64>,
    /// When the attachment in `removed` was removed (Ctrl+Z undoes
    /// whichever came last: that or the last edit of the body).
    removed_at: Option<std::time::Instant>,
    /// Spell checking: the language, its checker, the suggestions popup.
    spell: Spell,
    /// The options row (priority, read receipt) is open.
    options_open: bool,
    /// The server's SIZE limit as last seen (bytes).
    size_limit: Option<u64>,
    /// The field (index in [`FOCUS_ORDER`]) typed in or focused last.
    last_field: Option<usize>,
}

impl State {
    /// A window on `draft` (saved as `draft_id`) whose attachments' sizes
    /// are not known: each counts 0 bytes. See [`State::with_sizes`].
    pub fn new(draft_id: String, draft: Draft) -> State {
        State::with_sizes(draft_id, draft, Sizes::new())
    }

    /// A window on `draft` with its attachments' `sizes` (bytes), read off
    /// the UI thread with [`sizes_of`].
    pub fn with_sizes(draft_id: String, draft: Draft, sizes: Sizes) -> State {
        let body = text_editor::Content::with_text(&draft.body);
        let (show_cc, show_bcc) = (!draft.cc.trim().is_empty(), !draft.bcc.trim().is_empty());
        State {
            draft_id,
            draft,
            body,
            attach_path: String::new(),
            dirty: false,
            unsent_changes: false,
            sending: Sending::Idle,
            notice: None,
            asking_close: false,
            asking_resend: false,
            resend_confirmed: false,
            asking_concerns: Vec::new(),
            concerns_confirmed: false,
            edited_at: None,
            queued_edit: None,
            unsaved_since: None,
            outbox_id: None,
            account_changed: false,
            focus: Some(0),
            show_cc,
            show_bcc,
            sizes,
            removed: None,
            said_saved: false,
            typed_attaches: std::collections::VecDeque::new(),
            take_back_once_queued: false,
            chosen_copies: 0,
            send_when_attached: false,
            close_when_queued: false,
            typing_in: None,
            highlight: None,
            history: history::History::default(),
            removed_at: None,
            later: None,
            send_at: None,
            scheduled_at: None,
            checks: crate::config::SendChecks::default(),
            leaving_outbox: false,
            spell: Spell::new(crate::i18n::Language::Auto),
            options_open: false,
            size_limit: None,
            last_field: None,
        }
    }

    fn changed(&mut self) {
        self.said_saved = false;
        self.edited_at = Some(std::time::Instant::now());
        self.unsaved_since
            .get_or_insert_with(std::time::Instant::now);
        self.dirty = true;
        self.unsent_changes = true;
        self.concerns_confirmed = false;
        // A message that may have been sent keeps saying so while it is
        // edited (a tryout's edit made the warning vanish, though the
        // outbox still said so).
        if matches!(&self.sending, Sending::Failed(Why::Failure(f, _)) if !f.may_have_been_sent())
            || matches!(&self.sending, Sending::Failed(Why::Text(_)))
        {
            self.sending = Sending::Idle;
        }
    }

    /// The field Tab moves to from field `i` of [`FOCUS_ORDER`] (back with
    /// `back`), over Cc and Bcc while they are hidden.
    pub fn next_field(&self, i: usize, back: bool) -> usize {
        let n = FOCUS_ORDER.len();
        let mut next = i;
        for _ in 0..n {
            next = if back {
                (next + n - 1) % n
            } else {
                (next + 1) % n
            };
            let hidden = (FOCUS_ORDER[next] == "cc" && !self.show_cc)
                || (FOCUS_ORDER[next] == "bcc" && !self.show_bcc);
            if !hidden {
                break;
            }
        }
        next
    }

    /// The problems that keep Send disabled, for `account`.
    pub fn problems(&self, account: Option<&Account>) -> Vec<Problem> {
        let mut draft = self.draft.clone();
        // Attachments are checked when attached, not on every keystroke.
        draft.attachments.clear();
        draft.validate(account)
    }

    /// Handles `message`.
    pub fn update(&mut self, message: Message) -> Action {
        let held = matches!(self.sending, Sending::Held(_));
        let failed_in_outbox =
            matches!(self.sending, Sending::Failed(_)) && self.outbox_id.is_some();
        let scheduled = self.is_scheduled();
        let edited = self.edited_at;
        let action = self.apply(message);
        self.last_field = self.focus.or(self.last_field);
        let edit = self.edited_at != edited && matches!(action, Action::None | Action::Focus(_));
        // An edit during the undo delay takes the message back, so what
        // goes out is what the window shows.
        if held && edit {
            return Action::Undo;
        }
        // So does an edit after a failed attempt: a retry (the person's or
        // the outbox's own) must never send the older text and then
        // delete the draft that holds the newer (a tryout lost an edit
        // this way).
        // And an edit of a scheduled message: it leaves the schedule (a
        // Send or Send later puts it back), so the older text never goes.
        if (failed_in_outbox || scheduled) && edit {
            return Action::Withdraw;
        }
        if edit
            && action == Action::None
            && let Some(lang) = self.follow_the_text()
        {
            return Action::SpellLanguage(Some(lang));
        }
        action
    }

    fn apply(&mut self, message: Message) -> Action {
        match message {
            Message::Undo => return Action::Undo,
            Message::AddAccount => return Action::AddAccount,
            Message::Submitted(field) => {
                let i = FOCUS_ORDER.iter().position(|f| *f == field).unwrap_or(0);
                return Action::Focus(FOCUS_ORDER[self.next_field(i, false)]);
            }
            Message::ShowCc => {
                self.show_cc = true;
                return Action::Focus("cc");
            }
            Message::ShowBcc => {
                self.show_bcc = true;
                return Action::Focus("bcc");
            }
            Message::ResendYes => {
                self.asking_resend = false;
                self.resend_confirmed = true;
                return Action::Send;
            }
            Message::ResendNo => {
                self.asking_resend = false;
                return Action::Focus(self.field_to_return_to());
            }
            Message::From(choice) => {
                let old = self.draft.account.replace(choice.id);
                let old_identity = std::mem::replace(&mut self.draft.identity, choice.identity);
                self.changed();
                return Action::FromChanged(old, old_identity);
            }
            Message::To(s) => {
                self.highlight = None;
                self.focus = Some(0);
                self.typing_in = Some(crate::draft::Field::To);
                self.draft.to = s;
                self.changed();
            }
            Message::Cc(s) => {
                self.highlight = None;
                self.focus = Some(1);
                self.typing_in = Some(crate::draft::Field::Cc);
                self.draft.cc = s;
                self.changed();
            }
            Message::Bcc(s) => {
                self.highlight = None;
                self.focus = Some(2);
                self.typing_in = Some(crate::draft::Field::Bcc);
                self.draft.bcc = s;
                self.changed();
            }
            Message::Subject(s) => {
                self.focus = Some(3);
                self.typing_in = None;
                // A pasted line break becomes a space, as in Thunderbird
                // (dropped, it glued the words: "Subj ABcc:", tryout 11).
                self.draft.subject = if s.contains(['\r', '\n']) {
                    s.replace("\r\n", " ").replace(['\r', '\n'], " ")
                } else {
                    s
                };
                self.changed();
            }
            Message::Body(action) => {
                let edits = action.is_edit();
                if let text_editor::Action::Edit(edit) = &action {
                    let (text, cursor) = (&self.draft.body, self.body.cursor());
                    self.history.record(
                        history::Kind::of(edit),
                        || history::Snapshot {
                            text: text.clone(),
                            cursor,
                        },
                        std::time::Instant::now(),
                    );
                }
                self.body.perform(action);
                if edits {
                    self.focus = Some(4);
                    self.typing_in = None;
                    self.draft.body = self.body.text();
                    self.changed();
                }
            }
            Message::AttachPath(s) => {
                self.focus = Some(5);
                self.typing_in = None;
                // Keys typed right after Enter come without the path just
                // taken (the field's widget strips it, `submit_clears`).
                self.attach_path = s;
                if self.attach_path.trim().is_empty()
                    && matches!(self.notice, Some(Notice::AboutPath(_)))
                {
                    self.notice = None;
                }
            }
            Message::AttachTyped => {
                if self.attach_path.trim().trim_matches('"').is_empty() {
                    return Action::None;
                }
                let path = typed_path(&self.attach_path);
                // Cleared now, so the next path typed at once starts
                // afresh (a tryout's two paths ran together); put back if
                // it cannot be attached, to be corrected (D26).
                self.typed_attaches
                    .push_back(std::mem::take(&mut self.attach_path));
                // One at a time: the next waits for this one's copy.
                if self.typed_attaches.len() > 1 {
                    return Action::None;
                }
                return Action::AttachTyped(path);
            }
            Message::AttachDialog => return Action::PickFiles,
            Message::RemoveAttachment(n) => {
                if n < self.draft.attachments.len() {
                    let path = self.draft.attachments.remove(n);
                    let size = self.sizes.remove(&path).unwrap_or(0);
                    self.removed = Some((n, path, size));
                    self.removed_at = Some(std::time::Instant::now());
                    self.changed();
                    // The focus was on the button just gone: it goes to
                    // the path field, where what is typed next is seen
                    // (a tryout's next words went nowhere).
                    return Action::Focus("attach");
                }
            }
            Message::UndoEdit => {
                let removal_last = match (self.removed_at, self.history.last_edit()) {
                    (Some(removed), Some(edited)) => removed > edited,
                    (Some(_), None) => self.removed.is_some(),
                    _ => false,
                };
                if removal_last && self.removed.is_some() {
                    return self.apply(Message::UndoRemove);
                }
                let now = self.body_snapshot();
                if let Some(before) = self.history.undo(now) {
                    return self.restore_body(before);
                }
            }
            Message::RedoEdit => {
                let now = self.body_snapshot();
                if let Some(after) = self.history.redo(now) {
                    return self.restore_body(after);
                }
            }
            Message::UndoRemove => {
                if let Some((n, path, size)) = self.removed.take() {
                    self.sizes.insert(path.clone(), size);
                    let at = n.min(self.draft.attachments.len());
                    self.draft.attachments.insert(at, path);
                    self.changed();
                    // Undo's button is gone: the focus to the path field,
                    // as after Remove (keys typed then were lost).
                    return Action::Focus("attach");
                }
            }
            Message::Send => {
                // Every address is judged now, the last one typed too.
                self.typing_in = None;
                if self.sending_now() {
                    return Action::None;
                }
                // Files still being copied in: sent when they are, so the
                // checks below see them.
                if self.attaching() {
                    self.send_when_attached = true;
                    self.notice = Some(Notice::Said(|| t!("compose-send-after-attach")));
                    return Action::None;
                }
                // No subject, or an attachment spoken of but missing: ask
                // first (D23), with the focus on "Send anyway".
                // Not when something already keeps it from going (an
                // invalid Cc): "Send anyway" would be false (tryout 14);
                // the send is refused with its reasons instead.
                let blocked = self
                    .problems(None)
                    .iter()
                    .any(|p| p.field != crate::draft::Field::From);
                if !self.concerns_confirmed && !blocked {
                    self.asking_concerns = self.draft.pre_send_concerns(&self.checks);
                    // A path typed but never attached (a third tryout sent
                    // without the file it meant).
                    if !self.attach_path.trim().is_empty() || !self.typed_attaches.is_empty() {
                        self.asking_concerns
                            .push(crate::draft::Concern::PathNotAttached);
                    }
                    self.asking_concerns.extend(self.too_big());
                    if !self.asking_concerns.is_empty() {
                        return Action::Focus(CONCERNS_CANCEL);
                    }
                }
                return Action::Send;
            }
            Message::SendAnyway => {
                self.asking_concerns.clear();
                self.concerns_confirmed = true;
                return Action::Send;
            }
            Message::ConcernsCancel => {
                self.asking_concerns.clear();
                self.send_at = None;
                return Action::Focus(self.field_to_return_to());
            }
            m @ (Message::Options | Message::HighPriority(_) | Message::ReadReceipt(_)) => {
                return self.apply_options(m);
            }
            m @ (Message::SpellLanguage(_)
            | Message::SpellCheck
            | Message::SpellCheckIn(_)
            | Message::SpellPick(_)
            | Message::SpellAdd
            | Message::SpellClose) => return self.apply_spell(m),
            m @ (Message::SendLater
            | Message::LaterText(_)
            | Message::LaterAt(_)
            | Message::LaterConfirm
            | Message::LaterCancel) => return self.apply_later(m),
            Message::CancelSend => {
                if let (Sending::InProgress(..), Some(id)) = (&self.sending, &self.outbox_id) {
                    return Action::CancelSend(id.clone());
                }
            }
            Message::Save => return Action::Save,
            Message::CloseKeep => return Action::CloseKeep,
            Message::CloseDiscard => return Action::CloseDiscard,
            Message::CloseCancel => {
                self.asking_close = false;
                return Action::Focus(self.field_to_return_to());
            }
            // Into the recipient field being typed in, in place of what
            // was typed of it.
            Message::Highlight(n) => self.highlight = n,
            m @ (Message::Suggest(_) | Message::SuggestAndMoveOn(_)) => {
                let (addr, move_on) = match m {
                    Message::SuggestAndMoveOn(a) => (a, true),
                    Message::Suggest(a) => (a, false),
                    _ => return Action::None,
                };
                self.highlight = None;
                let (field, id, next) = match self.recipient_field().map(|(f, _)| f) {
                    Some(crate::draft::Field::Cc) => (
                        &mut self.draft.cc,
                        "cc",
                        if self.show_bcc { "bcc" } else { "subject" },
                    ),
                    Some(crate::draft::Field::Bcc) => (&mut self.draft.bcc, "bcc", "subject"),
                    _ => (
                        &mut self.draft.to,
                        "to",
                        if self.show_cc {
                            "cc"
                        } else if self.show_bcc {
                            "bcc"
                        } else {
                            "subject"
                        },
                    ),
                };
                let mut parts: Vec<&str> = field.rsplitn(2, [',', ';']).collect();
                parts.reverse();
                let head = if parts.len() == 2 {
                    format!("{}, ", parts[0].trim_end())
                } else {
                    String::new()
                };
                if move_on {
                    *field = format!("{head}{addr}");
                    self.changed();
                    self.typing_in = None;
                    return Action::Focus(next);
                }
                *field = format!("{head}{addr}, ");
                self.changed();
                // The cursor after it, in the field, for the next address
                // (a chip clicked had taken the focus).
                return Action::Focus(id);
            }
        }
        Action::None
    }

    /// The recipient field the cursor was last in (To, Cc or Bcc) and its
    /// text, for suggestions; none when the cursor is elsewhere.
    pub fn recipient_field(&self) -> Option<(crate::draft::Field, &str)> {
        match self.focus? {
            0 => Some((crate::draft::Field::To, self.draft.to.as_str())),
            1 => Some((crate::draft::Field::Cc, self.draft.cc.as_str())),
            2 => Some((crate::draft::Field::Bcc, self.draft.bcc.as_str())),
            _ => None,
        }
    }

    /// The recipient field being typed in and its text: its last address
    /// is still being typed, and not judged yet (a tryout read "no @ in
    /// the address" after its first letter).
    pub fn typing_in(&self) -> Option<(crate::draft::Field, &str)> {
        match self.typing_in? {
            crate::draft::Field::Cc => Some((crate::draft::Field::Cc, self.draft.cc.as_str())),
            crate::draft::Field::Bcc => Some((crate::draft::Field::Bcc, self.draft.bcc.as_str())),
            _ => Some((crate::draft::Field::To, self.draft.to.as_str())),
        }
    }

    /// The checks to make before sending (from the settings, given
    /// before each message the window handles).
    pub fn set_checks(&mut self, checks: crate::config::SendChecks) {
        self.checks = checks;
    }

    /// The suggestion marked with Up and Down, if any.
    pub fn highlight(&self) -> Option<usize> {
        self.highlight
    }

    /// Whether files are still being copied into the draft (typed paths
    /// or chosen files).
    pub fn attaching(&self) -> bool {
        !self.typed_attaches.is_empty() || self.chosen_copies > 0
    }

    /// The app started copying chosen or dropped files into the draft;
    /// [`Compose::attach_finished`] reports the end.
    pub fn copy_started(&mut self) {
        self.chosen_copies += 1;
    }

    /// Whether a send is under way.
    pub fn sending_now(&self) -> bool {
        matches!(
            self.sending,
            Sending::InProgress(..) | Sending::Queueing | Sending::Held(_)
        )
    }

    /// Replaces the whole text (the signature swapped for another
    /// sender's).
    pub fn set_body(&mut self, body: String) {
        let before = self.body_snapshot();
        self.history
            .record(history::Kind::Replace, || before, std::time::Instant::now());
        self.body = text_editor::Content::with_text(&body);
        self.draft.body = body;
        self.changed();
    }

    /// The body as it is now, for the history.
    fn body_snapshot(&self) -> history::Snapshot {
        history::Snapshot {
            text: self.draft.body.clone(),
            cursor: self.body.cursor(),
        }
    }

    /// Shows `state` of the body (undone or redone): an edit like any
    /// other (saved, and a held send is taken back); the cursor goes to
    /// the body, where the change is.
    fn restore_body(&mut self, state: history::Snapshot) -> Action {
        self.body = text_editor::Content::with_text(&state.text);
        self.body.move_to(state.cursor);
        self.draft.body = state.text;
        self.focus = Some(4);
        self.changed();
        Action::Focus("body")
    }

    /// Adds attachments already copied into the draft, with their sizes
    /// (bytes).
    pub fn attached(&mut self, copies: Vec<(PathBuf, u64)>) {
        for (path, size) in copies {
            self.sizes.insert(path.clone(), size);
            self.draft.attachments.push(path);
        }
        self.changed();
    }
}

/// The file a path typed in the path field names: without the quotes
/// and `file://` a file manager's copy adds.
fn typed_path(typed: &str) -> PathBuf {
    let path = typed.trim().trim_matches('"');
    PathBuf::from(path.strip_prefix("file://").unwrap_or(path))
}

/// Where files being attached came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A path typed in the path field ([`Action::AttachTyped`]).
    Typed,
    /// The file chooser, or dropped on the window.
    Chosen,
}

/// Attachment sizes in bytes, by file.
pub type Sizes = std::collections::HashMap<PathBuf, u64>;

/// The size of each of `paths` in bytes (0 when it cannot be read). Reads
/// the disk: call it off the UI thread.
pub fn sizes_of(paths: &[PathBuf]) -> Sizes {
    paths
        .iter()
        .map(|p| {
            (
                p.clone(),
                std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
            )
        })
        .collect()
}

mod from;
mod history;
mod later;
mod lifecycle;
mod message;
mod notice;
mod options;
mod spell;
mod suggest;
mod view;

pub use from::{FromChoice, from_label, sender_label};
pub use later::{LATER_ID, LaterForm};
pub use message::{Action, Message};
pub use notice::{Notice, Why};
pub use spell::{SPELL_FIRST, Spell, SpellChoice};
pub use suggest::{subject_keys, suggestion_keys};
pub use view::{encoded_size, view};
