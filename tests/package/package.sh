# SPDX-License-Identifier: Apache-2.0
# The packages, as a user gets them: the .deb installed on this machine
# with apt (doctor and plan run from the installed copy, `update` leaves
# it to apt, the completions and man page in place), then removed with
# nothing left; the tarball unpacked anywhere with every plugin loading;
# and a release made of both by packaging/make-release, which `update`
# reads. It installs a package system-wide, so it runs only where asked
# (B2B_TEST_PACKAGES=1, as CI does), as root, and never over a copy that
# is installed already.
source "$B2B_SOURCE_DIR/tests/cli/lib.sh"
if [ "${B2B_TEST_PACKAGES:-}" != 1 ] || [ "$(id -u)" -ne 0 ]; then
  echo "installs a package: runs as root with B2B_TEST_PACKAGES=1"
  exit 77
fi
if dpkg -s oss-back2base >/dev/null 2>&1; then
  echo "oss-back2base is installed here already; not touching it"
  exit 77
fi
version=$("$B2B" version --json | jq -r .version)
platform=$("$B2B" version --json | jq -r '.platform | sub("/"; "_")')
release="$SCRATCH/release"
url_base="http://127.0.0.1:0"  # rewritten once the server has a port

python3 "$B2B_SOURCE_DIR/tests/support/release_server.py" "$release" \
  "$SCRATCH/port" &
server=$!
trap 'kill $server 2>/dev/null; dpkg -P oss-back2base >/dev/null 2>&1 || true
      rm -rf "$SCRATCH"' EXIT
mkdir -p "$release"
for _ in $(seq 100); do [ -s "$SCRATCH/port" ] && break; sleep 0.05; done
url_base="http://127.0.0.1:$(cat "$SCRATCH/port")/good"

# A release of this build, signed with its development release key.
"$B2B_SOURCE_DIR/packaging/make-release" "$B2B_BUILD_DIR" "$release" \
  "$B2B_BUILD_DIR/signing/release.key" "$url_base" >"$OUT" 2>"$ERR" ||
  fail "make-release"
dir="$release/$version"
deb="$dir/oss-back2base_${version}_$(dpkg --print-architecture).deb"
tarball="$dir/oss-back2base_$platform.tar.gz"
[ -f "$deb" ] && [ -f "$tarball" ] || fail "no packages: $(ls "$dir")"
minisign -V -q -p "$B2B_BUILD_DIR/signing/release.pub" \
  -m "$dir/checksums.txt" || fail "the checksum list's signature"
(cd "$dir" && sha256sum --quiet -c checksums.txt) || fail "the checksums"
grep -q "version:$version" "$dir/checksums.txt.minisig" ||
  fail "the signature does not name the version"

# The .deb's metadata: its libraries found by dpkg-shlibdeps, an engine
# recommended.
depends=$(dpkg-deb -f "$deb" Depends)
for library in libsodium23 libboost-json1.81.0 libssl3; do
  grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done
[ "$(dpkg-deb -f "$deb" Recommends)" = "docker.io | podman, git" ] ||
  fail "Recommends: $(dpkg-deb -f "$deb" Recommends)"

# Installed with apt, as a user would.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$OUT" 2>&1 ||
  fail "apt-get install"
installed=/usr/bin/oss-back2base
mapfile -t files < <(dpkg -L oss-back2base)
for file in /usr/bin/oss-back2base /usr/share/man/man1/oss-back2base.1 \
    /usr/lib/oss-back2base/plugins/runtime-podman.so \
    /usr/lib/oss-back2base/plugins/runtime-podman.so.minisig \
    /usr/share/bash-completion/completions/oss-back2base \
    /usr/share/zsh/vendor-completions/_oss-back2base \
    /usr/share/fish/vendor_completions.d/oss-back2base.fish \
    /usr/share/doc/oss-back2base/LICENSE \
    /usr/include/back2base/sdk/plugin.hpp \
    /usr/lib/cmake/back2base-sdk/back2base-sdk-config.cmake; do
  [ -f "$file" ] || fail "the package did not install $file"
