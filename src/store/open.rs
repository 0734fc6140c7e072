//! Which drafts are open in a window of the app: one locked file per open
//! draft in `open/` of the data dir (see DESIGN.md, Files).

use super::{Store, StoreError, try_lock, valid_id};

impl Store {
    /// Takes the lock that says draft `id` is open in a window of the app
    /// (`open/ID.lock` in the data dir; the command line will not remove a
    /// draft an open window would save again): `None` when another
    /// process holds it. Released when the file is dropped, also by a
    /// process that dies.
    ///
    /// Errors: [`StoreError::Io`].
    pub fn hold_draft(&self, id: &str) -> Result<Option<std::fs::File>, StoreError> {
        if !valid_id(id) {
            return Ok(None);
        }
        let dir = self.dir("open");
        try_lock(&dir, &dir.join(format!("{id}.lock")))
    }

    /// Gives up [`Store::hold_draft`]'s lock `held` on draft `id`: the lock
    /// file goes first, so a file left behind means a window that was
    /// still open when its app stopped.
    pub fn release_draft(&self, id: &str, held: std::fs::File) {
        if valid_id(id) {
            let _ = std::fs::remove_file(self.dir("open").join(format!("{id}.lock")));
        }
        drop(held);
    }

    /// The drafts that were open in a window when the app last stopped
    /// without closing it (killed, crashed, the session ended): their lock
    /// files are left and no process holds them. Each lock file is
    /// removed; the ids whose draft is still there are returned.
    pub fn drafts_left_open(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.dir("open")) else {
            return Vec::new();
        };
        let mut ids = Vec::new();
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(id) = name.strip_suffix(".lock").filter(|id| valid_id(id)) else {
                continue;
            };
            if let Ok(Some(free)) = self.hold_draft(id) {
                if self.draft_dir(id).join("draft.toml").exists() {
                    ids.push(id.to_string());
                }
                self.release_draft(id, free);
            }
        }
        ids.sort();
        ids
    }

    /// Whether draft `id` is open in a window of a running app (another
    /// process holds [`Store::hold_draft`]'s lock).
    ///
    /// Errors: [`StoreError::Io`].
    pub fn draft_is_open(&self, id: &str) -> Result<bool, StoreError> {
        if !valid_id(id) {
            return Ok(false);
        }
        match self.hold_draft(id)? {
            Some(_free) => {
                let _ = std::fs::remove_file(self.dir("open").join(format!("{id}.lock")));
                Ok(false)
            }
            None => Ok(true),
        }
    }
}
