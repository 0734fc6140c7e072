//! Finding the submission server of an address: the bundled providers,
//! autoconfig files over HTTPS, MX and SRV records, and probing.
//!
//! Rules (RFC 8314 §5.1, DESIGN.md): a plaintext server is never proposed,
//! whatever the source says; nothing is fetched over plain HTTP and the
//! address never travels over it; probing does TLS with a full certificate
//! check and EHLO, never AUTH. Results are ranked implicit TLS before
//! STARTTLS, then by source. DNS answers are not DNSSEC-validated.

pub mod autoconfig;
pub mod providers;

use std::sync::Arc;
use std::time::Duration;

use crate::account::Security;
use crate::dns::{DnsError, Resolver};
use crate::smtp::transport::{Deadlines, Target};
use providers::{Auth, Provider, Providers, Username};

/// Where a finding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// The providers table compiled into Koperta.
    Bundled,
    /// `https://autoconfig.{domain}/mail/config-v1.1.xml`.
    Autoconfig,
    /// `https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml`.
    WellKnown,
    /// SRV records (RFC 6186, RFC 8314 §5.1).
    Srv,
    /// Thunderbird's ISPDB (`https://autoconfig.thunderbird.net/v1.1/{domain}`).
    Ispdb,
    /// The domain's MX records point at a provider in the table.
    Mx,
    /// A TLS handshake and EHLO with common host names.
    Probe,
}

impl Source {
    /// Every source, in the order results are preferred.
    pub const ALL: [Source; 7] = [
        Source::Bundled,
        Source::Autoconfig,
        Source::WellKnown,
        Source::Srv,
        Source::Ispdb,
        Source::Mx,
        Source::Probe,
    ];

    /// A stable name (`bundled`, `autoconfig`, `well-known`, `srv`,
    /// `ispdb`, `mx`, `probe`).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Bundled => "bundled",
            Source::Autoconfig => "autoconfig",
            Source::WellKnown => "well-known",
            Source::Srv => "srv",
            Source::Ispdb => "ispdb",
            Source::Mx => "mx",
            Source::Probe => "probe",
        }
    }
}

/// One proposed submission server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Host name (the certificate must be valid for it).
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// Implicit TLS or STARTTLS (never plaintext here).
    pub security: Security,
    /// The user name for AUTH.
    pub username: String,
    /// Where it came from.
    pub source: Source,
    /// The provider it belongs to, when known (for its notes).
    pub provider: Option<Provider>,
    /// An SRV target outside the address's domain: the person confirms it
    /// before it is used (RFC 6186 §6).
    pub outside_domain: bool,
}

/// What one source gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// This many servers (plaintext ones included).
    Found(usize),
    /// Nothing there.
    Nothing,
    /// The source could not be asked (the reason, for the record).
    Failed(String),
    /// Not asked (an earlier source answered, or there was no time left).
    Skipped,
    /// The domain says the service is not offered (an SRV target of `.`,
    /// RFC 2782): nothing is probed then.
    NotOffered,
}

/// Everything discovery found for one address.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Findings {
    /// The address's domain, as A-labels.
    pub domain: String,
    /// Usable servers, best first.
    pub candidates: Vec<Candidate>,
    /// Plaintext servers a source named, refused (never proposed).
    pub refused_plaintext: Vec<Candidate>,
    /// A provider that accepts only OAuth 2.0 sign-in, which Koperta cannot
    /// do yet.
    pub oauth_only: Option<Provider>,
    /// What each source gave, in [`Source::ALL`] order.
    pub outcomes: Vec<(Source, Outcome)>,
}

impl Findings {
    /// The domain as the person typed it (Unicode, not A-labels).
    pub fn domain_unicode(&self) -> String {
        idna::domain_to_unicode(&self.domain).0
    }

    /// Whether some source could not be asked (no network, a timeout).
    pub fn some_source_failed(&self) -> bool {
        self.outcomes
            .iter()
            .any(|(_, o)| matches!(o, Outcome::Failed(_)))
    }

