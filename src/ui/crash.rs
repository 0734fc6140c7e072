//! A panic in the desktop app is written down: appended to `crash.log` in
//! the data directory with its place and backtrace (stderr is often not
//! kept when the app is started from a desktop menu), and the next start
//! says where it is.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The log of panics, in the data directory.
fn log_path(data_dir: &Path) -> PathBuf {
    data_dir.join("crash.log")
}

/// Marks a panic not yet told to the person.
fn untold_path(data_dir: &Path) -> PathBuf {
    data_dir.join("crash.untold")
}

/// Adds a panic hook that appends each panic (time, thread, place, message,
/// backtrace) to `crash.log` in `data_dir`, then runs the hook that was
/// there before (which prints it). Writing errors are ignored: the panic
/// goes on as before.
pub fn install(data_dir: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = write_down(&data_dir, info);
        previous(info);
    }));
}

fn write_down(data_dir: &Path, info: &std::panic::PanicHookInfo<'_>) -> std::io::Result<()> {
    std::fs::create_dir_all(data_dir)?;
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log_path(data_dir))?;
    let thread = std::thread::current();
    writeln!(
        log,
        "Koperta {} panicked at {} (Unix seconds) in thread {}:\n{info}\n{}\n",
        env!("CARGO_PKG_VERSION"),
        crate::outbox::now(),
        thread.name().unwrap_or("unnamed"),
        std::backtrace::Backtrace::force_capture(),
    )?;
    log.sync_all()?;
    std::fs::write(untold_path(data_dir), b"")
}

/// At start: the log's path when the last run panicked and nobody was told
/// yet (told once: the mark is removed).
pub fn untold(data_dir: &Path) -> Option<PathBuf> {
    std::fs::remove_file(untold_path(data_dir))
        .ok()
        .map(|()| log_path(data_dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_written_down_and_told_once_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        install(data.clone());
        let died = std::thread::Builder::new()
            .name("worker".into())
            .spawn(|| panic!("boom at the tryout"))
            .unwrap()
            .join();
        assert!(died.is_err());
        let _ = std::panic::take_hook();
        let log = std::fs::read_to_string(data.join("crash.log")).unwrap();
        assert!(log.contains("boom at the tryout"), "{log}");
        assert!(log.contains("thread worker"), "{log}");
        assert!(log.contains("crash.rs"), "the place: {log}");
        assert_eq!(untold(&data), Some(data.join("crash.log")));
        assert_eq!(untold(&data), None, "told once");
    }
}
