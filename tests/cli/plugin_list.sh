# SPDX-License-Identifier: Apache-2.0
# oss-back2base plugin list [--json]: every plugin found, with its verdict.
source "$(dirname "$0")/lib.sh"

run 0 plugin list --json
loaded=$(jq '[.plugins[] | select(.status == "loaded")] | length' "$OUT")
[ "$loaded" -eq 10 ] ||
  fail "the ten first-party plugins should load"
for plugin in runtime/compose runtime/podman detector/go detector/python \
              detector/frontend detector/infra auth/oauth-token auth/api-key; do
  jq -e --arg kind "${plugin%/*}" --arg name "${plugin#*/}" \
    '.plugins[] | select(.kind == $kind and .name == $name and
       .signer.source == "build" and .sdk_abi == "2.1" and
       (.summary | length) > 20 and (.path | endswith(".so")))' \
    "$OUT" >/dev/null || fail "$plugin is not listed as it should be"
done

# A refused plugin is listed with the reason, in both forms.
fixture good_detector "$SCRATCH/extra" detector-fixture.so
fixture abi_too_new "$SCRATCH/extra" detector-abi.so
"$B2B" plugin keygen -W -s "$SCRATCH/k.key" -p "$SCRATCH/k.pub" >/dev/null
"$B2B" plugin trust "$SCRATCH/k.pub" >/dev/null
"$B2B" plugin sign -s "$SCRATCH/k.key" "$SCRATCH/extra/detector-abi.so"
export BACK2BASE_PLUGIN_PATH="$SCRATCH/extra"

run 0 plugin list
has "$OUT" "refused"
has "$OUT" 'unsigned: no "detector-fixture.so.minisig" beside it'
has "$OUT" "built for SDK 3.0, but this oss-back2base has SDK 2.1"
empty "$ERR"

run 0 plugin list --json
jq -e '.plugins[] | select(.path | endswith("detector-fixture.so")) |
       select(.status == "refused" and .signer == null and
              (.reason | startswith("unsigned")))' "$OUT" >/dev/null ||
  fail "the unsigned plugin's JSON entry"
jq -e '.plugins[0].origin == "BACK2BASE_PLUGIN_PATH"' "$OUT" >/dev/null ||
  fail "BACK2BASE_PLUGIN_PATH is searched first"

# A plugin of the same file name as an installed one shadows it.
cp "$B2B_BUILD_DIR/lib/oss-back2base/plugins/detector-go.so"* "$SCRATCH/extra/"
run 0 plugin list --json
jq -e '.plugins[] | select(.origin == "install" and
       (.path | endswith("/detector-go.so"))) | .status == "shadowed"' \
  "$OUT" >/dev/null || fail "the installed detector-go.so should be shadowed"
