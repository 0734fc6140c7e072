//! What a compose window tells the person: its notices and why the last
//! attempt failed, each translated when drawn where it can be.

use crate::t;

/// A message for the person in the window: one of Koperta's own, drawn in
/// the language of the moment (switching the language changes it), or a
/// text made already (a reason from the store or the network, translated
/// when it was made).
#[derive(Debug, Clone)]
pub enum Notice {
    /// Koperta's own message, translated each time it is drawn.
    Said(fn() -> String),
    /// A status of Koperta's own that clears itself after a few seconds,
    /// as the main window's toasts do (tryout 14 saw "undone" stay).
    Toast(fn() -> String, std::time::Instant),
    /// A text made already.
    Text(String),
    /// Why a path typed beside Attach could not be attached: it goes when
    /// the field is emptied (a tryout saw it stay under an empty field).
    AboutPath(String),
}

impl Notice {
    /// A toast saying `say`, from now.
    pub fn toast(say: fn() -> String) -> Notice {
        Notice::Toast(say, std::time::Instant::now())
    }

    /// The text to show now.
    pub fn text(&self) -> String {
        match self {
            Notice::Said(say) | Notice::Toast(say, _) => say(),
            Notice::Text(text) | Notice::AboutPath(text) => text.clone(),
        }
    }
}

/// Why the last attempt failed: the outbox's failure, translated each time
/// it is drawn (switching the language changes it, as in the Outbox), or
/// a text made already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// The outbox engine's failure, and when the outbox tries again on
    /// its own (Unix seconds), if it does.
    Failure(Box<crate::outbox::Failure>, Option<u64>),
    /// A reason translated when it was made.
    Text(String),
}

impl Why {
    /// The reason to show now.
    pub fn text(&self) -> String {
        use crate::report::Localize;
        match self {
            // What happens next too (a fifth tryout did not know the
            // outbox would try again).
            Why::Failure(f, next_try) => {
                let next = match next_try {
                    // Its time is past: it goes at the outbox's next look
                    // (a tryout saw a retry time long gone).
                    Some(at) if *at <= crate::outbox::now() => t!("compose-next-try-soon"),
                    Some(at) => t!(
                        "compose-next-try",
                        time = crate::report::outbox::local_time(*at)
                    ),
                    None => crate::report::outbox::next_step(f),
                };
                format!("{}\n{next}", f.localize())
            }
            Why::Text(t) => t.clone(),
        }
    }
}
