# SPDX-License-Identifier: Apache-2.0
# The daily update notice: a command on a terminal starts the check in the
# background and never waits for it; the next shows one line on stderr
# naming the newer release, once a day; a failed check is kept as well,
# so an offline machine asks once a day; pipes, --no-update-check and
# BACK2BASE_NO_UPDATE_CHECK=1 get neither.
source "$(dirname "$0")/lib.sh"
: "${B2B_SOURCE_DIR:?}"
terminal() {  # terminal ARGS...: the binary on a terminal of its own
  rm -f "$SCRATCH/terminal"
  python3 "$B2B_SOURCE_DIR/tests/support/in_terminal.py" "$SCRATCH/terminal" \
    "$B2B" "$@" >/dev/null 2>&1 || true
}
record="$HOME/.local/share/back2base/update-check.json"
channel="$SCRATCH/channel"
mkdir -p "$channel"
printf '{"version": "99.2.0", "checksums": "99.2.0/checksums.txt"}\n' \
  >"$channel/release.json"
python3 "$B2B_SOURCE_DIR/tests/support/release_server.py" "$channel" \
  "$SCRATCH/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 100); do [ -s "$SCRATCH/port" ] && break; sleep 0.05; done
export BACK2BASE_UPDATE_URL="http://127.0.0.1:$(cat "$SCRATCH/port")/good/release.json"

# wait_for JQ: until the record satisfies JQ (the background check wrote).
wait_for() {
  for _ in $(seq 100); do
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

# A server that never answers: the command does not wait for it (it is
# done while the check still hangs), and the failure is kept.
rm -f "$record"
export BACK2BASE_UPDATE_URL="${BACK2BASE_UPDATE_URL/good/hang}" \
  BACK2BASE_UPDATE_TIMEOUT=1
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
