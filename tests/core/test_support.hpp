// Helpers shared by the core tests: UTF-16 slicing done independently of the core, building
// invitations and engines, and checking the shape of results.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "vouch/classify.hpp"
#include "vouch/invitation.hpp"
#include "vouch/policy.hpp"

namespace vouch::test {

/// The UTF-8 text of the UTF-16 code units [b, e) of `utf8`, or "<bad span>" when the span does
/// not fall on code point boundaries or runs past the end. Written here, not borrowed from the
/// core, so that span tests check the core against a second implementation.
inline std::string utf16_slice(std::string_view utf8, std::uint32_t b, std::uint32_t e) {
  std::uint32_t pos = 0;
  std::size_t i = 0, start = std::string::npos, end = std::string::npos;
  while (true) {
    if (pos == b) start = i;
    if (pos == e) end = i;
    if (i >= utf8.size() || pos > e) break;
    const auto c = static_cast<unsigned char>(utf8[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    pos += len == 4 ? 2 : 1;
    i += len;
  }
  if (start == std::string::npos || end == std::string::npos || end < start) return "<bad span>";
  return std::string(utf8.substr(start, end - start));
}

/// The policy the classification tests use: an engineer in Denmark with employers, schools and
/// a group whose names have well-known variants.
inline const char* helga_policy_json() {
  return R"json({
    "me": {
      "name": "Helga Sørensen", "first_name": "Helga",
      "headline": "Head of Platform Engineering",
      "companies": ["A.P. Moller - Maersk", "Globex Energy Ltd"],
      "schools": ["Technical University of Denmark (DTU)", "Univ. of Michigan"],
      "groups": ["Copenhagen Rust Meetup"],
      "work_email": "helga@globex.example.com",
      "follow_url": "https://www.linkedin.com/in/helga-example/"
    },
    "mode": "balanced"
  })json";
}

inline policy parse_policy_text(std::string_view text) {
  auto p = parse_policy(nlohmann::json::parse(text));
  REQUIRE(p.ok());
  return p.value();
}

inline engine make_engine(std::string_view policy_text) {
  auto e = engine::create(parse_policy_text(policy_text));
  REQUIRE(e.ok());
  return e.value();
}

/// The engine under the test policy, compiled once.
inline const engine& helga_engine() {
  static const engine e = make_engine(helga_policy_json());
  return e;
}

inline invitation make_invitation(std::string message, std::string headline = "",
                                  std::string sender = "Rafael Costa", int prior = 0) {
  invitation inv;
  inv.id = "inv-" + std::to_string(std::hash<std::string>{}(message + headline + sender) % 100000);
  inv.sender.name = std::move(sender);
  inv.sender.headline = std::move(headline);
  inv.message = std::move(message);
  inv.prior_invitations = prior;
  return inv;
}

/// Properties every result must have: a confidence that is a probability, reasons that push
/// towards the verdict first (strongest first, for the chosen category), then those that argued
/// against it (strongest first, for another category), every span inside the message with evidence
/// equal to the original text it points at.
inline void check_result_shape(const result& r, const invitation& inv) {
  CHECK(r.confidence > 0.0);
  CHECK(r.confidence <= 1.0);
  CHECK_FALSE(r.reasons.empty());
  bool against = false;
  double last = 1e9;
  for (const auto& rs : r.reasons) {
    INFO("reason " << rs.rule << " weight " << rs.weight);
    CHECK_FALSE(rs.text.empty());
    for (const char* slot : {"{org}", "{brand}", "{n}"}) CHECK(rs.text.find(slot) == std::string::npos);  // filled in
    if (rs.rule.rfind("policy.", 0) == 0 || rs.rule == "corrections.same") {
      CHECK(rs.weight == 0.0);  // the decision's own notes lead
      continue;
    }
    CHECK(rs.weight != 0.0);
    if (rs.weight < 0 && !against) { against = true; last = 1e9; }
    CHECK((rs.weight < 0) == against);  // no reason for the verdict after one against it
    CHECK((rs.category == r.category) == !against);
    CHECK(std::abs(rs.weight) <= last);
    last = std::abs(rs.weight);
    if (rs.span) {
      CHECK(rs.span->first < rs.span->second);
      CHECK(utf16_slice(inv.message, rs.span->first, rs.span->second) == rs.evidence);
    } else {
      CHECK(rs.evidence.empty());
    }
  }
}

/// The evidence texts of the reasons that speak for the result's own category.
inline std::string chosen_evidence(const result& r) {
  std::string out;
  for (const auto& rs : r.reasons)
    if (rs.category == r.category && !rs.evidence.empty()) out += "[" + rs.evidence + "]";
  return out;
}

inline bool has_rule(const result& r, std::string_view id) {
  for (const auto& rs : r.reasons)
    if (rs.rule == id) return true;
  return false;
}

}  // namespace vouch::test
