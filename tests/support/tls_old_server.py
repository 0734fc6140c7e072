"""A server that speaks only TLS 1.0 and 1.1 (which RFC 8996 forbids), for
the test that Koperta refuses it. Prints its port, then answers handshakes
until killed."""
import socket
import ssl
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
cert, key = sys.argv[1], sys.argv[2]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
ctx.minimum_version = ssl.TLSVersion.TLSv1
ctx.maximum_version = ssl.TLSVersion.TLSv1_1
ctx.load_cert_chain(cert, key)
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
print(s.getsockname()[1], flush=True)
while True:
    c, _ = s.accept()
    try:
        t = ctx.wrap_socket(c, server_side=True)
        t.sendall(b"220 old\r\n")
    except Exception:
        pass
    finally:
        c.close()
