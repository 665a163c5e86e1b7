// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/key_files.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::plugin;

TEST_CASE("key files are read with errors that name the file",
          "[plugin][keys]") {
  test::TempDir dir;
  const std::string pub = (dir / "vendor.pub").string();
  test::write(pub, "garbage\n");
  CHECK_THROWS_WITH(load_public_key(pub),
                    Catch::StartsWith("\"" + pub +
                                      "\": the public key is "
                                      "not valid"));
  CHECK_THROWS_WITH(load_public_key(dir / "missing.pub"),
                    Catch::Contains("missing.pub\": cannot read"));
  const std::string key = (dir / "vendor.key").string();
  test::write(key, "untrusted comment: x\nAAAA\n");
  CHECK_THROWS_WITH(load_secret_key(key),
                    Catch::StartsWith("\"" + key +
                                      "\": the secret key is "
                                      "not valid"));
}

TEST_CASE("key files round-trip and sit in the config directory by default",
          "[plugin][keys]") {
  test::TempDir dir;
  KeyPair pair = generate_key_pair();
  test::write(dir / "k.pub", format_public_key(pair.public_key));
  test::write(dir / "k.key", format_secret_key(pair.secret_key, ""));
  CHECK(load_public_key(dir / "k.pub").key == pair.public_key.key);
  CHECK(load_secret_key(dir / "k.key").key == pair.secret_key.key);

  config::Paths paths;
  paths.config_dir = "/home/ada/.config/back2base";
  CHECK(default_secret_key_path(paths) ==
        "/home/ada/.config/back2base/signing.key");
  CHECK(default_public_key_path(paths) ==
        "/home/ada/.config/back2base/signing.pub");
}
