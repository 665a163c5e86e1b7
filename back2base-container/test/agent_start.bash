# SPDX-License-Identifier: Apache-2.0
# What the tests of the agent's start-up share: a session's inputs under a
# fresh directory ($root), as the CLI and the sidecar leave them, and
# $user, which runs the start-up as an unprivileged user, as it runs
# after its root step. Loaded by their setup().

agent_start_setup() {
  # Not under BATS_TEST_TMPDIR, whose parents the unprivileged user cannot
  # enter.
  root=$(mktemp -d /tmp/b2b-agent.XXXXXX)
  export HOME="$root/home" B2B_SESSION="$root/session"
  export B2B_FIREWALL_STATE="$root/firewall" B2B_CLAUDE="$root/claude"
  export B2B_RESOLV_CONF="$root/resolv.conf"
  export B2B_DEFAULTS="$BATS_TEST_DIRNAME/../defaults"
  export BACK2BASE_NAMESPACE=shop BACK2BASE_PROFILE=go B2B_FIREWALL_TIMEOUT=1
  mkdir -p "$HOME/.claude" "$B2B_SESSION" "$B2B_FIREWALL_STATE"
  echo "nameserver 127.0.0.1" >"$B2B_RESOLV_CONF"
  entrypoint="$BATS_TEST_DIRNAME/../agent/entrypoint.sh"
}

# After the test's own files: hands $root to the unprivileged user.
agent_start_as_user() {
  user=()
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody "$root"
    chmod 755 "$root"
    user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  fi
}

firewall_ready() {
  printf 'firewall=on\nipv6=on\nnetns=%s\n' "$(readlink /proc/self/ns/net)" \
    >"$B2B_FIREWALL_STATE/ready"
}
