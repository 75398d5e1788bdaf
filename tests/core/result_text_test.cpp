// result_to_text must write exactly what result_to_json(r).dump() writes: the tool, the wasm
// module and the contract's examples all rely on that one format.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "vouch/api.hpp"
#include "vouch/classify.hpp"
#include "vouch/invitation.hpp"
#include "vouch/policy.hpp"

namespace {

vouch::engine fixture_engine() {
  std::ifstream f(VOUCH_TEST_DATA "/policy.json");
  const auto j = nlohmann::json::parse(f);
  auto p = vouch::parse_policy(j);
  REQUIRE(p);
  auto e = vouch::engine::create(p.value());
  REQUIRE(e);
  return std::move(e).value();
}

}  // namespace

TEST_CASE("result text equals the JSON dump for every fixture invitation") {
  const auto engine = fixture_engine();
  std::ifstream f(VOUCH_TEST_DATA "/invitations.jsonl");
  std::string line;
  int checked = 0;
  while (std::getline(f, line)) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    auto inv = vouch::parse_invitation(j);
    if (!inv) continue;
    const auto r = engine.classify(inv.value());
    INFO(line);
    CHECK(vouch::result_to_text(r) == vouch::result_to_json(r).dump());
    ++checked;
  }
  CHECK(checked >= 50);
}

TEST_CASE("result text escapes like the JSON dump") {
  vouch::result r;
  r.id = "quote \" backslash \\ slash / tab \t newline \n return \r bell \x07 del \x7f";
  r.language = "en";
  r.reply = "emoji \xF0\x9F\x98\x80, accents \xC3\xA9, zero-width \xE2\x80\x8B, form feed \f, backspace \b";
  r.reply_variants = {r.reply, "second", "\x01\x1f"};
  vouch::reason with_span{"sales.demo", "Offers a demo", vouch::category::sales, 3.5, std::make_pair(3u, 9u), "a \"demo\""};
  vouch::reason without{"generic.no_note", "No note", vouch::category::generic, 3.0, std::nullopt, ""};
  r.reasons = {with_span, without};
  for (double c : {0.5, 0.92, 0.99, 0.07, 1.0}) {
    r.confidence = c;
    CHECK(vouch::result_to_text(r) == vouch::result_to_json(r).dump());
  }
}

TEST_CASE("result text prints rounded weights as the JSON dump does") {
  vouch::result r;
  r.language = "fr";
  r.verdict = vouch::verdict::ignore;
  for (int hundredths = 0; hundredths <= 2000; ++hundredths) {
    const double w = hundredths / 100.0;
    r.reasons = {vouch::reason{"x.y", "t", vouch::category::scam, w, std::nullopt, ""}};
    r.confidence = static_cast<double>(hundredths % 100) / 100.0;
    INFO(w);
    REQUIRE(vouch::result_to_text(r) == vouch::result_to_json(r).dump());
  }
}
