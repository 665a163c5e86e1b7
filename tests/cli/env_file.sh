# SPDX-License-Identifier: Apache-2.0
# ~/.config/back2base/env as a user meets it: -vv shows every effective
# setting and its origin with secrets redacted; a file others can read is
# warned about; every bad line is reported at once and the file is kept.
source "$(dirname "$0")/lib.sh"

env_file="$HOME/.config/back2base/env"
mkdir -p "$(dirname "$env_file")"
secret="sk-ant-api03-cli-test-secret-value"
printf '# mine\nBACK2BASE_PROFILE=python\nBACK2BASE_ANTHROPIC_API_KEY=%s\n' \
  "$secret" >"$env_file"
chmod 600 "$env_file"

BACK2BASE_MODEL=opus run 0 -vv --allow-unsigned-plugins plugin list
has "$ERR" "setting BACK2BASE_PROFILE = \"python\" (env file: $env_file:2)"
has "$ERR" 'setting BACK2BASE_MODEL = "opus" (environment: BACK2BASE_MODEL)'
has "$ERR" 'setting BACK2BASE_RUNTIME = "auto" (default)'
has "$ERR" 'setting BACK2BASE_ALLOW_UNSIGNED_PLUGINS = "1" (flag: '\
'--allow-unsigned-plugins)'
has "$ERR" "setting BACK2BASE_ANTHROPIC_API_KEY = [redacted, ${#secret} \
characters]"
lacks "$ERR" "$secret"
lacks "$OUT" "$secret"

# A bare ANTHROPIC_API_KEY in the shell is not a credential of ours.
sed -i '/BACK2BASE_ANTHROPIC_API_KEY/d' "$env_file"
ANTHROPIC_API_KEY=sk-shell run 1 doctor
has "$OUT" "[fail] credential: none configured"
lacks "$OUT" "sk-shell"

chmod 644 "$env_file"
run 0 plugin list
has "$ERR" "others can read it (mode 0644) and it holds credentials; run \
\"chmod 600 $env_file\""
chmod 600 "$env_file"

cp "$env_file" "$SCRATCH/before"
printf 'oops no equals\nK="C:\\dir"\n' >>"$env_file"
cp "$env_file" "$SCRATCH/bad"
run 1 plugin list
has "$ERR" "oss-back2base: error: $env_file:3: expected KEY=VALUE"
has "$ERR" "oss-back2base: error: $env_file:4: unknown escape"
empty "$OUT"
cmp -s "$env_file" "$SCRATCH/bad" || fail "the env file was changed"

# Commands that need no settings still work.
run 0 version
