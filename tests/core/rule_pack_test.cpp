// The rule pack (core/src/rule_pack.cpp): the compiled-in pack loads whole, and every
// validation error names the field at fault.
#include "rule_pack.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "vouch/policy.hpp"

using nlohmann::json;
using vouch::detail::load_rule_pack;
using vouch::detail::rule_pack;

namespace {

const rule_pack& default_pack() {
  const auto& p = vouch::detail::default_rule_pack();
  REQUIRE(p.ok());
  return p.value();
}

const vouch::detail::pack_rule* find_rule(const rule_pack& pack, std::string_view id) {
  for (const auto& r : pack.rules)
    if (r.id == id) return &r;
  return nullptr;
}

/// True when a headline rule of `cat` lists `phrase`.
bool headline_phrase(const rule_pack& pack, vouch::category cat, const std::string& phrase) {
  for (const auto& r : pack.rules)
    if (r.headline && r.category == cat &&
        std::find(r.phrases.begin(), r.phrases.end(), phrase) != r.phrases.end())
      return true;
  return false;
}

/// A small valid pack that each error case breaks in one place.
json minimal_pack() {
  return json::parse(R"({
    "classify": {
      "thresholds": {"decide": 2.5},
      "rules": [{"id": "sales.test", "category": "sales", "weight": 2, "text": "Sells",
                 "phrases": ["buy now"]}]
    },
    "replies": {
      "templates": {"en": {"ask": ["Hi {first_name}, where did we meet?"]}},
      "signoffs": {"en": ["Best,"]}
    }
  })");
}

const json erase_marker = "<erase>";

struct pack_edit {
  const char* what;
  std::string pointer;  ///< where to change the minimal pack ("" = the whole pack)
  json value;           ///< the new value, or erase_marker to remove the key
  std::string message;  ///< the exact error
};

std::string error_after(const pack_edit& e) {
  json pack = minimal_pack();
  if (e.value == erase_marker) {
    const json::json_pointer ptr(e.pointer);
    pack[ptr.parent_pointer()].erase(ptr.back());
  } else if (e.pointer.empty()) {
    pack = e.value;
  } else {
    pack[json::json_pointer(e.pointer)] = e.value;
  }
  const auto loaded = load_rule_pack(pack);
  if (loaded.ok()) return "<loaded without error>";
  return loaded.message();
}

void check_errors(const std::vector<pack_edit>& edits) {
  for (const auto& e : edits) {
    SECTION(e.what) { CHECK(error_after(e) == e.message); }
  }
}

json rule_with(const char* key, json value) {
  json r = minimal_pack()["classify"]["rules"][0];
  r[key] = std::move(value);
  return r;
}

}  // namespace

TEST_CASE("the compiled-in pack loads and has every part the engine needs") {
  const rule_pack& pack = default_pack();
  CHECK(vouch::detail::default_pack_json().contains("_errors") == false);
  CHECK(pack.decide_threshold > 0);
  CHECK(pack.scam_threshold > 0);
  CHECK(pack.romance_threshold > 0);
  CHECK_FALSE(pack.greetings.empty());
  CHECK_FALSE(pack.brands.empty());
  CHECK_FALSE(pack.shorteners.empty());

  SECTION("message rules for every category") {
    for (auto cat : vouch::all_categories) {
      INFO(vouch::category_name(cat));
      CHECK(std::any_of(pack.rules.begin(), pack.rules.end(),
                        [&](const auto& r) { return r.category == cat && !r.headline; }));
    }
  }
  SECTION("headline role words") {
    CHECK(headline_phrase(pack, vouch::category::sales, "account executive"));
    CHECK(headline_phrase(pack, vouch::category::sales, "business development"));
    CHECK(headline_phrase(pack, vouch::category::recruiter, "recruiter"));
    CHECK(headline_phrase(pack, vouch::category::recruiter, "talent acquisition"));
  }
  SECTION("a pitch disclaimer is flagged") {
    const auto* r = find_rule(pack, "personal.no_pitch");
    REQUIRE(r != nullptr);
    CHECK(r->disclaims_pitch);
  }
  for (const auto& lang : vouch::supported_languages()) {
    SECTION("LinkedIn's default texts and replies in " + lang) {
      CHECK(std::any_of(pack.default_invites.begin(), pack.default_invites.end(),
                        [&](const auto& d) { return d.language == lang && !d.words.empty(); }));
      CHECK(std::any_of(pack.language_words.begin(), pack.language_words.end(),
                        [&](const auto& l) { return l.first == lang && !l.second.empty(); }));
      const auto* replies = pack.reply_language_for(lang);
      REQUIRE(replies != nullptr);
      CHECK_FALSE(replies->signoffs.empty());
      for (const char* key :
           {"ask", "decline", "ask.generic", "ask.networker", "ask.recruiter", "ask.job_seeker",
            "decline.sales", "decline.sales.email", "decline.sales.follow"}) {
        INFO(key);
        REQUIRE(replies->find(key) != nullptr);
        CHECK(replies->find(key)->size() >= 3);
      }
    }
  }
  SECTION("English replies come first: they are the fallback") {
    REQUIRE_FALSE(pack.replies.empty());
    CHECK(pack.replies.front().language == "en");
  }
}

TEST_CASE("default invitation texts are stored as folded words") {
  json pack = minimal_pack();
  pack["classify"]["default_invites"] = {{"fr", {"J'aimerais vous ajouter à mon réseau."}}};
  const auto loaded = load_rule_pack(pack);
  REQUIRE(loaded.ok());
  REQUIRE(loaded.value().default_invites.size() == 1);
  CHECK(loaded.value().default_invites[0].language == "fr");
  CHECK(loaded.value().default_invites[0].words ==
        std::vector<std::string>{"jaimerais", "vous", "ajouter", "a", "mon", "reseau"});
}

