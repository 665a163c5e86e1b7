# SPDX-License-Identifier: Apache-2.0
# dnsmasq's configuration for the session: the agent's only resolver. It
# forwards allowlisted names alone, to the upstream resolvers the sidecar
# was given, and refuses every other name without asking anyone, so a name
# that is not allowed never leaves the sidecar. Each answer's addresses go
# into the allowed sets, which the rules match, with a timeout: addresses
# that rotate are followed, and stale ones age out.
#
# b2b_dns_config ENTRIES UPSTREAM... prints the configuration; ENTRIES is
# b2b_read_allowlist's output, UPSTREAMs are resolver addresses. Needs
# allowlist.sh.

B2B_DNS_USER=${B2B_DNS_USER:-b2b-dns}
B2B_DNS_LOG=${B2B_DNS_LOG:-/run/back2base/firewall/dns.log}

b2b_dns_config() {
  local entries=$1
  shift
  cat <<CONF
# Written by the firewall sidecar for this session; do not edit.
listen-address=127.0.0.1
bind-interfaces
user=$B2B_DNS_USER
no-resolv
no-hosts
# The engine's resolver first, as resolv.conf lists them: under Podman the
# host's resolvers follow it, and must not answer for container names.
strict-order
no-poll
cache-size=1000
# Answers are cached for at most a minute, far less than a set entry lives,
# so an address is never handed out after its entry has aged out.
max-cache-ttl=60
log-queries
log-facility=$B2B_DNS_LOG
CONF
  # One domain may be a web and an SSH entry, exact and wildcard: one
  # ipset line for it, with every set its entries fill.
  local -A names=() kinds=()
  local -a order=()
  local kind name domain upstream sets
  while read -r kind name; do
    [ -n "$name" ] || continue
    domain=${name#\*.}
    [ -n "${kinds[$domain]:-}" ] || order+=("$domain")
    [[ " ${kinds[$domain]:-} " == *" $kind "* ]] ||
      kinds[$domain]+=" $kind"
    names[$name]=1
  done <<<"$entries"
  for domain in "${order[@]}"; do
    for name in "$domain" "*.$domain"; do
      [ -n "${names[$name]:-}" ] || continue
      for upstream in "$@"; do
        echo "server=/$name/$upstream"
      done
    done
    # An exact name allows that name alone: unless its wildcard is
    # allowed too, its subdomains are answered here as names that do not
    # exist.
    [ -n "${names[*.$domain]:-}" ] || echo "server=/*.$domain/"
    sets=""
    for kind in ${kinds[$domain]}; do
      sets+="${sets:+,}$(b2b_set_name "$kind" 4),$(b2b_set_name "$kind" 6)"
    done
    echo "ipset=/$domain/$sets"
  done
}
