#!/usr/bin/env python3
"""Fails when any given file or directory holds the test password, raw or
in a base64 form (alone, in an AUTH PLAIN payload, or inside a longer
base64 stream at any alignment)."""

import base64
import os
import sys

USER = b"jan@example.com"
PASSWORD = "Zażółć-gęślą-jaźń-42".encode()


def forms():
    out = [PASSWORD, base64.b64encode(PASSWORD),
           base64.b64encode(b"\0" + USER + b"\0" + PASSWORD)]
    for pad in range(3):
        enc = base64.b64encode(b"x" * pad + PASSWORD)
        start = 4 if pad else 0
        end = (len(enc) // 4 - 1) * 4
        if end > start + 8:
            out.append(enc[start:end])
    return out


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in names:
                    yield os.path.join(root, n)
        elif os.path.exists(p):
            yield p


def main():
    needles = forms()
    bad = []
    for f in files(sys.argv[1:]):
        try:
            data = open(f, "rb").read()
        except OSError:
            continue
        if any(n in data for n in needles):
            bad.append(f)
    if bad:
        print("scan_secrets: the test password appears in: " + ", ".join(bad))
        sys.exit(1)
    print("scan_secrets: no password in %s" % ", ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
