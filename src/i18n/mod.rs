//! Language: Fluent messages embedded from `i18n/`, and the choice of language.
//!
//! The language comes from the settings (`auto`, `en`, `pl`); `auto` asks the
//! operating system for its preferred locales (sys-locale) and falls back to
//! English. Fluent's Unicode isolation marks are switched off after every
//! change of language, so arguments never carry invisible characters into
//! subjects, bodies or terminal output.

use std::sync::LazyLock;

use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::{LanguageLoader, unic_langid::LanguageIdentifier};
use rust_embed::RustEmbed;
use serde::{Deserialize, Serialize};

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

/// The process-wide Fluent loader. Use it through the [`crate::t!`] macro.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    // The English file is embedded at compile time and checked by `fl!`;
    // failing to load it leaves the loader empty, and every message then
    // shows its id, which is visible but harmless.
    let _ = loader.load_fallback_language(&Localizations);
    loader.set_use_isolating(false);
    loader
});

/// Formats a Fluent message of `i18n/*/koperta.ftl` in the current language.
///
/// `t!("id")` or `t!("id", name = value, …)`; ids are checked at compile time
/// against the English file.
#[macro_export]
macro_rules! t {
    ($id:literal) => {{
        i18n_embed_fl::fl!($crate::i18n::LOADER, $id)
    }};
    ($id:literal, $($name:ident = $val:expr),+ $(,)?) => {{
        i18n_embed_fl::fl!($crate::i18n::LOADER, $id, $($name = $crate::i18n::fluent_value($val)),+)
    }};
}

/// Turns a message argument (text or number) into a Fluent value; used by
/// [`crate::t!`].
pub fn fluent_value<'a>(value: impl Into<fluent::FluentValue<'a>>) -> fluent::FluentValue<'a> {
    value.into()
}

/// The language setting: follow the operating system, or a fixed language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// The operating system's preferred language, English when it is neither
    /// Polish nor English.
    #[default]
    Auto,
    /// English.
    En,
    /// Polish.
    Pl,
}

impl Language {
    /// Parses `auto`, `en` or `pl` (as typed on the command line).
    pub fn parse(s: &str) -> Option<Language> {
        match s {
            "auto" => Some(Language::Auto),
            "en" => Some(Language::En),
            "pl" => Some(Language::Pl),
            _ => None,
        }
    }

    /// The setting's name as written in `config.toml` and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Auto => "auto",
            Language::En => "en",
            Language::Pl => "pl",
        }
    }
}

fn langid(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap_or_default()
}

/// The concrete language `setting` means on this machine now: for `Auto`, the
/// first of the OS's preferred locales that is Polish or English, else English.
pub fn resolve(setting: Language) -> Language {
    match setting {
        Language::En | Language::Pl => setting,
        Language::Auto => match posix_locale() {
            // On Unix the first of LC_ALL, LC_MESSAGES, LANG decides
            // (POSIX): `LC_ALL=C` means the default language, English.
            Some(l) => resolve_locales(std::iter::once(l)),
            None => resolve_locales(sys_locale::get_locales()),
        },
    }
}

#[cfg(unix)]
fn posix_locale() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
}

#[cfg(not(unix))]
fn posix_locale() -> Option<String> {
    None
}

/// Picks Polish or English from a list of locale names such as `pl-PL`,
/// `pl_PL.UTF-8` or `C.UTF-8`, in order of preference; English when none fits.
pub fn resolve_locales(locales: impl IntoIterator<Item = String>) -> Language {
    for locale in locales {
        let primary = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "pl" => return Language::Pl,
            "en" => return Language::En,
            _ => {}
        }
    }
    Language::En
}

/// Switches every later message to `setting`'s language (see [`resolve`]).
/// Returns the concrete language chosen.
pub fn apply(setting: Language) -> Language {
    let concrete = resolve(setting);
    let id = match concrete {
        Language::Pl => langid("pl"),
        _ => langid("en"),
    };
    // Both languages are embedded; a failure here would mean a broken build,
    // and the loader keeps English in that case.
    let _ = LOADER.load_languages(&Localizations, &[id]);
    LOADER.set_use_isolating(false);
    concrete
}

/// For unit tests: sets the global loader to `setting` and holds it there
/// until the guard drops (tests run in parallel and share the loader).
#[cfg(test)]
pub(crate) fn speak(setting: Language) -> std::sync::MutexGuard<'static, ()> {
    static SPEAKING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let guard = SPEAKING.lock().unwrap_or_else(|e| e.into_inner());
    apply(setting);
    guard
}

/// Whether the texts are in Polish now (as last chosen with [`apply`]).
pub fn is_polish() -> bool {
    LOADER.current_language().language.as_str() == "pl"
}

/// The message ids defined in one embedded language file (`en` or `pl`),
/// for the parity test and for tools.
pub fn message_ids(lang: &str) -> Vec<String> {
    let path = format!("{lang}/koperta.ftl");
    let Some(file) = Localizations::get(&path) else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&file.data);
    let mut ids: Vec<String> = text
        .lines()
        .filter_map(|line| {
            let first = line.chars().next()?;
            if !(first.is_ascii_alphabetic() || first == '-') {
                return None;
            }
            let (id, _) = line.split_once('=')?;
            Some(id.trim().to_string())
        })
        .collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod checks;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn en_and_pl_define_the_same_message_ids() {
        let en = message_ids("en");
        let pl = message_ids("pl");
        assert!(en.len() > 10, "English file not embedded");
        let only_en: Vec<_> = en.iter().filter(|id| !pl.contains(id)).collect();
        let only_pl: Vec<_> = pl.iter().filter(|id| !en.contains(id)).collect();
        assert!(
            only_en.is_empty() && only_pl.is_empty(),
            "only in en: {only_en:?}; only in pl: {only_pl:?}"
        );
    }

    #[test]
    fn locale_names_resolve_to_polish_or_english() {
        assert_eq!(resolve_locales(vec!["pl_PL.UTF-8".into()]), Language::Pl);
        assert_eq!(
            resolve_locales(vec!["de-DE".into(), "pl".into()]),
            Language::Pl
        );
        assert_eq!(resolve_locales(vec!["C.UTF-8".into()]), Language::En);
        assert_eq!(resolve_locales(Vec::<String>::new()), Language::En);
        assert_eq!(
            resolve_locales(vec!["en-GB".into(), "pl".into()]),
            Language::En
        );
    }
}
