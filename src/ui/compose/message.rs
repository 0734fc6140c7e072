//! What the person does in a compose window, and what the app must do
//! after.

use std::path::PathBuf;

use iced::widget::text_editor;

use super::FromChoice;
use crate::account::AccountId;

/// What the person did.
#[derive(Debug, Clone)]
pub enum Message {
    /// Chose the sending account.
    From(FromChoice),
    /// Typed in To.
    To(String),
    /// Typed in Cc.
    Cc(String),
    /// Typed in Bcc.
    Bcc(String),
    /// Typed the subject.
    Subject(String),
    /// Edited the body.
    Body(text_editor::Action),
    /// Typed a path to attach.
    AttachPath(String),
    /// Attach the typed path.
    AttachTyped,
    /// Open the file chooser.
    AttachDialog,
    /// Remove attachment `n`.
    RemoveAttachment(usize),
    /// Put the attachment removed last back.
    UndoRemove,
    /// Ctrl+Z: undo the last edit of the body, or the removal of an
    /// attachment if that came after it.
    UndoEdit,
    /// Ctrl+Shift+Z or Ctrl+Y: redo what was undone last.
    RedoEdit,
    /// Send.
    Send,
    /// Save the draft now.
    Save,
    /// Close answered: keep the draft.
    CloseKeep,
    /// Close answered: discard it.
    CloseDiscard,
    /// Close answered: go back.
    CloseCancel,
    /// Use a suggested address in the recipient field typed in.
    Suggest(String),
    /// Use a suggested address, then go on to the next field (Tab, as in
    /// Thunderbird; Enter stays for another address).
    SuggestAndMoveOn(String),
    /// Up or Down among the suggestions: the one marked (`None`: back in
    /// the field).
    Highlight(Option<usize>),
    /// Take the queued message back (during the undo delay).
    Undo,
    /// There is no account yet: set one up (in the main window).
    AddAccount,
    /// Enter in this field: the cursor moves to the next one.
    Submitted(&'static str),
    /// Show the Cc field (Ctrl+Shift+C).
    ShowCc,
    /// Show the Bcc field (Ctrl+Shift+B).
    ShowBcc,
    /// "May have been sent" answered: send it again.
    ResendYes,
    /// "May have been sent" answered: do not.
    ResendNo,
    /// Stop the send under way (before its end nothing is delivered; the
    /// message waits in the outbox).
    CancelSend,
    /// Open Send later's picker.
    SendLater,
    /// The time typed in it.
    LaterText(String),
    /// Send at this offered time (`YYYY-MM-DD HH:MM`).
    LaterAt(String),
    /// Send at the time typed.
    LaterConfirm,
    /// Close the picker.
    LaterCancel,
    /// "Send anyway" to a question asked before sending.
    SendAnyway,
    /// "Cancel" to it: back to the message.
    ConcernsCancel,
    /// The language the message is checked in (or none).
    SpellLanguage(super::SpellChoice),
    /// F7: suggestions for the misspelt word at the cursor or after it.
    SpellCheck,
    /// F7 in the subject (`true`) or the text: suggestions there.
    SpellCheckIn(bool),
    /// Put this correction in the word's place.
    SpellPick(String),
    /// Add the word to the person's dictionary.
    SpellAdd,
    /// Close the suggestions.
    SpellClose,
    /// Open or close the options row.
    Options,
    /// High priority on or off.
    HighPriority(bool),
    /// A read receipt asked for, or not.
    ReadReceipt(bool),
}

/// What the app must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Nothing more.
    None,
    /// Save the draft.
    Save,
    /// Send the message.
    Send,
    /// Open the file chooser.
    PickFiles,
    /// Copy these files into the draft.
    Attach(Vec<PathBuf>),
    /// Attach this path, typed in the path field (when its copy is done,
    /// the app reports it with [`Source::Typed`]).
    AttachTyped(PathBuf),
    /// Close the window, keeping the draft.
    CloseKeep,
    /// Close the window and delete the draft.
    CloseDiscard,
    /// Take the queued message back into the draft.
    Undo,
    /// Open the account setup in the main window.
    AddAccount,
    /// Put the cursor in this field.
    Focus(&'static str),
    /// Stop the running send of this outbox message.
    CancelSend(String),
    /// Take the failed message out of the outbox (it was edited): the
    /// window is its draft again, sent by the next Send.
    Withdraw,
    /// The sender changed (from this account and identity): its signature
    /// in the text becomes the new sender's.
    FromChanged(Option<AccountId>, Option<String>),
    /// Check the message in this language from now on (load its
    /// dictionary), or in none.
    SpellLanguage(Option<crate::i18n::Language>),
    /// Add this word to the person's dictionary.
    AddWord(String),
}
