//! The look, in one place: the spacing and type scales, the colour
//! tokens of Koperta's light and dark themes (designed, contrast checked
//! by a test, not iced's stock palette), and the container and button
//! styles the screens share. Screens use these names, never raw numbers.

use iced::widget::{button, container, pick_list, text_editor, text_input};
use iced::{Background, Border, Color, Theme, color};

/// Spacing, in logical pixels: a 4-point scale.
pub mod space {
    /// Between the parts of one item (an icon and its label).
    pub const XS: f32 = 4.0;
    /// Between rows of a list, fields of a form.
    pub const S: f32 = 8.0;
    /// Around the content of a row or a bar.
    pub const M: f32 = 12.0;
    /// Between groups; the page's margin.
    pub const L: f32 = 16.0;
    /// Between sections.
    pub const XL: f32 = 24.0;
}

/// Type sizes, in logical pixels.
pub mod size {
    /// Secondary lines: recipients, dates, states.
    pub const SMALL: f32 = 13.0;
    /// Body text.
    pub const BODY: f32 = 15.0;
    /// A row's first line, a form's section.
    pub const EMPHASIS: f32 = 16.0;
    /// A page's title.
    pub const TITLE: f32 = 20.0;
}

/// The width of the label column of forms (fits the Polish labels on
/// one line).
pub const LABEL_WIDTH: f32 = 230.0;

/// The widest a main-window page grows, in logical pixels.
pub const PAGE_MAX_WIDTH: f32 = 960.0;

/// The width of the main window's sidebar.
pub const SIDEBAR_WIDTH: f32 = 240.0;

/// Koperta's light palette.
pub const LIGHT: iced::theme::Palette = iced::theme::Palette {
    background: color!(0xfbfaf8),
    text: color!(0x1d1c1a),
    primary: color!(0x1f5fbf),
    success: color!(0x1b7a3d),
    warning: color!(0x8a5a00),
    danger: color!(0xb3261e),
};

/// Koperta's dark palette.
pub const DARK: iced::theme::Palette = iced::theme::Palette {
    background: color!(0x1f2023),
    text: color!(0xe9e7e3),
    primary: color!(0x8ab4f8),
    success: color!(0x6cc58a),
    warning: color!(0xe3b35a),
    danger: color!(0xf2857a),
};

/// The theme for a light or dark desktop.
pub fn theme(dark: bool) -> Theme {
    if dark {
        Theme::custom("Koperta dark", DARK)
    } else {
        Theme::custom("Koperta light", LIGHT)
    }
}

fn is_dark(theme: &Theme) -> bool {
    theme.extended_palette().is_dark
}

/// A colour mixed towards another: `amount` 0 is `a`, 1 is `b`.
fn mix(a: Color, b: Color, amount: f32) -> Color {
    Color {
        r: a.r + (b.r - a.r) * amount,
        g: a.g + (b.g - a.g) * amount,
        b: a.b + (b.b - a.b) * amount,
        a: 1.0,
    }
}

/// Text that is secondary (recipients, dates): still 4.5:1 or more.
pub fn muted(theme: &Theme) -> Color {
    let p = theme.palette();
    mix(p.text, p.background, 0.35)
}

/// The sidebar and header bar: a shade off the page.
pub fn bar(theme: &Theme) -> container::Style {
    let p = theme.palette();
    let shade = if is_dark(theme) { 0.06 } else { 0.045 };
    container::Style {
        background: Some(Background::Color(mix(p.background, p.text, shade))),
        text_color: Some(p.text),
        ..container::Style::default()
    }
}

/// A list row: a thin line under it, no box.
pub fn list_row(theme: &Theme) -> container::Style {
    let p = theme.palette();
    container::Style {
        border: Border {
            color: mix(p.background, p.text, 0.12),
            width: 1.0,
            radius: 6.0.into(),
        },
        background: Some(Background::Color(p.background)),
        ..container::Style::default()
    }
}

/// A toast: a short status message that clears itself.
pub fn toast(theme: &Theme) -> container::Style {
    let p = theme.palette();
    container::Style {
        background: Some(Background::Color(mix(p.text, p.background, 0.1))),
        text_color: Some(p.background),
        border: Border {
            radius: 8.0.into(),
            ..Border::default()
        },
        ..container::Style::default()
    }
}

/// A question waiting for an answer, above the page.
pub fn question(theme: &Theme) -> container::Style {
    let p = theme.palette();
    container::Style {
        background: Some(Background::Color(mix(p.background, p.warning, 0.12))),
        border: Border {
            color: p.warning,
            width: 1.0,
            radius: 6.0.into(),
        },
        ..container::Style::default()
    }
}

/// A sidebar entry: the chosen one filled with the accent, the others
/// plain until hovered.
pub fn nav(chosen: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        let p = theme.palette();
        let background = match (chosen, status) {
            (true, _) => Some(Background::Color(mix(p.background, p.primary, 0.22))),
            (false, button::Status::Hovered | button::Status::Pressed) => {
                Some(Background::Color(mix(p.background, p.text, 0.08)))
            }
            _ => None,
        };
        button::Style {
            background,
            text_color: p.text,
            border: Border {
                radius: 6.0.into(),
                ..Border::default()
            },
            ..button::Style::default()
        }
    }
}

