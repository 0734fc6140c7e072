//! Whether bytes written to a TCP connection are still unacknowledged by
//! the peer: after the final `.` of DATA was written, an answer of "some"
//! means the server cannot have read the end of the message, so nothing was
//! delivered and a retry sends it once.
//!
//! On Linux this reads the connection's `tx_queue` from `/proc/net/tcp`
//! (or `tcp6`): bytes written and not yet acknowledged (`write_seq -
//! snd_una`, what `SIOCOUTQ` reports), found by the local and peer
//! address. Reading a file needs no `unsafe` ioctl. Elsewhere the answer is
//! always "unknown", which keeps the safe "may have been sent".

use std::net::SocketAddr;

/// The bytes of the connection `local` → `peer` that the peer has not
/// acknowledged, or `None` when that cannot be known (not Linux, the
/// connection is gone or not established).
pub fn unacknowledged(local: SocketAddr, peer: SocketAddr) -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let file = if local.is_ipv4() {
            "/proc/net/tcp"
        } else {
            "/proc/net/tcp6"
        };
        let table = std::fs::read_to_string(file).ok()?;
        find(&table, local, peer)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (local, peer);
        None
    }
}

/// Finds the established connection `local` → `peer` in a `/proc/net/tcp`
/// table and returns its `tx_queue`.
fn find(table: &str, local: SocketAddr, peer: SocketAddr) -> Option<u64> {
    for line in table.lines().skip(1) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (Some(l), Some(r), Some(st), Some(queues)) =
            (fields.get(1), fields.get(2), fields.get(3), fields.get(4))
        else {
            continue;
        };
        // 01: TCP_ESTABLISHED.
        if *st != "01" || parse(l) != Some(local) || parse(r) != Some(peer) {
            continue;
        }
        let tx = queues.split(':').next()?;
        return u64::from_str_radix(tx, 16).ok();
    }
    None
}

/// `0100007F:0019` → 127.0.0.1:25 (each 32-bit word printed in the
/// machine's byte order).
fn parse(field: &str) -> Option<SocketAddr> {
    let (addr, port) = field.split_once(':')?;
    let port = u16::from_str_radix(port, 16).ok()?;
    let mut bytes = Vec::with_capacity(16);
    for i in (0..addr.len()).step_by(8) {
        let word = u32::from_str_radix(addr.get(i..i + 8)?, 16).ok()?;
        bytes.extend_from_slice(&word.to_ne_bytes());
    }
    let ip: std::net::IpAddr = match bytes.len() {
        4 => <[u8; 4]>::try_from(bytes.as_slice()).ok()?.into(),
        16 => {
            let v6 = std::net::Ipv6Addr::from(<[u8; 16]>::try_from(bytes.as_slice()).ok()?);
            // A v4-mapped address stands for the v4 one.
            v6.to_ipv4_mapped().map(Into::into).unwrap_or(v6.into())
        }
        _ => return None,
    };
    Some(SocketAddr::new(ip, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_endian = "little")]
    #[test]
    fn a_table_line_gives_the_connections_queue() {
        let table = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   \
            0: 0100007F:0019 0100007F:C5A2 0A 00000000:00000000 00:00000000 00000000     0        0 1\n   \
            1: 0100007F:C5A2 0100007F:0019 01 00001F40:00000000 01:00000014 00000000     0        0 2\n";
        let local: SocketAddr = "127.0.0.1:50594".parse().unwrap();
        let peer: SocketAddr = "127.0.0.1:25".parse().unwrap();
        assert_eq!(find(table, local, peer), Some(8000));
        assert_eq!(find(table, peer, local), None, "not established");
    }

    #[test]
    fn a_live_connection_with_nothing_pending_reports_zero() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let client = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let _server = listener.accept().unwrap();
        let got = unacknowledged(client.local_addr().unwrap(), client.peer_addr().unwrap());
        if cfg!(target_os = "linux") {
            assert_eq!(got, Some(0));
        }
    }
}
