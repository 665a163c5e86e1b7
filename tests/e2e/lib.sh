# SPDX-License-Identifier: Apache-2.0
# What the end-to-end tests share: the engine, the image built from the
# payload the binary extracts, a network with IPv4 and IPv6 and the test
# hosts on it, the firewall sidecar, and the agent container run exactly as
# a session runs it. Everything is named b2b-e2e-$$ and removed at exit.

ENGINE=${ENGINE:-docker}
E2E=$(mktemp -d /tmp/b2b-e2e.XXXXXX)
E2E_NAME="b2b-e2e-$$"
E2E_UID=4242  # the "host user", as the CLI would pass its own ids
E2E_BASE=${B2B_E2E_BASE:-back2base-e2e-base:bookworm}
SUPPORT="$B2B_SOURCE_DIR/tests/support"
failures=0

step() { echo "--- $*"; }
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
expect() {  # TEXT NEEDLE
  [[ "$1" == *"$2"* ]] || fail "expected \"$2\" in: $(tail -c 600 <<<"$1")"
}
e2e_summary() {
  if [ "$failures" -gt 0 ]; then
    echo "$ENGINE: $failures check(s) failed"
    exit 1
  fi
  echo "$ENGINE: every check passed"
}

e2e_cleanup() {
  "$ENGINE" rm -f $("$ENGINE" ps -aq --filter "label=$E2E_NAME") \
    >/dev/null 2>&1 || true
  "$ENGINE" network rm "$E2E_NAME" >/dev/null 2>&1 || true
  rm -rf "$E2E"
}

e2e_require_engine() {
  if ! command -v "$ENGINE" >/dev/null || ! "$ENGINE" info >/dev/null 2>&1
  then
    echo "skipped: $ENGINE is not installed or not running"
    exit 77
  fi
  if ! "$ENGINE" image inspect "$E2E_BASE" >/dev/null 2>&1; then
    echo "skipped: no $E2E_BASE image; tests/e2e/make_base_image.sh makes it"
    exit 77
  fi
  trap e2e_cleanup EXIT
}

# The session image, built by the CLI itself (`oss-back2base build`) on the
# local base, only when no image carries its hash; the host's CA bundle
# goes in by BACK2BASE_EXTRA_CA_CERTS (this machine's proxy intercepts
# TLS). The runtime that drives $ENGINE is $E2E_RUNTIME.
case "$ENGINE" in
  docker) E2E_RUNTIME=compose ;;
  *) E2E_RUNTIME=$ENGINE ;;
esac
export BACK2BASE_BASE_IMAGE="$E2E_BASE"
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export BACK2BASE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi
e2e_build_image() {
  local home="$E2E/home"
  mkdir -p "$home"
  HOME="$home" "$B2B" install >/dev/null
  local hash
  read -r IMAGE hash < <(HOME="$home" "$B2B" plan -r "$E2E" --json |
                         jq -r '.image.tag + " " + .image.hash')
  if [ "$("$ENGINE" image inspect -f \
        '{{index .Config.Labels "org.back2base.payload-hash"}}' "$IMAGE" \
        2>/dev/null)" = "$hash" ]; then
    return
  fi
  step "building $IMAGE with oss-back2base build on $ENGINE (once per payload)"
  HOME="$home" "$B2B" build --runtime "$E2E_RUNTIME" >"$E2E/build.log" \
    2>&1 || { tail -30 "$E2E/build.log"; exit 1; }
  [ "$("$ENGINE" image inspect -f \
     '{{index .Config.Labels "org.back2base.payload-hash"}}' "$IMAGE")" = \
    "$hash" ] || { echo "FAIL: the image lacks the payload's hash"; exit 1; }
}

e2e_address() {  # CONTAINER FAMILY
  local format='{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}'
  [ "$2" = 4 ] ||
    format='{{range .NetworkSettings.Networks}}{{.GlobalIPv6Address}}{{end}}'
  "$ENGINE" inspect -f "$format" "$1"
}

