#include <catch2/catch.hpp>
#include "vouch/api.hpp"
TEST_CASE("a malformed invitation is an error, not a crash") {
  auto r = vouch::classify_json("{", "{}");
  CHECK_FALSE(r.ok);
}
