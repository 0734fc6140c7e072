//! A one-line field that is cleared the moment Enter takes its text
//! (the path field beside Attach), even for keys typed before the window
//! is drawn again.
//!
//! A text input keeps its own copy of the text between frames, so keys
//! that come in the same batch as Enter, or before the next frame, carry
//! on after the text just taken: a tryout's burst of six paths became
//! "…/f1.txt/tmp/…/f2.txt/tmp/…/f3.txt" and two files were never attached.
//! This wrapper remembers what Enter took and gives the app only what was
//! typed after it; the frame after, the field shows the app's value again.

use iced::advanced::widget::{Tree, tree};
use iced::advanced::{Clipboard, Layout, Shell, Widget, mouse};
use iced::widget::text_input;
use iced::{Element, Event, Length, Rectangle, Theme};

/// What the inner text input says.
#[derive(Debug, Clone)]
enum Inner {
    Input(String),
    Submit,
}

/// The field; built with [`submit_clears`].
pub struct SubmitClears<'a, Message> {
    input: Element<'a, Inner>,
    value: String,
    on_input: Box<dyn Fn(String) -> Message + 'a>,
    on_submit: Message,
}

/// The text Enter took, and the inner input's text now, since the last
/// frame.
#[derive(Debug, Default)]
struct Taken {
    taken: Option<String>,
    now: Option<String>,
}

/// A text input showing `value` (the app's), with `placeholder`: each
/// edit gives `on_input` the text typed since the last Enter, and Enter
/// gives `on_submit` (the app takes its own value then).
pub fn submit_clears<'a, Message: Clone + 'a>(
    placeholder: &str,
    value: &str,
    id: iced::widget::Id,
    on_input: impl Fn(String) -> Message + 'a,
    on_submit: Message,
) -> SubmitClears<'a, Message> {
    let input = text_input(placeholder, value)
        .style(crate::ui::style::field)
        .id(id)
        .on_input(Inner::Input)
        .on_submit(Inner::Submit)
        .padding(6)
        .width(Length::Fill);
    SubmitClears {
        input: input.into(),
        value: value.to_string(),
        on_input: Box::new(on_input),
        on_submit,
    }
}

/// `text` without what Enter took, when it still starts with it.
fn after_taken(taken: Option<&str>, text: String) -> String {
    match taken {
        Some(t) if !t.is_empty() && text.starts_with(t) => text[t.len()..].to_string(),
        _ => text,
    }
}

impl<Message: Clone> Widget<Message, Theme, iced::Renderer> for SubmitClears<'_, Message> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<Taken>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(Taken::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.input)]
    }

    super::forward_to!(input; size, layout, operate, draw, mouse_interaction);

    fn diff(&self, tree: &mut Tree) {
        // A new frame: the input shows the app's value again.
        *tree.state.downcast_mut::<Taken>() = Taken::default();
        tree.diff_children(std::slice::from_ref(&self.input));
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let mut said = Vec::new();
        let mut inner = Shell::new(&mut said);
        self.input.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            &mut inner,
            viewport,
        );
        let captured = inner.is_event_captured();
        let invalid = inner.is_layout_invalid();
        let redraw = inner.redraw_request();
        let input_method = inner.input_method().clone();
        drop(inner);
        let state = tree.state.downcast_mut::<Taken>();
        for message in said {
            match message {
                Inner::Input(text) => {
                    state.now = Some(text.clone());
                    shell.publish((self.on_input)(after_taken(state.taken.as_deref(), text)));
                }
                Inner::Submit => {
                    state.taken = Some(state.now.clone().unwrap_or_else(|| self.value.clone()));
                    shell.publish(self.on_submit.clone());
                }
            }
        }
        if captured {
            shell.capture_event();
        }
        if invalid {
            shell.invalidate_layout();
        }
        shell.request_redraw_at(redraw);
        if !matches!(input_method, iced::advanced::InputMethod::Disabled) {
            shell.request_input_method(&input_method);
        }
    }
}

impl<'a, Message: Clone + 'a> From<SubmitClears<'a, Message>> for Element<'a, Message> {
    fn from(field: SubmitClears<'a, Message>) -> Self {
        Element::new(field)
    }
}

#[cfg(test)]
mod tests {
    use super::after_taken;

    #[test]
    fn only_what_was_typed_after_the_text_taken_is_given() {
        assert_eq!(after_taken(Some("/a.txt"), "/a.txt/b".into()), "/b");
        assert_eq!(after_taken(None, "/a.txt".into()), "/a.txt");
        // Changed meanwhile (the text edited before the end): as it is.
        assert_eq!(after_taken(Some("/a.txt"), "/a.tx".into()), "/a.tx");
    }
}
