//! Spell checking in the compose window: the body's marks (drawn by
//! [`crate::ui::widget::spell_marks`]), the subject's, the language
//! picker, and the suggestions for a word (F7), with "add to dictionary".

use std::ops::Range;

use iced::widget::{column, container, row, text};
use iced::{Element, Length, window};

use super::{Action, Message, State, field_id, history};
use crate::i18n::Language;
use crate::t;
use crate::ui::widget::button;
use crate::ui::widget::spell_marks::Checker;

/// How many corrections the popup offers.
const SUGGESTIONS: usize = 5;
/// The popup's first button (the focus goes there when it opens).
pub const SPELL_FIRST: &str = "spell-first";

/// The language a message is checked in, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpellChoice {
    /// Checked in this language (English or Polish).
    In(Language),
    /// Not checked.
    Off,
}

impl std::fmt::Display for SpellChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            SpellChoice::In(Language::Pl) => t!("compose-spell-pl"),
            SpellChoice::In(_) => t!("compose-spell-en"),
            SpellChoice::Off => t!("compose-spell-off"),
        })
    }
}

/// Where the word the popup is about stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// In the subject, at these bytes.
    Subject(Range<usize>),
    /// In the body: its line and the bytes in it.
    Body(usize, Range<usize>),
}

/// The suggestions popup: the word, where it is, and its corrections;
/// no target when no word is misspelt.
#[derive(Debug, Clone)]
pub struct Popup {
    word: String,
    target: Option<Target>,
    suggestions: Vec<String>,
}

/// A window's spell checking.
#[derive(Debug, Clone)]
pub struct Spell {
    choice: SpellChoice,
    /// The person picked the language (then nothing switches it).
    chosen: bool,
    checker: Option<Checker>,
    /// Said once when no dictionary is installed for the language.
    note: Option<String>,
    popup: Option<Popup>,
}

impl Spell {
    /// Checking in `lang` (the app's language when the window opens).
    pub fn new(lang: Language) -> Spell {
        Spell {
            choice: SpellChoice::In(crate::i18n::resolve(lang)),
            chosen: false,
            checker: None,
            note: None,
            popup: None,
        }
    }
}

impl State {
    /// The language the message is checked in; `None` when checking is
    /// off.
    pub fn spell_language(&self) -> Option<Language> {
        match self.spell.choice {
            SpellChoice::In(l) => Some(l),
            SpellChoice::Off => None,
        }
    }

    /// Checks the message in `lang` (no checker until the app gives one).
    pub fn check_in(&mut self, lang: Language) {
        self.spell.choice = SpellChoice::In(lang);
        self.spell.checker = None;
    }

    /// Polish text checked in English by default (tryout 14 wrote Polish
    /// in the English app and every word was marked): the message is
    /// checked in Polish from then on, unless the person picked the
    /// language. Polish is told by its letters (ą, ć, ę, ł, ń, ó, ś, ź, ż),
    /// which nearly every Polish sentence has and English text has not.
    /// Only the person's own words count: not the signature (from its
    /// `-- ` line, RFC 3676 §4.3) nor quoted lines, so a Polish signature
    /// in the English app does not switch a new message (tryout 22).
    /// Returns the new language when it switched.
    pub fn follow_the_text(&mut self) -> Option<Language> {
        let polish = |s: &str| s.chars().any(|c| "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".contains(c));
        let own = self
            .draft
            .body
            .lines()
            .take_while(|l| *l != "-- ")
            .filter(|l| !l.starts_with('>'))
            .any(polish);
        if self.spell.chosen
            || self.spell.choice != SpellChoice::In(Language::En)
            || !(own || polish(&self.draft.subject))
        {
            return None;
        }
        self.check_in(Language::Pl);
        Some(Language::Pl)
    }

    /// The checker to use (`None` until the dictionary is loaded, or when
    /// there is none), and `note` to say once why there is none.
    pub fn set_checker(&mut self, checker: Option<Checker>, note: Option<String>) {
        self.spell.checker = checker.filter(|c| Some(c.language()) == self.spell_language());
        if note.is_some() {
            self.spell.note = note;
        }
    }

    /// The checker in use, for the body's marks.
    pub fn checker(&self) -> Option<&Checker> {
        self.spell.checker.as_ref()
    }

    /// Whether the suggestions popup is open.
    pub fn spell_popup_open(&self) -> bool {
        self.spell.popup.is_some()
    }

