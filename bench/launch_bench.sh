#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What oss-back2base adds to a session's start and end: `oss-back2base
# shell -c true` (the image current, the firewall on) against the same two
# containers started with the engine's own commands (`run` of the sidecar,
# `run --rm` of the agent in its network namespace, then removing the
# sidecar), side by side, alternating, on one engine. Prints figures; never
# fails on time.
#
#   bench/launch_bench.sh [runs]     ENGINE=docker|podman, B2B=...
set -euo pipefail
runs=${1:-5}
B2B_SOURCE_DIR=${B2B_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
B2B=${B2B:-$B2B_SOURCE_DIR/build/bin/oss-back2base}
source "$B2B_SOURCE_DIR/tests/e2e/lib.sh"

e2e_require_engine
e2e_build_image >&2
e2e_start_network_and_hosts

export HOME="$E2E/home" BACK2BASE_RUNTIME="$E2E_RUNTIME"
export BACK2BASE_NETWORKS="$E2E_NAME"
export BACK2BASE_ANTHROPIC_BASE_URL=http://mock.b2b.test
export BACK2BASE_ANTHROPIC_API_KEY=sk-ant-bench
repo="$E2E/bench-repo"
mkdir -p "$repo"
git -C "$repo" init -q

millis() { echo $(($(date +%s%N) / 1000000)); }

tool_run() {
  (cd "$repo" && "$B2B" shell -c true) >/dev/null 2>&1
}

# The same topology by hand: the sidecar as a session has it, then the
# agent's real start-up running `true`, then both removed.
bare_run() {
  local name="bare$1"
  e2e_start_sidecar "$name" mock.b2b.test api.anthropic.com >/dev/null
  # shellcheck disable=SC2046
  "$ENGINE" run --rm $(e2e_agent_flags "$name") -e BACK2BASE_SHELL=1 \
    "$IMAGE" -c true >/dev/null 2>&1
  "$ENGINE" rm -f "$E2E_NAME-$name" >/dev/null
}

# For the compose runtime, Compose's own commands on the files the tool
# wrote for its last session, too: the part of the time that is Compose's.
compose_run() {
  local dir
  dir=$(ls -d "$HOME"/.local/share/back2base/sessions/*/compose | tail -1)
  local compose=(docker-compose -p "b2b-bare-$1" -f "$dir/compose.json"
                 -f "$dir/override.json")
  "${compose[@]}" up -d --no-build firewall >/dev/null 2>&1
  BACK2BASE_SHELL=1 "${compose[@]}" run --rm -T agent -c true >/dev/null 2>&1
  "${compose[@]}" down -t 0 >/dev/null 2>&1
}

tool=() bare=() composed=()
tool_run  # the first launch seeds the state; not counted
for run in $(seq "$runs"); do
  start=$(millis); tool_run; tool+=($(($(millis) - start)))
  start=$(millis); bare_run "$run"; bare+=($(($(millis) - start)))
  if [ "$E2E_RUNTIME" = compose ]; then
    start=$(millis); compose_run "$run"; composed+=($(($(millis) - start)))
  fi
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t=$(median "${tool[@]}") b=$(median "${bare[@]}")
echo "session start and end on $ENGINE ($E2E_RUNTIME runtime), $runs runs;" \
  "medians, ms"
printf '  %-44s %s\n' \
  "oss-back2base shell -c true" "$t (runs: ${tool[*]})" \
  "the engine's own commands, same containers" "$b (runs: ${bare[*]})" \
  "added by oss-back2base" "$((t - b)) ($(( (t - b) * 100 / b ))%)" \
  "target: 10% + 20 ms" "$((b / 10 + 20))"
if [ "${#composed[@]}" -gt 0 ]; then
  c=$(median "${composed[@]}")
  printf '  %-44s %s\n' \
    "docker-compose up, run --rm, down, same files" \
    "$c (runs: ${composed[*]})"
fi
