# SPDX-License-Identifier: Apache-2.0
# --allow-unsigned-plugins and BACK2BASE_ALLOW_UNSIGNED_PLUGINS: unsigned
# plugins load with a warning each time, never against the policy, and a
# bad signature is never excused.
source "$(dirname "$0")/lib.sh"

fixture good_detector "$SCRATCH/plugins" detector-fixture.so
export BACK2BASE_PLUGIN_PATH="$SCRATCH/plugins"
loaded() { jq -e '.plugins[0].status == "loaded"' "$OUT" >/dev/null; }

run 0 plugin list --json
loaded && fail "an unsigned plugin loaded without leave"

run 0 --allow-unsigned-plugins plugin list --json
loaded || fail "the flag should let it load"
jq -e '.plugins[0].unsigned_override' "$OUT" >/dev/null || fail "override"
has "$ERR" "loaded without a signature"

BACK2BASE_ALLOW_UNSIGNED_PLUGINS=1 run 0 plugin list --json
loaded || fail "the variable should let it load"
has "$ERR" "loaded without a signature"

mkdir -p "$BACK2BASE_MANAGED_DIR"
echo '{"allow_unsigned_plugins": false}' >"$BACK2BASE_MANAGED_DIR/policy.json"
run 0 --allow-unsigned-plugins plugin list --json
loaded && fail "the policy should win over the flag"
jq -e '.plugins[0].reason | contains("forbids unsigned plugins")' "$OUT" \
  >/dev/null || fail "the reason should name the policy"

rm "$BACK2BASE_MANAGED_DIR/policy.json"
echo garbage >"$SCRATCH/plugins/detector-fixture.so.minisig"
run 0 --allow-unsigned-plugins plugin list --json
loaded && fail "a bad signature is not the same as none"
true
