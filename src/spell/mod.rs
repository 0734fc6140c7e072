//! Spell checking in Polish and English with the system's Hunspell
//! dictionaries (`hunspell-pl`, `hunspell-en-us` on Debian), checked by
//! `spellbook`, a pure-Rust Hunspell-compatible checker.
//!
//! [`Speller::load`] finds and reads a dictionary (seconds for Polish's
//! 4 MB: load it off the UI thread); [`misspelt`] finds the words of a
//! line to mark; [`Personal`] is the person's own word list, kept in the
//! data dir.

mod personal;
mod words;

use std::path::{Path, PathBuf};

pub use personal::Personal;
pub use words::{misspelt, word_at, words};

use crate::i18n::Language;

/// Replaces the whole search path for dictionaries (directories separated
/// by `:`), for tests and unusual installations.
pub const DICTIONARIES_VAR: &str = "KOPERTA_DICTIONARIES";

/// Why no checker could be made for a language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpellError {
    /// No dictionary for the language in any directory searched.
    #[error("no {0} dictionary installed")]
    NotInstalled(&'static str),
    /// The dictionary's files could not be read.
    #[error("{path}: {reason}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The I/O error's text.
        reason: String,
    },
    /// The files were read but are not a dictionary spellbook accepts.
    #[error("{path}: {reason}")]
    Damaged {
        /// The `.aff` file.
        path: PathBuf,
        /// The parser's text.
        reason: String,
    },
}

/// The language's code as the dictionaries' file names begin: `pl` or `en`.
pub fn code(lang: Language) -> &'static str {
    match crate::i18n::resolve(lang) {
        Language::Pl => "pl",
        _ => "en",
    }
}

/// The directories searched for `.aff` and `.dic` files, in order: those
/// of `KOPERTA_DICTIONARIES` alone when it is set; else `DICPATH`'s
/// (Hunspell's own variable), the person's, and the system's.
pub fn search_path() -> Vec<PathBuf> {
    if let Some(dirs) = std::env::var_os(DICTIONARIES_VAR) {
        return std::env::split_paths(&dirs).collect();
    }
    let mut dirs: Vec<PathBuf> = std::env::var_os("DICPATH")
        .map(|d| std::env::split_paths(&d).collect())
        .unwrap_or_default();
    if let Some(base) = directories::BaseDirs::new() {
        dirs.push(base.data_dir().join("hunspell"));
        #[cfg(target_os = "macos")]
        dirs.push(base.home_dir().join("Library/Spelling"));
    }
    for d in [
        "/usr/share/hunspell",
        "/usr/local/share/hunspell",
        "/usr/share/myspell",
        "/usr/share/myspell/dicts",
        // Inside a Flatpak: the app's own, then the host's.
        "/app/share/hunspell",
        "/run/host/usr/share/hunspell",
        "/Library/Spelling",
    ] {
        dirs.push(PathBuf::from(d));
    }
    dirs
}

/// The `.aff` file of `lang`'s dictionary in `dirs` (its `.dic` beside it):
/// the first of the usual names (`pl_PL`, `pl`; `en_US`, `en_GB`, … `en`)
/// found, directory by directory.
pub fn find(lang: Language, dirs: &[PathBuf]) -> Option<PathBuf> {
    let names: &[&str] = match code(lang) {
        "pl" => &["pl_PL", "pl"],
        _ => &["en_US", "en_GB", "en_CA", "en_AU", "en"],
    };
    dirs.iter().find_map(|dir| {
        names.iter().find_map(|name| {
            let aff = dir.join(format!("{name}.aff"));
            (aff.is_file() && aff.with_extension("dic").is_file()).then_some(aff)
        })
    })
}

/// A checker for one language.
pub struct Speller {
    lang: Language,
    dict: spellbook::Dictionary,
}

impl std::fmt::Debug for Speller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Speller").field("lang", &self.lang).finish()
    }
}

impl Speller {
    /// Loads `lang`'s dictionary from the first directory of `dirs` that
    /// has one. Reads both files whole (4.5 MB for Polish) and decodes them
    /// from the encoding their `SET` line names (Polish's is ISO 8859-2).
    ///
    /// Errors: [`SpellError::NotInstalled`] when none is found;
    /// [`SpellError::Unreadable`] or [`SpellError::Damaged`] for files that
    /// cannot be read or parsed.
    pub fn load(lang: Language, dirs: &[PathBuf]) -> Result<Speller, SpellError> {
        let lang = crate::i18n::resolve(lang);
        let aff_path = find(lang, dirs).ok_or(SpellError::NotInstalled(code(lang)))?;
        let dic_path = aff_path.with_extension("dic");
        let aff_bytes = read(&aff_path)?;
        let dic_bytes = read(&dic_path)?;
        let encoding = declared_encoding(&aff_bytes);
        let (aff, _, _) = encoding.decode(&aff_bytes);
        let (dic, _, _) = encoding.decode(&dic_bytes);
        let dict = spellbook::Dictionary::new(&aff, &dic).map_err(|e| SpellError::Damaged {
            path: aff_path.clone(),
            reason: e.to_string(),
        })?;
        Ok(Speller { lang, dict })
    }

    /// The language checked: [`Language::En`] or [`Language::Pl`].
    pub fn language(&self) -> Language {
        self.lang
    }

    /// Whether `word` (one word, no spaces) is spelt right. A short word
    /// the dictionary knows only in capitals ("OK", "TV", "WC") is right in
    /// small letters too, as people write it in mail (a tryout saw "ok"
    /// marked in English).
    pub fn check(&self, word: &str) -> bool {
        self.dict.check(word)
            || (word.chars().count() <= SHORT_CAPITALS
                && word.chars().all(char::is_lowercase)
                && self.dict.check(&word.to_uppercase()))
    }

    /// Up to `max` corrections for `word`, best first.
    pub fn suggest(&self, word: &str, max: usize) -> Vec<String> {
        let mut out = Vec::new();
        self.dict.suggest(word, &mut out);
        out.truncate(max);
        out
    }
}

/// The longest word of [`Speller::check`]'s capitals rule, in letters.
const SHORT_CAPITALS: usize = 3;

fn read(path: &Path) -> Result<Vec<u8>, SpellError> {
    std::fs::read(path).map_err(|e| SpellError::Unreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// The encoding an `.aff` file's `SET` line names; UTF-8 when it names
/// none or one unknown.
fn declared_encoding(aff: &[u8]) -> &'static encoding_rs::Encoding {
    aff.split(|b| *b == b'\n')
        .take(200)
        .find_map(|line| {
            let line = line.strip_prefix(b"SET")?;
            let label = String::from_utf8_lossy(line);
            encoding_rs::Encoding::for_label(label.trim().as_bytes())
        })
        .unwrap_or(encoding_rs::UTF_8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iso_8859_2_set_line_is_read() {
        let aff = b"# comment\nSET ISO8859-2\nTRY abc\n";
        assert_eq!(declared_encoding(aff), encoding_rs::ISO_8859_2);
        assert_eq!(declared_encoding(b"TRY abc\n"), encoding_rs::UTF_8);
    }

    #[test]
    fn a_missing_dictionary_is_not_installed() {
        let dir = tempfile::tempdir().unwrap();
        let err = Speller::load(Language::Pl, &[dir.path().to_path_buf()]).unwrap_err();
        assert_eq!(err, SpellError::NotInstalled("pl"));
    }
}
