# SPDX-License-Identifier: Apache-2.0
# Seeds the session's state (~/.claude, the host's state directory) from
# the image's defaults by the rule the CLI follows: each default is copied
# the first time it is seen and never again, so a file the user edited or
# deleted stays edited or deleted. What was seen is remembered, one path a
# line, in .back2base-seeded.
#
# b2b_seed_state DEFAULTS STATE prints "seeded PATH" or "kept PATH" a line.

# Where a file of the defaults goes in the state, or nothing.
b2b_state_path() {
  case "$1" in
    mcp.json) echo ".mcp.json" ;;
    settings.json) echo "settings.json" ;;
    skills/* | commands/*) echo "$1" ;;
  esac
}

b2b_seed_state() {
  local defaults=$1 state=$2 manifest="$2/.back2base-seeded"
  local file relative target changed=0
  local -A seen=()
  mkdir -p -m 0700 "$state"
  if [ -f "$manifest" ]; then
    while IFS= read -r relative; do
      [ -z "$relative" ] || seen[$relative]=1
    done <"$manifest"
  fi
  while IFS= read -r -d '' file; do
    relative=$(b2b_state_path "${file#"$defaults"/}")
    [ -n "$relative" ] && [ -z "${seen[$relative]:-}" ] || continue
    target="$state/$relative"
    seen[$relative]=1
    changed=1
    if [ -e "$target" ] || [ -L "$target" ]; then
      echo "kept $relative"
      continue
    fi
    mkdir -p -m 0700 "$(dirname "$target")"
    # -n: one the CLI made in the meantime is kept, never replaced.
    cp -n "$file" "$target"
    chmod 0600 "$target"
    echo "seeded $relative"
  done < <(find "$defaults" -type f -print0 | sort -z)
  [ "$changed" = 1 ] || return 0
  printf '%s\n' "${!seen[@]}" | LC_ALL=C sort >"$manifest.partial"
  chmod 0600 "$manifest.partial"
  mv "$manifest.partial" "$manifest"
}
