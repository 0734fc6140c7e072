//! The shared controls: iced's button, pick list, checkbox and toggler,
//! each wrapped so the keyboard reaches it ([`focusable::Focusable`]).
//!
//! The builders take the same calls as iced's (`style`, `padding`,
//! `width`, `on_press`, `label`, `on_toggle`, …), so a screen writes
//! `widget::button(text("Send")).on_press(Message::Send)` and gets a
//! button that Tab reaches, that shows a focus ring and that Enter or
//! Space presses.

pub mod focusable;

use std::borrow::Borrow;

use iced::widget::{self as w, button as b};
use iced::{Element, Length, Padding, Theme};

pub use focusable::{Focusable, focusable};

/// iced's button styles and types, beside [`button()`], so a screen
/// imports one name: `button(…).style(button::primary)`.
pub mod button {
    pub use iced::widget::button::{Status, Style, danger, primary, secondary, success, text};
}

/// A button that the keyboard can press.
pub struct Button<'a, Message> {
    inner: w::Button<'a, Message>,
    on_press: Option<Message>,
    id: Option<w::Id>,
}

/// A button showing `content`; disabled until given `on_press`.
pub fn button<'a, Message>(content: impl Into<Element<'a, Message>>) -> Button<'a, Message> {
    Button {
        inner: w::button(content),
        on_press: None,
        id: None,
    }
}

impl<'a, Message: Clone + 'a> Button<'a, Message> {
    /// What a click, Enter or Space sends.
    pub fn on_press(mut self, message: Message) -> Self {
        self.on_press = Some(message);
        self
    }

    /// As [`Self::on_press`]; `None` disables the button.
    pub fn on_press_maybe(mut self, message: Option<Message>) -> Self {
        self.on_press = message;
        self
    }

    /// The button's look (one of [`crate::ui::style`]'s or iced's).
    pub fn style(mut self, style: impl Fn(&Theme, b::Status) -> b::Style + 'a) -> Self {
        self.inner = self.inner.style(style);
        self
    }

    /// Space around the label, in logical pixels.
    pub fn padding(mut self, padding: impl Into<Padding>) -> Self {
        self.inner = self.inner.padding(padding);
        self
    }

    /// The button's width.
    pub fn width(mut self, width: impl Into<Length>) -> Self {
        self.inner = self.inner.width(width);
        self
    }

    /// Names the button for focus operations.
    pub fn id(mut self, id: impl Into<w::Id>) -> Self {
        self.id = Some(id.into());
        self
    }
}

impl<'a, Message: Clone + 'a> From<Button<'a, Message>> for Element<'a, Message> {
    fn from(button: Button<'a, Message>) -> Self {
        let mut f = focusable(button.inner.on_press_maybe(button.on_press.clone()))
            .on_activate(button.on_press);
        if let Some(id) = button.id {
            f = f.id(id);
        }
        f.into()
    }
}

/// A pick list that the keyboard can use: Up and Down choose the
/// previous or next entry while it has the focus.
pub struct PickList<'a, T, Message> {
    options: Vec<T>,
    selected: Option<T>,
    on_select: std::rc::Rc<dyn Fn(T) -> Message + 'a>,
    placeholder: Option<String>,
    width: Option<Length>,
}

/// A pick list of `options` showing `selected`; choosing one sends
/// `on_select(choice)`.
pub fn pick_list<'a, T, Message>(
    options: impl Borrow<[T]>,
    selected: Option<T>,
    on_select: impl Fn(T) -> Message + 'a,
) -> PickList<'a, T, Message>
where
    T: ToString + PartialEq + Clone + 'a,
{
    PickList {
        options: options.borrow().to_vec(),
        selected,
        on_select: std::rc::Rc::new(on_select),
        placeholder: None,
        width: None,
    }
}

impl<'a, T, Message> PickList<'a, T, Message> {
    /// The text shown while nothing is chosen.
    pub fn placeholder(mut self, placeholder: impl Into<String>) -> Self {
        self.placeholder = Some(placeholder.into());
        self
    }

    /// The list's width.
    pub fn width(mut self, width: impl Into<Length>) -> Self {
        self.width = Some(width.into());
        self
    }
}

