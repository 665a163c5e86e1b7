#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# The agent's start-up, outside a container: its steps in order, Claude
# Code started with the sandbox's flags, and never without the firewall.
# It runs as an unprivileged user here, as it does after its root step.

load agent_start

setup() {
  agent_start_setup
  printf 'api.anthropic.com\n*.example.org\nssh:github.com\n' >"$B2B_SESSION/allowlist"
  echo '{"mcpServers": {"git": {"command": "git-mcp-server"}}}' \
    >"$B2B_SESSION/mcp.json"
  printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/claude.args"\n' "$root" \
    >"$B2B_CLAUDE"
  chmod +x "$B2B_CLAUDE"
  agent_start_as_user
}

teardown() {
  rm -rf "$root"
}

@test "the steps run in order and Claude Code gets the sandbox's flags" {
  firewall_ready
  BACK2BASE_VERBOSE=1 run "${user[@]}" "$entrypoint" -p "hello" --model haiku
  [ "$status" -eq 0 ]
  [ "$output" = "$(printf 'back2base: %s\n' "seeding ~/.claude" \
    "writing the session's MCP configuration" \
    "writing the session's settings" "waiting for the firewall" \
    "rendering CLAUDE.md" "starting Claude Code")" ]
  [ "$(cat "$root/claude.args")" = "$(printf '%s\n' \
    --permission-mode bypassPermissions \
    --mcp-config "$HOME/.cache/back2base/mcp.json" --strict-mcp-config \
    --settings "$HOME/.cache/back2base/settings.json" -p hello \
    --model haiku)" ]
  [ -f "$HOME/.claude/.back2base-seeded" ]
  jq -e '.mcpServers.git' "$HOME/.cache/back2base/mcp.json"
  jq -e '.statusLine.command | endswith("/statusline.sh")' \
    "$HOME/.cache/back2base/settings.json"
}

@test "without the firewall's word, Claude Code is never started" {
  echo "the self-test failed: FAIL: TCP to 192.0.2.1 port 443 is refused" \
    >"$B2B_FIREWALL_STATE/failed"
  run "${user[@]}" "$entrypoint"
  [ "$status" -eq 1 ]
  [[ "$output" == *"error: firewall: the self-test failed"*"Claude Code was not started"* ]]
  [ ! -e "$root/claude.args" ]

  rm "$B2B_FIREWALL_STATE/failed"
  run "${user[@]}" "$entrypoint"
  [ "$status" -eq 1 ]
  [[ "$output" == *"firewall: not ready after 1 s; Claude Code was not started"* ]]
  [ ! -e "$root/claude.args" ]
}

@test "rules in another namespace, or none, do not count as ready" {
  printf 'firewall=on\nnetns=net:[1]\n' >"$B2B_FIREWALL_STATE/ready"
  run "${user[@]}" "$entrypoint"
  [ "$status" -eq 1 ]
  [[ "$output" == *"in another network namespace"* ]]
  echo "firewall=disabled" >"$B2B_FIREWALL_STATE/ready"
  run "${user[@]}" "$entrypoint"
  [ "$status" -eq 1 ]
  [[ "$output" == *"did not ask for DISABLE_FIREWALL=1"* ]]
  [ ! -e "$root/claude.args" ]
}

@test "a resolver other than the sidecar's stops the start" {
  firewall_ready
  echo "nameserver 127.0.0.11" >"$B2B_RESOLV_CONF"
  run "${user[@]}" "$entrypoint"
  [ "$status" -eq 1 ]
  [[ "$output" == *"does not name the sidecar's resolver"* ]]
  [ ! -e "$root/claude.args" ]
}

@test "DISABLE_FIREWALL=1 starts without it, and says so" {
  DISABLE_FIREWALL=1 run "${user[@]}" "$entrypoint"
  [ "$status" -eq 0 ]
  [[ "$output" == *"warning: DISABLE_FIREWALL=1"*"NOT filtered"* ]]
  [ -e "$root/claude.args" ]
  grep -q "Firewall: OFF" "$HOME/.claude/CLAUDE.md"
}

