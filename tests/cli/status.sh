# SPDX-License-Identifier: Apache-2.0
# oss-back2base status [--json]: where everything is and its state; it
# changes nothing.
source "$(dirname "$0")/lib.sh"
config="$HOME/.config/back2base"

run 0 status
has "$OUT" "config:   $config"
has "$OUT" "(missing: \"oss-back2base install\" makes it)"
has "$OUT" "back2base-container (missing, "
[ ! -e "$config" ] || fail "status created the config directory"
[ ! -e "$HOME/.local" ] || fail "status created the data directory"

"$B2B" install >/dev/null 2>&1 || true
run 0 status --json
jq -e '.env_file.exists and .env_file.mode == "0600" and .state_seeded and
       .payload.state == "current" and
       .payload.hash == .payload.extracted_hash and
       (.payload.hash | length) == 64 and .data_dir == null and
       (.image.tag | startswith("back2base-session:")) and
       (.image.state | IN("current", "missing", "unknown")) and
       (.containers | type) == "array"' "$OUT" >/dev/null ||
  fail "status --json after install"

mkdir -p "$SCRATCH/proj"
(cd "$SCRATCH/proj" && git init -q &&
  git remote add origin git@example.test:team/widgets.git)
(cd "$SCRATCH/proj" && "$B2B" status) >"$OUT" 2>"$ERR" || fail "status"
has "$OUT" "project:  $SCRATCH/proj, namespace widgets (from the git remote"
mkdir -p "$SCRATCH/plain"
(cd "$SCRATCH/plain" && GIT_CEILING_DIRECTORIES="$SCRATCH" "$B2B" status) \
  >"$OUT" 2>"$ERR" || fail "status outside git"
has "$OUT" "namespace plain (from the directory name)"
[ ! -e "$SCRATCH/plain/.back2base" ] || fail "status pinned a namespace"
MEMORY_NAMESPACE=../up run 0 status
has "$OUT" 'namespace unusable: MEMORY_NAMESPACE: "../up" cannot be'

echo "changed" >>"$HOME/.local/share/back2base/back2base-container/README.md"
BACK2BASE_DATA_DIR=/srv/data run 0 status
has "$OUT" "(stale, "
has "$OUT" "data dir: /srv/data"

# The auth providers set up, in order, with no helper run and no value.
run 0 status
has "$OUT" 'auth:     none set up; run "oss-back2base login"'
BACK2BASE_ANTHROPIC_API_KEY=sk-ant-status-secret \
  BACK2BASE_AUTH_COMMAND="touch $SCRATCH/helper-ran" run 0 status
has "$OUT" "auth:     api-key (set up too, not used: command)"
lacks "$OUT" "sk-ant-status-secret"
[ ! -e "$SCRATCH/helper-ran" ] || fail "status ran the auth helper"
BACK2BASE_AUTH=nope run 0 status --json
jq -e '.auth.problem |
       startswith("BACK2BASE_AUTH (environment): no auth provider \"nope\"")' \
  "$OUT" >/dev/null ||
  fail "status --json: $(jq -c .auth "$OUT")"
