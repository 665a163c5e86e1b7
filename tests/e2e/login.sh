#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# oss-back2base login end to end on $ENGINE: `claude setup-token` in a
# throwaway session, played by a stand-in in a test image that carries the
# session image's tag (and so its payload hash) while the test runs. The
# token it prints lands in the env file; one it does not print is pasted.
# Exits 77 (skipped) without the engine.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
source "$here/lib.sh"

e2e_require_engine
e2e_build_image
e2e_start_network_and_hosts
export HOME="$E2E/home" BACK2BASE_RUNTIME="$E2E_RUNTIME"
export BACK2BASE_NETWORKS="$E2E_NAME"
export BACK2BASE_ANTHROPIC_BASE_URL=http://mock.b2b.test
env_file="$HOME/.config/back2base/env"

# The stand-in, under the session image's tag; the real image back after.
original="b2b-e2e-original-$$:latest"
"$ENGINE" tag "$IMAGE" "$original"
restore_image() {
  "$ENGINE" tag "$original" "$IMAGE"
  "$ENGINE" rmi "$original" >/dev/null 2>&1 || true
  "$ENGINE" image prune -f --filter "label=b2b-e2e-stand-in=$$" \
    >/dev/null 2>&1 || true
  e2e_cleanup
}
trap restore_image EXIT
mkdir -p "$E2E/stand-in"
cat >"$E2E/stand-in/claude" <<'STUB'
#!/bin/sh
# claude setup-token, as far as login can tell: a prompt, then the token.
[ "$1" = setup-token ] || exec /usr/local/bin/claude "$@"
printf 'Paste code here if prompted > '
read -r code
if [ "$code" = nothing ]; then
  echo "Something went wrong."
  exit 0
fi
printf '\n\033[32mLong-lived authentication token created:\033[0m\n'
printf 'sk-ant-oat01-stand-in-%s-%s\n' "$code" 0123456789abcdef
STUB
cat >"$E2E/stand-in/Containerfile" <<FILE
FROM $original
COPY claude /opt/stand-in/claude
ENV B2B_CLAUDE=/opt/stand-in/claude
LABEL b2b-e2e-stand-in=$$
FILE
chmod 755 "$E2E/stand-in/claude"
"$ENGINE" build -q -t "$IMAGE" -f "$E2E/stand-in/Containerfile" \
  "$E2E/stand-in" >/dev/null
login_containers() {
  "$ENGINE" ps -a -q --filter "label=org.back2base.namespace=login"
}

step "login takes the token setup-token printed into the env file"
status=0
python3 "$SUPPORT/in_terminal.py" "$E2E/login.log" \
  --answer "Paste code here if prompted >" $'code-42\r' \
  "$B2B" login || status=$?
[ "$status" -eq 0 ] ||
  fail "login exited $status: $(tail -c 600 "$E2E/login.log")"
token="sk-ant-oat01-stand-in-code-42-0123456789abcdef"
grep -qx "BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN=$token" "$env_file" ||
  fail "the env file lacks the token: $(grep OAUTH "$env_file" || true)"
[ "$(stat -c %a "$env_file")" = 600 ] || fail "the env file is not 0600"
expect "$(cat "$E2E/login.log")" "login: saved the token to $env_file"
sessions="$HOME/.local/share/back2base/sessions"
[ -z "$(find "$sessions" -path '*/login/token')" ] ||
  fail "the token was left in the session's directory"
[ -z "$(login_containers)" ] || fail "login left $(login_containers)"

step "a token setup-token did not print is asked for, and not shown"
status=0
pasted="sk-ant-oat01-pasted-by-hand-0123456789"
python3 "$SUPPORT/in_terminal.py" "$E2E/paste.log" \
  --answer "Paste code here if prompted >" $'nothing\r' \
  --answer "Paste it here (it is not shown):" "$pasted"$'\r' \
  "$B2B" login || status=$?
[ "$status" -eq 0 ] ||
  fail "login exited $status: $(tail -c 600 "$E2E/paste.log")"
grep -qx "BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN=$pasted" "$env_file" ||
  fail "the pasted token is not in the env file"
[ "$(grep -c ^BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN= "$env_file")" -eq 1 ] ||
  fail "the env file has the token twice"
if grep -qF "$pasted" "$E2E/paste.log"; then
  fail "the pasted token was echoed"
fi

e2e_summary
