# SPDX-License-Identifier: Apache-2.0
# Homebrew formula for oss-back2base. packaging/make-release writes each
# release's copy, with the source archive's URL and SHA-256 filled in.
class OssBack2base < Formula
  desc "Claude Code in a container behind an outbound firewall"
  homepage "@HOMEPAGE@"
  url "@SOURCE_URL@"
  sha256 "@SOURCE_SHA256@"
  license "Apache-2.0"

  depends_on "cli11" => :build
  depends_on "cmake" => :build
  depends_on "ninja" => :build
  depends_on "pkg-config" => :build
  depends_on "boost"
  depends_on "libsodium"
  depends_on "openssl@3"

  def install
    # The channel is only read: `update --check` and the daily notice
    # look there, and a Homebrew copy is left to `brew upgrade`.
    args = %W[
      -DB2B_BUILD_TESTS=OFF
      -DB2B_BUILD_BENCH=OFF
      -DB2B_ZSH_COMPLETION_DIR=share/zsh/site-functions
      -DB2B_RELEASE_INDEX_URL=@INDEX_URL@
    ]
    system "cmake", "-S", ".", "-B", "build", "-G", "Ninja", *args,
           *std_cmake_args
    system "cmake", "--build", "build"
    system "cmake", "--install", "build"
  end

  test do
    assert_match "oss-back2base #{version}",
                 shell_output("#{bin}/oss-back2base version")
    # Every plugin loads: its signature checks out where it was installed.
    plugins = shell_output("#{bin}/oss-back2base plugin list")
    assert_match(/runtime\s+podman\s+\S+\s+loaded/, plugins)
    assert_match "_oss-back2base",
                 shell_output("ls #{zsh_completion}")
  end
end
