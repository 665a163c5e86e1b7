#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# What the image installs is what the registry names, locked with checksums.

setup() {
  top="$BATS_TEST_DIRNAME/.."
}

@test "the image's MCP servers are the registry's npm packages, locked" {
  registry=$(jq -c '[.mcpServers[] | .package // empty |
    select(startswith("npm:")) | ltrimstr("npm:")] | sort' \
    "$top/defaults/mcp.json")
  image=$(jq -c '[.dependencies | to_entries[] | "\(.key)@\(.value)"] |
    sort' "$top/image/mcp-servers/package.json")
  [ "$registry" = "$image" ]
  locked=$(jq -c '[.packages[""].dependencies | to_entries[] |
    "\(.key)@\(.value)"] | sort' "$top/image/mcp-servers/package-lock.json")
  [ "$registry" = "$locked" ]
  # Every package the lock installs carries its checksum.
  [ "$(jq '[.packages | to_entries[] | select(.key != "") |
    select(.value.link != true) | select(.value.integrity == null)] |
    length' "$top/image/mcp-servers/package-lock.json")" -eq 0 ]
}

@test "each command the registry runs is a binary one of them installs" {
  for command in $(jq -r '.mcpServers[] | select(.package) | .command' \
                   "$top/defaults/mcp.json"); do
    jq -e --arg command "$command" 'any(.packages[] | .bin // {} |
      has($command); .)' "$top/image/mcp-servers/package-lock.json" \
      >/dev/null || { echo "no package installs $command"; false; }
  done
}

@test "every download in the Dockerfile is pinned by a SHA-512" {
  dockerfile="$top/Dockerfile"
  for name in NODE_INTEGRITY_AMD64 NODE_INTEGRITY_ARM64 NPM_INTEGRITY \
              CLAUDE_CODE_INTEGRITY_AMD64 CLAUDE_CODE_INTEGRITY_ARM64; do
    grep -qE "^ARG $name=sha512-[A-Za-z0-9+/]{86}==$" "$dockerfile"
  done
  # Nothing is fetched but through the checking script or the lockfile.
  [ "$(grep -cE '(curl|wget) +-' "$dockerfile")" -eq 0 ]
}

@test "the download script refuses a file whose checksum differs" {
  command -v python3 >/dev/null && command -v openssl >/dev/null ||
    skip "needs python3 and openssl"
  mkdir -p "$BATS_TEST_TMPDIR/registry/pkg/-" && cd "$BATS_TEST_TMPDIR"
  mkdir package && echo hi >package/file && tar -czf registry/pkg/-/pkg-1.0.tgz package
  good="sha512-$(openssl dgst -sha512 -binary registry/pkg/-/pkg-1.0.tgz |
    base64 -w0)"
  python3 -m http.server 0 --bind 127.0.0.1 -d registry >server.log 2>&1 &
  server=$!
  for _ in $(seq 50); do
    port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' server.log | head -1)
    [ -n "$port" ] && break
    sleep 0.1
  done
  NPM_REGISTRY="http://127.0.0.1:$port" run sh "$top/image/fetch_npm_tarball.sh" \
    pkg 1.0 "sha512-$(head -c 64 /dev/zero | base64 -w0)" out-bad
  [ "$status" -eq 1 ] && [[ "$output" == *"is not the one pinned"* ]]
  [ ! -e out-bad/file ]
  NPM_REGISTRY="http://127.0.0.1:$port" run sh "$top/image/fetch_npm_tarball.sh" \
    pkg 1.0 "$good" out-good
  kill "$server"
  [ "$status" -eq 0 ] && [ "$(cat out-good/file)" = hi ]
}
