# SPDX-License-Identifier: Apache-2.0
# oss-back2base update, against a release channel on loopback: an
# installed copy (cmake --install) is replaced only by a release whose
# archive matches the checksum list the build's release key signed for
# that version, and is left as it was by every other.
source "$(dirname "$0")/lib.sh"
: "${B2B_BUILD_DIR:?}" "${B2B_SOURCE_DIR:?}"
command -v minisign >/dev/null || { echo "minisign is not installed"; exit 77; }
release_key="$B2B_BUILD_DIR/signing/release.key"
[ -f "$release_key" ] || { echo "this build has a release key of its own" \
  "(B2B_RELEASE_PUBLIC_KEY); its secret half is not here"; exit 77; }

platform=$("$B2B" version --json | jq -r .platform)
artifact="oss-back2base_${platform/\//_}.tar.gz"
channel="$SCRATCH/channel"
mkdir -p "$channel"

# A release VERSION under the channel's DIR. Its binary is a stand-in that
# answers "version --json" as that version does (or as ANSWER says:
# "fail", "other" for another version, or "only-staged" for one that
# breaks once installed).
make_release() {
  local dir=$1 version=$2 answer=${3:-} tree
  tree="$SCRATCH/tree/oss-back2base_${platform/\//_}"
  rm -rf "$SCRATCH/tree" && mkdir -p "$tree/bin" "$tree/lib/oss-back2base/plugins"
  cat >"$tree/bin/oss-back2base" <<EOF
#!/bin/sh
case "$answer" in
  fail) echo "cannot start" >&2; exit 3 ;;
  other) echo '{"version": "1.0.0"}'; exit 0 ;;
  only-staged) case "\$0" in *.oss-back2base-update-*) ;; *) exit 4 ;; esac ;;
esac
[ "\$1 \$2" = "version --json" ] && echo '{"version": "$version"}'
EOF
  chmod 0755 "$tree/bin/oss-back2base"
  echo "$version" >"$tree/lib/oss-back2base/plugins/release"
  mkdir -p "$tree/share/man/man1" "$tree/include/back2base"
  echo "$version" >"$tree/share/man/man1/oss-back2base.1"
  echo "$version" >"$tree/include/back2base/release"
  mkdir -p "$channel/$dir/$version"
  tar -czf "$channel/$dir/$version/$artifact" -C "$SCRATCH/tree" .
  (cd "$channel/$dir/$version" && sha256sum "$artifact" >checksums.txt)
  sign "$dir/$version" "$release_key" "$version"
  printf '{"version": "%s", "checksums": "%s/checksums.txt"}\n' \
    "$version" "$version" >"$channel/$dir/release.json"
}

# sign DIR KEY VERSION: the list in DIR signed by KEY for VERSION.
sign() {
  minisign -S -s "$2" -m "$channel/$1/checksums.txt" \
    -t "file:checksums.txt	version:$3" </dev/null >/dev/null ||
    fail "minisign could not sign $1"
}

python3 "$B2B_SOURCE_DIR/tests/support/release_server.py" "$channel" \
  "$SCRATCH/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 100); do [ -s "$SCRATCH/port" ] && break; sleep 0.05; done
url="http://127.0.0.1:$(cat "$SCRATCH/port")"

# A pristine installed copy; each case gets its own.
cmake --install "$B2B_BUILD_DIR" --prefix "$SCRATCH/pristine" >/dev/null
installed="$SCRATCH/prefix/bin/oss-back2base"
plugins="$SCRATCH/prefix/lib/oss-back2base/plugins"
fresh_copy() { rm -rf "$SCRATCH/prefix"; cp -a "$SCRATCH/pristine" "$SCRATCH/prefix"; }
unchanged() {
  cmp -s "$installed" "$SCRATCH/pristine/bin/oss-back2base" ||
    fail "the installed binary was changed"
  diff -r "$plugins" "$SCRATCH/pristine/lib/oss-back2base/plugins" >/dev/null ||
    fail "the installed plugins were changed"
  for dir in share include; do
    diff -r "$SCRATCH/prefix/$dir" "$SCRATCH/pristine/$dir" >/dev/null ||
      fail "the installed $dir/ was changed"
  done
  [ -z "$(ls -A "$SCRATCH/prefix/bin" | grep -v '^oss-back2base$')" ] ||
    fail "left behind: $(ls -A "$SCRATCH/prefix/bin")"
}
# update MODE/DIR EXPECTED_STATUS [ARGS...]: the installed copy's update.
update() {
  local index="$url/$1/release.json" expected=$2 status=0 case=$1
  shift 2
  BACK2BASE_UPDATE_URL="$index" BACK2BASE_UPDATE_TIMEOUT=1 \
    "$installed" update "$@" >"$OUT" 2>"$ERR" || status=$?
  [ "$status" -eq "$expected" ] ||
    fail "update $case $*: exit status $status, expected $expected"
}

