# SPDX-License-Identifier: Apache-2.0
# A third party's view of the SDK: install oss-back2base into a scratch
# prefix, build sdk/examples/detector-rust out of tree against it with
# find_package(back2base-sdk), sign it with a key of its own, trust that
# key, and see the installed binary load it beside the first-party plugins.
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

# Nothing of the source tree on the way: the example is copied elsewhere.
cp -r "$B2B_SOURCE_DIR/sdk/examples/detector-rust" "$SCRATCH/src"
[ "$(grep -vc '^#' "$SCRATCH/src/CMakeLists.txt")" -le 4 ] ||
  fail "the example's CMakeLists.txt should stay a few lines"
cmake -S "$SCRATCH/src" -B "$SCRATCH/build" \
  -DCMAKE_PREFIX_PATH="$SCRATCH/prefix" -DCMAKE_BUILD_TYPE=Release \
  >"$SCRATCH/configure.log" 2>&1 ||
  { cat "$SCRATCH/configure.log"; fail "configure"; }
cmake --build "$SCRATCH/build" >"$SCRATCH/build.log" 2>&1 ||
  { cat "$SCRATCH/build.log"; fail "build"; }
plugin="$SCRATCH/build/detector-rust.so"
[ -f "$plugin" ] || fail "no detector-rust.so"

# Only the two plugin symbols leave it, besides the type information of the
# SDK's own interfaces (vtables, typeinfo and its names: _ZT[VIS]N3b2b3sdk).
exported=$(nm -D --defined-only "$plugin" | awk '{print $3}' |
           grep -vE '^(_init|_fini|_ZT[VIS]N3b2b3sdk.*)$' | sort | tr '\n' ' ')
[ "$exported" = "b2b_plugin_create b2b_plugin_descriptor " ] ||
  fail "unexpected exports: $exported"

"$b2b" plugin keygen -W -s "$SCRATCH/vendor.key" -p "$SCRATCH/vendor.pub" \
  >/dev/null
"$b2b" plugin sign -s "$SCRATCH/vendor.key" "$plugin"
mkdir -p "$HOME/.local/share/back2base/plugins"
cp "$plugin" "$plugin.minisig" "$HOME/.local/share/back2base/plugins/"

"$b2b" plugin list --json >"$SCRATCH/list.json"
jq -e '.plugins[] | select(.path | endswith("/detector-rust.so")) |
       .status == "refused" and (.reason | contains("not trusted"))' \
  "$SCRATCH/list.json" >/dev/null || fail "refused before its key is trusted"

"$b2b" plugin trust "$SCRATCH/vendor.pub" >/dev/null
"$b2b" plugin list --json >"$SCRATCH/list.json"
jq -e '.plugins[] | select(.name == "rust") |
       .status == "loaded" and .kind == "detector" and .origin == "user"' \
  "$SCRATCH/list.json" >/dev/null || fail "the example plugin did not load"
[ "$(jq '[.plugins[] | select(.status == "loaded")] | length' \
     "$SCRATCH/list.json")" -eq 11 ] ||
  fail "the installed tree should load its 10 plugins and the example"

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
