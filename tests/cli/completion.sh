# SPDX-License-Identifier: Apache-2.0
# completion bash|zsh|fish: scripts each shell reads, written from the
# command tree: they offer the commands and flags of the command the words
# chose, and the values of --profile, --runtime and the path flags. The
# man page is written from the same tree.
source "$(dirname "$0")/lib.sh"

"$B2B" completion bash >"$SCRATCH/b2b.bash" || fail "completion bash"
bash -n "$SCRATCH/b2b.bash" || fail "the bash script does not parse"
# complete WORDS...: what bash offers after WORDS (the last may be partial).
complete_bash() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _oss_back2base; printf "%s\n" "${COMPREPLY[@]}"' _ "$SCRATCH/b2b.bash" \
    oss-back2base "$@"
}
offers() {  # offers WORDS... -- EXPECTED...
  local words=() got
  while [ "$1" != -- ]; do words+=("$1"); shift; done
  shift
  got=$(complete_bash "${words[@]}")
  for want in "$@"; do
    grep -qx -- "$want" <<<"$got" ||
      fail "after \"${words[*]}\": no \"$want\" in: $(tr '\n' ' ' <<<"$got")"
  done
}
offers "" -- shell update help completion plugin plan
[ -z "$(complete_bash "" | grep -x man)" ] || fail "the hidden man is offered"
offers plugin "" -- list keygen sign verify trust
offers --prof -- --profile
offers --profile g -- go general
offers plan --runtime "" -- auto compose podman
offers -v plugin list --j -- --json
offers help f -- firewall
mkdir -p "$SCRATCH/work/src-dir"
(cd "$SCRATCH/work" && offers -r src -- src-dir) || exit 1
# -p is a prompt at the top, a key file under plugin keygen.
[ -z "$(complete_bash -p "")" ] || fail "a prompt was completed"

if command -v zsh >/dev/null; then
  "$B2B" completion zsh >"$SCRATCH/_oss-back2base"
  zsh -n "$SCRATCH/_oss-back2base" || fail "the zsh script does not parse"
  has "$SCRATCH/_oss-back2base" "#compdef oss-back2base"
  has "$SCRATCH/_oss-back2base" "'sign:Sign plugin files"
  # zsh ties $path to $PATH: a local of that name would empty PATH.
  lacks "$SCRATCH/_oss-back2base" "local path"
fi
if command -v fish >/dev/null; then
  "$B2B" completion fish >"$SCRATCH/b2b.fish"
  fish -n "$SCRATCH/b2b.fish" || fail "the fish script does not parse"
  fish_offers() {  # fish_offers LINE EXPECTED...
    local line=$1 got
    shift
    got=$(fish -c 'source $argv[1]; complete -C $argv[2]' "$SCRATCH/b2b.fish" \
      "$line" | cut -f1)
    for want in "$@"; do
      grep -qx -- "$want" <<<"$got" ||
        fail "fish, after \"$line\": no \"$want\" in: $(tr '\n' ' ' <<<"$got")"
    done
  }
  fish_offers "oss-back2base plugin " list sign trust
  fish_offers "oss-back2base --profile " auto last go python
  fish_offers "oss-back2base mcp test --" --server --timeout
fi

run 2 completion tcsh
has "$ERR" "completion: no completion for \"tcsh\"; the shells are bash, zsh and fish"

# The man page: every command, every setting, and roff that groff reads
# without a warning.
"$B2B" man >"$SCRATCH/oss-back2base.1" || fail "man"
for section in NAME SYNOPSIS OPTIONS COMMANDS ENVIRONMENT FILES "EXIT STATUS"; do
  grep -q "^.SH \"\?$section" "$SCRATCH/oss-back2base.1" ||
    fail "no $section section"
done
has "$SCRATCH/oss-back2base.1" '.SS "plugin sign"'
has "$SCRATCH/oss-back2base.1" 'BACK2BASE_UPDATE_TIMEOUT'
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$SCRATCH/oss-back2base.1" 2>&1)
  [ -z "$warnings" ] || fail "groff: $warnings"
fi
