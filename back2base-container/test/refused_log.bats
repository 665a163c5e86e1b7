#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The log of refused packets, fed by a real NFLOG rule in a namespace of
# its own.

@test "each refused packet is written down with its protocol, address and port" {
  [ "$(id -u)" = 0 ] && command -v iptables >/dev/null ||
    skip "needs root and iptables"
  local ns="b2b-bats-$$" log="$BATS_TEST_TMPDIR/refused.log"
  ip netns add "$ns" || skip "cannot make a network namespace"
  run ip netns exec "$ns" sh -c "
    ip link set lo up && ip addr add 192.0.2.2/24 dev lo &&
    iptables -A OUTPUT -d 192.0.2.1 -j NFLOG --nflog-group 5 &&
    iptables -A OUTPUT -d 192.0.2.1 -p tcp -j REJECT --reject-with tcp-reset &&
    iptables -A OUTPUT -d 192.0.2.1 -j REJECT &&
    { python3 '$BATS_TEST_DIRNAME/../firewall/refused_log.py' 5 '$log' &
      reader=\$!; } &&
    for _ in \$(seq 50); do [ -e '$log' ] && break; sleep 0.05; done &&
    python3 '$BATS_TEST_DIRNAME/../firewall/self_test.py' --resolver 127.0.0.1 >/dev/null;
    sleep 0.3; kill \$reader"
  ip netns del "$ns"
  [[ "$(cat "$log")" =~ [0-9T:-]+Z\ tcp\ 192\.0\.2\.1\ port\ 443 ]]
  [[ "$(cat "$log")" =~ [0-9T:-]+Z\ udp\ 192\.0\.2\.1\ port\ 53 ]]
}
