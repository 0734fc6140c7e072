//! The windows' sizes, kept between runs as Thunderbird and Geary keep
//! them: the main window's, and the last compose window's (the next one
//! opens at that size). In `window.toml` of the data dir; a missing or
//! damaged file gives the default sizes, and is only ever replaced whole.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// A window's size, in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Dimensions {
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// The sizes kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Sizes {
    /// The main window's, when it was ever resized.
    pub main: Option<Dimensions>,
    /// The last compose window's.
    pub compose: Option<Dimensions>,
}

/// The largest size kept: a bigger one is a damaged file, not a screen.
const MOST: f32 = 16_384.0;

/// How long after the last resize the sizes are written (a drag sends
/// many).
pub const SAVE_AFTER: Duration = Duration::from_secs(1);

impl Dimensions {
    /// This size, at least `min` and at most [`MOST`] in each direction
    /// (a value that is not a number gives `min`).
    pub fn clamped(self, min: iced::Size) -> iced::Size {
        let fit = |v: f32, least: f32| {
            if v.is_finite() {
                v.clamp(least, MOST)
            } else {
                least
            }
        };
        iced::Size::new(fit(self.width, min.width), fit(self.height, min.height))
    }
}

impl From<iced::Size> for Dimensions {
    fn from(size: iced::Size) -> Self {
        Dimensions {
            width: size.width.round(),
            height: size.height.round(),
        }
    }
}

/// The file under `data_dir`.
fn file(data_dir: &Path) -> PathBuf {
    data_dir.join("window.toml")
}

/// The sizes kept under `data_dir`; the defaults when there are none or
/// the file cannot be read.
pub fn load(data_dir: &Path) -> Sizes {
    std::fs::read_to_string(file(data_dir))
        .ok()
        .and_then(|t| toml::from_str(&t).ok())
        .unwrap_or_default()
}

/// Writes `sizes` under `data_dir`, atomically.
///
/// Errors: the I/O error of writing (the sizes are then simply not kept).
pub fn save(data_dir: &Path, sizes: &Sizes) -> std::io::Result<()> {
    let text = toml::to_string(sizes).map_err(std::io::Error::other)?;
    std::fs::create_dir_all(data_dir)?;
    crate::fs::write_atomic(&file(data_dir), text.as_bytes())
}

/// The sizes of this run, and since when they are not written.
#[derive(Debug, Default)]
pub struct Geometry {
    /// The sizes now.
    pub sizes: Sizes,
    /// The first resize not written yet.
    unsaved_since: Option<Instant>,
}

impl Geometry {
    /// What `data_dir` keeps.
    pub fn load(data_dir: &Path) -> Geometry {
        Geometry {
            sizes: load(data_dir),
            unsaved_since: None,
        }
    }

    /// A window was resized: the main window (`main`) or a compose one.
    pub fn resized(&mut self, main: bool, size: iced::Size) {
        let kept = if main {
            &mut self.sizes.main
        } else {
            &mut self.sizes.compose
        };
        let size = Dimensions::from(size);
        if *kept != Some(size) {
            *kept = Some(size);
            self.unsaved_since.get_or_insert_with(Instant::now);
        }
    }

    /// Whether sizes wait to be written.
    pub fn waiting(&self) -> bool {
        self.unsaved_since.is_some()
    }

    /// The sizes to write now, if the last change is [`SAVE_AFTER`] old.
    pub fn due(&mut self) -> Option<Sizes> {
        let since = self.unsaved_since?;
        (since.elapsed() >= SAVE_AFTER).then(|| {
            self.unsaved_since = None;
            self.sizes
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_kept_and_a_damaged_file_gives_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), Sizes::default());
        let mut g = Geometry::default();
        g.resized(true, iced::Size::new(1234.4, 777.6));
        g.resized(false, iced::Size::new(800.0, 700.0));
        assert!(g.waiting());
        assert_eq!(g.due(), None, "not before a second has passed");
        std::thread::sleep(SAVE_AFTER);
        let sizes = g.due().unwrap();
        save(dir.path(), &sizes).unwrap();
        let read = load(dir.path());
        assert_eq!(
            read.main,
            Some(Dimensions {
                width: 1234.0,
                height: 778.0
            })
        );
        assert_eq!(read.compose.map(|c| c.width), Some(800.0));
        std::fs::write(file(dir.path()), "main = 7").unwrap();
        assert_eq!(load(dir.path()), Sizes::default());
        let min = iced::Size::new(560.0, 420.0);
        let tiny = Dimensions {
            width: 10.0,
            height: f32::NAN,
        };
        assert_eq!(tiny.clamped(min), min);
    }
}