    /// Handles the spelling messages.
    pub(super) fn apply_spell(&mut self, message: Message) -> Action {
        match message {
            Message::SpellLanguage(choice) => {
                self.spell.choice = choice;
                self.spell.chosen = true;
                self.spell.checker = None;
                self.spell.popup = None;
                return Action::SpellLanguage(self.spell_language());
            }
            Message::SpellCheck => return self.open_popup(self.focus == Some(3)),
            Message::SpellCheckIn(subject) => return self.open_popup(subject),
            Message::SpellPick(word) => return self.replace(word),
            Message::SpellAdd => {
                if let Some(p) = self.spell.popup.take()
                    && p.target.is_some()
                {
                    return Action::AddWord(p.word);
                }
            }
            Message::SpellClose => {
                self.spell.popup = None;
                return Action::Focus(self.back_to());
            }
            _ => {}
        }
        Action::None
    }

    fn back_to(&self) -> &'static str {
        if self.last_field == Some(3) {
            "subject"
        } else {
            "body"
        }
    }

    /// F7: the popup for the misspelt word at the cursor, or the next one
    /// after it (from the top again at the end); in the subject, its first.
    fn open_popup(&mut self, in_subject: bool) -> Action {
        let Some(checker) = self.spell.checker.clone() else {
            return Action::None;
        };
        if in_subject {
            self.focus = Some(3);
            self.last_field = Some(3);
        }
        let target = if in_subject {
            crate::spell::misspelt(&self.draft.subject, |w| checker.correct(w))
                .into_iter()
                .next()
                .map(Target::Subject)
        } else {
            self.next_in_body(&checker)
        };
        let word = match &target {
            Some(Target::Subject(r)) => self.draft.subject[r.clone()].to_string(),
            Some(Target::Body(line, r)) => self
                .body
                .line(*line)
                .map(|l| l.text[r.clone()].to_string())
                .unwrap_or_default(),
            None => String::new(),
        };
        // The word is selected, so the person sees which one it is.
        if let Some(Target::Body(line, r)) = &target {
            use iced::widget::text_editor::{Cursor, Position};
            self.body.move_to(Cursor {
                position: Position {
                    line: *line,
                    column: r.end,
                },
                selection: Some(Position {
                    line: *line,
                    column: r.start,
                }),
            });
        }
        let suggestions = if target.is_some() {
            checker.suggest(&word, SUGGESTIONS)
        } else {
            Vec::new()
        };
        self.spell.popup = Some(Popup {
            word,
            target,
            suggestions,
        });
        Action::Focus(SPELL_FIRST)
    }

    fn next_in_body(&self, checker: &Checker) -> Option<Target> {
        let cursor = self.body.cursor().position;
        let lines: Vec<String> = self.body.lines().map(|l| l.text.to_string()).collect();
        let n = lines.len();
        // The cursor's line from the word at the cursor, the lines after
        // it, then from the top to the cursor's line.
        (0..=n).find_map(|k| {
            let i = (cursor.line + k) % n.max(1);
            let line = lines.get(i)?;
            crate::spell::misspelt(line, |w| checker.correct(w))
                .into_iter()
                .find(|r| k > 0 || r.end >= cursor.column)
                .map(|r| Target::Body(i, r))
        })
    }

    /// Puts `word` in the place of the misspelt one (an edit undone with
    /// Ctrl+Z as one step); nothing when the text changed under it.
    fn replace(&mut self, word: String) -> Action {
        let Some(popup) = self.spell.popup.take() else {
            return Action::None;
        };
        match popup.target {
            Some(Target::Subject(r)) if self.draft.subject.get(r.clone()) == Some(&popup.word) => {
                self.draft.subject.replace_range(r, &word);
                self.changed();
                Action::Focus("subject")
            }
            Some(Target::Body(line, r)) => {
                let start: usize = self
                    .draft
                    .body
                    .split('\n')
                    .take(line)
                    .map(|l| l.len() + 1)
                    .sum();
                let at = start + r.start..start + r.end;
                if self.draft.body.get(at.clone()) != Some(&popup.word) {
                    return Action::Focus("body");
                }
                let before = self.body_snapshot();
                self.history
                    .record(history::Kind::Replace, || before, std::time::Instant::now());
                let mut body = self.draft.body.clone();
                body.replace_range(at, &word);
                self.body = iced::widget::text_editor::Content::with_text(&body);
                self.body.move_to(iced::widget::text_editor::Cursor {
                    position: iced::widget::text_editor::Position {
                        line,
                        column: r.start + word.len(),
                    },
                    selection: None,
                });
                self.draft.body = body;
                self.focus = Some(4);
                self.changed();
                Action::Focus("body")
            }
            _ => Action::Focus(self.back_to()),
        }
    }
}

