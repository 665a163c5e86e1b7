#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# dnsmasq's configuration: only allowed names are forwarded, and a real
# dnsmasq, given it, answers as the firewall needs.

setup() {
  source "$BATS_TEST_DIRNAME/../firewall/allowlist.sh"
  source "$BATS_TEST_DIRNAME/../firewall/dns_config.sh"
}

@test "an exact name is forwarded, its subdomains answered as absent" {
  run b2b_dns_config "web api.example.com" 127.0.0.11
  [ "$status" -eq 0 ]
  [[ "$output" == *$'\nserver=/api.example.com/127.0.0.11\n'* ]]
  [[ "$output" == *$'\nserver=/*.api.example.com/\n'* ]]
  [[ "$output" == *$'\nipset=/api.example.com/b2b-web4,b2b-web6'* ]]
}

@test "a wildcard forwards the names under a domain, not the domain" {
  run b2b_dns_config "web *.example.org" 127.0.0.11 fd00::1
  [[ "$output" == *$'\nserver=/*.example.org/127.0.0.11\nserver=/*.example.org/fd00::1\n'* ]]
  [[ "$output" != *"server=/example.org/"* ]]
}

@test "a name both exact and wildcard, web and ssh, gets one set line" {
  run b2b_dns_config "$(printf 'web example.net\nweb *.example.net\nssh example.net')" 10.89.0.1
  [[ "$output" == *$'\nserver=/example.net/10.89.0.1\nserver=/*.example.net/10.89.0.1\nipset=/example.net/b2b-web4,b2b-web6,b2b-ssh4,b2b-ssh6'* ]]
  [[ "$output" != *"server=/*.example.net/"$'\n'* ]]
}

@test "nothing else is forwarded: no resolv.conf, no default server" {
  run b2b_dns_config "web a.example.com" 127.0.0.11
  [[ "$output" == *$'\nno-resolv\n'* ]]
  [[ "$output" == *$'\nstrict-order\n'* ]]
  ! grep -qE '^server=[^/]' <<<"$output"
}

@test "a real dnsmasq forwards, refuses and fills the sets as configured" {
  [ "$(id -u)" = 0 ] && command -v dnsmasq && command -v ipset ||
    skip "needs root, dnsmasq and ipset"
  local ns="b2b-bats-$$"
  ip netns add "$ns" || skip "cannot make a network namespace"
  local conf="$BATS_TEST_TMPDIR/dnsmasq.conf" upstream="$BATS_TEST_TMPDIR/up.conf"
  B2B_DNS_USER=root B2B_DNS_LOG="$BATS_TEST_TMPDIR/dns.log" \
    b2b_dns_config "$(printf 'web allowed.test\nweb *.wild.test')" 127.0.0.3 \
    >"$conf"
  printf '%s\n' port=53 listen-address=127.0.0.3 bind-interfaces no-resolv \
    no-hosts address=/allowed.test/192.0.2.10 address=/wild.test/192.0.2.20 \
    address=/other.test/192.0.2.30 >"$upstream"
  run ip netns exec "$ns" sh -c "
    ip link set lo up && ip addr add 127.0.0.3/8 dev lo &&
    ipset create b2b-web4 hash:ip family inet timeout 900 &&
    ipset create b2b-web6 hash:ip family inet6 timeout 900 &&
    dnsmasq -C '$upstream' --pid-file='$BATS_TEST_TMPDIR/up.pid' &&
    dnsmasq -C '$conf' --pid-file='$BATS_TEST_TMPDIR/fw.pid' && sleep 0.2 &&
    for name in allowed.test sub.allowed.test wild.test a.wild.test other.test; do
      python3 '$BATS_TEST_DIRNAME/dns_probe.py' 127.0.0.1 \$name
    done; ipset list b2b-web4 | grep timeout
    kill \$(cat '$BATS_TEST_TMPDIR/up.pid') \$(cat '$BATS_TEST_TMPDIR/fw.pid')"
  ip netns del "$ns"
  [[ "$output" == *"allowed.test NOERROR 192.0.2.10"* ]]
  [[ "$output" == *"sub.allowed.test NXDOMAIN"* ]]
  [[ "$output" == *"wild.test REFUSED"* ]]
  [[ "$output" == *"a.wild.test NOERROR 192.0.2.20"* ]]
  [[ "$output" == *"other.test REFUSED"* ]]
  [[ "$output" == *"192.0.2.10 timeout"* ]]
  [[ "$output" == *"192.0.2.20 timeout"* ]]
  [[ "$output" != *"192.0.2.30 timeout"* ]]
}
