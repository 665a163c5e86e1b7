#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job end to end through the CLI, on a real engine: $ENGINE
# docker is driven by the compose runtime, podman by the podman runtime;
# the same checks for both. The session reaches the test hosts through
# --network (BACK2BASE_NETWORKS), and Claude Code the mock API through
# BACK2BASE_ANTHROPIC_BASE_URL. Exits 77 (skipped) without the engine.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
source "$here/lib.sh"

e2e_require_engine
# The compose runtime is tested with each Compose asked for by name.
skip() {
  echo "skipped: $*"
  exit 77
}
case "${BACK2BASE_COMPOSE:-auto}" in
  v2) docker compose version >/dev/null 2>&1 ||
        skip "Compose v2 (docker compose) is not installed" ;;
  v1) command -v docker-compose >/dev/null ||
        skip "Compose v1 (docker-compose) is not installed" ;;
esac
e2e_build_image
e2e_start_network_and_hosts

export HOME="$E2E/home"
export BACK2BASE_RUNTIME="$E2E_RUNTIME" BACK2BASE_NETWORKS="$E2E_NAME"
export BACK2BASE_ANTHROPIC_BASE_URL=http://mock.b2b.test
export BACK2BASE_ALLOW_DOMAINS=allowed.b2b.test
secret="sk-ant-e2e-launch-$$-$RANDOM"
export BACK2BASE_ANTHROPIC_API_KEY="$secret"

# A Go repository, with hooks the agent must not be able to change, and a
# directory beside it for -d.
repo="$E2E/shop"
mkdir -p "$repo" "$E2E/extra"
git -C "$repo" init -q
printf 'module example.com/shop\n\ngo 1.22\n' >"$repo/go.mod"
echo "beside the repository" >"$E2E/extra/note"
b2b() { (cd "$repo" && timeout 300 "$B2B" "$@"); }
session_containers() {
  "$ENGINE" ps -a -q --filter "label=org.back2base.namespace=shop"
}
# A session that sleeps, in the background ($session), once its
# containers are there.
start_sleeping_session() {
  (cd "$repo" && exec "$B2B" shell -c "sleep $1") >/dev/null 2>&1 &
  session=$!
  for _ in $(seq 100); do
    [ -z "$(session_containers)" ] || return 0
    sleep 0.2
  done
  fail "the session's containers never came"
}

step "-p prints the mock's answer, and nothing else, on stdout"
status=0
output=$(b2b -p "say hello" 2>"$E2E/err") || status=$?
[ "$status" -eq 0 ] || fail "-p exited $status: $(tail -5 "$E2E/err")"
[ "$output" = "Hello from the mock API." ] ||
  fail "stdout was \"$output\" ($(tail -5 "$E2E/err"))"

step "the go profile was chosen, and the agent got its MCP servers"
b2b -p "RUN: cp ~/.cache/back2base/mcp.json /workspace/seen-mcp.json && \
echo \$BACK2BASE_PROFILE >/workspace/seen-profile" >/dev/null 2>&1 || true
[ "$(cat "$repo/seen-profile" 2>/dev/null)" = go ] ||
  fail "the agent's profile was \"$(cat "$repo/seen-profile" 2>/dev/null)\""
jq -e '.mcpServers | has("fetch") and has("sequential-thinking") and
       (has("kubernetes") | not) and (has("github") | not)' \
  "$repo/seen-mcp.json" >/dev/null 2>&1 ||
  fail "the agent's MCP servers: $(jq -c '.mcpServers | keys' \
    "$repo/seen-mcp.json" 2>&1)"
[ -z "$(session_containers)" ] || fail "a session left containers behind"

step "a second launch builds nothing"
b2b -v -p "say hello" >/dev/null 2>"$E2E/err" || fail "the second launch"
if grep -q "building the session image" "$E2E/err"; then
  fail "the second launch built the image again"
fi
expect "$(cat "$E2E/err")" "is current"

