//! `config.toml`: settings and accounts.
//!
//! The file starts with `version = 1`. Every struct is `#[serde(default)]`,
//! so a file written by an older Koperta keeps loading. Writes are atomic
//! (a temporary file in the same directory, fsync, rename, fsync of the
//! directory) and the file is private (mode 0600 on Unix).
//!
//! A file that does not parse is reported with its path and line and is
//! never overwritten: [`ConfigFile`] remembers that it found it damaged and
//! refuses every later save in that run, and [`save`] itself refuses to
//! replace a file that does not parse.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::account::{Account, AccountId};
use crate::fs::{create_private_dir, write_atomic};
use crate::i18n::Language;

mod policy;
pub use policy::PolicyError;

/// The format version this Koperta writes and reads.
pub const VERSION: u32 = 1;

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Submission deadlines in seconds (RFC 5321 §4.5.3.2 gives the defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeadlineSettings {
    /// TCP connect, seconds.
    pub connect: u64,
    /// TLS handshake, seconds.
    pub tls: u64,
    /// The server's greeting, seconds.
    pub greeting: u64,
    /// Each command's reply, seconds.
    pub command: u64,
    /// DATA: the longest time no byte may move, seconds.
    pub data_idle: u64,
    /// The reply after the final `.`, seconds.
    pub final_reply: u64,
    /// A STARTTLS account without a greeting this long checks for
    /// implicit TLS on the port, seconds.
    pub implicit_tls_probe: u64,
}

impl Default for DeadlineSettings {
    /// The defaults of [`crate::smtp::Deadlines`], the one place they are
    /// written.
    fn default() -> Self {
        let d = crate::smtp::Deadlines::default();
        DeadlineSettings {
            connect: d.connect.as_secs(),
            tls: d.tls.as_secs(),
            greeting: d.greeting.as_secs(),
            command: d.command.as_secs(),
            data_idle: d.data_idle.as_secs(),
            final_reply: d.final_reply.as_secs(),
            implicit_tls_probe: d.implicit_tls_probe.as_secs(),
        }
    }
}

impl DeadlineSettings {
    /// As durations for the SMTP engine.
    pub fn to_deadlines(self) -> crate::smtp::Deadlines {
        use std::time::Duration;
        // At least 1 s, at most a day: a huge value is a typo, not a wish.
        let s = |n: u64| Duration::from_secs(n.clamp(1, 86_400));
        crate::smtp::Deadlines {
            connect: s(self.connect),
            tls: s(self.tls),
            greeting: s(self.greeting),
            command: s(self.command),
            data_idle: s(self.data_idle),
            final_reply: s(self.final_reply),
            implicit_tls_probe: s(self.implicit_tls_probe),
        }
    }
}

/// Global settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// When true (the default), nothing is ever sent without a verified TLS
    /// session, and plaintext accounts cannot be added (RFC 8314 §5.2).
    pub never_plaintext: bool,
    /// The interface language.
    pub language: Language,
    /// The colour theme.
    pub theme: Theme,
    /// Add a `User-Agent` header naming Koperta (off: nothing identifies
    /// the program).
    pub user_agent: bool,
    /// Submission deadlines.
    pub deadlines: DeadlineSettings,
    /// Show a desktop notification when a message sent in the background
    /// (from the outbox, or from a closed window) went out, and after a
    /// failure.
    pub notifications: bool,
    /// How long a message sent from the app waits in the outbox before it
    /// goes, so it can be taken back (seconds, 0 to
    /// [`MAX_UNDO_SEND_SECONDS`]; 0: at once).
    pub undo_send_seconds: u32,
    /// The questions the app asks before sending.
    pub checks: SendChecks,
}

/// The checks the app makes before a message is sent; each that finds
/// something asks once ("send anyway" or "go back"). All on by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SendChecks {
    /// The text speaks of an attachment, and none is attached.
    pub attachment: bool,
    /// The subject is empty.
    pub subject: bool,
    /// A recipient's domain looks like a well-known one mistyped.
    pub domain: bool,
    /// The message is larger than the server's SIZE limit, as last seen
    /// (RFC 1870).
    pub size: bool,
}

