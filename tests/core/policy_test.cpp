// The user's policy (core/src/policy.cpp): defaults, a lossless round trip, and an error that
// names the field for every way a policy can be wrong.
#include "vouch/policy.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "vouch/api.hpp"

using nlohmann::json;
using vouch::parse_policy;

namespace {

struct policy_error_case {
  const char* what;
  std::string policy;   ///< JSON text
  std::string message;  ///< the exact error
};

void check_errors(const std::vector<policy_error_case>& cases) {
  for (const auto& c : cases) {
    SECTION(c.what) {
      const auto p = parse_policy(json::parse(c.policy));
      REQUIRE_FALSE(p.ok());
      CHECK(p.message() == c.message);
      // The JSON-text API reports the same message.
      const auto v = vouch::validate_policy_json(c.policy);
      CHECK_FALSE(v.ok);
      CHECK(v.text == c.message);
    }
  }
}

const std::string categories_list =
    "expected one of known, personal, generic, networker, sales, recruiter, job_seeker, romance, "
    "scam";

}  // namespace

TEST_CASE("an empty policy is valid and everything has a default") {
  const auto p = vouch::test::parse_policy_text("{}");
  CHECK(p.mode == vouch::mode::balanced);
  CHECK(p.note_limit == 200);
  CHECK(p.language == "en");
  CHECK(p.signature.empty());
  CHECK(p.me.name.empty());
  CHECK(p.me.first_name.empty());
  CHECK(p.me.companies.empty());
  CHECK(p.rules.empty());
  CHECK(p.rule_weights.empty());
}

TEST_CASE("null fields count as absent") {
  const auto p = vouch::test::parse_policy_text(
      R"({"me": null, "mode": null, "signature": null, "note_limit": null, "rules": null, "rule_weights": null})");
  CHECK(p.mode == vouch::mode::balanced);
  CHECK(p.note_limit == 200);
}

TEST_CASE("the first name is derived from the name when not given") {
  CHECK(vouch::test::parse_policy_text(R"({"me": {"name": "Dr. Helga Sørensen, PhD"}})")
            .me.first_name == "Helga");
  CHECK(vouch::test::parse_policy_text(R"({"me": {"name": "Helga Sørensen", "first_name": "Hel"}})")
            .me.first_name == "Hel");
}

TEST_CASE("every mode is read") {
  CHECK(vouch::test::parse_policy_text(R"({"mode": "quality"})").mode == vouch::mode::quality);
  CHECK(vouch::test::parse_policy_text(R"({"mode": "balanced"})").mode == vouch::mode::balanced);
  CHECK(vouch::test::parse_policy_text(R"({"mode": "open"})").mode == vouch::mode::open);
  CHECK(std::string(vouch::mode_name(vouch::mode::quality)) == "quality");
  CHECK(std::string(vouch::mode_name(vouch::mode::open)) == "open");
}

TEST_CASE("the note limit comes from note_limit, else from premium") {
  CHECK(vouch::test::parse_policy_text(R"({"premium": true})").note_limit == 300);
  CHECK(vouch::test::parse_policy_text(R"({"premium": false})").note_limit == 200);
  CHECK(vouch::test::parse_policy_text(R"({"premium": true, "note_limit": 250})").note_limit ==
        250);
  CHECK(vouch::test::parse_policy_text(R"({"note_limit": 60})").note_limit == 60);
}

TEST_CASE("custom rules get a default weight and reason text") {
  const auto p = vouch::test::parse_policy_text(
      R"({"rules": [{"id": "custom.swap", "category": "scam", "phrases": ["token swap"]}],
          "rule_weights": {"sales.demo": 0, "romance.flirt": 5.5}})");
  REQUIRE(p.rules.size() == 1);
  CHECK(p.rules[0].weight == 2.0);
  CHECK(p.rules[0].text == "Matches your rule \"custom.swap\"");
  CHECK(p.rule_weights.at("sales.demo") == 0);
  CHECK(p.rule_weights.at("romance.flirt") == 5.5);
}

