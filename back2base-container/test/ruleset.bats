#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The rules for IPv4 and IPv6: default deny, DNS only through the sidecar's
# resolver, web and SSH only to the allowed sets, the rest rejected; and
# the kernel takes them as one transaction.

setup() {
  export B2B_DNS_USER=b2b-dns
  source "$BATS_TEST_DIRNAME/../firewall/allowlist.sh"
  source "$BATS_TEST_DIRNAME/../firewall/ruleset.sh"
}

@test "every chain denies by default, for both families" {
  for family in 4 6; do
    run b2b_ruleset "$family"
    [[ "$output" == *$'\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT DROP [0:0]\n'* ]]
    [[ "$output" == *$'\nCOMMIT' ]]
  done
}

@test "DNS leaves only from dnsmasq, and only to the upstream resolver" {
  run b2b_ruleset 4 127.0.0.11
  # The only accepted port-53 rules: dnsmasq's user to the upstream, and
  # anyone to dnsmasq on loopback.
  [ "$(grep -c -- '--ctorigdstport 53 -j ACCEPT' <<<"$output")" -eq 2 ]
  grep -q -- '-m owner --uid-owner b2b-dns -d 127.0.0.11 -p udp -m conntrack --ctorigdstport 53 -j ACCEPT' <<<"$output"
  [ "$(grep -c -- '--dport 53 -j ACCEPT' <<<"$output")" -eq 2 ]
  grep -q -- '-o lo -d 127.0.0.1 -p udp --dport 53 -j ACCEPT' <<<"$output"
  # Docker's resolver is refused to everyone else, before loopback is open.
  [[ "$output" == *"-A OUTPUT -o lo -d 127.0.0.11 -j B2B-REFUSED"$'\n'"-A OUTPUT -o lo -j ACCEPT"* ]]
  # dnsmasq itself may send nothing else.
  grep -q -- '-m owner --uid-owner b2b-dns -j B2B-REFUSED' <<<"$output"
}

@test "web and ssh only to the sets dnsmasq fills; no network is named" {
  for family in 4 6; do
    run b2b_ruleset "$family" 10.89.0.1
    grep -q -- "--dports 80,443 -m set --match-set b2b-web$family dst -j ACCEPT" <<<"$output"
    grep -q -- "--dport 22 -m set --match-set b2b-ssh$family dst -j ACCEPT" <<<"$output"
    [ "$(grep -c -- '--dport 22' <<<"$output")" -eq 1 ]
    ! grep -E -- '-d [0-9a-f.:]+/[0-9]+' <<<"$output"
  done
}

@test "what is refused is counted, logged and rejected, not dropped" {
  run b2b_ruleset 4
  # The self-test's own refusals are rejected as well, but not the
  # session's to count or log.
  [[ "$output" == *$'-A OUTPUT -j B2B-REFUSED\n-A B2B-REFUSED -m owner ! --uid-owner nobody -j NFLOG'* ]]
  grep -q -- '-A B2B-REFUSED -p tcp -j REJECT --reject-with tcp-reset' <<<"$output"
  grep -q -- '-A B2B-REFUSED -j REJECT --reject-with icmp-admin-prohibited' <<<"$output"
  run b2b_ruleset 6
  grep -q -- '-A B2B-REFUSED -j REJECT --reject-with icmp6-adm-prohibited' <<<"$output"
  # IPv6 keeps neighbour discovery, which a link needs to work at all.
  [ "$(grep -c -- '--icmpv6-type 13[3-6] -j ACCEPT' <<<"$output")" -eq 8 ]
}

@test "the kernel accepts both rulesets in a namespace of their own" {
  [ "$(id -u)" = 0 ] && command -v iptables-restore && command -v ipset ||
    skip "needs root, iptables and ipset"
  local ns="b2b-bats-$$"
  ip netns add "$ns" || skip "cannot make a network namespace"
  B2B_DNS_USER=nobody b2b_ruleset 4 127.0.0.11 >"$BATS_TEST_TMPDIR/v4"
  B2B_DNS_USER=nobody b2b_ruleset 6 fd00::1 >"$BATS_TEST_TMPDIR/v6"
  run ip netns exec "$ns" sh -c "
    for set in b2b-web4 b2b-ssh4; do ipset create \$set hash:ip; done &&
    for set in b2b-web6 b2b-ssh6; do
      ipset create \$set hash:ip family inet6; done &&
    iptables-restore <'$BATS_TEST_TMPDIR/v4' &&
    ip6tables-restore <'$BATS_TEST_TMPDIR/v6' &&
    iptables -S OUTPUT && ip6tables -S OUTPUT"
  ip netns del "$ns"
  [ "$status" -eq 0 ]
  [[ "$output" == *"-P OUTPUT DROP"* ]]
  [[ "$output" == *"--match-set b2b-web6 dst"* ]]
}
