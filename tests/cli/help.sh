# SPDX-License-Identifier: Apache-2.0
# --help works for every command and shows an example for each; `help`
# explains its topics from what this machine has, and shows a command's
# help by its words.
source "$(dirname "$0")/lib.sh"

run 0 --help
for command in version install status doctor plugin update help completion; do
  has "$OUT" "$command"
done
has "$OUT" "--allow-unsigned-plugins"
lacks "$OUT" " man "

run 0 plugin
for command in list keygen sign verify trust; do has "$OUT" "$command"; done

# Every command the tree has (from its own completion script), each with
# an example.
"$B2B" completion bash >"$SCRATCH/completion.bash"
commands=$(grep -o "^    '[a-z][a-z -]*')" "$SCRATCH/completion.bash" |
  tr -d "')" | sed 's/^ *//')
[ "$(wc -l <<<"$commands")" -gt 25 ] || fail "too few commands: $commands"
while read -r command; do
  # shellcheck disable=SC2086
  run 0 $command --help
  has "$OUT" "Example: oss-back2base"
  empty "$ERR"
done <<<"$commands"

# `help COMMAND...` is that command's --help; a topic is explained.
run 0 help plugin sign
has "$OUT" "Usage: oss-back2base plugin sign"
run 0 help plan --json
has "$OUT" "Usage: oss-back2base plan"
run 0 -v --profile go help plugin sign
has "$OUT" "Usage: oss-back2base plugin sign"
run 0 help profiles
has "$OUT" "go: "
has "$OUT" "general when none does"
run 0 help env
for name in BACK2BASE_PROFILE BACK2BASE_UPDATE_URL "GITHUB_TOKEN (environment: BACK2BASE_GITHUB_TOKEN)"; do
  has "$OUT" "$name"
done
has "$OUT" "$HOME/.config/back2base/env"
BACK2BASE_ALLOW_DOMAINS=extra.example.test run 0 help firewall
has "$OUT" "api.anthropic.com"
has "$OUT" "extra.example.test"
run 0 help plugins
has "$OUT" "lib/oss-back2base/plugins  (install)"
has "$OUT" "$HOME/.local/share/back2base/plugins  (user)"
run 2 help firewal
has "$ERR" "error: help: no topic or command \"firewal\"; did you mean \"firewall\"?"
empty "$OUT"
