//! Certificates made at test time with rcgen: a test CA, server
//! certificates valid for localhost and 127.0.0.1, expired, for the wrong
//! name, from an unknown CA, and a self-signed `CA:TRUE` one (the kind a
//! self-hosted server uses, for pinning).

use std::path::{Path, PathBuf};

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType, IsCa, KeyPair,
    date_time_ymd,
};

/// A certificate and its key, as PEM files.
#[derive(Debug, Clone)]
pub struct CertFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
    pub cert_pem: String,
}

/// Every certificate the tests need, written under one directory.
pub struct TestCerts {
    pub dir: tempfile::TempDir,
    /// The test CA's certificate (trust it as an extra CA).
    pub ca: PathBuf,
    /// The test CA's subject common name.
    pub ca_name: String,
    /// Valid for localhost and 127.0.0.1, signed by the test CA.
    pub valid: CertFiles,
    /// Signed by the test CA, but expired in 2021.
    pub expired: CertFiles,
    /// Signed by the test CA, valid only for wrong.example.org.
    pub wrong_name: CertFiles,
    /// Valid for localhost, signed by a CA nobody trusts.
    pub unknown_ca: CertFiles,
    /// Self-signed, `CA:TRUE`, valid for localhost and 127.0.0.1.
    pub self_signed: CertFiles,
    /// Another self-signed one, for "the pinned certificate changed".
    pub self_signed_other: CertFiles,
    /// Signed by the test CA for the discovery tests' names:
    /// `example.test`, `*.example.test`, `*.provider.test`, `localhost`.
    pub discovery: CertFiles,
    issuer: CertifiedIssuer<'static, KeyPair>,
}

fn write(dir: &Path, name: &str, cert_pem: &str, key: &KeyPair) -> CertFiles {
    let cert = dir.join(format!("{name}.crt"));
    let key_path = dir.join(format!("{name}.key"));
    std::fs::write(&cert, cert_pem).expect("write cert");
    std::fs::write(&key_path, key.serialize_pem()).expect("write key");
    CertFiles {
        cert,
        key: key_path,
        cert_pem: cert_pem.to_string(),
    }
}

fn ca(name: &str) -> CertifiedIssuer<'static, KeyPair> {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, name);
    dn.push(DnType::OrganizationName, "Koperta tests");
    params.distinguished_name = dn;
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    CertifiedIssuer::self_signed(params, KeyPair::generate().expect("key")).expect("ca")
}

fn leaf(names: &[&str]) -> CertificateParams {
    let mut params =
        CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            .expect("params");
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, names[0]);
    params.distinguished_name = dn;
    params
}

fn self_signed(dir: &Path, name: &str) -> CertFiles {
    let mut params = leaf(&["localhost", "127.0.0.1"]);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let key = KeyPair::generate().expect("key");
    let cert = params.self_signed(&key).expect("self-signed");
    write(dir, name, &cert.pem(), &key)
}

impl TestCerts {
    /// Makes all of them.
    pub fn generate() -> TestCerts {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        let ca_name = "Koperta Test CA".to_string();
        let test_ca = ca(&ca_name);
        let ca_path = d.join("ca.crt");
        std::fs::write(&ca_path, test_ca.pem()).expect("write ca");

        let sign = |name: &str, params: CertificateParams| {
            let key = KeyPair::generate().expect("key");
            let cert = params.signed_by(&key, &test_ca).expect("sign");
            write(d, name, &cert.pem(), &key)
        };
        let valid = sign("valid", leaf(&["localhost", "127.0.0.1"]));
        let mut old = leaf(&["localhost", "127.0.0.1"]);
        old.not_before = date_time_ymd(2020, 1, 1);
        old.not_after = date_time_ymd(2021, 1, 1);
        let expired = sign("expired", old);
        let wrong_name = sign("wrong-name", leaf(&["wrong.example.org"]));

        let other_ca = ca("Unknown Test CA");
        let key = KeyPair::generate().expect("key");
        let cert = leaf(&["localhost", "127.0.0.1"])
            .signed_by(&key, &other_ca)
            .expect("sign");
        let unknown_ca = write(d, "unknown-ca", &cert.pem(), &key);

        let discovery = sign(
            "discovery",
            leaf(&[
                "example.test",
                "*.example.test",
                "*.provider.test",
                "localhost",
                "127.0.0.1",
            ]),
        );
        let self_signed_cert = self_signed(d, "self-signed");
        let self_signed_other = self_signed(d, "self-signed-other");
        TestCerts {
            ca: ca_path,
            ca_name,
            valid,
            expired,
            wrong_name,
            unknown_ca,
            self_signed: self_signed_cert,
            self_signed_other,
            discovery,
            dir,
            issuer: test_ca,
        }
    }

    /// A certificate signed by the test CA for `names` (DNS names and IP
    /// addresses), written as `name`.crt/.key.
    pub fn sign_for(&self, name: &str, names: &[&str]) -> CertFiles {
        self.sign_params(name, leaf(names))
    }

    /// A certificate signed by the test CA from `params`.
    pub fn sign_params(&self, name: &str, params: CertificateParams) -> CertFiles {
        let key = KeyPair::generate().expect("key");
        let cert = params.signed_by(&key, &self.issuer).expect("sign");
        write(self.dir.path(), name, &cert.pem(), &key)
    }
}

/// Leaf parameters for `names`, for [`TestCerts::sign_params`].
pub fn leaf_params(names: &[&str]) -> CertificateParams {
    leaf(names)
}
