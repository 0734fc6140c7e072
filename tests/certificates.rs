//! Every kind of certificate failure has its own explanation, in English
//! and in Polish, with no internal dump and, on an account that exists,
//! no advice to pin the certificate (pinning is a choice made at setup).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};

use support::certs::{CertFiles, TestCerts, leaf_params};
use support::fake::{FakeServer, Step};
use support::{send_simple, setup, stderr};

/// Sends from an account on `port` (trusting `ca`, for host `host`) in both
/// languages; each output has its fragment and nothing it must not have.
fn refused_in_both_languages(port: u16, ca: &Path, host: &str, en: &str, pl: &str) {
    for (lang, expected) in [("en_US.UTF-8", en), ("pl_PL.UTF-8", pl)] {
        let s = setup(port, "implicit-tls", Some(("--ca-file", ca)), lang);
        if host != "localhost" {
            let text = std::fs::read_to_string(s.k.config_path()).unwrap();
            std::fs::write(
                s.k.config_path(),
                text.replace("host = \"localhost\"", &format!("host = \"{host}\"")),
            )
            .unwrap();
        }
        let (out, _) = send_simple(&s);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(err.contains(expected), "{lang}: {err}");
        for never in ["pin", "przypn", "Other(", "OtherError", "[0x", "Context"] {
            assert!(!err.contains(never), "{lang}: {never} in {err}");
        }
        let sent_nothing = s.k.dir().join("data/sent");
        assert!(!sent_nothing.exists(), "{lang}: something was sent");
    }
}

fn serve(cert: &CertFiles) -> FakeServer {
    FakeServer::start(cert, true, vec![Step::Send(b"220 fake\r\n".to_vec())])
}

#[test]
fn an_expired_certificate() {
    let certs = TestCerts::generate();
    let server = serve(&certs.expired);
    refused_in_both_languages(
        server.port,
        &certs.ca,
        "localhost",
        "certificate has expired",
        "Certyfikat serwera wygasł",
    );
}

#[test]
fn a_certificate_not_yet_valid() {
    let certs = TestCerts::generate();
    let mut params = leaf_params(&["localhost", "127.0.0.1"]);
    params.not_before = rcgen::date_time_ymd(2090, 1, 1);
    params.not_after = rcgen::date_time_ymd(2091, 1, 1);
    let server = serve(&certs.sign_params("future", params));
    refused_in_both_languages(
        server.port,
        &certs.ca,
        "localhost",
        "is not valid yet",
        "nie jest jeszcze ważny",
    );
}

#[test]
fn a_certificate_for_another_name() {
    let certs = TestCerts::generate();
    let server = serve(&certs.wrong_name);
    refused_in_both_languages(
        server.port,
        &certs.ca,
        "localhost",
        "is not valid for localhost; it is valid for: wrong.example.org",
        "nie jest ważny dla localhost; jest ważny dla: wrong.example.org",
    );
}

#[test]
fn a_certificate_naming_an_ip_address_as_a_dns_name() {
    let certs = TestCerts::generate();
    let mut params = leaf_params(&["localhost"]);
    params.subject_alt_names = vec![rcgen::SanType::DnsName("127.0.0.1".try_into().unwrap())];
    let server = serve(&certs.sign_params("ip-as-dns", params));
    refused_in_both_languages(
        server.port,
        &certs.ca,
        "127.0.0.1",
        "names 127.0.0.1 as a host name, not as an IP address",
        "podaje 127.0.0.1 jako nazwę hosta, a nie jako adres IP",
    );
}

#[test]
fn a_certificate_from_an_unknown_issuer() {
    let certs = TestCerts::generate();
    let server = serve(&certs.unknown_ca);
    refused_in_both_languages(
        server.port,
        &certs.ca,
        "localhost",
        "not issued by an authority this computer trusts",
        "nie wystawił urząd certyfikacji, któremu ufa ten komputer",
    );
}

#[test]
fn a_ca_certificate_used_as_a_server_certificate_gives_no_pinning_advice() {
    let certs = TestCerts::generate();
    let server = serve(&certs.self_signed);
    refused_in_both_languages(
        server.port,
        &certs.self_signed.cert,
        "localhost",
        "certificate authority’s certificate as its own",
        "certyfikat urzędu certyfikacji, a nie certyfikat serwera",
    );
}

#[test]
fn a_certificate_not_meant_for_a_server() {
    let certs = TestCerts::generate();
    let mut params = leaf_params(&["localhost", "127.0.0.1"]);
    params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ClientAuth];
    let server = serve(&certs.sign_params("client-only", params));
    refused_in_both_languages(
        server.port,
        &certs.ca,
        "localhost",
        "is not meant for a server",
        "nie jest certyfikatem serwera (nie pozwala na to jego pole „Użycie klucza”)",
    );
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_certificate_signed_with_sha1() {
    // A CA and a server certificate signed with SHA-1, made by openssl.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    openssl(
        d,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-sha1",
            "-days",
            "30",
            "-subj",
            "/CN=SHA-1 Test CA",
            "-keyout",
            "ca.key",
            "-out",
            "ca.crt",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=keyCertSign",
        ],
    );
    openssl(
        d,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-keyout",
            "leaf.key",
            "-out",
            "leaf.csr",
        ],
    );
    std::fs::write(
        d.join("ext.cnf"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\n",
    )
    .unwrap();
    openssl(
        d,
        &[
            "x509",
            "-req",
            "-in",
            "leaf.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-sha1",
            "-days",
            "30",
            "-extfile",
            "ext.cnf",
            "-out",
            "leaf.crt",
        ],
    );
    let leaf = CertFiles {
        cert: d.join("leaf.crt"),
        key: d.join("leaf.key"),
        cert_pem: std::fs::read_to_string(d.join("leaf.crt")).unwrap(),
    };
    let server = serve(&leaf);
    refused_in_both_languages(
        server.port,
        &d.join("ca.crt"),
        "localhost",
        "too weak or not supported",
        "zbyt słabego albo nieobsługiwanego algorytmu",
    );
}

#[test]
fn a_server_that_offers_only_tls_older_than_1_2() {
    let certs = TestCerts::generate();
    let mut child = Command::new(support::python())
        .arg(support::script("tls_old_server.py"))
        .arg(&certs.valid.cert)
        .arg(&certs.valid.key)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port: u16 = line.trim().parse().unwrap();
    refused_in_both_languages(
        port,
        &certs.ca,
        "localhost",
        "only offers TLS older than version 1.2",
        "oferuje tylko TLS starszy niż 1.2",
    );
    let _ = child.kill();
    let _ = child.wait();
}
