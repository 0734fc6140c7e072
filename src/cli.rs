//! The `koperta` command line, in Polish or English.
//!
//! ```text
//! koperta account add --email ADDR --host HOST [--port N] [--security implicit-tls|starttls|plaintext]
//!                     [--name NAME] [--username USER] [--ca-file PEM | --pin-cert PEM]
//!                     [--signature TEXT] --password-stdin
//! koperta account list
//! koperta account remove ID|ADDRESS
//! koperta settings set never-plaintext|language|theme VALUE
//! koperta settings show
//! ```
//!
//! Exit status: 0 on success, 1 when the command failed, 2 for a command
//! line that is not valid. Everything printed goes through Fluent.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, ArgMatches, Command};
use zeroize::Zeroizing;

use crate::account::{self, Account, AccountId, Security};
use crate::config::{ConfigFile, Lookup, Theme};
use crate::i18n::{self, Language};
use crate::paths::Paths;
use crate::report::{Localize, security_label};
use crate::secrets::{Keyring, Password};
use crate::t;

/// The standard streams a command uses; tests give their own.
pub struct Io<'a> {
    /// Standard input (passwords).
    pub stdin: &'a mut dyn Read,
    /// Results.
    pub stdout: &'a mut dyn Write,
    /// Errors and warnings.
    pub stderr: &'a mut dyn Write,
}

/// Runs the process's command line with the real standard streams.
pub fn main() -> ExitCode {
    use std::io::IsTerminal;
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut piped = std::io::stdin();
    let mut typed = TerminalPassword::default();
    // At a terminal, a password is typed without echo after a prompt;
    // from a pipe it is read as it comes.
    let stdin: &mut dyn Read = if piped.is_terminal() {
        &mut typed
    } else {
        &mut piped
    };
    let mut stdout = std::io::stdout();
    let mut stderr = std::io::stderr();
    let code = run(
        args,
        &mut Io {
            stdin,
            stdout: &mut stdout,
            stderr: &mut stderr,
        },
    );
    ExitCode::from(code)
}

/// Standard input at a terminal: the first read asks for the password
/// without echoing it (rpassword), then gives that one line.
#[derive(Default)]
struct TerminalPassword {
    line: Option<Zeroizing<Vec<u8>>>,
    at: usize,
}

impl Read for TerminalPassword {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.line.is_none() {
            let typed = rpassword::prompt_password(format!("{} ", t!("cli-password-prompt")))?;
            let mut bytes = Zeroizing::new(typed.into_bytes());
            bytes.push(b'\n');
            self.line = Some(bytes);
        }
        let line = self.line.as_deref().map(Vec::as_slice).unwrap_or_default();
        let n = buf.len().min(line.len() - self.at.min(line.len()));
        buf[..n].copy_from_slice(&line[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// A failed command: the translated message to print.
struct Failure(String);

impl<E: Localize> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.localize())
    }
}

/// Runs `args` (with the program name first). Returns the exit status.
pub fn run(args: Vec<OsString>, io: &mut Io<'_>) -> u8 {
    // The language comes from the settings when they load, else the OS.
    let paths = Paths::from_env();
    let opened = paths
        .as_ref()
        .ok()
        .map(|p| ConfigFile::open(&p.config_file()));
    let language = match &opened {
        Some((file, None)) => file.config.settings.language,
        _ => Language::Auto,
    };
    i18n::apply(language);

    let matches = match command().try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => return usage_error(&e, io),
    };
    let paths = match paths {
        Ok(p) => p,
        Err(e) => return fail(io, Failure::from(e)),
    };
    let file = match opened {
        Some((file, None)) => file,
        Some((_, Some(err))) => return fail(io, Failure::from(err)),
        // `paths` was Ok, so the config was opened above.
        None => return fail(io, Failure(t!("paths-error-no-home"))),
    };
    let _ = paths;
    let result = match matches.subcommand() {
        Some(("account", sub)) => match sub.subcommand() {
            Some(("add", m)) => account_add(m, file, io),
            Some(("list", _)) => account_list(&file, io),
            Some(("remove", m)) => account_remove(m, file, io),
            Some(("test", m)) => account_test(m, &file, io),
            Some(("discover", m)) => account_discover(m, file, io),
            _ => Err(Failure(t!("cli-error-missing-subcommand"))),
        },
        Some(("send", m)) => send(m, &file, io),
        Some(("settings", sub)) => match sub.subcommand() {
            Some(("set", m)) => settings_set(m, file, io),
            Some(("show", _)) => settings_show(&file, io),
            _ => Err(Failure(t!("cli-error-missing-subcommand"))),
        },
        _ => {
            let _ = write!(io.stdout, "{}", command().render_help());
            Ok(())
        }
    };
    match result {
        Ok(()) => 0,
        Err(f) => fail(io, f),
    }
}

