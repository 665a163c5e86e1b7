# SPDX-License-Identifier: Apache-2.0
# oss-back2base plan [--profile NAME] [-r DIR] [--json]: the workspace, what
# the detectors found, the profiles, servers and allowlist a launch would
# use, with nothing changed on disk.
source "$(dirname "$0")/lib.sh"
state="$HOME/.config/back2base/state"
work="$SCRATCH/shop"
mkdir -p "$work/cmd/api" "$work/web"
(cd "$work" && git init -q)
touch "$work/go.mod" "$work/cmd/api/main.go" "$work/web/package.json"

# auto: the detectors' matches, united in profiles.json's order.
(cd "$work/cmd" && "$B2B" plan) >"$OUT" 2>"$ERR" || fail "plan"
has "$OUT" "workspace: $work (git root)"
has "$OUT" "namespace: shop (the directory name)"
has "$OUT" "profile:   go, frontend (detected, auto from default)"
has "$OUT" "model:     Claude Code's default"
has "$OUT" "servers:   from embedded defaults/mcp.json"
has "$OUT" "not loaded: needs GITHUB_TOKEN; set it in the env file"
has "$OUT" "api.anthropic.com  Claude Code"
has "$OUT" "mcp.context7.com   server context7"
[ "$(sed -n '/^allowlist:/,$p' "$OUT" | grep -c githubcopilot)" -eq 0 ] ||
  fail "a server that is not loaded opened its domain"
empty "$ERR"
[ ! -e "$HOME/.config" ] || fail "plan created the config directory"
[ ! -e "$HOME/.local" ] || fail "plan created the data directory"

run 0 plan -r "$work" --json
jq -e '.workspace.origin == "--repo" and .detection.ran and
  .detection.entries == 7 and (.detection.truncated | not) and
  ([.detection.detectors[] | select(.detector == "go") | .matches[0]] ==
   [{"profile": "go", "confidence": 1, "evidence":
     ["go.mod", "cmd/api/main.go"]}]) and
  .profile.matched == ["go", "frontend"] and
  .profile.requested == "auto" and
  .profile.evidence == [
    {"profile": "frontend", "detector": "frontend", "confidence": 0.7,
     "paths": ["web/package.json"]},
    {"profile": "go", "detector": "go", "confidence": 1,
     "paths": ["go.mod", "cmd/api/main.go"]}] and
  ([.servers[] | select(.loaded) | .name] ==
   ["filesystem", "git", "context7", "fetch", "sequential-thinking"]) and
  ([.allowlist[].domain] == ["api.anthropic.com", "mcp.context7.com"]) and
  .model.name == null' "$OUT" >/dev/null || fail "plan --json, auto"

# A token loads its server and opens its domain; its value is never shown.
BACK2BASE_GITHUB_TOKEN=ghp_never_shown run 0 plan -r "$work" --json
jq -e '([.servers[] | select(.name == "github")][0] |
    .loaded and .variables == [{"name": "GITHUB_TOKEN", "set": true}]) and
  (.allowlist[] | select(.domain == "api.githubcopilot.com") |
    .origins == ["server github"])' "$OUT" >/dev/null ||
  fail "plan with a GitHub token"
lacks "$OUT" "ghp_never_shown"
lacks "$ERR" "ghp_never_shown"

# A named profile needs no detection; BACK2BASE_MODEL beats a pin.
run 0 plan -r "$work" --profile minimal --json
jq -e '(.detection.ran | not) and .profile.matched == ["minimal"] and
  ([.servers[].name] == ["filesystem", "git"]) and
  .profile.origin == "--profile"' "$OUT" >/dev/null ||
  fail "plan --profile minimal"
run 0 plan -r "$work" --profile full
has "$OUT" "model:     opus (pinned by profile full)"
BACK2BASE_MODEL=haiku run 0 plan -r "$work" --profile full
has "$OUT" "model:     haiku (BACK2BASE_MODEL (environment))"

