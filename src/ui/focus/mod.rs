//! Focus that stays inside one window.
//!
//! In a daemon, iced's `focus(id)` operation runs over the widgets of every
//! window and unfocuses all but the target, so focusing a field in one
//! compose window took the focus away from another (DESIGN.md, UI). This
//! operation focuses the target and unfocuses only the widgets of the same
//! window (the widgets inside its root container, [`root`]); other windows
//! keep their focus. Tab is moved by the root itself ([`FocusScope`]).

mod scope;

pub use scope::{FocusScope, ShowsField, scope};

use iced::advanced::widget::operation::{Focusable, Operation, Outcome};
use iced::advanced::widget::{Id, operate};
use iced::{Rectangle, Task, window};

/// The id of the container that holds all of window `window`'s widgets
/// (the app wraps every window's view in it): focus operations keep to
/// the widgets inside it.
pub fn root(window: window::Id) -> Id {
    Id::from(format!("koperta-window-{window:?}"))
}

/// Where an operation is in the widget tree: inside the root container
/// of the window it works on, or not.
#[derive(Debug)]
struct Within {
    root: Id,
    entering: bool,
    depth: usize,
    /// The depth it starts at: 1 when run by the root on its content.
    base: usize,
}

impl Within {
    fn new(root: Id) -> Within {
        Within {
            root,
            entering: false,
            depth: 0,
            base: 0,
        }
    }

    /// Already inside: for an operation run by the root itself on its
    /// own content ([`FocusScope`]).
    fn inside_already(root: Id) -> Within {
        Within {
            root,
            entering: false,
            depth: 1,
            base: 1,
        }
    }

    fn container(&mut self, id: Option<&Id>) {
        self.entering = id == Some(&self.root);
    }

    /// The same scope, for the operation chained after this one.
    fn fresh(&self) -> Within {
        Within {
            root: self.root.clone(),
            entering: false,
            depth: self.base,
            base: self.base,
        }
    }

    /// Called as the children of the container just seen are walked:
    /// whether that container is the root (then its widgets are inside).
    fn enter(&mut self) -> bool {
        let enter = std::mem::take(&mut self.entering);
        if enter {
            self.depth += 1;
        }
        enter
    }

    fn leave(&mut self, entered: bool) {
        if entered {
            self.depth -= 1;
        }
    }

    fn inside(&self) -> bool {
        self.depth > 0
    }
}

/// The two methods every operation here shares: it keeps count of
/// whether it is inside the window's root (`self.within`).
macro_rules! walk_within {
    () => {
        walk_within!(T);
    };
    ($t:ty) => {
        fn container(&mut self, id: Option<&Id>, _bounds: Rectangle) {
            self.within.container(id);
        }

        fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<$t>)) {
            let entered = self.within.enter();
            operate(self);
            self.within.leave(entered);
        }
    };
}

/// Which widget to focus.
#[derive(Debug, Clone)]
enum Target {
    /// The one with this id.
    Id(Id),
    /// The n-th focusable widget of the window, in drawing order.
    Nth(usize),
}

/// Focuses one widget of a window and unfocuses the others of that
/// window; widgets of other windows are left alone.
struct FocusIn {
    within: Within,
    target: Target,
    seen: usize,
    /// Where the focused widget is, to scroll it into view.
    found: Option<Rectangle>,
}

impl<T> Operation<T> for FocusIn {
    walk_within!();

    fn focusable(&mut self, id: Option<&Id>, bounds: Rectangle, state: &mut dyn Focusable) {
        if !self.within.inside() {
            return;
        }
        let hit = match &self.target {
            Target::Id(target) => id == Some(target),
            Target::Nth(n) => *n == self.seen,
        };
        self.seen += 1;
        if hit {
            state.focus();
            self.found = Some(bounds);
        } else {
            state.unfocus();
        }
    }

    fn finish(&self) -> Outcome<T> {
        match self.found {
            Some(target) => Outcome::Chain(Box::new(Reveal {
                within: self.within.fresh(),
                target,
            })),
            None => Outcome::None,
        }
    }
}

/// Scrolls the window's scrollables that hold `target` (a focused
/// widget's bounds) so that it is in view, as GTK does when Tab reaches a
/// control below the fold.
struct Reveal {
    within: Within,
    target: Rectangle,
}

/// Room left between a revealed control and the scrollable's edge, in
/// logical pixels.
const REVEAL_MARGIN: f32 = 12.0;

