#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Downloads one package from the npm registry and unpacks it into DEST,
# only if its SHA-512 matches INTEGRITY (npm's "sha512-<base64>" form), so
# nothing enters the image without a checksum pinned in the Dockerfile.
#
#   fetch_npm_tarball.sh NAME VERSION INTEGRITY DEST
set -eu
name=$1 version=$2 integrity=$3 dest=$4
registry=${NPM_REGISTRY:-https://registry.npmjs.org}
url="$registry/$name/-/${name##*/}-$version.tgz"
tarball=$(mktemp)
trap 'rm -f "$tarball"' EXIT

curl -fsSL --retry 3 --max-time 600 -o "$tarball" "$url"
expected=$(printf '%s' "${integrity#sha512-}" | base64 -d | od -An -v -tx1 |
           tr -d ' \n')
actual=$(sha512sum "$tarball" | cut -d' ' -f1)
if [ "$expected" != "$actual" ]; then
  echo "oss-back2base: error: $url: its SHA-512 is not the one pinned" \
    "($integrity); nothing was installed" >&2
  exit 1
fi
mkdir -p "$dest"
tar -xzf "$tarball" -C "$dest" --strip-components=1 --no-same-owner
