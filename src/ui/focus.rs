//! Focus that stays inside one window.
//!
//! In a daemon, iced's `focus(id)` operation runs over the widgets of every
//! window and unfocuses all but the target, so focusing a field in one
//! compose window took the focus away from another (DESIGN.md, UI). This
//! operation focuses the target and unfocuses only the widgets of the same
//! window (`scope`); other windows keep their focus.

use iced::Rectangle;
use iced::Task;
use iced::advanced::widget::operation::{Focusable, Operation};
use iced::advanced::widget::{Id, operate};

struct FocusWithin {
    target: Id,
    scope: Vec<Id>,
}

impl Operation<()> for FocusWithin {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<()>)) {
        operate(self);
    }

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        match id {
            Some(id) if *id == self.target => state.focus(),
            Some(id) if self.scope.contains(id) => state.unfocus(),
            _ => {}
        }
    }
}

/// Focuses `target` and unfocuses the widgets named in `scope` (the other
/// fields of the same window); widgets of other windows are left alone.
pub fn focus_within<T: Send + 'static>(target: Id, scope: Vec<Id>) -> Task<T> {
    operate(FocusWithin { target, scope }).discard()
}
