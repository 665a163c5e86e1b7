# SPDX-License-Identifier: Apache-2.0
# oss-back2base plugin trust: a third party's key, trusted once, lets its
# plugins load; the administrator's policy can say user keys do not count.
source "$(dirname "$0")/lib.sh"

"$B2B" plugin keygen -W -s "$SCRATCH/vendor.key" -p "$SCRATCH/vendor.pub" \
  >/dev/null
fixture good_detector "$SCRATCH/plugins" detector-fixture.so
"$B2B" plugin sign -s "$SCRATCH/vendor.key" \
  "$SCRATCH/plugins/detector-fixture.so"
export BACK2BASE_PLUGIN_PATH="$SCRATCH/plugins"

run 0 plugin list --json
jq -e '.plugins[0].status == "refused"' "$OUT" >/dev/null ||
  fail "a plugin by an untrusted key should be refused"

run 0 plugin trust "$SCRATCH/vendor.pub"
has "$OUT" "trusted key"
id=$(sed -n 's/^untrusted comment: minisign public key //p' \
  "$SCRATCH/vendor.pub")
[ -f "$HOME/.config/back2base/trusted-keys/$id.pub" ] ||
  fail "the key should be saved under its ID"
run 0 plugin list --json
jq -e '.plugins[0] | .status == "loaded" and .name == "fixture"' "$OUT" \
  >/dev/null || fail "the plugin should load once its key is trusted"

run 0 plugin trust "$SCRATCH/vendor.pub"
has "$OUT" "already trusted"

run 1 plugin trust "$SCRATCH/plugins/detector-fixture.so.minisig"
has "$ERR" "not a minisign public key"

# Another key under a trusted key's ID is refused, and nothing is replaced.
"$B2B" plugin keygen -W -s "$SCRATCH/twin.key" -p "$SCRATCH/twin.pub" \
  >/dev/null
# "Ed" and the vendor's key ID, then the twin's key bytes.
{ sed -n 2p "$SCRATCH/vendor.pub" | base64 -d | head -c 10
  sed -n 2p "$SCRATCH/twin.pub" | base64 -d | tail -c 32; } >"$SCRATCH/clash"
printf 'untrusted comment: twin\n%s\n' "$(base64 -w0 "$SCRATCH/clash")" \
  >"$SCRATCH/clash.pub"
cp "$HOME/.config/back2base/trusted-keys/$id.pub" "$SCRATCH/saved.pub"
run 1 plugin trust "$SCRATCH/clash.pub"
has "$ERR" "key ID $id is already taken by another key"
cmp -s "$SCRATCH/saved.pub" "$HOME/.config/back2base/trusted-keys/$id.pub" ||
  fail "the trusted key was replaced"

# The administrator can make user keys count for nothing.
mkdir -p "$BACK2BASE_MANAGED_DIR"
echo '{"allow_user_keys": false}' >"$BACK2BASE_MANAGED_DIR/policy.json"
run 0 plugin list --json
jq -e '.plugins[0].status == "refused"' "$OUT" >/dev/null ||
  fail "user keys should not count under the policy"
"$B2B" plugin keygen -W -s "$SCRATCH/other.key" -p "$SCRATCH/other.pub" \
  >/dev/null
run 0 plugin trust "$SCRATCH/other.pub"
has "$ERR" "ignores user keys"

# ... and trust keys for everyone, in the managed directory.
mkdir -p "$BACK2BASE_MANAGED_DIR/trusted-keys"
cp "$SCRATCH/vendor.pub" "$BACK2BASE_MANAGED_DIR/trusted-keys/"
run 0 plugin list --json
jq -e '.plugins[0].status == "loaded"' "$OUT" >/dev/null ||
  fail "a managed key should count"