fn fail(io: &mut Io<'_>, failure: Failure) -> u8 {
    let _ = writeln!(io.stderr, "{} {}", t!("cli-error-prefix"), failure.0);
    1
}

fn usage_error(e: &clap::Error, io: &mut Io<'_>) -> u8 {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = write!(io.stdout, "{}", e.render());
            return 0;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = write!(io.stdout, "{}", e.render());
            return 2;
        }
        _ => {}
    }
    let ctx = |kind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => {
            t!(
                "cli-error-unknown-argument",
                arg = ctx(ContextKind::InvalidArg)
            )
        }
        ErrorKind::InvalidSubcommand => t!(
            "cli-error-invalid-subcommand",
            name = ctx(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => t!(
            "cli-error-invalid-value",
            arg = ctx(ContextKind::InvalidArg),
            value = ctx(ContextKind::InvalidValue),
            valid = ctx(ContextKind::ValidValue)
        ),
        ErrorKind::MissingRequiredArgument => t!(
            "cli-error-missing-argument",
            arg = ctx(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand => t!("cli-error-missing-subcommand"),
        ErrorKind::ArgumentConflict
            if ctx(ContextKind::PriorArg).is_empty()
                || ctx(ContextKind::PriorArg) == ctx(ContextKind::InvalidArg) =>
        {
            t!("cli-error-repeated", arg = ctx(ContextKind::InvalidArg))
        }
        ErrorKind::ArgumentConflict => {
            t!("cli-error-conflict", arg = ctx(ContextKind::InvalidArg))
        }
        _ => t!("cli-error-usage"),
    };
    let _ = writeln!(
        io.stderr,
        "{} {}\n{}",
        t!("cli-error-prefix"),
        message,
        t!("cli-hint-help")
    );
    2
}

/// Applies the translated help template and help/version flags to `cmd`
/// and every subcommand.
fn localize(cmd: Command) -> Command {
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        t!("cli-usage-heading")
    );
    cmd.help_template(template)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading(t!("cli-commands-heading"))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("cli-help-flag")),
        )
        .mut_subcommands(localize)
}

fn opt(name: &'static str, help: String) -> Arg {
    Arg::new(name)
        .long(name)
        .value_name(name.to_uppercase())
        .help(help)
        .hide_possible_values(true)
}

/// A positional argument, listed under the translated "Arguments" heading.
fn positional(name: &'static str, help: String) -> Arg {
    Arg::new(name)
        .value_name(name.to_uppercase())
        .required(true)
        .help(help)
        .help_heading(t!("cli-arguments-heading"))
}

/// A command whose options are listed under the translated heading.
fn cmd(name: &'static str, about: String) -> Command {
    Command::new(name)
        .about(about)
        .next_help_heading(t!("cli-options-heading"))
}

