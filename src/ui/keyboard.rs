//! The keyboard: shortcuts decoded from keys (by each window's root,
//! [`super::focus::FocusScope`], which also moves the focus on Tab), and
//! what each shortcut does.

use std::path::PathBuf;

use iced::keyboard::{self, Key, key::Named};
use iced::{Event, Task, event, window};

use super::app::{App, Message, Screen};
use super::{compose, main_window, wizard};

/// A keyboard shortcut or window event, already decoded.
#[derive(Debug, Clone)]
pub enum Input {
    /// Ctrl+N.
    NewMessage,
    /// Ctrl+1 … Ctrl+6: a view of the main window (its index).
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
    /// Ctrl+W: close this window (a compose window asks first when there
    /// is anything to keep).
    CloseWindow,
    /// Ctrl+Q: quit, closing every window as Ctrl+W would (a compose
    /// window with anything to keep asks first, and keeps Koperta open
    /// until it is answered).
    Quit,
    /// A file dropped on the window.
    Dropped(PathBuf),
    /// Ctrl+Z: in the main window, undo the discard its toast offers; in
    /// a compose window, take a held send back, else undo the last edit.
    Undo,
    /// Ctrl+Shift+Z or Ctrl+Y: redo the edit undone last.
    Redo,
    /// F7: spelling suggestions for the word at the cursor (or the next
    /// misspelt one), as F7 checks spelling in Thunderbird.
    Spelling,
}

