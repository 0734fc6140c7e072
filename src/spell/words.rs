//! The words of a line that spell checking looks at.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// The byte ranges of the words in `line` worth checking, in order: words
/// as Unicode's word boundaries find them (UAX #29, so "don't" is one),
/// without those that hold a digit or `_`, acronyms in capitals ("SMTP"),
/// and every part of an address, a link or a path (a run of text without
/// spaces that holds `@`, `://`, `/` or starts with `www.`).
pub fn words(line: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    chunks(line)
        .filter(|(_, chunk)| !is_address_or_link(chunk))
        .flat_map(|(start, chunk)| {
            chunk
                .split_word_bound_indices()
                .filter(|(_, w)| is_checked(w))
                .map(move |(i, w)| start + i..start + i + w.len())
        })
}

/// The ranges of [`words`] for which `correct` says no.
pub fn misspelt(line: &str, mut correct: impl FnMut(&str) -> bool) -> Vec<Range<usize>> {
    words(line).filter(|r| !correct(&line[r.clone()])).collect()
}

/// The word of [`words`] that holds the byte `at` of `line`, or ends just
/// before it (the cursor right after a word is on it).
pub fn word_at(line: &str, at: usize) -> Option<Range<usize>> {
    words(line).find(|r| r.start <= at && at <= r.end)
}

fn chunks(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split_whitespace().map(move |chunk| {
        // A sub-slice of `line`: its offset is the pointers' difference.
        (chunk.as_ptr() as usize - line.as_ptr() as usize, chunk)
    })
}

fn is_address_or_link(chunk: &str) -> bool {
    chunk.contains('@')
        || chunk.contains("://")
        || chunk.contains('/')
        || chunk.to_lowercase().starts_with("www.")
}

fn is_checked(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || w.chars().any(|c| c.is_numeric() || c == '_') {
        return false;
    }
    let acronym = letters > 1 && !w.chars().any(|c| c.is_lowercase());
    !acronym
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<&str> {
        words(line).map(|r| &line[r]).collect()
    }

    #[test]
    fn words_skip_addresses_links_numbers_and_acronyms() {
        assert_eq!(
            texts(
                "Zażółć gęślą, don't write to anna@example.com or https://x.pl/a SMTP 42 r2d2 www.wp.pl"
            ),
            ["Zażółć", "gęślą", "don't", "write", "to", "or"]
        );
    }

    #[test]
    fn the_word_at_a_cursor_includes_its_end() {
        let line = "Dzień dobry";
        assert_eq!(word_at(line, 0), Some(0..6));
        assert_eq!(word_at(line, 6), Some(0..6));
        assert_eq!(word_at(line, 7), Some(7..12));
        assert_eq!(word_at("  ", 1), None);
    }
}