impl<T> Operation<T> for Reveal {
    walk_within!();

    fn scrollable(
        &mut self,
        _id: Option<&Id>,
        bounds: Rectangle,
        content_bounds: Rectangle,
        translation: iced::Vector,
        state: &mut dyn iced::advanced::widget::operation::Scrollable,
    ) {
        if !self.within.inside() {
            return;
        }
        if let Some(y) = reveal_offset(bounds, content_bounds, translation.y, self.target) {
            state.scroll_to(iced::widget::scrollable::AbsoluteOffset {
                x: None,
                y: Some(y),
            });
        }
    }
}

/// The vertical offset that brings `target` into a scrollable's view, or
/// `None` when it is in view already or not in this scrollable. All in
/// logical pixels; `offset` is the current one.
fn reveal_offset(
    bounds: Rectangle,
    content: Rectangle,
    offset: f32,
    target: Rectangle,
) -> Option<f32> {
    let inside = target.y >= content.y && target.y + target.height <= content.y + content.height;
    if !inside {
        return None;
    }
    let top = content.y + offset;
    let bottom = top + bounds.height;
    let y = if target.y - REVEAL_MARGIN < top {
        target.y - REVEAL_MARGIN - content.y
    } else if target.y + target.height + REVEAL_MARGIN > bottom {
        target.y + target.height + REVEAL_MARGIN - bounds.height - content.y
    } else {
        return None;
    };
    Some(y.clamp(0.0, (content.height - bounds.height).max(0.0)))
}

/// Focuses widget `target` of the window whose root is `root`, and takes
/// the focus from the window's other widgets; other windows keep theirs
/// (iced's own `focus` unfocuses every window's widgets).
pub fn focus_in<T: Send + 'static>(root: Id, target: Id) -> Task<T> {
    operate::<()>(FocusIn {
        within: Within::new(root),
        target: Target::Id(target),
        seen: 0,
        found: None,
    })
    .discard()
}

/// Counts a window's focusable widgets and finds the focused one, then
/// focuses the next (or previous) one.
struct NextIn {
    within: Within,
    back: bool,
    count: usize,
    focused: Option<usize>,
}

impl<T: Send + 'static> Operation<T> for NextIn {
    walk_within!();

    fn focusable(&mut self, _id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if !self.within.inside() {
            return;
        }
        if state.is_focused() {
            self.focused = Some(self.count);
        }
        self.count += 1;
    }

    fn finish(&self) -> Outcome<T> {
        let n = self.count;
        if n == 0 {
            return Outcome::None;
        }
        let next = match (self.focused, self.back) {
            (None, false) => 0,
            (None, true) => n - 1,
            (Some(i), false) => (i + 1) % n,
            (Some(i), true) => (i + n - 1) % n,
        };
        Outcome::Chain(Box::new(FocusIn {
            within: self.within.fresh(),
            target: Target::Nth(next),
            seen: 0,
            found: None,
        }))
    }
}

/// Finds whether a window has a focusable widget with this id.
struct Has {
    within: Within,
    target: Id,
    found: bool,
}

impl<T> Operation<T> for Has {
    walk_within!();

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, _state: &mut dyn Focusable) {
        if self.within.inside() && id == Some(&self.target) {
            self.found = true;
        }
    }
}

/// Finds the id of the focused widget of one window (none when nothing
/// is focused or the focused widget has no id).
struct FocusedIn {
    within: Within,
    found: Option<Id>,
    /// Some widget of the window has the focus (with an id or not).
    any: bool,
}

impl Operation<Id> for FocusedIn {
    walk_within!(Id);

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if self.within.inside() && state.is_focused() {
            self.found = id.cloned();
            self.any = true;
        }
    }

    fn finish(&self) -> Outcome<Id> {
        match &self.found {
            Some(id) => Outcome::Some(id.clone()),
            None => Outcome::None,
        }
    }
}

