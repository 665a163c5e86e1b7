# SPDX-License-Identifier: Apache-2.0
# The session's allowlist, as the CLI writes it: one entry a line, "#"
# comments, and blank lines. An entry is a host name ("api.example.com"),
# every name under a domain ("*.example.com", not the domain itself), or
# "ssh:NAME" for a git host reached over SSH (port 22). The same rules as
# the CLI's, checked again here because this file is the firewall's input.
#
# b2b_read_allowlist FILE prints "web NAME" or "ssh NAME" a line, in file
# order, duplicates dropped; it names every bad line on stderr and then
# fails, printing nothing.

# The ipset that the addresses of one kind of entry (web or ssh) of one
# family (4 or 6) go into: dnsmasq fills it, the rules match it.
b2b_set_name() { echo "b2b-$1$2"; }

# The reason NAME cannot be allowed, or nothing when it can.
b2b_name_problem() {
  local name=$1 bare=$1 label
  case "$name" in
    "") echo "an empty entry"; return ;;
    *://*) echo "\"$name\" is a URL; give its host name alone"; return ;;
    */*) echo "\"$name\" is a network or a path; host names only"; return ;;
    *:*) echo "\"$name\" has a port or is an IPv6 address"; return ;;
  esac
  [[ "$name" == "*."* ]] && bare=${name#\*.}
  if [[ "$bare" == *"*"* ]]; then
    echo "\"$name\" may use \"*\" only as a leading \"*.\""
  elif [[ "$bare" =~ ^[0-9.]+$ ]]; then
    echo "\"$name\" is an address; names only, so DNS can be followed"
  elif [ "${#bare}" -gt 253 ] ||
       ! [[ "$bare" =~ ^[a-z0-9-]+(\.[a-z0-9-]+)*$ ]]; then
    echo "\"$name\" is not a host name: labels of a-z, 0-9 and \"-\""
  elif [[ "$name" == "*."* && "$bare" != *.* ]]; then
    echo "\"$name\" is too broad; a wildcard must name a domain"
  else
    local IFS=.
    for label in $bare; do
      if [ "${#label}" -gt 63 ] || [[ "$label" == -* || "$label" == *- ]]
      then
        echo "\"$name\" has a label that is too long or starts or ends" \
          "with \"-\""
        return
      fi
    done
  fi
}

b2b_read_allowlist() {
  local file=$1 line number=0 kind name problem bad=0
  local -A seen=()
  local out=()
  if [ ! -r "$file" ]; then
    echo "oss-back2base: error: $file: cannot read the allowlist;" \
      "the CLI writes it for each session" >&2
    return 1
  fi
  while IFS= read -r line || [ -n "$line" ]; do
    number=$((number + 1))
    line=${line%%#*}
    [[ "$line" =~ ^[[:space:]]*(.*[^[:space:]])?[[:space:]]*$ ]]
    line=${BASH_REMATCH[1],,}
    [ -n "$line" ] || continue
    kind=web name=$line
    if [[ "$line" == ssh:* ]]; then
      kind=ssh name=${line#ssh:}
    fi
    name=${name%.}
    problem=$(b2b_name_problem "$name")
    if [ -n "$problem" ]; then
      echo "oss-back2base: error: $file:$number: $problem;" \
        "fix or remove the entry" >&2
      bad=1
    elif [ -z "${seen[$kind $name]:-}" ]; then
      seen[$kind $name]=1
      out+=("$kind $name")
    fi
  done <"$file"
  [ "$bad" -eq 0 ] || return 1
  [ "${#out[@]}" -eq 0 ] || printf '%s\n' "${out[@]}"
}