impl Default for SendChecks {
    fn default() -> Self {
        SendChecks {
            attachment: true,
            subject: true,
            domain: true,
            size: true,
        }
    }
}

/// One of the [`SendChecks`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKind {
    /// [`SendChecks::attachment`].
    Attachment,
    /// [`SendChecks::subject`].
    Subject,
    /// [`SendChecks::domain`].
    Domain,
    /// [`SendChecks::size`].
    Size,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            never_plaintext: true,
            language: Language::Auto,
            theme: Theme::System,
            user_agent: false,
            deadlines: DeadlineSettings::default(),
            notifications: true,
            undo_send_seconds: 5,
            checks: SendChecks::default(),
        }
    }
}

/// The longest undo delay, in seconds.
pub const MAX_UNDO_SEND_SECONDS: u32 = 30;

/// One setting changed, and nothing else: applied to config.toml under its
/// lock after it is read again, so a change another process made meanwhile
/// (`koperta settings set …`) is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingChange {
    /// `never_plaintext`.
    NeverPlaintext(bool),
    /// `notifications`.
    Notifications(bool),
    /// `undo_send_seconds` (at most [`MAX_UNDO_SEND_SECONDS`]; more is
    /// cut to it).
    UndoSendSeconds(u32),
    /// `language`.
    Language(Language),
    /// `theme`.
    Theme(Theme),
    /// `user_agent`.
    UserAgent(bool),
    /// One of the `checks`, on or off.
    Check(CheckKind, bool),
}

impl SettingChange {
    /// Applies this one change to `settings`.
    pub fn apply(self, settings: &mut Settings) {
        match self {
            SettingChange::NeverPlaintext(on) => settings.never_plaintext = on,
            SettingChange::Notifications(on) => settings.notifications = on,
            SettingChange::UndoSendSeconds(n) => {
                settings.undo_send_seconds = n.min(MAX_UNDO_SEND_SECONDS);
            }
            SettingChange::Language(l) => settings.language = l,
            SettingChange::Theme(t) => settings.theme = t,
            SettingChange::UserAgent(on) => settings.user_agent = on,
            SettingChange::Check(kind, on) => match kind {
                CheckKind::Attachment => settings.checks.attachment = on,
                CheckKind::Subject => settings.checks.subject = on,
                CheckKind::Domain => settings.checks.domain = on,
                CheckKind::Size => settings.checks.size = on,
            },
        }
    }
}

/// The whole of `config.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Format version; [`VERSION`].
    pub version: u32,
    /// Global settings.
    pub settings: Settings,
    /// The accounts, in the order they were added.
    pub accounts: Vec<Account>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            version: VERSION,
            settings: Settings::default(),
            accounts: Vec::new(),
        }
    }
}

/// What can go wrong with `config.toml`.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file does not parse. `line` and `column` are 1-based.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// Line of the first problem.
        line: usize,
        /// Column of the first problem (in characters).
        column: usize,
        /// The parser's description (English, from the toml crate).
        message: String,
    },
    /// The file was written by a newer Koperta.
    #[error("{}: version {found} is newer than {VERSION}", path.display())]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version it declares.
        found: u32,
    },
    /// Two accounts share an id.
    #[error("{}: duplicate account id {id}", path.display())]
    DuplicateId {
        /// The file.
        path: PathBuf,
        /// The repeated id.
        id: AccountId,
    },
    /// Reading or writing failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A save was refused because the file on disk is damaged and is kept
    /// as it is for the person to repair or move.
    #[error("{}: not saved, the file is damaged and kept as it is", path.display())]
    KeptDamaged {
        /// The file.
        path: PathBuf,
    },
    /// Serialising failed (a bug; nothing was written).
    #[error("cannot serialise settings: {0}")]
    Serialize(String),
}

