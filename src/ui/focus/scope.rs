//! The root widget of every window: it scopes the focus operations to
//! the window and moves the focus itself where a task would be too late.

use iced::advanced::widget::operation::{Operation, Outcome};
use iced::advanced::widget::{Id, tree};
use iced::{Rectangle, window};
use std::time::{Duration, Instant};

use super::{FocusIn, FocusedIn, Has, NextIn, Target, Within, root};

/// The root of a window's view: it holds the window's widgets (its id
/// scopes the focus operations above) and moves the focus on Tab and
/// Shift+Tab itself, while the key is being handled, so the keys typed
/// right after Tab already go to the next field (a task-based Tab let
/// quickly typed keys land in the field just left).
pub struct FocusScope<'a, Message> {
    content: iced::Element<'a, Message>,
    id: Id,
    /// Fields in which Enter moves on to the next control, as Tab does
    /// (and as synchronously: a task-based move let the first letters
    /// typed after Enter land in the field just left).
    enter_moves_on: Vec<Id>,
    /// Where a key goes when no control has the focus (the focused one
    /// was just removed, and the task that moves the focus has not run
    /// yet: a tryout lost the first letters typed then).
    fallback: Option<Id>,
    /// Shortcuts that show a field and move the focus into it.
    reveals: Vec<ShowsField>,
    /// The rows of a list, in order: Up and Down move among them.
    rows: Vec<Id>,
    /// The window's keyboard shortcuts: the message for a key pressed
    /// with these modifiers, if it is one.
    shortcut: Option<Shortcut<'a, Message>>,
    /// Keys that mean something else while one of these fields has the
    /// focus (Up, Down and Enter among a recipient field's suggestions).
    keys_in: Option<(Vec<Id>, FieldKeys<'a, Message>)>,
    /// When this view was built (a hold gives up only after a view built
    /// since it began, which had the chance to show the field).
    built: Instant,
    /// Whether a key has reached the content since this view was built:
    /// then the state the view was built from (and `keys_in` decides on)
    /// is older than the text in the fields.
    typed: bool,
}

/// Decodes a key pressed with modifiers into the window's message for
/// that shortcut.
pub type Shortcut<'a, Message> =
    Box<dyn Fn(&iced::keyboard::Key, iced::keyboard::Modifiers) -> Option<Message> + 'a>;

/// What a key means in the focused field (its id given, and whether the
/// state the view was built from is still current: `false` once keys
/// typed in the same burst reached the fields after the view was built).
pub type FieldKeys<'a, Message> =
    Box<dyn Fn(&iced::keyboard::Key, iced::keyboard::Modifiers, &Id, bool) -> Option<Message> + 'a>;

/// A shortcut that shows a field and moves the focus into it (Ctrl+Shift+C
/// shows Cc): whether a key pressed with these modifiers is it, and the
/// field's id.
///
/// The field exists only once the app has handled the shortcut and drawn
/// the window again, and the app's task that focuses it runs later still:
/// keys typed in between went into the field the focus was in (a tryout's
/// Bcc address landed in Cc). The root holds those keys and gives them to
/// the new field as soon as it is there.
pub type ShowsField = (
    fn(&iced::keyboard::Key, iced::keyboard::Modifiers) -> bool,
    Id,
);

/// How long keys are held for a field that was asked for and has not
/// appeared; then they go where the focus is (never lost).
const HOLD_AT_MOST: Duration = Duration::from_millis(750);

/// The root's own state: the fields being waited for, in the order
/// their shortcuts were pressed (Ctrl+Shift+C then Ctrl+Shift+B in one
/// burst of keys), each with the keys typed after it.
#[derive(Default)]
struct Held(std::collections::VecDeque<Waiting>);

/// A field being waited for.
struct Waiting {
    field: Id,
    /// Since when it is the first waited for.
    since: Instant,
    /// The keys typed for it, in order.
    events: Vec<iced::Event>,
}

