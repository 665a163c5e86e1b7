# SPDX-License-Identifier: Apache-2.0
# oss-back2base login: --token-stdin stores the token in the env file with
# the single-key writer (0600, every other line kept); without a terminal
# the interactive form refuses, saying what to do instead. (The interactive
# form, with setup-token in a container, is tested end to end.)
source "$(dirname "$0")/lib.sh"
env_file="$HOME/.config/back2base/env"

printf '# mine\nBACK2BASE_PROFILE=go\n' >"$SCRATCH/env"
mkdir -p "$(dirname "$env_file")"
cp "$SCRATCH/env" "$env_file"
token="sk-ant-oat01-cli-login-$$"
status=0
printf '%s\n' "$token" | "$B2B" login --token-stdin >"$OUT" 2>"$ERR" ||
  status=$?
[ "$status" -eq 0 ] || fail "login --token-stdin exited $status: $(cat "$ERR")"
empty "$OUT"
has "$ERR" \
  "login: saved the token to $env_file as BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN"
lacks "$ERR" "$token"
[ "$(stat -c %a "$env_file")" = 600 ] || fail "the env file is not 0600"
[ "$(cat "$env_file")" = "# mine
BACK2BASE_PROFILE=go
BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN=$token" ] ||
  fail "env file: $(cat "$env_file")"

# Again: the one line replaced where it stands; an API key is warned of.
echo "BACK2BASE_ANTHROPIC_API_KEY=sk-ant-api03-cli" >>"$env_file"
printf '  %s-2  \n' "$token" | "$B2B" login --token-stdin >"$OUT" 2>"$ERR" ||
  fail "the second login"
[ "$(grep -c BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN "$env_file")" -eq 1 ] ||
  fail "the token was added twice"
grep -qx "BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN=$token-2" "$env_file" ||
  fail "the new token is not there"
has "$ERR" "warning: an API key is configured too"
"$B2B" plan --json >"$OUT" 2>"$ERR" || true
[ "$(jq -r .auth.provider "$OUT")" = oauth-token ] ||
  fail "plan does not use the token: $(jq -c .auth "$OUT")"

# Nothing to store: nothing changes.
cp "$env_file" "$SCRATCH/before"
run 1 login --token-stdin </dev/null
has "$ERR" "login: standard input held no token"
printf 'two words\n' | "$B2B" login --token-stdin >"$OUT" 2>"$ERR" &&
  fail "a token with a blank was stored"
cmp -s "$env_file" "$SCRATCH/before" || fail "a refused login changed the file"

run 1 login </dev/null
has "$ERR" "login: no terminal to sign in on; pipe the token in with"
cmp -s "$env_file" "$SCRATCH/before" || fail "a refused login changed the file"
