//! Icons: one consistent, licensed set (Lucide, ISC licence), embedded as
//! a font of just the glyphs Koperta uses (`assets/fonts/lucide-koperta.ttf`,
//! made with fontTools' `pyftsubset`; see `assets/README.md`). An icon is
//! a character of that font, so it takes the text's colour and size and
//! costs no image decoder.

use iced::widget::{Text, row, text};
use iced::{Element, Font};

/// The icon font's bytes, loaded at start.
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/lucide-koperta.ttf");

/// The icon font's family name.
const FAMILY: Font = Font::with_name("lucide");

/// An icon of the set (its code point in the Lucide font).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// Accounts.
    Accounts,
    /// Drafts.
    Drafts,
    /// Outbox.
    Outbox,
    /// Sent.
    Sent,
    /// Contacts (the address book).
    Contacts,
    /// Settings.
    Settings,
    /// New message.
    Compose,
    /// Send.
    Send,
    /// Attach files.
    Attach,
    /// Save.
    Save,
    /// A connection observed secure.
    Locked,
    /// A connection without encryption.
    Unlocked,
    /// A failed check.
    Alert,
    /// Delete, discard.
    Delete,
    /// Retry.
    Retry,
    /// Undo.
    Undo,
    /// Close, remove.
    Close,
    /// Add.
    Add,
    /// Open a message.
    Open,
    /// Not checked yet, a warning.
    Warning,
    /// Edit.
    Edit,
}

impl Icon {
    /// The glyph's code point (Lucide 1.62's `codepoints.json`).
    pub fn char(self) -> char {
        let code = match self {
            Icon::Accounts => 0xe1a4,
            Icon::Drafts => 0xe31f,
            Icon::Outbox => 0xe152,
            Icon::Sent => 0xe361,
            Icon::Contacts => 0xe54d,
            Icon::Settings => 0xe154,
            Icon::Compose => 0xe172,
            Icon::Send => 0xe4f2,
            Icon::Attach => 0xe12d,
            Icon::Save => 0xe14d,
            Icon::Locked => 0xe10b,
            Icon::Unlocked => 0xe10c,
            Icon::Alert => 0xe1fe,
            Icon::Delete => 0xe18e,
            Icon::Retry => 0xe145,
            Icon::Undo => 0xe2a1,
            Icon::Close => 0xe1b2,
            Icon::Add => 0xe13d,
            Icon::Open => 0xe363,
            Icon::Warning => 0xe077,
            Icon::Edit => 0xe1f9,
        };
        char::from_u32(code).unwrap_or('?')
    }
}

/// The icon as text of `size` logical pixels.
pub fn icon<'a>(i: Icon, size: f32) -> Text<'a> {
    text(i.char().to_string())
        .font(FAMILY)
        .size(size)
        .line_height(1.0)
}

/// An icon before a label, as a button's or a sidebar entry's content.
pub fn with_label<'a, M: 'a>(i: Icon, label: String) -> Element<'a, M> {
    row![icon(i, 16.0), text(label)]
        .spacing(super::style::space::S)
        .align_y(iced::Alignment::Center)
        .into()
}

/// The app icon (`packaging/linux/icons/…/64x64`), decoded once: its
/// width, height and RGBA pixels; `None` if it could not be decoded (then
/// the windows go without).
fn app_icon_rgba() -> Option<&'static (u32, u32, Vec<u8>)> {
    static ICON: std::sync::OnceLock<Option<(u32, u32, Vec<u8>)>> = std::sync::OnceLock::new();
    ICON.get_or_init(|| {
        let bytes: &[u8] = include_bytes!(
            "../../packaging/linux/icons/hicolor/64x64/apps/io.github.koperta.Koperta.png"
        );
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
        let mut reader = decoder.read_info().ok()?;
        let mut pixels = vec![0; reader.output_buffer_size()?];
        let info = reader.next_frame(&mut pixels).ok()?;
        pixels.truncate(info.buffer_size());
        (info.color_type == png::ColorType::Rgba && info.bit_depth == png::BitDepth::Eight)
            .then_some((info.width, info.height, pixels))
    })
    .as_ref()
}

/// The app icon for a window's title bar and the task bar.
pub fn window_icon() -> Option<iced::window::Icon> {
    let (w, h, pixels) = app_icon_rgba()?;
    iced::window::icon::from_rgba(pixels.clone(), *w, *h).ok()
}

/// The app icon at `size` logical pixels, for the header bar (one image
/// handle, so the renderer uploads it once).
pub fn app_logo<'a, M: 'a>(size: f32) -> Element<'a, M> {
    static HANDLE: std::sync::OnceLock<Option<iced::widget::image::Handle>> =
        std::sync::OnceLock::new();
    let handle = HANDLE.get_or_init(|| {
        app_icon_rgba()
            .map(|(w, h, pixels)| iced::widget::image::Handle::from_rgba(*w, *h, pixels.clone()))
    });
    match handle {
        Some(h) => iced::widget::image(h.clone())
            .width(size)
            .height(size)
            .into(),
        None => iced::widget::Space::new().into(),
    }
}