/// The language picker's choices.
pub fn choices() -> Vec<SpellChoice> {
    vec![
        SpellChoice::In(Language::Pl),
        SpellChoice::In(Language::En),
        SpellChoice::Off,
    ]
}

/// The picker for the language the message is checked in.
pub fn language_picker(state: &State) -> Element<'_, Message> {
    crate::ui::widget::pick_list(choices(), Some(state.spell.choice), Message::SpellLanguage).into()
}

/// How many of the subject's misspelt words are named under it.
const SUBJECT_WORDS_SAID: usize = 5;

/// The subject's misspelt words, said under it.
pub fn subject_marks(state: &State) -> Option<Element<'_, Message>> {
    let checker = state.spell.checker.as_ref()?;
    let subject = &state.draft.subject;
    let mut words: Vec<&str> = Vec::new();
    for w in crate::spell::misspelt(subject, |w| checker.correct(w))
        .into_iter()
        .filter_map(|r| subject.get(r))
    {
        if !words.contains(&w) {
            words.push(w);
        }
    }
    if words.is_empty() {
        return None;
    }
    // A few words, each cut short, and how many more: a huge subject
    // made the line run out of the window (tryout 11).
    let more = words.len().saturating_sub(SUBJECT_WORDS_SAID);
    let said: Vec<String> = words
        .iter()
        .take(SUBJECT_WORDS_SAID)
        .map(|w| crate::report::shorten(w, 32))
        .collect();
    Some(
        text(t!(
            "compose-spell-subject",
            words = said.join(", "),
            more = more
        ))
        .size(13)
        .style(text::danger)
        .wrapping(text::Wrapping::WordOrGlyph)
        .into(),
    )
}

/// Why the text is not checked, said once (no dictionary installed).
pub fn note(state: &State) -> Option<Element<'_, Message>> {
    let note = state.spell.note.as_ref()?;
    Some(
        text(note.clone())
            .size(13)
            .style(|t: &iced::Theme| text::Style {
                color: Some(crate::ui::style::muted(t)),
            })
            .into(),
    )
}

/// The suggestions popup: the word, its corrections, "Add to
/// dictionary" and Close; Tab moves among them, Enter or Space picks,
/// Esc closes.
pub fn popup(state: &State, window: window::Id) -> Option<Element<'_, Message>> {
    let popup = state.spell.popup.as_ref()?;
    let mut buttons = row![].spacing(6).align_y(iced::Alignment::Center);
    if popup.target.is_none() {
        buttons = buttons.push(text(t!("compose-spell-none")).width(Length::Fill));
    } else {
        buttons = buttons.push(text(t!("compose-spell-word", word = popup.word.as_str())));
        if popup.suggestions.is_empty() {
            buttons = buttons.push(text(t!("compose-spell-no-suggestions")).size(13));
        }
        for (i, s) in popup.suggestions.iter().enumerate() {
            let mut b = button(text(s.clone()))
                .style(if i == 0 {
                    iced::widget::button::primary
                } else {
                    crate::ui::style::secondary
                })
                .on_press(Message::SpellPick(s.clone()));
            if i == 0 {
                b = b.id(field_id(window, SPELL_FIRST));
            }
            buttons = buttons.push(b);
        }
        let mut add = button(text(t!("compose-spell-add")))
            .style(crate::ui::style::secondary)
            .on_press(Message::SpellAdd);
        if popup.suggestions.is_empty() {
            add = add.id(field_id(window, SPELL_FIRST));
        }
        buttons = buttons.push(container(add).width(Length::Fill));
    }
    let mut close = button(text(t!("compose-spell-close")))
        .style(crate::ui::style::secondary)
        .on_press(Message::SpellClose);
    if popup.target.is_none() {
        close = close.id(field_id(window, SPELL_FIRST));
    }
    Some(
        container(column![buttons.push(close)])
            .padding(8)
            .width(Length::Fill)
            .style(crate::ui::style::question)
            .into(),
    )
}
