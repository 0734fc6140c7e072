//! Where Koperta keeps its files.
//!
//! `KOPERTA_HOME`, when set and not empty, holds everything: `config.toml`
//! directly inside it and the data (drafts, outbox, sent) under `data/`.
//! Otherwise the platform's directories are used (on Linux
//! `~/.config/koperta/` and `~/.local/share/koperta/`).

use std::path::{Path, PathBuf};

/// The environment variable that overrides both directories.
pub const HOME_VAR: &str = "KOPERTA_HOME";

/// The directories of one Koperta installation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Holds `config.toml`.
    pub config_dir: PathBuf,
    /// Holds `drafts/`, `outbox/` and `sent/`.
    pub data_dir: PathBuf,
}

/// No home directory could be found to put the files in.
#[derive(Debug, thiserror::Error)]
#[error("no home directory found; set KOPERTA_HOME")]
pub struct NoHomeDir;

impl Paths {
    /// The directories from `KOPERTA_HOME`, else the platform's.
    ///
    /// Errors: [`NoHomeDir`] when neither exists.
    pub fn from_env() -> Result<Paths, NoHomeDir> {
        match std::env::var_os(HOME_VAR) {
            Some(home) if !home.is_empty() => Ok(Paths::under(Path::new(&home))),
            _ => {
                let dirs =
                    directories::ProjectDirs::from("org", "Koperta", "Koperta").ok_or(NoHomeDir)?;
                Ok(Paths {
                    config_dir: dirs.config_dir().to_path_buf(),
                    data_dir: dirs.data_dir().to_path_buf(),
                })
            }
        }
    }

    /// Everything under one directory, as `KOPERTA_HOME` does.
    pub fn under(home: &Path) -> Paths {
        Paths {
            config_dir: home.to_path_buf(),
            data_dir: home.join("data"),
        }
    }

    /// The settings file.
    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }
}
