//! The From picker: every account's own sender, then its identities.

use crate::account::{Account, AccountId, Security};
use crate::t;

/// One account as the From picker shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromChoice {
    /// The account.
    pub id: AccountId,
    /// The identity of the account (`None`: the account's own name and
    /// address).
    pub identity: Option<String>,
    /// What the picker shows: the address and a mark for how it connects.
    pub label: String,
}

impl std::fmt::Display for FromChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// How the From picker names an account: the name recipients see and the
/// address (D24), marked when it sends without encryption (and, with
/// `never_plaintext`, that it will not send).
pub fn from_label(account: &Account, never_plaintext: bool) -> String {
    sender_label(account, account.sender(None), never_plaintext)
}

/// The From picker's entry for `sender`, one of `account`'s.
pub fn sender_label(
    account: &Account,
    sender: crate::account::Sender<'_>,
    never_plaintext: bool,
) -> String {
    let who = if sender.name.trim().is_empty() {
        sender.address.to_string()
    } else {
        format!("{} <{}>", sender.name.trim(), sender.address)
    };
    if account.security == Security::Plaintext && never_plaintext {
        format!("{who} — {}", crate::report::marks::blocked_mark(true))
    } else if account.security == Security::Plaintext {
        format!("{who} — {}", t!("mark-unsafe"))
    } else {
        who
    }
}
