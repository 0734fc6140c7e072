//! The shared controls: iced's button, pick list, checkbox and toggler,
//! each wrapped so the keyboard reaches it ([`focusable::Focusable`]).
//!
//! The builders take the same calls as iced's (`style`, `padding`,
//! `width`, `on_press`, `label`, `on_toggle`, …), so a screen writes
//! `widget::button(text("Send")).on_press(Message::Send)` and gets a
//! button that Tab reaches, that shows a focus ring and that Enter or
//! Space presses.

pub mod focusable;
pub mod repaint;
pub mod small_editor;
pub mod spell_marks;
pub mod submit_clears;

/// Widget methods that only pass the call on to one child, the field
/// `$field` (`tree.children[0]`): `forward_to!(content; size, layout,
/// draw)` writes those three. Each wrapper writes the rest itself.
macro_rules! forward_to {
    ($field:ident; $($method:ident),+ $(,)?) => {
        $($crate::ui::widget::forward_to!(@ $field $method);)+
    };
    (@ $field:ident children) => {
        fn children(&self) -> Vec<iced::advanced::widget::Tree> {
            vec![iced::advanced::widget::Tree::new(&self.$field)]
        }
    };
    (@ $field:ident diff) => {
        fn diff(&self, tree: &mut iced::advanced::widget::Tree) {
            tree.diff_children(std::slice::from_ref(&self.$field));
        }
    };
    (@ $field:ident size) => {
        fn size(&self) -> iced::Size<iced::Length> {
            self.$field.as_widget().size()
        }
    };
    (@ $field:ident layout) => {
        fn layout(
            &mut self,
            tree: &mut iced::advanced::widget::Tree,
            renderer: &iced::Renderer,
            limits: &iced::advanced::layout::Limits,
        ) -> iced::advanced::layout::Node {
            self.$field
                .as_widget_mut()
                .layout(&mut tree.children[0], renderer, limits)
        }
    };
    (@ $field:ident mouse_interaction) => {
        fn mouse_interaction(
            &self,
            tree: &iced::advanced::widget::Tree,
            layout: iced::advanced::Layout<'_>,
            cursor: iced::mouse::Cursor,
            viewport: &iced::Rectangle,
            renderer: &iced::Renderer,
        ) -> iced::mouse::Interaction {
            self.$field.as_widget().mouse_interaction(
                &tree.children[0],
                layout,
                cursor,
                viewport,
                renderer,
            )
        }
    };
    (@ $field:ident overlay) => {
        fn overlay<'b>(
            &'b mut self,
            tree: &'b mut iced::advanced::widget::Tree,
            layout: iced::advanced::Layout<'b>,
            renderer: &iced::Renderer,
            viewport: &iced::Rectangle,
            translation: iced::Vector,
        ) -> Option<iced::advanced::overlay::Element<'b, Message, iced::Theme, iced::Renderer>> {
            self.$field.as_widget_mut().overlay(
                &mut tree.children[0],
                layout,
                renderer,
                viewport,
                translation,
            )
        }
    };
    (@ $field:ident operate) => {
        fn operate(
            &mut self,
            tree: &mut iced::advanced::widget::Tree,
            layout: iced::advanced::Layout<'_>,
            renderer: &iced::Renderer,
            operation: &mut dyn iced::advanced::widget::Operation,
        ) {
            self.$field
                .as_widget_mut()
                .operate(&mut tree.children[0], layout, renderer, operation);
        }
    };
    (@ $field:ident update) => {
        fn update(
            &mut self,
            tree: &mut iced::advanced::widget::Tree,
            event: &iced::Event,
            layout: iced::advanced::Layout<'_>,
            cursor: iced::mouse::Cursor,
            renderer: &iced::Renderer,
            clipboard: &mut dyn iced::advanced::Clipboard,
            shell: &mut iced::advanced::Shell<'_, Message>,
            viewport: &iced::Rectangle,
        ) {
            self.$field.as_widget_mut().update(
                &mut tree.children[0],
                event,
                layout,
                cursor,
                renderer,
                clipboard,
                shell,
                viewport,
            );
        }
    };
    (@ $field:ident draw) => {
        fn draw(
            &self,
            tree: &iced::advanced::widget::Tree,
            renderer: &mut iced::Renderer,
            theme: &iced::Theme,
            style: &iced::advanced::renderer::Style,
            layout: iced::advanced::Layout<'_>,
            cursor: iced::mouse::Cursor,
            viewport: &iced::Rectangle,
        ) {
            self.$field.as_widget().draw(
                &tree.children[0],
                renderer,
                theme,
                style,
                layout,
                cursor,
                viewport,
            );
        }
    };
}
pub(crate) use forward_to;

