//! Tests that read what a person reads: every message of both languages
//! rendered with representative arguments, and the glossary's forbidden
//! variants (i18n/GLOSSARY.md).

use fluent::{FluentArgs, FluentBundle, FluentResource, FluentValue};

const PL: &str = include_str!("../../i18n/pl/koperta.ftl");
const EN: &str = include_str!("../../i18n/en/koperta.ftl");
const GLOSSARY: &str = include_str!("../../i18n/GLOSSARY.md");

/// Numbers that reach every plural category in Polish and English.
const NUMBERS: [i64; 7] = [1, 2, 5, 12, 22, 25, 112];

fn bundle(lang: &str, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let id: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

#[test]
fn both_message_files_parse_with_no_junk() {
    for (lang, source) in [("pl", PL), ("en", EN)] {
        if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
            let lines: Vec<usize> = errors
                .iter()
                .map(|e| source[..e.pos.start.min(source.len())].lines().count() + 1)
                .collect();
            panic!("{lang}/koperta.ftl does not parse near lines {lines:?}: {errors:?}");
        }
    }
}

/// The message ids of `source` with the variables each one uses.
fn messages(source: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in source.lines() {
        if let Some((id, _)) = line.split_once(" = ")
            && !id.starts_with(' ')
            && !id.starts_with('#')
        {
            out.push((id.to_string(), Vec::new()));
        }
        if let Some((_, vars)) = out.last_mut() {
            for part in line.split("{ $").skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                if !vars.contains(&name) {
                    vars.push(name);
                }
            }
        }
    }
    out
}

/// Every message rendered once for each number, and once with text
/// arguments (a long path, a Polish name).
fn renderings(lang: &str, source: &str) -> Vec<(String, String)> {
    let bundle = bundle(lang, source);
    let mut out = Vec::new();
    for (id, vars) in messages(source) {
        let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
            continue;
        };
        let mut values: Vec<FluentValue> = NUMBERS.iter().map(|n| FluentValue::from(*n)).collect();
        values.push(FluentValue::from(
            "/home/zofia/Dokumenty/bardzo długa nazwa folderu/Zofia Żółkiewska.pdf",
        ));
        for value in values {
            let mut args = FluentArgs::new();
            for var in &vars {
                args.set(var.as_str(), value.clone());
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{lang} {id}: {errors:?}");
            out.push((id.clone(), text.into_owned()));
        }
    }
    out
}

/// The English words of the glossary's last paragraph.
fn english_words() -> Vec<String> {
    let list = GLOSSARY
        .split("(whole words, any\ncase): ")
        .nth(1)
        .unwrap_or_default();
    list.trim()
        .trim_end_matches('.')
        .split(", ")
        .map(|w| w.trim().to_lowercase())
        .collect()
}

/// Command names, option names and the settings' keys, which the command
/// line's Polish texts quote as they are typed.
fn without_commands(text: &str) -> String {
    text.split(['„', '”', ' ', '(', ')', ':', ';', ',', '.', '\n'])
        .filter(|w| !w.starts_with("--") && !w.contains('-') && !w.contains('@'))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_message_renders_in_both_languages_with_no_leftover_braces() {
    for (lang, source) in [("pl", PL), ("en", EN)] {
        let rendered = renderings(lang, source);
        assert!(
            rendered.len() > 600 * 8,
            "{lang}: {} renderings",
            rendered.len()
        );
        for (id, text) in rendered {
            assert!(
                !text.contains("{$") && !text.contains("{ $"),
                "{lang} {id}: {text}"
            );
        }
    }
}

#[test]
fn no_english_word_in_a_polish_message() {
    let words = english_words();
    assert!(words.len() >= 10, "{words:?}");
    // Quoted command lines ("koperta account add …") are command-line
    // names, not English sentences.
    let commands = [
        "account", "outbox", "settings", "contacts", "drafts", "send", "retry",
    ];
    for (id, text) in renderings("pl", PL) {
        let plain = without_commands(&text);
        for word in plain.split_whitespace() {
            let word = word.to_lowercase();
            if commands.contains(&word.as_str()) {
                continue;
            }
            assert!(!words.contains(&word), "pl {id}: “{word}” in {text}");
        }
    }
}

#[test]
fn typographic_quotes_and_apostrophes() {
    for (lang, source) in [("pl", PL), ("en", EN)] {
        for (id, text) in renderings(lang, source) {
            // A shell example keeps its straight quotes.
            if text.contains("printf") {
                continue;
            }
            assert!(!text.contains('"'), "{lang} {id}: {text}");
            assert!(!text.contains('\''), "{lang} {id}: {text}");
        }
    }
}

#[test]
fn no_forbidden_variant_of_a_glossary_term() {
    let mut forbidden = Vec::new();
    for row in GLOSSARY
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| English"))
    {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        if let Some(not) = cells.get(4) {
            forbidden.extend(
                not.split(", ")
                    .filter(|v| !v.is_empty())
                    .map(str::to_lowercase),
            );
        }
    }
    assert!(forbidden.len() >= 8, "{forbidden:?}");
    let polish = PL
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
    for variant in forbidden {
        assert!(
            !polish.contains(&variant),
            "pl/koperta.ftl says “{variant}”"
        );
    }
}