impl App {
    pub(super) fn input(&mut self, id: window::Id, input: Input) -> Task<Message> {
        let is_compose = matches!(self.windows.get(&id), Some(Screen::Compose(_)));
        match input {
            Input::NewMessage if !self.accounts().is_empty() => {
                self.open_compose(None, super::compose::Sizes::new())
            }
            Input::NewMessage => Task::none(),
            Input::View(n) if !is_compose => match main_window::Tab::ALL.get(n) {
                Some(tab) => {
                    let shown = self.update(Message::Main(main_window::Message::Tab(*tab)));
                    // A list's first row takes the focus, so Down and
                    // Enter work at once (a tryout needed six Tabs).
                    if self.rows_in(*tab) > 0 {
                        shown.chain(self.focus_main(main_window::row_id(0)))
                    } else {
                        shown
                    }
                }
                None => Task::none(),
            },
            Input::Send if is_compose => self.update(Message::Compose(id, compose::Message::Send)),
            Input::Save if is_compose => self.update(Message::Compose(id, compose::Message::Save)),
            // The window's root keeps Ctrl+Shift+A from the fields (a text
            // field took it as Ctrl+A and selected all its text).
            Input::Attach if is_compose => {
                self.update(Message::Compose(id, compose::Message::AttachDialog))
            }
            // Esc closes a read-only sent message, as Ctrl+W does.
            Input::Escape if matches!(self.windows.get(&id), Some(Screen::Sent(_))) => {
                window::close(id)
            }
            Input::Escape => {
                // Address suggestions shown: Esc is theirs, never a close.
                let suggesting = matches!(
                    self.windows.get(&id),
                    Some(Screen::Compose(c)) if !self.compose_suggestions(c).is_empty()
                );
                if let Some(Screen::Compose(c)) = self.windows.get_mut(&id) {
                    // Esc closes the spelling suggestions, the cursor back
                    // where it was.
                    if c.spell_popup_open() && !c.sending_now() {
                        return self.update(Message::Compose(id, compose::Message::SpellClose));
                    }
                    // Esc during the undo delay takes the message back.
                    let asking = c.is_asking();
                    if c.escape() {
                        return self.undo(id);
                    }
                    // A question closed: the cursor goes back to the text.
                    if asking {
                        // Esc on "keep the draft?" also stops a Ctrl+Q.
                        self.quitting = false;
                        return compose::focus_field(id, c.field_to_return_to());
                    }
                    // Nothing open to close: Esc closes the window as
                    // Ctrl+W does, asking when there is something to keep
                    // (tryout 14 expected it, as in webmail).
                    if !suggesting && !c.sending_now() {
                        return self.update(Message::CloseRequested(id));
                    }
                } else if let Some(w) = self.main.wizard() {
                    let message = match w.step() {
                        wizard::Step::Searching | wizard::Step::Testing => wizard::Message::Cancel,
                        // A step back, not out of the wizard with what was
                        // found and typed (D20).
                        wizard::Step::Password | wizard::Step::Pin { .. } => wizard::Message::Back,
                        _ => wizard::Message::Close,
                    };
                    return self.update(Message::Wizard(message));
                } else if self.main.has_question() {
                    // Esc answers no.
                    return match self.main.drop_question() {
                        Some(back) => self.focus_main(back),
                        None => Task::none(),
                    };
                } else if self.main.form().is_some_and(|f| f.identity.is_some()) {
                    // Esc closes the identity being edited, as Cancel does.
                    return self.update(Message::Main(main_window::Message::Identity(
                        main_window::identities::Message::Cancel,
                    )));
                } else if self.main.escape_form() {
                    // Esc leaves the account form, asking first when
                    // something would be lost (as Cancel does not).
                    return if self.main.has_question() {
                        self.focus_main(main_window::CONFIRM_NO_ID)
                    } else {
                        Task::none()
                    };
                } else if self.main.contact_form().is_some() {
                    // Esc closes the contact form, as Cancel does.
                    return self.update(Message::Main(main_window::Message::Contact(
                        main_window::ContactMessage::Cancel,
                    )));
                }
                Task::none()
            }
            Input::Dropped(path) if is_compose => {
                self.attach(id, compose::Source::Chosen, vec![path])
            }
            Input::Undo if Some(id) == self.main_id => match self
                .main
                .undoable(super::app::TOAST_FOR)
            {
                Some(draft) => self.update(Message::Main(main_window::Message::UndoDiscard(draft))),
                None => Task::none(),
            },
            // Ctrl+Z in a compose window: the send in its undo delay is
            // taken back (as the toast's Undo does), else the last edit
            // (or the attachment just removed) is undone.
            Input::Undo if is_compose => {
                let Some(Screen::Compose(c)) = self.windows.get_mut(&id) else {
                    return Task::none();
                };
                if c.take_back_send() {
                    self.undo(id)
                } else {
                    self.update(Message::Compose(id, compose::Message::UndoEdit))
                }
            }
            Input::Spelling if is_compose => {
                self.update(Message::Compose(id, compose::Message::SpellCheck))
            }
            Input::Redo if is_compose => {
                self.update(Message::Compose(id, compose::Message::RedoEdit))
            }
            Input::CloseWindow if Some(id) != self.main_id => {
                self.update(Message::CloseRequested(id))
            }
            Input::Quit => self.quit(),
            Input::ShowCc if is_compose => {
                self.update(Message::Compose(id, compose::Message::ShowCc))
            }
            Input::ShowBcc if is_compose => {
                self.update(Message::Compose(id, compose::Message::ShowBcc))
            }
            _ => Task::none(),
        }
    }
}

impl App {
    /// Ctrl+Q: every window is asked to close, as Ctrl+W asks it, the
    /// main window last. A compose window with anything to keep asks
    /// (and gets the focus), and the main window waits for its answer;
    /// the windows that do not ask close, and Koperta ends once the last
    /// one has closed. A half-filled account form asks as closing the
    /// main window does.
    fn quit(&mut self) -> Task<Message> {
        let mut others: Vec<window::Id> = self
            .windows
            .keys()
            .copied()
            .filter(|w| Some(*w) != self.main_id)
            .collect();
        others.sort();
        let mut tasks: Vec<Task<Message>> = others
            .iter()
            .map(|w| self.update(Message::CloseRequested(*w)))
            .collect();
        let asking = others.iter().find(
            |w| matches!(self.windows.get(w), Some(Screen::Compose(c)) if c.is_asking_close()),
        );
        if let Some(w) = asking {
            // The main window waits for the answer: "Cancel" there stops
            // quitting, as in Thunderbird.
            self.quitting = true;
            tasks.push(window::gain_focus(*w));
        } else if let Some(main) = self.main_id {
            tasks.push(self.update(Message::CloseRequested(main)));
        }
        Task::batch(tasks)
    }

