# SPDX-License-Identifier: Apache-2.0
# Sourced by every CLI test: a scratch HOME and managed directory of its
# own, the binary under test in $B2B, and a few assertions.
set -euo pipefail

: "${B2B:?set B2B to the oss-back2base binary under test}"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
export HOME="$SCRATCH/home"
mkdir -p "$HOME"
unset XDG_CONFIG_HOME XDG_DATA_HOME BACK2BASE_CONFIG BACK2BASE_HOME \
  BACK2BASE_PLUGIN_PATH BACK2BASE_ALLOW_UNSIGNED_PLUGINS NO_COLOR
export BACK2BASE_MANAGED_DIR="$SCRATCH/etc"
OUT="$SCRATCH/stdout"
ERR="$SCRATCH/stderr"

fail() {
  echo "FAIL: $*" >&2
  echo "--- stdout" >&2; cat "$OUT" >&2 || true
  echo "--- stderr" >&2; cat "$ERR" >&2 || true
  exit 1
}

# run EXPECTED_STATUS ARGS...: runs the binary, keeping its output.
run() {
  local expected=$1 status=0
  shift
  "$B2B" "$@" >"$OUT" 2>"$ERR" || status=$?
  [ "$status" -eq "$expected" ] ||
    fail "oss-back2base $*: exit status $status, expected $expected"
}

# has FILE TEXT: FILE contains TEXT, literally.
has() { grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks: $2"; }
# lacks FILE TEXT: FILE does not contain TEXT.
lacks() { ! grep -qF -- "$2" "$1" || fail "$(basename "$1") has: $2"; }
# empty FILE: nothing was written to FILE.
empty() { [ ! -s "$1" ] || fail "$(basename "$1") is not empty"; }

# A copy of fixture plugin NAME in DIR as FILE.
fixture() { mkdir -p "$2"; cp "$B2B_FIXTURES/$1.so" "$2/$3"; }

# jq is how these tests read JSON.
command -v jq >/dev/null || { echo "jq is not installed"; exit 77; }
