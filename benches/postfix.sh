#!/usr/bin/env bash
# Configures and starts Debian's Postfix as a submission server on 127.0.0.1
# for the submission benchmark (never part of the test command):
#  - implicit TLS ("submissions") on PORT with CERT/KEY,
#  - SASL PLAIN and LOGIN (Cyrus sasldb) for jan@example.com with PASSWORD,
#  - message_size_limit raised to 100 MiB,
#  - every accepted message discarded after queueing.
# It changes the machine's Postfix configuration: run it on a test machine.
# usage: benches/postfix.sh CERT KEY PORT PASSWORD
set -euo pipefail
cert=$1 key=$2 port=$3 password=$4
if ! command -v postconf >/dev/null || ! command -v saslpasswd2 >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix sasl2-bin libsasl2-modules >/dev/null
    else
        echo "benches/postfix.sh: install postfix sasl2-bin libsasl2-modules first" >&2
        exit 1
    fi
fi
install -m 644 "$cert" /etc/postfix/bench.crt
install -m 600 "$key" /etc/postfix/bench.key
postconf -e \
    "inet_interfaces = loopback-only" "inet_protocols = ipv4" "mydestination =" "relayhost =" \
    "default_transport = discard" "relay_transport = discard" "local_transport = discard" \
    "message_size_limit = 104857600" "mailbox_size_limit = 0" \
    "smtpd_tls_cert_file = /etc/postfix/bench.crt" "smtpd_tls_key_file = /etc/postfix/bench.key" \
    "smtpd_tls_security_level = may" \
    "smtpd_sasl_auth_enable = yes" "smtpd_sasl_type = cyrus" "smtpd_sasl_path = smtpd" \
    "cyrus_sasl_config_path = /etc/postfix/sasl" \
    "smtpd_relay_restrictions = permit_sasl_authenticated, reject" \
    "smtpd_recipient_restrictions = permit_sasl_authenticated, reject" \
    "maillog_file = /var/log/postfix-bench.log"
mkdir -p /etc/postfix/sasl
printf 'pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\nsasldb_path: /etc/postfix/sasldb2\n' \
    > /etc/postfix/sasl/smtpd.conf
printf '%s' "$password" | saslpasswd2 -p -c -f /etc/postfix/sasldb2 -u example.com jan
chown root:postfix /etc/postfix/sasldb2
chmod 640 /etc/postfix/sasldb2
# The submissions service, outside Postfix's chroot so it reads the sasldb.
postconf -M "$port/inet=$port inet n - n - - smtpd -o smtpd_tls_wrappermode=yes -o smtpd_sasl_auth_enable=yes -o syslog_name=postfix/bench"
if postfix status >/dev/null 2>&1; then postfix reload; else postfix start; fi
for _ in $(seq 50); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then exit 0; fi
    sleep 0.1
done
echo "benches/postfix.sh: Postfix does not listen on $port" >&2
exit 1