/// Wraps window `window`'s view.
pub fn scope<'a, Message: 'a>(
    window: window::Id,
    content: impl Into<iced::Element<'a, Message>>,
) -> FocusScope<'a, Message> {
    FocusScope {
        content: content.into(),
        id: root(window),
        enter_moves_on: Vec::new(),
        fallback: None,
        reveals: Vec::new(),
        rows: Vec::new(),
        shortcut: None,
        keys_in: None,
        built: Instant::now(),
        typed: false,
    }
}

impl<'a, Message> FocusScope<'a, Message> {
    /// Enter in any of `fields` moves the focus on, as Tab does.
    pub fn enter_moves_on(mut self, fields: Vec<Id>) -> Self {
        self.enter_moves_on = fields;
        self
    }

    /// A key pressed while no control has the focus goes to `field`.
    pub fn fallback(mut self, field: Option<Id>) -> Self {
        self.fallback = field;
        self
    }

    /// The window's keyboard shortcuts, published in their place among
    /// the keys typed.
    pub fn shortcuts(
        mut self,
        decode: impl Fn(&iced::keyboard::Key, iced::keyboard::Modifiers) -> Option<Message> + 'a,
    ) -> Self {
        self.shortcut = Some(Box::new(decode));
        self
    }

    /// Up and Down on any of `rows` (a list's rows, in order) move the
    /// focus to the row before or after, while the key is handled.
    pub fn arrows_move_among(mut self, rows: Vec<Id>) -> Self {
        self.rows = rows;
        self
    }

    /// While one of `fields` has the focus, a key that `decode` turns
    /// into a message (given the focused field's id) is that message
    /// (published, and neither the field nor the shortcuts see the key);
    /// other keys go on as usual. `decode` is told whether the state the
    /// view was built from is current (no key reached a field since).
    pub fn keys_in(
        mut self,
        fields: Vec<Id>,
        decode: impl Fn(&iced::keyboard::Key, iced::keyboard::Modifiers, &Id, bool) -> Option<Message>
        + 'a,
    ) -> Self {
        self.keys_in = Some((fields, Box::new(decode)));
        self
    }

    /// Keys that show a field and move the focus into it ([`ShowsField`]).
    pub fn reveals(mut self, reveals: Vec<ShowsField>) -> Self {
        self.reveals = reveals;
        self
    }

    /// Whether `field` is in the window; focused now if it is (the
    /// other controls keep theirs if not).
    fn focus_now(
        &mut self,
        tree: &mut iced::advanced::widget::Tree,
        layout: iced::advanced::Layout<'_>,
        renderer: &iced::Renderer,
        field: &Id,
    ) -> bool {
        let mut has = Has {
            within: Within::inside_already(self.id.clone()),
            target: field.clone(),
            found: false,
        };
        self.content.as_widget_mut().operate(
            &mut tree.children[0],
            layout,
            renderer,
            &mut iced::advanced::widget::operation::black_box::<(), ()>(&mut has),
        );
        if has.found {
            let focus = Box::new(FocusIn {
                within: Within::inside_already(self.id.clone()),
                target: Target::Id(field.clone()),
                seen: 0,
                found: None,
            });
            let _ = self.run(tree, layout, renderer, focus);
        }
        has.found
    }

    /// Whether some control of the window has the focus, and its id.
    fn focused(
        &mut self,
        tree: &mut iced::advanced::widget::Tree,
        layout: iced::advanced::Layout<'_>,
        renderer: &iced::Renderer,
    ) -> (bool, Option<Id>) {
        let mut find = FocusedIn {
            within: Within::inside_already(self.id.clone()),
            found: None,
            any: false,
        };
        self.content.as_widget_mut().operate(
            &mut tree.children[0],
            layout,
            renderer,
            &mut iced::advanced::widget::operation::black_box(&mut find),
        );
        (find.any, find.found)
    }

    /// The window's message for `event`, when it is a shortcut's key.
    fn shortcut_of(&self, event: &iced::Event) -> Option<Message> {
        match event {
            iced::Event::Keyboard(iced::keyboard::Event::KeyPressed { key, modifiers, .. }) => self
                .shortcut
                .as_ref()
                .and_then(|decode| decode(key, *modifiers)),
            _ => None,
        }
    }