    /// The best candidate.
    pub fn best(&self) -> Option<&Candidate> {
        self.candidates.first()
    }
}

/// Why discovery could not start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscoverError {
    /// The address is not a valid address.
    #[error("not a valid address")]
    InvalidAddress,
}

/// How discovery runs; every part can be pointed elsewhere (tests use a
/// local DNS server, local HTTPS servers and their own CA).
#[derive(Debug, Clone)]
pub struct Discoverer {
    /// The providers table.
    pub providers: Arc<Providers>,
    /// DNS.
    pub resolver: Resolver,
    /// The provider's autoconfig URL; `{domain}` is replaced, and
    /// `emailaddress=` is added to the query.
    pub autoconfig_url: String,
    /// The domain's well-known autoconfig URL; `{domain}` is replaced.
    pub well_known_url: String,
    /// The ISPDB URL; `{domain}` is replaced.
    pub ispdb_url: String,
    /// Ports probed: implicit TLS (465) and STARTTLS (587).
    pub probe_ports: (u16, u16),
    /// Extra trusted roots (PEM) for HTTPS and probes (tests).
    pub extra_ca_pem: Option<String>,
    /// The whole discovery's limit (default 15 s).
    pub total: Duration,
    /// One HTTP request's or one probe step's limit (default 6 s).
    pub per_request: Duration,
    /// Use the `https_proxy` environment variable for HTTPS (default true).
    pub proxy_from_env: bool,
}

impl Default for Discoverer {
    fn default() -> Self {
        Discoverer {
            providers: Arc::new(Providers::bundled()),
            resolver: Resolver::System,
            autoconfig_url: "https://autoconfig.{domain}/mail/config-v1.1.xml".into(),
            well_known_url: "https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml".into(),
            ispdb_url: "https://autoconfig.thunderbird.net/v1.1/{domain}".into(),
            probe_ports: (465, 587),
            extra_ca_pem: None,
            total: Duration::from_secs(15),
            per_request: Duration::from_secs(6),
            proxy_from_env: true,
        }
    }
}

/// Autoconfig files larger than this are not read (bytes).
const MAX_AUTOCONFIG_BYTES: usize = 256 * 1024;

fn security_rank(s: Security) -> u8 {
    match s {
        Security::ImplicitTls => 0,
        Security::StartTls => 1,
        Security::Plaintext => 2,
    }
}

fn source_rank(s: Source) -> usize {
    Source::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or(usize::MAX)
}

/// `host` is `domain` or inside it.
fn inside(host: &str, domain: &str) -> bool {
    host == domain || host.ends_with(&format!(".{domain}"))
}

fn username_for(p: &Provider, address: &str) -> String {
    match p.username {
        Username::Address => address.to_string(),
        Username::LocalPart => address
            .rsplit_once('@')
            .map(|(l, _)| l.to_string())
            .unwrap_or_default(),
    }
}

fn from_provider(p: &Provider, address: &str, source: Source) -> Vec<Candidate> {
    p.servers
        .iter()
        .map(|s| Candidate {
            host: s.host.to_ascii_lowercase(),
            port: s.port,
            security: s.security,
            username: username_for(p, address),
            source,
            provider: Some(p.clone()),
            outside_domain: false,
        })
        .collect()
}

/// The result of one source: its servers, or why it gave none.
type Asked = (Source, Result<Vec<Candidate>, Outcome>, Option<Provider>);

impl Discoverer {
    /// A discoverer with the default sources and `resolver`.
    pub fn with_resolver(resolver: Resolver) -> Discoverer {
        Discoverer {
            resolver,
            ..Discoverer::default()
        }
    }