/// The id of the widget focused in the window whose root is `root`; the
/// task gives nothing when no widget with an id has the focus.
pub fn focused_in(root: Id) -> Task<Id> {
    operate(FocusedIn {
        within: Within::new(root),
        found: None,
        any: false,
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

    /// Two windows as the runtime walks them: each a root container
    /// holding a plain container (as a column does) with its fields.
    fn walk(op: &mut dyn Operation<()>, windows: &mut [(Id, Vec<Field>)]) {
        for (root, fields) in windows.iter_mut() {
            op.container(Some(root), Rectangle::default());
            op.traverse(&mut |op| {
                op.container(None, Rectangle::default());
                op.traverse(&mut |op| {
                    for f in fields.iter_mut() {
                        op.focusable(None, Rectangle::default(), f);
                    }
                });
            });
        }
    }

    /// Runs `op` and the operation it chains, as the runtime does.
    fn run(mut op: Box<dyn Operation<()>>, windows: &mut [(Id, Vec<Field>)]) -> Vec<Vec<bool>> {
        loop {
            walk(op.as_mut(), windows);
            match op.finish() {
                Outcome::Chain(next) => op = next,
                _ => break,
            }
        }
        windows
            .iter()
            .map(|(_, f)| f.iter().map(|f| f.0).collect())
            .collect()
    }

    fn tab(root: &Id, back: bool) -> Box<dyn Operation<()>> {
        Box::new(NextIn {
            within: Within::new(root.clone()),
            back,
            count: 0,
            focused: None,
        })
    }

    #[test]
    fn d07_tab_in_one_window_moves_only_among_its_own_controls() {
        let (a, b) = (Id::new("window-a"), Id::new("window-b"));
        // Window a: three controls, the first focused; window b (another
        // compose window) has its cursor in its first field.
        let mut windows = [
            (a.clone(), vec![Field(true), Field(false), Field(false)]),
            (b.clone(), vec![Field(true), Field(false)]),
        ];
        assert_eq!(
            run(tab(&a, false), &mut windows),
            [vec![false, true, false], vec![true, false]],
            "a: first → second; b keeps its focus"
        );
        let _ = run(tab(&a, true), &mut windows);
        assert_eq!(
            run(tab(&a, true), &mut windows),
            [vec![false, false, true], vec![true, false]],
            "Shift+Tab wraps round to the last"
        );
        // Nothing focused in b (after a click): Tab starts at its first.
        windows[1].1[0].0 = false;
        assert_eq!(
            run(tab(&b, false), &mut windows),
            [vec![false, false, true], vec![true, false]]
        );
    }

    #[test]
    fn a_control_focused_by_id_takes_the_focus_from_its_own_window_only() {
        let (a, b) = (Id::new("window-a"), Id::new("window-b"));
        let target = Id::new("add-account");
        let mut fields = [Field(true), Field(false)];
        let mut other = Field(true);
        let mut op = FocusIn {
            within: Within::new(a.clone()),
            target: Target::Id(target.clone()),
            seen: 0,
            found: None,
        };
        for (root, window) in [(&a, 0), (&b, 1)] {
            Operation::<()>::container(&mut op, Some(root), Rectangle::default());
            Operation::<()>::traverse(&mut op, &mut |op| {
                if window == 0 {
                    op.focusable(None, Rectangle::default(), &mut fields[0]);
                    op.focusable(Some(&target), Rectangle::default(), &mut fields[1]);
                } else {
                    op.focusable(Some(&target), Rectangle::default(), &mut other);
                }
            });
        }
        assert!(!fields[0].0 && fields[1].0, "the named control has it");
        assert!(other.0, "the other window's widget keeps its focus");
    }

    #[test]
    fn a_control_tabbed_to_below_the_fold_is_scrolled_into_view() {
        let view = Rectangle::new(iced::Point::new(0.0, 100.0), iced::Size::new(400.0, 300.0));
        let content = Rectangle::new(iced::Point::new(0.0, 100.0), iced::Size::new(400.0, 1000.0));
        let at = |y: f32| Rectangle::new(iced::Point::new(10.0, y), iced::Size::new(100.0, 30.0));
        // In view: nothing moves.
        assert_eq!(reveal_offset(view, content, 0.0, at(200.0)), None);
        // Below the fold: scrolled so its bottom (and the margin) shows.
        assert_eq!(
            reveal_offset(view, content, 0.0, at(500.0)),
            Some(500.0 + 30.0 + REVEAL_MARGIN - 300.0 - 100.0)
        );
        // Above, after scrolling down: back up to it.
        assert_eq!(
            reveal_offset(view, content, 600.0, at(300.0)),
            Some(300.0 - REVEAL_MARGIN - 100.0)
        );
        // Not in this scrollable.
        assert_eq!(reveal_offset(view, content, 0.0, at(1200.0)), None);
    }
}
