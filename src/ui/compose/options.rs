//! The message's options (the header bar's Options): high priority and a
//! read receipt, both off unless asked for (as Thunderbird's Options
//! menu has them).

use iced::Element;
use iced::widget::row;

use super::{Action, Message, State};
use crate::t;
use crate::ui::widget::checkbox;

impl State {
    /// Whether the options row is open.
    pub fn options_open(&self) -> bool {
        self.options_open
    }

    /// Handles the options' messages.
    pub(super) fn apply_options(&mut self, message: Message) -> Action {
        match message {
            Message::Options => self.options_open = !self.options_open,
            Message::HighPriority(on) => {
                self.draft.high_priority = on;
                self.changed();
            }
            Message::ReadReceipt(on) => {
                self.draft.read_receipt = on;
                self.changed();
            }
            _ => {}
        }
        Action::None
    }
}

/// The options row, when open: the two checkboxes (Tab reaches them, Space
/// flips them).
pub fn options_row(state: &State) -> Option<Element<'_, Message>> {
    (state.options_open || state.draft.high_priority || state.draft.read_receipt).then(|| {
        row![
            checkbox(state.draft.high_priority)
                .label(t!("compose-high-priority"))
                .on_toggle(Message::HighPriority),
            checkbox(state.draft.read_receipt)
                .label(t!("compose-read-receipt"))
                .on_toggle(Message::ReadReceipt),
        ]
        .spacing(crate::ui::style::space::L)
        .into()
    })
}
