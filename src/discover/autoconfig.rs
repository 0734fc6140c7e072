//! Thunderbird's autoconfig format (`config-v1.1.xml`): the outgoing (SMTP)
//! servers of a provider. Read with quick-xml; unknown elements are
//! ignored, a UTF-8 byte-order mark is accepted, placeholders are
//! substituted. Format: <https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat>.

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::account::Security;

/// One `<outgoingServer type="smtp">`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// Host name, placeholders substituted.
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// `SSL` → implicit TLS, `STARTTLS` → STARTTLS, `plain` → plaintext.
    pub security: Security,
    /// The user name, placeholders substituted (the address when absent).
    pub username: String,
    /// The `<authentication>` values, as written (e.g. `password-cleartext`,
    /// `OAuth2`).
    pub authentication: Vec<String>,
}

impl Outgoing {
    /// Whether the server takes a password (any `password-*` method, or no
    /// method listed); `false` when it lists only OAuth2 or client certificates.
    pub fn takes_password(&self) -> bool {
        self.authentication.is_empty()
            || self
                .authentication
                .iter()
                .any(|a| a.to_ascii_lowercase().starts_with("password"))
    }
}

/// What a config file says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// `<displayName>` of the provider, if any.
    pub display_name: Option<String>,
    /// The SMTP servers, in the file's order.
    pub outgoing: Vec<Outgoing>,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AutoconfigError {
    /// Not well-formed XML, or not UTF-8.
    #[error("not an autoconfig file: {0}")]
    Malformed(String),
    /// Well-formed, but with no usable SMTP server.
    #[error("no outgoing server")]
    NoOutgoing,
}

/// Replaces `%EMAILADDRESS%`, `%EMAILLOCALPART%` (the part before `@`) and
/// `%EMAILDOMAIN%` in `text`.
pub fn substitute(text: &str, address: &str) -> String {
    let (local, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    text.replace("%EMAILADDRESS%", address)
        .replace("%EMAILLOCALPART%", local)
        .replace("%EMAILDOMAIN%", domain)
}

#[derive(Default)]
struct Partial {
    host: Option<String>,
    port: Option<String>,
    socket: Option<String>,
    username: Option<String>,
    authentication: Vec<String>,
}

/// Parses `bytes` (a config-v1.1 file) for `address`.
///
/// Errors: [`AutoconfigError::Malformed`] for anything that is not
/// well-formed UTF-8 XML; [`AutoconfigError::NoOutgoing`] when no
/// `outgoingServer` of type `smtp` has a valid host and port.
pub fn parse(bytes: &[u8], address: &str) -> Result<Config, AutoconfigError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| AutoconfigError::Malformed(e.to_string()))?;
    let mut reader = Reader::from_str(text);
    let mut config = Config::default();
    // Element names from the root down.
    let mut path: Vec<String> = Vec::new();
    let mut current: Option<Partial> = None;
    let mut text_buf = String::new();
    let mut depth_of_server = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| AutoconfigError::Malformed(e.to_string()))?;
        match event {
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_string();
                if name == "outgoingServer" && current.is_none() {
                    let is_smtp = start
                        .try_get_attribute("type")
                        .ok()
                        .flatten()
                        .map(|a| a.value.trim().to_string())
                        .is_some_and(|v| v.eq_ignore_ascii_case("smtp"));
                    if is_smtp {
                        current = Some(Partial::default());
                        depth_of_server = path.len() + 1;
                    }
                }
                path.push(name);
                text_buf.clear();
            }
            Event::Empty(_) => {}
            Event::Text(t) => text_buf.push_str(&t),
            Event::CData(c) => text_buf.push_str(&c),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    Ok(None) => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                    Err(_) => None,
                };
                match resolved {
                    Some(c) => text_buf.push(c),
                    None => {
                        return Err(AutoconfigError::Malformed(format!(
                            "unknown entity &{};",
                            &*r
                        )));
                    }
                }
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                let value = text_buf.trim().to_string();
                text_buf.clear();
                if let Some(partial) = current.as_mut() {
                    if path.len() == depth_of_server {
                        match name.as_str() {
                            "hostname" => partial.host = Some(value),
                            "port" => partial.port = Some(value),
                            "socketType" => partial.socket = Some(value),
                            "username" => partial.username = Some(value),
                            "authentication" => partial.authentication.push(value),
                            _ => {}
                        }
                    } else if path.len() + 1 == depth_of_server
                        && name == "outgoingServer"
                        && let Some(done) = current.take()
                    {
                        finish(done, address, &mut config);
                    }
                } else if name == "displayName"
                    && path.last().is_some_and(|p| p == "emailProvider")
                    && config.display_name.is_none()
                {
                    config.display_name = Some(value);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !path.is_empty() {
        return Err(AutoconfigError::Malformed("unclosed element".into()));
    }
    if config.outgoing.is_empty() {
        return Err(AutoconfigError::NoOutgoing);
    }
    Ok(config)
}

