//! A small multi-line box inside a scrolling form (a signature): while its
//! text fits, the mouse wheel over it scrolls the form, as in a web page
//! or GTK; only a text longer than the box scrolls the box.
//!
//! iced's text editor takes every wheel event over it, even with nothing
//! to scroll, so a tryout's form stopped scrolling whenever the pointer
//! passed over the signature.

use iced::advanced::widget::Tree;
use iced::advanced::{Clipboard, Layout, Shell, Widget, mouse};
use iced::widget::text_editor;
use iced::{Element, Event, Length, Rectangle, Theme};

/// The padding inside the box, in logical pixels.
const PADDING: f32 = 6.0;

/// The height of one line of iced's default text (16 px, line height 1.3).
const LINE_HEIGHT: f32 = 16.0 * 1.3;

/// The box; built with [`small_editor`].
pub struct SmallEditor<'a, Message> {
    content: Element<'a, Message>,
    fits: bool,
}

/// A text editor of `height` logical pixels showing `content`, styled as
/// Koperta's fields, named `id`, with `placeholder`; each edit goes to
/// `on_action`.
pub fn small_editor<'a, Message: Clone + 'a>(
    content: &'a text_editor::Content,
    id: impl Into<iced::widget::Id>,
    placeholder: String,
    height: f32,
    on_action: impl Fn(text_editor::Action) -> Message + 'a,
) -> SmallEditor<'a, Message> {
    let fits = content.line_count() as f32 * LINE_HEIGHT <= height - 2.0 * PADDING;
    let editor = iced::widget::text_editor(content)
        .style(crate::ui::style::editor)
        .id(id)
        .placeholder(placeholder)
        .wrapping(iced::widget::text::Wrapping::WordOrGlyph)
        .on_action(on_action)
        .height(Length::Fixed(height))
        .padding(PADDING);
    SmallEditor {
        content: editor.into(),
        fits,
    }
}

impl<Message> Widget<Message, Theme, iced::Renderer> for SmallEditor<'_, Message> {
    super::delegate_to_content!();
    super::forward_to!(content; operate, draw);

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
        // Nothing to scroll: the wheel is left to the form around it.
        if self.fits && matches!(event, Event::Mouse(mouse::Event::WheelScrolled { .. })) {
            return;
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
    }
}

impl<'a, Message: 'a> From<SmallEditor<'a, Message>> for Element<'a, Message> {
    fn from(editor: SmallEditor<'a, Message>) -> Self {
        Element::new(editor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_that_fits_leaves_the_wheel_to_the_form() {
        let short = text_editor::Content::with_text("Jan\ntel. 22 123 45 67");
        let long = text_editor::Content::with_text(&"line\n".repeat(12));
        let fits = |c| small_editor::<()>(c, "s", String::new(), 92.0, |_| ()).fits;
        assert!(fits(&short));
        assert!(!fits(&long));
    }
}
