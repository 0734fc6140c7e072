//! Discarded drafts: moved aside, not deleted, so a discard can be undone
//! for a few seconds; removed for good afterwards. One still aside at the
//! next start was discarded by a run that ended before its Undo ran out:
//! it is brought back.

use std::path::PathBuf;
use std::time::SystemTime;

use super::{Store, StoreError, io, valid_id};

/// The file in a discarded draft's folder whose modification time says
/// when it was discarded (a directory's own time may change on rename).
const DISCARDED_AT: &str = ".discarded";

impl Store {
    fn discarded_dir(&self, id: &str) -> PathBuf {
        self.dir("discarded").join(id)
    }

    /// Moves draft `id`, with its attachment copies, out of the drafts into
    /// `discarded/` (one rename: it is in one place or the other, never
    /// half in each), from where [`Store::restore_draft`] brings it back
    /// until [`Store::purge_discarded`] removes it. A draft that does not
    /// exist is nothing to discard.
    ///
    /// Errors: [`StoreError::Io`].
    pub fn discard_draft(&self, id: &str) -> Result<(), StoreError> {
        let from = self.draft_dir(id);
        if !valid_id(id) || !from.exists() {
            return Ok(());
        }
        let to = self.discarded_dir(id);
        let parent = self.dir("discarded");
        std::fs::create_dir_all(&parent).map_err(io(&parent))?;
        // An older discard of the same id (undone, then discarded again
        // from another window) gives way.
        let _ = std::fs::remove_dir_all(&to);
        std::fs::rename(&from, &to).map_err(io(&from))?;
        // When it was discarded; without it the folder's own time counts.
        let _ = std::fs::write(to.join(DISCARDED_AT), b"");
        Ok(())
    }

    /// Brings discarded draft `id` back into the drafts, as it was.
    ///
    /// Errors: [`StoreError::Io`] when it is gone (purged) or cannot be
    /// moved back.
    pub fn restore_draft(&self, id: &str) -> Result<(), StoreError> {
        let from = self.discarded_dir(id);
        if !valid_id(id) {
            return Err(io(&from)(std::io::ErrorKind::NotFound.into()));
        }
        let _ = std::fs::remove_file(from.join(DISCARDED_AT));
        let to = self.draft_dir(id);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::rename(&from, &to).map_err(io(&from))
    }

    /// Removes for good every discarded draft discarded before `before`.
    /// What cannot be removed stays for the next try.
    pub fn purge_discarded(&self, before: SystemTime) {
        let Ok(entries) = std::fs::read_dir(self.dir("discarded")) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            let at = std::fs::metadata(path.join(DISCARDED_AT))
                .or_else(|_| std::fs::metadata(&path))
                .and_then(|m| m.modified());
            if at.is_ok_and(|at| at < before) {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }

    /// Brings back every draft still in `discarded/` (one that is in the
    /// drafts already stays discarded); the ids brought back.
    pub fn restore_all_discarded(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.dir("discarded")) else {
            return Vec::new();
        };
        let mut back = Vec::new();
        for e in entries.flatten() {
            let id = e.file_name().to_string_lossy().into_owned();
            if valid_id(&id) && !self.draft_dir(&id).exists() && self.restore_draft(&id).is_ok() {
                back.push(id);
            }
        }
        back.sort();
        back
    }
}
