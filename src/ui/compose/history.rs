//! Undo and redo in the message body (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y):
//! iced's text editor keeps no history, so the window does.
//!
//! Keystrokes are grouped as in GNOME's text views: the letters of a word
//! typed without a pause are one step, as are the spaces and line breaks
//! after it, a run of deletions, and each paste or signature change. The
//! history lives as long as the window: an autosave keeps it, a restart
//! does not (the draft on disk has the text only).

use iced::widget::text_editor::{Cursor, Edit};
use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// A pause longer than this starts a new step.
const PAUSE: Duration = Duration::from_secs(1);

/// Most bytes of text kept for undo (oldest steps go first): a long body
/// must not make the history grow without bound.
const MOST_BYTES: usize = 16 * 1024 * 1024;

/// Most steps kept.
const MOST_STEPS: usize = 500;

/// What an edit was, for grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A letter, digit or punctuation typed.
    Word,
    /// A space, tab or line break typed.
    Space,
    /// Backspace or Delete.
    Delete,
    /// A paste: a step of its own.
    Paste,
    /// The whole text replaced (a signature swapped): a step of its own.
    Replace,
}

impl Kind {
    /// The kind of an editor edit.
    pub fn of(edit: &Edit) -> Kind {
        match edit {
            Edit::Insert(c) if c.is_whitespace() => Kind::Space,
            Edit::Insert(_) => Kind::Word,
            Edit::Enter | Edit::Indent | Edit::Unindent => Kind::Space,
            Edit::Backspace | Edit::Delete => Kind::Delete,
            Edit::Paste(_) => Kind::Paste,
        }
    }
}

/// The body as it was: its text and where the cursor was.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The text.
    pub text: String,
    /// The cursor (and selection).
    pub cursor: Cursor,
}

/// The body's undo and redo steps.
#[derive(Debug, Default)]
pub struct History {
    /// The states before each step, oldest first.
    undo: VecDeque<Snapshot>,
    /// The states undone, most recent last.
    redo: Vec<Snapshot>,
    /// The kind and time of the last edit (to group the next with it).
    last: Option<(Kind, Instant)>,
}

impl History {
    /// An edit of `kind` is about to change the body, which is `before`
    /// now: a new step starts unless it continues the last one (same
    /// kind, no pause, and not a word begun after spaces). Anything
    /// undone can no longer be redone.
    pub fn record(&mut self, kind: Kind, before: impl FnOnce() -> Snapshot, now: Instant) {
        let continues = match self.last {
            Some((last, at)) => {
                now.duration_since(at) < PAUSE
                    && last == kind
                    && !matches!(kind, Kind::Paste | Kind::Replace)
            }
            None => false,
        };
        // A word typed right after its spaces goes with them: undoing
        // "ala ma kota" word by word takes "kota" and its space together.
        let after_space = matches!(self.last, Some((Kind::Space, at)) if now.duration_since(at) < PAUSE)
            && kind == Kind::Word;
        if !continues && !after_space {
            self.undo.push_back(before());
            self.trim();
        }
        self.redo.clear();
        self.last = Some((kind, now));
    }

    /// Undo: the state to show (the one before the last step), given the
    /// state shown now (kept for redo); `None` when there is nothing to
    /// undo.
    pub fn undo(&mut self, now: Snapshot) -> Option<Snapshot> {
        let before = self.undo.pop_back()?;
        self.redo.push(now);
        self.last = None;
        Some(before)
    }

    /// Redo: the state the last undo left, given the state shown now;
    /// `None` when there is nothing to redo.
    pub fn redo(&mut self, now: Snapshot) -> Option<Snapshot> {
        let after = self.redo.pop()?;
        self.undo.push_back(now);
        self.last = None;
        Some(after)
    }

    /// Whether there is a step to undo.
    #[cfg(test)]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    #[cfg(test)]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// When the last edit was made, if it continues a step.
    pub fn last_edit(&self) -> Option<Instant> {
        self.last.map(|(_, at)| at)
    }

    fn trim(&mut self) {
        let mut bytes: usize = self.undo.iter().map(|s| s.text.len()).sum();
        while self.undo.len() > MOST_STEPS || (bytes > MOST_BYTES && self.undo.len() > 1) {
            if let Some(old) = self.undo.pop_front() {
                bytes -= old.text.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::widget::text_editor::Position;

    fn snap(text: &str) -> Snapshot {
        Snapshot {
            text: text.into(),
            cursor: Cursor {
                position: Position {
                    line: 0,
                    column: text.chars().count(),
                },
                selection: None,
            },
        }
    }

    /// Types `text` into `body` a key at a time, `gap` apart.
    fn type_in(h: &mut History, body: &mut String, text: &str, at: &mut Instant, gap: Duration) {
        for c in text.chars() {
            let kind = Kind::of(&Edit::Insert(c));
            let before = body.clone();
            h.record(kind, || snap(&before), *at);
            body.push(c);
            *at += gap;
        }
    }

    #[test]
    fn words_typed_without_a_pause_are_undone_one_word_at_a_time() {
        let mut h = History::default();
        let mut body = String::new();
        let mut at = Instant::now();
        type_in(
            &mut h,
            &mut body,
            "ala ma kota",
            &mut at,
            Duration::from_millis(80),
        );
        let mut shown = vec![];
        while let Some(s) = h.undo(snap(&body)) {
            body = s.text;
            shown.push(body.clone());
        }
        assert_eq!(shown, ["ala ma", "ala", ""]);
        // And redone in the same steps.
        let mut again = vec![];
        while let Some(s) = h.redo(snap(&body)) {
            body = s.text;
            again.push(body.clone());
        }
        assert_eq!(again, ["ala", "ala ma", "ala ma kota"]);
    }

    #[test]
    fn a_pause_a_paste_and_deleting_each_start_a_step() {
        let mut h = History::default();
        let mut body = String::new();
        let mut at = Instant::now();
        type_in(&mut h, &mut body, "abc", &mut at, Duration::from_millis(50));
        at += Duration::from_secs(2);
        type_in(&mut h, &mut body, "def", &mut at, Duration::from_millis(50));
        let before = body.clone();
        h.record(Kind::Paste, || snap(&before), at);
        body.push_str("PASTE");
        for _ in 0..2 {
            let before = body.clone();
            h.record(Kind::Delete, || snap(&before), at);
            body.pop();
        }
        let mut shown = vec![];
        while let Some(s) = h.undo(snap(&body)) {
            body = s.text;
            shown.push(body.clone());
        }
        assert_eq!(shown, ["abcdefPASTE", "abcdef", "abc", ""]);
    }

    #[test]
    fn a_new_edit_after_undo_drops_what_could_be_redone() {
        let mut h = History::default();
        let mut body = String::new();
        let mut at = Instant::now();
        type_in(&mut h, &mut body, "raz", &mut at, Duration::from_millis(50));
        body = h.undo(snap(&body)).map(|s| s.text).unwrap_or_default();
        assert!(h.can_redo());
        type_in(&mut h, &mut body, "dwa", &mut at, Duration::from_millis(50));
        assert!(!h.can_redo());
        assert!(h.redo(snap(&body)).is_none());
    }

    #[test]
    fn the_history_of_a_long_body_stays_bounded() {
        let mut h = History::default();
        let big = "x".repeat(1024 * 1024);
        let at = Instant::now();
        for _ in 0..40 {
            h.record(Kind::Paste, || snap(&big), at);
        }
        let kept: usize = h.undo.iter().map(|s| s.text.len()).sum();
        assert!(kept <= MOST_BYTES, "{kept}");
        assert!(h.can_undo());
    }
}
