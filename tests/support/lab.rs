//! The discovery lab: a real DNS server (dnsmasq) answering for
//! `example.test` and `provider.test` with 127.0.0.1, MX and SRV records
//! of the test's choosing; an HTTPS server (test CA) and a plain-HTTP
//! server (Python's http.server) that log every request; the SMTP peer
//! with a certificate for those names. All on 127.0.0.1.

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use koperta::discover::Discoverer;
use koperta::discover::providers::Providers;
use koperta::dns::Resolver;

use super::certs::{CertFiles, TestCerts};
use super::peer::SmtpPeer;
use super::{kill_group, python, script};

/// The address (and SMTP user) the discovery tests set up.
pub const LAB_USER: &str = "jan@example.test";

/// dnsmasq on a free port of 127.0.0.1.
pub struct Dns {
    child: Child,
    pub port: u16,
    pub log: PathBuf,
    _dir: tempfile::TempDir,
}

fn free_udp_port() -> u16 {
    let s = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind udp");
    s.local_addr().expect("addr").port()
}

impl Dns {
    /// Starts dnsmasq with `records` (dnsmasq options such as
    /// `--srv-host=…` or `--mx-host=…`) besides the A records.
    pub fn start(records: &[String]) -> Dns {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = dir.path().join("dns.log");
        let mut last_error = String::new();
        for _ in 0..5 {
            let port = free_udp_port();
            let mut child = Command::new("dnsmasq")
                .arg("--keep-in-foreground")
                .arg(format!("--port={port}"))
                .arg("--listen-address=127.0.0.1")
                .arg("--bind-interfaces")
                .arg("--no-resolv")
                .arg("--no-hosts")
                .arg("--conf-file=/dev/null")
                .arg("--pid-file=")
                .arg(format!("--user={}", whoami()))
                .arg("--local=/test/")
                .arg("--address=/example.test/127.0.0.1")
                .arg("--address=/provider.test/127.0.0.1")
                .arg("--log-queries")
                .arg(format!("--log-facility={}", log.display()))
                .args(records)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .process_group(0)
                .spawn()
                .expect("start dnsmasq (Debian package dnsmasq-base)");
            // Ready when it answers a question.
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                if dns_answers(port) {
                    return Dns {
                        child,
                        port,
                        log,
                        _dir: dir,
                    };
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            if let Ok(out) = child.wait_with_output() {
                last_error = String::from_utf8_lossy(&out.stderr).into_owned();
            }
        }
        panic!("dnsmasq did not start: {last_error}");
    }

    /// The resolver that asks this server.
    pub fn resolver(&self) -> Resolver {
        Resolver::Servers(vec![
            format!("127.0.0.1:{}", self.port).parse().expect("addr"),
        ])
    }

    /// The questions asked so far (`query[TYPE] name`).
    pub fn queries(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split_once("query[").map(|(_, q)| format!("query[{q}")))
            .collect()
    }
}

/// The user dnsmasq keeps running as (it would otherwise switch to
/// `nobody` and lose its log file).
fn whoami() -> String {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or(0);
    if uid == 0 {
        "root".into()
    } else {
        std::env::var("USER").unwrap_or_else(|_| "nobody".into())
    }
}

/// Asks `smtp.example.test A` over UDP: true when an answer comes.
fn dns_answers(port: u16) -> bool {
    let s = match std::net::UdpSocket::bind("127.0.0.1:0") {
        Ok(s) => s,
        Err(_) => return false,
    };
    let _ = s.set_read_timeout(Some(Duration::from_millis(200)));
    let mut q = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    for label in ["smtp", "example", "test"] {
        q.push(label.len() as u8);
        q.extend_from_slice(label.as_bytes());
    }
    q.extend_from_slice(&[0, 0, 1, 0, 1]);
    if s.send_to(&q, ("127.0.0.1", port)).is_err() {
        return false;
    }
    let mut buf = [0u8; 512];
    s.recv(&mut buf).is_ok_and(|n| n > 3 && buf[0] == 0x12)
}

impl Drop for Dns {
    fn drop(&mut self) {
        kill_group(self.child.id());
        let _ = self.child.wait();
    }
}

/// An HTTP or HTTPS server serving files from a directory.
pub struct Web {
    child: Child,
    pub port: u16,
    pub root: tempfile::TempDir,
    log: PathBuf,
}

