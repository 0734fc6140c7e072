//! The person's own words: never marked, in every language, kept in
//! `dictionary.txt` in the data dir (UTF-8, one word per line).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The file's name in the data dir.
pub const FILE: &str = "dictionary.txt";

/// The person's own words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Personal {
    words: BTreeSet<String>,
}

impl Personal {
    /// The file under `data_dir`.
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join(FILE)
    }

    /// Reads the words from `path`; none when it does not exist. Lines
    /// that are empty or not UTF-8 are left out (a damaged file loses
    /// only its damaged lines).
    ///
    /// Errors: the I/O error of reading an existing file.
    pub fn load(path: &Path) -> std::io::Result<Personal> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Personal::default()),
            Err(e) => return Err(e),
        };
        let words = bytes
            .split(|b| *b == b'\n')
            .filter_map(|l| std::str::from_utf8(l).ok())
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        Ok(Personal { words })
    }

    /// Whether `word` is one of them, as written or in small letters (an
    /// added "Koperta" also allows "KOPERTA" and "koperta" at no cost).
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word) || self.words.contains(&word.to_lowercase())
    }

    /// These words with `word` (trimmed) added.
    pub fn with(&self, word: &str) -> Personal {
        let mut words = self.words.clone();
        words.insert(word.trim().to_string());
        Personal { words }
    }

    /// How many words there are.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Writes the words to `path` atomically, sorted, one per line.
    ///
    /// Errors: the I/O error of writing (the old file is then left whole).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut text = String::new();
        for w in &self.words {
            text.push_str(w);
            text.push('\n');
        }
        crate::fs::write_atomic(path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_words_are_kept_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = Personal::path(dir.path());
        assert!(Personal::load(&path).unwrap().is_empty());
        let p = Personal::default().with("Koperta").with("żółwik");
        p.save(&path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Koperta\nżółwik\n");
        let back = Personal::load(&path).unwrap();
        assert!(back.contains("Koperta") && back.contains("żółwik") && !back.contains("kot"));
    }
}
