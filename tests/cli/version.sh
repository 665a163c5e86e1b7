# SPDX-License-Identifier: Apache-2.0
# oss-back2base version [--json], and --version.
source "$(dirname "$0")/lib.sh"

run 0 version
grep -qE '^oss-back2base [0-9]+\.[0-9]+\.[0-9]+ \(.+\) built .+ \[linux/.+\]$' \
  "$OUT" || fail "unexpected version line"
has "$OUT" "plugin SDK 2.1"
empty "$ERR"

run 0 version --json
[ "$(jq -r .version "$OUT")" = "0.1.0" ] || fail "version in JSON"
[ "$(jq -r .sdk_abi "$OUT")" = "2.1" ] || fail "sdk_abi in JSON"
jq -e '.commit and .build_date and .platform' "$OUT" >/dev/null ||
  fail "JSON lacks commit, build_date or platform"

run 0 --version
has "$OUT" "oss-back2base 0.1.0"
