# SPDX-License-Identifier: Apache-2.0
# --allow-unsigned-plugins and BACK2BASE_ALLOW_UNSIGNED_PLUGINS: unsigned
# plugins load with a warning each time, never against the policy, and a
# bad signature is never excused.
source "$(dirname "$0")/lib.sh"

fixture good_detector "$SCRATCH/plugins" detector-fixture.so
export BACK2BASE_PLUGIN_PATH="$SCRATCH/plugins"
# status VERDICT: the plugin's verdict in the last --json listing.
status() {
  [ "$(jq -r '.plugins[0].status' "$OUT")" = "$1" ] ||
    fail "expected the plugin to be $1"
}

run 0 plugin list --json
status refused

run 0 --allow-unsigned-plugins plugin list --json
status loaded
jq -e '.plugins[0].unsigned_override' "$OUT" >/dev/null || fail "override"
has "$ERR" "loaded without a signature"

BACK2BASE_ALLOW_UNSIGNED_PLUGINS=1 run 0 plugin list --json
status loaded
has "$ERR" "loaded without a signature"

mkdir -p "$BACK2BASE_MANAGED_DIR"
echo '{"allow_unsigned_plugins": false}' >"$BACK2BASE_MANAGED_DIR/policy.json"
run 0 --allow-unsigned-plugins plugin list --json
status refused
jq -e '.plugins[0].reason | contains("forbids unsigned plugins")' "$OUT" \
  >/dev/null || fail "the reason should name the policy"

rm "$BACK2BASE_MANAGED_DIR/policy.json"
echo garbage >"$SCRATCH/plugins/detector-fixture.so.minisig"
run 0 --allow-unsigned-plugins plugin list --json
status refused
jq -e '.plugins[0].reason | startswith("bad signature file")' "$OUT" \
  >/dev/null || fail "a bad signature is not the same as none"
