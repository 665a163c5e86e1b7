#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The agent container's start-up. As root it does one thing, become the
# host's user, and then runs again as that user, with no capability left,
# to prepare the session and start Claude Code: never before the firewall
# sidecar has said its rules are in place and tested, in this same network
# namespace.
#
#   entrypoint.sh [CLAUDE CODE ARGUMENTS...]
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
defaults=${B2B_DEFAULTS:-/opt/back2base/defaults}
session=${B2B_SESSION:-/run/back2base/session}
firewall=${B2B_FIREWALL_STATE:-/run/back2base/firewall}
claude=${B2B_CLAUDE:-claude}
runtime="${HOME:-/home/agent}/.cache/back2base"

# shellcheck source=seed.sh
source "$here/seed.sh"
# shellcheck source=../firewall/allowlist.sh
source "$here/../firewall/allowlist.sh"

say() { [ -z "${BACK2BASE_VERBOSE:-}" ] || echo "back2base: $*" >&2; }
die() {
  echo "oss-back2base: error: $*" >&2
  exit 1
}

# --- as root: the agent user takes the host user's ids, then runs this
# script again without privileges. Root on the host keeps the image's ids:
# the agent never runs as root.
become_host_user() {
  local uid=${BACK2BASE_HOST_UID:-1000} gid=${BACK2BASE_HOST_GID:-1000}
  [[ "$uid" =~ ^[0-9]+$ && "$gid" =~ ^[0-9]+$ ]] ||
    die "BACK2BASE_HOST_UID/GID: \"$uid:$gid\" are not numbers"
  if [ "$uid" = 0 ]; then
    echo "oss-back2base: warning: the host user is root; the agent runs" \
      "as uid 1000, and so owns what it writes in /workspace" >&2
    uid=1000 gid=1000
  fi
  sed -i "s/^agent:x:[0-9]*:[0-9]*:/agent:x:$uid:$gid:/" /etc/passwd
  sed -i "s/^agent:x:[0-9]*:/agent:x:$gid:/" /etc/group
  chown "$uid:$gid" /home/agent
  exec setpriv --reuid="$uid" --regid="$gid" --init-groups \
    --inh-caps=-all --no-new-privs \
    env HOME=/home/agent USER=agent LOGNAME=agent "$0" "$@"
}

# --- as the agent: one short step each, in this order.

# Claude Code keeps its own state in ~/.claude.json, beside ~/.claude
# rather than in it: it lives in the state too, or each session would
# start as a first run.
keep_claude_json() {
  local kept="$HOME/.claude/.claude.json"
  [ -e "$kept" ] || echo '{}' >"$kept"
  ln -sfn "$kept" "$HOME/.claude.json"
}

# The MCP configuration, the settings layer and CLAUDE.md, in that order,
# by one process: see session_files.py.
write_session_files() {
  local allowlist="" kind name
  # A list the firewall refuses stops the session there; here it is
  # only not shown.
  while read -r kind name; do
    [ -n "$name" ] || continue
    allowlist+="${allowlist:+$'\n'}  - \`$name\`"
    [ "$kind" = web ] || allowlist+=" (git over SSH)"
  done < <(b2b_read_allowlist "$session/allowlist" 2>/dev/null || true)
  local firewall_state="on, tested before this session started"
  [ "${DISABLE_FIREWALL:-}" != 1 ] || firewall_state="OFF (DISABLE_FIREWALL=1)"
  python3 "$here/session_files.py" "$session" "$runtime" "$HOME/.claude" \
    "$here/CLAUDE.md.template" "$here/statusline.sh" \
    "allowlist=${allowlist:-  - (none)}" "firewall=$firewall_state" \
    "profile=${BACK2BASE_PROFILE:-unknown}" \
    "namespace=${BACK2BASE_NAMESPACE:-unknown}"
}

# The sidecar says "ready" only after its self-test passed; this container
# must share the namespace those rules were applied in.
wait_for_firewall() {
  if [ "${DISABLE_FIREWALL:-}" = 1 ]; then
    echo "oss-back2base: warning: DISABLE_FIREWALL=1: this session's" \
      "network is NOT filtered; anything the agent runs can reach any host" \
      >&2
    return
  fi
  local resolv_conf=${B2B_RESOLV_CONF:-/etc/resolv.conf}
  [ "$(awk '$1 == "nameserver" {print $2; exit}' "$resolv_conf")" = \
    127.0.0.1 ] ||
    die "firewall: $resolv_conf does not name the sidecar's resolver" \
      "(127.0.0.1), so no name would resolve; Claude Code was not started"
  local tries=$((${B2B_FIREWALL_TIMEOUT:-30} * 50)) netns
  netns=$(readlink /proc/self/ns/net)
  while [ "$tries" -gt 0 ]; do
    if [ -f "$firewall/failed" ]; then
      die "firewall: $(cat "$firewall/failed"); Claude Code was not started"
    fi
    if [ -f "$firewall/ready" ]; then
      grep -qxF "firewall=on" "$firewall/ready" ||
        die "firewall: the sidecar runs without rules, but this session did" \
          "not ask for DISABLE_FIREWALL=1; Claude Code was not started"
      grep -qxF "netns=$netns" "$firewall/ready" ||
        die "firewall: its rules are in another network namespace than" \
          "this container's; Claude Code was not started"
      return
    fi
    tries=$((tries - 1))
    sleep 0.02
  done
  die "firewall: not ready after ${B2B_FIREWALL_TIMEOUT:-30} s; Claude Code" \
    "was not started (the sidecar's log says why)"
}

if [ "$(id -u)" = 0 ]; then
  become_host_user "$@"
fi

say "seeding ~/.claude"
b2b_seed_state "$defaults" "$HOME/.claude" >/dev/null
keep_claude_json
write_session_files
say "waiting for the firewall"
wait_for_firewall
say "starting Claude Code"
exec "$claude" --permission-mode bypassPermissions \
  --mcp-config "$runtime/mcp.json" --strict-mcp-config \
  --settings "$runtime/settings.json" "$@"
