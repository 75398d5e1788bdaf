// What every classification result must be, whatever the input (contract: "Result").
#pragma once

#include <cmath>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "vouch/text.hpp"

namespace vouch::fuzz {

/// `text` is a Result: its verdict one of four, confidence within [0, 1], every span within the
/// note (`note16`: the note's length in UTF-16 code units) and the reply no longer than
/// `max_reply16` UTF-16 code units.
inline void check_result(std::string_view text, std::size_t note16, std::size_t max_reply16) {
  const auto r = nlohmann::json::parse(text, nullptr, false);
  require(r.is_object(), "result: not a JSON object", text);
  require(r.contains("verdict") && r["verdict"].is_string(), "result: no verdict", text);
  const std::string verdict = r["verdict"].get<std::string>();
  require(verdict == "accept" || verdict == "ask" || verdict == "decline" || verdict == "ignore", "result: verdict", text);
  require(r.contains("confidence") && r["confidence"].is_number(), "result: confidence is a number", text);
  const double c = r["confidence"].get<double>();
  require(std::isfinite(c) && c >= 0 && c <= 1, "result: confidence within [0, 1]", text);
  require(r.contains("reasons") && r["reasons"].is_array(), "result: reasons", text);
  for (const auto& reason : r["reasons"]) {
    require(reason.contains("weight") && reason["weight"].is_number() && std::isfinite(reason["weight"].get<double>()),
            "result: a reason's weight is a finite number", text);
    if (!reason.contains("span")) continue;
    const auto& s = reason["span"];
    require(s.is_array() && s.size() == 2 && s[0].is_number_unsigned() && s[1].is_number_unsigned(), "result: span shape", text);
    require(s[0].get<std::size_t>() <= s[1].get<std::size_t>() && s[1].get<std::size_t>() <= note16, "result: span within the note", text);
  }
  require(!r.contains("reply") || r["reply"].is_string() || r["reply"].is_null(), "result: reply is text or null", text);
  const std::string reply = r.contains("reply") && r["reply"].is_string() ? r["reply"].get<std::string>() : "";
  require(utf16_length(reply) <= max_reply16, "result: reply too long", reply);
  if (verdict == "accept" || verdict == "ignore") require(reply.empty(), "result: a reply for accept or ignore", text);
}

}  // namespace vouch::fuzz