fn finish(p: Partial, address: &str, config: &mut Config) {
    let host = substitute(p.host.as_deref().unwrap_or(""), address).to_ascii_lowercase();
    if !crate::account::valid_host(&host) {
        return;
    }
    let port = match p.port.as_deref().map(str::parse::<u16>) {
        Some(Ok(port)) if port > 0 => port,
        _ => {
            return;
        }
    };
    let security = match p.socket.as_deref().map(str::to_ascii_uppercase).as_deref() {
        Some("SSL") | Some("TLS") => Security::ImplicitTls,
        Some("STARTTLS") => Security::StartTls,
        Some("PLAIN") => Security::Plaintext,
        _ => {
            return;
        }
    };
    let username = match p.username.as_deref() {
        Some(u) if !u.is_empty() => substitute(u, address),
        _ => address.to_string(),
    };
    // A user name with control characters is no user name; it would reach
    // the form and the terminal as the file wrote it.
    if username.chars().any(char::is_control) || username.len() > 320 {
        return;
    }
    config.outgoing.push(Outgoing {
        host,
        port,
        security,
        username,
        authentication: p.authentication,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_user_name_with_escape_sequences_is_dropped() {
        let xml = "<clientConfig version=\"1.1\"><emailProvider id=\"x\">\
            <outgoingServer type=\"smtp\"><hostname>smtp.example.com</hostname>\
            <port>465</port><socketType>SSL</socketType>\
            <username>\u{1b}[2Jjan</username></outgoingServer></emailProvider></clientConfig>";
        assert!(matches!(
            parse(xml.as_bytes(), "jan@example.com"),
            Err(AutoconfigError::NoOutgoing)
        ));
        // The same file with a plain user name gives its server.
        let plain = xml.replace("\u{1b}[2J", "");
        let config = parse(plain.as_bytes(), "jan@example.com").unwrap();
        assert_eq!(config.outgoing[0].username, "jan");
    }

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.com">
    <domain>example.com</domain>
    <displayName>Example &amp; Co</displayName>
    <incomingServer type="imap">
      <hostname>imap.example.com</hostname><port>993</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>plain.%EMAILDOMAIN%</hostname><port>25</port><socketType>plain</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.com</hostname>
      <port>465</port>
      <socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication>
      <futureElement><hostname>never.example.com</hostname></futureElement>
    </outgoingServer>
    <documentation url="https://example.com/help"><descr lang="en">Help</descr></documentation>
  </emailProvider>
</clientConfig>"#;

    #[test]
    fn placeholders_unknown_elements_and_a_bom() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(SAMPLE.as_bytes());
        let c = parse(&bytes, "jan.kowalski@example.com").unwrap();
        assert_eq!(c.display_name.as_deref(), Some("Example & Co"));
        assert_eq!(c.outgoing.len(), 2);
        assert_eq!(c.outgoing[0].host, "plain.example.com");
        assert_eq!(c.outgoing[0].security, Security::Plaintext);
        assert_eq!(c.outgoing[1].host, "smtp.example.com");
        assert_eq!(c.outgoing[1].port, 465);
        assert_eq!(c.outgoing[1].security, Security::ImplicitTls);
        // The local part, not the whole address.
        assert_eq!(c.outgoing[1].username, "jan.kowalski");
        assert!(c.outgoing[1].takes_password());
    }

    #[test]
    fn oauth_only_servers_take_no_password() {
        let xml = r#"<clientConfig><emailProvider><outgoingServer type="smtp">
            <hostname>smtp.office365.com</hostname><port>587</port><socketType>STARTTLS</socketType>
            <authentication>OAuth2</authentication></outgoingServer></emailProvider></clientConfig>"#;
        let c = parse(xml.as_bytes(), "a@b.example").unwrap();
        assert!(!c.outgoing[0].takes_password());
        assert_eq!(c.outgoing[0].username, "a@b.example");
    }

    #[test]
    fn broken_files_are_errors() {
        assert!(matches!(
            parse(b"<clientConfig><emailProvider>", "a@b.c"),
            Err(AutoconfigError::Malformed(_))
        ));
        assert!(matches!(
            parse(b"\xff\xfe<x/>", "a@b.c"),
            Err(AutoconfigError::Malformed(_))
        ));
        assert_eq!(
            parse(b"<clientConfig/>", "a@b.c"),
            Err(AutoconfigError::NoOutgoing)
        );
        let bad = r#"<c><outgoingServer type="smtp"><hostname>a b</hostname><port>99999</port>
            <socketType>SSL</socketType></outgoingServer></c>"#;
        assert_eq!(
            parse(bad.as_bytes(), "a@b.c"),
            Err(AutoconfigError::NoOutgoing)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]
        #[test]
        fn any_bytes_give_settings_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = parse(&bytes, "jan@example.com");
        }

        #[test]
        fn mutated_files_give_settings_or_an_error(cut in 0usize..1400, junk in "[<>&/a-z%\"=; ]{0,12}") {
            let mut s = SAMPLE.to_string();
            let at = cut.min(s.len());
            let at = (0..=at).rev().find(|i| s.is_char_boundary(*i)).unwrap_or(0);
            s.insert_str(at, &junk);
            if let Ok(c) = parse(s.as_bytes(), "jan@example.com") {
                for o in c.outgoing {
                    prop_assert!(crate::account::valid_host(&o.host));
                    prop_assert!(o.port > 0);
                }
            }
        }
    }
}
