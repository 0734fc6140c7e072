//! The keyboard: shortcuts decoded from raw events (which window they
//! came from included), Tab within one window's fields, and what each
//! shortcut does.

use std::path::PathBuf;

use iced::keyboard::{self, Key, key::Named};
use iced::widget::operation;
use iced::{Event, Task, event, window};

use super::app::{App, Message, Screen};
use super::{compose, main_window, wizard};

/// A keyboard shortcut or window event, already decoded.
#[derive(Debug, Clone)]
pub enum Input {
    /// Tab (forward) or Shift+Tab (back).
    Tab {
        /// Shift held.
        back: bool,
    },
    /// Ctrl+N.
    NewMessage,
    /// Ctrl+1 … Ctrl+5: a view of the main window (its index).
    View(usize),
    /// Ctrl+Shift+C: show Cc.
    ShowCc,
    /// Ctrl+Shift+B: show Bcc.
    ShowBcc,
    /// Ctrl+Enter.
    Send,
    /// Ctrl+S.
    Save,
    /// Ctrl+Shift+A.
    Attach,
    /// Esc.
    Escape,
    /// A file dropped on the window.
    Dropped(PathBuf),
    /// A mouse click (focus may have moved).
    Click,
}

impl App {
    pub(super) fn input(&mut self, id: window::Id, input: Input) -> Task<Message> {
        let is_compose = matches!(self.windows.get(&id), Some(Screen::Compose(_)));
        match input {
            Input::NewMessage if !self.accounts().is_empty() => self.open_compose(None),
            Input::NewMessage => Task::none(),
            Input::View(n) if !is_compose => match main_window::Tab::ALL.get(n) {
                Some(tab) => self.update(Message::Main(main_window::Message::Tab(*tab))),
                None => Task::none(),
            },
            Input::Tab { back } if is_compose => {
                let Some(Screen::Compose(c)) = self.windows.get_mut(&id) else {
                    return Task::none();
                };
                match c.focus {
                    // Known: move at once, before the next keystroke.
                    Some(i) => {
                        let next = c.next_field(i, back);
                        c.focus = Some(next);
                        compose::focus_field(id, compose::FOCUS_ORDER[next])
                    }
                    // After a click: ask the widgets.
                    None => probe(id, 0, back),
                }
            }
            Input::Click => {
                if let Some(Screen::Compose(c)) = self.windows.get_mut(&id) {
                    c.focus = None;
                }
                Task::none()
            }
            // The main window: among its own fields only.
            Input::Tab { back } => {
                super::focus::focus_next_within(main_window::focus_scope(), back)
            }
            Input::Send if is_compose => self.update(Message::Compose(id, compose::Message::Send)),
            Input::Save if is_compose => self.update(Message::Compose(id, compose::Message::Save)),
            Input::Attach if is_compose => {
                // A text field took Ctrl+Shift+A as Ctrl+A and selected all
                // its text: put the cursor at its end again, so the next key
                // typed does not replace the text.
                let unselect = compose::FOCUS_ORDER
                    .iter()
                    .filter(|f| **f != "body")
                    .map(|f| operation::move_cursor_to_end(compose::field_id(id, f)));
                Task::batch(unselect.collect::<Vec<_>>())
                    .chain(self.update(Message::Compose(id, compose::Message::AttachDialog)))
            }
            Input::Escape => {
                if let Some(Screen::Compose(c)) = self.windows.get_mut(&id) {
                    // Esc during the undo delay takes the message back.
                    if matches!(c.sending, compose::Sending::Held(_)) {
                        return self.undo(id);
                    }
                    c.asking_close = false;
                    c.asking_resend = false;
                } else if let Some(w) = &self.wizard {
                    let message = match w.step {
                        wizard::Step::Searching | wizard::Step::Testing => wizard::Message::Cancel,
                        _ => wizard::Message::Close,
                    };
                    return self.update(Message::Wizard(message));
                } else {
                    self.main.confirm = None;
                }
                Task::none()
            }
            Input::Dropped(path) if is_compose => self.attach(id, vec![path]),
            Input::ShowCc if is_compose => {
                self.update(Message::Compose(id, compose::Message::ShowCc))
            }
            Input::ShowBcc if is_compose => {
                self.update(Message::Compose(id, compose::Message::ShowBcc))
            }
            _ => Task::none(),
        }
    }

    /// Where the cursor was, asked of the widgets after a click: Tab moves
    /// on from the field that has it.
    pub(super) fn focus_probe(
        &mut self,
        id: window::Id,
        index: usize,
        focused: bool,
        back: bool,
    ) -> Task<Message> {
        let n = compose::FOCUS_ORDER.len();
        if focused {
            let next = match self.windows.get_mut(&id) {
                Some(Screen::Compose(c)) => {
                    let next = c.next_field(index, back);
                    c.focus = Some(next);
                    next
                }
                _ => 0,
            };
            return compose::focus_field(id, compose::FOCUS_ORDER[next]);
        }
        if index + 1 < n {
            return probe(id, index + 1, back);
        }
        compose::focus_field(id, compose::FOCUS_ORDER[0])
    }
}

fn probe(id: window::Id, index: usize, back: bool) -> Task<Message> {
    operation::is_focused(compose::field_id(id, compose::FOCUS_ORDER[index]))
        .map(move |focused| Message::FocusProbe(id, index, focused, back))
}

/// Turns raw events into inputs; keeps only what the app uses.
pub(super) fn decode_event(event: Event, status: event::Status, id: window::Id) -> Option<Message> {
    match event {
        Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) => {
            let input = match key.as_ref() {
                Key::Named(Named::Tab) if status == event::Status::Ignored => Input::Tab {
                    back: modifiers.shift(),
                },
                Key::Named(Named::Enter) if modifiers.command() => Input::Send,
                Key::Named(Named::Escape) => Input::Escape,
                Key::Character(c) if modifiers.command() && c.eq_ignore_ascii_case("n") => {
                    Input::NewMessage
                }
                Key::Character(c) if modifiers.command() && c.eq_ignore_ascii_case("s") => {
                    Input::Save
                }
                Key::Character(c)
                    if modifiers.command() && modifiers.shift() && c.eq_ignore_ascii_case("a") =>
                {
                    Input::Attach
                }
                Key::Character(c)
                    if modifiers.command() && modifiers.shift() && c.eq_ignore_ascii_case("c") =>
                {
                    Input::ShowCc
                }
                Key::Character(c)
                    if modifiers.command() && modifiers.shift() && c.eq_ignore_ascii_case("b") =>
                {
                    Input::ShowBcc
                }
                Key::Character(c) if modifiers.command() && !modifiers.shift() => {
                    match c.parse::<usize>() {
                        Ok(n @ 1..=5) => Input::View(n - 1),
                        _ => return None,
                    }
                }
                _ => return None,
            };
            Some(Message::Input(id, input))
        }
        Event::Window(window::Event::FileDropped(path)) => {
            Some(Message::Input(id, Input::Dropped(path)))
        }
        _ => None,
    }
}
