# SPDX-License-Identifier: Apache-2.0
# Keys and signatures move both ways between oss-back2base and the standard
# minisign tool.
source "$(dirname "$0")/lib.sh"
command -v minisign >/dev/null || { echo "minisign is not installed"; exit 77; }

fixture good_detector "$SCRATCH/plugins" detector-fixture.so
plugin="$SCRATCH/plugins/detector-fixture.so"
export BACK2BASE_PLUGIN_PATH="$SCRATCH/plugins"

# minisign signs; oss-back2base verifies and loads.
minisign -G -W -p "$SCRATCH/m.pub" -s "$SCRATCH/m.key" >/dev/null
minisign -S -s "$SCRATCH/m.key" -m "$plugin" >/dev/null
run 0 plugin verify -p "$SCRATCH/m.pub" "$plugin"
run 0 plugin trust "$SCRATCH/m.pub"
run 0 plugin list --json
jq -e '.plugins[0].status == "loaded"' "$OUT" >/dev/null ||
  fail "a minisign-signed plugin should load once its key is trusted"

# oss-back2base signs; minisign verifies.
"$B2B" plugin keygen -W -s "$SCRATCH/o.key" -p "$SCRATCH/o.pub" >/dev/null
run 0 plugin sign -s "$SCRATCH/o.key" "$plugin"
minisign -V -p "$SCRATCH/o.pub" -m "$plugin" >"$OUT" 2>"$ERR" ||
  fail "minisign should verify our signature"
has "$OUT" "file:detector-fixture.so"

# Each tool signs with the other's secret keys, encrypted ones included.
run 0 plugin sign -s "$SCRATCH/m.key" "$plugin"
minisign -V -p "$SCRATCH/m.pub" -m "$plugin" >/dev/null 2>&1 ||
  fail "minisign's key, used by us"
echo "pw-for-both" | "$B2B" plugin keygen -s "$SCRATCH/e.key" \
  -p "$SCRATCH/e.pub" >/dev/null
echo "pw-for-both" | minisign -S -s "$SCRATCH/e.key" -m "$plugin" \
  >/dev/null 2>&1 || fail "minisign should open our encrypted key"
run 0 plugin verify -p "$SCRATCH/e.pub" "$plugin"

# minisign refuses what we refuse: a flipped byte.
printf '\x00' | dd of="$plugin" bs=1 seek=3000 conv=notrunc status=none
! minisign -V -p "$SCRATCH/e.pub" -m "$plugin" >/dev/null 2>&1 ||
  fail "minisign accepted a tampered file"
run 4 plugin verify -p "$SCRATCH/e.pub" "$plugin"