TEST_CASE("the minimal pack used below is valid") {
  const auto loaded = load_rule_pack(minimal_pack());
  REQUIRE(loaded.ok());
  CHECK(loaded.value().rules.size() == 1);
  CHECK(loaded.value().decide_threshold == 2.5);
}

TEST_CASE("pack errors in the classify section name the field") {
  check_errors({
      {"not an object", "", json::array(), "pack: expected a JSON object"},
      {"no classify section", "/classify", erase_marker, "pack.classify: missing"},
      {"classify is not an object", "/classify", 3, "pack.classify: expected an object"},
      {"a threshold that is not a number", "/classify/thresholds/decide", "high",
       "pack.classify.thresholds.decide: expected a number, got a string"},
      {"no rules", "/classify/rules", erase_marker,
       "pack.classify.rules: expected a list of rules"},
      {"a rule that is not an object", "/classify/rules/0", "buy now",
       "pack.classify.rules[0]: expected a rule object"},
      {"an id that is not a string", "/classify/rules/0/id", 7,
       "pack.classify.rules[0].id: expected a string, got a number"},
      {"a rule without an id", "/classify/rules/0/id", erase_marker,
       "pack.classify.rules[0].id: missing"},
      {"two rules with one id", "/classify/rules/1", minimal_pack()["classify"]["rules"][0],
       "pack.classify.rules[1].id: duplicate rule id \"sales.test\""},
      {"an unknown category", "/classify/rules/0/category", "spam",
       "pack.classify.rules[0].category: unknown category \"spam\""},
      {"an unknown place to match", "/classify/rules/0/where", "footer",
       "pack.classify.rules[0].where: expected \"message\" or \"headline\", got \"footer\""},
      {"an unknown flag",
       "/classify/rules/0/flags",
       {"loud"},
       "pack.classify.rules[0].flags: unknown flag \"loud\""},
      {"a rule without a reason text", "/classify/rules/0/text", erase_marker,
       "pack.classify.rules[0].text: missing: every rule needs a reason to show"},
      {"a weight that is not a number", "/classify/rules/0/weight", "heavy",
       "pack.classify.rules[0].weight: expected a number, got a string"},
      {"no phrases", "/classify/rules/0/phrases", json::array(),
       "pack.classify.rules[0].phrases: expected at least one phrase"},
      {"a phrase that is not a string", "/classify/rules/0/phrases/0", 1,
       "pack.classify.rules[0].phrases[0]: expected a string, got a number"},
      {"a phrase with no words", "/classify/rules/0/phrases/1", "?!",
       "pack.classify.rules[0].phrases[1]: has no words to match"},
      {"a default text list that is not a list", "/classify/default_invites/en", "Hello",
       "pack.classify.default_invites.en: expected a list of strings, got a string"},
      {"greetings that are not a list", "/classify/greetings", 5,
       "pack.classify.greetings: expected a list of strings, got a number"},
      {"a language word that is not a string",
       "/classify/languages/en",
       {1},
       "pack.classify.languages.en[0]: expected a string, got a number"},
      {"brands that are not a list", "/classify/brands", "acme",
       "pack.classify.brands: expected a list of strings, got a string"},
      {"official domains that are not a list", "/classify/official_domains", true,
       "pack.classify.official_domains: expected a list of strings, got true/false"},
      {"URL words that are not strings",
       "/classify/url_words",
       {json::object()},
       "pack.classify.url_words[0]: expected a string, got an object"},
      {"shorteners that are not a list", "/classify/shorteners", json::object(),
       "pack.classify.shorteners: expected a list of strings, got an object"},
  });
}

TEST_CASE("pack errors in the replies section name the field") {
  const json fr_templates = {{"ask", {"Bonjour {first_name}"}}};
  check_errors({
      {"replies not an object", "/replies", json::array(), "pack.replies: expected an object"},
      {"no templates", "/replies/templates", erase_marker,
       "pack.replies.templates: expected an object of languages"},
      {"no signoffs", "/replies/signoffs", erase_marker,
       "pack.replies.signoffs: expected an object of languages"},
      {"no English templates",
       "/replies/templates",
       {{"fr", fr_templates}},
       "pack.replies.templates.en: missing: English is the fallback"},
      {"a language that is not an object", "/replies/templates/fr", "Bonjour",
       "pack.replies.templates.fr: expected an object of situations"},
      {"a language without signoffs", "/replies/templates/fr", fr_templates,
       "pack.replies.signoffs.fr: missing"},
      {"signoffs that are not a list", "/replies/signoffs/en", "Best,",
       "pack.replies.signoffs.en: expected a list of strings, got a string"},
      {"an empty situation", "/replies/templates/en/ask", json::array(),
       "pack.replies.templates.en.ask: expected a non-empty list of templates"},
      {"a template that is not a string", "/replies/templates/en/ask/0", 3,
       "pack.replies.templates.en.ask[0]: expected a string"},
      {"an unknown placeholder", "/replies/templates/en/ask/1", "Hej {navn}",
       "pack.replies.templates.en.ask[1]: unknown placeholder {navn}"},
      {"an unclosed placeholder",
       "/replies/templates/en/decline",
       {"Hi {first_name"},
       "pack.replies.templates.en.decline[0]: unknown placeholder {}"},
  });
}

TEST_CASE("errors collected while merging the pack files are reported") {
  const json broken = {{"_errors", {"core/rules/extra.json: not a JSON object"}}};
  const auto loaded = load_rule_pack(broken);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.message().find("core/rules/extra.json: not a JSON object") != std::string::npos);
}
