//! SMTP failures whose detail is Koperta's own words
//! ([`crate::smtp::error::detail`]), each said in the person's language;
//! any other detail is a resolver's, a library's or a server's text, shown
//! apart under the translated sentence.

use super::safe;
use crate::smtp::error::detail as d;
use crate::t;

/// The host did not resolve: no such name, or the resolver's failure.
pub(super) fn dns(host: &str, detail: &str) -> String {
    if detail == d::NO_ADDRESS {
        t!("smtp-error-dns-no-address", host = safe(host))
    } else {
        t!("smtp-error-dns", host = safe(host), detail = safe(detail))
    }
}

/// A TLS failure before any credential was sent.
pub(super) fn tls(detail: &str) -> String {
    if detail == d::TLS_CLOSED {
        t!("smtp-error-tls-closed")
    } else if detail == d::PIN_NOT_PEM {
        t!("smtp-error-pin-not-pem")
    } else if let Some(host) = detail.strip_suffix(d::BAD_SERVER_NAME) {
        t!("smtp-error-bad-server-name", host = safe(host))
    } else {
        t!("smtp-error-tls", detail = safe(detail))
    }
}

/// The dialogue broke off.
pub(super) fn protocol(detail: &str) -> String {
    if detail == d::CLOSED {
        t!("smtp-error-closed")
    } else if let Some(line) = detail.strip_prefix(d::NOT_SMTP) {
        t!("smtp-error-not-smtp", text = safe(line))
    } else if let Some(reply) = detail.strip_prefix(d::EHLO_REFUSED) {
        t!("smtp-error-ehlo-refused", text = safe(reply))
    } else if let Some(address) = detail.strip_prefix(d::ADDRESS_UNSUPPORTED) {
        t!("smtp-error-address-unsupported", address = safe(address))
    } else {
        t!("smtp-error-protocol", detail = safe(detail))
    }
}

#[cfg(test)]
mod tests {
    use crate::smtp::SmtpError;

    /// Koperta's own detail strings never reach a Polish sentence in
    /// English (language review W4).
    #[test]
    fn own_details_are_said_in_polish() {
        let _speaking = crate::i18n::speak(crate::i18n::Language::Pl);
        let errors = [
            SmtpError::Dns {
                host: "smtp.x.pl".into(),
                detail: super::d::NO_ADDRESS.into(),
            },
            SmtpError::Protocol {
                detail: super::d::CLOSED.into(),
            },
            SmtpError::Protocol {
                detail: format!("{}HTTP/1.1 400", super::d::NOT_SMTP),
            },
            SmtpError::Protocol {
                detail: format!("{}550 no", super::d::EHLO_REFUSED),
            },
            SmtpError::Protocol {
                detail: format!("{}a@b", super::d::ADDRESS_UNSUPPORTED),
            },
            SmtpError::Tls {
                detail: super::d::TLS_CLOSED.into(),
            },
            SmtpError::Tls {
                detail: super::d::PIN_NOT_PEM.into(),
            },
            SmtpError::Tls {
                detail: format!("x y{}", super::d::BAD_SERVER_NAME),
            },
        ];
        for e in errors {
            let said = crate::report::smtp_error(&e, "smtp.x.pl");
            for english in [
                "no address",
                "closed",
                "not an SMTP",
                "refused",
                "not supported",
                "not a valid",
            ] {
                assert!(!said.contains(english), "{said}");
            }
        }
    }
}