TEST_CASE("a policy survives a round trip through JSON") {
  const std::string text = R"({
    "me": {"name": "Helga Sørensen", "headline": "Head of Platform", "companies": ["Maersk", "Globex"],
           "schools": ["DTU"], "groups": ["Rust CPH"], "work_email": "helga@example.com",
           "follow_url": "https://www.linkedin.com/in/helga/"},
    "mode": "quality", "signature": "— Helga", "note_limit": 280, "language": "nl",
    "rules": [{"id": "custom.nft", "category": "scam", "text": "NFT talk", "weight": 3.5, "phrases": ["nft drop"]}],
    "rule_weights": {"sales.demo": 1.5}
  })";
  const auto first = parse_policy(json::parse(text));
  REQUIRE(first.ok());
  const json once = vouch::policy_to_json(first.value());
  const auto second = parse_policy(once);
  REQUIRE(second.ok());
  CHECK(vouch::policy_to_json(second.value()) == once);
  CHECK(once["me"]["first_name"] == "Helga");
  CHECK(once["mode"] == "quality");
  CHECK(once["signature"] == "— Helga");
  CHECK(once["note_limit"] == 280);
  CHECK(once["language"] == "nl");
  CHECK(once["rules"][0]["text"] == "NFT talk");
  CHECK(once["rule_weights"]["sales.demo"] == 1.5);
}

TEST_CASE("validating a policy returns it with the defaults filled in") {
  const auto v = vouch::validate_policy_json(R"({"me": {"name": "Helga Sørensen"}})");
  REQUIRE(v.ok);
  const json j = json::parse(v.text);
  CHECK(j["me"]["first_name"] == "Helga");
  CHECK(j["mode"] == "balanced");
  CHECK(j["note_limit"] == 200);
  CHECK(json::parse(vouch::default_policy_json()) ==
        json::parse(vouch::validate_policy_json("{}").text));
}

TEST_CASE("a policy that is not JSON is an error") {
  const auto v = vouch::validate_policy_json("{\"mode\": ");
  CHECK_FALSE(v.ok);
  CHECK(v.text == "policy: not valid JSON");
}

TEST_CASE("policy errors in me name the field") {
  check_errors({
      {"not an object", "[]", "policy: expected a JSON object, got a list"},
      {"me not an object", R"({"me": "Helga"})", "policy.me: expected an object, got a string"},
      {"a name that is not a string", R"({"me": {"name": 42}})",
       "policy.me.name: expected a string, got a number"},
      {"a first name that is not a string", R"({"me": {"first_name": ["H"]}})",
       "policy.me.first_name: expected a string, got a list"},
      {"a headline that is not a string", R"({"me": {"headline": true}})",
       "policy.me.headline: expected a string, got true/false"},
      {"companies that are not a list", R"({"me": {"companies": "Maersk"}})",
       "policy.me.companies: expected a list of strings, got a string"},
      {"a company that is not a string", R"({"me": {"companies": ["Maersk", 7]}})",
       "policy.me.companies[1]: expected a string, got a number"},
      {"schools that are not a list", R"({"me": {"schools": {"a": 1}}})",
       "policy.me.schools: expected a list of strings, got an object"},
      {"a group that is not a string", R"({"me": {"groups": [null]}})",
       "policy.me.groups[0]: expected a string, got null"},
      {"a work e-mail without an @", R"({"me": {"work_email": "helga.example.com"}})",
       "policy.me.work_email: expected an e-mail address such as name@example.com, got "
       "\"helga.example.com\""},
      {"a follow address that is not a string", R"({"me": {"follow_url": 1}})",
       "policy.me.follow_url: expected a string, got a number"},
  });
}

TEST_CASE("policy errors in the settings name the field") {
  check_errors({
      {"a mode that is not a string", R"({"mode": 1})",
       "policy.mode: expected \"quality\", \"balanced\" or \"open\", got a number"},
      {"an unknown mode", R"({"mode": "strict"})",
       "policy.mode: expected \"quality\", \"balanced\" or \"open\", got \"strict\""},
      {"a signature that is not a string", R"({"signature": ["H"]})",
       "policy.signature: expected a string, got a list"},
      {"an unsupported language", R"({"language": "sv"})",
       "policy.language: expected one of en, fr, de, es, pt, it, nl; got \"sv\""},
      {"premium that is not a boolean", R"({"premium": "yes"})",
       "policy.premium: expected true or false, got a string"},
      {"a note limit that is not a whole number", R"({"note_limit": 150.5})",
       "policy.note_limit: expected a whole number of characters, got a number"},
      {"a note limit out of range", R"({"note_limit": 500})",
       "policy.note_limit: expected a number from 60 to 300, got 500"},
      {"rule weights that are not an object", R"({"rule_weights": [1]})",
       "policy.rule_weights: expected an object of rule id to weight, got a list"},
      {"a rule weight that is not a number", R"({"rule_weights": {"sales.demo": "off"}})",
       "policy.rule_weights.sales.demo: expected a number, got a string"},
  });
}

