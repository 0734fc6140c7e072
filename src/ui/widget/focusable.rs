//! A focusable wrapper for the controls iced 0.14 cannot focus: buttons,
//! pick lists, checkboxes and togglers.
//!
//! The wrapper reports itself to focus operations (so Tab reaches it, see
//! [`crate::ui::focus`]), draws a focus ring while it has the keyboard
//! focus, and turns keys into the control's own messages: Enter or Space
//! activates (presses the button, toggles the checkbox), Up and Down step
//! (choose the previous or next entry of a pick list, as a focused GTK
//! drop-down does), and any other key given with [`Focusable::on_key`].
//!
//! A click on the control gives it the focus (so Enter presses it again),
//! a click elsewhere takes it away, as with a text field; the ring shows
//! only while the keyboard is in use ("focus visible"). A wrapper around a
//! group (a list row holding buttons) takes the focus from a click only
//! when no control inside took the click.

use iced::advanced::Renderer as _;
use iced::advanced::layout::Layout;
use iced::advanced::renderer::{self, Quad};
use iced::advanced::widget::operation::{self, Operation};
use iced::advanced::widget::{Id, Tree, Widget, tree};
use iced::advanced::{Clipboard, Shell};
use iced::keyboard::{self, Key, key::Named};
use iced::{Border, Element, Event, Rectangle, Theme, mouse};

/// How far outside the control the ring is drawn, and how thick it is, in
/// logical pixels.
const RING_GAP: f32 = 3.0;
const RING_WIDTH: f32 = 2.0;

/// A control that Tab can reach (see the module's documentation).
pub struct Focusable<'a, Message> {
    content: Element<'a, Message>,
    id: Option<Id>,
    on_activate: Option<Message>,
    on_step: Option<Box<dyn Fn(bool) -> Option<Message> + 'a>>,
    keys: Vec<(Named, Message)>,
    group: bool,
    /// A disabled control is not a stop of Tab (as in GNOME and
    /// Thunderbird: a tryout's first Tab landed on a disabled Next).
    enabled: bool,
}

/// Wraps `content` (a control that has no keyboard focus of its own).
pub fn focusable<'a, Message>(content: impl Into<Element<'a, Message>>) -> Focusable<'a, Message> {
    Focusable {
        content: content.into(),
        id: None,
        on_activate: None,
        on_step: None,
        keys: Vec::new(),
        group: false,
        enabled: true,
    }
}

impl<'a, Message> Focusable<'a, Message> {
    /// Names the control, so a focus operation can target it.
    pub fn id(mut self, id: impl Into<Id>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// What Enter or Space does while the control has the focus; `None`
    /// (a disabled button) does nothing.
    pub fn on_activate(mut self, message: Option<Message>) -> Self {
        self.on_activate = message;
        self
    }

    /// Whether the control takes part (a disabled one is skipped by Tab
    /// and focus operations).
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = enabled;
        self
    }

    /// What Up (`false`) or Down (`true`) does while the control has the
    /// focus; `None` leaves the control as it is.
    pub fn on_step(mut self, step: impl Fn(bool) -> Option<Message> + 'a) -> Self {
        self.on_step = Some(Box::new(step));
        self
    }
}

impl<'a, Message> Focusable<'a, Message> {
    /// Marks the wrapper as a group of controls (a list row with its
    /// buttons): a click on a control inside does not focus the group.
    pub fn group(mut self) -> Self {
        self.group = true;
        self
    }

    /// What another key (Delete, say) does while the control has the
    /// focus.
    pub fn on_key(mut self, key: Named, message: Message) -> Self {
        self.keys.push((key, message));
        self
    }
}

/// The wrapper's state in the widget tree.
#[derive(Debug, Default)]
struct State {
    focused: bool,
    /// The focus came from the keyboard: the ring is drawn.
    ring: bool,
}

impl operation::Focusable for State {
    fn is_focused(&self) -> bool {
        self.focused
    }
    fn focus(&mut self) {
        self.focused = true;
        self.ring = true;
    }
    fn unfocus(&mut self) {
        self.focused = false;
    }
}

type Renderer = iced::Renderer;

impl<Message: Clone> Widget<Message, Theme, Renderer> for Focusable<'_, Message> {
    crate::ui::widget::delegate_to_content!();

    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        let state = tree.state.downcast_mut::<State>();
        if self.enabled {
            operation.focusable(self.id.as_ref(), layout.bounds(), state);
        } else {
            // Disabled while it had the focus: it has it no more.
            state.focused = false;
            state.ring = false;
        }
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let state = tree.state.downcast_mut::<State>();
        // Keys first, while focused: they are the control's own.
        if let Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event
            && state.focused
            && modifiers.is_empty()
        {
            let message = match key.as_ref() {
                Key::Named(Named::Enter | Named::Space) => self.on_activate.clone(),
                Key::Named(Named::ArrowUp) => self.on_step.as_ref().and_then(|f| f(false)),
                Key::Named(Named::ArrowDown) => self.on_step.as_ref().and_then(|f| f(true)),
                Key::Named(named) => self
                    .keys
                    .iter()
                    .find(|(k, _)| *k == named)
                    .map(|(_, m)| m.clone()),
                _ => None,
            };
            if let Some(message) = message {
                state.ring = true;
                shell.publish(message);
                shell.capture_event();
                return;
            }
        }
        let before = shell.is_event_captured();
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        // A click focuses (without a ring), or takes the focus away.
        if let Event::Mouse(mouse::Event::ButtonPressed(_)) = event {
            let inner_took = !before && shell.is_event_captured();
            let state = tree.state.downcast_mut::<State>();
            let was = (state.focused, state.ring);
            state.focused = cursor.is_over(layout.bounds()) && !(self.group && inner_took);
            state.ring = false;
            if was != (state.focused, state.ring) {
                shell.request_redraw();
            }
        }
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
        let state = tree.state.downcast_ref::<State>();
        if state.focused && state.ring {
            let b = layout.bounds().expand(RING_GAP);
            renderer.fill_quad(
                Quad {
                    bounds: b,
                    border: Border {
                        color: theme.palette().primary,
                        width: RING_WIDTH,
                        radius: (6.0 + RING_GAP).into(),
                    },
                    ..Quad::default()
                },
                iced::Color::TRANSPARENT,
            );
        }
    }
}

impl<'a, Message: Clone + 'a> From<Focusable<'a, Message>> for Element<'a, Message> {
    fn from(f: Focusable<'a, Message>) -> Self {
        Element::new(f)
    }
}
