#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The agent's start-up, as the agent user with no capability left (the
entrypoint's root step came first). One short step each, in this order,
in one process: each interpreter or JSON tool started apart would cost
more than all of the work. With BACK2BASE_OVERVIEW=1, the repository's
overview (overview.py) is made once the firewall is up; with
BACK2BASE_LOGIN=1 (`oss-back2base login`), `claude setup-token` runs
instead of the session (login.py).

  start.py [CLAUDE CODE ARGUMENTS...]
  BACK2BASE_SHELL=1 start.py [BASH ARGUMENTS...]   a shell instead, as
                                                  `oss-back2base shell`
"""
import json
import os
import sys

import firewall_gate
import seed
import session_files
from atomic_file import write_atomic
from report import say

HERE = os.path.dirname(os.path.abspath(__file__))


def setting(name, default):
    return os.environ.get(name) or default


CREDENTIALS = ("CLAUDE_CODE_OAUTH_TOKEN", "ANTHROPIC_API_KEY",
               "ANTHROPIC_AUTH_TOKEN")


def keep_claude_json(claude_dir, home):
    """Claude Code keeps its own state in ~/.claude.json, beside ~/.claude
    rather than in it: it lives in the state too, or each session would
    start as a first run."""
    kept = os.path.join(claude_dir, ".claude.json")
    if not os.path.lexists(kept):
        with open(os.open(kept, os.O_WRONLY | os.O_CREAT, 0o600), "w") as out:
            out.write("{}\n")
    if any(os.environ.get(name) for name in CREDENTIALS):
        mark_onboarded(kept)
    link = os.path.join(home, ".claude.json")
    if os.path.islink(link) and os.readlink(link) == kept:
        return
    partial = link + ".partial"
    if os.path.lexists(partial):
        os.unlink(partial)
    os.symlink(kept, partial)
    os.replace(partial, link)


def mark_onboarded(kept):
    """With a credential given, Claude Code's first-run wizard (a theme,
    then a sign-in it does not need) would stand between the user and the
    session: it is marked done, the rest of the file kept."""
    try:
        with open(kept, encoding="utf-8") as source:
            state = json.load(source)
    except (OSError, ValueError):
        return  # Claude Code's to mend; never overwritten here
    done = "hasCompletedOnboarding"
    if isinstance(state, dict) and state.get(done) is not True:
        state[done] = True
        write_atomic(kept, json.dumps(state, indent=2) + "\n")


def allowlist_for_people(path):
    """The allowlist as CLAUDE.md shows it. The sidecar checks each entry
    and refuses a bad list; here an entry is only shown."""
    shown = []
    try:
        with open(path, encoding="utf-8") as allowlist:
            lines = allowlist.read().split("\n")
    except OSError:
        lines = []
    for line in lines:
        entry = line.split("#", 1)[0].strip().lower()
        if not entry:
            continue
        if entry.startswith("ssh:"):
            shown.append("  - `%s` (git over SSH)" % entry[4:].rstrip("."))
        else:
            shown.append("  - `%s`" % entry.rstrip("."))
    return "\n".join(dict.fromkeys(shown)) or "  - (none)"


def main():
    home = setting("HOME", "/home/agent")
    claude_dir = os.path.join(home, ".claude")
    runtime = os.path.join(home, ".cache", "back2base")
    session = setting("B2B_SESSION", "/run/back2base/session")
    firewall_off = os.environ.get("DISABLE_FIREWALL") == "1"

    say("seeding ~/.claude")
    seed.seed_state(setting("B2B_DEFAULTS", "/opt/back2base/defaults"),
                    claude_dir)
    keep_claude_json(claude_dir, home)
    os.makedirs(runtime, mode=0o700, exist_ok=True)

    say("writing the session's MCP configuration")
    servers = session_files.mcp_config(session, runtime)

    say("writing the session's settings")
    session_files.settings_layer(runtime, claude_dir,
                                 os.path.join(HERE, "statusline.sh"))

    say("waiting for the firewall")
    if firewall_off:
        print("oss-back2base: warning: DISABLE_FIREWALL=1: this session's "
              "network is NOT filtered; anything the agent runs can reach "
              "any host", file=sys.stderr)
    else:
        firewall_gate.wait_for_firewall(
            setting("B2B_FIREWALL_STATE", "/run/back2base/firewall"),
            setting("B2B_RESOLV_CONF", "/etc/resolv.conf"),
            float(setting("B2B_FIREWALL_TIMEOUT", "30")))

    if os.environ.get("BACK2BASE_LOGIN") == "1":
        say("running claude setup-token")
        import login  # here: only `oss-back2base login` needs it
        sys.exit(login.setup_token(setting("B2B_CLAUDE", "claude"),
                                   setting("B2B_LOGIN_DIR",
                                           "/run/back2base/login")))

    # After the firewall: the overview's pass needs the API.
    shell = os.environ.get("BACK2BASE_SHELL") == "1"
    brief = ""
    if os.environ.get("BACK2BASE_OVERVIEW") == "1" and not shell:
        say("making the repository's overview")
        import overview  # here: subprocess would cost every start-up
        brief = overview.overview_section(
            os.path.join(claude_dir, "projects", "-workspace"), os.getcwd())

    say("rendering CLAUDE.md")
    template = os.path.join(HERE, "CLAUDE.md.template")
    session_files.claude_md(claude_dir, template, {
        "allowlist": allowlist_for_people(os.path.join(session, "allowlist")),
        "firewall": "OFF (DISABLE_FIREWALL=1)" if firewall_off
                    else "on, tested before this session started",
        "profile": setting("BACK2BASE_PROFILE", "unknown"),
        "namespace": setting("BACK2BASE_NAMESPACE", "unknown"),
        "servers": ", ".join(servers) or "none",
        "overview": brief,
    })

    sys.stdout.flush()
    if shell:
        say("starting a shell")
        os.execvp("bash", ["bash"] + sys.argv[1:])
    say("starting Claude Code")
    claude = setting("B2B_CLAUDE", "claude")
    os.execvp(claude, [
        claude, "--permission-mode", "bypassPermissions",
        "--mcp-config", os.path.join(runtime, "mcp.json"),
        "--strict-mcp-config",
        "--settings", os.path.join(runtime, "settings.json"),
    ] + sys.argv[1:])


if __name__ == "__main__":
    main()