/// A secondary action: outlined, the page's colour inside, so a row of
/// them does not glare (the stock grey did in the dark theme).
pub fn secondary(theme: &Theme, status: button::Status) -> button::Style {
    let p = theme.palette();
    let line = mix(p.background, p.text, 0.3);
    let (background, border) = match status {
        button::Status::Hovered => (mix(p.background, p.text, 0.08), p.text),
        button::Status::Pressed => (mix(p.background, p.text, 0.14), p.text),
        button::Status::Disabled => (p.background, mix(p.background, p.text, 0.15)),
        button::Status::Active => (p.background, line),
    };
    button::Style {
        background: Some(Background::Color(background)),
        // Disabled is clearly fainter than secondary text (tryout 13 took
        // a disabled Edit for an enabled one; WCAG exempts disabled
        // controls from the contrast minimum).
        text_color: if status == button::Status::Disabled {
            mix(p.text, p.background, 0.6)
        } else {
            p.text
        },
        border: Border {
            color: border,
            width: 1.0,
            radius: 6.0.into(),
        },
        ..button::Style::default()
    }
}

/// A field's border: a light line at rest, a shade darker under the
/// pointer, and the accent two pixels wide only with the keyboard's focus,
/// so a hovered field never looks like the focused one (tryout 12 saw two
/// "focused" fields: iced's stock hover is as dark as its focus).
fn field_border(theme: &Theme, hovered: bool, focused: bool) -> Border {
    let p = theme.palette();
    let (color, width) = if focused {
        (p.primary, 2.0)
    } else if hovered {
        (mix(p.background, p.text, 0.45), 1.0)
    } else {
        (mix(p.background, p.text, 0.3), 1.0)
    };
    Border {
        color,
        width,
        radius: 4.0.into(),
    }
}

/// A one-line text field.
pub fn field(theme: &Theme, status: text_input::Status) -> text_input::Style {
    use text_input::Status as S;
    let p = theme.palette();
    let disabled = status == S::Disabled;
    text_input::Style {
        background: Background::Color(if disabled {
            mix(p.background, p.text, 0.05)
        } else {
            p.background
        }),
        border: field_border(
            theme,
            status == S::Hovered,
            matches!(status, S::Focused { .. }),
        ),
        icon: muted(theme),
        placeholder: muted(theme),
        value: if disabled { muted(theme) } else { p.text },
        selection: mix(p.background, p.primary, 0.3),
    }
}

/// A pick list, drawn as a field: it darkens a shade under the pointer but
/// never takes the accent (iced's stock hover is the accent, so a hovered
/// From list looked focused beside the focused To field, tryout 13); the
/// keyboard focus is the ring around it.
pub fn picker(theme: &Theme, status: pick_list::Status) -> pick_list::Style {
    let p = theme.palette();
    let hovered = matches!(
        status,
        pick_list::Status::Hovered | pick_list::Status::Opened { is_hovered: true }
    );
    pick_list::Style {
        text_color: p.text,
        placeholder_color: muted(theme),
        handle_color: p.text,
        background: Background::Color(mix(p.background, p.text, 0.06)),
        border: field_border(theme, hovered, false),
    }
}

/// A multi-line text box (a signature, the body), styled as [`field`].
pub fn editor(theme: &Theme, status: text_editor::Status) -> text_editor::Style {
    use text_editor::Status as S;
    let p = theme.palette();
    let disabled = status == S::Disabled;
    text_editor::Style {
        background: Background::Color(if disabled {
            mix(p.background, p.text, 0.05)
        } else {
            p.background
        }),
        border: field_border(
            theme,
            status == S::Hovered,
            matches!(status, S::Focused { .. }),
        ),
        placeholder: muted(theme),
        value: if disabled { muted(theme) } else { p.text },
        selection: mix(p.background, p.primary, 0.3),
    }
}

/// WCAG 2.1 contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color, b: Color) -> f32 {
    fn luminance(c: Color) -> f32 {
        let channel = |v: f32| {
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_themes_meet_wcag_aa_contrast() {
        for (name, dark) in [("light", false), ("dark", true)] {
            let t = theme(dark);
            let p = t.palette();
            let bg = p.background;
            let bar_bg = match bar(&t).background {
                Some(Background::Color(c)) => c,
                _ => bg,
            };
            // Body text: AAA (7:1) on the page and on the bars.
            assert!(contrast(p.text, bg) >= 7.0, "{name}: text");
            assert!(contrast(p.text, bar_bg) >= 7.0, "{name}: text on bars");
            // Secondary text and coloured text: AA (4.5:1).
            assert!(
                contrast(muted(&t), bg) >= 4.5,
                "{name}: muted {}",
                contrast(muted(&t), bg)
            );
            for (what, c) in [
                ("primary", p.primary),
                ("success", p.success),
                ("danger", p.danger),
                ("warning", p.warning),
            ] {
                assert!(contrast(c, bg) >= 4.5, "{name}: {what} {}", contrast(c, bg));
            }
        }
    }
}