impl Web {
    /// HTTPS with `cert` (or plain HTTP with `None`), with `redirects`
    /// (path → location).
    pub fn start(cert: Option<&CertFiles>, redirects: &[(&str, String)]) -> Web {
        let root = tempfile::tempdir().expect("tempdir");
        let log = root.path().join("requests.log");
        let redirect_file = root.path().join("redirects.json");
        let map: serde_json::Map<String, serde_json::Value> = redirects
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
            .collect();
        std::fs::write(&redirect_file, serde_json::to_vec(&map).expect("json")).expect("write");
        let mut cmd = Command::new(python());
        cmd.arg(script("https_server.py"))
            .arg("--root")
            .arg(root.path())
            .arg("--log")
            .arg(&log)
            .arg("--redirects")
            .arg(&redirect_file);
        if let Some(c) = cert {
            cmd.arg("--cert").arg(&c.cert).arg("--key").arg(&c.key);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .process_group(0)
            .spawn()
            .expect("start https_server.py");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read port");
        let v: serde_json::Value =
            serde_json::from_str(&line).unwrap_or_else(|_| panic!("no port: {line:?}"));
        Web {
            port: v["port"].as_u64().expect("port") as u16,
            child,
            root,
            log,
        }
    }

    /// Puts `body` at URL path `path`.
    pub fn put(&self, path: &str, body: &[u8]) {
        let full = self.root.path().join(path.trim_start_matches('/'));
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, body).expect("write");
    }

    /// The Referer header of every request so far ("" when none).
    pub fn referers(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| v["referer"].as_str().unwrap_or("").to_string())
            .collect()
    }

    /// Every request so far: (Host header, path with query).
    pub fn requests(&self) -> Vec<(String, String)> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| {
                (
                    v["host"].as_str().unwrap_or("").to_string(),
                    v["path"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    }
}

impl Drop for Web {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        kill_group(self.child.id());
        let _ = self.child.wait();
    }
}

/// Everything a discovery test needs.
pub struct Lab {
    pub certs: TestCerts,
    pub peer: SmtpPeer,
    pub dns: Dns,
    pub https: Web,
    pub http: Web,
}

impl Lab {
    /// Starts the lab with these extra dnsmasq records and HTTPS
    /// redirects. `{implicit}` and `{starttls}` in a record become the
    /// peer's ports.
    pub fn start(records: &[&str], redirects: &[(&str, &str)]) -> Lab {
        let certs = TestCerts::generate();
        let peer = SmtpPeer::start_with(&certs.discovery, 33_554_432, LAB_USER);
        let records: Vec<String> = records
            .iter()
            .map(|r| {
                r.replace("{implicit}", &peer.implicit_port.to_string())
                    .replace("{starttls}", &peer.starttls_port.to_string())
            })
            .collect();
        let dns = Dns::start(&records);
        let http = Web::start(None, &[]);
        let redirects: Vec<(&str, String)> = redirects
            .iter()
            .map(|(k, v)| (*k, v.replace("{http}", &http.port.to_string())))
            .collect();
        let https = Web::start(Some(&certs.discovery), &redirects);
        Lab {
            certs,
            peer,
            dns,
            https,
            http,
        }
    }

    /// A discoverer pointed at the lab, with `providers` as its table.
    pub fn discoverer(&self, providers: &str) -> Discoverer {
        let port = self.https.port;
        Discoverer {
            providers: Arc::new(Providers::parse(providers).expect("providers")),
            resolver: self.dns.resolver(),
            autoconfig_url: format!("https://autoconfig.{{domain}}:{port}/mail/config-v1.1.xml"),
            well_known_url: format!(
                "https://{{domain}}:{port}/.well-known/autoconfig/mail/config-v1.1.xml"
            ),
            ispdb_url: format!("https://ispdb.provider.test:{port}/v1.1/{{domain}}"),
            probe_ports: (self.peer.implicit_port, self.peer.starttls_port),
            extra_ca_pem: Some(std::fs::read_to_string(&self.certs.ca).expect("ca")),
            total: Duration::from_secs(15),
            per_request: Duration::from_secs(3),
            proxy_from_env: false,
        }
    }

    /// The CA file.
    pub fn ca(&self) -> &Path {
        &self.certs.ca
    }
}

/// An autoconfig file listing `servers` (host, port, socketType).
pub fn autoconfig_xml(servers: &[(&str, u16, &str)]) -> String {
    let mut xml = String::from(
        "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\">\n\
         <emailProvider id=\"example.test\"><domain>example.test</domain>\
         <displayName>Example Test Mail</displayName>\n\
         <incomingServer type=\"imap\"><hostname>imap.example.test</hostname><port>993</port>\
         <socketType>SSL</socketType></incomingServer>\n",
    );
    for (host, port, socket) in servers {
        xml.push_str(&format!(
            "<outgoingServer type=\"smtp\"><hostname>{host}</hostname><port>{port}</port>\
             <socketType>{socket}</socketType><username>%EMAILADDRESS%</username>\
             <authentication>password-cleartext</authentication>\
             <unknownFutureElement a=\"b\">x</unknownFutureElement></outgoingServer>\n"
        ));
    }
    xml.push_str("</emailProvider></clientConfig>\n");
    xml
}
