//! `koperta account add|list|remove|test|discover`.

use super::*;
use crate::account;

pub(super) fn account_add(
    m: &ArgMatches,
    file: ConfigFile,
    io: &mut Io<'_>,
) -> Result<(), Failure> {
    let input = account::AccountInput {
        name: arg(m, "name").cloned().unwrap_or_default(),
        address: arg(m, "email").cloned().unwrap_or_default(),
        host: arg(m, "host").cloned().unwrap_or_default(),
        port: arg(m, "port").cloned().unwrap_or_default(),
        security: arg(m, "security")
            .and_then(|s| Security::parse(s))
            .unwrap_or(Security::ImplicitTls),
        username: arg(m, "username").cloned().unwrap_or_default(),
        ca_file: arg(m, "ca-file").map(std::path::PathBuf::from),
        pin_file: arg(m, "pin-cert").map(std::path::PathBuf::from),
        signature: arg(m, "signature").cloned().unwrap_or_default(),
        bcc_self: m.get_flag("bcc-self"),
        ..account::AccountInput::default()
    };
    let account = input.validate()?;
    ensure_can_add(&file, &account)?;
    if !m.get_flag("password-stdin") {
        return Err(Failure(t!("account-error-password-required")));
    }
    let password = read_password(io.stdin)?;
    // Saved as given, without signing in (msmtp's way).
    store_account(&file, account, password, false, io)
}

/// Checked before a password is asked for: the settings allow `account`
/// (never-plaintext, no duplicate) and config.toml can be written (a
/// damaged file is never replaced).
fn ensure_can_add(file: &ConfigFile, account: &Account) -> Result<(), Failure> {
    if let Err(e) = file.config.allows(account) {
        let mut text = e.localize();
        // Tryout 12 made a twin without a word and then could name neither.
        if let crate::config::PolicyError::Duplicate { id, .. } = &e {
            text = format!(
                "{text}\n{}",
                t!("account-error-duplicate-cli", id = id.as_str())
            );
        }
        return Err(Failure(text));
    }
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
/// the id, last. When it was saved without `signed_in`, says so first, and
/// how to check, so an unchecked password is never taken for a checked one.
fn store_account(
    file: &ConfigFile,
    account: Account,
    password: Password,
    signed_in: bool,
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
    if !signed_in {
        let id = account.id.as_str();
        let _ = writeln!(io.stderr, "{}", t!("account-added-not-checked", id = id));
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
pub(super) fn account_discover(
    m: &ArgMatches,
    file: ConfigFile,
    io: &mut Io<'_>,
) -> Result<(), Failure> {
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
            t!("discover-note-oauth-only", name = p.shown_name())
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
        return Err(Failure(t!("discover-error-oauth", name = p.shown_name())));
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
    // What was found goes through the same checks as what a person types
    // (a server's autoconfig could name a host that is no host name).
    let account = account::AccountInput {
        name: arg(m, "name").cloned().unwrap_or_default(),
        address: address.trim().to_string(),
        host: best.host.clone(),
        port: best.port.to_string(),
        security: best.security,
        username: best.username.clone(),
        ca_pem: discoverer.extra_ca_pem.clone(),
        ..account::AccountInput::default()
    }
    .validate()
    .map_err(|e| Failure(e.localize()))?;
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
    // Signed in to as it was found: through the same resolver.
    let env = crate::outbox::Environment {
        resolver: discoverer.resolver.clone(),
        ..crate::outbox::Environment::recording(&paths()?.data_dir)
    };
    rt.block_on(crate::outbox::test_with_password(
        &account,
        &password,
        &file.config.settings,
        &env,
        None,
    ))
    .map_err(|e| {
        let ca_file = arg(m, "ca-file").map(std::path::Path::new);
        Failure(crate::report::sign_in_error(&e, &account.host, ca_file))
    })?;
    let _ = writeln!(io.stdout, "{}", t!("test-ok"));
    if arg(m, "dns-server").is_some() {
        let _ = writeln!(
            io.stderr,
            "{}",
            t!("discover-dns-server-kept-not", host = account.host.as_str())
        );
    }
    store_account(&file, account, password, true, io)
}

pub(super) fn account_list(file: &ConfigFile, io: &mut Io<'_>) -> Result<(), Failure> {
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

pub(super) fn resolve<'c>(file: &'c ConfigFile, key: &str) -> Result<&'c Account, Failure> {
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

pub(super) fn account_remove(
    m: &ArgMatches,
    mut file: ConfigFile,
    io: &mut Io<'_>,
) -> Result<(), Failure> {
    let key = arg(m, "id").cloned().unwrap_or_default();
    let account = resolve(&file, &key)?.clone();
    let gone = account.id.clone();
    file.config = crate::config::update(file.path(), move |c| c.accounts.retain(|a| a.id != gone))?;
    // What was seen of its server goes with it.
    let mut waiting = 0;
    if let Ok(paths) = paths() {
        crate::checks::Checks::new(&paths.data_dir).forget(&account.id);
        let (queued, _) = crate::store::Store::new(&paths.data_dir).outbox();
        waiting = queued
            .iter()
            .filter(|m| m.sidecar.account == account.id)
            .count();
    }
    // Its messages in the outbox stay, unsent (tryout 31: nothing said so).
    if waiting > 0 {
        let _ = writeln!(
            io.stdout,
            "{}",
            t!("account-removed-outbox-kept", count = waiting)
        );
    }
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

pub(super) fn account_test(
    m: &ArgMatches,
    file: &ConfigFile,
    io: &mut Io<'_>,
) -> Result<(), Failure> {
    let key = arg(m, "id").cloned().unwrap_or_default();
    let account = resolve(file, &key)?.clone();
    let rt = runtime()?;
    let tap: std::sync::Arc<std::sync::Mutex<crate::smtp::transport::TapState>> =
        Default::default();
    let session = match rt.block_on(crate::outbox::open(
        &account,
        &file.config.settings,
        &crate::outbox::Environment::recording(&paths()?.data_dir),
        Some(tap.clone()),
    )) {
        Ok(s) => s,
        Err(e) => {
            let transcript = tap.lock().map(|t| t.transcript.clone()).unwrap_or_default();
            write_protocol_log(m, &transcript, io);
            return Err(Failure(crate::report::smtp_error(&e, &account.host)));
        }
    };
    let report = crate::outbox::TestReport {
        tls: session.tls.clone(),
        mechanism: session.mechanism.clone(),
        size_limit: session.size_limit(),
    };
    let transcript = session.transcript();
    rt.block_on(session.quit());
    write_protocol_log(m, &transcript, io);
    for line in crate::report::connection_test(&report) {
        let _ = writeln!(io.stdout, "{line}");
    }
    Ok(())
}
