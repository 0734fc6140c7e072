//! What a Polish speaker reads on the command line: every command's
//! `--help` and the common error paths, with no English usage words
//! (language review W16, W6, W10).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::keyring::{KeyringMode, KeyringSession};
use support::{Koperta, TEST_PASSWORD, TEST_USER, stderr, stdout};

/// clap's and our own English usage words that must not appear in Polish.
const ENGLISH: [&str; 14] = [
    "[OPTIONS]",
    "[COMMAND]",
    "<COMMAND>",
    "<FILE>",
    "<PATH>",
    "<ADDRESS",
    "<EMAIL>",
    "<HOST>",
    "<TEXT>",
    "<NAME>",
    "<VALUE>",
    "<KEY>",
    "Usage",
    "Options",
];

/// The subcommands a help page lists under its commands heading.
fn subcommands(help: &str) -> Vec<String> {
    let Some(start) = help.find("Polecenia:") else {
        return Vec::new();
    };
    help[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn every_help_page_in_polish_has_no_english_usage_words() {
    let k = Koperta::new().lang("pl_PL.UTF-8");
    let mut pending: Vec<Vec<String>> = vec![Vec::new()];
    let mut seen = 0;
    while let Some(path) = pending.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let out = k.run(&args, b"");
        let help = stdout(&out);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(help.contains("Użycie: koperta"), "{args:?}: {help}");
        for word in ENGLISH {
            assert!(!help.contains(word), "{args:?} says {word}: {help}");
        }
        seen += 1;
        for sub in subcommands(&help) {
            let mut next = path.clone();
            next.push(sub);
            pending.push(next);
        }
    }
    // koperta, account and its commands, send, outbox, drafts, contacts,
    // settings…: every page was read.
    assert!(seen >= 20, "only {seen} help pages");
}

#[test]
fn polish_errors_name_options_bare_and_both_of_a_conflict() {
    let k = Koperta::new().lang("pl_PL.UTF-8");
    let pem = k.dir().join("ca.pem");
    std::fs::write(&pem, "not a certificate").unwrap();
    let pem = pem.display().to_string();
    let out = k.run(
        &[
            "account",
            "add",
            "--email",
            "a@b.pl",
            "--host",
            "h.pl",
            "--ca-file",
            &pem,
            "--pin-cert",
            &pem,
        ],
        b"",
    );
    let err = stderr(&out);
    assert!(
        err.contains("Opcji --pin-cert i --ca-file nie można użyć razem.")
            || err.contains("Opcji --ca-file i --pin-cert nie można użyć razem."),
        "{err}"
    );
    assert!(!err.contains("<PEM>"), "{err}");
    let out = k.run(&["send", "--account", "x", "--account", "y"], b"");
    let err = stderr(&out);
    assert!(
        err.contains("Opcję --account podano więcej niż raz."),
        "{err}"
    );
    for word in ENGLISH {
        assert!(!err.contains(word), "{err}");
    }
}

#[test]
fn a_missing_attachment_is_said_in_polish() {
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let k = Koperta::new().lang("pl_PL.UTF-8").with_keyring(&keyring);
    let added = k.run(
        &[
            "account",
            "add",
            "--email",
            TEST_USER,
            "--host",
            "localhost",
            "--security",
            "implicit-tls",
            "--password-stdin",
        ],
        TEST_PASSWORD.as_bytes(),
    );
    assert!(added.status.success(), "{}", stderr(&added));
    let out = k.run(
        &[
            "send",
            "--account",
            TEST_USER,
            "--to",
            "jan@example.pl",
            "--attach",
            "nie/ma.pdf",
        ],
        b"",
    );
    let err = stderr(&out);
    println!("{err}");
    assert!(
        err.contains("Nie można odczytać załącznika nie/ma.pdf: plik lub folder nie istnieje"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
    assert!(!err.contains("No such file"), "{err}");
}
