# SPDX-License-Identifier: Apache-2.0
"""The session's own files, each written atomically:
  - the MCP configuration Claude Code loads: the CLI's filtered copy,
    checked, or none;
  - a settings layer for this session alone (--settings): our status line,
    unless the user's settings.json has one; their file is never written;
  - CLAUDE.md: this project's template rendered into the user's file
    between two markers, what they wrote around it kept as it is.
"""
import json
import os
import re

from atomic_file import write_atomic
from report import fail

BEGIN = "<!-- back2base:begin (replaced at every session start) -->"
END = "<!-- back2base:end -->"


def read_json(path):
    with open(path, encoding="utf-8") as source:
        return json.load(source)


def mcp_config(session, runtime):
    """The session's servers, written where Claude Code is told to look."""
    source = os.path.join(session, "mcp.json")
    config = {"mcpServers": {}}
    if os.path.exists(source):
        try:
            config = read_json(source)
        except (OSError, ValueError):
            config = None
        if not isinstance(config, dict) or \
                not isinstance(config.get("mcpServers"), dict):
            fail('%s: not an MCP configuration with "mcpServers"; the CLI '
                 "writes it for each session" % source)
    write_atomic(os.path.join(runtime, "mcp.json"), json.dumps(config))
    return sorted(config["mcpServers"])


def settings_layer(runtime, claude_dir, status_line):
    layer = {}
    try:
        users = read_json(os.path.join(claude_dir, "settings.json"))
    except (OSError, ValueError):
        users = {}
    if not (isinstance(users, dict) and "statusLine" in users):
        layer["statusLine"] = {"type": "command", "command": status_line,
                               "padding": 0}
    write_atomic(os.path.join(runtime, "settings.json"), json.dumps(layer))


def render(template_path, values):
    with open(template_path, encoding="utf-8") as source:
        template = source.read()

    def field(match):
        if match.group(1) not in values:
            fail("%s: no value for {{%s}}" % (template_path, match.group(1)))
        return values[match.group(1)]
    return re.sub(r"\{\{([a-z_]+)\}\}", field, template)


def splice(existing, block):
    block = BEGIN + "\n" + block.rstrip("\n") + "\n" + END + "\n"
    start, end = existing.find(BEGIN), existing.find(END)
    if start != -1 and end > start:
        return existing[:start] + block + existing[end + len(END):].lstrip("\n")
    if existing and not existing.endswith("\n\n"):
        existing = existing.rstrip("\n") + "\n\n"
    return existing + block


def claude_md(claude_dir, template, values):
    target = os.path.join(claude_dir, "CLAUDE.md")
    try:
        with open(target, encoding="utf-8") as current:
            existing = current.read()
    except FileNotFoundError:
        existing = ""
    write_atomic(target, splice(existing, render(template, values)))
