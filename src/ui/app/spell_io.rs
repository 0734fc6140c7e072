//! The app's side of spell checking: each language's dictionary loaded
//! once, off the UI thread, when a window first needs it; the person's
//! own words read and written; every compose window given its checker.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use iced::Task;

use super::{App, Message, Screen, blocking};
use crate::i18n::Language;
use crate::report::Localize;
use crate::spell::{Personal, Speller};
use crate::ui::widget::spell_marks::Checker;

/// A language's dictionary.
#[derive(Debug)]
enum Dict {
    /// Being read.
    Loading,
    /// Ready.
    Ready(Arc<Speller>),
    /// None installed or unusable: the reason (translated).
    Missing(String),
}

/// The dictionaries and the person's own words.
#[derive(Debug, Default)]
pub struct Spelling {
    dicts: HashMap<&'static str, Dict>,
    personal: Arc<Personal>,
    personal_asked: bool,
    /// The languages whose missing dictionary a window has said.
    said: HashSet<&'static str>,
    /// Where dictionaries are looked for, when not [`crate::spell::search_path`].
    dirs: Option<Vec<std::path::PathBuf>>,
}

impl App {
    /// Looks for dictionaries in `dirs` alone from now on (tests: none
    /// installed, or a dictionary of their own).
    pub fn set_dictionary_dirs(&mut self, dirs: Vec<std::path::PathBuf>) {
        self.spelling.dirs = Some(dirs);
    }

    /// Makes sure `lang`'s dictionary and the person's words are read (or
    /// being read); then every window gets its checker.
    pub(super) fn want_spelling(&mut self, lang: Option<Language>) -> Task<Message> {
        let mut tasks = Vec::new();
        if !self.spelling.personal_asked {
            self.spelling.personal_asked = true;
            let path = Personal::path(&self.paths.data_dir);
            tasks.push(blocking(
                move || Personal::load(&path).map_err(|e| e.to_string()),
                Err,
                Message::PersonalRead,
            ));
        }
        if let Some(lang) = lang {
            let code = crate::spell::code(lang);
            if !self.spelling.dicts.contains_key(code) {
                self.spelling.dicts.insert(code, Dict::Loading);
                let dirs = self.spelling.dirs.clone();
                tasks.push(blocking(
                    move || {
                        let dirs = dirs.unwrap_or_else(crate::spell::search_path);
                        Speller::load(lang, &dirs)
                            .map(Arc::new)
                            .map_err(|e| e.localize())
                    },
                    Err,
                    move |r| Message::SpellerLoaded(code, r),
                ));
            }
        }
        self.give_checkers();
        Task::batch(tasks)
    }

    /// A dictionary was read (or could not be).
    pub(super) fn speller_loaded(
        &mut self,
        code: &'static str,
        result: Result<Arc<Speller>, String>,
    ) -> Task<Message> {
        let dict = match result {
            Ok(s) => Dict::Ready(s),
            Err(e) => Dict::Missing(e),
        };
        self.spelling.dicts.insert(code, dict);
        self.give_checkers();
        Task::none()
    }

    /// The person's words were read (or could not be: none then, and the
    /// main window says why).
    pub(super) fn personal_read(&mut self, result: Result<Personal, String>) -> Task<Message> {
        match result {
            Ok(p) => self.spelling.personal = Arc::new(p),
            Err(e) => self.notice(crate::t!("spell-error-personal", reason = e)),
        }
        self.give_checkers();
        Task::none()
    }

    /// Adds `word` to the person's words: no window marks it from now on,
    /// and it is written to the data dir (the main window says so if it
    /// cannot be).
    pub(super) fn add_word(&mut self, word: String) -> Task<Message> {
        let personal = Arc::new(self.spelling.personal.with(&word));
        self.spelling.personal = personal.clone();
        self.give_checkers();
        let path = Personal::path(&self.paths.data_dir);
        blocking(
            move || personal.save(&path).map_err(|e| e.to_string()),
            Err,
            Message::WordSaved,
        )
    }

    /// The person's words were written, or why not.
    pub(super) fn word_saved(&mut self, result: Result<(), String>) -> Task<Message> {
        if let Err(e) = result {
            self.notice(crate::t!("spell-error-personal", reason = e));
        }
        Task::none()
    }

    /// Gives every compose window the checker of its language (none while
    /// it is read, or when there is none; the first window to miss one
    /// says so).
    fn give_checkers(&mut self) {
        let spelling = &mut self.spelling;
        for screen in self.windows.values_mut() {
            let Screen::Compose(c) = screen else {
                continue;
            };
            let Some(lang) = c.spell_language() else {
                c.set_checker(None, None);
                continue;
            };
            let code = crate::spell::code(lang);
            match spelling.dicts.get(code) {
                Some(Dict::Ready(s)) => c.set_checker(
                    Some(Checker::new(s.clone(), spelling.personal.clone())),
                    None,
                ),
                Some(Dict::Missing(why)) if spelling.said.insert(code) => c.set_checker(
                    None,
                    Some(crate::t!("compose-spell-missing", reason = why.as_str())),
                ),
                _ => c.set_checker(None, None),
            }
        }
    }
}