/// Line and column (1-based, columns in characters) of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Parses the text of a `config.toml`; `path` is only used in errors.
///
/// Errors: [`ConfigError::Parse`] (with line), [`ConfigError::NewerVersion`],
/// [`ConfigError::DuplicateId`].
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Config, ConfigError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = good
                .iter()
                .rposition(|b| *b == b'\n')
                .map(|i| i + 1)
                .unwrap_or(0);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            return Err(ConfigError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: "not UTF-8 text".into(),
            });
        }
    };
    if let Some(pos) = text.find('\0') {
        // TOML forbids NUL anywhere; say so plainly rather than relying on
        // the parser's wording.
        let (line, column) = line_col(text, pos);
        return Err(ConfigError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: "NUL byte".into(),
        });
    }
    let config: Config = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
        ConfigError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message().trim().to_string(),
        }
    })?;
    if config.version > VERSION {
        return Err(ConfigError::NewerVersion {
            path: path.to_path_buf(),
            found: config.version,
        });
    }
    let mut seen = std::collections::HashSet::new();
    for account in &config.accounts {
        if !seen.insert(&account.id) {
            return Err(ConfigError::DuplicateId {
                path: path.to_path_buf(),
                id: account.id.clone(),
            });
        }
    }
    Ok(config)
}

/// Reads `path`. A missing file is the default configuration.
///
/// Errors: as [`parse`], and [`ConfigError::Io`] when the file exists but
/// cannot be read.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    match std::fs::read(path) {
        Ok(bytes) => parse(path, &bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(source) => Err(ConfigError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Writes `config` to `path` atomically, mode 0600, creating the directory
/// (mode 0700) when missing. What the person wrote stays as they wrote it:
/// comments, blank lines and the order of keys and tables are kept
/// (toml_edit), only changed values are replaced, and accounts are matched
/// by id. A `path` that is a symbolic link stays a link: the file it
/// points to is replaced, atomically, in its own directory.
///
/// Refuses ([`ConfigError::KeptDamaged`]) when a file at `path` exists and
/// does not parse: a damaged file is the person's to repair, never ours to
/// replace.
pub fn save(path: &Path, config: &Config) -> Result<(), ConfigError> {
    let target = crate::fs::write_target(path);
    let io = |source| ConfigError::Io {
        path: target.clone(),
        source,
    };
    let old = match std::fs::read(&target) {
        Ok(bytes) => {
            if parse(path, &bytes).is_err() {
                return Err(ConfigError::KeptDamaged {
                    path: path.to_path_buf(),
                });
            }
            String::from_utf8(bytes).ok()
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    let mut config = config.clone();
    config.version = VERSION;
    let fresh =
        toml::to_string_pretty(&config).map_err(|e| ConfigError::Serialize(e.to_string()))?;
    let text = match old.as_deref().map(|o| keep_what_was_written(o, &fresh)) {
        Some(Ok(merged)) => merged,
        _ => fresh,
    };
    write_atomic(&target, text.as_bytes()).map_err(io)
}

/// `fresh` (the whole configuration as serde writes it) laid into `old`
/// (the file as the person keeps it).
fn keep_what_was_written(old: &str, fresh: &str) -> Result<String, toml_edit::TomlError> {
    let mut doc: toml_edit::DocumentMut = old.parse()?;
    let new: toml_edit::DocumentMut = fresh.parse()?;
    merge_table(doc.as_table_mut(), new.as_table());
    Ok(doc.to_string())
}

fn merge_table(old: &mut toml_edit::Table, new: &toml_edit::Table) {
    use toml_edit::Item;
    let stale: Vec<String> = old
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| !new.contains_key(k))
        .collect();
    for k in stale {
        old.remove(&k);
    }
    for (key, item) in new.iter() {
        match (old.get_mut(key), item) {
            (Some(Item::Table(o)), Item::Table(n)) => merge_table(o, n),
            (Some(Item::Value(o)), Item::Value(n)) => {
                if bare(o) != bare(n) {
                    let decor = o.decor().clone();
                    *o = n.clone();
                    *o.decor_mut() = decor;
                }
            }
            (Some(Item::ArrayOfTables(o)), Item::ArrayOfTables(n)) => merge_tables_by_id(o, n),
            (Some(slot), _) => *slot = item.clone(),
            (None, _) => {
                old.insert(key, item.clone());
            }
        }
    }
}

/// The value without its comments and spacing.
fn bare(v: &toml_edit::Value) -> String {
    let mut v = v.clone();
    v.decor_mut().clear();
    v.to_string()
}

/// `[[accounts]]`: each new table merged into the old one with the same
/// `id` (keeping its comments), in the new order.
fn merge_tables_by_id(old: &mut toml_edit::ArrayOfTables, new: &toml_edit::ArrayOfTables) {
    let id = |t: &toml_edit::Table| t.get("id").and_then(|v| v.as_str()).map(str::to_string);
    let mut kept: Vec<toml_edit::Table> = old.iter().cloned().collect();
    let mut out = toml_edit::ArrayOfTables::new();
    for (i, n) in new.iter().enumerate() {
        let found = match id(n) {
            Some(nid) => kept
                .iter()
                .position(|o| id(o).as_deref() == Some(nid.as_str())),
            None => (i < kept.len()).then_some(i),
        };
        let mut table = match found {
            Some(pos) => kept.remove(pos),
            None => toml_edit::Table::new(),
        };
        merge_table(&mut table, n);
        out.push(table);
    }
    *old = out;
}

/// Changes `config.toml` under an exclusive lock: the file is re-read inside
/// the lock, `change` applied, and the result written atomically, so two
/// processes changing it at once never lose each other's change. The lock
/// is a separate file, `.config.lock`, beside it, held only for this call.
///
/// Errors: as [`load`] (a damaged file is kept and not changed), [`save`],
/// and [`ConfigError::Io`] when the lock cannot be taken.
pub fn update(path: &Path, change: impl FnOnce(&mut Config)) -> Result<Config, ConfigError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |source| ConfigError::Io {
        path: dir.to_path_buf(),
        source,
    };
    create_private_dir(dir).map_err(io)?;
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".config.lock"))
        .map_err(io)?;
    lock.lock().map_err(io)?;
    let mut config = load(path)?;
    change(&mut config);
    let saved = save(path, &config);
    let _ = lock.unlock();
    saved.map(|()| config)
}