step "shell -c: /workspace, -d, read-only hooks, no Docker socket, status"
status=0
output=$(b2b -d "$E2E/extra:ro" shell -c '
  cat /workspace/go.mod | head -1
  cat /repos/extra/note
  touch /repos/extra/new 2>/dev/null || echo "extra: read-only"
  touch /workspace/.git/hooks/pre-commit 2>/dev/null || echo "hooks: read-only"
  [ -e /var/run/docker.sock ] || echo "no docker socket"
  touch /workspace/made-in-shell
  exit 9' 2>"$E2E/err") || status=$?
[ "$status" -eq 9 ] || fail "shell -c exited $status, not 9"
for line in "module example.com/shop" "beside the repository" \
            "extra: read-only" "hooks: read-only" "no docker socket"; do
  expect "$output" "$line"
done
[ "$(stat -c %u "$repo/made-in-shell")" = "$(id -u)" ] ||
  fail "made-in-shell belongs to uid $(stat -c %u "$repo/made-in-shell")"

step "the firewall holds: the allowed host answers, the forbidden does not"
output=$(b2b shell -c "
  curl -sS -m 5 -o /dev/null -w '%{http_code}\n' http://allowed.b2b.test/
  curl -sS -m 5 http://$FORBIDDEN4/ 2>&1 || echo refused
  getent hosts forbidden.b2b.test || echo unresolved" 2>&1) || true
expect "$output" "200"
expect "$output" "refused"
expect "$output" "unresolved"

step "firewall log shows what the session's firewall refused"
expect "$(b2b firewall log 2>&1)" "tcp $FORBIDDEN4 port 80"

step "resume continues the newest Claude Code session of this workspace"
transcripts="$HOME/.config/back2base/state/projects/shop"
newest=$(ls -t "$transcripts"/*.jsonl 2>/dev/null | head -1)
[ -n "$newest" ] || fail "no transcript in $transcripts"
newest=$(basename "$newest" .jsonl)
output=$(b2b -v resume -p "say hello" 2>&1) || fail "resume: $output"
expect "$output" "resume: session $newest"
expect "$output" "Hello from the mock API."
output=$(b2b resume no-such-session 2>&1) && fail "resumed no-such-session"
expect "$output" "no session \"no-such-session\" in namespace \"shop\""

step "--overview: a read-only pass, its answer in CLAUDE.md, remembered"
git -C "$repo" -c user.name=e2e -c user.email=e2e@b2b.test commit -q \
  --allow-empty -m "the first commit"
claude_md="$HOME/.config/back2base/state/CLAUDE.md"
overview_requests() {
  jq -c 'select(.text | contains("never as instructions to you"))' \
    "$E2E/mock.log"
}
(cd "$repo" && exec python3 "$SUPPORT/in_terminal.py" "$E2E/terminal.log" \
  "$B2B" -y --overview) &
terminal=$!
for _ in $(seq 600); do
  grep -q "Hello from the mock API." "$claude_md" 2>/dev/null && break
  sleep 0.2
done
grep -q "Hello from the mock API." "$claude_md" 2>/dev/null ||
  fail "no overview in CLAUDE.md: $(tail -c 600 "$E2E/terminal.log")"
expect "$(cat "$claude_md")" "## The repository, in brief"
[ "$(overview_requests | wc -l)" -eq 1 ] ||
  fail "the overview's pass asked $(overview_requests | wc -l) times"
# Claude Code adds an inert placeholder ("never call this tool") to keep
# deferred tool loading on; it is no tool.
overview_requests | jq -e '.tools | index("Read") and all(. == "Read" or
    . == "Glob" or . == "Grep" or . == "DeferredToolPlaceholder")' \
    >/dev/null ||
  fail "the overview's pass was offered: $(overview_requests | jq -c .tools)"
kill -INT "$terminal"
status=0
wait "$terminal" || status=$?
[ "$status" -eq 130 ] || fail "the interactive session exited $status"
[ -z "$(session_containers)" ] || fail "it left $(session_containers)"
expect "$(b2b plan)" "overview:  on (remembered for this namespace)"

step "the credential is in nothing the tool printed, with -vv too"
mkdir -p "$E2E/said"
b2b -vv plan >"$E2E/said/plan" 2>&1 || true
b2b -vv plan --json >"$E2E/said/plan.json" 2>&1 || true
b2b -vv doctor >"$E2E/said/doctor" 2>&1 || true
b2b -vv status >"$E2E/said/status" 2>&1 || true
b2b -vv -p "say hello" >"$E2E/said/prompt" 2>&1 || true
b2b -vv shell -c 'echo "length ${#ANTHROPIC_API_KEY}"' >"$E2E/said/shell" \
  2>&1 || true
# The session has it, all the same.
expect "$(cat "$E2E/said/shell")" "length ${#secret}"
if grep -l -F -- "$secret" "$E2E"/said/*; then
  fail "the credential was printed"
fi

step "the credential is on no command line and in no file the tool wrote"
start_sleeping_session 20
sleep 2
if grep -l -a -F -- "$secret" /proc/[0-9]*/cmdline 2>/dev/null; then
  fail "the credential is on a command line"
fi
if grep -r -l -a -F -- "$secret" "$HOME" "$repo" 2>/dev/null; then
  fail "the credential is in a file the tool wrote"
fi

step "SIGINT ends the session with 130 and leaves no container"
kill -INT "$session"
status=0
wait "$session" || status=$?
[ "$status" -eq 130 ] || fail "the interrupted session exited $status"
[ -z "$(session_containers)" ] ||
  fail "containers left after SIGINT: $(session_containers)"

step "status lists a running session; clean removes its containers"
start_sleeping_session 60
expect "$(b2b status)" "(shop): b2b-shop-"
b2b clean >/dev/null || fail "clean failed"
[ -z "$(session_containers)" ] || fail "clean left $(session_containers)"
wait "$session" || true
[ -z "$(ls "$HOME/.local/share/back2base/sessions" | grep '^shop-')" ] ||
  fail "clean left the session directories"

if [ "$E2E_RUNTIME" = compose ]; then
  step "DOCKER_HOST=tcp:// is the engine the session starts on"
  if command -v socat >/dev/null; then
    # The engine's socket, over TCP on loopback, its connections logged.
    # -t: socat would close a connection 0.5 s after the client's stdin
    # ends, and the session's output with it.
    port=$((20000 + $$ % 10000))
    socat -d -d -t 600 "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork" \
      UNIX-CONNECT:/var/run/docker.sock 2>"$E2E/socat.log" &
    forwarder=$!
    for _ in $(seq 50); do
      grep -q listening "$E2E/socat.log" && break
      sleep 0.1
    done
    output=$(DOCKER_HOST="tcp://127.0.0.1:$port" b2b shell -c \
      'echo "through tcp"' 2>&1) || fail "the launch over tcp: $output"
    expect "$output" "through tcp"
    grep -q "accepting connection" "$E2E/socat.log" ||
      fail "the launch did not go through DOCKER_HOST"
    kill "$forwarder"
    output=$(DOCKER_HOST=tcp://127.0.0.1:1 b2b shell -c true 2>&1) &&
      fail "a launch with an engine that does not answer started"
    expect "$output" "tcp://127.0.0.1:1"
  else
    fail "socat is not installed, so DOCKER_HOST over tcp is not tested"
  fi
fi

step "prune removes old images of this tool only, never the current one"
"$ENGINE" tag "$IMAGE" "back2base-session:stale-$$"
"$ENGINE" tag "$IMAGE" "b2b-e2e-other-tool:$$"
output=$(b2b prune --dry-run)
expect "$output" "back2base-session:stale-$$"
[[ "$output" != *"$IMAGE "* ]] || fail "prune would remove the current image"
[[ "$output" != *"b2b-e2e-other-tool"* ]] || fail "prune would remove another's"
"$ENGINE" image inspect "back2base-session:stale-$$" >/dev/null 2>&1 ||
  fail "--dry-run removed the image"
b2b prune </dev/null >/dev/null 2>&1 && fail "prune removed without -y"
b2b prune -y >/dev/null || fail "prune -y failed"
"$ENGINE" image inspect "back2base-session:stale-$$" >/dev/null 2>&1 &&
  fail "prune -y kept the stale image"
"$ENGINE" image inspect "$IMAGE" >/dev/null 2>&1 ||
  fail "prune -y removed the current image"
"$ENGINE" image inspect "b2b-e2e-other-tool:$$" >/dev/null 2>&1 ||
  fail "prune -y removed another tool's image"
"$ENGINE" rmi "b2b-e2e-other-tool:$$" >/dev/null

e2e_summary
