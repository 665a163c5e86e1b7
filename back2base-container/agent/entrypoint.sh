#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The agent container's start-up. As root it does one thing, become the
# host's user, and then hands over, with no capability left, to start.py,
# which prepares the session and starts Claude Code: never before the
# firewall sidecar has said its rules are in place and tested, in this
# same network namespace.
#
#   entrypoint.sh [CLAUDE CODE ARGUMENTS...]
set -euo pipefail

# No readlink or dirname: each process started here delays every session.
here=${BASH_SOURCE[0]%/*}

die() {
  echo "oss-back2base: error: $*" >&2
  exit 1
}

# As root: the agent user takes the host user's ids, so that what it writes
# in /workspace is theirs, and the rest runs as it. Never as another of the
# image's accounts, such as the resolver's, whose traffic the firewall
# treats apart.
become_host_user() {
  local uid=${BACK2BASE_HOST_UID:-1000} gid=${BACK2BASE_HOST_GID:-1000}
  [[ "$uid" =~ ^[0-9]+$ && "$gid" =~ ^[0-9]+$ ]] ||
    die "BACK2BASE_HOST_UID/GID: \"$uid:$gid\" are not numbers"
  [ "$uid" != 0 ] || become_powerless_root "$@"
  local name id
  while IFS=: read -r name _ id _; do
    [ "$id" != "$uid" ] || [ "$name" = agent ] ||
      die "BACK2BASE_HOST_UID=$uid: the image's \"$name\" account has" \
        "that uid, and the agent may not run as it; start the session as" \
        "a user with another uid"
  done </etc/passwd
  sed -i "s/^agent:x:[0-9]*:[0-9]*:/agent:x:$uid:$gid:/" /etc/passwd
  sed -i "s/^agent:x:[0-9]*:/agent:x:$gid:/" /etc/group
  chown "$uid:$gid" /home/agent
  HOME=/home/agent USER=agent LOGNAME=agent exec setpriv --reuid="$uid" \
    --regid="$gid" --init-groups --inh-caps=-all --no-new-privs \
    python3 -E -S "$here/start.py" "$@"
}

# A host user who is root owns what the agent writes, so the agent stays
# uid 0, but with every capability gone for good: none left, none to gain
# by exec (noroot), none to get back (the bounding set is empty). Root so
# tamed can change nothing a user could not. Claude Code asks for
# IS_SANDBOX=1 before it runs as root without its permission prompts.
become_powerless_root() {
  local bits=+noroot,+noroot_locked,+no_setuid_fixup
  bits+=,+no_setuid_fixup_locked,+keep_caps_locked
  chown 0:0 /home/agent
  HOME=/home/agent USER=root LOGNAME=root IS_SANDBOX=1 exec setpriv \
    --reuid=0 --regid=0 --clear-groups --inh-caps=-all --ambient-caps=-all \
    --bounding-set=-all --securebits="$bits" --no-new-privs \
    python3 -E -S "$here/start.py" "$@"
}

if [ "$EUID" = 0 ]; then
  become_host_user "$@"
fi
exec python3 -E -S "$here/start.py" "$@"
