# SPDX-License-Identifier: Apache-2.0
# The daily update notice: a command on a terminal starts the check in the
# background and never waits for it; the next shows one line on stderr
# naming the newer release, once a day; a failed check is kept as well,
# so an offline machine asks once a day; pipes, --no-update-check and
# BACK2BASE_NO_UPDATE_CHECK=1 get neither.
source "$(dirname "$0")/lib.sh"
: "${B2B_SOURCE_DIR:?}" "${B2B_BUILD_DIR:?}"
command -v minisign >/dev/null || { echo "minisign is not installed"; exit 77; }
release_key="$B2B_BUILD_DIR/signing/release.key"
[ -f "$release_key" ] || { echo "no development release key here"; exit 77; }
terminal() {  # terminal ARGS...: the binary on a terminal of its own
  rm -f "$SCRATCH/terminal"
  python3 "$B2B_SOURCE_DIR/tests/support/in_terminal.py" "$SCRATCH/terminal" \
    "$B2B" "$@" >/dev/null 2>&1 || true
}
record="$HOME/.local/share/back2base/update-check.json"
channel="$SCRATCH/channel"
mkdir -p "$channel"
# A release the notice may name: its list signed for its version. (One
# whose list is not is never announced.)
mkdir -p "$channel/99.2.0" "$channel/unsigned/99.3.0"
printf '{"version": "99.2.0", "checksums": "99.2.0/checksums.txt"}\n' \
  >"$channel/release.json"
echo "$(printf '%064d' 0)  oss-back2base_linux_x86_64.tar.gz" \
  >"$channel/99.2.0/checksums.txt"
minisign -S -s "$release_key" -m "$channel/99.2.0/checksums.txt" \
  -t "file:checksums.txt	version:99.2.0" </dev/null >/dev/null
printf '{"version": "99.3.0", "checksums": "99.3.0/checksums.txt"}\n' \
  >"$channel/unsigned/release.json"
python3 "$B2B_SOURCE_DIR/tests/support/release_server.py" "$channel" \
  "$SCRATCH/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 100); do [ -s "$SCRATCH/port" ] && break; sleep 0.05; done
export BACK2BASE_UPDATE_URL="http://127.0.0.1:$(cat "$SCRATCH/port")/good/release.json"

# wait_for JQ: until the record satisfies JQ (the background check wrote).
wait_for() {
  for _ in $(seq 300); do
    jq -e "$1" "$record" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  fail "the record never came to $1: $(cat "$record" 2>&1)"
}

# Not on a terminal: nothing is checked or said.
run 0 status
lacks "$ERR" "99.2.0"
[ ! -e "$record" ] || fail "a command in a pipe started a check"

# Switched off: nothing either.
terminal --no-update-check status
BACK2BASE_NO_UPDATE_CHECK=1 terminal status
[ ! -e "$record" ] || fail "a check started although switched off"

# The first command starts the check and says nothing yet; the next says
# it, once; the one after that not again the same day.
terminal status
lacks "$SCRATCH/terminal" "99.2.0"
wait_for '.latest == "99.2.0"'
has "$channel/requests.log" "good /release.json"
terminal status
has "$SCRATCH/terminal" \
  "oss-back2base 99.2.0 is out (this is $("$B2B" version --json | jq -r .version)); run \"oss-back2base update\""
[ "$(grep -c "99.2.0 is out" "$SCRATCH/terminal")" -eq 1 ] ||
  fail "more than one notice line"
terminal status
lacks "$SCRATCH/terminal" "99.2.0"
# A check a day, not one a command.
[ "$(grep -c "release.json" "$channel/requests.log")" -eq 1 ] ||
  fail "checked more than once: $(cat "$channel/requests.log")"

# A release whose list is not signed is not announced.
rm -f "$record"
good_url=$BACK2BASE_UPDATE_URL
BACK2BASE_UPDATE_URL="${good_url/good/good/unsigned}" terminal status
wait_for '.error != ""'
jq -e '.latest == "" and (.error | contains("99.3.0/checksums.txt"))' \
  "$record" >/dev/null || fail "an unsigned release was recorded: $(cat "$record")"

# A server that never answers: the command does not wait for it (it is
# done while the check still hangs, 5 s before it gives up), and the
# failure is kept.
rm -f "$record"
export BACK2BASE_UPDATE_URL="${good_url/good/hang}" BACK2BASE_UPDATE_TIMEOUT=5
terminal status
jq -e '.error == ""' "$record" >/dev/null ||
  fail "the command waited for the hanging check: $(cat "$record")"
wait_for '.error | contains("no reply from 127.0.0.1")'
checked=$(jq .checked_at "$record")
terminal status
[ "$(jq .checked_at "$record")" = "$checked" ] ||
  fail "a failed check was tried again the same day"
[ "$(grep -c "hang /release.json" "$channel/requests.log")" -eq 1 ] ||
  fail "the hanging server was asked again"
