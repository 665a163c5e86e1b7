#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The sandbox end to end, on a real engine ($ENGINE: docker or podman):
# the session image built from the payload the binary extracts, on a base
# made locally; the firewall sidecar and the agent container as a session
# has them; test hosts the test starts itself (an allowed web server, a
# forbidden one, a mock of the Anthropic API); and the real Claude Code CLI.
# Traffic goes to those hosts only. Exits 77 (skipped) where the engine or
# the base image is missing.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
source "$here/lib.sh"

e2e_require_engine
e2e_build_image
e2e_start_network_and_hosts

# --- a working session ---------------------------------------------------
e2e_start_sidecar fw "allowed.b2b.test" "mock.b2b.test"

step "the real Claude Code answers a -p prompt through the firewall"
output=$(e2e_run_agent fw -p "say hello" 2>&1) || true
expect "$output" "Hello from the mock API."
[ "$(grep -c '"path": "/v1/messages' "$E2E/mock.log")" -ge 1 ] ||
  fail "the mock saw no request"

step "a file the agent writes in /workspace belongs to the host user"
output=$(e2e_run_agent fw -p "RUN: touch /workspace/made-by-agent" 2>&1) ||
  true
expect "$output" "ran it"
[ "$(stat -c %u:%g "$E2E/workspace/made-by-agent")" = "$E2E_UID:$E2E_UID" ] ||
  fail "made-by-agent is owned by $(stat -c %u:%g \
    "$E2E/workspace/made-by-agent"), not $E2E_UID:$E2E_UID"

step "the allowed host is reachable by name"
expect "$(e2e_probe fw curl -sS -m 5 -o /dev/null -w '%{http_code}' \
  http://allowed.b2b.test/)" "200"

step "the forbidden host is refused at once, TCP and UDP, IPv4 and IPv6"
for address in "$FORBIDDEN4" "[$FORBIDDEN6]"; do
  output=$(e2e_probe fw curl -sS -m 5 "http://$address/" 2>&1) &&
    fail "curl reached $address"
  expect "$output" "Couldn't connect to server"
done
for address in "$FORBIDDEN4" "$FORBIDDEN6"; do
  # Outside the sandbox it answers, so a refusal inside is the firewall's.
  expect "$(e2e_plain python3 /support/udp_probe.py "$address" 5353)" \
    "answered"
  expect "$(e2e_probe fw python3 /support/udp_probe.py "$address" 5353)" \
    "refused"
done

step "a name the engine resolves but the list lacks does not resolve"
e2e_plain getent hosts forbidden.b2b.test >/dev/null ||
  fail "the engine's resolver does not know forbidden.b2b.test"
if e2e_probe fw getent hosts forbidden.b2b.test; then
  fail "forbidden.b2b.test resolved inside the sandbox"
fi
e2e_probe fw getent hosts allowed.b2b.test >/dev/null ||
  fail "allowed.b2b.test did not resolve inside the sandbox"

step "the agent cannot change the rules"
output=$(e2e_probe fw iptables -F OUTPUT 2>&1) && fail "iptables -F worked"
expect "$output" "Permission denied"
capabilities=$(e2e_probe fw sh -c \
  'grep -E "^Cap(Eff|Prm|Bnd|Amb):" /proc/self/status')
expect "$capabilities" "CapEff:	0000000000000000"
bounding=$(sed -n 's/^CapBnd:\t//p' <<<"$capabilities")
# NET_ADMIN is bit 12 and NET_RAW bit 13.
[ $(( 0x$bounding & (3 << 12) )) -eq 0 ] ||
  fail "the agent's bounding set keeps NET_ADMIN or NET_RAW: $bounding"

step "the sidecar counts and logs what it refused"
# It publishes the count every 2 s; the attempts above were refused.
counted=0
for _ in $(seq 50); do
  counted=$(cat "$E2E/fw/firewall/refused" 2>/dev/null || echo 0)
  [ "$counted" -eq 0 ] || break
  sleep 0.2
done
[ "$counted" -gt 0 ] || fail "no refused attempt was counted in 10 s"
refused_log=$(cat "$E2E/fw/firewall/refused.log")
expect "$refused_log" "tcp $FORBIDDEN4 port 80"
expect "$refused_log" "tcp $FORBIDDEN6 port 80"
expect "$refused_log" "udp $FORBIDDEN4 port 5353"
expect "$refused_log" "udp $FORBIDDEN6 port 5353"
# The self-test's own attempts are not the session's.
[[ "$refused_log" != *"192.0.2.1"* ]] || fail "the self-test was logged"

step "the agent never runs as the resolver's account, which may ask DNS"
dns_uid=$(e2e_plain id -u b2b-dns)
status=0
# shellcheck disable=SC2046
output=$(timeout 60 "$ENGINE" run --rm $(e2e_agent_flags fw) \
  -e "BACK2BASE_HOST_UID=$dns_uid" -e B2B_CLAUDE=/support/as_agent.sh \
  "$IMAGE" id -u 2>&1) || status=$?
[ "$status" -ne 0 ] || fail "the agent ran as b2b-dns ($output)"
expect "$output" "BACK2BASE_HOST_UID=$dns_uid: the image's \"b2b-dns\" account"

# --- a broken firewall ---------------------------------------------------
step "a sidecar without NET_ADMIN stops the session before Claude starts"
requests=$(wc -l <"$E2E/mock.log")
e2e_start_sidecar broken --no-net-admin "mock.b2b.test"
status=0
output=$(e2e_run_agent broken -p "say hello" 2>&1) || status=$?
[ "$status" -ne 0 ] || fail "the agent exited 0 without a firewall"
expect "$output" \
  "oss-back2base: error: firewall: the address sets could not be made"
expect "$output" "Claude Code was not started"
[ "$(wc -l <"$E2E/mock.log")" -eq "$requests" ] ||
  fail "Claude Code reached the API without a firewall"

e2e_summary
