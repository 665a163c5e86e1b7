#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Makes the base image the end-to-end tests build the session image on:
# Debian bookworm from debootstrap, imported into Docker and, when present,
# Podman, as back2base-e2e-base:bookworm. No registry is reachable from CI,
# so nothing is pulled. The root file system is cached as a tarball in
# $B2B_E2E_CACHE (default /var/cache/back2base-e2e) and reused.
#
#   tests/e2e/make_base_image.sh        needs root, debootstrap and a mirror
set -euo pipefail

cache="${B2B_E2E_CACHE:-/var/cache/back2base-e2e}"
mirror="${B2B_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
tag="back2base-e2e-base:bookworm"
tarball="$cache/base-bookworm.tar"

if [ ! -s "$tarball" ]; then
  mkdir -p "$cache"
  root=$(mktemp -d "$cache/root.XXXXXX")
  trap 'rm -rf "$root"' EXIT
  debootstrap --variant=minbase bookworm "$root" "$mirror" \
    >"$cache/debootstrap.log" 2>&1 ||
    { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
  # The mirror debootstrap used is the one the image build uses too.
  echo "deb $mirror bookworm main" >"$root/etc/apt/sources.list"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" --numeric-owner -cf "$tarball.partial" .
  mv "$tarball.partial" "$tarball"
fi

if command -v docker >/dev/null && docker info >/dev/null 2>&1 &&
   ! docker image inspect "$tag" >/dev/null 2>&1; then
  docker import "$tarball" "$tag" >/dev/null
fi
if command -v podman >/dev/null &&
   ! podman image exists "$tag" 2>/dev/null; then
  podman import "$tarball" "$tag" >/dev/null 2>&1 ||
    { echo "make_base_image: podman import failed" >&2; exit 1; }
fi