    fn http_client(&self) -> Result<reqwest::Client, String> {
        let tls = crate::smtp::transport::https_client_config(self.extra_ca_pem.as_deref())
            .map_err(|e| e.to_string())?;
        let policy = reqwest::redirect::Policy::custom(|attempt| {
            if attempt.url().scheme() != "https" {
                attempt.error("a redirect to plain HTTP was refused")
            } else if attempt.previous().len() >= 5 {
                attempt.stop()
            } else {
                attempt.follow()
            }
        });
        let mut builder = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .https_only(true)
            // The autoconfig URL carries the address: never pass it on to
            // the host a redirect leads to.
            .referer(false)
            .redirect(policy)
            .timeout(self.per_request)
            .connect_timeout(self.per_request)
            .dns_resolver(Arc::new(HttpResolver(self.resolver.clone())));
        if !self.proxy_from_env {
            builder = builder.no_proxy();
        }
        builder.build().map_err(|e| e.to_string())
    }

    /// Fetches `url` (HTTPS only) and parses it as an autoconfig file.
    async fn fetch_autoconfig(
        &self,
        client: &reqwest::Client,
        url: Result<reqwest::Url, String>,
        address: &str,
    ) -> Result<autoconfig::Config, Outcome> {
        let url = url.map_err(Outcome::Failed)?;
        if url.scheme() != "https" {
            return Err(Outcome::Failed("not an https URL".into()));
        }
        let mut response = client
            .get(url)
            .send()
            .await
            .map_err(|e| Outcome::Failed(e.to_string()))?;
        if response.status() == reqwest::StatusCode::NOT_FOUND {
            return Err(Outcome::Nothing);
        }
        if !response.status().is_success() {
            return Err(Outcome::Failed(format!("HTTP {}", response.status())));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| Outcome::Failed(e.to_string()))?
        {
            body.extend_from_slice(&chunk);
            if body.len() > MAX_AUTOCONFIG_BYTES {
                return Err(Outcome::Failed("the file is too large".into()));
            }
        }
        autoconfig::parse(&body, address).map_err(|e| match e {
            autoconfig::AutoconfigError::NoOutgoing => Outcome::Nothing,
            other => Outcome::Failed(other.to_string()),
        })
    }

    fn url(&self, template: &str, domain: &str) -> Result<reqwest::Url, String> {
        reqwest::Url::parse(&template.replace("{domain}", domain)).map_err(|e| e.to_string())
    }

    async fn ask_autoconfig(
        &self,
        client: &Result<reqwest::Client, String>,
        source: Source,
        address: &str,
        domain: &str,
    ) -> Asked {
        let client = match client {
            Ok(c) => c,
            Err(e) => return (source, Err(Outcome::Failed(e.clone())), None),
        };
        let url = match source {
            Source::Autoconfig => self.url(&self.autoconfig_url, domain).map(|mut u| {
                u.query_pairs_mut().append_pair("emailaddress", address);
                u
            }),
            Source::WellKnown => self.url(&self.well_known_url, domain),
            _ => self.url(&self.ispdb_url, domain),
        };
        match self.fetch_autoconfig(client, url, address).await {
            Err(outcome) => (source, Err(outcome), None),
            Ok(config) => {
                let oauth = config.outgoing.iter().all(|o| !o.takes_password());
                let provider = oauth.then(|| Provider {
                    id: domain.to_string(),
                    name: config.display_name.clone().unwrap_or_else(|| domain.into()),
                    name_pl: None,
                    domains: vec![domain.to_string()],
                    mx: Vec::new(),
                    username: Username::Address,
                    auth: Auth::OauthOnly,
                    help: String::new(),
                    note: providers::Note::None,
                    source: source.as_str().into(),
                    verified: true,
                    servers: Vec::new(),
                });
                let found = config
                    .outgoing
                    .into_iter()
                    .filter(|o| o.takes_password())
                    .map(|o| Candidate {
                        outside_domain: false,
                        host: o.host,
                        port: o.port,
                        security: o.security,
                        username: o.username,
                        source,
                        provider: None,
                    })
                    .collect();
                (source, Ok(found), provider)
            }
        }
    }

