//! The address book: names and addresses, learned from every message
//! sent (the display name kept) and edited by hand, suggested while a
//! recipient is typed, and read from and written to vCard 4.0 files
//! ([`vcard`], RFC 6350).
//!
//! Kept in `contacts.toml` in the data dir, written atomically; a
//! damaged file is reported with its path and never overwritten.

pub mod vcard;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One contact: a display name (empty when none is known) and one
/// address, with how often and when it was last used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The display name, as the person wrote it (may be empty).
    #[serde(default)]
    pub name: String,
    /// The address (`local@domain`, the domain in Unicode as typed).
    pub address: String,
    /// How many sent messages went to it.
    #[serde(default)]
    pub uses: u32,
    /// When a message last went to it (Unix seconds; 0: never).
    #[serde(default)]
    pub last_used: u64,
}

impl Contact {
    /// The contact as a recipient field takes it: `Name <address>`, the
    /// name quoted when it holds a character that would split it (a
    /// comma, a semicolon, a quote, angle brackets; RFC 5322 §3.2.3), or
    /// the bare address when there is no name.
    pub fn mailbox(&self) -> String {
        let name = self.name.trim();
        if name.is_empty() {
            return self.address.clone();
        }
        let specials = name.contains([',', ';', '"', '<', '>', '@', ':', '(', ')', '[', ']', '\\']);
        if specials {
            let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
            format!("\"{escaped}\" <{}>", self.address)
        } else {
            format!("{name} <{}>", self.address)
        }
    }

    /// Whether `typed` (already folded, [`fold`]) starts any word of the
    /// name or of the address, the address or its domain.
    fn matches(&self, typed: &str) -> bool {
        words(&self.name)
            .chain(words(&self.address))
            .any(|w| w.starts_with(typed))
            || fold(&self.address).starts_with(typed)
            || self
                .address
                .rsplit_once('@')
                .is_some_and(|(_, domain)| fold(domain).starts_with(typed))
    }

    /// How high it ranks: uses, halved for every 30 days since the last.
    fn rank(&self, now: u64) -> f64 {
        let days = now.saturating_sub(self.last_used) as f64 / 86_400.0;
        f64::from(self.uses.max(1)) * 0.5f64.powf(days / 30.0)
    }
}

/// Lower case without diacritics, so "zolk" finds "Żółkiewska" (ł, which
/// Unicode does not decompose, becomes l).
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ł' { 'l' } else { c })
        .collect()
}

/// The folded words of `text`: split at spaces and at the signs inside
/// addresses (`.`, `@`, `-`, `_`, `+`).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || matches!(c, '.' | '@' | '-' | '_' | '+' | '"'))
        .filter(|w| !w.is_empty())
        .map(fold)
}

/// Why the address book could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ContactsError {
    /// Reading or writing `path` failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// `path` is not a valid address book (it is kept as it is).
    #[error("{path}: {detail}")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// The parser's message.
        detail: String,
    },
    /// A vCard file could not be read as vCard 4.0 (RFC 6350).
    #[error("not a vCard file: {detail}")]
    NotVcard {
        /// The parser's message.
        detail: String,
    },
    /// The address is not a valid address.
    #[error("not a valid address: {address}")]
    BadAddress {
        /// What was given.
        address: String,
    },
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    #[serde(default, rename = "contact")]
    contacts: Vec<Contact>,
}

/// The address book of one data dir.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contacts {
    list: Vec<Contact>,
}

