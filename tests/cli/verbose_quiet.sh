# SPDX-License-Identifier: Apache-2.0
# -v/-vv/-q and NO_COLOR: quiet on success, every plugin decision at -vv,
# errors only with -q, colour only on a terminal and never under NO_COLOR.
source "$(dirname "$0")/lib.sh"

run 0 plugin list
empty "$ERR"

run 0 -vv plugin list
[ "$(grep -c 'oss-back2base: debug: plugin .*: loaded ' "$ERR")" -eq 10 ] ||
  fail "-vv should log a decision for each of the 10 plugins"
has "$ERR" "signed by"

fixture good_detector "$SCRATCH/unsigned" detector-fixture.so
export BACK2BASE_PLUGIN_PATH="$SCRATCH/unsigned"
run 0 --allow-unsigned-plugins plugin list
has "$ERR" "warning: plugin"
run 0 -q --allow-unsigned-plugins plugin list
empty "$ERR"
unset BACK2BASE_PLUGIN_PATH

# A terminal, through script(1): the level tag is coloured, unless NO_COLOR.
if command -v script >/dev/null; then
  TERM=xterm script -qec "$B2B plgin" /dev/null >"$OUT" 2>&1 || true
  grep -q $'\033\[' "$OUT" || fail "no colour on a terminal"
  NO_COLOR=1 TERM=xterm script -qec "$B2B plgin" /dev/null >"$OUT" 2>&1 ||
    true
  ! grep -q $'\033\[' "$OUT" || fail "colour despite NO_COLOR"
fi
run 3 plgin
! grep -q $'\033\[' "$ERR" || fail "colour in a pipe"