    /// Keys for a field asked for by a [`ShowsField`] shortcut: held until it
    /// appears (at most [`HOLD_AT_MOST`]), then given to it in order.
    /// Returns whether `event` was held (nothing more to do with it).
    #[allow(clippy::too_many_arguments)]
    fn hold(
        &mut self,
        tree: &mut iced::advanced::widget::Tree,
        event: &iced::Event,
        layout: iced::advanced::Layout<'_>,
        cursor: iced::mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn iced::advanced::Clipboard,
        shell: &mut iced::advanced::Shell<'_, Message>,
        viewport: &Rectangle,
    ) -> bool {
        // The fields that are there now (or waited for too long) get
        // their keys, in order.
        while let Some((field, since)) = tree
            .state
            .downcast_ref::<Held>()
            .0
            .front()
            .map(|w| (w.field.clone(), w.since))
        {
            let there = self.focus_now(tree, layout, renderer, &field);
            // Given up on only when the time has passed and a view built
            // since could have shown it: an app running late (a tenth
            // tryout's, a second behind the typing) had not even handled
            // the shortcut yet, and the keys went into the field before.
            if !there && (since.elapsed() < HOLD_AT_MOST || self.built <= since) {
                break;
            }
            // Given up on: the keys go where the focus is.
            if !there
                && !self.focused(tree, layout, renderer).0
                && let Some(fallback) = self.fallback.clone()
            {
                let _ = self.focus_now(tree, layout, renderer, &fallback);
            }
            let held = &mut tree.state.downcast_mut::<Held>().0;
            let events = held.pop_front().map(|w| w.events).unwrap_or_default();
            if let Some(next) = held.front_mut() {
                next.since = Instant::now();
            }
            self.replay(
                tree, &events, layout, cursor, renderer, clipboard, shell, viewport,
            );
        }
        let shows = match event {
            iced::Event::Keyboard(iced::keyboard::Event::KeyPressed { key, modifiers, .. }) => self
                .reveals
                .iter()
                .find(|(is, _)| is(key, *modifiers))
                .map(|(_, field)| field.clone()),
            _ => None,
        };
        let keyboard = matches!(
            event,
            iced::Event::Keyboard(_) | iced::Event::InputMethod(_)
        );
        let waiting = !tree.state.downcast_ref::<Held>().0.is_empty();
        if !waiting {
            // In the window already: focused at once. Otherwise the keys
            // that follow wait for it.
            if let Some(field) = shows
                && !self.focus_now(tree, layout, renderer, &field)
            {
                tree.state.downcast_mut::<Held>().0.push_back(Waiting {
                    field,
                    since: Instant::now(),
                    events: Vec::new(),
                });
                shell.request_redraw_at(Instant::now() + HOLD_AT_MOST);
            }
            return false;
        }
        if let Some(field) = shows {
            // Another field asked for while waiting: the keys after it
            // are its own, and the app is asked for the field now.
            if let Some(message) = self.shortcut_of(event) {
                shell.publish(message);
            }
            let held = &mut tree.state.downcast_mut::<Held>().0;
            held.push_back(Waiting {
                field,
                since: Instant::now(),
                events: Vec::new(),
            });
        } else if keyboard && let Some(last) = tree.state.downcast_mut::<Held>().0.back_mut() {
            last.events.push(event.clone());
        }
        if let Some(first) = tree.state.downcast_ref::<Held>().0.front() {
            shell.request_redraw_at(first.since + HOLD_AT_MOST);
        }
        if keyboard {
            shell.capture_event();
        }
        keyboard
    }

