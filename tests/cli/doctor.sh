# SPDX-License-Identifier: Apache-2.0
# oss-back2base doctor [--json]: one line per check, exit 1 on a failure.
source "$(dirname "$0")/lib.sh"

status=0
"$B2B" doctor >"$OUT" 2>"$ERR" || status=$?
has "$OUT" "[ok]   plugins: 8 loaded"
has "$OUT" "[ok]   runtime plugins: compose, podman"
has "$OUT" "doctor: "
if grep -qF "[ok]   container engine" "$OUT"; then
  [ "$status" -eq 0 ] || fail "doctor should pass when an engine works"
else
  [ "$status" -eq 1 ] || fail "doctor should fail without an engine"
fi

run "$status" doctor --json
jq -e '.checks | map(.name) | index("plugins") != null' "$OUT" >/dev/null ||
  fail "the JSON should list the plugins check"
jq -e '.checks[] | select(.status == "fail") | .fix_hint' "$OUT" >/dev/null \
  || [ "$status" -eq 0 ] || fail "a failed check should say what to do"

mkdir -p "$BACK2BASE_MANAGED_DIR"
echo '{"allow_unsigned_plugins": maybe}' >"$BACK2BASE_MANAGED_DIR/policy.json"
run 1 doctor
has "$OUT" \
  "[fail] plugin policy: $BACK2BASE_MANAGED_DIR/policy.json:1: not valid JSON"
