//! The address book: learned from messages really sent to the SMTP peer
//! (names from the headers, Bcc without), and vCard 4.0 files read and
//! written by `koperta contacts`, checked with an independent parser
//! (Python's vobject).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::certs::TestCerts;
use support::peer::SmtpPeer;
use support::{stderr, stdout, trusting};

#[test]
fn contacts_are_learned_with_their_names_from_a_message_sent() {
    let certs = TestCerts::generate();
    let peer = SmtpPeer::start(&certs.valid);
    let s = trusting(peer.implicit_port, &certs, "pl_PL.UTF-8");
    let out = s.k.run(
        &[
            "send",
            "--account",
            &s.id,
            "--to",
            "Zofia Żółkiewska <zofia@example.pl>",
            "--cc",
            r#""Kowalski, Jan" <jan@example.com>"#,
            "--bcc",
            "ukryty@example.net",
            "--subject",
            "Kontakty",
        ],
        b"Tre\xc5\x9b\xc4\x87\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(peer.received().len(), 1);
    let list = s.k.run(&["contacts", "list"], b"");
    assert_eq!(
        stdout(&list),
        "\"Kowalski, Jan\" <jan@example.com>\nukryty@example.net\nZofia Żółkiewska <zofia@example.pl>\n",
        "sorted by the name shown; the Bcc one has none, so its address"
    );
}

#[test]
fn a_vcard_file_with_polish_names_is_imported_and_exported_back_the_same() {
    let certs = TestCerts::generate();
    let s = trusting(1, &certs, "pl_PL.UTF-8");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("kontakty.vcf");
    std::fs::write(
        &input,
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Grzegorz Brzęczyszczykiewicz\r\nEMAIL:grzes@example.pl\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zofia Żółkiewska\r\nEMAIL:zofia@example.pl\r\nEMAIL:z.z@praca.example.pl\r\nEND:VCARD\r\n",
    )
    .unwrap();
    let import =
        s.k.run(&["contacts", "import", &input.display().to_string()], b"");
    assert!(import.status.success(), "{}", stderr(&import));
    assert_eq!(stdout(&import), "3 nowe kontakty.\n");
    let output = dir.path().join("eksport.vcf");
    let export =
        s.k.run(&["contacts", "export", &output.display().to_string()], b"");
    assert!(export.status.success(), "{}", stderr(&export));
    // The independent parser reads the same names and addresses from both
    // files (ours writes one card per address).
    let read = |path: &std::path::Path| -> String {
        let script = "import sys, vobject\n\
pairs = sorted((c.fn.value, e.value) for c in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()) for e in c.contents.get('email', []))\n\
print('\\n'.join(f'{n} <{a}>' for n, a in pairs))\n";
        let out = std::process::Command::new(support::python())
            .args(["-c", script, &path.display().to_string()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(read(&input), read(&output));
    assert!(read(&output).contains("Zofia Żółkiewska <z.z@praca.example.pl>"));
    // And a round trip through ours changes no byte.
    let again = dir.path().join("ponownie");
    std::fs::create_dir(&again).unwrap();
    let s2 = trusting(1, &certs, "pl_PL.UTF-8");
    let _ =
        s2.k.run(&["contacts", "import", &output.display().to_string()], b"");
    let output2 = again.join("eksport.vcf");
    let _ =
        s2.k.run(&["contacts", "export", &output2.display().to_string()], b"");
    assert_eq!(
        std::fs::read(&output).unwrap(),
        std::fs::read(&output2).unwrap()
    );
    // A file that is not vCard is refused in Polish, nothing added.
    let bad = dir.path().join("zly.vcf");
    std::fs::write(&bad, "to nie jest vCard").unwrap();
    let refused =
        s.k.run(&["contacts", "import", &bad.display().to_string()], b"");
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("To nie jest plik vCard 4.0"),
        "{}",
        stderr(&refused)
    );
}
