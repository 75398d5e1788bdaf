// The compiled engine and the evidence it gathers from one invitation.
//
//   evidence.cpp: compiling a policy (one Aho-Corasick automaton for every phrase, organisation,
//                 greeting and language hint) and gathering evidence: rule hits with spans,
//                 structural facts, the note's words, and the hashed features the model reads.
//   classify.cpp: scoring the features with the learned model, the user's own rules and
//                 corrections, the decision, the verdict, the reasons and the reply.
#pragma once

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aho_corasick.hpp"
#include "model.hpp"
#include "rule_pack.hpp"
#include "vouch/classify.hpp"
#include "vouch/text.hpp"

namespace vouch::detail {

/// A note is judged on its first this many bytes (LinkedIn allows 300 characters).
inline constexpr std::size_t max_note_bytes = 4000;
inline constexpr std::size_t max_headline_bytes = 600;

struct rule_entry {
  std::string id;
  category cat;
  double weight;       ///< the user's own rules: added to their category as written
  double scale = 1.0;  ///< policy.rule_weights: multiplies the feature (0 turns it off)
  std::string text;
  bool headline = false;
  bool disclaims_pitch = false;
  bool custom = false;
  std::uint32_t bucket = 0;  ///< the model's bucket for "r:<id>"
};

/// One correction, compiled: the category the user gave and the invitation's word features.
struct compiled_correction {
  category cat;
  std::string profile;  ///< the sender's profile slug, when there was one
  std::string sender;   ///< the folded sender name
  std::string message;  ///< the note as written
  std::vector<std::pair<std::uint32_t, float>> terms;  ///< sorted buckets, unit length
};

struct compiled_engine {
  vouch::policy policy;
  const rule_pack* pack = nullptr;
  std::shared_ptr<const linear_model> model;
  std::vector<rule_entry> rules;  // the pack's phrase rules, then the policy's, then features
  aho_corasick automaton;
  std::vector<std::string> languages;
  std::vector<std::string> brand_skeletons;
  std::vector<std::string> employer_words;  // one-word forms of me.companies, for link checks
  std::size_t feature_base = 0;
  std::vector<compiled_correction> corrections;
  /// The folded words of each of me.companies and me.schools, with all their variants' words: a
  /// word among them may follow a match without making it another organisation.
  std::vector<std::vector<std::string>> company_words, school_words;
  /// The folded words of each name as written (to tell "Danske" of "Danske Bank" from "Maersk").
  std::vector<std::vector<std::string>> company_names, school_names;
  /// What the user's corrections taught: an adjustment of the model's weights, by bucket.
  std::unordered_map<std::uint32_t, std::array<float, category_count>> learned;

  std::size_t feature(std::string_view id) const {
    for (std::size_t i = feature_base; i < rules.size(); ++i)
      if (rules[i].id == id) return i;
    return rules.size();
  }
  std::size_t f_no_note, f_default_text, f_placeholder, f_greeting_only, f_short_note,
      f_headline_company, f_headline_school, f_headline_group, f_named_company, f_named_school,
      f_named_group, f_mutuals, f_question, f_praise_pitch, f_lookalike, f_lookalike_domain,
      f_employer_domain, f_short_link, f_login_link, f_link, f_phone, f_no_mutuals, f_few_mutuals,
      f_long_note, f_medium_note, f_org_no_note, f_org_default, f_org_short, f_org_long, f_disclaims,
      f_greets_me, f_headline_empty;
};

/// What one invitation shows, before any weighing. Not copyable: views point into its buffers.
struct evidence {
  evidence() = default;
  evidence(const evidence&) = delete;
  evidence& operator=(const evidence&) = delete;

  struct item {
    std::size_t rule;
    std::optional<std::pair<std::uint32_t, std::uint32_t>> span;  ///< UTF-16, in the message
    std::string text;  ///< the rule's text with {org}/{brand}/{n} filled in, or empty
  };
  std::vector<item> items;  ///< rules and facts, each once
  folded_text note;
  folded_text head;  ///< the folded headline
  std::vector<std::pair<std::size_t, std::size_t>> words;  ///< folded byte span of each note word
  std::vector<std::string_view> headline_words;  ///< views into `head.text`
  std::vector<feature> features;  ///< what the model reads
  std::vector<std::pair<std::uint32_t, float>> char_words;  ///< word index, 4-gram value (see gather)
  std::vector<std::pair<std::uint32_t, float>> head_char_words;  ///< the same for headline words
  std::string default_lang;       ///< set when the note is one of LinkedIn's default texts
  std::vector<int> lang_count;
  std::size_t total_words = 0;
  bool no_note = true;
  /// No note, LinkedIn's default text or a greeting alone: the contract decides between known and generic.
  bool content_free = true;
  bool headline_org = false;  ///< the headline names one of the user's employers or schools

  /// Empty again, keeping the buffers (one evidence per thread is reused across invitations).
  void reset() {
    note.clear();
    items.clear();
    words.clear();
    headline_words.clear();
    head.clear();
    features.clear();
    char_words.clear();
    head_char_words.clear();
    default_lang.clear();
    total_words = 0;
    no_note = content_free = true;
    headline_org = false;
  }
};

/// Gathers the evidence of an invitation under a compiled engine.
/// With `expand_chars`, each character 4-gram is a feature of its own (what training reads);
/// without, `char_words` lists the words whose 4-grams count, scored per word (what classify does).
void gather(const compiled_engine& c, const invitation& inv, evidence& ev, bool expand_chars);

/// A word's character 4-grams (" word " in windows of four), as buckets.
inline constexpr std::size_t max_gram_word = 24;
template <class F>
void char_grams(std::string_view w, F emit, char kind = 'c') {
  const std::size_t len = std::min(w.size(), max_gram_word) + 2;
  for (std::size_t s = 0; s + 4 <= len; ++s) {
    feature_hasher f(kind);
    for (std::size_t q = s; q < s + 4; ++q) f.add(q == 0 || q == len - 1 ? ' ' : w[q - 1]);
    emit(f.bucket());
  }
}

/// The folded sender-name key and profile slug that identify a sender across visits.
std::string profile_slug(std::string_view url);

std::string skeleton(std::string_view w);

/// Learning from corrections (compile_corrections): passes, step and L2 pull.
inline constexpr int learn_epochs = 4;
inline constexpr double learn_rate = 0.8, learn_l2 = 0.01, learn_until = 0.6;

/// Compiles policy.corrections (called by engine::create, once the automaton is built).
void compile_corrections(compiled_engine& c);

}  // namespace vouch::detail
