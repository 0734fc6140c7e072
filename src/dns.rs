//! Name resolution for submission and discovery.
//!
//! [`Resolver::System`] (the default) resolves host names as every other
//! program on the computer does (`getaddrinfo`: `/etc/hosts`, then DNS) and
//! asks the system's DNS servers (`/etc/resolv.conf`) for MX and SRV
//! records. [`Resolver::Servers`] sends every question, host addresses
//! included, to the given DNS servers: tests point it at a local server.
//!
//! Answers are not DNSSEC-validated.

use std::net::SocketAddr;
use std::time::Duration;

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{
    ConnectionConfig, LookupIpStrategy, NameServerConfig, ProtocolConfig, ResolveHosts,
    ResolverConfig,
};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::RData;

/// Where names are resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Resolver {
    /// The operating system's resolver and DNS servers.
    #[default]
    System,
    /// These DNS servers only (UDP, then TCP for long answers), for every
    /// question; `/etc/hosts` is not read.
    Servers(Vec<SocketAddr>),
}

/// A DNS failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsError {
    /// The name exists with no record of the type asked, or does not exist.
    #[error("no such record")]
    NotFound,
    /// The question could not be answered (no server, timeout, SERVFAIL, a
    /// name that is not a domain name).
    #[error("DNS lookup failed: {0}")]
    Failed(String),
}

/// One SRV record (RFC 2782).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Srv {
    /// Lower is tried first.
    pub priority: u16,
    /// The relative weight inside one priority.
    pub weight: u16,
    /// TCP port.
    pub port: u16,
    /// The target host, lowercase, without the trailing dot; empty when the
    /// target is `.` ("the service is not offered", RFC 2782).
    pub target: String,
}

/// One MX record (RFC 5321 §5.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mx {
    /// Lower is preferred.
    pub preference: u16,
    /// The mail exchanger's host name, lowercase, without the trailing dot.
    pub exchange: String,
}

/// Per-question limit of the DNS client (seconds); callers add their own
/// overall deadline.
const QUESTION_TIMEOUT: Duration = Duration::from_secs(3);

fn plain_name(name: &hickory_resolver::proto::rr::Name) -> String {
    name.to_ascii().trim_end_matches('.').to_ascii_lowercase()
}

impl Resolver {
    fn hickory(&self) -> Result<TokioResolver, DnsError> {
        let mut builder = match self {
            Resolver::System => {
                TokioResolver::builder_tokio().map_err(|e| DnsError::Failed(e.to_string()))?
            }
            Resolver::Servers(servers) => {
                let name_servers = servers
                    .iter()
                    .map(|s| {
                        let mut udp = ConnectionConfig::new(ProtocolConfig::Udp);
                        udp.port = s.port();
                        let mut tcp = ConnectionConfig::new(ProtocolConfig::Tcp);
                        tcp.port = s.port();
                        NameServerConfig::new(s.ip(), true, vec![udp, tcp])
                    })
                    .collect();
                TokioResolver::builder_with_config(
                    ResolverConfig::from_name_servers(name_servers),
                    TokioRuntimeProvider::default(),
                )
            }
        };
        let opts = builder.options_mut();
        opts.timeout = QUESTION_TIMEOUT;
        opts.attempts = 1;
        opts.ip_strategy = LookupIpStrategy::Ipv4thenIpv6;
        if matches!(self, Resolver::Servers(_)) {
            opts.use_hosts_file = ResolveHosts::Never;
        }
        builder.build().map_err(|e| DnsError::Failed(e.to_string()))
    }

    /// The socket addresses of `host` at `port`, in the resolver's order.
    ///
    /// Errors: [`DnsError::NotFound`] when the name has no address;
    /// [`DnsError::Failed`] otherwise.
    pub async fn addresses(&self, host: &str, port: u16) -> Result<Vec<SocketAddr>, DnsError> {
        let found: Vec<SocketAddr> = match self {
            Resolver::System => tokio::net::lookup_host((host, port))
                .await
                .map_err(|e| DnsError::Failed(e.to_string()))?
                .collect(),
            Resolver::Servers(_) => {
                if let Ok(ip) = host.parse::<std::net::IpAddr>() {
                    return Ok(vec![SocketAddr::new(ip, port)]);
                }
                let name = format!("{}.", host.trim_end_matches('.'));
                self.hickory()?
                    .lookup_ip(name.as_str())
                    .await
                    .map_err(|e| classify(&e))?
                    .iter()
                    .map(|ip| SocketAddr::new(ip, port))
                    .collect()
            }
        };
        if found.is_empty() {
            Err(DnsError::NotFound)
        } else {
            Ok(found)
        }
    }

    /// The MX records of `domain` (an A-label domain), by preference.
    ///
    /// Errors: [`DnsError::NotFound`] when there is none; [`DnsError::Failed`].
    pub async fn mx(&self, domain: &str) -> Result<Vec<Mx>, DnsError> {
        let name = format!("{}.", domain.trim_end_matches('.'));
        let lookup = self
            .hickory()?
            .mx_lookup(name.as_str())
            .await
            .map_err(|e| classify(&e))?;
        let mut found: Vec<Mx> = lookup
            .answers()
            .iter()
            .filter_map(|r| match &r.data {
                RData::MX(mx) => Some(Mx {
                    preference: mx.preference,
                    exchange: plain_name(&mx.exchange),
                }),
                _ => None,
            })
            .collect();
        found.sort_by_key(|m| m.preference);
        if found.is_empty() {
            Err(DnsError::NotFound)
        } else {
            Ok(found)
        }
    }

