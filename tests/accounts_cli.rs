//! `koperta account …` and `koperta settings …` against the real Secret
//! Service, in English and Polish.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::keyring::{KeyringMode, KeyringSession};
use support::{Koperta, TEST_PASSWORD, TEST_USER, stderr, stdout};

fn add_args(security: &str) -> Vec<&str> {
    vec![
        "account",
        "add",
        "--name",
        "Jan Kowalski",
        "--email",
        TEST_USER,
        "--host",
        "localhost",
        "--security",
        security,
        "--password-stdin",
    ]
}

#[test]
fn account_add_list_remove_round_trips_through_the_secret_service() {
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let k = Koperta::new().with_keyring(&keyring);
    let out = k.run(
        &add_args("implicit-tls"),
        format!("{TEST_PASSWORD}\n").as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).lines().last().expect("id line").to_string();
    assert_eq!(id.len(), 32, "{}", stdout(&out));

    // In the keyring, exactly as typed (without the newline) …
    assert_eq!(
        keyring.lookup("koperta", &id).as_deref(),
        Some(TEST_PASSWORD)
    );
    // … and in no file under KOPERTA_HOME, raw or base64.
    let forms = support::secret_forms(TEST_USER, TEST_PASSWORD);
    assert_eq!(
        support::files_containing(k.dir(), &forms),
        Vec::<std::path::PathBuf>::new()
    );
    assert!(!support::contains_any(&out.stdout, &forms));
    assert!(!support::contains_any(&out.stderr, &forms));

    let config = std::fs::read_to_string(k.config_path()).expect("config");
    assert!(config.starts_with("version = 1\n"), "{config}");
    assert!(config.contains("never_plaintext = true"), "{config}");

    let list = k.run(&["account", "list"], b"");
    assert!(list.status.success());
    let listed = stdout(&list);
    assert!(listed.contains(&id) && listed.contains(TEST_USER) && listed.contains("localhost:465"));
    assert!(listed.contains("Implicit TLS (SSL/TLS)"), "{listed}");

    // Removing by the (unique) address works too.
    let rm = k.run(&["account", "remove", TEST_USER], b"");
    assert!(rm.status.success(), "{}", stderr(&rm));
    assert_eq!(keyring.lookup("koperta", &id), None);
    let list = k.run(&["account", "list"], b"");
    assert!(!stdout(&list).contains(&id));
}

#[test]
fn config_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let k = Koperta::new().with_keyring(&keyring);
    let out = k.run(&add_args("starttls"), TEST_PASSWORD.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = std::fs::metadata(k.config_path())
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let config = std::fs::read_to_string(k.config_path()).expect("config");
    assert!(config.contains("port = 587") && config.contains("security = \"starttls\""));
}

#[test]
fn plaintext_account_is_refused_while_never_plaintext_is_on() {
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    for (lang, phrase) in [
        ("en_US.UTF-8", "never-plaintext is on"),
        ("pl_PL.UTF-8", "never-plaintext jest włączone"),
    ] {
        let k = Koperta::new().with_keyring(&keyring).lang(lang);
        let out = k.run(&add_args("plaintext"), TEST_PASSWORD.as_bytes());
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(phrase), "{}", stderr(&out));
        assert!(!k.config_path().exists(), "nothing saved");
    }
    // Turned off explicitly, the plaintext account is accepted with a warning.
    let k = Koperta::new().with_keyring(&keyring);
    let off = k.run(&["settings", "set", "never-plaintext", "false"], b"");
    assert!(off.status.success());
    assert!(stderr(&off).contains("Warning"), "{}", stderr(&off));
    let out = k.run(&add_args("plaintext"), TEST_PASSWORD.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("unencrypted"));
    let list = stdout(&k.run(&["account", "list"], b""));
    assert!(list.contains("UNSAFE"), "{list}");
    // Back on: its send is refused and the message kept in the outbox;
    // removing the account says that message stays (tryout 31: nothing
    // was said).
    let on = k.run(&["settings", "set", "never-plaintext", "true"], b"");
    assert!(on.status.success());
    let sent = k.run(
        &[
            "send",
            "--account",
            TEST_USER,
            "--to",
            "jan@example.com",
            "--subject",
            "Jawnie",
            "--body-file",
            "-",
        ],
        b"x\n",
    );
    assert!(!sent.status.success());
    let removed = k.run(&["account", "remove", TEST_USER], b"");
    assert!(removed.status.success(), "{}", stderr(&removed));
    assert!(
        stdout(&removed).contains("One message in the outbox was to go from this account"),
        "{}",
        stdout(&removed)
    );
}

