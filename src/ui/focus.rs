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

impl<T> Operation<T> for FocusWithin {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
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
    operate::<()>(FocusWithin { target, scope }).discard()
}

/// Finds, among the focusable widgets named in `scope` (in the order they
/// are drawn), the one after (or before) the focused one, then focuses it
/// within the same scope.
struct NextWithin {
    scope: Vec<Id>,
    back: bool,
    seen: Vec<Id>,
    focused: Option<usize>,
}

impl<T: Send + 'static> Operation<T> for NextWithin {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        operate(self);
    }

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if let Some(id) = id.filter(|id| self.scope.contains(id)) {
            if state.is_focused() {
                self.focused = Some(self.seen.len());
            }
            self.seen.push(id.clone());
        }
    }

    fn finish(&self) -> iced::advanced::widget::operation::Outcome<T> {
        use iced::advanced::widget::operation::Outcome;
        let n = self.seen.len();
        if n == 0 {
            return Outcome::None;
        }
        let next = match (self.focused, self.back) {
            (None, false) => 0,
            (None, true) => n - 1,
            (Some(i), false) => (i + 1) % n,
            (Some(i), true) => (i + n - 1) % n,
        };
        Outcome::Chain(Box::new(FocusWithin {
            target: self.seen[next].clone(),
            scope: self.scope.clone(),
        }))
    }
}

/// Tab (or Shift+Tab, `back`) within one window: focuses the next (or
/// previous) of the widgets named in `scope` that the window draws, so the
/// focus never moves in another window (iced's `focus_next` walks every
/// window's widgets together).
pub fn focus_next_within<T: Send + 'static>(scope: Vec<Id>, back: bool) -> Task<T> {
    operate(NextWithin {
        scope,
        back,
        seen: Vec::new(),
        focused: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Field(bool);

    impl Focusable for Field {
        fn is_focused(&self) -> bool {
            self.0
        }
        fn focus(&mut self) {
            self.0 = true;
        }
        fn unfocus(&mut self) {
            self.0 = false;
        }
    }

    /// Runs `op` over widgets named `ids` (the first focused where given),
    /// then the operation it chains, and returns which are focused.
    fn run(op: &mut dyn Operation<()>, widgets: &mut [(Id, Field)]) -> Vec<bool> {
        for (id, state) in widgets.iter_mut() {
            op.focusable(Some(id), Rectangle::default(), state);
        }
        if let iced::advanced::widget::operation::Outcome::Chain(mut next) = op.finish() {
            for (id, state) in widgets.iter_mut() {
                next.focusable(Some(id), Rectangle::default(), state);
            }
        }
        widgets.iter().map(|(_, s)| s.0).collect()
    }

    #[test]
    fn d07_tab_in_the_main_window_moves_only_among_its_own_fields() {
        // The main window's form (a, b) and a compose window's body, which
        // has the focus there.
        let (a, b, body) = (
            Id::new("main-a"),
            Id::new("main-b"),
            Id::new("compose-body"),
        );
        let mut widgets = [
            (a.clone(), Field(false)),
            (body.clone(), Field(true)),
            (b.clone(), Field(false)),
        ];
        let scope = vec![a.clone(), b.clone()];
        let mut tab = NextWithin {
            scope: scope.clone(),
            back: false,
            seen: Vec::new(),
            focused: None,
        };
        assert_eq!(run(&mut tab, &mut widgets), [true, true, false]);
        let mut tab = NextWithin {
            scope: scope.clone(),
            back: false,
            seen: Vec::new(),
            focused: None,
        };
        assert_eq!(
            run(&mut tab, &mut widgets),
            [false, true, true],
            "a → b; the compose body keeps its focus"
        );
        let mut back = NextWithin {
            scope,
            back: true,
            seen: Vec::new(),
            focused: None,
        };
        assert_eq!(run(&mut back, &mut widgets), [true, true, false]);
    }
}
