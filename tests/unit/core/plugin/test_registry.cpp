// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/registry.hpp"

#include "core/plugin/guard.hpp"
#include "core/util/files.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace b2b;
using namespace b2b::plugin;

namespace {

// A plugin directory, the test key trusted, loaded the way the tool does.
struct Scenario {
  test::TempDir dir;
  Policy policy;
  LoadOptions options;
  std::unique_ptr<PluginRegistry> registry;

  std::filesystem::path add(std::string_view fixture, std::string_view as) {
    std::filesystem::path target = dir / as;
    test::copy(test::fixture_plugin(fixture), target);
    return target;
  }
  std::filesystem::path add_signed(
      std::string_view fixture, std::string_view as,
      const SecretKey& key = test::test_keys().secret_key) {
    std::filesystem::path target = add(fixture, as);
    plugin::sign_file(target, key);
    return target;
  }
  const std::vector<PluginRecord>& load() {
    std::vector<TrustedKey> keys{{test::test_keys().public_key, "test"}};
    registry =
        std::make_unique<PluginRegistry>(keys, policy, test::settings_of());
    registry->load(discover({{dir.path(), "test"}}), options);
    return registry->records();
  }
  const PluginRecord& load_only() {
    const std::vector<PluginRecord>& records = load();
    REQUIRE(records.size() == 1);
    return records[0];
  }
};

void flip_byte(const std::filesystem::path& file, std::streamoff at) {
  std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
  stream.seekg(at);
  char byte = 0;
  stream.get(byte);
  stream.seekp(at);
  stream.put(static_cast<char>(byte ^ 0x01));
}

}  // namespace

TEST_CASE("the registry loads a plugin signed by a trusted key",
          "[plugin][registry]") {
  Scenario s;
  s.add_signed("good_detector", "detector-fixture.so");
  const PluginRecord& record = s.load_only();
  REQUIRE(record.status == Status::loaded);
  CHECK(record.kind == sdk::PluginKind::detector);
  CHECK(record.name == "fixture");
  CHECK(record.version == "1.2.3");
  CHECK(record.signer == format_key_id(test::test_keys().public_key.id));
  CHECK(record.signer_source == "test");

  auto detectors = s.registry->detectors();
  REQUIRE(detectors.size() == 1);
  CHECK(detectors[0].name == "fixture");
  CHECK(s.registry->runtimes().empty());
  std::vector<sdk::Detection> matches;
  test::FakeIndex index({"fixture.txt"});
  CHECK(guarded(detectors[0], "detecting", [&](sdk::WorkspaceDetector& d) {
          return d.detect(index, matches);
        }).ok());
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].profile == "fixture");
}

TEST_CASE("the registry refuses a plugin it cannot trust, saying why",
          "[plugin][registry][signature]") {
  Scenario s;

  SECTION("unsigned") {
    s.add("good_detector", "detector-fixture.so");
    const PluginRecord& record = s.load_only();
    CHECK(record.status == Status::refused);
    CHECK_THAT(record.reason,
               Catch::StartsWith("unsigned: no \"detector-fixture.so."
                                 "minisig\"") &&
                   Catch::Contains("--allow-unsigned-plugins"));
  }
  SECTION("tampered: one byte flipped after signing") {
    auto file = s.add_signed("good_detector", "detector-fixture.so");
    flip_byte(file, 4000);
    const PluginRecord& record = s.load_only();
    CHECK(record.status == Status::refused);
    CHECK_THAT(record.reason, Catch::Contains("do not match its signature"));
  }
  SECTION("signed by a key that is not trusted") {
    s.add_signed("good_detector", "detector-fixture.so",
                 test::stranger_keys().secret_key);
    const PluginRecord& record = s.load_only();
    CHECK(record.status == Status::refused);
    CHECK_THAT(record.reason, Catch::Contains("which is not trusted"));
    CHECK(record.signer == format_key_id(test::stranger_keys().public_key.id));
  }
  SECTION("signed for another file name") {
    auto genuine = s.add_signed("good_detector", "detector-fixture.so");
    std::filesystem::rename(genuine, s.dir / "runtime-evil.so");
    std::filesystem::rename(genuine.string() + ".minisig",
                            s.dir / "runtime-evil.so.minisig");
    const PluginRecord& record = s.load_only();
    CHECK(record.status == Status::refused);
    CHECK(record.reason ==
          "signed for \"detector-fixture.so\", not \"runtime-evil.so\"");
  }
  SECTION("a truncated signature") {
    auto file = s.add_signed("good_detector", "detector-fixture.so");
    std::string signature = util::read_file(file.string() + ".minisig");
    test::write(file.string() + ".minisig",
                signature.substr(0, signature.size() / 2));
    const PluginRecord& record = s.load_only();
    CHECK(record.status == Status::refused);
    CHECK_THAT(record.reason, Catch::Contains("bad signature file") &&
                                  Catch::Contains("is missing"));
  }
}