TEST_CASE("policy errors in custom rules name the field") {
  check_errors({
      {"rules that are not a list", R"({"rules": {"id": "x"}})",
       "policy.rules: expected a list of rules, got an object"},
      {"a rule that is not an object", R"({"rules": ["token swap"]})",
       "policy.rules[0]: expected a rule object, got a string"},
      {"an id that is not a string",
       R"({"rules": [{"id": 3, "category": "scam", "phrases": ["a"]}]})",
       "policy.rules[0].id: expected a string, got a number"},
      {"a rule without an id", R"({"rules": [{"category": "scam", "phrases": ["token swap"]}]})",
       "policy.rules[0].id: missing: every rule needs an id"},
      {"two rules with one id",
       R"({"rules": [{"id": "x", "category": "scam", "phrases": ["a b"]}, {"id": "x", "category": "sales", "phrases": ["c d"]}]})",
       "policy.rules[1].id: duplicate rule id \"x\""},
      {"an unknown category", R"({"rules": [{"id": "x", "category": "spam", "phrases": ["a b"]}]})",
       "policy.rules[0].category: " + categories_list + "; got \"spam\""},
      {"a weight out of range",
       R"({"rules": [{"id": "x", "category": "scam", "weight": 25, "phrases": ["a b"]}]})",
       "policy.rules[0].weight: expected a number from -20 to 20"},
      {"a weight that is not a number",
       R"({"rules": [{"id": "x", "category": "scam", "weight": "big", "phrases": ["a b"]}]})",
       "policy.rules[0].weight: expected a number, got a string"},
      {"no phrases", R"({"rules": [{"id": "x", "category": "scam", "phrases": []}]})",
       "policy.rules[0].phrases: expected at least one phrase"},
      {"a phrase that is not a string",
       R"({"rules": [{"id": "x", "category": "scam", "phrases": [1]}]})",
       "policy.rules[0].phrases[0]: expected a string, got a number"},
      {"an empty phrase",
       R"({"rules": [{"id": "x", "category": "scam", "phrases": ["a b", "  "]}]})",
       "policy.rules[0].phrases[1]: a phrase must not be empty"},
      {"a phrase with no words",
       R"({"rules": [{"id": "x", "category": "scam", "phrases": ["!!!"]}]})",
       "policy.rules[0].phrases[0]: has no words to match"},
      {"a text that is not a string",
       R"({"rules": [{"id": "x", "category": "scam", "text": 1, "phrases": ["a"]}]})",
       "policy.rules[0].text: expected a string, got a number"},
  });
}

namespace {

/// The lines of a multi-line error message.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (std::size_t e; (e = text.find('\n', b)) != std::string::npos; b = e + 1) out.push_back(text.substr(b, e - b));
  out.push_back(text.substr(b));
  return out;
}

}  // namespace

TEST_CASE("a policy with several wrong fields reports every one, in document order, each with its path") {
  SECTION("two wrong settings, each order of writing them") {
    const auto a = vouch::validate_policy_json(R"({"mode": "strict", "me": {"work_email": "nope"}})");
    REQUIRE_FALSE(a.ok);
    CHECK(lines_of(a.text) == std::vector<std::string>{
                                  "policy.mode: expected \"quality\", \"balanced\" or \"open\", got \"strict\"",
                                  "policy.me.work_email: expected an e-mail address such as name@example.com, got \"nope\""});
    const auto b = vouch::validate_policy_json(R"({"me": {"work_email": "nope"}, "mode": "strict"})");
    REQUIRE_FALSE(b.ok);
    CHECK(lines_of(b.text) == std::vector<std::string>{
                                  "policy.me.work_email: expected an e-mail address such as name@example.com, got \"nope\"",
                                  "policy.mode: expected \"quality\", \"balanced\" or \"open\", got \"strict\""});
  }
  SECTION("wrong fields everywhere") {
    const std::string policy = R"({
      "language": "sv",
      "me": {"work_email": "nope", "companies": ["A", 3, "B", {}], "name": 7},
      "note_limit": 7,
      "rules": [{"phrases": [], "weight": 1e9, "category": "spam", "id": 3},
                {"category": "scam", "phrases": ["a b"]},
                {"id": "ok", "category": "scam", "phrases": ["token swap"]}],
      "rule_weights": {"zz.unknown": 1, "sales.demo": 1e308, "romance.flirt": "x", "ok": 2},
      "corrections": [{"category": "spam", "invitation": {"id": "c"}}],
      "premium": "yes"
    })";
    const std::vector<std::string> expected{
        "policy.language: expected one of en, fr, de, es, pt, it, nl; got \"sv\"",
        "policy.me.work_email: expected an e-mail address such as name@example.com, got \"nope\"",
        "policy.me.companies[1]: expected a string, got a number",
        "policy.me.companies[3]: expected a string, got an object",
        "policy.me.name: expected a string, got a number",
        "policy.note_limit: expected a number from 60 to 300, got 7",
        "policy.rules[0].phrases: expected at least one phrase",
        "policy.rules[0].weight: expected a number from -20 to 20",
        "policy.rules[0].category: " + categories_list + "; got \"spam\"",
        "policy.rules[0].id: expected a string, got a number",
        "policy.rules[1].id: missing: every rule needs an id",
        "policy.rule_weights.zz.unknown: no rule has the id \"zz.unknown\"",
        "policy.rule_weights.sales.demo: expected a number from -20 to 20, got 1e+308",
        "policy.rule_weights.romance.flirt: expected a number, got a string",
        "policy.corrections[0].category: " + categories_list + "; got \"spam\"",
        "policy.corrections[0].invitation: sender: missing",
        "policy.premium: expected true or false, got a string",
    };
    const auto v = vouch::validate_policy_json(policy);
    REQUIRE_FALSE(v.ok);
    CHECK(lines_of(v.text) == expected);
    // The same through the other entry points that take a policy.
    const auto p = vouch::parse_policy_text(policy);
    REQUIRE_FALSE(p.ok());
    CHECK(p.message() == v.text);
    const auto c = vouch::classify_json(R"({"id": "x", "sender": {"name": "Ann"}})", policy);
    CHECK_FALSE(c.ok);
    CHECK(c.text == v.text);
  }
  SECTION("a value holding a newline stays on its error's line") {
    const auto v = vouch::validate_policy_json(R"({"mode": "a\nb", "language": "x"})");
    REQUIRE_FALSE(v.ok);
    CHECK(lines_of(v.text) == std::vector<std::string>{
                                  "policy.mode: expected \"quality\", \"balanced\" or \"open\", got \"a\\nb\"",
                                  "policy.language: expected one of en, fr, de, es, pt, it, nl; got \"x\""});
  }
}