/// `config.toml` as one running process holds it.
///
/// Remembers whether the file was found damaged; if so, [`ConfigFile::save`]
/// refuses for the rest of the run, even if the file is repaired meanwhile
/// (the person reloads to pick the repair up).
#[derive(Debug)]
pub struct ConfigFile {
    path: PathBuf,
    /// The configuration in use (the default one when the file is damaged).
    pub config: Config,
    damaged: bool,
}

impl ConfigFile {
    /// Loads `path`. When the file cannot be used, returns a `ConfigFile`
    /// holding the default configuration that will never save, together
    /// with the reason (any of [`load`]'s errors).
    pub fn open(path: &Path) -> (ConfigFile, Option<ConfigError>) {
        match load(path) {
            Ok(config) => (
                ConfigFile {
                    path: path.to_path_buf(),
                    config,
                    damaged: false,
                },
                None,
            ),
            Err(e) => (
                ConfigFile {
                    path: path.to_path_buf(),
                    config: Config::default(),
                    damaged: true,
                },
                Some(e),
            ),
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file was found damaged (and so will never be saved).
    pub fn is_damaged(&self) -> bool {
        self.damaged
    }

    /// Saves the configuration in use.
    ///
    /// Errors: [`ConfigError::KeptDamaged`] when the file was found damaged
    /// in this run; otherwise as [`save`].
    pub fn save(&self) -> Result<(), ConfigError> {
        if self.damaged {
            return Err(ConfigError::KeptDamaged {
                path: self.path.clone(),
            });
        }
        save(&self.path, &self.config)
    }
}

impl Config {
    /// Finds an account by id, or by address when exactly one account has it
    /// (addresses compared case-insensitively).
    pub fn find(&self, key: &str) -> Lookup<'_> {
        if let Some(a) = self.accounts.iter().find(|a| a.id.as_str() == key) {
            return Lookup::Found(a);
        }
        let matches: Vec<&Account> = self
            .accounts
            .iter()
            .filter(|a| a.address.eq_ignore_ascii_case(key))
            .collect();
        match matches.len() {
            0 => Lookup::NotFound,
            1 => Lookup::Found(matches[0]),
            _ => Lookup::Ambiguous(matches.iter().map(|a| a.id.clone()).collect()),
        }
    }
}

/// The result of [`Config::find`].
#[derive(Debug)]
pub enum Lookup<'a> {
    /// Exactly one account.
    Found(&'a Account),
    /// No account has that id or address.
    NotFound,
    /// Several accounts share that address; their ids.
    Ambiguous(Vec<AccountId>),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Security;

    pub(super) fn account(addr: &str) -> Account {
        Account {
            id: AccountId::generate(),
            address: addr.into(),
            host: "smtp.example.com".into(),
            username: addr.into(),
            ..Account::default()
        }
    }

    #[test]
    fn defaults_keep_never_plaintext_on() {
        let c = Config::default();
        assert!(c.settings.never_plaintext);
        assert_eq!(c.version, 1);
        let parsed = parse(Path::new("c.toml"), b"").unwrap();
        assert!(parsed.settings.never_plaintext);
    }

    #[test]
    fn older_files_with_missing_fields_load() {
        let text = b"version = 1\n[[accounts]]\nid = \"abc\"\naddress = \"jan@example.com\"\n";
        let c = parse(Path::new("c.toml"), text).unwrap();
        assert_eq!(c.accounts[0].port, 465);
        assert_eq!(c.accounts[0].security, Security::ImplicitTls);
        assert!(c.settings.never_plaintext);
    }

    #[test]
    fn nul_bytes_are_reported_with_line() {
        let err = parse(Path::new("c.toml"), &[0u8; 4096]).unwrap_err();
        match err {
            ConfigError::Parse { line, .. } => assert_eq!(line, 1),
            other => panic!("{other:?}"),
        }
        let err = parse(Path::new("c.toml"), b"version = 1\n\n[settings]\x00").unwrap_err();
        assert!(matches!(err, ConfigError::Parse { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn truncated_value_is_reported_with_line() {
        let text = b"version = 1\n[settings]\nlanguage = \"p";
        let err = parse(Path::new("c.toml"), text).unwrap_err();
        assert!(matches!(err, ConfigError::Parse { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn invalid_utf8_is_reported_with_line() {
        let err = parse(Path::new("c.toml"), b"version = 1\nx = \"\xff\"").unwrap_err();
        assert!(matches!(err, ConfigError::Parse { line: 2, .. }), "{err:?}");
    }

    #[test]
    fn newer_version_is_refused() {
        let err = parse(Path::new("c.toml"), b"version = 2").unwrap_err();
        assert!(matches!(err, ConfigError::NewerVersion { found: 2, .. }));
    }

    #[test]
    fn find_by_id_or_unique_address() {
        let mut c = Config::default();
        let a = account("jan@example.com");
        let b = account("anna@example.org");
        let b2 = account("Anna@example.org");
        c.accounts = vec![a.clone(), b.clone(), b2.clone()];
        assert!(matches!(c.find(a.id.as_str()), Lookup::Found(x) if x.id == a.id));
        assert!(matches!(c.find("JAN@example.com"), Lookup::Found(x) if x.id == a.id));
        assert!(matches!(c.find("anna@example.org"), Lookup::Ambiguous(ids) if ids.len() == 2));
        assert!(matches!(c.find("nobody@example.org"), Lookup::NotFound));
    }

    #[test]
    fn save_writes_private_file_and_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("config.toml");
        let mut c = Config::default();
        c.accounts.push(account("jan@example.com"));
        save(&path, &c).unwrap();
        assert_eq!(load(&path).unwrap(), c);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("version = 1\n"), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn concurrent_updates_are_all_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let threads: Vec<_> = (0..8)
            .map(|n| {
                let path = path.clone();
                std::thread::spawn(move || {
                    update(&path, |c| {
                        c.accounts.push(account(&format!("u{n}@example.com")))
                    })
                    .unwrap();
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(load(&path).unwrap().accounts.len(), 8);
    }

    #[test]
    fn damaged_file_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let damaged = b"version = 1\n[settings]\nlanguage = \"p".to_vec();
        std::fs::write(&path, &damaged).unwrap();
        let (file, err) = ConfigFile::open(&path);
        assert!(matches!(err, Some(ConfigError::Parse { .. })));
        assert!(file.is_damaged());
        assert!(matches!(file.save(), Err(ConfigError::KeptDamaged { .. })));
        assert!(matches!(
            save(&path, &Config::default()),
            Err(ConfigError::KeptDamaged { .. })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), damaged);
    }
}
