# SPDX-License-Identifier: Apache-2.0
# The session's packet filter, for iptables-restore (IPv4) and
# ip6tables-restore (IPv6), each applied as one transaction. Everything
# leaving the shared network namespace is refused unless it is:
#   - dnsmasq's own queries to the upstream resolvers;
#   - DNS to dnsmasq on loopback, and other loopback traffic, but never
#     the engine's resolver (Docker's 127.0.0.11) from anyone else;
#   - the rest of a connection allowed here;
#   - TCP 80 and 443 to an address an allowed name resolved to, and TCP 22
#     to one an "ssh:" name resolved to;
#   - on IPv6, the neighbour discovery a link needs.
# Refused packets are counted and logged (NFLOG group 5) in B2B-REFUSED,
# then rejected, not dropped, so a blocked tool fails at once; the
# sidecar's self-test, which runs as its own user before the session, is
# rejected the same way but neither counted nor logged. Nothing comes
# in unless it belongs to a connection made from inside.
#
# b2b_ruleset FAMILY UPSTREAM... prints the rules; FAMILY is 4 or 6 and
# the UPSTREAMs are that family's resolver addresses. Needs allowlist.sh.

B2B_NFLOG_GROUP=5
B2B_SELF_TEST_USER=${B2B_SELF_TEST_USER:-nobody}

b2b_ruleset() {
  local family=$1 upstream loopback=127.0.0.1 reject=icmp-admin-prohibited
  shift
  if [ "$family" = 6 ]; then
    loopback=::1 reject=icmp6-adm-prohibited
  fi
  cat <<RULES
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
:B2B-REFUSED - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
-A OUTPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
RULES
  if [ "$family" = 6 ]; then
    local type
    for type in 133 134 135 136; do
      echo "-A INPUT -p ipv6-icmp --icmpv6-type $type -j ACCEPT"
      echo "-A OUTPUT -p ipv6-icmp --icmpv6-type $type -j ACCEPT"
    done
  fi
  # Docker rewrites the port of its resolver, so the port asked for is
  # the one conntrack remembers.
  local protocol
  for upstream in "$@"; do
    for protocol in udp tcp; do
      echo "-A OUTPUT -m owner --uid-owner $B2B_DNS_USER -d $upstream" \
        "-p $protocol -m conntrack --ctorigdstport 53 -j ACCEPT"
    done
  done
  cat <<RULES
-A OUTPUT -m owner --uid-owner $B2B_DNS_USER -j B2B-REFUSED
-A OUTPUT -o lo -d $loopback -p udp --dport 53 -j ACCEPT
-A OUTPUT -o lo -d $loopback -p tcp --dport 53 -j ACCEPT
RULES
  # An upstream on loopback (Docker's) is for dnsmasq alone.
  for upstream in "$@"; do
    case "$upstream" in
      127.* | ::1) echo "-A OUTPUT -o lo -d $upstream -j B2B-REFUSED" ;;
    esac
  done
  cat <<RULES
-A OUTPUT -o lo -j ACCEPT
-A OUTPUT -p tcp -m multiport --dports 80,443 -m set --match-set $(b2b_set_name web "$family") dst -j ACCEPT
-A OUTPUT -p tcp --dport 22 -m set --match-set $(b2b_set_name ssh "$family") dst -j ACCEPT
-A OUTPUT -j B2B-REFUSED
-A B2B-REFUSED -m owner ! --uid-owner $B2B_SELF_TEST_USER -j NFLOG --nflog-group $B2B_NFLOG_GROUP --nflog-prefix b2b-refused
-A B2B-REFUSED -p tcp -j REJECT --reject-with tcp-reset
-A B2B-REFUSED -j REJECT --reject-with $reject
COMMIT
RULES
}
