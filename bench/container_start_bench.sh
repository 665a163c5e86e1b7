#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# How long a session takes from its containers' start to the exec of Claude
# Code, with the firewall applied and self-tested on the way. Both
# containers are created first and then started one after the other, as a
# session starts them, and the agent's "Claude Code" is a stand-in that
# notes the time it was started. The engine's own time to create the
# containers is reported apart.
# Prints figures; never fails on time.
#
#   bench/container_start_bench.sh [runs]     ENGINE=docker|podman, B2B=...
set -euo pipefail
runs=${1:-10}
B2B_SOURCE_DIR=${B2B_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
B2B=${B2B:-$B2B_SOURCE_DIR/build/bin/oss-back2base}
source "$B2B_SOURCE_DIR/tests/e2e/lib.sh"

e2e_require_engine
e2e_build_image >&2
e2e_start_network_and_hosts

# The allowlist a default session has here (plan's), with the test's mock
# first: the self-test needs one name that resolves on this machine.
work="$E2E/project"
mkdir -p "$work"
mapfile -t allowed < <(HOME="$E2E/home" "$B2B" plan -r "$work" --json |
                       jq -r '.allowlist[].domain')
allowed=(mock.b2b.test "${allowed[@]}")

nanos() {  # CONTAINER: when the engine says it started, in ns
  # Podman prints Go's form, "2026-12-04 03:43:21.27 +0000 UTC".
  date -d "$("$ENGINE" inspect -f '{{.State.StartedAt}}' "$1" |
             sed 's/ UTC$//')" +%s%N
}

results=()
for run in $(seq "$runs"); do
  name="start$run"
  dir="$E2E/$name"
  mkdir -p "$dir/session" "$dir/firewall"
  printf '%s\n' "${allowed[@]}" >"$dir/session/allowlist"
  echo "nameserver 127.0.0.1" >"$dir/session/resolv.conf"
  printf '#!/bin/sh\ndate +%%s%%N >/workspace/exec\n' >"$dir/session/claude"
  chmod 755 "$dir/session/claude"
  rm -f "$E2E/workspace/exec"
  before=$(date +%s%N)
  "$ENGINE" create --name "$E2E_NAME-$name" --label "$E2E_NAME" \
    --network "$E2E_NAME" --cap-drop ALL --cap-add NET_ADMIN \
    --cap-add NET_RAW --cap-add NET_BIND_SERVICE --cap-add SETUID \
    --cap-add SETGID \
    -v "$dir/session:/run/back2base/session:ro" \
    -v "$dir/firewall:/run/back2base/firewall" \
    --entrypoint /usr/bin/tini "$IMAGE" -- /opt/back2base/firewall/sidecar.sh \
    >/dev/null
  # shellcheck disable=SC2046
  "$ENGINE" create --name "$E2E_NAME-$name-agent" $(e2e_agent_flags "$name") \
    -e B2B_CLAUDE=/run/back2base/session/claude "$IMAGE" >/dev/null
  "$ENGINE" start "$E2E_NAME-$name" >/dev/null
  "$ENGINE" start "$E2E_NAME-$name-agent" >/dev/null
  "$ENGINE" wait "$E2E_NAME-$name-agent" >/dev/null
  [ -s "$E2E/workspace/exec" ] || {
    "$ENGINE" logs "$E2E_NAME-$name-agent"
    echo "run $run: Claude Code's stand-in never started" >&2
    exit 1
  }
  sidecar=$(nanos "$E2E_NAME-$name")
  agent=$(nanos "$E2E_NAME-$name-agent")
  ready=$(stat -c %.9Y "$dir/firewall/ready" | tr -d .)
  exec_at=$(cat "$E2E/workspace/exec")
  results+=("$(( (exec_at - sidecar) / 1000000 )) \
$(( (ready - sidecar) / 1000000 )) $(( (exec_at - agent) / 1000000 )) \
$(( (sidecar - before) / 1000000 )) $(( (agent - sidecar) / 1000000 ))")
  # One at a time: Podman removes no sidecar while its agent exists.
  "$ENGINE" rm -f "$E2E_NAME-$name-agent" >/dev/null
  "$ENGINE" rm -f "$E2E_NAME-$name" >/dev/null
done

median() {  # COLUMN
  printf '%s\n' "${results[@]}" | awk -v col="$1" '{print $col}' | sort -n |
    awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " (slowest " a[NR] ")"}'
}
echo "session start on $ENGINE, ${#allowed[@]} allowlist entries" \
  "($runs runs; medians, ms)"
printf '  %-50s %s\n' \
  "first container's start to Claude Code's exec" "$(median 1)" \
  "sidecar: start to rules applied and self-tested" "$(median 2)" \
  "agent: start to Claude Code's exec" "$(median 3)" \
  "the engine: creating both, starting the sidecar" "$(median 4)" \
  "the engine: from the sidecar's start to the agent's" "$(median 5)"