    /// A window closed while quitting: the main window closes too once no
    /// other is left; a compose window whose question was cancelled stops
    /// the quitting.
    pub(super) fn go_on_quitting(&mut self) -> Task<Message> {
        let others: Vec<&Screen> = self
            .windows
            .iter()
            .filter(|(w, _)| Some(**w) != self.main_id)
            .map(|(_, s)| s)
            .collect();
        let asking = others
            .iter()
            .any(|s| matches!(s, Screen::Compose(c) if c.is_asking_close()));
        if asking {
            return Task::none();
        }
        self.quitting = false;
        match self.main_id {
            Some(main) if others.is_empty() => self.update(Message::CloseRequested(main)),
            _ => Task::none(),
        }
    }
}

/// Turns raw window events into inputs: files dropped. Keys are decoded
/// by each window's root ([`shortcut`] through
/// [`super::focus::FocusScope::shortcuts`]), so that a shortcut's message
/// comes in its place among the keys typed.
pub(super) fn decode_event(
    event: Event,
    _status: event::Status,
    id: window::Id,
) -> Option<Message> {
    match event {
        Event::Window(window::Event::FileDropped(path)) => {
            Some(Message::Input(id, Input::Dropped(path)))
        }
        Event::Window(window::Event::Resized(size)) => Some(Message::Resized(id, size)),
        _ => None,
    }
}

/// Ctrl+Shift+C (show Cc), for the window root, which moves the focus
/// into the field as soon as it appears ([`super::focus::ShowsField`]).
pub fn shows_cc(key: &Key, modifiers: keyboard::Modifiers) -> bool {
    matches!(shortcut(key, modifiers), Some(Input::ShowCc))
}

/// Ctrl+W (close the window), for the window root: the keys typed after
/// it wait for the question a compose window may ask ("keep the
/// draft?"), so they answer it rather than go into the text (a tryout's
/// Space after Ctrl+W went into the body, the next one pressed "Keep").
pub fn closes_window(key: &Key, modifiers: keyboard::Modifiers) -> bool {
    matches!(shortcut(key, modifiers), Some(Input::CloseWindow))
}

/// Ctrl+Shift+B (show Bcc), as [`shows_cc`].
pub fn shows_bcc(key: &Key, modifiers: keyboard::Modifiers) -> bool {
    matches!(shortcut(key, modifiers), Some(Input::ShowBcc))
}

/// The shortcut a key pressed with `modifiers` is, if any.
pub(super) fn shortcut(key: &Key, modifiers: keyboard::Modifiers) -> Option<Input> {
    let input = match key.as_ref() {
        Key::Named(Named::Enter) if modifiers.command() => Input::Send,
        Key::Named(Named::Escape) => Input::Escape,
        Key::Named(Named::F7) => Input::Spelling,
        Key::Character(c) if modifiers.command() && c.eq_ignore_ascii_case("n") => {
            Input::NewMessage
        }
        Key::Character(c) if modifiers.command() && c.eq_ignore_ascii_case("s") => Input::Save,
        Key::Character(c)
            if modifiers.command() && !modifiers.shift() && c.eq_ignore_ascii_case("z") =>
        {
            Input::Undo
        }
        Key::Character(c)
            if modifiers.command() && modifiers.shift() && c.eq_ignore_ascii_case("z") =>
        {
            Input::Redo
        }
        Key::Character(c)
            if modifiers.command() && !modifiers.shift() && c.eq_ignore_ascii_case("y") =>
        {
            Input::Redo
        }
        Key::Character(c)
            if modifiers.command() && !modifiers.shift() && c.eq_ignore_ascii_case("w") =>
        {
            Input::CloseWindow
        }
        Key::Character(c)
            if modifiers.command() && !modifiers.shift() && c.eq_ignore_ascii_case("q") =>
        {
            Input::Quit
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
                Ok(n @ 1..=6) => Input::View(n - 1),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(input)
}
