#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The launch's end-to-end checks (launch.sh) on rootless Podman, as most
# Podman users run it: as an ordinary user this test makes (b2b-rootless,
# with subordinate ids), so the runtime plugin takes --userns=keep-id and
# the sidecar's firewall lives in a user namespace. Run as root; exits 77
# (skipped) where that cannot be arranged.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
skip() {
  echo "skipped: $*"
  exit 77
}
[ "$(id -u)" = 0 ] || skip "making the rootless user needs root"
command -v podman >/dev/null && command -v newuidmap >/dev/null ||
  skip "podman or newuidmap (uidmap) is not installed"
[ -r /dev/net/tun ] && [ "$(stat -c %a /dev/net/tun)" = 666 ] ||
  skip "/dev/net/tun is not open to users (chmod 0666 it, as udev does)"

user=b2b-rootless
if ! id "$user" >/dev/null 2>&1; then
  useradd --create-home --shell /bin/bash "$user"
fi
grep -q "^$user:" /etc/subuid ||
  usermod --add-subuids 300000-365535 --add-subgids 300000-365535 "$user"
uid=$(id -u "$user")
home=$(getent passwd "$user" | cut -d: -f6)
# Outside /run/user, which no login manager made here; overlay without
# fuse-overlayfs, which this kernel allows rootless.
runtime_dir="/tmp/b2b-rootless-run-$uid"
install -d -o "$user" -m 0700 "$runtime_dir"
install -d -o "$user" "$home/.config" "$home/.config/containers"
storage_conf="$home/.config/containers/storage.conf"
[ -f "$storage_conf" ] ||
  printf '[storage]\ndriver = "overlay"\n' >"$storage_conf"
chown "$user" "$storage_conf"
as_user() {
  runuser -u "$user" -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    HOME="$home" XDG_RUNTIME_DIR="$runtime_dir" "$@"
}

# The images, from root's store when it has them (a rootless build would
# take minutes): the local base, and the session image launch.sh needs.
export BACK2BASE_BASE_IMAGE=${B2B_E2E_BASE:-back2base-e2e-base:bookworm}
export BACK2BASE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
scratch=$(mktemp -d /tmp/b2b-rootless.XXXXXX)
chmod 755 "$scratch"
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/home"
session_image=$(HOME="$scratch/home" "$B2B" plan -r "$scratch" --json |
                jq -r .image.tag)
for image in "$BACK2BASE_BASE_IMAGE" "$session_image"; do
  if ! as_user podman image exists "$image" &&
     podman image exists "$image"; then
    echo "--- copying $image into $user's store"
    podman save -q -o "$scratch/image.tar" "$image"
    chmod 644 "$scratch/image.tar"
    as_user podman load -q -i "$scratch/image.tar" >/dev/null
    rm "$scratch/image.tar"
  fi
done

# launch.sh gives the tool a scratch HOME; Podman keeps the user's own,
# where its store and configuration are, as it would for a real user.
mkdir "$scratch/bin"
printf '#!/bin/sh\nHOME=%s exec /usr/bin/podman "$@"\n' "$home" \
  >"$scratch/bin/podman"
chmod 755 "$scratch/bin/podman"
as_user PATH="$scratch/bin:/usr/sbin:/usr/bin:/sbin:/bin" ENGINE=podman \
  B2B="$B2B" B2B_SOURCE_DIR="$B2B_SOURCE_DIR" \
  BACK2BASE_BASE_IMAGE="$BACK2BASE_BASE_IMAGE" \
  bash "$here/launch.sh"