/// The command-line grammar, with help texts in the current language.
pub fn command() -> Command {
    let account = cmd("account", t!("cli-account-about"))
        .subcommand_required(true)
        .subcommand(
            cmd("add", t!("cli-account-add-about"))
                .arg(opt("name", t!("cli-arg-name")))
                .arg(opt("email", t!("cli-arg-email")).required(true))
                .arg(opt("host", t!("cli-arg-host")).required(true))
                .arg(opt("port", t!("cli-arg-port")))
                .arg(opt("security", t!("cli-arg-security")).value_parser([
                    "implicit-tls",
                    "starttls",
                    "plaintext",
                ]))
                .arg(opt("username", t!("cli-arg-username")))
                .arg(opt("ca-file", t!("cli-arg-ca-file")).value_name("PEM"))
                .arg(
                    opt("pin-cert", t!("cli-arg-pin-cert"))
                        .value_name("PEM")
                        .conflicts_with("ca-file"),
                )
                .arg(opt("signature", t!("cli-arg-signature")))
                .arg(
                    Arg::new("bcc-self")
                        .long("bcc-self")
                        .action(ArgAction::SetTrue)
                        .help(t!("cli-arg-bcc-self")),
                )
                .arg(
                    Arg::new("password-stdin")
                        .long("password-stdin")
                        .action(ArgAction::SetTrue)
                        .help(t!("cli-arg-password-stdin")),
                ),
        )
        .subcommand(cmd("list", t!("cli-account-list-about")))
        .subcommand(
            cmd("test", t!("cli-account-test-about"))
                .arg(positional("id", t!("cli-arg-account-id")))
                .arg(opt("protocol-log", t!("cli-arg-protocol-log")).value_name("PATH")),
        )
        .subcommand(
            cmd("discover", t!("cli-account-discover-about"))
                .arg(positional("address", t!("cli-arg-address")))
                .arg(opt("name", t!("cli-arg-name")))
                .arg(opt("dns-server", t!("cli-arg-dns-server")).value_name("IP:PORT"))
                .arg(opt("ca-file", t!("cli-arg-discover-ca-file")).value_name("PEM"))
                .arg(
                    Arg::new("save")
                        .long("save")
                        .action(ArgAction::SetTrue)
                        .help(t!("cli-arg-save")),
                ),
        )
        .subcommand(
            cmd("remove", t!("cli-account-remove-about"))
                .arg(positional("id", t!("cli-arg-account-id"))),
        );
    let settings = cmd("settings", t!("cli-settings-about"))
        .subcommand_required(true)
        .subcommand(
            cmd("set", t!("cli-settings-set-about"))
                .arg(positional("key", t!("cli-arg-setting-key")))
                .arg(positional("value", t!("cli-arg-setting-value"))),
        )
        .subcommand(cmd("show", t!("cli-settings-show-about")));
    let send = cmd("send", t!("cli-send-about"))
        .arg(
            opt("account", t!("cli-arg-account"))
                .value_name("ID")
                .required(true),
        )
        .arg(opt("to", t!("cli-arg-to")).value_name("ADDRESSES"))
        .arg(opt("cc", t!("cli-arg-cc")).value_name("ADDRESSES"))
        .arg(opt("bcc", t!("cli-arg-bcc")).value_name("ADDRESSES"))
        .arg(opt("subject", t!("cli-arg-subject")).value_name("TEXT"))
        .arg(opt("body-file", t!("cli-arg-body-file")).value_name("FILE"))
        .arg(
            opt("attach", t!("cli-arg-attach"))
                .value_name("FILE")
                .action(ArgAction::Append),
        )
        .arg(opt("protocol-log", t!("cli-arg-protocol-log")).value_name("PATH"));
    let root = cmd("koperta", t!("cli-about"))
        .version(env!("CARGO_PKG_VERSION"))
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("cli-version-flag")),
        )
        .subcommand(account)
        .subcommand(send)
        .subcommand(settings);
    localize(root)
}

fn arg<'m>(m: &'m ArgMatches, name: &str) -> Option<&'m String> {
    m.get_one::<String>(name)
}