TEST_CASE("rule_weights are checked against the range of a rule's weight and must name a rule") {
  check_errors({
      {"a huge weight", R"({"rule_weights": {"sales.demo": 1e308}})",
       "policy.rule_weights.sales.demo: expected a number from -20 to 20, got 1e+308"},
      {"a weight just beyond the range", R"({"rule_weights": {"sales.demo": -20.5}})",
       "policy.rule_weights.sales.demo: expected a number from -20 to 20, got -20.5"},
      {"an unknown rule id", R"({"rule_weights": {"sales.dmeo": 0}})",
       "policy.rule_weights.sales.dmeo: no rule has the id \"sales.dmeo\""},
  });
  SECTION("the pack's rules, its facts and the policy's own rules can be re-weighted, up to 20 each way") {
    const auto p = vouch::test::parse_policy_text(
        R"({"rules": [{"id": "custom.swap", "category": "scam", "phrases": ["token swap"]}],
            "rule_weights": {"sales.demo": 20, "note.long": -20, "custom.swap": 0.5}})");
    CHECK(p.rule_weights.at("sales.demo") == 20);
    CHECK(p.rule_weights.at("note.long") == -20);
    CHECK(p.rule_weights.at("custom.swap") == 0.5);
  }
}

TEST_CASE("errors are put in document order whatever the keys and values look like") {
  // Keys with brackets, dots, quotes and escapes, deep nesting, arrays where objects were expected:
  // the ordering only walks the text, and always ends.
  const std::vector<std::string> policies{
      R"({"rule_weights": {"a[b": 1, "a": [1, 2], "a[0": "x", "x]": 2}, "mode": 1})",
      R"({"rule_weights": {"q\"uote": 1, "back\\slash": 2, "uni\u00e9": 3, "[": 4, "]": 5, ".": 6, "": 7}, "mode": 2})",
      R"({"me": )" + std::string(500, '[') + "1" + std::string(500, ']') +
          R"(, "rules": [[], {}, "x", [{"id": []}]], "mode": {}})",
      R"({"corrections": [{"invitation": {"id": "c", "sender": {"name": ["x"]}}, "category": 1}, 5], "language": []})",
  };
  for (const auto& text : policies) {
    INFO(text);
    const auto v = vouch::validate_policy_json(text);
    REQUIRE_FALSE(v.ok);
    CHECK(lines_of(v.text).size() >= 2);
  }
  const auto v = vouch::validate_policy_json(policies[0]);
  CHECK(lines_of(v.text) == std::vector<std::string>{
                                "policy.rule_weights.a[b: no rule has the id \"a[b\"",
                                "policy.rule_weights.a: expected a number, got a list",
                                "policy.rule_weights.a[0: expected a number, got a string",
                                "policy.rule_weights.x]: no rule has the id \"x]\"",
                                "policy.mode: expected \"quality\", \"balanced\" or \"open\", got a number"});
}
