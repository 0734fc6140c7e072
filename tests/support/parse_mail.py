#!/usr/bin/env python3
"""Parses a message with Python's `email` package, independently of Koperta,
and prints what a mail reader would show, as JSON:
headers (decoded, in order), the text body, and each attachment's file name,
content type and bytes (base64)."""

import base64
import email
import email.policy
import json
import sys


def addresses(msg, name):
    header = msg.get(name)
    if header is None:
        return None
    return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]


def main():
    raw = open(sys.argv[1], "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    out = {
        "headers": [[k, str(v)] for k, v in msg.items()],
        "subject": msg.get("Subject"),
        "from": addresses(msg, "From"),
        "to": addresses(msg, "To"),
        "cc": addresses(msg, "Cc"),
        "bcc": addresses(msg, "Bcc"),
        "defects": [str(d) for d in msg.defects],
        "body": None,
        "attachments": [],
    }
    body = msg.get_body(preferencelist=("plain",))
    if body is not None:
        # Lines as a reader shows them: the wire's CRLF is the line break.
        out["body"] = body.get_content().replace("\r\n", "\n")
    for part in msg.iter_attachments():
        out["attachments"].append({
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "data_b64": base64.b64encode(part.get_payload(decode=True) or b"").decode(),
        })
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
