//! Choosing an address suggestion from the keyboard: Down and Up move
//! among the suggestions under the recipient field typed in, Enter or Tab
//! inserts the one marked (with the name), or the first when none is, as
//! in Thunderbird and Geary.

use iced::keyboard::{Key, Modifiers, key::Named};

use super::{Message, SUGGESTIONS_SHOWN, State};

/// What a key pressed in a recipient field means among `suggestions`
/// (those shown under it, best first): Down marks the next, Up the one
/// before (from the first, back to the field), Enter or Tab inserts the
/// one marked, or with none marked the first unless what is typed is a
/// valid address already. `None` for any other key, and for Enter or Tab
/// on a typed address (they then move on as usual); nothing when no
/// suggestion is shown.
///
/// `current`: whether `state` still holds what the field shows. When keys
/// typed in one burst reached the field after the view was built, what
/// is typed is not known here, and Enter or Tab with nothing marked move
/// on: a fast typist's whole address, then Tab, had its Tab taken for a
/// suggestion of the first letters, and the subject typed after it went
/// into To.
pub fn suggestion_keys(
    state: &State,
    suggestions: &[String],
    key: &Key,
    modifiers: Modifiers,
    current: bool,
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
        Key::Named(named @ (Named::Enter | Named::Tab)) => {
            // Enter completes and stays for another address; Tab completes
            // and goes on, as in Thunderbird (tryout 31 typed the subject
            // into To after a Tab).
            let pick = |s: &String| match named {
                Named::Tab => Message::SuggestAndMoveOn(s.clone()),
                _ => Message::Suggest(s.clone()),
            };
            match marked {
                Some(i) => Some(pick(&suggestions[i])),
                // None marked: the first, as Thunderbird completes it,
                // unless what is typed is an address of its own (tryout 14
                // pressed Enter on "nowak" and kept "nowak").
                None => (current && !typed_is_an_address(state)).then(|| pick(&suggestions[0])),
            }
        }
        _ => None,
    }
}

/// Whether the entry being typed (after the last `,` or `;`) is a valid
/// address by itself.
fn typed_is_an_address(state: &State) -> bool {
    state.recipient_field().is_some_and(|(_, text)| {
        let typed = text.rsplit([',', ';']).next().unwrap_or("").trim();
        crate::address::parse_mailbox(typed).is_ok()
    })
}

/// What a key pressed in the subject means of its own: F7 shows the
/// spelling suggestions for the subject's words (the window's F7 is for
/// the text).
pub fn subject_keys(key: &Key, modifiers: Modifiers) -> Option<Message> {
    (matches!(key, Key::Named(Named::F7)) && modifiers.is_empty())
        .then_some(Message::SpellCheckIn(true))
}
