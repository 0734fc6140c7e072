//! "Send later": a time typed as `YYYY-MM-DD HH:MM` in local time, for
//! the command line's `--later` and the compose window's Send later, and
//! the times the window offers.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;

/// Why a time typed for sending later is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaterError {
    /// Not in the form `YYYY-MM-DD HH:MM`.
    Format(String),
    /// The form is right, but no such day or time exists (2027-02-30,
    /// 24:00, or skipped by a change to summer time).
    NoSuchTime(String),
    /// The time has passed.
    Past(String),
}

/// `text` (`YYYY-MM-DD HH:MM`, local time) as Unix seconds; it must be
/// after `now` (Unix seconds).
///
/// Errors: [`LaterError`], each with the text as typed.
pub fn parse_later(text: &str, now: u64) -> Result<u64, LaterError> {
    let typed = text.trim();
    let civil = DateTime::strptime("%Y-%m-%d %H:%M", typed).map_err(|_| {
        // The right shape with a day or hour that does not exist is told
        // apart from a wrong form.
        let shaped = typed.len() == 16
            && typed.char_indices().all(|(i, c)| match i {
                4 | 7 => c == '-',
                10 => c == ' ',
                13 => c == ':',
                _ => c.is_ascii_digit(),
            });
        if shaped {
            LaterError::NoSuchTime(typed.to_string())
        } else {
            LaterError::Format(typed.to_string())
        }
    })?;
    let at = civil
        .to_zoned(TimeZone::system())
        .map_err(|_| LaterError::NoSuchTime(typed.to_string()))?
        .timestamp()
        .as_second();
    match u64::try_from(at) {
        Ok(at) if at > now => Ok(at),
        _ => Err(LaterError::Past(typed.to_string())),
    }
}

/// The times the compose window offers, as `YYYY-MM-DD HH:MM` local
/// time after `now` (Unix seconds): tomorrow at 8:00, and next Monday at
/// 8:00 (a week on, when today is Monday).
pub fn offered_times(now: u64) -> [String; 2] {
    let tz = TimeZone::system();
    let today = i64::try_from(now)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map(|t| t.to_zoned(tz).date())
        .unwrap_or_default();
    let at_eight = |d: jiff::civil::Date| d.at(8, 0, 0, 0).strftime("%Y-%m-%d %H:%M").to_string();
    let tomorrow = today.tomorrow().unwrap_or(today);
    let to_monday = 7 - i64::from(today.weekday().to_monday_zero_offset());
    let monday = today
        .checked_add(jiff::Span::new().days(to_monday))
        .unwrap_or(tomorrow);
    [at_eight(tomorrow), at_eight(monday)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_is_read_in_local_time_and_must_be_to_come() {
        let now = 1_796_130_000; // 2026-12-01
        assert!(parse_later("2027-01-04 08:00", now).is_ok_and(|t| t > now));
        assert_eq!(
            parse_later("2027-02-30 08:00", now),
            Err(LaterError::NoSuchTime("2027-02-30 08:00".into()))
        );
        assert_eq!(
            parse_later("jutro", now),
            Err(LaterError::Format("jutro".into()))
        );
        assert_eq!(
            parse_later("2020-01-01 08:00", now),
            Err(LaterError::Past("2020-01-01 08:00".into()))
        );
        for offered in offered_times(now) {
            assert!(parse_later(&offered, now).is_ok(), "{offered}");
            assert!(offered.ends_with(" 08:00"));
        }
    }
}
