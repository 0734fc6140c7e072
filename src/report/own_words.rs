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

#[cfg(test)]
mod sizes {
    use crate::i18n::{Language, speak};
    use crate::report::{exact_bytes, grouped, human_size, human_sizes, size_and_exact};

    /// Language review T1–T3: decimal units, a decimal comma and grouping
    /// with non-breaking spaces in Polish, the noun's plural form.
    #[test]
    fn sizes_and_counts_are_written_the_polish_way() {
        let _speaking = speak(Language::Pl);
        assert_eq!(grouped(26_214_400), "26\u{a0}214\u{a0}400");
        assert_eq!(human_size(3_400_000), "3,4\u{a0}MB");
        assert_eq!(human_size(25_000_000), "25\u{a0}MB");
        assert_eq!(human_size(1_048_576), "1\u{a0}MB");
        assert_eq!(exact_bytes(1), "1 bajt");
        assert_eq!(exact_bytes(22), "22 bajty");
        assert_eq!(exact_bytes(12), "12 bajtów");
        assert_eq!(exact_bytes(1_234_567), "1\u{a0}234\u{a0}567 bajtów");
        assert_eq!(human_size(512), "512 bajtów");
        drop(_speaking);
        let _speaking = speak(Language::En);
        assert_eq!(grouped(26_214_400), "26,214,400");
        assert_eq!(human_size(3_400_000), "3.4\u{a0}MB");
        assert_eq!(exact_bytes(1), "1 byte");
        assert_eq!(human_size(999), "999 bytes");
    }

    /// A message just over the server's limit: the two figures differ.
    #[test]
    fn a_size_just_over_the_limit_is_not_written_as_the_limit() {
        let _speaking = speak(Language::Pl);
        let pair = |a, b| {
            let (a, b) = human_sizes(a, b);
            format!("{a} / {b}")
        };
        assert_eq!(pair(34_200_000, 34_000_000), "34,2\u{a0}MB / 34,0\u{a0}MB");
        assert_eq!(pair(5_010_000, 5_000_000), "5,01\u{a0}MB / 5,00\u{a0}MB");
        assert_eq!(
            pair(5_000_001, 5_000_000),
            "5\u{a0}000\u{a0}001 bajtów / 5\u{a0}000\u{a0}000 bajtów"
        );
        assert_eq!(pair(40_000_000, 25_000_000), "40\u{a0}MB / 25\u{a0}MB");
        assert_eq!(pair(512, 500), "512 bajtów / 500 bajtów");
        assert_eq!(size_and_exact(380), "380 bajtów");
        assert_eq!(
            size_and_exact(3_400_000),
            "3,4\u{a0}MB (3\u{a0}400\u{a0}000 bajtów)"
        );
    }

    /// Language review (issue 14): dates in the person's language, not
    /// "2026-12-03 11:44".
    #[test]
    fn dates_are_written_in_the_languages_own_way() {
        // 21 December 2026, 12:00 UTC: December in every time zone.
        let at = 1_797_854_400;
        let z = jiff::Timestamp::from_second(at as i64)
            .unwrap()
            .to_zoned(jiff::tz::TimeZone::system());
        let clock = format!("{:02}:{:02}", z.hour(), z.minute());
        let _speaking = speak(Language::Pl);
        assert_eq!(
            crate::report::outbox::local_time(at),
            format!("{} grudnia 2026, {clock}", z.day())
        );
        drop(_speaking);
        let _speaking = speak(Language::En);
        assert_eq!(
            crate::report::outbox::local_time(at),
            format!("{} December 2026, {clock}", z.day())
        );
    }
}