/// A light syntax check; the full RFC 5321/5322 check belongs to the draft
/// parser.
/// The same RFC 5321/5322 check as for recipients.
fn plausible_address(address: &str) -> bool {
    crate::address::parse_mailbox(address).is_ok_and(|m| m.name.is_none())
}

/// Reads one line (the password) from `stdin`, without its line ending.
fn read_password(stdin: &mut dyn Read) -> Result<Password, Failure> {
    let mut raw = Zeroizing::new(Vec::with_capacity(4096));
    stdin
        .read_to_end(&mut raw)
        .map_err(|e| Failure(t!("account-error-password-read", reason = e.to_string())))?;
    let text = std::str::from_utf8(&raw).map_err(|_| {
        Failure(t!(
            "account-error-password-read",
            reason = "not UTF-8".to_string()
        ))
    })?;
    let line = text.split('\n').next().unwrap_or("");
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.is_empty() {
        return Err(Failure(t!("account-error-password-empty")));
    }
    Ok(Password::new(line.to_string()))
}

fn account_add(m: &ArgMatches, file: ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    let address = arg(m, "email").cloned().unwrap_or_default();
    if !plausible_address(&address) {
        return Err(Failure(t!(
            "account-error-invalid-address",
            address = address.as_str()
        )));
    }
    let host = arg(m, "host").cloned().unwrap_or_default();
    if !account::valid_host(&host) {
        return Err(Failure(t!(
            "account-error-invalid-host",
            host = host.as_str()
        )));
    }
    let security = arg(m, "security")
        .and_then(|s| Security::parse(s))
        .unwrap_or(Security::ImplicitTls);
    let port = match arg(m, "port") {
        None => security.default_port(),
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 => n,
            _ => return Err(Failure(t!("account-error-invalid-port", port = p.as_str()))),
        },
    };
    let extra_ca_pem = arg(m, "ca-file")
        .map(|p| account::read_certificate_file(Path::new(p)))
        .transpose()?;
    let pinned_cert_pem = arg(m, "pin-cert")
        .map(|p| account::read_certificate_file(Path::new(p)))
        .transpose()?;
    if extra_ca_pem.is_some() && pinned_cert_pem.is_some() {
        return Err(Failure(t!("account-error-pin-and-ca")));
    }
    let account = Account {
        id: AccountId::generate(),
        name: arg(m, "name").cloned().unwrap_or_default(),
        address: address.clone(),
        host,
        port,
        security,
        username: arg(m, "username")
            .filter(|u| !u.trim().is_empty())
            .cloned()
            .unwrap_or(address),
        extra_ca_pem,
        pinned_cert_pem,
        signature: arg(m, "signature").cloned().unwrap_or_default(),
        bcc_self: m.get_flag("bcc-self"),
    };
    ensure_can_add(&file, &account)?;
    if !m.get_flag("password-stdin") {
        return Err(Failure(t!("account-error-password-required")));
    }
    let password = read_password(io.stdin)?;
    store_account(&file, account, password, io)
}

/// Checked before a password is asked for: the settings allow `account`
/// (never-plaintext, no duplicate) and config.toml can be written (a
/// damaged file is never replaced).
fn ensure_can_add(file: &ConfigFile, account: &Account) -> Result<(), Failure> {
    file.config.allows(account)?;
    if file.is_damaged() {
        return Err(crate::config::ConfigError::KeptDamaged {
            path: file.path().to_path_buf(),
        }
        .into());
    }
    Ok(())
}