make_release good 99.1.0

# --check reports and changes nothing.
fresh_copy
update good/good 0 --check
has "$OUT" "oss-back2base 99.1.0 is out (this is"
has "$OUT" "run \"oss-back2base update\""
unchanged

# A good release: binary and plugins replaced, nothing left over.
fresh_copy
update good/good 0
empty "$OUT"
has "$ERR" "update: oss-back2base 99.1.0 is installed (was"
[ "$("$installed" version --json | jq -r .version)" = 99.1.0 ] ||
  fail "the new binary is not in place"
[ "$(cat "$plugins/release")" = 99.1.0 ] || fail "the plugins were not replaced"
[ "$(cat "$SCRATCH/prefix/share/man/man1/oss-back2base.1")" = 99.1.0 ] ||
  fail "the man page was not replaced"
[ "$(cat "$SCRATCH/prefix/include/back2base/release")" = 99.1.0 ] ||
  fail "the SDK was not replaced"
# Not in the installation, so not added: the completions of a shell it had
# none for stay out.
[ ! -e "$SCRATCH/prefix/share/zsh/site-functions" ] || fail "added a directory"
[ -z "$(ls -A "$SCRATCH/prefix/bin" | grep -v '^oss-back2base$')" ] ||
  fail "left behind: $(ls -A "$SCRATCH/prefix/bin")"

# Through a redirect too.
fresh_copy
update redirect/good 0
[ "$("$installed" version --json | jq -r .version)" = 99.1.0 ] ||
  fail "the redirected update did not install"

# An archive that is not the one the list names.
make_release badsum 99.1.0
echo tampered >>"$channel/badsum/99.1.0/$artifact"
fresh_copy
update good/badsum 1
has "$ERR" "error: update: $artifact: its SHA-256 is"
has "$ERR" "the signed checksum list says"
unchanged

# A list changed after signing; a list signed by another key.
make_release badsig 99.1.0
# (Changed for certain: a line added, not a character that may be the same.)
echo "$(printf '%064d' 0)  extra.tar.gz" >>"$channel/badsig/99.1.0/checksums.txt"
fresh_copy
update good/badsig 1
has "$ERR" "checksums.txt: the file's contents do not match its signature"
unchanged
make_release otherkey 99.1.0
minisign -G -W -p "$SCRATCH/other.pub" -s "$SCRATCH/other.key" >/dev/null
sign otherkey/99.1.0 "$SCRATCH/other.key" 99.1.0
fresh_copy
update good/otherkey 1
has "$ERR" "not by this build's release key"
unchanged

# An older release's list offered as a newer version.
make_release replay 99.1.0
sign replay/99.1.0 "$release_key" 0.0.1
fresh_copy
update good/replay 1
has "$ERR" "the signature is for release \"0.0.1\", not \"99.1.0\""
unchanged

# A download cut short, and a server that stops sending or never answers.
fresh_copy
update truncate/good 1
has "$ERR" "the answer from 127.0.0.1:"
has "$ERR" "cut off after"
unchanged
update stall/good 1
has "$ERR" "nothing came for 1000 ms"
unchanged
update hang/good 1
has "$ERR" "release.json: no reply from 127.0.0.1:"
has "$ERR" "nothing came for 1000 ms"
unchanged

# A downgrade only when asked for.
make_release older 0.0.9
fresh_copy
update good/older 1
has "$ERR" "the latest release, 0.0.9, is older than this"
has "$ERR" "--allow-downgrade"
unchanged
update good/older 0 --allow-downgrade
[ "$("$installed" version --json | jq -r .version)" = 0.0.9 ] ||
  fail "--allow-downgrade did not install"

# A new binary that does not run is not installed; one that breaks once
# installed is taken back out.
make_release broken 99.1.0 fail
fresh_copy
update good/broken 1
has "$ERR" "the downloaded oss-back2base 99.1.0 does not answer \"version\":"
has "$ERR" "exited with status 3: cannot start"
unchanged
make_release liar 99.1.0 other
fresh_copy
update good/liar 1
has "$ERR" "does not answer \"version\": it says it is 1.0.0, not 99.1.0"
unchanged
make_release breaks 99.1.0 only-staged
fresh_copy
update good/breaks 1
has "$ERR" "the installed oss-back2base 99.1.0 does not answer \"version\""
has "$ERR" "the previous version is back in its place"
unchanged
"$installed" version >/dev/null || fail "the previous binary does not run"

# The latest is this one; no channel at all.
this=$("$B2B" version --json | jq -r .version)
make_release same "$this"
fresh_copy
update good/same 0
has "$ERR" "update: $this is the latest release; nothing to do"
unchanged
status=0
"$installed" update >"$OUT" 2>"$ERR" || status=$?
[ "$status" -eq 1 ] || fail "update with no channel exited $status"
has "$ERR" "this build has no release channel"
unchanged
