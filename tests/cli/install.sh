# SPDX-License-Identifier: Apache-2.0
# oss-back2base install: payload, env file, state and data dir made, and on
# every later run nothing the user changed is touched.
source "$(dirname "$0")/lib.sh"
config="$HOME/.config/back2base"
payload="$HOME/.local/share/back2base/back2base-container"
export BACK2BASE_DATA_DIR="$SCRATCH/data"

# install exits 1 only when no container runtime answers.
expected=1
"$B2B" doctor --json >"$SCRATCH/doctor.json" 2>/dev/null || true
jq -e '.checks[] | select(.name == "container runtime") | .status == "pass"' \
  "$SCRATCH/doctor.json" >/dev/null && expected=0
install() { run "$expected" install "$@"; }

install
has "$OUT" "[pass] payload: extracted to $payload"
has "$OUT" "[pass] env file: created $config/env (0600) from the template"
has "$OUT" "[pass] state: seeded 9 default(s) into $config/state"
has "$OUT" "[pass] data directory: plans/ and memories/ ready in $SCRATCH/data"
has "$OUT" "[warn] image: not built"
[ "$(stat -c %a "$config")" = 700 ] || fail "the config dir should be 0700"
[ "$(stat -c %a "$config/env")" = 600 ] || fail "the env file should be 0600"
[ "$(stat -c %a "$config/state")" = 700 ] || fail "the state should be 0700"
has "$config/env" "#BACK2BASE_ANTHROPIC_API_KEY="
has "$config/state/.mcp.json" '"mcpServers"'
[ -f "$config/state/skills/sandbox/SKILL.md" ] || fail "skills seeded"
[ -d "$SCRATCH/data/plans" ] && [ -d "$SCRATCH/data/memories" ] ||
  fail "plans/ and memories/"
[ -f "$payload/defaults/env.example" ] || fail "the payload's files"

# Again, after the user made everything theirs.
echo "BACK2BASE_PROFILE=go" >"$config/env"
chmod 600 "$config/env"
echo '{"mcpServers": {"mine": {"command": "x"}}}' >"$config/state/.mcp.json"
rm "$config/state/commands/review.md"
echo "edited" >>"$payload/defaults/settings.json"
cp "$config/env" "$SCRATCH/env.before"
install
has "$OUT" "[pass] env file: kept $config/env"
has "$OUT" "[pass] state: $config/state already seeded"
has "$OUT" "[pass] payload: replaced the out-of-date copy in $payload"
cmp -s "$config/env" "$SCRATCH/env.before" || fail "the env file changed"
has "$config/state/.mcp.json" '"mine"'
[ ! -e "$config/state/commands/review.md" ] || fail "a deleted file came back"
lacks "$payload/defaults/settings.json" "edited"

install --json
jq -e '[.checks[].name] == ["container runtime", "payload", "env file",
        "state", "data directory", "image"]' "$OUT" >/dev/null ||
  fail "install --json lists its steps"

# A file where the payload goes is kept, and the other steps still run.
rm -rf "$payload"
echo "my notes" >"$payload"
run 1 install
has "$OUT" "[fail] payload: \"$payload\": is not a directory"
has "$OUT" "[pass] env file: kept"
[ "$(cat "$payload")" = "my notes" ] || fail "the file was changed"