/// Saves `account`: the password to the keyring first (an account never
/// exists without its password), then the config; prints the summary and
/// the id.
fn store_account(
    file: &ConfigFile,
    account: Account,
    password: Password,
    io: &mut Io<'_>,
) -> Result<(), Failure> {
    // The keyring first: an account never exists without its password.
    let keyring = Keyring::default();
    keyring.set(&account.id, &password)?;
    drop(password);
    let added = account.clone();
    if let Err(e) = crate::config::update(file.path(), move |c| c.accounts.push(added)) {
        let _ = keyring.delete(&account.id);
        return Err(e.into());
    }
    if account.security == Security::Plaintext {
        let _ = writeln!(io.stderr, "{}", t!("warning-plaintext-account"));
    }
    let _ = writeln!(
        io.stdout,
        "{}",
        t!(
            "account-added",
            address = account.address.as_str(),
            security = security_label(account.security),
            host = account.host.as_str(),
            port = account.port
        )
    );
    let _ = writeln!(io.stdout, "{}", account.id);
    Ok(())
}

/// Prints what discovery found for an address; with `--save`, tests the
/// best candidate with the password from stdin and adds the account.
fn account_discover(m: &ArgMatches, file: ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    use crate::discover::{DiscoverError, Discoverer};
    use crate::report::{candidate_notes, outcome_label, source_label};
    let address = arg(m, "address").cloned().unwrap_or_default();
    let mut discoverer = Discoverer::default();
    if let Some(server) = arg(m, "dns-server") {
        let addr = server.parse::<std::net::SocketAddr>().map_err(|_| {
            Failure(t!(
                "cli-error-invalid-value",
                arg = "--dns-server",
                value = server.as_str(),
                valid = "IP:PORT"
            ))
        })?;
        discoverer.resolver = crate::dns::Resolver::Servers(vec![addr]);
    }
    discoverer.extra_ca_pem = arg(m, "ca-file")
        .map(|p| account::read_certificate_file(Path::new(p)))
        .transpose()?;
    let _ = writeln!(
        io.stdout,
        "{}",
        t!("discover-searching", address = address.as_str())
    );
    let rt = runtime()?;
    let findings = match rt.block_on(discoverer.discover(&address)) {
        Ok(f) => f,
        Err(DiscoverError::InvalidAddress) => {
            return Err(Failure(t!(
                "discover-error-invalid-address",
                address = address.as_str()
            )));
        }
    };
    let _ = writeln!(io.stdout, "{}", t!("discover-tried"));
    for (source, outcome) in &findings.outcomes {
        let _ = writeln!(
            io.stdout,
            "  {}: {}",
            source_label(*source),
            outcome_label(outcome)
        );
    }
    for c in &findings.refused_plaintext {
        let _ = writeln!(
            io.stdout,
            "{}",
            t!(
                "discover-refused-plaintext",
                host = c.host.as_str(),
                port = c.port,
                source = source_label(c.source)
            )
        );
    }
    if let Some(p) = findings.oauth_only.as_ref().filter(|p| {
        findings
            .best()
            .is_none_or(|b| b.provider.as_ref().is_none_or(|bp| bp.id != p.id))
    }) {
        let _ = writeln!(
            io.stdout,
            "{}",
            t!("discover-note-oauth-only", name = p.name.as_str())
        );
    }
    let Some(best) = findings.best().cloned() else {
        let message = match findings.refused_plaintext.first() {
            Some(c) => t!(
                "discover-plaintext-only",
                host = c.host.as_str(),
                port = c.port
            ),
            None => t!("discover-nothing", domain = findings.domain_unicode()),
        };
        let _ = writeln!(io.stdout, "{message}");
        if findings.some_source_failed() {
            let _ = writeln!(io.stdout, "{}", t!("discover-network-problem"));
        }
        return if m.get_flag("save") {
            Err(Failure(t!("discover-error-nothing")))
        } else {
            Ok(())
        };
    };
    let _ = writeln!(
        io.stdout,
        "{}",
        t!(
            "discover-best",
            host = best.host.as_str(),
            port = best.port,
            security = security_label(best.security),
            username = best.username.as_str(),
            source = source_label(best.source)
        )
    );
    for note in candidate_notes(&best, &findings.domain) {
        let _ = writeln!(io.stdout, "  {note}");
    }
    for c in findings.candidates.iter().skip(1) {
        let _ = writeln!(
            io.stdout,
            "{}",
            t!(
                "discover-other",
                host = c.host.as_str(),
                port = c.port,
                security = security_label(c.security),
                source = source_label(c.source)
            )
        );
    }
    if !m.get_flag("save") {
        return Ok(());
    }
    // Saved: the best candidate inside the address's domain; one outside
    // it needs the person's own check (`account add`).
    let best = findings
        .candidates
        .iter()
        .find(|c| !c.outside_domain)
        .cloned()
        .unwrap_or(best);
    if let Some(p) = best
        .provider
        .as_ref()
        .filter(|p| p.auth == crate::discover::providers::Auth::OauthOnly)
    {
        return Err(Failure(t!("discover-error-oauth", name = p.name.as_str())));
    }
    if best.outside_domain {
        return Err(Failure(t!(
            "discover-error-outside-domain",
            host = best.host.as_str(),
            port = best.port,
            security = best.security.as_str(),
            address = address.trim()
        )));
    }
    let account = Account {
        id: AccountId::generate(),
        name: arg(m, "name").cloned().unwrap_or_default(),
        address: address.trim().to_string(),
        host: best.host.clone(),
        port: best.port,
        security: best.security,
        username: best.username.clone(),
        extra_ca_pem: discoverer.extra_ca_pem.clone(),
        pinned_cert_pem: None,
        signature: String::new(),
        bcc_self: false,
    };
    ensure_can_add(&file, &account)?;
    let password = read_password(io.stdin)?;
    let _ = writeln!(
        io.stdout,
        "{}",
        t!(
            "discover-testing",
            host = account.host.as_str(),
            port = account.port
        )
    );
    let settings = crate::config::Settings {
        resolver: discoverer.resolver.clone(),
        ..file.config.settings.clone()
    };
    rt.block_on(crate::outbox::test_with_password(
        &account, &password, &settings, None,
    ))
    .map_err(|e| Failure(crate::report::smtp_error(&e, &account.host)))?;
    let _ = writeln!(io.stdout, "{}", t!("test-ok"));
    if arg(m, "dns-server").is_some() {
        let _ = writeln!(
            io.stderr,
            "{}",
            t!("discover-dns-server-kept-not", host = account.host.as_str())
        );
    }
    store_account(&file, account, password, io)
}