# An empty workspace gets general.
mkdir -p "$SCRATCH/empty"
run 0 plan -r "$SCRATCH/empty"
has "$OUT" "profile:   general (nothing detected, auto from default)"

# Unknown names are refused with the valid ones and a near miss.
run 2 plan -r "$work" --profile pyhton
has "$ERR" 'oss-back2base: error: --profile: unknown profile "pyhton"; did you mean "python"?; the profiles are auto, last, full, go'
empty "$OUT"
BACK2BASE_PROFILE=nope run 1 plan -r "$work"
has "$ERR" 'error: BACK2BASE_PROFILE (environment): unknown profile "nope"'
run 1 plan -r "$SCRATCH/missing"
has "$ERR" "error: --repo: \"$SCRATCH/missing\": No such file or directory"
[ ! -e "$SCRATCH/missing" ] || fail "plan created the missing workspace"

# last: what this namespace used before, else auto.
run 0 plan -r "$work" --profile last
has "$OUT" "profile:   go, frontend (detected, auto from --profile, nothing remembered for this namespace)"
mkdir -p "$state"
echo '{"namespaces": {"shop": {"profile": "infra"}}}' >"$state/last-profile.json"
run 0 plan -r "$work" --profile last
has "$OUT" "profile:   infra (named by --profile, remembered for this namespace)"
# An empty BACK2BASE_PROFILE is no choice at all.
BACK2BASE_PROFILE= run 0 plan -r "$SCRATCH/empty"
has "$OUT" "profile:   general (nothing detected, auto from default)"

# The user's additions to the allowlist, from the env file, by line.
mkdir -p "$HOME/.config/back2base"
env_file="$HOME/.config/back2base/env"
printf '# mine\nBACK2BASE_ALLOW_DOMAINS=models.internal,*.corp.example\n' \
  >"$env_file"
run 0 plan -r "$work" --profile minimal
has "$OUT" "models.internal    BACK2BASE_ALLOW_DOMAINS ($env_file:2)"
has "$OUT" "*.corp.example     BACK2BASE_ALLOW_DOMAINS ($env_file:2)"
printf 'BACK2BASE_ALLOW_DOMAINS=10.0.0.0/8\n' >"$env_file"
run 1 plan -r "$work" --profile minimal
has "$ERR" "error: BACK2BASE_ALLOW_DOMAINS ($env_file:1): \"10.0.0.0/8\" is a network or a path"
# A gateway's host is Claude Code's endpoint, so it is allowed too.
printf 'BACK2BASE_ANTHROPIC_BASE_URL=https://llm.corp.example/v1\n' >"$env_file"
run 0 plan -r "$work" --profile minimal --json
jq -e --arg origin "BACK2BASE_ANTHROPIC_BASE_URL ($env_file:1)" \
  '.allowlist[1] == {"domain": "llm.corp.example", "origins": [$origin]}' \
  "$OUT" >/dev/null || fail "plan should allow the gateway's host"
rm "$env_file"

# The user's profiles.json replaces the payload's; its mistakes are named
# by line.
cat >"$state/profiles.json" <<'JSON'
{
  "core": ["filesystem"],
  "profiles": {
    "go": {"description": "Go", "servers": ["fetch", "contxt7"]}
  }
}
JSON
run 1 plan -r "$work"
has "$ERR" "error: $state/profiles.json:4: unknown MCP server \"contxt7\"; did you mean \"context7\"?"
printf '{"core": [], "profiles": {"go": {"description": "Go", "servers": ["fetch"]}}}' \
  >"$state/profiles.json"
run 0 plan -r "$work" --json
jq -e --arg source "$state/profiles.json" '.profiles_source == $source and
  .profile.matched == ["go"] and .profile.unknown_matches == ["frontend"] and
  ([.servers[].name] == ["fetch"])' "$OUT" >/dev/null ||
  fail "plan with the user's profiles.json"
