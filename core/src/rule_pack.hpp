// The rule pack: phrase rules, LinkedIn's default texts, language hints and reply templates.
// The default pack is core/rules/*.json compiled in; each file adds its top-level keys.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vouch/category.hpp"
#include "vouch/outcome.hpp"

namespace vouch::detail {

struct pack_rule {
  std::string id;
  vouch::category category;
  double weight = 0;
  std::string text;
  bool headline = false;         ///< matched against the sender's headline, not the note
  bool disclaims_pitch = false;  ///< "not a pitch": weakens sales evidence
  std::vector<std::string> phrases;
};

struct default_invite {
  std::string language;
  std::vector<std::string> words;  ///< folded words of the template
};

/// Reply templates of one language: situation key → variants, and the sign-off words.
struct reply_language {
  std::string language;
  std::vector<std::pair<std::string, std::vector<std::string>>> situations;
  std::vector<std::string> signoffs;
  const std::vector<std::string>* find(std::string_view key) const {
    for (const auto& s : situations)
      if (s.first == key) return &s.second;
    return nullptr;
  }
};

struct rule_pack {
  std::vector<pack_rule> rules;
  double decide_threshold = 2.5, scam_threshold = 3.0, romance_threshold = 3.0;
  std::vector<default_invite> default_invites;
  std::vector<std::string> greetings;  ///< folded phrases that are not content
  std::vector<std::pair<std::string, std::vector<std::string>>> language_words;
  std::vector<std::string> brands, official_domains, url_words, shorteners;
  std::vector<reply_language> replies;  ///< English first when present
  const reply_language* reply_language_for(std::string_view lang) const {
    for (const auto& r : replies)
      if (r.language == lang) return &r;
    return nullptr;
  }
  nlohmann::json notes;    ///< the note templates (see notes.cpp), or null
};

/// Validates and compiles a merged pack. Errors name the field: `pack.classify.rules[3].weight: ...`.
outcome<rule_pack> load_rule_pack(const nlohmann::json& pack);

/// The merged JSON of the compiled-in pack (core/rules/*.json), parsed once.
const nlohmann::json& default_pack_json();

/// The compiled-in pack, compiled once. It is validated by the tests; if it were broken the
/// engine reports the error instead of classifying.
const outcome<rule_pack>& default_rule_pack();

}  // namespace vouch::detail