    /// The SRV records of `name` (e.g. `_submissions._tcp.example.com`), as
    /// the server gave them; [`order_srv`] puts them in the order to try.
    ///
    /// Errors: [`DnsError::NotFound`] when there is none; [`DnsError::Failed`].
    pub async fn srv(&self, name: &str) -> Result<Vec<Srv>, DnsError> {
        let name = format!("{}.", name.trim_end_matches('.'));
        let lookup = self
            .hickory()?
            .srv_lookup(name.as_str())
            .await
            .map_err(|e| classify(&e))?;
        let found: Vec<Srv> = lookup
            .answers()
            .iter()
            .filter_map(|r| match &r.data {
                RData::SRV(srv) => Some(Srv {
                    priority: srv.priority,
                    weight: srv.weight,
                    port: srv.port,
                    target: plain_name(&srv.target),
                }),
                _ => None,
            })
            .collect();
        if found.is_empty() {
            Err(DnsError::NotFound)
        } else {
            Ok(found)
        }
    }
}

fn classify(e: &hickory_resolver::net::NetError) -> DnsError {
    if e.is_no_records_found() || e.is_nx_domain() {
        DnsError::NotFound
    } else {
        DnsError::Failed(e.to_string())
    }
}

/// Puts SRV records in the order to try them (RFC 2782, "Usage rules"):
/// by priority, lowest first; inside one priority a weighted random order,
/// where a record of weight 0 is rarely chosen first. `pick(total)` returns
/// a number in `0..=total` (a random one in use; fixed in tests).
///
/// A single record whose target is `.` means the service is not offered
/// (RFC 2782): the result is then empty. Other `.` targets are dropped.
pub fn order_srv(mut records: Vec<Srv>, mut pick: impl FnMut(u32) -> u32) -> Vec<Srv> {
    if records.len() == 1 && records[0].target.is_empty() {
        return Vec::new();
    }
    records.retain(|r| !r.target.is_empty());
    records.sort_by_key(|r| r.priority);
    let mut ordered = Vec::with_capacity(records.len());
    let mut rest = records.as_slice();
    while let Some(first) = rest.first() {
        let end = rest
            .iter()
            .position(|r| r.priority != first.priority)
            .unwrap_or(rest.len());
        let (group, tail) = rest.split_at(end);
        // Weight-0 records first, as RFC 2782 asks, then the selection loop.
        let mut pool: Vec<Srv> = group.iter().filter(|r| r.weight == 0).cloned().collect();
        pool.extend(group.iter().filter(|r| r.weight != 0).cloned());
        while !pool.is_empty() {
            let total: u32 = pool.iter().map(|r| u32::from(r.weight)).sum();
            let chosen = pick(total).min(total);
            let mut running = 0u32;
            let mut index = pool.len() - 1;
            for (i, r) in pool.iter().enumerate() {
                running += u32::from(r.weight);
                if running >= chosen {
                    index = i;
                    break;
                }
            }
            ordered.push(pool.remove(index));
        }
        rest = tail;
    }
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn srv(priority: u16, weight: u16, target: &str) -> Srv {
        Srv {
            priority,
            weight,
            port: 465,
            target: target.into(),
        }
    }

    #[test]
    fn srv_records_go_by_priority_then_weight() {
        let records = vec![
            srv(20, 0, "backup.example.com"),
            srv(10, 1, "light.example.com"),
            srv(10, 9, "heavy.example.com"),
        ];
        // Always picking the top of the range chooses by running sum: the
        // heavy one (1 + 9 = 10) first.
        let order = order_srv(records.clone(), |total| total);
        let targets: Vec<_> = order.iter().map(|r| r.target.as_str()).collect();
        assert_eq!(
            targets,
            [
                "heavy.example.com",
                "light.example.com",
                "backup.example.com"
            ]
        );
        // Picking 1 chooses the light one (running sum 1 ≥ 1).
        let order = order_srv(records, |_| 1);
        assert_eq!(order[0].target, "light.example.com");
        assert_eq!(order[2].target, "backup.example.com");
    }

    #[test]
    fn weighted_choice_follows_the_weights() {
        use rand::Rng;
        let records = vec![
            srv(10, 1, "light.example.com"),
            srv(10, 3, "heavy.example.com"),
        ];
        let mut rng = rand::rng();
        let heavy_first = (0..4000)
            .filter(|_| {
                order_srv(records.clone(), |t| rng.random_range(0..=t))[0].target
                    == "heavy.example.com"
            })
            .count();
        // RFC 2782 draws from 0..=4: 0 and 1 choose the light record, 2, 3
        // and 4 the heavy one, so about 3/5 of 4000 = 2400.
        assert!((2150..=2650).contains(&heavy_first), "{heavy_first}");
    }

    #[test]
    fn a_lone_dot_target_means_not_offered() {
        assert!(order_srv(vec![srv(0, 0, "")], |t| t).is_empty());
        let order = order_srv(vec![srv(0, 0, ""), srv(1, 0, "smtp.example.com")], |t| t);
        assert_eq!(order.len(), 1);
    }
}
