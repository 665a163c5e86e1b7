# SPDX-License-Identifier: Apache-2.0
"""The agent's side of failing closed: Claude Code starts only once the
sidecar has said its rules are in place and tested, in this container's
own network namespace, with this container's resolver pointing at it."""
import os
import time

from report import fail

NOT_STARTED = "; Claude Code was not started"
POLL_SECONDS = 0.01


def first_nameserver(resolv_conf):
    with open(resolv_conf, encoding="utf-8") as conf:
        for line in conf:
            fields = line.split()
            if len(fields) >= 2 and fields[0] == "nameserver":
                return fields[1]
    return None


def read_text(path):
    try:
        with open(path, encoding="utf-8") as source:
            return source.read()
    except FileNotFoundError:
        return None


def check_ready(ready):
    lines = ready.split("\n")
    if "firewall=on" not in lines:
        fail("firewall: the sidecar runs without rules, but this session "
             "did not ask for DISABLE_FIREWALL=1" + NOT_STARTED)
    if "netns=" + os.readlink("/proc/self/ns/net") not in lines:
        fail("firewall: its rules are in another network namespace than "
             "this container's" + NOT_STARTED)


def wait_for_firewall(state, resolv_conf, timeout_seconds):
    if first_nameserver(resolv_conf) != "127.0.0.1":
        fail("firewall: %s does not name the sidecar's resolver "
             "(127.0.0.1), so no name would resolve%s"
             % (resolv_conf, NOT_STARTED))
    deadline = time.monotonic() + timeout_seconds
    while True:
        failed = read_text(os.path.join(state, "failed"))
        if failed is not None:
            fail("firewall: " + failed.strip() + NOT_STARTED)
        ready = read_text(os.path.join(state, "ready"))
        if ready is not None:
            check_ready(ready)
            return
        if time.monotonic() >= deadline:
            fail("firewall: not ready after %g s%s (the sidecar's log says "
                 "why)" % (timeout_seconds, NOT_STARTED))
        time.sleep(POLL_SECONDS)
