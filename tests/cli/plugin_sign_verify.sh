# SPDX-License-Identifier: Apache-2.0
# oss-back2base plugin sign / verify: the loader's own check, exit status 4
# for every refusal.
source "$(dirname "$0")/lib.sh"

"$B2B" plugin keygen -W >/dev/null
fixture good_detector "$SCRATCH/p" detector-fixture.so
plugin="$SCRATCH/p/detector-fixture.so"

run 4 plugin verify "$plugin"
has "$ERR" 'unsigned: no'

run 0 plugin sign "$plugin"
empty "$OUT"
has "$plugin.minisig" "file:detector-fixture.so"

# Our own key is not trusted until the user says so.
run 4 plugin verify "$plugin"
has "$ERR" "which is not trusted"
run 0 plugin verify -p "$HOME/.config/back2base/signing.pub" "$plugin"
has "$OUT" "signature verified"
run 0 plugin trust "$HOME/.config/back2base/signing.pub"
run 0 plugin verify "$plugin"
has "$OUT" "$plugin: signature verified"

# Renamed: the signature names the file it was made for.
cp "$plugin" "$SCRATCH/p/runtime-evil.so"
cp "$plugin.minisig" "$SCRATCH/p/runtime-evil.so.minisig"
run 4 plugin verify "$SCRATCH/p/runtime-evil.so"
has "$ERR" 'signed for "detector-fixture.so", not "runtime-evil.so"'

# One byte changed after signing.
printf '\x00' | dd of="$plugin" bs=1 seek=3000 conv=notrunc status=none
run 4 plugin verify "$plugin"
has "$ERR" "do not match its signature"

# A signature file cut short.
head -n 2 "$SCRATCH/p/runtime-evil.so.minisig" >"$SCRATCH/short"
mv "$SCRATCH/short" "$SCRATCH/p/runtime-evil.so.minisig"
run 4 plugin verify "$SCRATCH/p/runtime-evil.so"
has "$ERR" "truncated"
