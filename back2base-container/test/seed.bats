#!/usr/bin/env bats
# SPDX-License-Identifier: Apache-2.0
# Seeding ~/.claude from the image's defaults: once each, never over what
# the user changed, never bringing back what they deleted; by the same
# record the CLI keeps.

b2b_seed_state() {
  python3 -B "$BATS_TEST_DIRNAME/../agent/seed.py" "$@"
}

setup() {
  defaults="$BATS_TEST_TMPDIR/defaults"
  state="$BATS_TEST_TMPDIR/state"
  mkdir -p "$defaults/skills/review" "$defaults/commands"
  echo '{"mcpServers": {}}' >"$defaults/mcp.json"
  echo '{}' >"$defaults/settings.json"
  echo "skill" >"$defaults/skills/review/SKILL.md"
  echo "command" >"$defaults/commands/test.md"
  echo "not state" >"$defaults/profiles.json"
}

@test "a new state gets every default, and the record of them" {
  run b2b_seed_state "$defaults" "$state"
  [ "$status" -eq 0 ]
  [ "$(cat "$state/.mcp.json")" = '{"mcpServers": {}}' ]
  [ -f "$state/skills/review/SKILL.md" ] && [ -f "$state/commands/test.md" ]
  [ ! -e "$state/profiles.json" ] && [ ! -e "$state/mcp.json" ]
  [ "$(cat "$state/.back2base-seeded")" = "$(printf '%s\n' .mcp.json \
    commands/test.md settings.json skills/review/SKILL.md)" ]
  [ "$(stat -c %a "$state/settings.json")" = 600 ]
}

@test "an edited file is kept and a deleted one stays deleted" {
  b2b_seed_state "$defaults" "$state" >/dev/null
  echo '{"model": "opus"}' >"$state/settings.json"
  rm "$state/commands/test.md"
  echo "a newer default" >"$defaults/settings.json"
  run b2b_seed_state "$defaults" "$state"
  [ "$status" -eq 0 ] && [ -z "$output" ]
  [ "$(cat "$state/settings.json")" = '{"model": "opus"}' ]
  [ ! -e "$state/commands/test.md" ]
}

@test "a file the user made first is kept, and a new default arrives" {
  mkdir -p "$state"
  echo "mine" >"$state/settings.json"
  run b2b_seed_state "$defaults" "$state"
  [[ "$output" == *"kept settings.json"* ]]
  [ "$(cat "$state/settings.json")" = mine ]
  echo "new" >"$defaults/commands/debug.md"
  run b2b_seed_state "$defaults" "$state"
  [ "$output" = "seeded commands/debug.md" ]
}
