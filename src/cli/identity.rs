//! `koperta account identity add|list|remove`: the other senders an
//! account sends as, each with its name, address, Reply-To and signature.

use super::*;
use crate::account::Identity;

/// The identity of `account` that `key` names: its id, or its address
/// (case-insensitive).
pub(super) fn find_identity<'a>(account: &'a Account, key: &str) -> Option<&'a Identity> {
    account
        .identities
        .iter()
        .find(|i| i.id == key || i.address.eq_ignore_ascii_case(key.trim()))
}

pub(super) fn identity_add(
    m: &ArgMatches,
    mut file: ConfigFile,
    io: &mut Io<'_>,
) -> Result<(), Failure> {
    let key = arg(m, "id").cloned().unwrap_or_default();
    let account = resolve(&file, &key)?.clone();
    let mut identity = Identity::new(
        arg(m, "name").map(String::as_str).unwrap_or(""),
        arg(m, "email").map(String::as_str).unwrap_or(""),
    );
    identity.reply_to = arg(m, "reply-to").cloned().unwrap_or_default();
    identity.signature = arg(m, "signature")
        .map(|s| s.replace("\\n", "\n"))
        .unwrap_or_default();
    identity.signature_above_quote = m.get_flag("signature-above-quote");
    // Checked as a message from it would be.
    identity
        .check()
        .map_err(|p| Failure(crate::report::identity_problem(&identity, &p)))?;
    let (id, new) = (account.id.clone(), identity.clone());
    file.config = crate::config::update(file.path(), move |c| {
        if let Some(a) = c.accounts.iter_mut().find(|a| a.id == id) {
            a.identities.push(new);
        }
    })?;
    let _ = writeln!(
        io.stdout,
        "{}",
        t!(
            "identity-added",
            address = identity.address.as_str(),
            id = identity.id.as_str()
        )
    );
    Ok(())
}

pub(super) fn identity_list(
    m: &ArgMatches,
    file: &ConfigFile,
    io: &mut Io<'_>,
) -> Result<(), Failure> {
    let key = arg(m, "id").cloned().unwrap_or_default();
    let account = resolve(file, &key)?;
    for s in account.senders() {
        let mut line = format!(
            "{}\t{}",
            s.identity.unwrap_or("-"),
            crate::report::safe_line(&if s.name.is_empty() {
                s.address.to_string()
            } else {
                format!("{} <{}>", s.name, s.address)
            })
        );
        if !s.reply_to.is_empty() {
            line.push_str(&format!(
                "\t{}",
                t!(
                    "identity-reply-to",
                    address = crate::report::safe_line(s.reply_to)
                )
            ));
        }
        let _ = writeln!(io.stdout, "{line}");
    }
    Ok(())
}

pub(super) fn identity_remove(
    m: &ArgMatches,
    mut file: ConfigFile,
    io: &mut Io<'_>,
) -> Result<(), Failure> {
    let key = arg(m, "id").cloned().unwrap_or_default();
    let which = arg(m, "identity").cloned().unwrap_or_default();
    let account = resolve(&file, &key)?.clone();
    let Some(identity) = find_identity(&account, &which).cloned() else {
        return Err(Failure(t!(
            "identity-error-not-found",
            key = which.as_str()
        )));
    };
    let (id, gone) = (account.id.clone(), identity.id.clone());
    file.config = crate::config::update(file.path(), move |c| {
        if let Some(a) = c.accounts.iter_mut().find(|a| a.id == id) {
            a.identities.retain(|i| i.id != gone);
        }
    })?;
    let _ = writeln!(
        io.stdout,
        "{}",
        t!("identity-removed", address = identity.address.as_str())
    );
    Ok(())
}
