# SPDX-License-Identifier: Apache-2.0
# oss-back2base plugin keygen: minisign key pairs, with or without password.
source "$(dirname "$0")/lib.sh"

run 0 plugin keygen -W
key="$HOME/.config/back2base/signing.key"
pub="$HOME/.config/back2base/signing.pub"
[ "$(stat -c %a "$key")" = 600 ] || fail "the secret key should be 0600"
[ "$(stat -c %a "$pub")" = 644 ] || fail "the public key should be 0644"
id=$(sed -n 's/^key \([0-9A-F]\{16\}\)$/\1/p' "$OUT")
[ -n "$id" ] || fail "keygen should print the key ID"
has "$pub" "untrusted comment: minisign public key $id"
has "$OUT" "oss-back2base plugin trust $pub"

# Never overwritten by accident.
cp "$key" "$SCRATCH/before"
run 1 plugin keygen -W
has "$ERR" "already exists; pass --force to replace it"
cmp -s "$key" "$SCRATCH/before" || fail "the old key was changed"
run 0 plugin keygen -W --force
! cmp -s "$key" "$SCRATCH/before" || fail "--force should replace the key"

# With a password, read from stdin when it is not a terminal.
echo "hunter22" | "$B2B" plugin keygen -s "$SCRATCH/e.key" -p "$SCRATCH/e.pub" \
  >"$OUT" 2>"$ERR" || fail "keygen with a password"
has "$SCRATCH/e.key" "minisign encrypted secret key"
printf 'x' >"$SCRATCH/p.so"
echo "hunter22" | "$B2B" plugin sign -s "$SCRATCH/e.key" "$SCRATCH/p.so" \
  2>"$ERR" || fail "signing with the right password"
echo "wrong" | "$B2B" plugin sign -s "$SCRATCH/e.key" "$SCRATCH/p.so" \
  2>"$ERR" && fail "signing with a wrong password should fail"
has "$ERR" "wrong password for the secret key"

echo "" | "$B2B" plugin keygen -s "$SCRATCH/n.key" -p "$SCRATCH/n.pub" \
  2>"$ERR" && fail "an empty password should be refused"
has "$ERR" "pass -W for a key without a password"
[ ! -e "$SCRATCH/n.key" ] || fail "nothing should be written"
