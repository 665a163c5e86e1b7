#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""What the daily update check costs a command: `oss-back2base mcp list`
on a terminal, timed from start to exit, with the check switched off,
with a check due against a server that never answers (the offline case:
the check is started in the background), and with a fresh record that
names a newer release (the notice is printed). Prints figures; never
fails on time.

  bench/update_notice_bench.py [runs]     B2B=... (the binary)
"""
import json
import os
import pty
import socket
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.environ.get("B2B") or os.path.join(HERE, "..", "build", "bin",
                                               "oss-back2base")


def run_on_terminal(env):
    """Milliseconds from start to exit of the command on a pty."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(BINARY, [BINARY, "mcp", "list"], env)
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return (time.perf_counter() - start) * 1000


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    home = tempfile.mkdtemp(prefix="b2b-notice-bench-")
    record = os.path.join(home, ".local/share/back2base/update-check.json")
    # A server that accepts and never answers: what a dead network costs.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)
    port = silent.getsockname()[1]
    base = {k: v for k, v in os.environ.items()
            if not k.startswith("BACK2BASE_")}
    base.update(HOME=home, TERM="xterm",
                BACK2BASE_UPDATE_URL="http://127.0.0.1:%d/release.json" % port,
                BACK2BASE_UPDATE_TIMEOUT="1")

    def off():
        return dict(base, BACK2BASE_NO_UPDATE_CHECK="1")

    def due():
        if os.path.exists(record):
            os.remove(record)
        return base

    def notice():
        os.makedirs(os.path.dirname(record), exist_ok=True)
        with open(record, "w") as f:
            json.dump({"checked_at": int(time.time()), "latest": "99.0.0",
                       "error": "", "noticed_at": 0}, f)
        return base

    run_on_terminal(off())  # warm the page cache
    print("update notice: `mcp list` on a terminal, %d runs each (ms)" % runs)
    print("  %-44s %8s %8s" % ("", "median", "max"))
    for label, setup in [("check off (BACK2BASE_NO_UPDATE_CHECK=1)", off),
                         ("check due, server never answers", due),
                         ("record fresh, notice printed", notice)]:
        times = []
        for _ in range(runs):
            env = setup()
            times.append(run_on_terminal(env))
        print("  %-44s %8.1f %8.1f" % (label, statistics.median(times),
                                       max(times)))
    time.sleep(1.5)  # the background checks give up on the silent server


if __name__ == "__main__":
    main()
