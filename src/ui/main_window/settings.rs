//! The Settings page: language, theme, never-plaintext, notifications,
//! the undo delay of Send, the checks before sending.

use crate::ui::widget::{pick_list, toggler};
use iced::widget::{column, row, text};
use iced::{Element, Length};

use super::Message;
use crate::config::{CheckKind, Settings, Theme};
use crate::i18n::Language;
use crate::t;
use crate::ui::style;

/// A language choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageChoice(pub Language);

impl std::fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Language::Auto => t!("settings-language-system"),
            Language::En => "English".to_string(),
            Language::Pl => "Polski".to_string(),
        })
    }
}

/// A theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeChoice(pub Theme);

impl std::fmt::Display for ThemeChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            Theme::System => t!("settings-theme-system"),
            Theme::Light => t!("settings-theme-light"),
            Theme::Dark => t!("settings-theme-dark"),
        })
    }
}

/// A choice of undo delay for Send, in seconds (0: none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UndoDelayChoice(pub u32);

impl std::fmt::Display for UndoDelayChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            0 => t!("settings-undo-delay-off"),
            n => t!("settings-undo-delay-seconds", seconds = n),
        })
    }
}

/// The delays offered (as Gmail offers them), with the one set when it
/// is another (set on the command line).
fn undo_delays(current: u32) -> Vec<UndoDelayChoice> {
    let mut all = vec![0, 5, 10, 20, 30];
    if !all.contains(&current) {
        all.push(current);
        all.sort_unstable();
    }
    all.into_iter().map(UndoDelayChoice).collect()
}

/// The settings page.
pub(super) fn page<'a>(settings: &'a Settings) -> Element<'a, Message> {
    let labelled = |label: String, control: Element<'a, Message>| {
        row![
            text(label).width(Length::Fixed(style::LABEL_WIDTH)),
            control
        ]
        .spacing(style::space::S)
        .align_y(iced::Alignment::Center)
    };
    column![
        text(t!("main-tab-settings")).size(style::size::TITLE),
        labelled(
            t!("settings-language"),
            pick_list(
                vec![
                    LanguageChoice(Language::Auto),
                    LanguageChoice(Language::Pl),
                    LanguageChoice(Language::En)
                ],
                Some(LanguageChoice(settings.language)),
                Message::Language
            )
            .into()
        ),
        labelled(
            t!("settings-theme"),
            pick_list(
                vec![
                    ThemeChoice(Theme::System),
                    ThemeChoice(Theme::Light),
                    ThemeChoice(Theme::Dark)
                ],
                Some(ThemeChoice(settings.theme)),
                Message::Theme
            )
            .into()
        ),
        toggler(settings.never_plaintext)
            .label(t!("settings-never-plaintext"))
            .on_toggle(Message::NeverPlaintext),
        text(t!("settings-never-plaintext-explained")).size(style::size::SMALL),
        toggler(settings.notifications)
            .label(t!("settings-notifications"))
            .on_toggle(Message::Notifications),
        labelled(
            t!("settings-undo-delay"),
            pick_list(
                undo_delays(settings.undo_send_seconds),
                Some(UndoDelayChoice(settings.undo_send_seconds)),
                Message::UndoDelay
            )
            .into()
        ),
        text(t!("settings-undo-delay-explained")).size(style::size::SMALL),
        text(t!("settings-checks")),
        toggler(settings.checks.attachment)
            .label(t!("settings-check-attachment"))
            .on_toggle(|on| Message::Check(CheckKind::Attachment, on)),
        toggler(settings.checks.subject)
            .label(t!("settings-check-subject"))
            .on_toggle(|on| Message::Check(CheckKind::Subject, on)),
        toggler(settings.checks.domain)
            .label(t!("settings-check-domain"))
            .on_toggle(|on| Message::Check(CheckKind::Domain, on)),
        toggler(settings.checks.size)
            .label(t!("settings-check-size"))
            .on_toggle(|on| Message::Check(CheckKind::Size, on)),
    ]
    .spacing(style::space::M)
    .into()
}
