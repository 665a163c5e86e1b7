#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The firewall sidecar: it owns the session's network namespace, which the
# agent's container joins, and it alone may change its rules. It applies
# the rules, starts the only resolver the agent has, proves both work, and
# only then tells the agent it may start. Any failure is written where the
# agent looks, so the session stops instead of running unfiltered.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
# shellcheck source=allowlist.sh
source "$here/allowlist.sh"
# shellcheck source=dns_config.sh
source "$here/dns_config.sh"
# shellcheck source=ruleset.sh
source "$here/ruleset.sh"

allowlist=${B2B_ALLOWLIST:-/run/back2base/session/allowlist}
state=${B2B_FIREWALL_STATE:-/run/back2base/firewall}
resolv_conf=${B2B_RESOLV_CONF:-/etc/resolv.conf}

# The reason goes where the agent looks; the sidecar stays, so that the
# agent can join its namespace, read why and stop, and the session ends
# with that message rather than an engine's complaint.
fail() {
  echo "oss-back2base: error: firewall: $*" >&2
  printf '%s\n' "$*" >"$state/failed.partial" && mv "$state/failed.partial" \
    "$state/failed"
  exec sleep infinity
}

# The resolvers this container was given: where dnsmasq forwards to.
upstream_resolvers() {
  awk '$1 == "nameserver" && $2 != "127.0.0.1" && $2 != "::1" {print $2}' \
    "$resolv_conf"
}

# The sets dnsmasq fills and the rules match, both families, in one call.
create_sets() {
  local kind
  for kind in web ssh; do
    echo "create $(b2b_set_name "$kind" 4) hash:ip family inet timeout 900"
    echo "create $(b2b_set_name "$kind" 6) hash:ip family inet6 timeout 900"
  done | ipset -exist restore
}

apply_family() {
  local family=$1 restore=iptables-restore
  shift
  [ "$family" = 4 ] || restore=ip6tables-restore
  b2b_ruleset "$family" "$@" | "$restore"
}

# The attempts refused so far, for the status line and the CLI.
count_refused() {
  local total=0 packets tool
  for tool in iptables ip6tables; do
    [ "$tool" = iptables ] || [ "$ipv6" = on ] || continue
    packets=$("$tool" -w -L B2B-REFUSED -v -x -n 2>/dev/null |
              awk 'NR == 3 {print $1}')
    total=$((total + ${packets:-0}))
  done
  echo "$total"
}

publish() {  # NAME VALUE: a file the agent may read, replaced whole
  printf '%s\n' "$2" >"$state/$1.partial" && mv "$state/$1.partial" \
    "$state/$1"
}

mkdir -p "$state"
rm -f "$state/ready" "$state/failed" "$state/refused" "$state/refused.log" \
  "$B2B_DNS_LOG"

if [ "${DISABLE_FIREWALL:-}" = 1 ]; then
  echo "oss-back2base: warning: firewall: DISABLE_FIREWALL=1, so this" \
    "session can reach anything on the network" >&2
  publish ready "firewall=disabled"
  exec sleep infinity
fi

# Read the allowlist: a bad entry stops the session, nothing is guessed.
entries=$(b2b_read_allowlist "$allowlist") ||
  fail "$allowlist has bad entries (above); the session did not start"

# Where allowed names are resolved: the engine's resolver.
mapfile -t upstreams < <(upstream_resolvers)
[ "${#upstreams[@]}" -gt 0 ] ||
  fail "$resolv_conf names no resolver to forward allowed names to"
upstreams4=() upstreams6=()
for upstream in "${upstreams[@]}"; do
  case "$upstream" in
    *:*) upstreams6+=("$upstream") ;;
    *) upstreams4+=("$upstream") ;;
  esac
done

# IPv4 rules, then IPv6 wherever this namespace has IPv6 at all.
create_sets || fail "the address sets could not be made; does the sidecar" \
  "have NET_ADMIN?"
apply_family 4 "${upstreams4[@]}" ||
  fail "the IPv4 rules could not be applied; does the sidecar have NET_ADMIN?"
ipv6=off
if [ -e /proc/net/if_inet6 ]; then
  ipv6=on
  apply_family 6 "${upstreams6[@]}" ||
    fail "the IPv6 rules could not be applied"
fi

# The agent's resolver.
b2b_dns_config "$entries" "${upstreams[@]}" >"$state/dnsmasq.conf"
dnsmasq --conf-file="$state/dnsmasq.conf" --pid-file="$state/dnsmasq.pid" ||
  fail "dnsmasq did not start; its configuration is $state/dnsmasq.conf"

# Each refusal from here on is written to refused.log; the self-test's
# are not counted or logged (ruleset.sh).
python3 -E -S "$here/refused_log.py" "$B2B_NFLOG_GROUP" \
  "$state/refused.log" &
refused_log=$!
# It makes the file once it listens; the agent's first refusal may come
# the moment the sidecar is ready. (If it fails, it said why; go on.)
for _ in $(seq 100); do
  [ ! -e "$state/refused.log" ] && kill -0 "$refused_log" 2>/dev/null ||
    break
  sleep 0.02
done

# Prove it from the agent's side of the rules before anyone relies on it.
mapfile -t names < <(awk '$1 == "web" && $2 !~ /^\*/ {print $2}' <<<"$entries")
test_flags=(--resolver 127.0.0.1)
[ "$ipv6" = off ] || test_flags+=(--ipv6)
for upstream in "${upstreams[@]}"; do
  test_flags+=(--upstream "$upstream")
done
if ! report=$(setpriv --reuid="$B2B_SELF_TEST_USER" --regid=nogroup \
                --clear-groups python3 -E -S "$here/self_test.py" \
                "${test_flags[@]}" "${names[@]}" 2>&1); then
  printf '%s\n' "$report" >&2
  fail "the self-test failed: $(grep -m1 '^FAIL' <<<"$report")"
fi
[ -z "${B2B_FIREWALL_VERBOSE:-}" ] || printf '%s\n' "$report" >&2

publish ready "$(printf 'firewall=on\nipv6=%s\nnetns=%s\nentries=%s' \
  "$ipv6" "$(readlink /proc/self/ns/net)" "$(wc -l <<<"$entries")")"

# Keep the namespace's owner alive; tell the agent what was refused.
trap 'exit 0' TERM INT
while true; do
  publish refused "$(count_refused)"
  sleep 2 &
  wait $! || true
done
