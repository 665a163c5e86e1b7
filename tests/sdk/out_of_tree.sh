# SPDX-License-Identifier: Apache-2.0
# A third party's view of the SDK: install oss-back2base into a scratch
# prefix, build the two examples of sdk/examples (a detector, an auth
# provider) out of tree against it with find_package(back2base-sdk), sign
# them with a key of their own, see them refused until that key is trusted,
# then loaded beside the first-party plugins and used by a launch's plan.
set -euo pipefail
: "${B2B_BUILD_DIR:?}" "${B2B_SOURCE_DIR:?}"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
export HOME="$SCRATCH/home"
export BACK2BASE_MANAGED_DIR="$SCRATCH/etc"
unset BACK2BASE_PLUGIN_PATH XDG_CONFIG_HOME XDG_DATA_HOME
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$B2B_BUILD_DIR" --prefix "$SCRATCH/prefix" >/dev/null
b2b="$SCRATCH/prefix/bin/oss-back2base"

# Each example as a third party builds it: copied out of the source tree,
# against the installed SDK alone; then signed with a key of its own.
"$b2b" plugin keygen -W -s "$SCRATCH/vendor.key" -p "$SCRATCH/vendor.pub" \
  >/dev/null
mkdir -p "$HOME/.local/share/back2base/plugins"
for example in detector-rust auth-command-file; do
  src="$SCRATCH/src/$example" build="$SCRATCH/build/$example"
  mkdir -p "$SCRATCH/src"
  cp -r "$B2B_SOURCE_DIR/sdk/examples/$example" "$src"
  [ "$(grep -vc '^#' "$src/CMakeLists.txt")" -le 4 ] ||
    fail "$example: its CMakeLists.txt should stay a few lines"
  cmake -S "$src" -B "$build" -DCMAKE_PREFIX_PATH="$SCRATCH/prefix" \
    -DCMAKE_BUILD_TYPE=Release >"$SCRATCH/configure.log" 2>&1 ||
    { cat "$SCRATCH/configure.log"; fail "$example: configure"; }
  cmake --build "$build" >"$SCRATCH/build.log" 2>&1 ||
    { cat "$SCRATCH/build.log"; fail "$example: build"; }
  plugin="$build/$example.so"
  [ -f "$plugin" ] || fail "no $example.so"

  # Only the two plugin symbols leave it, besides the type information of
  # the SDK's own interfaces (vtables, typeinfo and its names).
  exported=$(nm -D --defined-only "$plugin" | awk '{print $3}' |
             grep -vE '^(_init|_fini|_ZT[VIS]N3b2b3sdk.*)$' | sort |
             tr '\n' ' ')
  [ "$exported" = "b2b_plugin_create b2b_plugin_descriptor " ] ||
    fail "$example: unexpected exports: $exported"

  "$b2b" plugin sign -s "$SCRATCH/vendor.key" "$plugin"
  cp "$plugin" "$plugin.minisig" "$HOME/.local/share/back2base/plugins/"
done

"$b2b" plugin list --json >"$SCRATCH/list.json"
for example in detector-rust auth-command-file; do
  jq -e --arg file "/$example.so" '.plugins[] |
         select(.path | endswith($file)) |
         .status == "refused" and (.reason | contains("not trusted"))' \
    "$SCRATCH/list.json" >/dev/null ||
    fail "$example: refused before its key is trusted"
done

"$b2b" plugin trust "$SCRATCH/vendor.pub" >/dev/null
"$b2b" plugin list --json >"$SCRATCH/list.json"
jq -e '.plugins[] | select(.name == "rust") |
       .status == "loaded" and .kind == "detector" and .origin == "user"' \
  "$SCRATCH/list.json" >/dev/null || fail "the detector example did not load"
jq -e '.plugins[] | select(.name == "command-file") |
       .status == "loaded" and .kind == "auth" and .origin == "user" and
       .sdk_abi == "2.1"' \
  "$SCRATCH/list.json" >/dev/null || fail "the auth example did not load"
[ "$(jq '[.plugins[] | select(.status == "loaded")] | length' \
     "$SCRATCH/list.json")" -eq 12 ] ||
  fail "the installed tree should load its 10 plugins and the 2 examples"

# The auth example gives a launch its credential, first in the user's
# order: plan names the provider without asking it for anything; doctor,
# which checks that the credential can be had, gets it; neither shows it.
secret="acme-sso-$$-$RANDOM"
printf '{"token": "%s", "expires_at": %s}\n' "$secret" \
  "$(($(date +%s) + 3600))" >"$SCRATCH/credential.json"
chmod 600 "$SCRATCH/credential.json"
export BACK2BASE_CREDENTIAL_FILE="$SCRATCH/credential.json"
export BACK2BASE_AUTH=command-file,api-key
export BACK2BASE_ANTHROPIC_BASE_URL=https://llm.acme.example
"$b2b" -vv plan -r "$SCRATCH" --json >"$SCRATCH/plan.json" \
  2>"$SCRATCH/plan.err"
jq -e '.auth.provider == "command-file" and .auth.resolved == false' \
  "$SCRATCH/plan.json" >/dev/null ||
  fail "plan should name the auth example: $(jq -c .auth "$SCRATCH/plan.json")"
"$b2b" -vv doctor --json >"$SCRATCH/doctor.json" 2>"$SCRATCH/doctor.err" ||
  true
credential() {
  jq -r '.checks[] | select(.name == "credential") | .detail' \
    "$SCRATCH/doctor.json"
}
[[ "$(credential)" == "command-file: ANTHROPIC_AUTH_TOKEN = [redacted"* ]] ||
  fail "doctor should get the example's credential: $(credential)"
if grep -qF "$secret" "$SCRATCH"/plan.* "$SCRATCH"/doctor.*; then
  fail "the example's credential was shown"
fi
chmod 644 "$SCRATCH/credential.json"
"$b2b" doctor --json >"$SCRATCH/doctor.json" 2>/dev/null || true
[[ "$(credential)" == *"others may read it; chmod 600 it" ]] ||
  fail "a readable credential file should be refused: $(credential)"
unset BACK2BASE_CREDENTIAL_FILE BACK2BASE_AUTH BACK2BASE_ANTHROPIC_BASE_URL

# The detector changes what a launch would load: a Rust crate matches the
# "rust" profile the user adds, and nothing else is asked of them.
work="$SCRATCH/crate"
mkdir -p "$work/src"
touch "$work/Cargo.toml" "$work/src/main.rs"
"$b2b" plan -r "$work" --json >"$SCRATCH/plan.json"
jq -e '.profile.matched == ["general"] and
       .profile.unknown_matches == ["rust"]' "$SCRATCH/plan.json" >/dev/null ||
  fail "without a rust profile, plan should fall back to general"
state="$HOME/.config/back2base/state"
mkdir -p "$state"
cat >"$state/profiles.json" <<'JSON'
{
  "core": ["filesystem", "git"],
  "profiles": {
    "rust": {"description": "Rust crates", "servers": ["context7", "fetch"]},
    "general": {"description": "Anything", "servers": ["fetch"]}
  }
}
JSON
"$b2b" plan -r "$work" --json >"$SCRATCH/plan.json"
jq -e '.profile.matched == ["rust"] and
       ([.detection.detectors[] | select(.detector == "rust") | .matches[0]] ==
        [{"profile": "rust", "confidence": 1,
          "evidence": ["Cargo.toml"]}]) and
       ([.servers[].name] == ["filesystem", "git", "context7", "fetch"])' \
  "$SCRATCH/plan.json" >/dev/null || fail "the rust detector should pick rust"