    async fn ask_srv(&self, address: &str, domain: &str) -> Asked {
        let submissions = format!("_submissions._tcp.{domain}");
        let submission = format!("_submission._tcp.{domain}");
        let (implicit, starttls) = tokio::join!(
            self.resolver.srv(&submissions),
            self.resolver.srv(&submission),
        );
        let mut found = Vec::new();
        let mut failure = None;
        let mut not_offered = 0;
        for (answer, security) in [
            (implicit, Security::ImplicitTls),
            (starttls, Security::StartTls),
        ] {
            match answer {
                Ok(records) => {
                    if records.len() == 1 && records[0].target.is_empty() {
                        not_offered += 1;
                    }
                    let ordered =
                        crate::dns::order_srv(records, |total| rand::random_range(0..=total));
                    found.extend(
                        ordered
                            .into_iter()
                            .filter(|r| r.port != 0)
                            .map(|r| Candidate {
                                outside_domain: !inside(&r.target, domain),
                                host: r.target,
                                port: r.port,
                                security,
                                username: address.to_string(),
                                source: Source::Srv,
                                provider: None,
                            }),
                    );
                }
                Err(DnsError::NotFound) => {}
                Err(DnsError::Failed(e)) => failure = Some(e),
            }
        }
        match (found.is_empty(), failure) {
            (false, _) => (Source::Srv, Ok(found), None),
            (true, Some(e)) => (Source::Srv, Err(Outcome::Failed(e)), None),
            (true, None) if not_offered > 0 => (Source::Srv, Err(Outcome::NotOffered), None),
            (true, None) => (Source::Srv, Err(Outcome::Nothing), None),
        }
    }

    async fn ask_mx(&self, address: &str, domain: &str) -> Asked {
        match self.resolver.mx(domain).await {
            Ok(records) => {
                let provider = records
                    .iter()
                    .find_map(|mx| self.providers.by_mx(&mx.exchange))
                    .cloned();
                match provider {
                    Some(p) if p.auth == Auth::OauthOnly => {
                        (Source::Mx, Ok(Vec::new()), Some(p.clone()))
                    }
                    Some(p) => (Source::Mx, Ok(from_provider(&p, address, Source::Mx)), None),
                    None => (Source::Mx, Err(Outcome::Nothing), None),
                }
            }
            Err(DnsError::NotFound) => (Source::Mx, Err(Outcome::Nothing), None),
            Err(DnsError::Failed(e)) => (Source::Mx, Err(Outcome::Failed(e)), None),
        }
    }

    async fn ask_probe(&self, address: &str, domain: &str, limit: Duration) -> Asked {
        let hosts = [
            format!("smtp.{domain}"),
            format!("mail.{domain}"),
            domain.to_string(),
        ];
        let step = self.per_request.min(limit);
        let deadlines = Deadlines {
            connect: step,
            tls: step,
            greeting: step,
            command: step,
            data_idle: step,
            final_reply: step,
            implicit_tls_probe: step,
        };
        let mut attempts = Vec::new();
        for (h, host) in hosts.iter().enumerate() {
            for (security, port) in [
                (Security::ImplicitTls, self.probe_ports.0),
                (Security::StartTls, self.probe_ports.1),
            ] {
                let target = Target {
                    host: host.clone(),
                    port,
                    security,
                    extra_ca_pem: self.extra_ca_pem.clone(),
                    pinned_cert_pem: None,
                    never_plaintext: true,
                    resolver: self.resolver.clone(),
                };
                attempts.push(async move {
                    let options = crate::smtp::session::SessionOptions {
                        deadlines,
                        ..Default::default()
                    };
                    let ok =
                        tokio::time::timeout(limit, crate::smtp::session::probe(&target, &options))
                            .await
                            .is_ok_and(|r| r.is_ok());
                    (h, target, ok)
                });
            }
        }
        let results = futures::future::join_all(attempts).await;
        let mut found: Vec<(usize, Candidate)> = results
            .into_iter()
            .filter(|(_, _, ok)| *ok)
            .map(|(h, t, _)| {
                (
                    h,
                    Candidate {
                        host: t.host,
                        port: t.port,
                        security: t.security,
                        username: address.to_string(),
                        source: Source::Probe,
                        provider: None,
                        outside_domain: false,
                    },
                )
            })
            .collect();
        found.sort_by_key(|(h, c)| (security_rank(c.security), *h));
        let found: Vec<Candidate> = found.into_iter().map(|(_, c)| c).collect();
        if found.is_empty() {
            (Source::Probe, Err(Outcome::Nothing), None)
        } else {
            (Source::Probe, Ok(found), None)
        }
    }

