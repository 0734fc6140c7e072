//! Choosing an address suggestion from the keyboard: Down and Up move
//! among the suggestions under the recipient field typed in, Enter or Tab
//! inserts the one marked (with the name), as in Thunderbird and Geary.

use iced::keyboard::{Key, Modifiers, key::Named};

use super::{Message, SUGGESTIONS_SHOWN, State};

/// What a key pressed in a recipient field means among `suggestions`
/// (those shown under it, best first): Down marks the next, Up the one
/// before (from the first, back to the field), Enter or Tab inserts the
/// one marked. `None` for any other key, and for Enter or Tab with none
/// marked (they then move on as usual); nothing when no suggestion is
/// shown.
pub fn suggestion_keys(
    state: &State,
    suggestions: &[String],
    key: &Key,
    modifiers: Modifiers,
) -> Option<Message> {
    let shown = suggestions.len().min(SUGGESTIONS_SHOWN);
    if shown == 0 || !modifiers.is_empty() {
        return None;
    }
    let marked = state.highlight().filter(|i| *i < shown);
    match key {
        Key::Named(Named::ArrowDown) => Some(Message::Highlight(Some(
            marked.map_or(0, |i| (i + 1).min(shown - 1)),
        ))),
        Key::Named(Named::ArrowUp) => marked.map(|i| Message::Highlight(i.checked_sub(1))),
        Key::Named(Named::Enter | Named::Tab) => {
            marked.map(|i| Message::Suggest(suggestions[i].clone()))
        }
        _ => None,
    }
}

/// What a key pressed in the subject means of its own: F7 shows the
/// spelling suggestions for the subject's words (the window's F7 is for
/// the text).
pub fn subject_keys(key: &Key, modifiers: Modifiers) -> Option<Message> {
    (matches!(key, Key::Named(Named::F7)) && modifiers.is_empty())
        .then_some(Message::SpellCheckIn(true))
}