/// The entry `down` (or up) from `selected` among `options`, staying at
/// the ends; the first one when nothing is chosen.
fn step<T: PartialEq + Clone>(options: &[T], selected: Option<&T>, down: bool) -> Option<T> {
    let at = selected.and_then(|s| options.iter().position(|o| o == s));
    let next = match (at, down) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(options.len().saturating_sub(1)),
        (Some(i), false) => i.saturating_sub(1),
    };
    options.get(next).cloned()
}

impl<'a, T, Message> From<PickList<'a, T, Message>> for Element<'a, Message>
where
    T: ToString + PartialEq + Clone + 'a,
    Message: Clone + 'a,
{
    fn from(p: PickList<'a, T, Message>) -> Self {
        let on_select = p.on_select.clone();
        let mut list = w::pick_list(p.options.clone(), p.selected.clone(), move |t| on_select(t));
        if let Some(placeholder) = p.placeholder {
            list = list.placeholder(placeholder);
        }
        if let Some(width) = p.width {
            list = list.width(width);
        }
        let (options, selected, on_select) = (p.options, p.selected, p.on_select);
        focusable(list)
            .on_step(move |down| step(&options, selected.as_ref(), down).map(|c| on_select(c)))
            .into()
    }
}

/// A checkbox that Space (or Enter) toggles while it has the focus.
pub struct Checkbox<'a, Message> {
    checked: bool,
    label: Option<String>,
    on_toggle: Option<Box<dyn Fn(bool) -> Message + 'a>>,
}

/// A checkbox, ticked when `checked`.
pub fn checkbox<'a, Message>(checked: bool) -> Checkbox<'a, Message> {
    Checkbox {
        checked,
        label: None,
        on_toggle: None,
    }
}

impl<'a, Message> Checkbox<'a, Message> {
    /// The text beside the box.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// What ticking or unticking sends.
    pub fn on_toggle(mut self, f: impl Fn(bool) -> Message + 'a) -> Self {
        self.on_toggle = Some(Box::new(f));
        self
    }
}

impl<'a, Message: Clone + 'a> From<Checkbox<'a, Message>> for Element<'a, Message> {
    fn from(c: Checkbox<'a, Message>) -> Self {
        let toggled = c.on_toggle.as_ref().map(|f| f(!c.checked));
        let mut inner = w::checkbox(c.checked);
        if let Some(label) = c.label {
            inner = inner.label(label);
        }
        if let Some(f) = c.on_toggle {
            inner = inner.on_toggle(f);
        }
        focusable(inner).on_activate(toggled).into()
    }
}

/// A toggler (a switch) that Space (or Enter) flips while it has the
/// focus.
pub struct Toggler<'a, Message> {
    checked: bool,
    label: Option<String>,
    on_toggle: Option<Box<dyn Fn(bool) -> Message + 'a>>,
}

/// A switch, on when `checked`.
pub fn toggler<'a, Message>(checked: bool) -> Toggler<'a, Message> {
    Toggler {
        checked,
        label: None,
        on_toggle: None,
    }
}

impl<'a, Message> Toggler<'a, Message> {
    /// The text beside the switch.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// What flipping the switch sends.
    pub fn on_toggle(mut self, f: impl Fn(bool) -> Message + 'a) -> Self {
        self.on_toggle = Some(Box::new(f));
        self
    }
}

impl<'a, Message: Clone + 'a> From<Toggler<'a, Message>> for Element<'a, Message> {
    fn from(t: Toggler<'a, Message>) -> Self {
        let toggled = t.on_toggle.as_ref().map(|f| f(!t.checked));
        let mut inner = w::toggler(t.checked);
        if let Some(label) = t.label {
            inner = inner.label(label);
        }
        if let Some(f) = t.on_toggle {
            inner = inner.on_toggle(f);
        }
        focusable(inner).on_activate(toggled).into()
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn up_and_down_in_a_pick_list_step_and_stop_at_the_ends() {
        let options = ["pl", "en", "auto"];
        assert_eq!(step(&options, Some(&"pl"), true), Some("en"));
        assert_eq!(step(&options, Some(&"auto"), true), Some("auto"));
        assert_eq!(step(&options, Some(&"en"), false), Some("pl"));
        assert_eq!(step(&options, Some(&"pl"), false), Some("pl"));
        assert_eq!(step(&options, None, true), Some("pl"));
        assert_eq!(step::<&str>(&[], None, true), None);
    }
}
