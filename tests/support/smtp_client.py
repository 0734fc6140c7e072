#!/usr/bin/env python3
"""Sends one message with Python's smtplib: checks the test peer itself.
usage: smtp_client.py MODE PORT CAFILE USER PASSWORD_B64 EML FROM TO
MODE: implicit | starttls"""

import base64
import smtplib
import ssl
import sys

mode, port, cafile, user, pw_b64, eml, sender, rcpt = sys.argv[1:9]
password = base64.b64decode(pw_b64)
ctx = ssl.create_default_context(cafile=cafile)
if mode == "implicit":
    s = smtplib.SMTP_SSL("127.0.0.1", int(port), context=ctx, timeout=10)
else:
    s = smtplib.SMTP("127.0.0.1", int(port), timeout=10)
    s.starttls(context=ctx)
# smtplib's login() only takes ASCII passwords: AUTH PLAIN by hand (RFC 4616).
s.ehlo()
payload = base64.b64encode(b"\0" + user.encode() + b"\0" + password).decode()
code, resp = s.docmd("AUTH", "PLAIN " + payload)
if code != 235:
    sys.exit("AUTH failed: %d %s" % (code, resp))
s.sendmail(sender, [rcpt], open(eml, "rb").read())
s.quit()
