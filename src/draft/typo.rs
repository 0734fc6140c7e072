//! A recipient's domain that looks like a well-known one mistyped
//! ("gmial.com" for "gmail.com", "wp.ol" for "wp.pl"): asked about before
//! sending, since the server takes such an address and the bounce comes
//! later, if at all.

/// Well-known mail domains beyond the bundled providers' (those are
/// added): the big free services people write to most, Polish and
/// international.
const MORE: &[&str] = &[
    "onet.pl",
    "op.pl",
    "interia.pl",
    "interia.eu",
    "poczta.fm",
    "vp.pl",
    "gazeta.pl",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "yahoo.com",
    "aol.com",
    "gmx.de",
    "gmx.net",
    "web.de",
];

/// The bundled providers' domains and [`MORE`], read once.
static KNOWN: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let providers = crate::discover::providers::Providers::bundled();
    providers
        .domains()
        .chain(MORE.iter().copied())
        .map(str::to_string)
        .collect()
});

/// The well-known domain `domain` (an address's domain, any case) looks
/// like a slip of: one letter wrong, missing, added or two swapped
/// (Damerau–Levenshtein distance 1), for a domain of 5 characters or more;
/// or two, for 10 or more. `None` for a domain that is well known itself,
/// or like none.
pub fn likely_meant(domain: &str) -> Option<String> {
    let domain = domain.trim().trim_end_matches('.').to_lowercase();
    let known = &*KNOWN;
    if domain.chars().count() < 5 || known.contains(&domain) {
        return None;
    }
    let allowed = if domain.chars().count() >= 10 { 2 } else { 1 };
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&domain, k), k))
        .filter(|(d, _)| (1..=allowed).contains(d))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_of_well_known_domains_are_caught_and_real_ones_left_alone() {
        assert_eq!(likely_meant("gmial.com").as_deref(), Some("gmail.com"));
        assert_eq!(likely_meant("gmail.co").as_deref(), Some("gmail.com"));
        assert_eq!(likely_meant("wp.ol").as_deref(), Some("wp.pl"));
        assert_eq!(likely_meant("intreia.pl").as_deref(), Some("interia.pl"));
        assert_eq!(likely_meant("hotmial.con").as_deref(), Some("hotmail.com"));
        for real in [
            "gmail.com",
            "wp.pl",
            "o2.pl",
            "op.pl",
            "GMAIL.COM",
            "example.com",
            "uw.edu.pl",
        ] {
            assert_eq!(likely_meant(real), None, "{real}");
        }
    }
}