e2e_start_network_and_hosts() {
  "$ENGINE" network create --ipv6 --subnet 172.31.251.0/24 \
    --subnet fd00:b2b:e2e::/64 "$E2E_NAME" >/dev/null
  local host
  for host in allowed forbidden; do
    "$ENGINE" run -d --name "$E2E_NAME-$host" --label "$E2E_NAME" \
      --network "$E2E_NAME" --network-alias "$host.b2b.test" \
      -v "$SUPPORT:/support:ro" --entrypoint python3 "$IMAGE" \
      /support/test_host.py >/dev/null
  done
  touch "$E2E/mock.log"
  chmod 666 "$E2E/mock.log"
  "$ENGINE" run -d --name "$E2E_NAME-mock" --label "$E2E_NAME" \
    --network "$E2E_NAME" --network-alias mock.b2b.test \
    -v "$SUPPORT:/support:ro" -v "$E2E/mock.log:/mock.log" \
    --entrypoint python3 "$IMAGE" /support/mock_anthropic.py --log /mock.log \
    >/dev/null
  FORBIDDEN4=$(e2e_address "$E2E_NAME-forbidden" 4)
  FORBIDDEN6=$(e2e_address "$E2E_NAME-forbidden" 6)
  [ -n "$FORBIDDEN4" ] && [ -n "$FORBIDDEN6" ] ||
    { echo "FAIL: the forbidden host has no IPv4 or no IPv6 address"; exit 1; }
}

# A session's sidecar: NAME [--no-net-admin] ALLOWED-NAME...; returns once
# it is ready or has failed.
e2e_start_sidecar() {
  local name=$1 caps=(--cap-add NET_ADMIN)
  shift
  if [ "${1:-}" = --no-net-admin ]; then
    caps=()
    shift
  fi
  local dir="$E2E/$name"
  mkdir -p "$dir/session" "$dir/firewall"
  printf '%s\n' "$@" >"$dir/session/allowlist"
  echo "nameserver 127.0.0.1" >"$dir/session/resolv.conf"
  "$ENGINE" run -d --name "$E2E_NAME-$name" --label "$E2E_NAME" \
    --network "$E2E_NAME" --cap-drop ALL "${caps[@]}" --cap-add NET_RAW \
    --cap-add NET_BIND_SERVICE --cap-add SETUID --cap-add SETGID \
    -v "$dir/session:/run/back2base/session:ro" \
    -v "$dir/firewall:/run/back2base/firewall" \
    --entrypoint /usr/bin/tini "$IMAGE" -- /opt/back2base/firewall/sidecar.sh \
    >/dev/null
  local _
  for _ in $(seq 100); do
    [ -e "$dir/firewall/ready" ] || [ -e "$dir/firewall/failed" ] && return
    sleep 0.1
  done
  "$ENGINE" logs "$E2E_NAME-$name"
  fail "the $name sidecar neither got ready nor failed in 10 s"
}

# The agent container's flags, as a session has them: the sidecar's
# network namespace, no capability but the four its root step needs, no
# new privileges, the session's files read-only.
e2e_agent_flags() {
  local dir="$E2E/$1"
  mkdir -p "$E2E/workspace" "$E2E/state"
  chown "$E2E_UID:$E2E_UID" "$E2E/workspace" "$E2E/state"
  echo --network "container:$E2E_NAME-$1" --label "$E2E_NAME" \
    --cap-drop ALL --cap-add CHOWN --cap-add SETUID --cap-add SETGID \
    --cap-add SETPCAP \
    --security-opt no-new-privileges \
    -e "BACK2BASE_HOST_UID=$E2E_UID" -e "BACK2BASE_HOST_GID=$E2E_UID" \
    -e ANTHROPIC_BASE_URL=http://mock.b2b.test -e ANTHROPIC_API_KEY \
    -v "$dir/session:/run/back2base/session:ro" \
    -v "$dir/firewall:/run/back2base/firewall:ro" \
    -v "$dir/session/resolv.conf:/etc/resolv.conf:ro" \
    -v "$E2E/workspace:/workspace" -v "$E2E/state:/home/agent/.claude" \
    -v "$SUPPORT:/support:ro"
}

# The real entrypoint and the real Claude Code: SIDECAR CLAUDE-ARGS...
e2e_run_agent() {
  local sidecar=$1
  shift
  # shellcheck disable=SC2046
  ANTHROPIC_API_KEY=sk-ant-e2e-test timeout 120 "$ENGINE" run --rm \
    $(e2e_agent_flags "$sidecar") "$IMAGE" "$@"
}

# A command run by the agent's real start-up in Claude Code's place:
# SIDECAR COMMAND...
e2e_probe() {
  local sidecar=$1
  shift
  # shellcheck disable=SC2046
  timeout 60 "$ENGINE" run --rm $(e2e_agent_flags "$sidecar") \
    -e B2B_CLAUDE=/support/as_agent.sh "$IMAGE" "$@"
}

# A command in a container on the same network with no firewall at all.
e2e_plain() {
  timeout 60 "$ENGINE" run --rm --label "$E2E_NAME" --network "$E2E_NAME" \
    -v "$SUPPORT:/support:ro" --entrypoint "$1" "$IMAGE" "${@:2}"
}
