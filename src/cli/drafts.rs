//! `koperta drafts list|remove ID`: the drafts the app keeps (typed and
//! not sent, autosaved), from the command line.

use super::*;
use crate::store::Store;

fn store() -> Result<Store, Failure> {
    Ok(Store::new(&paths()?.data_dir))
}

/// Lists every draft, newest first: its id, when it was last saved, its
/// subject, and its recipients; a draft whose message waits in the outbox
/// says so. A draft that cannot be read is named on standard error.
pub(super) fn list(io: &mut Io<'_>) -> Result<(), Failure> {
    let store = store()?;
    let (mut drafts, bad) = store.drafts();
    for e in bad {
        let _ = writeln!(io.stderr, "{}", e.localize());
    }
    if drafts.is_empty() {
        let _ = writeln!(io.stdout, "{}", t!("drafts-list-empty"));
        return Ok(());
    }
    let saved: std::collections::HashMap<String, u64> = drafts
        .iter()
        .filter_map(|(id, _)| store.draft_saved_at(id).map(|at| (id.clone(), at)))
        .collect();
    drafts.sort_by_key(|(id, _)| std::cmp::Reverse(saved.get(id).copied().unwrap_or(0)));
    let (queued, _) = store.outbox();
    for (id, d) in drafts {
        let subject = if d.subject.trim().is_empty() {
            t!("main-no-subject")
        } else {
            crate::report::safe_line(&d.subject)
        };
        let time = saved
            .get(&id)
            .map(|at| crate::report::outbox::local_time(*at))
            .unwrap_or_default();
        let _ = writeln!(
            io.stdout,
            "{}",
            t!(
                "drafts-list-entry",
                id = id.as_str(),
                time = time,
                subject = subject
            )
        );
        let recipients: Vec<&str> = [d.to.as_str(), d.cc.as_str(), d.bcc.as_str()]
            .into_iter()
            .flat_map(|f| f.split([',', ';']))
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .collect();
        let recipients = if recipients.is_empty() {
            t!("drafts-list-no-recipients")
        } else {
            crate::report::safe_line(&recipients.join(", "))
        };
        let _ = writeln!(
            io.stdout,
            "{}",
            t!("drafts-list-recipients", recipients = recipients)
        );
        if queued
            .iter()
            .any(|m| m.sidecar.draft.as_deref() == Some(id.as_str()))
        {
            let _ = writeln!(io.stdout, "{}", t!("drafts-list-queued"));
        }
    }
    Ok(())
}

/// Deletes draft `ID` and its attachment copies (a message queued from it
/// stays in the outbox).
///
/// Errors: no such draft; the files cannot be removed.
pub(super) fn remove(m: &ArgMatches, io: &mut Io<'_>) -> Result<(), Failure> {
    let id = arg(m, "id").cloned().unwrap_or_default();
    let store = store()?;
    let shown = crate::report::safe_line(&id);
    match store.draft(&id) {
        Ok(Some(_)) => {}
        // A damaged draft is removed too: asked for by its id.
        Err(crate::store::StoreError::Damaged { .. }) => {}
        Ok(None) => return Err(Failure(t!("drafts-not-found", id = shown))),
        Err(e) => return Err(Failure(e.localize())),
    }
    // An open window would save it again (tryout 20: "removed", then
    // back at the next autosave).
    if store
        .draft_is_open(&id)
        .map_err(|e| Failure(e.localize()))?
    {
        return Err(Failure(t!("drafts-open-in-app", id = shown)));
    }
    store.delete_draft(&id).map_err(|e| Failure(e.localize()))?;
    let _ = writeln!(io.stdout, "{}", t!("drafts-removed", id = shown));
    Ok(())
}
