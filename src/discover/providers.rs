//! The bundled table of providers (`assets/providers.toml`): submission
//! servers by address domain and by MX host, with what the person must know
//! before typing a password. Every entry cites where its servers came from
//! (mostly the Thunderbird ISPDB, `thunderbird/autoconfig`, `ispdb/`).

use serde::Deserialize;

use crate::account::Security;

/// The table compiled into the program.
pub const BUNDLED: &str = include_str!("../../assets/providers.toml");

/// How a provider lets mail programs sign in to its submission server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Auth {
    /// The account's own password.
    #[default]
    Password,
    /// A separate app password made in the provider's web settings.
    AppPassword,
    /// Only OAuth 2.0 sign-in, which Koperta does not do yet.
    OauthOnly,
}

/// Something to do before the first sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Note {
    /// Nothing.
    #[default]
    #[serde(rename = "")]
    None,
    /// SMTP access has to be switched on in the provider's web settings.
    EnableSmtp,
    /// The server is a program on this computer (e.g. Proton Mail Bridge),
    /// with its own self-signed certificate to pin.
    LocalBridge,
}

/// How the user name is formed from the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Username {
    /// The whole address.
    #[default]
    Address,
    /// The part before `@`.
    LocalPart,
}

/// One submission server of a provider.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ServerEntry {
    /// Host name.
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// How the connection is secured.
    pub security: Security,
}

/// One provider.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Provider {
    /// Stable id.
    pub id: String,
    /// Its name in English (and wherever no Polish form is given).
    pub name: String,
    /// Its name in Polish, where it differs ("Microsoft 365 (konto
    /// służbowe lub szkolne)").
    #[serde(default)]
    pub name_pl: Option<String>,
    /// Address domains it serves (lowercase).
    #[serde(default)]
    pub domains: Vec<String>,
    /// MX host suffixes that identify it for custom domains.
    #[serde(default)]
    pub mx: Vec<String>,
    /// How the user name is formed.
    #[serde(default)]
    pub username: Username,
    /// How mail programs sign in.
    #[serde(default)]
    pub auth: Auth,
    /// A page about passwords or enabling SMTP ("" if none).
    #[serde(default)]
    pub help: String,
    /// Something to do first.
    #[serde(default)]
    pub note: Note,
    /// Where the servers came from.
    #[serde(default)]
    pub source: String,
    /// Whether a source could be read.
    #[serde(default)]
    pub verified: bool,
    /// Its submission servers, implicit TLS first.
    #[serde(default)]
    pub servers: Vec<ServerEntry>,
}

impl Provider {
    /// The name shown to the person, in the language last chosen with
    /// [`crate::i18n::apply`].
    pub fn shown_name(&self) -> &str {
        match &self.name_pl {
            Some(pl) if crate::i18n::is_polish() => pl,
            _ => &self.name,
        }
    }
}

/// The table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
pub struct Providers {
    /// Format version (1).
    #[serde(default)]
    pub version: u32,
    /// The providers.
    #[serde(default, rename = "provider")]
    pub providers: Vec<Provider>,
}

impl Providers {
    /// Parses a table in the format of `assets/providers.toml`.
    ///
    /// Errors: the TOML parser's message.
    pub fn parse(text: &str) -> Result<Providers, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The table compiled into the program (empty if it were ever broken;
    /// a unit test keeps it parsing).
    pub fn bundled() -> Providers {
        Providers::parse(BUNDLED).unwrap_or_default()
    }

    /// Every address domain of the table (lowercase).
    pub fn domains(&self) -> impl Iterator<Item = &str> {
        self.providers
            .iter()
            .flat_map(|p| p.domains.iter().map(String::as_str))
    }

    /// The provider serving address domain `domain` (A-label, any case).
    pub fn by_domain(&self, domain: &str) -> Option<&Provider> {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        self.providers
            .iter()
            .find(|p| p.domains.iter().any(|d| d.eq_ignore_ascii_case(&domain)))
    }

    /// The provider whose MX patterns match mail exchanger `host`: the host
    /// equals a pattern or ends with `.` + pattern.
    pub fn by_mx(&self, host: &str) -> Option<&Provider> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.providers.iter().find(|p| {
            p.mx.iter().any(|m| {
                let m = m.trim_start_matches("*.").trim_start_matches('.');
                !m.is_empty()
                    && (host == m.to_ascii_lowercase()
                        || host.ends_with(&format!(".{}", m.to_ascii_lowercase())))
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Language review W12, W13: Polish names in Polish, the services' own
    /// Polish brands in both languages.
    #[test]
    fn provider_names_are_said_in_the_persons_language() {
        let table = Providers::bundled();
        let name = |domain: &str| {
            table
                .by_domain(domain)
                .map(|p| p.shown_name().to_string())
                .unwrap_or_default()
        };
        {
            let _speaking = crate::i18n::speak(crate::i18n::Language::Pl);
            assert_eq!(name("wp.pl"), "Poczta WP (wp.pl)");
            assert_eq!(name("interia.pl"), "Poczta Interia");
            for p in &table.providers {
                for english in ["personal", "organisation", "work or school"] {
                    assert!(!p.shown_name().contains(english), "{}", p.shown_name());
                }
            }
        }
        let _speaking = crate::i18n::speak(crate::i18n::Language::En);
        assert_eq!(name("wp.pl"), "Poczta WP (wp.pl)");
    }

    #[test]
    fn the_bundled_table_parses_and_every_entry_is_complete() {
        let table = Providers::parse(BUNDLED).expect("providers.toml parses");
        assert_eq!(table.version, 1);
        assert!(table.providers.len() >= 16, "{}", table.providers.len());
        for p in &table.providers {
            assert!(
                !p.servers.is_empty() || p.auth == Auth::OauthOnly,
                "{}",
                p.id
            );
            assert!(!p.domains.is_empty() || !p.mx.is_empty(), "{}", p.id);
            assert!(
                !p.verified || !p.source.is_empty(),
                "{} is verified without a source",
                p.id
            );
            for s in &p.servers {
                assert!(crate::account::valid_host(&s.host), "{}: {}", p.id, s.host);
                assert!(s.port > 0);
            }
        }
        for domain in [
            "gmail.com",
            "wp.pl",
            "onet.pl",
            "interia.pl",
            "outlook.com",
            "o2.pl",
        ] {
            assert!(table.by_domain(domain).is_some(), "{domain}");
        }
    }

    #[test]
    fn mx_patterns_match_whole_labels_only() {
        let table = Providers::parse(
            r#"
version = 1
[[provider]]
id = "g"
name = "G"
mx = ["google.com"]
servers = [{ host = "smtp.gmail.com", port = 465, security = "implicit-tls" }]
"#,
        )
        .unwrap();
        assert!(table.by_mx("aspmx.l.google.com.").is_some());
        assert!(table.by_mx("google.com").is_some());
        assert!(table.by_mx("notgoogle.com").is_none());
        assert!(table.by_mx("google.com.evil.example").is_none());
    }
}
