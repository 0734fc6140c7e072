#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for Koperta's integration tests.

Listens on 127.0.0.1 only, on three ephemeral ports:
  implicit  TLS from the first byte (submissions);
  starttls  plain TCP offering STARTTLS, requiring it before AUTH and MAIL;
  plain     plain TCP offering no STARTTLS (AUTH allowed in the clear, so a
            client that leaks would be seen leaking).
AUTH PLAIN and LOGIN accept one user. Every message is stored in --store as
N.eml (the bytes after dot-unstuffing, exactly as received otherwise) and
N.json (envelope, SMTP options, the raw DATA lines before unstuffing, and
which listener received it).

When ready, prints one JSON line {"implicit": P, "starttls": P, "plain": P}
to stdout, then serves until stdin closes or SIGTERM.
"""

import argparse
import asyncio
import base64
import json
import logging
import os
import signal
import warnings
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--store", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password-b64", required=True,
                   help="the password, base64 of its UTF-8 bytes")
    p.add_argument("--size", type=int, default=33554432,
                   help="SIZE limit to advertise, bytes (0: no limit)")
    p.add_argument("--senders", default="",
                   help="comma-separated MAIL FROM addresses allowed (empty: any)")
    return p.parse_args()


class Store:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        os.makedirs(directory, exist_ok=True)

    def save(self, listener, envelope, raw_lines, connection):
        self.count += 1
        base = os.path.join(self.directory, "%04d" % self.count)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or b"")
        meta = {
            "listener": listener,
            "connection": connection,
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "mail_options": list(envelope.mail_options),
            "rcpt_options": list(envelope.rcpt_options),
            "raw_data_lines_b64": [base64.b64encode(l).decode() for l in raw_lines],
        }
        with open(base + ".json.tmp", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".eml.tmp", base + ".eml")
        os.rename(base + ".json.tmp", base + ".json")


class Handler:
    def __init__(self, store, listener, senders=()):
        self.store = store
        self.listener = listener
        self.senders = {s.lower() for s in senders}

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        # As Postfix's reject_sender_login_mismatch: only the account's own.
        if self.senders and address.lower() not in self.senders:
            return "553 5.7.1 <%s>: Sender address rejected: not owned by user" % address
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = getattr(session, "koperta_raw_lines", [])
        self.store.save(self.listener, envelope, raw, id(session))
        session.koperta_raw_lines = []
        return "250 OK stored"


class RecordingSMTP(SMTP):
    """Keeps the DATA lines as they came off the wire, before unstuffing."""

    async def smtp_DATA(self, arg):
        self.session.koperta_raw_lines = []
        original = self._reader.readuntil

        async def tap(separator=b"\n"):
            line = await original(separator)
            self.session.koperta_raw_lines.append(line)
            return line

        self._reader.readuntil = tap
        try:
            return await super().smtp_DATA(arg)
        finally:
            self._reader.readuntil = original


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        ok = auth_data.login == user.encode() and auth_data.password == password
        return AuthResult(success=ok, handled=False)
    return check


async def main():
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    # The plain listener requires AUTH without TLS on purpose (to see a
    # client that leaks), and failed handshakes are what many tests want:
    # aiosmtpd's warnings and tracebacks about them are expected.
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    args = parse_args()
    password = base64.b64decode(args.password_b64)
    store = Store(args.store)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(args.cert, args.key)
    auth = authenticator(args.user, password)
    common = dict(
        authenticator=auth,
        auth_required=True,
        enable_SMTPUTF8=True,
        data_size_limit=args.size if args.size > 0 else None,
        hostname="peer.test",
        ident="Koperta test peer",
    )
    loop = asyncio.get_running_loop()

    def factory(listener, **kw):
        def make():
            senders = [a for a in args.senders.split(",") if a]
            return RecordingSMTP(Handler(store, listener, senders), **common, **kw)
        return make

    implicit = await loop.create_server(
        factory("implicit", auth_require_tls=False), "127.0.0.1", 0, ssl=ctx)
    starttls = await loop.create_server(
        factory("starttls", tls_context=ctx, require_starttls=True,
                auth_require_tls=True), "127.0.0.1", 0)
    plain = await loop.create_server(
        factory("plain", auth_require_tls=False), "127.0.0.1", 0)
    ports = {
        "implicit": implicit.sockets[0].getsockname()[1],
        "starttls": starttls.sockets[0].getsockname()[1],
        "plain": plain.sockets[0].getsockname()[1],
    }
    print(json.dumps(ports), flush=True)

    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    try:
        # Stop when whoever started us closes our standard input.
        loop.add_reader(sys.stdin.fileno(),
                        lambda: stop.set() if not sys.stdin.buffer.read1(4096) else None)
    except (PermissionError, ValueError, OSError):
        pass  # stdin is a file or /dev/null: stop on SIGTERM only
    await stop.wait()
    for s in (implicit, starttls, plain):
        s.close()


if __name__ == "__main__":
    asyncio.run(main())
