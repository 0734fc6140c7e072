//! vCard 4.0 files (RFC 6350) with the `vcard4` crate: a card's FN
//! (§6.2.1) is the contact's name, each EMAIL (§6.4.2) one address.

use super::{Contact, ContactsError};

/// The (name, address) pairs of every card in `text`: one per EMAIL,
/// with the card's first FN. Cards without an address are skipped.
///
/// Errors: [`ContactsError::NotVcard`] when `text` is not vCard 4.0.
pub fn read(text: &str) -> Result<Vec<(String, String)>, ContactsError> {
    let cards = vcard4::parse_loose(text).map_err(|e| ContactsError::NotVcard {
        detail: e.to_string(),
    })?;
    let mut out = Vec::new();
    for card in cards {
        let name = card
            .formatted_name
            .first()
            .map(|f| f.value.trim().to_string())
            .unwrap_or_default();
        for email in &card.email {
            let address = email.value.trim();
            if !address.is_empty() {
                // A card named by its address alone has no name.
                let name = if name.eq_ignore_ascii_case(address) {
                    String::new()
                } else {
                    name.clone()
                };
                out.push((name, address.to_string()));
            }
        }
    }
    Ok(out)
}

/// `contacts` as a vCard 4.0 file: one card per contact, its FN the name
/// (the address when there is none, FN being required: §6.2.1) and one
/// EMAIL. Lines end in CRLF and are folded at 75 octets (§3.2).
pub fn write<'a>(contacts: impl Iterator<Item = &'a Contact>) -> String {
    contacts
        .map(|c| {
            let name = if c.name.trim().is_empty() {
                c.address.clone()
            } else {
                c.name.clone()
            };
            vcard4::VcardBuilder::new(name)
                .email(c.address.clone())
                .finish()
                .to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::Contacts;

    #[test]
    fn polish_names_round_trip_through_a_vcard_file() {
        let file = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zofia Żółkiewska\r\nEMAIL:zofia@example.pl\r\n\
EMAIL:z.zolkiewska@praca.example.pl\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\n\
FN:Grzegorz Brzęczyszczykiewicz\r\nEMAIL:grzes@example.pl\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bez adresu\r\nEND:VCARD\r\n";
        let mut book = Contacts::default();
        assert_eq!(book.import(file).unwrap(), 3);
        let out = book.export();
        let mut again = Contacts::default();
        assert_eq!(again.import(&out).unwrap(), 3);
        assert_eq!(again.export(), out, "stable after a round trip");
        assert!(out.contains("FN:Grzegorz Brzęczyszczykiewicz\r\n"), "{out}");
        assert!(book.import("to nie jest vCard").is_err());
    }
}