    /// What the root does with an event that is not held: shortcuts,
    /// Enter that moves on, the fallback field, the content, then Tab.
    #[allow(clippy::too_many_arguments)]
    fn handle(
        &mut self,
        tree: &mut iced::advanced::widget::Tree,
        event: &iced::Event,
        layout: iced::advanced::Layout<'_>,
        cursor: iced::mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn iced::advanced::Clipboard,
        shell: &mut iced::advanced::Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        use iced::keyboard::{Event as Key, key::Named};
        // A shortcut's message comes in its place among the keys (a
        // subscription's came later, after keys typed after it: a tryout's
        // Esc reached the window after the typing that followed it).
        // Only the window sees it: a field given Ctrl+Enter would also
        // submit (a tryout's Ctrl+Enter in To moved the cursor on to
        // Subject), and Ctrl+Shift+A would select all its text.
        // A key with a meaning of its own in the focused field (before the
        // shortcuts: F7 in the subject is the subject's spelling).
        if let iced::Event::Keyboard(Key::KeyPressed { key, modifiers, .. }) = event
            && self.keys_in.is_some()
            && let (_, Some(focused)) = self.focused(tree, layout, renderer)
            && let Some(message) = self
                .keys_in
                .as_ref()
                .filter(|(fields, _)| fields.contains(&focused))
                .and_then(|(_, decode)| decode(key, *modifiers, &focused, !self.typed))
        {
            shell.publish(message);
            shell.capture_event();
            shell.request_redraw();
            return;
        }
        if let Some(message) = self.shortcut_of(event) {
            shell.publish(message);
            shell.capture_event();
            return;
        }
        let pressed = match event {
            iced::Event::Keyboard(Key::KeyPressed { key, modifiers, .. }) => {
                Some((key.as_ref(), *modifiers))
            }
            _ => None,
        };
        // Up or Down on a list's row: the next row now (a task-based move
        // lost four of five quick Downs).
        if let Some((iced::keyboard::Key::Named(arrow @ (Named::ArrowUp | Named::ArrowDown)), m)) =
            pressed
            && m.is_empty()
            && !self.rows.is_empty()
            && let (_, Some(focused)) = self.focused(tree, layout, renderer)
            && let Some(i) = self.rows.iter().position(|r| *r == focused)
        {
            let next = match arrow {
                Named::ArrowDown => (i + 1).min(self.rows.len() - 1),
                _ => i.saturating_sub(1),
            };
            if next != i {
                let row = self.rows[next].clone();
                let _ = self.focus_now(tree, layout, renderer, &row);
            }
            shell.capture_event();
            shell.request_redraw();
            return;
        }
        // Enter in a field that moves on: before the field sees it (it
        // would submit).
        if let Some((iced::keyboard::Key::Named(Named::Enter), modifiers)) = pressed
            && modifiers.is_empty()
            && !self.enter_moves_on.is_empty()
            && let (_, Some(focused)) = self.focused(tree, layout, renderer)
            && self.enter_moves_on.contains(&focused)
        {
            self.move_focus(tree, layout, renderer, false);
            shell.capture_event();
            shell.request_redraw();
            return;
        }
        // A key with nowhere to go: to the fallback field first, then
        // handled there as usual.
        if pressed
            .as_ref()
            .is_some_and(|(_, m)| !m.command() && !m.alt())
            && let Some(field) = self.fallback.clone()
            && !self.focused(tree, layout, renderer).0
        {
            let focus = Box::new(FocusIn {
                within: Within::inside_already(self.id.clone()),
                target: Target::Id(field),
                seen: 0,
                found: None,
            });
            let _ = self.run(tree, layout, renderer, focus);
        }
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
        let Some((key, modifiers)) = pressed else {
            return;
        };
        self.typed |= changes_text(event);
        let tab = matches!(key, iced::keyboard::Key::Named(Named::Tab));
        if !tab || shell.is_event_captured() || modifiers.command() || modifiers.alt() {
            return;
        }
        // The chain (count, focus, scroll into view) runs now.
        self.move_focus(tree, layout, renderer, modifiers.shift());
        shell.capture_event();
        shell.request_redraw();
    }

