//! `koperta contacts list|add|remove|import FILE|export FILE`: the address
//! book from the command line.

use super::*;
use crate::contacts::Contacts;

fn book_path() -> Result<std::path::PathBuf, Failure> {
    Ok(Contacts::path(&paths()?.data_dir))
}

fn failed(e: crate::contacts::ContactsError) -> Failure {
    Failure(e.localize())
}

pub(super) fn list(io: &mut Io<'_>) -> Result<(), Failure> {
    let book = Contacts::load(&book_path()?).map_err(failed)?;
    let all = book.list();
    if all.is_empty() {
        let _ = writeln!(io.stdout, "{}", t!("contacts-list-empty"));
    }
    for c in all {
        let _ = writeln!(io.stdout, "{}", crate::report::safe_line(&c.mailbox()));
    }
    Ok(())
}

pub(super) fn add(m: &ArgMatches, io: &mut Io<'_>) -> Result<(), Failure> {
    let address = arg(m, "address").cloned().unwrap_or_default();
    let name = arg(m, "name").cloned().unwrap_or_default();
    Contacts::update(&book_path()?, |book| book.add(&name, &address))
        .map_err(failed)?
        .map_err(failed)?;
    let _ = writeln!(
        io.stdout,
        "{}",
        t!(
            "contacts-added",
            address = crate::report::safe_line(&address)
        )
    );
    Ok(())
}

pub(super) fn remove(m: &ArgMatches, io: &mut Io<'_>) -> Result<(), Failure> {
    let address = arg(m, "address").cloned().unwrap_or_default();
    let shown = crate::report::safe_line(&address);
    if !Contacts::update(&book_path()?, |book| book.remove(&address)).map_err(failed)? {
        return Err(Failure(t!("contacts-not-found", address = shown)));
    }
    let _ = writeln!(io.stdout, "{}", t!("contacts-removed", address = shown));
    Ok(())
}

pub(super) fn import(m: &ArgMatches, io: &mut Io<'_>) -> Result<(), Failure> {
    let file = arg(m, "file").cloned().unwrap_or_default();
    let text = std::fs::read_to_string(&file).map_err(|e| {
        Failure(t!(
            "contacts-error-read",
            path = crate::report::safe_line(&file),
            reason = crate::report::io_error(&e)
        ))
    })?;
    let new = Contacts::update(&book_path()?, |book| book.import(&text))
        .map_err(failed)?
        .map_err(failed)?;
    let _ = writeln!(io.stdout, "{}", t!("contacts-imported", count = new));
    Ok(())
}

pub(super) fn export(m: &ArgMatches, io: &mut Io<'_>) -> Result<(), Failure> {
    let file = arg(m, "file").cloned().unwrap_or_default();
    let book = Contacts::load(&book_path()?).map_err(failed)?;
    crate::fs::write_atomic(Path::new(&file), book.export().as_bytes()).map_err(|e| {
        Failure(t!(
            "contacts-error-write",
            path = crate::report::safe_line(&file),
            reason = crate::report::io_error(&e)
        ))
    })?;
    let _ = writeln!(
        io.stdout,
        "{}",
        t!(
            "contacts-exported",
            count = book.list().len(),
            path = crate::report::safe_line(&file)
        )
    );
    Ok(())
}
