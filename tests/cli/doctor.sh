# SPDX-License-Identifier: Apache-2.0
# oss-back2base doctor [--json]: one line per check (pass, warn or fail)
# with the fix; exit 1 when any check fails.
source "$(dirname "$0")/lib.sh"
export BACK2BASE_MANAGED_SETTINGS_DIR="$SCRATCH/claude-code"

# A new machine: no credential, so doctor fails and says how to get one.
run 1 doctor
has "$OUT" "[fail] credential: none configured"
has "$OUT" 'fix: run "oss-back2base login", or set'
has "$OUT" "[warn] env file: $HOME/.config/back2base/env does not exist"
has "$OUT" "[warn] payload: "
has "$OUT" "[pass] plugins: 10 loaded and verified"
has "$OUT" "[pass] firewall prerequisites: netfilter available"

run 1 doctor --json
jq -e '.checks | length >= 9 and
       all(.[]; (.status | IN("pass", "warn", "fail")) and
                has("name") and has("detail") and has("fix"))' "$OUT" \
  >/dev/null || fail "every check has name, status, detail and fix"

# Installed and with a credential, only the runtime can still fail.
"$B2B" install >/dev/null 2>&1 || true
secret="sk-ant-api03-doctor-cli-secret"
echo "BACK2BASE_ANTHROPIC_API_KEY=$secret" >>"$HOME/.config/back2base/env"
status=0
"$B2B" doctor >"$OUT" 2>"$ERR" || status=$?
has "$OUT" "[pass] credential: api-key: ANTHROPIC_API_KEY = [redacted, "
has "$OUT" "[pass] payload: "
has "$OUT" "[pass] env file: "
lacks "$OUT" "$secret"
if grep -qF "[pass] container runtime" "$OUT"; then
  [ "$status" -eq 0 ] || fail "doctor should pass with a runtime"
else
  [ "$status" -eq 1 ] || fail "doctor should fail without a runtime"
fi

# Two providers set up: the first in order is used, and the other named.
echo "BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-doctor" \
  >>"$HOME/.config/back2base/env"
"$B2B" doctor >"$OUT" 2>"$ERR" || true
has "$OUT" "[warn] credential: oauth-token: CLAUDE_CODE_OAUTH_TOKEN = "
has "$OUT" "also configured: api-key"
BACK2BASE_AUTH=api-key "$B2B" doctor >"$OUT" 2>"$ERR" || true
has "$OUT" "[pass] credential: api-key: ANTHROPIC_API_KEY = "
BACK2BASE_AUTH=apikey "$B2B" doctor >"$OUT" 2>"$ERR" || true
has "$OUT" 'no auth provider "apikey"'
has "$OUT" 'did you mean "api-key"?'
lacks "$OUT" "sk-ant-oat01-doctor"

mkdir -p "$BACK2BASE_MANAGED_DIR"
echo '{"allow_unsigned_plugins": maybe}' >"$BACK2BASE_MANAGED_DIR/policy.json"
run 1 doctor
has "$OUT" \
  "[fail] plugin policy: $BACK2BASE_MANAGED_DIR/policy.json:1: not valid JSON"

# A registry or profiles.json that would stop every launch is named by line.
rm "$BACK2BASE_MANAGED_DIR/policy.json"
state="$HOME/.config/back2base/state"
printf '{"core": [],\n "profiles": {"go": {"description": "Go",\n  "servers": ["fecth"]}}}\n' \
  >"$state/profiles.json"
run 1 doctor
has "$OUT" "[fail] profiles: $state/profiles.json:3: unknown MCP server \"fecth\"; did you mean \"fetch\"?"
rm "$state/profiles.json"
"$B2B" doctor >"$OUT" 2>"$ERR" || true
has "$OUT" "[pass] profiles: 9 profiles from embedded defaults/profiles.json, 9 servers from $state/.mcp.json"