done
[ "$("$installed" version --json | jq -r .version)" = "$version" ] ||
  fail "the installed copy's version"
man -w oss-back2base >/dev/null || fail "man cannot find the page"

status=0
"$installed" doctor --json >"$OUT" 2>"$ERR" || status=$?
[ "$status" -le 1 ] || fail "doctor exited $status"
jq -e '.checks[] | select(.name == "plugins") |
  .status == "pass" and (.detail | contains("10 loaded and verified"))' \
  "$OUT" >/dev/null || fail "doctor: $(jq -c '.checks[] | select(.name == "plugins")' "$OUT")"
mkdir -p "$SCRATCH/shop" && echo "module example.com/shop" >"$SCRATCH/shop/go.mod"
(cd "$SCRATCH/shop" && "$installed" plan --json -y) >"$OUT" 2>"$ERR" ||
  fail "plan from the installed copy"
jq -e '.profile.matched | index("go")' "$OUT" >/dev/null ||
  fail "plan: $(jq -c .profile "$OUT")"
jq -e '(.spec.image | length > 0) and .spec.agent.name and .spec.firewall.name' "$OUT" >/dev/null ||
  fail "plan: no spec of the two containers"

status=0
BACK2BASE_UPDATE_URL="$url_base/release.json" "$installed" update \
  >"$OUT" 2>"$ERR" || status=$?
[ "$status" -eq 1 ] || fail "update of the dpkg copy exited $status"
has "$ERR" "was installed by dpkg; update it the same way: sudo apt-get"
bash -c 'source /usr/share/bash-completion/completions/oss-back2base
  COMP_WORDS=(oss-back2base plugin ""); COMP_CWORD=2; _oss_back2base
  printf "%s\n" "${COMPREPLY[@]}"' | grep -qx sign ||
  fail "the installed bash completion"

# Removed: every file it installed is gone.
dpkg -P oss-back2base >"$OUT" 2>&1 || fail "dpkg -P"
for file in "${files[@]}"; do
  [ -d "$file" ] || [ ! -e "$file" ] || fail "left behind: $file"
done
[ ! -e /usr/lib/oss-back2base ] || fail "left behind: /usr/lib/oss-back2base"

# The tarball: unpacked anywhere, its plugins load; update reads the
# channel it was made for and finds itself the latest.
mkdir -p "$SCRATCH/opt"
tar -xzf "$tarball" -C "$SCRATCH/opt"
copy="$SCRATCH/opt/oss-back2base_$platform/bin/oss-back2base"
"$copy" plugin list --json >"$OUT" 2>"$ERR" || fail "plugin list"
[ "$(jq '[.plugins[] | select(.status == "loaded")] | length' "$OUT")" -eq 10 ] ||
  fail "the tarball's plugins: $(jq -c '[.plugins[] | {name, status}]' "$OUT")"
BACK2BASE_UPDATE_URL="$url_base/release.json" "$copy" update >"$OUT" 2>"$ERR" ||
  fail "update from the tarball's copy"
has "$ERR" "$version is the latest release; nothing to do"

# The Homebrew formula, as committed and as the release wrote it.
if command -v ruby >/dev/null; then
  ruby -c "$B2B_SOURCE_DIR/packaging/homebrew/oss-back2base.rb" >/dev/null ||
    fail "the committed formula"
  ruby -c "$dir/oss-back2base.rb" >/dev/null || fail "the release's formula"
  has "$dir/oss-back2base.rb" \
    "sha256 \"$(sha256sum "$dir/oss-back2base-$version.tar.gz" | cut -d' ' -f1)\""
  has "$dir/oss-back2base.rb" "url \"$url_base/$version/oss-back2base-$version.tar.gz\""
fi