@test "the user's status line and CLAUDE.md text are theirs to keep" {
  firewall_ready
  echo '{"statusLine": {"type": "command", "command": "mine"}}' \
    >"$HOME/.claude/settings.json"
  printf '# My notes\n\nAlways run make lint.\n' >"$HOME/.claude/CLAUDE.md"
  run "${user[@]}" "$entrypoint"
  [ "$status" -eq 0 ]
  [ "$(cat "$HOME/.cache/back2base/settings.json")" = "{}" ]
  run "${user[@]}" "$entrypoint"
  claude_md=$(cat "$HOME/.claude/CLAUDE.md")
  [[ "$claude_md" == "# My notes"$'\n\n'"Always run make lint."$'\n\n'"<!-- back2base:begin"* ]]
  [ "$(grep -c 'back2base:begin' <<<"$claude_md")" -eq 1 ]
  [[ "$claude_md" == *'  - `*.example.org`'* ]]
  [[ "$claude_md" == *'  - `github.com` (git over SSH)'* ]]
  [[ "$claude_md" == *"Project namespace: shop."* ]]
  [[ "$claude_md" == *"MCP servers loaded: git."* ]]
}

@test "a session MCP configuration that is not one stops the start" {
  firewall_ready
  echo '{"servers": []}' >"$B2B_SESSION/mcp.json"
  run "${user[@]}" "$entrypoint"
  [ "$status" -eq 1 ]
  [[ "$output" == *"$B2B_SESSION/mcp.json: not an MCP configuration"* ]]
  [ ! -e "$root/claude.args" ]
}

@test "login: the token setup-token prints is left for the CLI, 0600" {
  firewall_ready
  mkdir "$root/login"
  cat >"$B2B_CLAUDE" <<'STUB'
#!/bin/sh
[ "$1" = setup-token ] || exit 9
printf 'Paste code: '
printf '\033[1mYour token:\033[0m\n\033[32m%s\033[0m\n' \
  sk-ant-oat01-abc_DEF-123456789012
STUB
  chmod +x "$B2B_CLAUDE"
  [ "$(id -u)" != 0 ] || chown nobody "$root/login"
  BACK2BASE_LOGIN=1 B2B_LOGIN_DIR="$root/login" run "${user[@]}" "$entrypoint"
  [ "$status" -eq 0 ]
  [[ "$output" == *"Your token:"* ]]
  [ "$(cat "$root/login/token")" = "sk-ant-oat01-abc_DEF-123456789012" ]
  [ "$(stat -c %a "$root/login/token")" = 600 ]

  rm "$root/login/token"
  printf '#!/bin/sh\necho "no token today"\nexit 4\n' >"$B2B_CLAUDE"
  BACK2BASE_LOGIN=1 B2B_LOGIN_DIR="$root/login" run "${user[@]}" "$entrypoint"
  [ "$status" -eq 4 ]
  [ ! -e "$root/login/token" ]
}

@test "with a credential, Claude Code's first-run wizard is marked done" {
  firewall_ready
  echo '{"theme": "light", "projects": {}}' >"$HOME/.claude/.claude.json"
  [ "$(id -u)" != 0 ] || chown nobody "$HOME/.claude/.claude.json"
  run "${user[@]}" "$entrypoint"
  [ "$status" -eq 0 ]
  jq -e '.hasCompletedOnboarding | not' "$HOME/.claude/.claude.json"

  CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-bats run "${user[@]}" "$entrypoint"
  [ "$status" -eq 0 ]
  jq -e '.hasCompletedOnboarding == true and .theme == "light" and
         .projects == {}' "$HOME/.claude/.claude.json"
  [ "$(stat -c %a "$HOME/.claude/.claude.json")" = 600 ]
  [ -z "$(grep sk-ant-oat01-bats "$HOME/.claude/.claude.json")" ]
}