fn damaged_config_is_reported_and_kept(content: &[u8], expected_line: usize) {
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let k = Koperta::new().with_keyring(&keyring);
    std::fs::write(k.config_path(), content).expect("write");
    let path = k.config_path().display().to_string();
    for args in [
        vec!["account", "list"],
        add_args("implicit-tls"),
        vec!["settings", "set", "language", "pl"],
        vec!["account", "remove", TEST_USER],
    ] {
        let out = k.run(&args, TEST_PASSWORD.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(&path), "{err}");
        assert!(err.contains(&format!("line {expected_line}")), "{err}");
        assert_eq!(
            std::fs::read(k.config_path()).expect("read"),
            content,
            "{args:?}"
        );
    }
    // Nothing reached the keyring either.
    let pl = Koperta {
        lang: "pl_PL.UTF-8".into(),
        ..Koperta::new()
    };
    std::fs::write(pl.config_path(), content).expect("write");
    let out = pl.run(&["account", "list"], b"");
    assert!(
        stderr(&out).contains(&format!("w wierszu {expected_line}")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn config_of_nul_bytes_is_reported_with_file_and_line_and_left_byte_identical() {
    damaged_config_is_reported_and_kept(&[0u8; 4096], 1);
}

#[test]
fn config_cut_in_the_middle_of_a_value_is_reported_and_left_byte_identical() {
    damaged_config_is_reported_and_kept(
        b"version = 1\n\n[settings]\nnever_plaintext = true\nlanguage = \"p",
        5,
    );
}

fn keyring_error(mode: Option<KeyringMode>, en: &str, pl: &str) {
    let session = mode.map(KeyringSession::start);
    for (lang, phrase) in [("en_US.UTF-8", en), ("pl_PL.UTF-8", pl)] {
        let mut k = Koperta::new().lang(lang);
        if let Some(s) = &session {
            k = k.with_keyring(s);
        }
        let started = std::time::Instant::now();
        let out = k.run(&add_args("implicit-tls"), TEST_PASSWORD.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{mode:?}");
        let err = stderr(&out);
        assert!(err.contains(phrase), "{mode:?} {lang}: {err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(12));
        // Never a fallback to a file: no account without its password.
        assert!(!k.config_path().exists(), "{mode:?}");
        let forms = support::secret_forms(TEST_USER, TEST_PASSWORD);
        assert!(support::files_containing(k.dir(), &forms).is_empty());
        assert!(!support::contains_any(&out.stderr, &forms));
    }
}

#[test]
fn no_dbus_session_gives_the_no_keyring_error() {
    keyring_error(
        None,
        "No system keyring is available",
        "baza kluczy jest niedostępna",
    );
}

#[test]
fn no_secret_service_gives_the_no_keyring_error() {
    keyring_error(
        Some(KeyringMode::NoSecretService),
        "No system keyring is available",
        "baza kluczy jest niedostępna",
    );
}

#[test]
fn locked_collection_gives_the_locked_error() {
    keyring_error(
        Some(KeyringMode::Locked),
        "The system keyring is locked",
        "baza kluczy jest zablokowana",
    );
}

#[test]
fn missing_default_collection_gives_its_own_error() {
    keyring_error(
        Some(KeyringMode::NoDefaultCollection),
        "has no default collection",
        "nie ma domyślnej bazy kluczy",
    );
}

#[test]
fn settings_change_the_language_of_every_message() {
    let k = Koperta::new();
    let out = k.run(&["settings", "set", "language", "pl"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Zapisano"), "{}", stdout(&out));
    let help = stdout(&k.run(&["--help"], b""));
    assert!(
        help.contains("Użycie") && help.contains("Polecenia"),
        "{help}"
    );
    let list = stdout(&k.run(&["account", "list"], b""));
    assert!(list.contains("Nie ma jeszcze żadnego konta"), "{list}");
    let show = stdout(&k.run(&["settings", "show"], b""));
    assert!(show.contains("language = pl") && show.contains("never-plaintext = true"));
    let bad = k.run(&["settings", "set", "language", "de"], b"");
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("„de”"), "{}", stderr(&bad));
    let bad = k.run(&["account", "frobnicate"], b"");
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("Nieznane polecenie"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn unknown_account_is_reported_in_both_languages() {
    for (lang, phrase) in [
        ("en_US.UTF-8", "No account has"),
        ("pl_PL.UTF-8", "Żadne konto nie ma"),
    ] {
        let k = Koperta::new().lang(lang);
        let out = k.run(&["account", "remove", "nobody@example.com"], b"");
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(phrase), "{}", stderr(&out));
    }
}

#[test]
fn pinned_certificate_and_extra_ca_are_stored_and_listed() {
    let certs = support::certs::TestCerts::generate();
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let k = Koperta::new().with_keyring(&keyring);
    let mut args = add_args("implicit-tls");
    let pin = certs.self_signed.cert.display().to_string();
    args.extend(["--pin-cert", &pin]);
    let out = k.run(&args, TEST_PASSWORD.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let list = stdout(&k.run(&["account", "list"], b""));
    assert!(list.contains("pinned certificate, SHA-256"), "{list}");
    let config = std::fs::read_to_string(k.config_path()).expect("config");
    assert!(config.contains("BEGIN CERTIFICATE"));

    let not_pem = certs.self_signed.key.display().to_string();
    let mut args = add_args("implicit-tls");
    args.extend(["--ca-file", &not_pem]);
    let out = k.run(&args, TEST_PASSWORD.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("holds no PEM certificate"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn empty_password_is_refused() {
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let k = Koperta::new().with_keyring(&keyring);
    let out = k.run(&add_args("implicit-tls"), b"\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("password is empty"),
        "{}",
        stderr(&out)
    );
    assert!(!k.config_path().exists());
}

#[test]
fn a_password_typed_at_a_terminal_is_asked_for_and_never_shown() {
    use base64::Engine;
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let k = Koperta::new().with_keyring(&keyring).lang("pl_PL.UTF-8");
    let mut args = vec![
        support::script("pty_run.py").display().to_string(),
        TEST_PASSWORD.to_string(),
        env!("CARGO_BIN_EXE_koperta").to_string(),
    ];
    args.extend(add_args("implicit-tls").iter().map(|s| s.to_string()));
    let out = std::process::Command::new(support::python())
        .args(&args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("KOPERTA_HOME", k.dir())
        .env("HOME", k.dir().join("home"))
        .env("LANG", "pl_PL.UTF-8")
        .env("DBUS_SESSION_BUS_ADDRESS", k.bus.clone().unwrap())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    let shown = base64::engine::general_purpose::STANDARD
        .decode(v["shown_b64"].as_str().unwrap())
        .unwrap();
    let shown = String::from_utf8_lossy(&shown);
    assert_eq!(v["status"], 0, "{shown}");
    assert!(shown.contains("Hasło (niewidoczne):"), "{shown}");
    assert!(
        !shown.contains(TEST_PASSWORD),
        "the password was echoed: {shown}"
    );
    let id = shown.trim_end().lines().last().unwrap().trim().to_string();
    assert_eq!(
        keyring.lookup("koperta", &id).as_deref(),
        Some(TEST_PASSWORD)
    );
}

#[test]
fn a_commented_symlinked_config_keeps_its_comments_order_and_link_after_settings_set() {
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let k = Koperta::new().with_keyring(&keyring);
    // The person keeps config.toml in a dotfiles folder, linked in.
    let dotfiles = k.dir().join("dotfiles");
    std::fs::create_dir_all(&dotfiles).unwrap();
    let real = dotfiles.join("koperta.toml");
    let written = "\
# Koperta: moje ustawienia
version = 1

[settings]
# ciemny motyw wieczorem
theme = \"light\"   # na razie jasny
never_plaintext = true
language = \"pl\"
";
    std::fs::write(&real, written).unwrap();
    std::os::unix::fs::symlink("dotfiles/koperta.toml", k.config_path()).unwrap();
    let out = k.run(&add_args("implicit-tls"), TEST_PASSWORD.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let set = k.run(&["settings", "set", "theme", "dark"], b"");
    assert!(set.status.success(), "{}", stderr(&set));
    let set = k.run(&["settings", "set", "undo-send-seconds", "12"], b"");
    assert!(set.status.success(), "{}", stderr(&set));
    // Still a link, to the same file.
    let meta = std::fs::symlink_metadata(k.config_path()).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(
        text.starts_with("# Koperta: moje ustawienia\nversion = 1\n"),
        "{text}"
    );
    assert!(
        text.contains("# ciemny motyw wieczorem\ntheme = \"dark\"   # na razie jasny"),
        "{text}"
    );
    assert!(text.contains("undo_send_seconds = 12"), "{text}");
    // The person's order: theme before never_plaintext before language.
    let (t, n, l) = (
        text.find("theme =").unwrap(),
        text.find("never_plaintext =").unwrap(),
        text.find("language =").unwrap(),
    );
    assert!(t < n && n < l, "{text}");
    assert!(
        text.contains("[[accounts]]") && text.contains(TEST_USER),
        "{text}"
    );
    // Nothing else appeared beside the link.
    let left: Vec<_> = std::fs::read_dir(k.dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let show = k.run(&["settings", "show"], b"");
    assert!(stdout(&show).contains("theme = dark"), "{}", stdout(&show));
}

/// Each check before sending is switched off from the command line, and
/// `settings show` says each one's state.
#[test]
fn the_checks_before_sending_are_set_and_shown_from_the_command_line() {
    let k = Koperta::new();
    let show = stdout(&k.run(&["settings", "show"], b""));
    assert!(
        show.contains(
            "check-attachment = true, check-subject = true, check-domain = true, check-size = true"
        ),
        "{show}"
    );
    let out = k.run(&["settings", "set", "check-size", "false"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let show = stdout(&k.run(&["settings", "show"], b""));
    assert!(show.contains("check-size = false"), "{show}");
    let written = std::fs::read_to_string(k.config_path()).unwrap();
    assert!(written.contains("size = false"), "{written}");
}

#[test]
fn a_second_account_for_the_same_address_and_server_is_refused_in_both_languages() {
    let keyring = KeyringSession::start(KeyringMode::Unlocked);
    let mut k = Koperta::new().with_keyring(&keyring);
    let out = k.run(&add_args("implicit-tls"), TEST_PASSWORD.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).lines().last().expect("id").to_string();
    // Saved as given: the person is told it was not signed in.
    assert!(
        stderr(&out).contains(&format!("koperta account test {id}")),
        "{}",
        stderr(&out)
    );
    let before = std::fs::read(k.config_path()).expect("config");
    for (lang, phrase) in [
        ("en_US.UTF-8", "There is already an account for"),
        ("pl_PL.UTF-8", "już istnieje"),
    ] {
        k.lang = lang.into();
        let mut args = add_args("implicit-tls");
        // The address in capitals is the same mailbox on the same server.
        args[5] = "JAN@EXAMPLE.COM";
        let again = k.run(&args, b"other\n");
        assert_eq!(again.status.code(), Some(1));
        let text = stderr(&again);
        assert!(text.contains(phrase), "{text}");
        assert!(
            text.contains(&format!("koperta account remove {id}")),
            "{text}"
        );
    }
    assert_eq!(std::fs::read(k.config_path()).expect("config"), before);
    assert_eq!(
        keyring.lookup("koperta", &id).as_deref(),
        Some(TEST_PASSWORD)
    );
    // Another port is another way in: allowed.
    let mut args = add_args("starttls");
    args.extend(["--port", "2587"]);
    let other = k.run(&args, TEST_PASSWORD.as_bytes());
    assert!(other.status.success(), "{}", stderr(&other));
}

#[test]
fn account_edit_changes_only_what_is_given_and_a_new_password_drops_the_verified_mark() {
    let certs = support::certs::TestCerts::generate();
    let peer = support::peer::SmtpPeer::start(&certs.valid);
    let mut s = support::trusting(peer.implicit_port, &certs, "en_US.UTF-8");
    let check = s.k.dir().join("data/checks").join(format!("{}.toml", s.id));
    let id = s.id.clone();
    let test = |k: &Koperta| k.run(&["account", "test", &id], b"");
    let signed_in = test(&s.k);
    assert!(signed_in.status.success(), "{}", stderr(&signed_in));
    assert!(check.exists(), "a sign-in is recorded");

    // A new name keeps the sign-in's record and everything else.
    let config_path = s.k.config_path();
    let config = || std::fs::read_to_string(&config_path).expect("config");
    let before = config();
    let out =
        s.k.run(&["account", "edit", &s.id, "--name", "Zofia Ż."], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Account changed"), "{}", stdout(&out));
    assert!(!stderr(&out).contains("account test"), "{}", stderr(&out));
    assert!(check.exists());
    let after = config();
    assert!(after.contains("name = \"Zofia Ż.\""), "{after}");
    assert_eq!(
        before
            .lines()
            .filter(|l| !l.starts_with("name"))
            .collect::<Vec<_>>(),
        after
            .lines()
            .filter(|l| !l.starts_with("name"))
            .collect::<Vec<_>>()
    );

    // A wrong password: in the keyring, the record dropped, sign-in fails.
    let out =
        s.k.run(&["account", "edit", &s.id, "--password-stdin"], b"wrong\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("koperta account test {}", s.id)),
        "{}",
        stderr(&out)
    );
    assert!(
        !check.exists(),
        "the old sign-in says nothing of this password"
    );
    assert_eq!(
        s._keyring.lookup("koperta", &s.id).as_deref(),
        Some("wrong")
    );
    assert!(!test(&s.k).status.success());

    // The right password and STARTTLS on the peer's other port, in Polish.
    s.k.lang = "pl_PL.UTF-8".into();
    let port = peer.starttls_port.to_string();
    let out = s.k.run(
        &[
            "account",
            "edit",
            &s.id,
            "--security",
            "starttls",
            "--port",
            &port,
            "--password-stdin",
        ],
        format!("{TEST_PASSWORD}\n").as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Zmieniono konto"), "{}", stdout(&out));
    s.k.lang = "en_US.UTF-8".into();
    let after = config();
    assert!(
        after.contains("security = \"starttls\"") && after.contains(&format!("port = {port}")),
        "{after}"
    );
    assert!(
        after.contains("BEGIN CERTIFICATE"),
        "the extra CA is kept: {after}"
    );
    let signed_in = test(&s.k);
    assert!(signed_in.status.success(), "{}", stderr(&signed_in));
    assert!(check.exists(), "{}", stdout(&signed_in));
    let record = std::fs::read_to_string(&check).expect("check");
    assert!(record.contains(&format!(":{port} starttls")), "{record}");

    // Nothing given, nothing changed; an unknown account is named.
    let out = s.k.run(&["account", "edit", &s.id], b"");
    assert!(
        stdout(&out).contains("Nothing to change"),
        "{}",
        stdout(&out)
    );
    let out = s.k.run(
        &["account", "edit", "nobody@example.com", "--port", "1"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("No account has"), "{}", stderr(&out));
    assert!(peer.received().is_empty());
}

/// Tryout 20: `koperta outbox` (or drafts, settings) without a command
/// said only "a command is missing". Each lists (or shows) what it holds,
/// as its `list` (or `show`) does, and says so in its help.
#[test]
fn a_group_without_a_command_lists_what_it_holds() {
    let k = Koperta::new();
    for (group, command) in [
        ("account", "list"),
        ("outbox", "list"),
        ("drafts", "list"),
        ("contacts", "list"),
        ("settings", "show"),
    ] {
        let bare = k.run(&[group], b"");
        let full = k.run(&[group, command], b"");
        assert!(bare.status.success(), "{group}: {}", stderr(&bare));
        assert_eq!(stdout(&bare), stdout(&full), "{group}");
        assert!(!stdout(&bare).is_empty(), "{group}");
        let help = stdout(&k.run(&[group, "--help"], b""));
        assert!(help.contains("Without a command"), "{group}: {help}");
    }
    // A group whose commands need an argument still asks for one.
    let bare = k.run(&["account", "identity"], b"");
    assert_eq!(bare.status.code(), Some(2), "{}", stderr(&bare));
}
