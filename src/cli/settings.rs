//! `koperta settings set|show`.

use super::*;

pub(super) fn theme_name(theme: Theme) -> &'static str {
    match theme {
        Theme::System => "system",
        Theme::Light => "light",
        Theme::Dark => "dark",
    }
}

pub(super) fn settings_set(
    m: &ArgMatches,
    mut file: ConfigFile,
    io: &mut Io<'_>,
) -> Result<(), Failure> {
    let key = arg(m, "key").cloned().unwrap_or_default();
    let value = arg(m, "value").cloned().unwrap_or_default();
    let invalid = |valid: &str| {
        Failure(t!(
            "settings-error-invalid-value",
            value = value.as_str(),
            key = key.as_str(),
            valid = valid
        ))
    };
    use crate::config::SettingChange as C;
    let change = match key.as_str() {
        "never-plaintext" => {
            let on = match value.as_str() {
                "true" => true,
                "false" => false,
                _ => return Err(invalid("true, false")),
            };
            C::NeverPlaintext(on)
        }
        "notifications" => {
            let on = match value.as_str() {
                "true" => true,
                "false" => false,
                _ => return Err(invalid("true, false")),
            };
            C::Notifications(on)
        }
        "undo-send-seconds" => {
            let n = value
                .parse::<u32>()
                .ok()
                .filter(|n| *n <= crate::config::MAX_UNDO_SEND_SECONDS)
                .ok_or_else(|| invalid("0–30"))?;
            C::UndoSendSeconds(n)
        }
        "check-attachment" | "check-subject" | "check-domain" | "check-size" => {
            let on = match value.as_str() {
                "true" => true,
                "false" => false,
                _ => return Err(invalid("true, false")),
            };
            let kind = match key.as_str() {
                "check-attachment" => crate::config::CheckKind::Attachment,
                "check-subject" => crate::config::CheckKind::Subject,
                "check-size" => crate::config::CheckKind::Size,
                _ => crate::config::CheckKind::Domain,
            };
            C::Check(kind, on)
        }
        "language" => C::Language(Language::parse(&value).ok_or_else(|| invalid("auto, en, pl"))?),
        "theme" => {
            let th = match value.as_str() {
                "system" => Theme::System,
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => return Err(invalid("system, light, dark")),
            };
            C::Theme(th)
        }
        _ => {
            return Err(Failure(t!(
                "settings-error-unknown-key",
                key = key.as_str()
            )));
        }
    };
    file.config = crate::config::update(file.path(), |c| change.apply(&mut c.settings))?;
    if key == "language" {
        i18n::apply(file.config.settings.language);
    }
    let _ = writeln!(
        io.stdout,
        "{}",
        t!("setting-saved", key = key.as_str(), value = value.as_str())
    );
    if key == "never-plaintext" {
        if file.config.settings.never_plaintext {
            let blocked: Vec<&str> = file
                .config
                .accounts
                .iter()
                .filter(|a| a.security == Security::Plaintext)
                .map(|a| a.address.as_str())
                .collect();
            if !blocked.is_empty() {
                let _ = writeln!(
                    io.stderr,
                    "{}",
                    t!(
                        "warning-plaintext-accounts-blocked",
                        count = blocked.len(),
                        addresses = blocked.join(", ")
                    )
                );
            }
        } else {
            let _ = writeln!(io.stderr, "{}", t!("warning-never-plaintext-off"));
        }
    }
    Ok(())
}

pub(super) fn settings_show(file: &ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    let s = &file.config.settings;
    let _ = writeln!(
        io.stdout,
        "{}\n{}\n{}\n{}\n{}\n{}",
        t!(
            "settings-show-never-plaintext",
            value = s.never_plaintext.to_string()
        ),
        t!("settings-show-language", value = s.language.as_str()),
        t!("settings-show-theme", value = theme_name(s.theme)),
        t!(
            "settings-show-notifications",
            value = s.notifications.to_string()
        ),
        t!("settings-show-undo-send", value = s.undo_send_seconds),
        t!(
            "settings-show-checks",
            attachment = s.checks.attachment.to_string(),
            subject = s.checks.subject.to_string(),
            domain = s.checks.domain.to_string(),
            size = s.checks.size.to_string()
        )
    );
    Ok(())
}
