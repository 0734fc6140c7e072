//! Makes a control drawn again whole when what it shows changes.
//!
//! iced 0.14's software renderer redraws only the damaged parts of a
//! window, and takes the damage of a text drawn centred on a line (a pick
//! list's label) from its centre down: after Down changed a pick list, the
//! top half of the old label stayed under the new one ("TLS od początku
//! połączenia" over "STARTTLS", tryout 12). This wrapper draws, over its
//! control, a fully transparent quad whose colour follows a key of what
//! the control shows, so a change of the key damages the control's whole
//! area and the renderer draws it again cleanly.

use iced::advanced::widget::Tree;
use iced::advanced::{Layout, Widget, mouse, renderer};
use iced::{Color, Element, Rectangle, Theme};

/// The wrapper; built with [`repaint`].
pub struct Repaint<'a, Message> {
    content: Element<'a, Message>,
    key: u64,
}

/// `content`, drawn again whole whenever `key` changes.
pub fn repaint<'a, Message>(
    content: impl Into<Element<'a, Message>>,
    key: u64,
) -> Repaint<'a, Message> {
    Repaint {
        content: content.into(),
        key,
    }
}

/// A transparent colour that differs for each key (its alpha is zero, so
/// it is never seen).
fn invisible(key: u64) -> Color {
    let [a, b, c, ..] = key.to_le_bytes();
    Color::from_rgba8(a, b, c, 0.0)
}

impl<Message> Widget<Message, Theme, iced::Renderer> for Repaint<'_, Message> {
    super::delegate_to_content!();
    super::forward_to!(content; operate, update);

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        use iced::advanced::Renderer as _;
        renderer.fill_quad(
            renderer::Quad {
                bounds: layout.bounds(),
                ..renderer::Quad::default()
            },
            invisible(self.key),
        );
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

impl<'a, Message: 'a> From<Repaint<'a, Message>> for Element<'a, Message> {
    fn from(r: Repaint<'a, Message>) -> Self {
        Element::new(r)
    }
}

#[cfg(test)]
mod tests {
    use super::invisible;

    #[test]
    fn each_key_gets_its_own_invisible_colour() {
        assert_ne!(invisible(1), invisible(2));
        assert_eq!(invisible(7).a, 0.0);
    }
}
