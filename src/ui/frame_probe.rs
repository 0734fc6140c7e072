//! A probe for `benches/gui.rs`: how long the UI thread is ever kept from
//! its event loop (a long gap is a frame that came late).
//!
//! Only with `KOPERTA_FRAME_PROBE=<file>` in the environment: the app then
//! ticks every [`PERIOD`] and appends, for each gap between ticks longer
//! than [`REPORTED`], a line `<unix time in ms> <gap in ms>` to the file.
//! Without the variable there is no subscription and no cost.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How often the probe ticks.
pub const PERIOD: Duration = Duration::from_millis(5);

/// Gaps longer than this are written down (a frame at 60 Hz is 16.7 ms).
pub const REPORTED: Duration = Duration::from_millis(17);

/// The probe's state.
#[derive(Debug)]
pub struct FrameProbe {
    path: PathBuf,
    last: Instant,
}

impl FrameProbe {
    /// The probe, when `KOPERTA_FRAME_PROBE` names a file.
    pub fn from_env() -> Option<FrameProbe> {
        let path = std::env::var_os("KOPERTA_FRAME_PROBE")?;
        Some(FrameProbe {
            path: PathBuf::from(path),
            last: Instant::now(),
        })
    }

    /// A tick arrived: writes the gap since the last one if it was long.
    pub fn tick(&mut self) {
        let now = Instant::now();
        let gap = now.duration_since(self.last);
        self.last = now;
        if gap <= REPORTED {
            return;
        }
        let at = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        // A bench tool: a line that cannot be written is simply missing.
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
        {
            let _ = writeln!(f, "{at} {}", gap.as_millis());
        }
    }
}
