#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal, as a person at a terminal would:
waits for output, types argv[1] and Enter, and prints everything the
terminal showed (base64, JSON) with the exit status."""

import base64
import json
import os
import pty
import select
import sys
import time


def main():
    typed = sys.argv[1].encode()
    command = sys.argv[2:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(command[0], command)
    shown = b""

    def drain(seconds):
        nonlocal shown
        end = time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    return
                if not chunk:
                    return
                shown += chunk

    drain(2.0)
    os.write(fd, typed + b"\n")
    drain(10.0)
    _, status = os.waitpid(pid, 0)
    json.dump({"shown_b64": base64.b64encode(shown).decode(),
               "status": os.waitstatus_to_exitcode(status)}, sys.stdout)


if __name__ == "__main__":
    main()