    /// Finds the submission servers of `address`.
    ///
    /// The bundled table answers at once, without the network. Otherwise
    /// autoconfig, .well-known, ISPDB, SRV and MX are asked at the same
    /// time; probing runs only when they find nothing. Everything ends
    /// within [`Discoverer::total`].
    ///
    /// Errors: [`DiscoverError::InvalidAddress`]. Sources that fail are
    /// recorded in [`Findings::outcomes`], not returned as errors.
    pub async fn discover(&self, address: &str) -> Result<Findings, DiscoverError> {
        let mailbox =
            crate::address::parse_mailbox(address).map_err(|_| DiscoverError::InvalidAddress)?;
        // A name before the address, or an address literal
        // (`jan@[192.0.2.1]`): nothing to discover.
        if mailbox.name.is_some() || mailbox.domain_ascii.starts_with('[') {
            return Err(DiscoverError::InvalidAddress);
        }
        let address = mailbox.addr_spec();
        let domain = mailbox.domain_ascii.to_ascii_lowercase();
        let started = std::time::Instant::now();
        let mut findings = Findings {
            domain: domain.clone(),
            ..Findings::default()
        };
        if let Some(p) = self.providers.by_domain(&domain) {
            let mut asked: Vec<Asked> = vec![(
                Source::Bundled,
                Ok(from_provider(p, &address, Source::Bundled)),
                (p.auth == Auth::OauthOnly).then(|| p.clone()),
            )];
            asked.extend(
                Source::ALL[1..]
                    .iter()
                    .map(|s| (*s, Err(Outcome::Skipped), None)),
            );
            collect(&mut findings, asked);
            return Ok(findings);
        }
        let client = self.http_client();
        let total = self.total;
        let (a, w, i, s, m) = tokio::join!(
            bounded(
                Source::Autoconfig,
                total,
                self.ask_autoconfig(&client, Source::Autoconfig, &address, &domain)
            ),
            bounded(
                Source::WellKnown,
                total,
                self.ask_autoconfig(&client, Source::WellKnown, &address, &domain)
            ),
            bounded(
                Source::Ispdb,
                total,
                self.ask_autoconfig(&client, Source::Ispdb, &address, &domain)
            ),
            bounded(Source::Srv, total, self.ask_srv(&address, &domain)),
            bounded(Source::Mx, total, self.ask_mx(&address, &domain)),
        );
        let mut asked = vec![
            (Source::Bundled, Err(Outcome::Nothing), None),
            a,
            w,
            s,
            i,
            m,
        ];
        let any = asked.iter().any(|(_, r, p)| {
            p.is_some()
                || r.as_ref().is_ok_and(|c| !c.is_empty())
                || matches!(r, Err(Outcome::NotOffered))
        });
        let left = total.saturating_sub(started.elapsed());
        if any || left.is_zero() {
            asked.push((Source::Probe, Err(Outcome::Skipped), None));
        } else {
            asked.push(self.ask_probe(&address, &domain, left).await);
        }
        collect(&mut findings, asked);
        Ok(findings)
    }
}

