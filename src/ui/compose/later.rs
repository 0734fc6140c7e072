//! Send later in the compose window: the picker (a time typed, or one
//! offered) and the send it starts at that time.

use super::{Action, Message, State};

/// Send later's picker: the time typed (`YYYY-MM-DD HH:MM`, local) and
/// why it was refused (translated).
#[derive(Debug, Clone, Default)]
pub struct LaterForm {
    /// The time as typed.
    pub text: String,
    /// Why it cannot be used.
    pub error: Option<String>,
}

/// The Send later field's name (the focus goes there when it opens).
pub const LATER_ID: &str = "later";

impl State {
    /// Send later's picker, when open.
    pub fn later(&self) -> Option<&LaterForm> {
        self.later.as_ref()
    }

    /// The time (Unix seconds) Send later chose, for the send being
    /// queued.
    pub fn send_at(&self) -> Option<u64> {
        self.send_at
    }

    /// When the scheduled outbox message this window shows goes (opened
    /// to look at or change it), unless it is changed.
    pub fn scheduled_at(&self) -> Option<u64> {
        self.scheduled_at.filter(|_| self.is_scheduled())
    }

    /// Whether the window shows a message scheduled in the outbox: it
    /// goes at its time unless changed.
    pub fn is_scheduled(&self) -> bool {
        self.scheduled_at.is_some()
            && self.outbox_id.is_some()
            && matches!(self.sending, super::Sending::Idle)
    }

    /// Handles the picker's messages.
    pub(super) fn apply_later(&mut self, message: Message) -> Action {
        match message {
            Message::SendLater => {
                if self.sending_now() {
                    return Action::None;
                }
                let [tomorrow, _] = crate::outbox::later::offered_times(crate::outbox::now());
                self.later = Some(LaterForm {
                    text: tomorrow,
                    error: None,
                });
                return Action::Focus(LATER_ID);
            }
            Message::LaterText(text) => {
                if let Some(f) = &mut self.later {
                    f.text = text;
                    f.error = None;
                }
            }
            Message::LaterAt(text) => {
                if let Some(f) = &mut self.later {
                    f.text = text;
                }
                return self.apply(Message::LaterConfirm);
            }
            Message::LaterConfirm => {
                use crate::report::Localize;
                let Some(f) = &mut self.later else {
                    return Action::None;
                };
                match crate::outbox::later::parse_later(&f.text, crate::outbox::now()) {
                    Ok(at) => {
                        self.later = None;
                        self.send_at = Some(at);
                        return self.apply(Message::Send);
                    }
                    Err(e) => f.error = Some(e.localize()),
                }
            }
            Message::LaterCancel => {
                self.later = None;
                return Action::Focus(self.field_to_return_to());
            }
            _ => {}
        }
        Action::None
    }
}
