//! `koperta account edit ID …`: changes an account's fields and, with
//! `--password-stdin`, its password in the keyring, keeping everything not
//! named. What the last sign-in check said is dropped when it no longer
//! holds (another password, user name, trust or server).

use super::*;
use crate::account::AccountInput;
use crate::checks::{self, Checks};

/// Applies the options given to the account named by `id` (an id or a
/// unique address).
///
/// Errors: an unknown or ambiguous account, an input problem, a setting
/// that refuses the result (never-plaintext, a duplicate), a damaged
/// config, or the keyring's.
pub(super) fn account_edit(
    m: &ArgMatches,
    file: ConfigFile,
    io: &mut Io<'_>,
) -> Result<(), Failure> {
    let key = arg(m, "id").cloned().unwrap_or_default();
    let old = resolve(&file, &key)?.clone();
    let input = changed_input(m, &old);
    let account = input.validate()?;
    file.config.allows(&account)?;
    if file.is_damaged() {
        return Err(crate::config::ConfigError::KeptDamaged {
            path: file.path().to_path_buf(),
        }
        .into());
    }
    let password = if m.get_flag("password-stdin") {
        Some(read_password(io.stdin)?)
    } else {
        None
    };
    let new_password = password.is_some();
    if account == old && !new_password {
        let _ = writeln!(io.stdout, "{}", t!("account-edit-nothing"));
        return Ok(());
    }
    save(&file, &account, password)?;
    let unchecked = !checks::survives_edit(&old, &account, new_password)
        || !checks::server_of(&old).eq(&checks::server_of(&account));
    if unchecked {
        Checks::new(&paths()?.data_dir).forget(&account.id);
    }
    if account.security == Security::Plaintext {
        let _ = writeln!(io.stderr, "{}", t!("warning-plaintext-account"));
    }
    let _ = writeln!(
        io.stdout,
        "{}",
        t!(
            "account-changed",
            address = account.address.as_str(),
            security = security_label(account.security),
            host = account.host.as_str(),
            port = account.port
        )
    );
    if unchecked {
        let _ = writeln!(
            io.stderr,
            "{}",
            t!("account-changed-not-checked", id = account.id.as_str())
        );
    }
    Ok(())
}

/// `old` as input, with each option given replacing its field. A new
/// security without a port moves a default port to the new default (465
/// and 587, RFC 8314 §3.3, RFC 6409 §3.1); a CA file replaces a pin and a
/// pin a CA, as only one of them can be kept.
fn changed_input(m: &ArgMatches, old: &Account) -> AccountInput {
    let mut input = AccountInput::editing(old);
    let set = |field: &mut String, name: &str| {
        if let Some(v) = arg(m, name) {
            *field = v.clone();
        }
    };
    set(&mut input.name, "name");
    set(&mut input.address, "email");
    set(&mut input.host, "host");
    set(&mut input.port, "port");
    set(&mut input.username, "username");
    set(&mut input.signature, "signature");
    if let Some(security) = arg(m, "security").and_then(|s| Security::parse(s)) {
        if arg(m, "port").is_none() && old.port == old.security.default_port() {
            input.port.clear();
        }
        input.security = security;
    }
    if let Some(path) = arg(m, "ca-file") {
        input.ca_file = Some(path.into());
        input.pinned_pem = None;
        input.ca_pem = None;
    }
    if let Some(path) = arg(m, "pin-cert") {
        input.pin_file = Some(path.into());
        input.ca_pem = None;
        input.pinned_pem = None;
    }
    if m.get_flag("no-extra-trust") {
        input.ca_pem = None;
        input.pinned_pem = None;
    }
    if m.get_flag("bcc-self") {
        input.bcc_self = true;
    }
    if m.get_flag("no-bcc-self") {
        input.bcc_self = false;
    }
    input
}

/// Writes the edited account under the config lock. A new password goes to
/// the keyring first; if the config then cannot be written, the old one
/// is put back, so the account and its password never disagree.
fn save(file: &ConfigFile, account: &Account, password: Option<Password>) -> Result<(), Failure> {
    let keyring = Keyring::default();
    let previous = match &password {
        Some(p) => {
            let previous = keyring.get(&account.id).ok();
            keyring.set(&account.id, p)?;
            previous
        }
        None => None,
    };
    drop(password);
    let edited = account.clone();
    let written = crate::config::update(file.path(), move |c| {
        if let Some(slot) = c.accounts.iter_mut().find(|a| a.id == edited.id) {
            *slot = edited;
        }
    });
    let kept = match &written {
        Ok(config) => config.accounts.iter().any(|a| a == account),
        Err(_) => false,
    };
    if !kept && let Some(previous) = previous {
        let _ = keyring.set(&account.id, &previous);
    }
    match written {
        Ok(_) if kept => Ok(()),
        Ok(_) => Err(Failure(t!(
            "account-error-not-found",
            key = account.id.as_str()
        ))),
        Err(e) => Err(e.into()),
    }
}