/// Sorts what the sources gave into the findings: plaintext apart, the
/// rest ranked implicit TLS first, then by source, duplicates dropped.
fn collect(findings: &mut Findings, asked: Vec<Asked>) {
    let mut all = Vec::new();
    for (source, result, oauth) in asked {
        if findings.oauth_only.is_none() {
            findings.oauth_only = oauth;
        }
        let outcome = match result {
            Ok(found) => {
                let n = found.len();
                all.extend(found);
                if n == 0 {
                    Outcome::Nothing
                } else {
                    Outcome::Found(n)
                }
            }
            Err(outcome) => outcome,
        };
        findings.outcomes.push((source, outcome));
    }
    findings
        .outcomes
        .sort_by_key(|(source, _)| source_rank(*source));
    let (plain, mut usable): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|c| c.security == Security::Plaintext);
    // A stable sort: within one security and source, the source's order.
    usable.sort_by_key(|c| (security_rank(c.security), source_rank(c.source)));
    let mut seen = std::collections::HashSet::new();
    usable.retain(|c| seen.insert((c.host.clone(), c.port, c.security.as_str())));
    findings.candidates = usable;
    findings.refused_plaintext = plain;
}

/// `fut`, or a "timed out" outcome for `source` after `total`.
async fn bounded(
    source: Source,
    total: Duration,
    fut: impl std::future::Future<Output = Asked>,
) -> Asked {
    match tokio::time::timeout(total, fut).await {
        Ok(asked) => asked,
        Err(_) => (source, Err(Outcome::Failed("timed out".into())), None),
    }
}

/// reqwest's DNS through our [`Resolver`].
struct HttpResolver(Resolver);

impl reqwest::dns::Resolve for HttpResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let resolver = self.0.clone();
        let host = name.as_str().to_string();
        Box::pin(async move {
            let addrs = resolver
                .addresses(&host, 0)
                .await
                .map_err(|e| -> Box<dyn std::error::Error + Send + Sync> { Box::new(e) })?;
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(host: &str, security: Security, source: Source) -> Candidate {
        Candidate {
            host: host.into(),
            port: 1,
            security,
            username: String::new(),
            source,
            provider: None,
            outside_domain: false,
        }
    }

    #[test]
    fn plaintext_is_set_apart_and_implicit_tls_comes_first() {
        let mut f = Findings::default();
        collect(
            &mut f,
            vec![(
                Source::Autoconfig,
                Ok(vec![
                    cand("plain.example.com", Security::Plaintext, Source::Autoconfig),
                    cand("587.example.com", Security::StartTls, Source::Autoconfig),
                    cand("465.example.com", Security::ImplicitTls, Source::Autoconfig),
                ]),
                None,
            )],
        );
        let hosts: Vec<_> = f.candidates.iter().map(|c| c.host.as_str()).collect();
        assert_eq!(hosts, ["465.example.com", "587.example.com"]);
        assert_eq!(f.refused_plaintext.len(), 1);
    }

    #[test]
    fn srv_targets_outside_the_domain_are_flagged() {
        assert!(inside("smtp.example.com", "example.com"));
        assert!(inside("example.com", "example.com"));
        assert!(!inside("badexample.com", "example.com"));
        assert!(!inside("smtp.provider.net", "example.com"));
    }

    #[tokio::test]
    async fn bundled_providers_answer_without_the_network() {
        // A resolver that cannot reach anything: the bundled table answers.
        let d = Discoverer::with_resolver(Resolver::Servers(vec!["127.0.0.1:9".parse().unwrap()]));
        for (address, host) in [
            ("jan@gmail.com", "smtp.gmail.com"),
            ("jan@wp.pl", "smtp.wp.pl"),
            ("jan@onet.pl", "smtp.poczta.onet.pl"),
            ("jan@interia.pl", "poczta.interia.pl"),
        ] {
            let f = d.discover(address).await.unwrap();
            assert_eq!(f.best().map(|c| c.host.as_str()), Some(host), "{address}");
            assert_eq!(f.best().map(|c| c.source), Some(Source::Bundled));
        }
        let f = d.discover("jan@outlook.com").await.unwrap();
        assert!(f.oauth_only.is_some());
        assert_eq!(
            d.discover("jan@[127.0.0.1]").await,
            Err(DiscoverError::InvalidAddress)
        );
    }
}
