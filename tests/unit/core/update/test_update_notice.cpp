// SPDX-License-Identifier: Apache-2.0
#include "core/update/update_notice.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::update;

namespace {
constexpr std::int64_t k_now = 1'800'000'000;
constexpr std::int64_t k_day = 24 * 60 * 60;
const Version k_running = *parse_version("0.1.0");
}  // namespace

TEST_CASE("a check is due once a day, and after the clock was set back",
          "[update][notice]") {
  CheckRecord record;
  CHECK(check_due(record, k_now));
  record.checked_at = k_now - k_day + 60;
  CHECK_FALSE(check_due(record, k_now));
  record.checked_at = k_now - k_day;
  CHECK(check_due(record, k_now));
  // A failed check counts as one: an offline machine asks once a day.
  record = CheckRecord();
  record.checked_at = k_now - 60;
  record.error = "cannot connect";
  CHECK_FALSE(check_due(record, k_now));
  record.checked_at = k_now + 2 * k_day;
  CHECK(check_due(record, k_now));
}

TEST_CASE("the notice names a newer release once a day, and nothing else",
          "[update][notice]") {
  // What to type is looked up only for a notice that is shown.
  int asked = 0;
  const auto upgrade = [&asked] {
    ++asked;
    return std::string("x");
  };
  CheckRecord record;
  record.checked_at = k_now;
  record.latest = "0.2.0";
  std::optional<std::string> notice = due_notice(
      record, k_running, [] { return "oss-back2base update"; }, k_now);
  REQUIRE(notice);
  CHECK(*notice ==
        "oss-back2base 0.2.0 is out (this is 0.1.0); run \"oss-back2base "
        "update\" to update, or set BACK2BASE_NO_UPDATE_CHECK=1 to stop "
        "these");
  CHECK(record.noticed_at == k_now);
  CHECK_FALSE(due_notice(record, k_running, upgrade, k_now + k_day - 1));
  CHECK(due_notice(record, k_running, upgrade, k_now + k_day));

  for (const char* latest : {"0.1.0", "0.0.9", "", "garbage"}) {
    CheckRecord same;
    same.latest = latest;
    INFO(latest);
    CHECK_FALSE(due_notice(same, k_running, upgrade, k_now));
  }
  CHECK(asked == 1);
}

TEST_CASE("the record survives a round trip, and a damaged one is empty",
          "[update][notice]") {
  test::TempDir dir;
  const auto file = dir / "data" / "update-check.json";
  CHECK(read_check_record(file).checked_at == 0);
  write_check_record(file, {.checked_at = k_now,
                            .latest = "0.2.0",
                            .error = "",
                            .noticed_at = k_now - 5});
  CheckRecord back = read_check_record(file);
  CHECK(back.checked_at == k_now);
  CHECK(back.latest == "0.2.0");
  CHECK(back.noticed_at == k_now - 5);
  for (const char* damaged : {"", "{", "[1]", "{\"checked_at\": \"x\"}"}) {
    test::write(file, damaged);
    CHECK(read_check_record(file).checked_at == 0);
  }
}