TEST_CASE(
    "the registry never runs a plugin's code before its signature "
    "passes",
    "[plugin][registry][signature]") {
  Scenario s;
  test::TempDir scratch;
  const std::filesystem::path marker = scratch / "loaded";
  ::setenv("B2B_FIXTURE_MARKER", marker.c_str(), 1);

  SECTION("unsigned") {
    s.add("static_init_marker", "detector-marker.so");
    CHECK(s.load_only().status == Status::refused);
    CHECK_FALSE(std::filesystem::exists(marker));
  }
  SECTION("tampered") {
    auto file = s.add_signed("static_init_marker", "detector-marker.so");
    flip_byte(file, 4000);
    CHECK(s.load_only().status == Status::refused);
    CHECK_FALSE(std::filesystem::exists(marker));
  }
  SECTION("signed: the marker shows the fixture does run when loaded") {
    s.add_signed("static_init_marker", "detector-marker.so");
    CHECK(s.load_only().status == Status::loaded);
    CHECK(std::filesystem::exists(marker));
  }
  ::unsetenv("B2B_FIXTURE_MARKER");
}

TEST_CASE(
    "unsigned plugins load only when allowed, and never against the "
    "policy",
    "[plugin][registry][policy]") {
  Scenario s;
  s.add("good_detector", "detector-fixture.so");
  s.options.allow_unsigned = true;

  SECTION("allowed: loaded, and marked as such") {
    const PluginRecord& record = s.load_only();
    CHECK(record.status == Status::loaded);
    CHECK(record.unsigned_override);
    CHECK(record.signer.empty());
  }
  SECTION("allowed by the user, forbidden by the administrator") {
    s.policy.allow_unsigned_plugins = false;
    s.policy.source = "/etc/back2base/policy.json";
    const PluginRecord& record = s.load_only();
    CHECK(record.status == Status::refused);
    CHECK_THAT(record.reason,
               Catch::Contains("policy \"/etc/back2base/policy.json\" "
                               "forbids unsigned plugins"));
  }
  SECTION("allowing unsigned plugins does not excuse a bad signature") {
    auto file = s.dir / "detector-fixture.so";
    plugin::sign_file(file, test::test_keys().secret_key);
    flip_byte(file, 4000);
    CHECK(s.load_only().status == Status::refused);
  }
}

TEST_CASE("the registry refuses a plugin this host cannot use",
          "[plugin][registry][abi]") {
  Scenario s;

  SECTION("built for another SDK major") {
    s.add_signed("abi_too_new", "detector-new.so");
    const PluginRecord& record = s.load_only();
    CHECK(record.status == Status::refused);
    CHECK(record.abi_major == sdk::k_abi_major + 1);
    CHECK_THAT(
        record.reason,
        Catch::Contains("built for SDK " +
                        std::to_string(sdk::k_abi_major + 1) + ".0") &&
            Catch::Contains("has SDK " + std::to_string(sdk::k_abi_major) +
                            "." + std::to_string(sdk::k_abi_minor)));
  }
  SECTION("built for a newer SDK minor") {
    s.add_signed("abi_minor_newer", "detector-newer.so");
    CHECK_THAT(s.load_only().reason, Catch::Contains("update oss-back2base"));
  }
  SECTION("no descriptor") {
    s.add_signed("no_descriptor", "detector-bare.so");
    CHECK_THAT(s.load_only().reason,
               Catch::Contains("exports no plugin descriptor"));
  }
  SECTION("a factory that throws into the host") {
    s.add_signed("factory_throws", "detector-throws.so");
    const PluginRecord& record = s.load_only();
    CHECK(record.status == Status::refused);
    CHECK(record.reason ==
          "plugin \"factory-throws\": creating it threw an "
          "exception: factory exploded");
  }
  SECTION("a constructor that throws inside the SDK's factory") {
    s.add_signed("constructor_throws", "auth-broken.so");
    CHECK_THAT(s.load_only().reason,
               Catch::Contains("its factory made nothing"));
  }
  SECTION("an object of another kind than the descriptor says") {
    s.add_signed("kind_mismatch", "runtime-liar.so");
    CHECK_THAT(s.load_only().reason, Catch::Contains("not the kind"));
    CHECK(s.registry->runtimes().empty());
  }
  SECTION("a second plugin of the same kind and name") {
    s.add_signed("good_detector", "detector-a.so");
    s.add_signed("good_detector", "detector-b.so");
    const std::vector<PluginRecord>& records = s.load();
    REQUIRE(records.size() == 2);
    CHECK(records[0].status == Status::loaded);
    CHECK(records[1].status == Status::refused);
    CHECK_THAT(records[1].reason,
               Catch::Contains("another detector plugin named \"fixture\""));
  }
}

TEST_CASE("a plugin's library stays loaded while its object is referenced",
          "[plugin][registry][lifetime]") {
  Scenario s;
  s.add_signed("good_detector", "detector-fixture.so");
  s.load_only();
  PluginRef<sdk::WorkspaceDetector> kept = s.registry->detectors().at(0);
  s.registry.reset();

  std::vector<sdk::Detection> matches;
  test::FakeIndex index({"fixture.txt"});
  CHECK(kept.object->detect(index, matches).ok());
  CHECK(matches.size() == 1);

  SECTION("and an exception from it is caught while it is") {
    test::FakeIndex throwing({"throw"});
    sdk::Result result = guarded(
        kept, "detecting",
        [&](sdk::WorkspaceDetector& d) { return d.detect(throwing, matches); });
    CHECK_FALSE(result.ok());
    CHECK(result.message() ==
          "plugin \"fixture\": detecting threw an "
          "exception: asked to throw");
  }
}