/// The methods of a widget that only wraps `self.content` (its one child):
/// children, diff, size, layout, the mouse cursor and overlays. The
/// wrapper writes the rest (operate, update, draw), or forwards them too
/// with [`forward_to`].
macro_rules! delegate_to_content {
    () => {
        $crate::ui::widget::forward_to!(
            content;
            children,
            diff,
            size,
            layout,
            mouse_interaction,
            overlay
        );
    };
}
pub(crate) use delegate_to_content;

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
        let enabled = button.on_press.is_some();
        let mut f = focusable(button.inner.on_press_maybe(button.on_press.clone()))
            .on_activate(button.on_press)
            .enabled(enabled);
        if let Some(id) = button.id {
            f = f.id(id);
        }
        f.into()
    }
}

/// How many entries a pick list's menu shows before it scrolls.
const MENU_ROWS: usize = 10;

/// The height of one entry of a pick list's menu, in logical pixels
/// (iced's default text size and padding).
const MENU_ROW_HEIGHT: f32 = 30.0;

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
        let mut list = w::pick_list(p.options.clone(), p.selected.clone(), move |t| on_select(t))
            .style(crate::ui::style::picker);
        if let Some(placeholder) = p.placeholder {
            list = list.placeholder(placeholder);
        }
        if let Some(width) = p.width {
            list = list.width(width);
        }
        // A long list (31 accounts in a tryout, D24) opens as a menu of
        // about ten rows that scrolls, not one as tall as the window.
        if p.options.len() > MENU_ROWS {
            list = list.menu_height(Length::Fixed(MENU_ROWS as f32 * MENU_ROW_HEIGHT));
        }
        // Drawn again whole when the choice changes (see [`repaint`]).
        let key = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            p.selected.as_ref().map(ToString::to_string).hash(&mut h);
            h.finish()
        };
        let (options, selected, on_select) = (p.options, p.selected, p.on_select);
        focusable(repaint::repaint(list, key))
            .on_step(move |down| step(&options, selected.as_ref(), down).map(|c| on_select(c)))
            .into()
    }
}

/// Which control a [`Switch`] is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Checkbox,
    Toggler,
}

/// A checkbox or a toggler (a switch) that Space (or Enter) flips while it
/// has the focus.
pub struct Switch<'a, Message> {
    kind: Kind,
    checked: bool,
    label: Option<String>,
    on_toggle: Option<Box<dyn Fn(bool) -> Message + 'a>>,
}

/// A checkbox, ticked when `checked`.
pub fn checkbox<'a, Message>(checked: bool) -> Switch<'a, Message> {
    Switch {
        kind: Kind::Checkbox,
        checked,
        label: None,
        on_toggle: None,
    }
}

/// A switch, on when `checked`.
pub fn toggler<'a, Message>(checked: bool) -> Switch<'a, Message> {
    Switch {
        kind: Kind::Toggler,
        ..checkbox(checked)
    }
}

impl<'a, Message> Switch<'a, Message> {
    /// The text beside it.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// What flipping it sends.
    pub fn on_toggle(mut self, f: impl Fn(bool) -> Message + 'a) -> Self {
        self.on_toggle = Some(Box::new(f));
        self
    }
}

impl<'a, Message: Clone + 'a> From<Switch<'a, Message>> for Element<'a, Message> {
    fn from(t: Switch<'a, Message>) -> Self {
        let flipped = t.on_toggle.as_ref().map(|f| f(!t.checked));
        let inner: Element<'a, Message> = match t.kind {
            Kind::Checkbox => {
                let mut c = w::checkbox(t.checked);
                if let Some(label) = t.label {
                    c = c.label(label);
                }
                if let Some(f) = t.on_toggle {
                    c = c.on_toggle(f);
                }
                c.into()
            }
            Kind::Toggler => {
                let mut c = w::toggler(t.checked);
                if let Some(label) = t.label {
                    c = c.label(label);
                }
                if let Some(f) = t.on_toggle {
                    c = c.on_toggle(f);
                }
                c.into()
            }
        };
        focusable(inner).on_activate(flipped).into()
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
