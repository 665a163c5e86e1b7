#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Seeds the session's state (~/.claude, the host's state directory) from
the image's defaults by the rule the CLI follows: each default is copied
the first time it is seen and never again, so a file the user edited or
deleted stays edited or deleted. What was seen is remembered, one path a
line, in .back2base-seeded.

  seed.py DEFAULTS STATE     prints "seeded PATH" or "kept PATH" a line
"""
import os
import sys

from atomic_file import write_atomic

MANIFEST = ".back2base-seeded"


def state_path(relative):
    """Where a file of the defaults goes in the state, or None."""
    if relative == "mcp.json":
        return ".mcp.json"
    if relative == "settings.json":
        return "settings.json"
    if relative.startswith(("skills/", "commands/")):
        return relative
    return None


def default_files(defaults):
    for top, _, names in os.walk(defaults):
        for name in names:
            path = os.path.join(top, name)
            yield os.path.relpath(path, defaults), path


def read_manifest(path):
    try:
        with open(path, encoding="utf-8") as manifest:
            return {line for line in manifest.read().split("\n") if line}
    except FileNotFoundError:
        return set()


def copy_new(source, target):
    """Copies SOURCE to TARGET unless TARGET exists, mode 0600."""
    with open(source, "rb") as src:
        data = src.read()
    # O_EXCL: one the CLI made in the meantime is kept, never replaced.
    try:
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(handle, "wb") as out:
        out.write(data)


def seed_state(defaults, state):
    """Returns [("seeded" or "kept", PATH)] for the defaults new to STATE."""
    os.makedirs(state, mode=0o700, exist_ok=True)
    manifest = os.path.join(state, MANIFEST)
    seen = read_manifest(manifest)
    report = []
    for relative, source in sorted(default_files(defaults)):
        target_relative = state_path(relative)
        if target_relative is None or target_relative in seen:
            continue
        seen.add(target_relative)
        target = os.path.join(state, target_relative)
        if os.path.lexists(target):
            report.append(("kept", target_relative))
            continue
        os.makedirs(os.path.dirname(target), mode=0o700, exist_ok=True)
        copy_new(source, target)
        report.append(("seeded", target_relative))
    if report:
        write_atomic(manifest, "".join(line + "\n" for line in sorted(seen)))
    return report


if __name__ == "__main__":
    for action, path in seed_state(sys.argv[1], sys.argv[2]):
        print(action, path)
