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

use crate::account::{Account, Security};
use crate::config::{ConfigFile, Lookup, Theme};
use crate::i18n::{self, Language};
use crate::paths::Paths;
use crate::report::{Localize, security_label};
use crate::secrets::{Keyring, Password};
use crate::t;

mod account;
mod account_edit;
mod contacts;
mod drafts;
mod identity;
mod outbox;
mod send;
mod settings;
mod stop;

use account::{account_add, account_discover, account_list, account_remove, account_test, resolve};
use send::send;
use settings::{settings_set, settings_show};

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
            Some(("edit", m)) => account_edit::account_edit(m, file, io),
            Some(("list", _)) | None => account_list(&file, io),
            Some(("remove", m)) => account_remove(m, file, io),
            Some(("test", m)) => account_test(m, &file, io),
            Some(("discover", m)) => account_discover(m, file, io),
            Some(("identity", sub)) => match sub.subcommand() {
                Some(("add", m)) => identity::identity_add(m, file, io),
                Some(("list", m)) => identity::identity_list(m, &file, io),
                Some(("remove", m)) => identity::identity_remove(m, file, io),
                _ => Err(Failure(t!("cli-error-missing-subcommand"))),
            },
            _ => Err(Failure(t!("cli-error-missing-subcommand"))),
        },
        Some(("send", m)) => send(m, &file, io),
        Some(("outbox", sub)) => match sub.subcommand() {
            Some(("list", _)) | None => outbox::list(&file, io),
            Some(("retry", m)) => outbox::retry(m, &file, io),
            Some(("remove", m)) => outbox::remove(m, io),
            Some(("run", m)) => outbox::run_due(m, &file, io),
            _ => Err(Failure(t!("cli-error-missing-subcommand"))),
        },
        Some(("contacts", sub)) => match sub.subcommand() {
            Some(("list", _)) | None => contacts::list(io),
            Some(("add", m)) => contacts::add(m, io),
            Some(("remove", m)) => contacts::remove(m, io),
            Some(("import", m)) => contacts::import(m, io),
            Some(("export", m)) => contacts::export(m, io),
            _ => Err(Failure(t!("cli-error-missing-subcommand"))),
        },
        Some(("drafts", sub)) => match sub.subcommand() {
            Some(("list", _)) | None => drafts::list(io),
            Some(("remove", m)) => drafts::remove(m, io),
            _ => Err(Failure(t!("cli-error-missing-subcommand"))),
        },
        Some(("settings", sub)) => match sub.subcommand() {
            Some(("set", m)) => settings_set(m, file, io),
            Some(("show", _)) | None => settings_show(&file, io),
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
            let _ = write!(io.stdout, "{}", translated_usage(&e.render().to_string()));
            return 0;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = write!(io.stdout, "{}", translated_usage(&e.render().to_string()));
            return 2;
        }
        _ => {}
    }
    let ctx = |kind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    // An option by its bare name ("--security", not "--security <VALUE>").
    let option = |kind| {
        let named = ctx(kind);
        named.split(' ').next().unwrap_or_default().to_string()
    };
    let message = match e.kind() {
        ErrorKind::UnknownArgument => {
            t!(
                "cli-error-unknown-argument",
                arg = option(ContextKind::InvalidArg)
            )
        }
        ErrorKind::InvalidSubcommand => t!(
            "cli-error-invalid-subcommand",
            name = ctx(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation
            if option(ContextKind::InvalidArg) == "--dns-server" =>
        {
            t!(
                "cli-error-dns-server",
                value = ctx(ContextKind::InvalidValue)
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => t!(
            "cli-error-invalid-value",
            arg = option(ContextKind::InvalidArg),
            value = ctx(ContextKind::InvalidValue),
            valid = ctx(ContextKind::ValidValue)
        ),
        ErrorKind::MissingRequiredArgument => t!(
            "cli-error-missing-argument",
            arg = option(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand => t!("cli-error-missing-subcommand"),
        ErrorKind::ArgumentConflict
            if ctx(ContextKind::PriorArg).is_empty()
                || ctx(ContextKind::PriorArg) == ctx(ContextKind::InvalidArg) =>
        {
            t!("cli-error-repeated", arg = option(ContextKind::InvalidArg))
        }
        ErrorKind::ArgumentConflict => {
            t!(
                "cli-error-conflict",
                arg = option(ContextKind::InvalidArg),
                other = option(ContextKind::PriorArg)
            )
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

/// `help` with clap's own usage word `[OPTIONS]` in the person's language.
fn translated_usage(help: &str) -> String {
    help.replace("[OPTIONS]", &format!("[{}]", value_name("OPTIONS")))
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
        .subcommand_value_name(value_name("COMMAND"))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("cli-help-flag")),
        )
        .mut_subcommands(localize)
}

/// A value's name in `--help` and in usage lines, in the person's language
/// (`<PLIK>` in Polish, `<FILE>` in English); formats (`PEM`, `IP:PORT`)
/// and `ID` stay as they are.
fn value_name(key: &str) -> String {
    match key {
        "EMAIL" => t!("cli-value-email"),
        "HOST" => t!("cli-value-host"),
        "SECURITY" => t!("cli-value-security"),
        "USERNAME" => t!("cli-value-username"),
        "NAME" => t!("cli-value-name"),
        "SIGNATURE" => t!("cli-value-signature"),
        "KEY" => t!("cli-value-key"),
        "VALUE" => t!("cli-value-value"),
        "ADDRESS" => t!("cli-value-address"),
        "ADDRESSES" => t!("cli-value-addresses"),
        "TEXT" => t!("cli-value-text"),
        "FILE" => t!("cli-value-file"),
        "PATH" => t!("cli-value-path"),
        "TIME" => t!("cli-value-time"),
        "IDENTITY" => t!("cli-value-identity"),
        "ACCOUNT" => t!("cli-value-account"),
        "COMMAND" => t!("cli-value-command"),
        "OPTIONS" => t!("cli-value-options"),
        "WORD" => t!("cli-value-word"),
        _ => key.to_string(),
    }
}

fn opt(name: &'static str, help: String) -> Arg {
    Arg::new(name)
        .long(name)
        .value_name(value_name(&name.to_uppercase()))
        .help(help)
        .hide_possible_values(true)
}

/// A positional argument, listed under the translated "Arguments" heading.
fn positional(name: &'static str, help: String) -> Arg {
    Arg::new(name)
        .value_name(value_name(&name.to_uppercase()))
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

/// The options that describe an account, for `account add` (where the
/// address and host are `required`) and `account edit`.
fn account_fields(command: Command, required: bool) -> Command {
    command
        .arg(opt("name", t!("cli-arg-name")))
        .arg(opt("email", t!("cli-arg-email")).required(required))
        .arg(opt("host", t!("cli-arg-host")).required(required))
        .arg(opt("port", t!("cli-arg-port")))
        .arg(opt("security", t!("cli-arg-security")).value_parser([
            "implicit-tls",
            "starttls",
            "plaintext",
        ]))
        .arg(opt("username", t!("cli-arg-username")))
        .arg(opt("ca-file", t!("cli-arg-ca-file")).value_name(value_name("PEM")))
        .arg(
            opt("pin-cert", t!("cli-arg-pin-cert"))
                .value_name(value_name("PEM"))
                .conflicts_with("ca-file"),
        )
        .arg(opt("signature", t!("cli-arg-signature")))
        .arg(
            Arg::new("password-stdin")
                .long("password-stdin")
                .action(ArgAction::SetTrue)
                .help(t!("cli-arg-password-stdin")),
        )
}

/// The command-line grammar, with help texts in the current language.
pub fn command() -> Command {
    let account = cmd("account", t!("cli-account-about"))
        .after_help(t!("cli-without-command-lists"))
        .subcommand(
            account_fields(cmd("add", t!("cli-account-add-about")), true).arg(
                Arg::new("bcc-self")
                    .long("bcc-self")
                    .action(ArgAction::SetTrue)
                    .help(t!("cli-arg-bcc-self")),
            ),
        )
        .subcommand(
            account_fields(
                cmd("edit", t!("cli-account-edit-about"))
                    .arg(positional("id", t!("cli-arg-account-id"))),
                false,
            )
            .arg(
                Arg::new("bcc-self")
                    .long("bcc-self")
                    .action(ArgAction::SetTrue)
                    .help(t!("cli-arg-bcc-self")),
            )
            .arg(
                Arg::new("no-bcc-self")
                    .long("no-bcc-self")
                    .action(ArgAction::SetTrue)
                    .conflicts_with("bcc-self")
                    .help(t!("cli-arg-no-bcc-self")),
            )
            .arg(
                Arg::new("no-extra-trust")
                    .long("no-extra-trust")
                    .action(ArgAction::SetTrue)
                    .conflicts_with_all(["ca-file", "pin-cert"])
                    .help(t!("cli-arg-no-extra-trust")),
            ),
        )
        .subcommand(cmd("list", t!("cli-account-list-about")))
        .subcommand(
            cmd("test", t!("cli-account-test-about"))
                .arg(positional("id", t!("cli-arg-account-id")))
                .arg(
                    opt("protocol-log", t!("cli-arg-protocol-log")).value_name(value_name("PATH")),
                ),
        )
        .subcommand(
            cmd("discover", t!("cli-account-discover-about"))
                .arg(positional("address", t!("cli-arg-address")))
                .arg(opt("name", t!("cli-arg-name")))
                .arg(opt("dns-server", t!("cli-arg-dns-server")).value_name(value_name("IP:PORT")))
                .arg(opt("ca-file", t!("cli-arg-discover-ca-file")).value_name(value_name("PEM")))
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
        )
        .subcommand(
            cmd("identity", t!("cli-identity-about"))
                .subcommand_required(true)
                .subcommand(
                    cmd("add", t!("cli-identity-add-about"))
                        .arg(positional("id", t!("cli-arg-account-id")))
                        .arg(opt("name", t!("cli-arg-name")))
                        .arg(opt("email", t!("cli-arg-email")).required(true))
                        .arg(
                            opt("reply-to", t!("cli-arg-reply-to"))
                                .value_name(value_name("ADDRESS")),
                        )
                        .arg(opt("signature", t!("cli-arg-identity-signature")))
                        .arg(
                            Arg::new("signature-above-quote")
                                .long("signature-above-quote")
                                .action(ArgAction::SetTrue)
                                .help(t!("cli-arg-signature-above-quote")),
                        ),
                )
                .subcommand(
                    cmd("list", t!("cli-identity-list-about"))
                        .arg(positional("id", t!("cli-arg-account-id"))),
                )
                .subcommand(
                    cmd("remove", t!("cli-identity-remove-about"))
                        .arg(positional("id", t!("cli-arg-account-id")))
                        .arg(positional("identity", t!("cli-arg-identity"))),
                ),
        );
    let settings = cmd("settings", t!("cli-settings-about"))
        .after_help(t!("cli-without-command-shows"))
        .subcommand(
            cmd("set", t!("cli-settings-set-about"))
                .arg(positional("key", t!("cli-arg-setting-key")))
                .arg(positional("value", t!("cli-arg-setting-value"))),
        )
        .subcommand(cmd("show", t!("cli-settings-show-about")));
    let send = cmd("send", t!("cli-send-about"))
        .arg(
            opt("account", t!("cli-arg-account"))
                .value_name(value_name("ID"))
                .required(true),
        )
        .arg(opt("to", t!("cli-arg-to")).value_name(value_name("ADDRESSES")))
        .arg(opt("cc", t!("cli-arg-cc")).value_name(value_name("ADDRESSES")))
        .arg(opt("bcc", t!("cli-arg-bcc")).value_name(value_name("ADDRESSES")))
        .arg(opt("subject", t!("cli-arg-subject")).value_name(value_name("TEXT")))
        .arg(opt("body-file", t!("cli-arg-body-file")).value_name(value_name("FILE")))
        .arg(
            opt("attach", t!("cli-arg-attach"))
                .value_name(value_name("FILE"))
                .action(ArgAction::Append),
        )
        .arg(opt("later", t!("cli-arg-later")).value_name(value_name("TIME")))
        .arg(opt("identity", t!("cli-arg-identity")).value_name(value_name("IDENTITY")))
        .arg(
            Arg::new("high-priority")
                .long("high-priority")
                .action(ArgAction::SetTrue)
                .help(t!("cli-arg-high-priority")),
        )
        .arg(
            Arg::new("read-receipt")
                .long("read-receipt")
                .action(ArgAction::SetTrue)
                .help(t!("cli-arg-read-receipt")),
        )
        .arg(
            Arg::new("no-signature")
                .long("no-signature")
                .action(ArgAction::SetTrue)
                .help(t!("cli-arg-no-signature")),
        )
        .arg(opt("protocol-log", t!("cli-arg-protocol-log")).value_name(value_name("PATH")));
    let yes = || {
        Arg::new("yes")
            .long("yes")
            .action(ArgAction::SetTrue)
            .help(t!("cli-arg-yes"))
    };
    let outbox = cmd("outbox", t!("cli-outbox-about"))
        .after_help(t!("cli-without-command-lists"))
        .subcommand(cmd("list", t!("cli-outbox-list-about")))
        .subcommand(
            cmd("retry", t!("cli-outbox-retry-about"))
                .arg(
                    positional("id", t!("cli-arg-outbox-id"))
                        .required(false)
                        .required_unless_present("all")
                        .conflicts_with("all"),
                )
                .arg(
                    Arg::new("all")
                        .long("all")
                        .action(ArgAction::SetTrue)
                        .help(t!("cli-arg-outbox-all")),
                )
                .arg(yes()),
        )
        .subcommand(
            cmd("remove", t!("cli-outbox-remove-about"))
                .arg(positional("id", t!("cli-arg-outbox-id")).required(true)),
        )
        .subcommand(cmd("run", t!("cli-outbox-run-about")).arg(yes()));
    let contacts = cmd("contacts", t!("cli-contacts-about"))
        .after_help(t!("cli-without-command-lists"))
        .subcommand(cmd("list", t!("cli-contacts-list-about")))
        .subcommand(
            cmd("add", t!("cli-contacts-add-about"))
                .arg(positional("address", t!("cli-arg-contact-address")))
                .arg(opt("name", t!("cli-arg-contact-name")).value_name(value_name("NAME"))),
        )
        .subcommand(
            cmd("remove", t!("cli-contacts-remove-about"))
                .arg(positional("address", t!("cli-arg-contact-address"))),
        )
        .subcommand(
            cmd("import", t!("cli-contacts-import-about"))
                .arg(positional("file", t!("cli-arg-vcard-file"))),
        )
        .subcommand(
            cmd("export", t!("cli-contacts-export-about"))
                .arg(positional("file", t!("cli-arg-vcard-file"))),
        );
    let drafts = cmd("drafts", t!("cli-drafts-about"))
        .after_help(t!("cli-without-command-lists"))
        .subcommand(cmd("list", t!("cli-drafts-list-about")))
        .subcommand(
            cmd("remove", t!("cli-drafts-remove-about"))
                .arg(positional("id", t!("cli-arg-draft-id")).required(true)),
        );
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
        .subcommand(outbox)
        .subcommand(contacts)
        .subcommand(drafts)
        .subcommand(settings);
    localize(root)
}

fn arg<'m>(m: &'m ArgMatches, name: &str) -> Option<&'m String> {
    m.get_one::<String>(name)
}

/// Reads one line (the password) from `stdin`, without its line ending.
fn read_password(stdin: &mut dyn Read) -> Result<Password, Failure> {
    let mut raw = Zeroizing::new(Vec::with_capacity(4096));
    stdin.read_to_end(&mut raw).map_err(|e| {
        Failure(t!(
            "account-error-password-read",
            reason = crate::report::io_error(&e)
        ))
    })?;
    let text = std::str::from_utf8(&raw).map_err(|_| {
        Failure(t!(
            "account-error-password-read",
            reason = t!("io-error-not-text")
        ))
    })?;
    let line = text.split('\n').next().unwrap_or("");
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.is_empty() {
        return Err(Failure(t!("account-error-password-empty")));
    }
    Ok(Password::new(line.to_string()))
}

fn paths() -> Result<Paths, Failure> {
    Paths::from_env().map_err(Failure::from)
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            Failure(t!(
                "cli-error-runtime",
                reason = crate::report::io_error(&e)
            ))
        })
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
        crate::fs::write_atomic(Path::new(path), transcript)
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
                reason = crate::report::io_error(&e)
            )
        );
    }
}