fn account_list(file: &ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    if file.config.accounts.is_empty() {
        let _ = writeln!(io.stdout, "{}", t!("account-list-empty"));
        return Ok(());
    }
    for a in &file.config.accounts {
        let mut line = format!(
            "{}  {}  {}:{}  {}",
            a.id,
            a.address,
            a.host,
            a.port,
            security_label(a.security)
        );
        if let Some(fp) = a.pinned_fingerprint() {
            line.push_str(&format!(
                "  [{}]",
                t!("account-list-pinned", fingerprint = fp)
            ));
        } else if a.extra_ca_pem.is_some() {
            line.push_str(&format!("  [{}]", t!("account-list-extra-ca")));
        }
        let _ = writeln!(io.stdout, "{line}");
    }
    Ok(())
}

fn resolve<'c>(file: &'c ConfigFile, key: &str) -> Result<&'c Account, Failure> {
    match file.config.find(key) {
        Lookup::Found(a) => Ok(a),
        Lookup::NotFound => Err(Failure(t!("account-error-not-found", key = key))),
        Lookup::Ambiguous(ids) => Err(Failure(t!(
            "account-error-ambiguous",
            key = key,
            ids = ids
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn account_remove(m: &ArgMatches, mut file: ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    let key = arg(m, "id").cloned().unwrap_or_default();
    let account = resolve(&file, &key)?.clone();
    let gone = account.id.clone();
    file.config = crate::config::update(file.path(), move |c| c.accounts.retain(|a| a.id != gone))?;
    match Keyring::default().delete(&account.id) {
        Ok(true) => {
            let _ = writeln!(
                io.stdout,
                "{}",
                t!("account-removed", address = account.address.as_str())
            );
            Ok(())
        }
        Ok(false) => {
            let _ = writeln!(
                io.stdout,
                "{}",
                t!(
                    "account-removed-no-password",
                    address = account.address.as_str()
                )
            );
            Ok(())
        }
        Err(e) => Err(Failure(t!(
            "account-removed-keyring-failed",
            reason = e.localize(),
            id = account.id.as_str()
        ))),
    }
}

fn theme_name(theme: Theme) -> &'static str {
    match theme {
        Theme::System => "system",
        Theme::Light => "light",
        Theme::Dark => "dark",
    }
}

fn settings_set(m: &ArgMatches, mut file: ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
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
    let apply: Box<dyn FnOnce(&mut crate::config::Settings)> = match key.as_str() {
        "never-plaintext" => {
            let on = match value.as_str() {
                "true" => true,
                "false" => false,
                _ => return Err(invalid("true, false")),
            };
            Box::new(move |s| s.never_plaintext = on)
        }
        "notifications" => {
            let on = match value.as_str() {
                "true" => true,
                "false" => false,
                _ => return Err(invalid("true, false")),
            };
            Box::new(move |s| s.notifications = on)
        }
        "language" => {
            let l = Language::parse(&value).ok_or_else(|| invalid("auto, en, pl"))?;
            Box::new(move |s| s.language = l)
        }
        "theme" => {
            let th = match value.as_str() {
                "system" => Theme::System,
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => return Err(invalid("system, light, dark")),
            };
            Box::new(move |s| s.theme = th)
        }
        _ => {
            return Err(Failure(t!(
                "settings-error-unknown-key",
                key = key.as_str()
            )));
        }
    };
    file.config = crate::config::update(file.path(), |c| apply(&mut c.settings))?;
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

fn settings_show(file: &ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    let s = &file.config.settings;
    let _ = writeln!(
        io.stdout,
        "{}\n{}\n{}\n{}",
        t!(
            "settings-show-never-plaintext",
            value = s.never_plaintext.to_string()
        ),
        t!("settings-show-language", value = s.language.as_str()),
        t!("settings-show-theme", value = theme_name(s.theme)),
        t!(
            "settings-show-notifications",
            value = s.notifications.to_string()
        )
    );
    Ok(())
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(t!("smtp-error-network", detail = e.to_string())))
}

fn write_protocol_log(m: &ArgMatches, transcript: &[u8], io: &mut Io<'_>) {
    let Some(path) = arg(m, "protocol-log") else {
        return;
    };
    // Into an existing directory only: a typo must not create folders.
    let parent = Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let result = if parent.is_dir() {
        crate::config::write_atomic(Path::new(path), transcript)
    } else {
        Err(std::io::ErrorKind::NotFound.into())
    };
    if let Err(e) = result {
        let _ = writeln!(
            io.stderr,
            "{}",
            t!(
                "send-protocol-log-failed",
                path = path.as_str(),
                reason = e.to_string()
            )
        );
    }
}

fn account_test(m: &ArgMatches, file: &ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    let key = arg(m, "id").cloned().unwrap_or_default();
    let account = resolve(file, &key)?.clone();
    let rt = runtime()?;
    let tap: std::sync::Arc<std::sync::Mutex<crate::smtp::transport::TapState>> =
        Default::default();
    let session = match rt.block_on(crate::outbox::open(
        &account,
        &file.config.settings,
        Some(tap.clone()),
    )) {
        Ok(s) => s,
        Err(e) => {
            let transcript = tap.lock().map(|t| t.transcript.clone()).unwrap_or_default();
            write_protocol_log(m, &transcript, io);
            return Err(Failure(crate::report::smtp_error(&e, &account.host)));
        }
    };
    match &session.tls {
        Some(tls) => {
            let _ = writeln!(
                io.stdout,
                "{}",
                t!(
                    "test-tls",
                    version = tls.version.as_str(),
                    cipher = tls.cipher_suite.as_str()
                )
            );
            let line = if tls.pinned {
                t!("test-pinned", fingerprint = tls.fingerprint.as_str())
            } else {
                t!(
                    "test-certificate",
                    subject = tls.subject.as_str(),
                    issuer = tls.issuer.as_str()
                )
            };
            let _ = writeln!(io.stdout, "{line}");
        }
        None => {
            let _ = writeln!(io.stdout, "{}", t!("test-plaintext"));
        }
    }
    let _ = writeln!(
        io.stdout,
        "{}",
        t!("test-auth", mechanism = session.mechanism.as_str())
    );
    let size = match session.size_limit() {
        Some(limit) if limit > 0 => t!("test-size", limit = limit),
        _ => t!("test-size-none"),
    };
    let _ = writeln!(io.stdout, "{size}");
    let transcript = session.transcript();
    rt.block_on(session.quit());
    write_protocol_log(m, &transcript, io);
    let _ = writeln!(io.stdout, "{}", t!("test-ok"));
    Ok(())
}

fn send(m: &ArgMatches, file: &ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
    let key = arg(m, "account").cloned().unwrap_or_default();
    let account = resolve(file, &key)?.clone();
    let body = match arg(m, "body-file").map(String::as_str) {
        None => String::new(),
        Some("-") => {
            let mut s = String::new();
            io.stdin
                .read_to_string(&mut s)
                .map_err(|e| Failure(t!("smtp-error-network", detail = e.to_string())))?;
            s
        }
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            Failure(t!(
                "send-error-body-file",
                path = path,
                reason = crate::report::io_error(&e)
            ))
        })?,
    };
    let draft = crate::draft::Draft {
        account: Some(account.id.clone()),
        to: arg(m, "to").cloned().unwrap_or_default(),
        cc: arg(m, "cc").cloned().unwrap_or_default(),
        bcc: arg(m, "bcc").cloned().unwrap_or_default(),
        subject: arg(m, "subject").cloned().unwrap_or_default(),
        body,
        attachments: m
            .get_many::<String>("attach")
            .map(|v| v.map(std::path::PathBuf::from).collect())
            .unwrap_or_default(),
        signature: false,
        in_reply_to: String::new(),
    };
    let options = crate::draft::BuildOptions {
        user_agent: file.config.settings.user_agent,
    };
    let built = draft.build(&account, &options).map_err(|problems| {
        Failure(
            problems
                .iter()
                .map(|p| p.localize())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    // Keep only the formatted bytes: the built message (a second copy of
    // every attachment) is dropped before sending.
    let crate::draft::Built {
        message: lettre_message,
        envelope,
    } = built;
    let message = lettre_message.formatted();
    drop(lettre_message);
    let rt = runtime()?;
    let tap: std::sync::Arc<std::sync::Mutex<crate::smtp::transport::TapState>> =
        Default::default();
    let result = rt.block_on(async {
        let mut session =
            crate::outbox::open(&account, &file.config.settings, Some(tap.clone())).await?;
        let sent = session.send(&envelope, &message).await;
        session.quit().await;
        sent
    });
    let transcript = tap.lock().map(|t| t.transcript.clone()).unwrap_or_default();
    write_protocol_log(m, &transcript, io);
    let delivery = result.map_err(|e| Failure(crate::report::smtp_error(&e, &account.host)))?;
    for address in &delivery.accepted {
        let _ = writeln!(
            io.stdout,
            "{}",
            t!("send-accepted", address = address.as_str())
        );
    }
    let _ = writeln!(
        io.stdout,
        "{}",
        t!(
            "send-done",
            bytes = delivery.bytes,
            reply = delivery.reply.as_str()
        )
    );
    Ok(())
}