    /// Gives `events` (held keys) to the content, in order, each as if it
    /// had just come.
    #[allow(clippy::too_many_arguments)]
    fn replay(
        &mut self,
        tree: &mut iced::advanced::widget::Tree,
        events: &[iced::Event],
        layout: iced::advanced::Layout<'_>,
        cursor: iced::mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn iced::advanced::Clipboard,
        shell: &mut iced::advanced::Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        for event in events {
            let mut messages = Vec::new();
            let mut replay = iced::advanced::Shell::new(&mut messages);
            self.handle(
                tree,
                event,
                layout,
                cursor,
                renderer,
                clipboard,
                &mut replay,
                viewport,
            );
            let invalid = replay.is_layout_invalid();
            drop(replay);
            for m in messages {
                shell.publish(m);
            }
            if invalid {
                shell.invalidate_layout();
            }
        }
        if !events.is_empty() {
            shell.request_redraw();
        }
    }

    /// Runs `op` and the operations it chains on the content, now.
    fn run(
        &mut self,
        tree: &mut iced::advanced::widget::Tree,
        layout: iced::advanced::Layout<'_>,
        renderer: &iced::Renderer,
        mut op: Box<dyn Operation<Id>>,
    ) -> Option<Id> {
        loop {
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                layout,
                renderer,
                &mut iced::advanced::widget::operation::black_box(op.as_mut()),
            );
            match op.finish() {
                Outcome::Chain(next) => op = next,
                Outcome::Some(id) => return Some(id),
                Outcome::None => return None,
            }
        }
    }

    /// Moves the focus to the next control (the previous with `back`).
    fn move_focus(
        &mut self,
        tree: &mut iced::advanced::widget::Tree,
        layout: iced::advanced::Layout<'_>,
        renderer: &iced::Renderer,
        back: bool,
    ) {
        let op = Box::new(NextIn {
            within: Within::inside_already(self.id.clone()),
            back,
            count: 0,
            focused: None,
        });
        let _ = self.run(tree, layout, renderer, op);
    }
}

impl<Message> iced::advanced::Widget<Message, iced::Theme, iced::Renderer>
    for FocusScope<'_, Message>
{
    crate::ui::widget::delegate_to_content!();

    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<Held>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(Held::default())
    }

    fn operate(
        &mut self,
        tree: &mut iced::advanced::widget::Tree,
        layout: iced::advanced::Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        operation.container(Some(&self.id), layout.bounds());
        operation.traverse(&mut |operation| {
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                layout,
                renderer,
                operation,
            );
        });
    }

    fn update(
        &mut self,
        tree: &mut iced::advanced::widget::Tree,
        event: &iced::Event,
        layout: iced::advanced::Layout<'_>,
        cursor: iced::mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn iced::advanced::Clipboard,
        shell: &mut iced::advanced::Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        if self.hold(
            tree, event, layout, cursor, renderer, clipboard, shell, viewport,
        ) {
            return;
        }
        self.handle(
            tree, event, layout, cursor, renderer, clipboard, shell, viewport,
        );
    }

    fn draw(
        &self,
        tree: &iced::advanced::widget::Tree,
        renderer: &mut iced::Renderer,
        theme: &iced::Theme,
        style: &iced::advanced::renderer::Style,
        layout: iced::advanced::Layout<'_>,
        cursor: iced::mouse::Cursor,
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
    }
}

impl<'a, Message: 'a> From<FocusScope<'a, Message>> for iced::Element<'a, Message> {
    fn from(s: FocusScope<'a, Message>) -> Self {
        iced::Element::new(s)
    }
}

/// Whether a key event can change a field's text (a character, Backspace,
/// Delete, a cut or a paste), so that the state a view was built from may
/// no longer hold what the field shows.
fn changes_text(event: &iced::Event) -> bool {
    use iced::keyboard::{Event as Key, Key as K, key::Named};
    match event {
        iced::Event::Keyboard(Key::KeyPressed {
            key,
            modifiers,
            text,
            ..
        }) => {
            matches!(key, K::Named(Named::Backspace | Named::Delete))
                || (modifiers.command()
                    && matches!(key.as_ref(), K::Character("v" | "x" | "z" | "y")))
                || (text.is_some() && !modifiers.command() && !modifiers.alt())
        }
        _ => false,
    }
}
