#!/usr/bin/env python3
"""A real HTTP(S) server (Python's http.server) for the discovery tests.

Serves files from --root by URL path (the query is ignored for the lookup).
--redirects FILE: a JSON object {path: location} answered with 302
("{self}" in a location becomes this server's port).
Every request is appended to --log as one JSON line: method, path with
query, Host header, and whether it came over TLS.
Without --cert it speaks plain HTTP (the server that must never be asked).
Listens on 127.0.0.1 only; prints {"port": P} when ready; serves until
stdin closes or SIGTERM.
"""

import argparse
import http.server
import json
import os
import ssl
import sys
import threading


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--redirects")
    args = p.parse_args()
    redirects = {}
    if args.redirects:
        with open(args.redirects, encoding="utf-8") as f:
            redirects = json.load(f)
    tls = bool(args.cert)
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            with lock, open(args.log, "a", encoding="utf-8") as log:
                log.write(json.dumps({
                    "method": "GET",
                    "path": self.path,
                    "host": self.headers.get("Host", ""),
                    "referer": self.headers.get("Referer", ""),
                    "tls": tls,
                }) + "\n")
            path = self.path.split("?", 1)[0]
            if path in redirects:
                self.send_response(302)
                # "{self}" in a target is this server's own port.
                self.send_header("Location", redirects[path].replace(
                    "{self}", str(self.server.server_address[1])))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            full = os.path.realpath(os.path.join(args.root, path.lstrip("/")))
            root = os.path.realpath(args.root)
            if not full.startswith(root + os.sep) or not os.path.isfile(full):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            with open(full, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.cert, args.key)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        sys.stdin.read()
    except KeyboardInterrupt:
        pass
    server.shutdown()


if __name__ == "__main__":
    main()
