//! The Settings page: language, theme, never-plaintext, notifications.

use crate::ui::widget::{pick_list, toggler};
use iced::widget::{column, row, text};
use iced::{Element, Length};

use super::Message;
use crate::config::{Settings, Theme};
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
    ]
    .spacing(style::space::M)
    .into()
}
