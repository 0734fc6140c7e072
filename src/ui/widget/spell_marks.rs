//! The body editor's spelling marks: a highlighter (iced's
//! [`Highlighter`]) that colours the misspelt words of each line.
//!
//! iced's editor asks it only for the lines from the first changed one to
//! the last one visible, and each word's verdict is kept, so a keystroke
//! in a long text costs a few lookups, not a check of every word.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use iced::advanced::text::highlighter::{Format, Highlighter};

use crate::spell::{Personal, Speller};

/// The most word verdicts kept; past it the cache starts again.
const CACHE_WORDS: usize = 100_000;

/// A language's checker and the person's own words. Two are equal when
/// they share both (so the editor highlights again when either changes).
#[derive(Debug, Clone)]
pub struct Checker {
    speller: Arc<Speller>,
    personal: Arc<Personal>,
}

impl PartialEq for Checker {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.speller, &other.speller) && Arc::ptr_eq(&self.personal, &other.personal)
    }
}

impl Checker {
    /// A checker of `speller`'s language that accepts `personal`'s words.
    pub fn new(speller: Arc<Speller>, personal: Arc<Personal>) -> Checker {
        Checker { speller, personal }
    }

    /// Whether `word` is spelt right (or is one of the person's own).
    pub fn correct(&self, word: &str) -> bool {
        self.personal.contains(word) || self.speller.check(word)
    }

    /// Up to `max` corrections for `word`, best first.
    pub fn suggest(&self, word: &str, max: usize) -> Vec<String> {
        self.speller.suggest(word, max)
    }

    /// The language checked.
    pub fn language(&self) -> crate::i18n::Language {
        self.speller.language()
    }
}

/// A misspelt word (what the highlighter marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Misspelt;

/// The highlighter: `None` as its settings checks nothing.
pub struct SpellMarks {
    checker: Option<Checker>,
    verdicts: HashMap<String, bool>,
    current: usize,
}

impl SpellMarks {
    /// Whether `word` is right, asked of the checker once.
    fn correct(&mut self, checker: &Checker, word: &str) -> bool {
        if let Some(v) = self.verdicts.get(word) {
            return *v;
        }
        if self.verdicts.len() >= CACHE_WORDS {
            self.verdicts.clear();
        }
        let v = checker.correct(word);
        self.verdicts.insert(word.to_string(), v);
        v
    }
}

impl Highlighter for SpellMarks {
    type Settings = Option<Checker>;
    type Highlight = Misspelt;
    type Iterator<'a> = std::vec::IntoIter<(Range<usize>, Misspelt)>;

    fn new(settings: &Self::Settings) -> Self {
        SpellMarks {
            checker: settings.clone(),
            verdicts: HashMap::new(),
            current: 0,
        }
    }

    fn update(&mut self, new_settings: &Self::Settings) {
        if *new_settings != self.checker {
            self.checker = new_settings.clone();
            self.verdicts.clear();
            self.current = 0;
        }
    }

    fn change_line(&mut self, line: usize) {
        self.current = self.current.min(line);
    }

    fn highlight_line(&mut self, line: &str) -> Self::Iterator<'_> {
        self.current += 1;
        let Some(checker) = self.checker.clone() else {
            return Vec::new().into_iter();
        };
        crate::spell::misspelt(line, |w| self.correct(&checker, w))
            .into_iter()
            .map(|r| (r, Misspelt))
            .collect::<Vec<_>>()
            .into_iter()
    }

    fn current_line(&self) -> usize {
        self.current
    }
}

/// How a misspelt word is drawn: in the theme's danger colour.
pub fn format(_: &Misspelt, theme: &iced::Theme) -> Format<iced::Font> {
    Format {
        color: Some(theme.palette().danger),
        font: None,
    }
}
