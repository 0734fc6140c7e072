//! Identities: the other names and addresses an account sends as, each
//! with its own signature and Reply-To (as Thunderbird's identities).
//!
//! The account's own name, address and signature are its first identity
//! (no id); [`Account::sender`] gives the one a message uses.

use serde::{Deserialize, Serialize};

use super::Account;

/// One more sender an account sends as.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Identity {
    /// Stable id within the account (a message's draft names it).
    pub id: String,
    /// The name shown in `From` (may be empty).
    pub name: String,
    /// The address in `From` and in the envelope's MAIL FROM.
    pub address: String,
    /// Where replies should go (`Reply-To`, RFC 5322 §3.6.2); empty for
    /// none.
    pub reply_to: String,
    /// Its signature (any number of lines).
    pub signature: String,
    /// In a reply, the signature goes above the quoted text (else at the
    /// end of the message).
    pub signature_above_quote: bool,
}

impl Identity {
    /// A new identity with a fresh id.
    pub fn new(name: &str, address: &str) -> Identity {
        Identity {
            id: format!("{:08x}", rand::random::<u32>()),
            name: name.trim().to_string(),
            address: address.trim().to_string(),
            ..Identity::default()
        }
    }
}

/// What is wrong with an identity: which address, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentityProblem {
    /// The address (`From`, MAIL FROM) is not one.
    Address(crate::address::AddressError),
    /// The Reply-To address is given and is not one.
    ReplyTo(crate::address::AddressError),
}

impl Identity {
    /// Checks the addresses as a message from the identity would
    /// (RFC 5322 §3.4 mailboxes; an empty Reply-To is none).
    ///
    /// # Errors
    /// [`IdentityProblem`] for the first address that is not one.
    pub fn check(&self) -> Result<(), IdentityProblem> {
        crate::address::parse_mailbox(&self.address).map_err(IdentityProblem::Address)?;
        if !self.reply_to.trim().is_empty() {
            crate::address::parse_mailbox(&self.reply_to).map_err(IdentityProblem::ReplyTo)?;
        }
        Ok(())
    }
}

/// The sender a message goes out as: the account's own, or one of its
/// identities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sender<'a> {
    /// The identity's id; `None` for the account's own.
    pub identity: Option<&'a str>,
    /// The name in `From`.
    pub name: &'a str,
    /// The address in `From` and MAIL FROM.
    pub address: &'a str,
    /// The `Reply-To` address, or empty.
    pub reply_to: &'a str,
    /// The signature.
    pub signature: &'a str,
    /// The signature goes above a quote.
    pub signature_above_quote: bool,
}

impl Account {
    /// The sender `identity` names (the account's own for `None`, and
    /// for an id the account no longer has).
    pub fn sender(&self, identity: Option<&str>) -> Sender<'_> {
        match identity.and_then(|id| self.identities.iter().find(|i| i.id == id)) {
            Some(i) => Sender {
                identity: Some(&i.id),
                name: &i.name,
                address: &i.address,
                reply_to: &i.reply_to,
                signature: &i.signature,
                signature_above_quote: i.signature_above_quote,
            },
            None => Sender {
                identity: None,
                name: &self.name,
                address: &self.address,
                reply_to: "",
                signature: &self.signature,
                signature_above_quote: false,
            },
        }
    }

    /// Every sender of the account: its own first, then its identities.
    pub fn senders(&self) -> Vec<Sender<'_>> {
        std::iter::once(self.sender(None))
            .chain(self.identities.iter().map(|i| self.sender(Some(&i.id))))
            .collect()
    }
}

/// `body` with `signature`'s block (see [`crate::draft::signature_block`])
/// put in: above the first quoted line (`>`) when `above_quote` and there
/// is one, else at the end.
pub fn place_signature(body: &str, signature: &str, above_quote: bool) -> String {
    let block = crate::draft::signature_block(signature);
    if above_quote {
        let mut at = 0;
        for line in body.split_inclusive('\n') {
            if line.starts_with('>') {
                let (before, quote) = body.split_at(at);
                return format!("{}{}\n\n{quote}", before.trim_end(), block);
            }
            at += line.len();
        }
    }
    format!("{body}{block}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sender_is_the_identity_named_or_the_accounts_own() {
        let mut a = Account {
            name: "Zofia".into(),
            address: "zofia@example.com".into(),
            signature: "Z.".into(),
            ..Account::default()
        };
        let mut i = Identity::new("Biuro Koperta", "biuro@example.com");
        i.reply_to = "pomoc@example.com".into();
        let id = i.id.clone();
        a.identities.push(i);
        assert_eq!(a.sender(None).address, "zofia@example.com");
        let s = a.sender(Some(&id));
        assert_eq!(
            (s.name, s.address, s.reply_to),
            ("Biuro Koperta", "biuro@example.com", "pomoc@example.com")
        );
        assert_eq!(a.sender(Some("gone")).address, "zofia@example.com");
        assert_eq!(a.senders().len(), 2);
    }

    #[test]
    fn a_signature_goes_above_the_quote_or_at_the_end() {
        let body = "Dziękuję!\n\n> Czy przyjdziesz?\n";
        assert_eq!(
            place_signature(body, "Z.", true),
            "Dziękuję!\n\n-- \nZ.\n\n> Czy przyjdziesz?\n"
        );
        assert_eq!(
            place_signature(body, "Z.", false),
            format!("{body}\n\n-- \nZ.")
        );
        assert_eq!(place_signature("Tekst", "Z.", true), "Tekst\n\n-- \nZ.");
    }
}