impl Contacts {
    /// The file the address book of data dir `data_dir` is kept in.
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("contacts.toml")
    }

    /// Reads the address book at `path`; none yet is an empty one.
    ///
    /// Errors: [`ContactsError::Io`], [`ContactsError::Damaged`].
    pub fn load(path: &Path) -> Result<Contacts, ContactsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Contacts::default()),
            Err(source) => {
                return Err(ContactsError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let file: File = toml::from_str(&text).map_err(|e| ContactsError::Damaged {
            path: path.to_path_buf(),
            detail: e.message().to_string(),
        })?;
        Ok(Contacts {
            list: file.contacts,
        })
    }

    /// Writes it to `path` atomically.
    ///
    /// Errors: [`ContactsError::Io`].
    pub fn save(&self, path: &Path) -> Result<(), ContactsError> {
        let text = toml::to_string(&File {
            contacts: self.list.clone(),
        })
        .unwrap_or_default();
        crate::fs::write_atomic(path, text.as_bytes()).map_err(|source| ContactsError::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Reads the book at `path`, changes it with `change`, and writes it
    /// back; returns what `change` returned.
    ///
    /// Errors: those of [`Contacts::load`] and [`Contacts::save`].
    pub fn update<T>(
        path: &Path,
        change: impl FnOnce(&mut Contacts) -> T,
    ) -> Result<T, ContactsError> {
        let mut book = Contacts::load(path)?;
        let out = change(&mut book);
        book.save(path)?;
        Ok(out)
    }

    /// The contacts, sorted by the name shown (the address for one with no
    /// name), letters compared without their accents, then by address.
    pub fn list(&self) -> Vec<&Contact> {
        let mut all: Vec<&Contact> = self.list.iter().collect();
        // By the name shown: the address for a contact with no name (they
        // came first, before every "A", in tryout 20).
        let shown = |c: &Contact| {
            if c.name.trim().is_empty() {
                fold(&c.address)
            } else {
                fold(c.name.trim())
            }
        };
        all.sort_by(|a, b| {
            shown(a)
                .cmp(&shown(b))
                .then_with(|| a.address.cmp(&b.address))
        });
        all
    }

    fn find_mut(&mut self, address: &str) -> Option<&mut Contact> {
        self.list
            .iter_mut()
            .find(|c| c.address.eq_ignore_ascii_case(address))
    }

    /// Adds `address` with `name`, or renames it when it is there
    /// already. The address is checked as a recipient is.
    ///
    /// Errors: [`ContactsError::BadAddress`].
    pub fn add(&mut self, name: &str, address: &str) -> Result<(), ContactsError> {
        let address = checked(address)?;
        let name = crate::address::clean_name(name);
        match self.find_mut(&address) {
            Some(c) => c.name = name,
            None => self.list.push(Contact {
                name,
                address,
                uses: 0,
                last_used: 0,
            }),
        }
        Ok(())
    }

    /// Changes contact `original` to `name` and `address` (what the
    /// Contacts view's form saves): how often and when it was used stay
    /// with it; when `address` is another contact's already, the two
    /// become one. `original` gone meanwhile: added as new.
    ///
    /// Errors: [`ContactsError::BadAddress`] (nothing changes).
    pub fn edit(&mut self, original: &str, name: &str, address: &str) -> Result<(), ContactsError> {
        let address = checked(address)?;
        let name = crate::address::clean_name(name);
        let old = self
            .list
            .iter()
            .position(|c| c.address.eq_ignore_ascii_case(original))
            .map(|i| self.list.remove(i));
        let (uses, last_used) = old.map_or((0, 0), |c| (c.uses, c.last_used));
        match self.find_mut(&address) {
            Some(c) => {
                c.name = name;
                c.address = address;
                c.uses = c.uses.saturating_add(uses);
                c.last_used = c.last_used.max(last_used);
            }
            None => self.list.push(Contact {
                name,
                address,
                uses,
                last_used,
            }),
        }
        Ok(())
    }

    /// Removes `address`; whether it was there.
    pub fn remove(&mut self, address: &str) -> bool {
        let before = self.list.len();
        self.list
            .retain(|c| !c.address.eq_ignore_ascii_case(address));
        self.list.len() != before
    }

    /// A message went to `recipients` (display name, if any, and
    /// address) at `now` (Unix seconds): each is counted, added when new,
    /// and given the name it was written with (a name kept is never
    /// replaced by none).
    pub fn learn(&mut self, recipients: &[(Option<String>, String)], now: u64) {
        for (name, address) in recipients {
            let name = name
                .as_deref()
                .map(crate::address::clean_name)
                .filter(|n| !n.trim().is_empty());
            match self.find_mut(address) {
                Some(c) => {
                    c.uses = c.uses.saturating_add(1);
                    c.last_used = c.last_used.max(now);
                    if let Some(name) = name {
                        c.name = name;
                    }
                }
                None => self.list.push(Contact {
                    name: name.unwrap_or_default(),
                    address: address.clone(),
                    uses: 1,
                    last_used: now,
                }),
            }
        }
    }

    /// The contacts whose name or address has a word starting with
    /// `typed` (case and diacritics aside), best first: used most, and
    /// most recently (at `now`, Unix seconds); at most `limit`.
    pub fn suggest(&self, typed: &str, now: u64, limit: usize) -> Vec<&Contact> {
        let typed = fold(typed.trim());
        if typed.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<&Contact> = self.list.iter().filter(|c| c.matches(&typed)).collect();
        found.sort_by(|a, b| {
            b.rank(now)
                .total_cmp(&a.rank(now))
                .then_with(|| a.address.cmp(&b.address))
        });
        found.truncate(limit);
        found
    }

    /// Adds the contacts of a vCard file's `text` (RFC 6350): each
    /// address of each card with the card's name; returns how many were
    /// new.
    ///
    /// Errors: [`ContactsError::NotVcard`].
    pub fn import(&mut self, text: &str) -> Result<usize, ContactsError> {
        let mut new = 0;
        for (name, address) in vcard::read(text)? {
            let Ok(address) = checked(&address) else {
                continue;
            };
            if self.find_mut(&address).is_none() {
                new += 1;
            }
            self.add(&name, &address)?;
        }
        Ok(new)
    }

    /// The whole book as a vCard 4.0 file (RFC 6350), sorted as
    /// [`Contacts::list`].
    pub fn export(&self) -> String {
        vcard::write(self.list().into_iter())
    }
}

/// The recipients of a message: each address of its envelope
/// (`rcpt_to`), with the display name the To or Cc header of the `.eml`
/// at `eml` gives it (RFC 5322 §3.4; only the header is read, at most
/// 256 KiB). A Bcc recipient, or an unreadable file, gives no name.
pub fn recipients_of(eml: &Path, rcpt_to: &[String]) -> Vec<(Option<String>, String)> {
    use std::io::Read;
    let mut head = Vec::new();
    if let Ok(f) = crate::fs::open_regular(eml) {
        let _ = f.take(256 * 1024).read_to_end(&mut head);
    }
    if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
        head.truncate(end + 4);
    }
    let mut named: Vec<(String, String)> = Vec::new();
    if let Some(m) = mail_parser::MessageParser::default().parse_headers(&head) {
        for list in [m.to(), m.cc()].into_iter().flatten() {
            for a in list.iter() {
                if let (Some(name), Some(address)) = (a.name(), a.address()) {
                    named.push((address.to_lowercase(), name.to_string()));
                }
            }
        }
    }
    rcpt_to
        .iter()
        .map(|r| {
            let shown = crate::address::display_form(r);
            let name = named
                .iter()
                .find(|(a, _)| a.eq_ignore_ascii_case(r) || a.eq_ignore_ascii_case(&shown))
                .map(|(_, n)| n.clone());
            (name, shown)
        })
        .collect()
}

/// `address` checked as a recipient is, as it is written back (the
/// domain as typed).
fn checked(address: &str) -> Result<String, ContactsError> {
    match crate::address::parse_mailbox(address.trim()) {
        Ok(m) if m.name.is_none() => Ok(format!("{}@{}", m.local, m.domain)),
        _ => Err(ContactsError::BadAddress {
            address: address.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: u64 = 86_400;

    fn book() -> Contacts {
        let mut c = Contacts::default();
        let now = 1_800_000_000;
        c.learn(
            &[(Some("Anna Nowak".into()), "anna@example.pl".into())],
            now - 90 * DAY,
        );
        for _ in 0..3 {
            c.learn(
                &[(Some("Adam Nowakowski".into()), "adam@example.pl".into())],
                now - 2 * DAY,
            );
        }
        c.learn(
            &[(Some("Zofia Żółkiewska".into()), "zofia@example.pl".into())],
            now,
        );
        c.learn(&[(None, "nowy@example.pl".into())], now);
        c
    }

    /// Tryout 20: contacts with no name came first, before every "A".
    #[test]
    fn contacts_are_listed_by_the_name_shown_an_address_for_one_without_a_name() {
        let book = book();
        let shown: Vec<&str> = book
            .list()
            .iter()
            .map(|c| {
                if c.name.is_empty() {
                    c.address.as_str()
                } else {
                    c.name.as_str()
                }
            })
            .collect();
        assert_eq!(
            shown,
            [
                "Adam Nowakowski",
                "Anna Nowak",
                "nowy@example.pl",
                "Zofia Żółkiewska"
            ]
        );
    }

    #[test]
    fn an_edited_contact_keeps_its_uses_and_merges_with_one_at_its_new_address() {
        let mut c = book();
        c.edit(
            "adam@example.pl",
            "Adam Nowakowski-Kowalski",
            "adam@nowy.pl",
        )
        .unwrap();
        let adam = c
            .list()
            .into_iter()
            .find(|x| x.address == "adam@nowy.pl")
            .cloned();
        assert_eq!(adam.as_ref().map(|a| a.uses), Some(3));
        assert_eq!(
            adam.map(|a| a.name).as_deref(),
            Some("Adam Nowakowski-Kowalski")
        );
        assert!(c.list().iter().all(|x| x.address != "adam@example.pl"));
        // Onto Anna's address: one contact, the uses added up.
        c.edit("adam@nowy.pl", "Anna Nowak", "anna@example.pl")
            .unwrap();
        let annas: Vec<_> = c
            .list()
            .into_iter()
            .filter(|x| x.address == "anna@example.pl")
            .collect();
        assert_eq!(annas.len(), 1);
        assert_eq!(annas[0].uses, 4);
        // A bad address changes nothing.
        let before = c.clone();
        assert!(c.edit("anna@example.pl", "Anna", "anna").is_err());
        assert_eq!(c, before);
    }

    #[test]
    fn suggestions_match_any_word_of_the_name_or_address_best_first() {
        let c = book();
        let now = 1_800_000_000;
        let names = |typed: &str| -> Vec<String> {
            c.suggest(typed, now, 5)
                .iter()
                .map(|c| c.address.clone())
                .collect()
        };
        // "nowak" finds both, the one used more and lately first.
        assert_eq!(names("nowak"), ["adam@example.pl", "anna@example.pl"]);
        assert_eq!(
            names("NOW"),
            ["adam@example.pl", "nowy@example.pl", "anna@example.pl"]
        );
        // Diacritics aside, and the address's words too.
        assert_eq!(names("zolk"), ["zofia@example.pl"]);
        assert_eq!(names("żółk"), ["zofia@example.pl"]);
        assert_eq!(names("example"), names("example.pl"));
        assert!(names("owak").is_empty(), "word starts only");
    }

    #[test]
    fn learning_keeps_the_name_given_and_never_drops_it_for_none() {
        let mut c = book();
        c.learn(&[(None, "ANNA@example.pl".into())], 1_800_000_100);
        let anna = c
            .list()
            .into_iter()
            .find(|x| x.address == "anna@example.pl")
            .cloned();
        assert_eq!(
            anna,
            Some(Contact {
                name: "Anna Nowak".into(),
                address: "anna@example.pl".into(),
                uses: 2,
                last_used: 1_800_000_100,
            })
        );
        assert_eq!(
            anna.map(|a| a.mailbox()),
            Some("Anna Nowak <anna@example.pl>".into())
        );
        let mut quoted = Contacts::default();
        quoted.add("Kowalski, Jan", "jan@example.com").unwrap();
        assert_eq!(
            quoted.list()[0].mailbox(),
            "\"Kowalski, Jan\" <jan@example.com>"
        );
        assert!(quoted.add("X", "nie adres").is_err());
    }

    #[test]
    fn a_damaged_book_is_reported_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = Contacts::path(dir.path());
        std::fs::write(&path, "[[contact]\nname = ").unwrap();
        assert!(matches!(
            Contacts::load(&path),
            Err(ContactsError::Damaged { .. })
        ));
        assert!(Contacts::update(&path, |c| c.remove("x@y.pl")).is_err());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "[[contact]\nname = "
        );
    }
}
