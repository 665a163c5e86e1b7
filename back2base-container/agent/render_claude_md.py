#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Renders this project's CLAUDE.md template into the user's CLAUDE.md,
between two markers, so that what the user wrote around it is kept as it is
and the block is replaced whole at every start. Written atomically.

  render_claude_md.py TEMPLATE TARGET KEY=VALUE...
"""
import os
import re
import sys
import tempfile

BEGIN = "<!-- back2base:begin (replaced at every session start) -->"
END = "<!-- back2base:end -->"


def render(template, values):
    def field(match):
        key = match.group(1)
        if key not in values:
            raise SystemExit("oss-back2base: error: %s: no value for {{%s}}"
                             % (sys.argv[1], key))
        return values[key]
    return re.sub(r"\{\{([a-z_]+)\}\}", field, template)


def splice(existing, block):
    block = BEGIN + "\n" + block.rstrip("\n") + "\n" + END + "\n"
    start, end = existing.find(BEGIN), existing.find(END)
    if start != -1 and end > start:
        return existing[:start] + block + existing[end + len(END):].lstrip("\n")
    if existing and not existing.endswith("\n\n"):
        existing = existing.rstrip("\n") + "\n\n"
    return existing + block


def main():
    template_path, target = sys.argv[1], sys.argv[2]
    values = dict(arg.split("=", 1) for arg in sys.argv[3:])
    with open(template_path, encoding="utf-8") as source:
        block = render(source.read(), values)
    try:
        with open(target, encoding="utf-8") as current:
            existing = current.read()
    except FileNotFoundError:
        existing = ""
    directory = os.path.dirname(os.path.abspath(target))
    handle, partial = tempfile.mkstemp(dir=directory, prefix=".CLAUDE.md.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(splice(existing, block))
    os.chmod(partial, 0o600)
    os.replace(partial, target)


if __name__ == "__main__":
    main()
