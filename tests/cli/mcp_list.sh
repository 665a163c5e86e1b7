# SPDX-License-Identifier: Apache-2.0
# oss-back2base mcp list [--json]: the registry's servers, what each needs
# and reaches, and which profiles load it.
source "$(dirname "$0")/lib.sh"
state="$HOME/.config/back2base/state"

# Before install: the payload's defaults, read from the binary.
run 0 mcp list
has "$OUT" "registry: embedded defaults/mcp.json"
has "$OUT" "NAME                 TRANSPORT  COMMAND/URL"
grep -Eq '^filesystem +stdio +mcp-server-filesystem /workspace +- +- +all \(core\)$' \
  "$OUT" || fail "the filesystem row"
grep -Eq '^github +http +https://api.githubcopilot.com/mcp/ +GITHUB_TOKEN \(not set\) +api.githubcopilot.com +full, go, python, frontend, infra, documentation, general$' \
  "$OUT" || fail "the github row"
[ ! -e "$HOME/.config" ] || fail "mcp list created the config directory"

BACK2BASE_GITHUB_TOKEN=ghp_hidden run 0 mcp list --json
jq -e '.from_defaults and
  (.servers | map(.name) | index("github")) != null and
  (.servers[] | select(.name == "github") |
    .variables == [{"name": "GITHUB_TOKEN", "set": true}] and
    .egress == ["api.githubcopilot.com"] and (.core | not) and
    (.profiles | index("infra")) != null) and
  (.servers[] | select(.name == "git") | .core and
    (.package | startswith("npm:")))' "$OUT" >/dev/null ||
  fail "mcp list --json"
lacks "$OUT" "ghp_hidden"

# After install, the user's registry; a server added by hand is in every
# profile.
"$B2B" install >/dev/null 2>&1 || true
[ -f "$state/.mcp.json" ] || fail "install did not seed the registry"
jq '.mcpServers.notes = {"command": "notes-server", "args": ["--ro"],
      "env": {"NOTES_KEY": "${NOTES_KEY}"}, "egress": ["notes.example"]}' \
  "$state/.mcp.json" >"$SCRATCH/mcp.json"
cp "$SCRATCH/mcp.json" "$state/.mcp.json"
run 0 mcp list
has "$OUT" "registry: $state/.mcp.json"
grep -Eq '^notes +stdio +notes-server +NOTES_KEY \(not set\) +notes.example +all \(yours\)$' \
  "$OUT" || fail "the user's own server"
run 0 mcp list --json
jq -e '(.from_defaults | not) and
  (.servers[] | select(.name == "notes") | .yours)' "$OUT" >/dev/null ||
  fail "mcp list --json, the user's server"

# A broken registry is named by file and line, and left as it is.
printf '{"mcpServers": {\n  "bad": {"type": "ws"}\n}}\n' >"$state/.mcp.json"
run 1 mcp list
has "$ERR" "oss-back2base: error: $state/.mcp.json:2: unknown transport \"ws\"; use \"stdio\", \"http\" or \"sse\""
printf '{"mcpServers": {\n  "bad": {"type": "ws"}\n}}\n' | cmp -s - "$state/.mcp.json" ||
  fail "mcp list changed the broken registry"
