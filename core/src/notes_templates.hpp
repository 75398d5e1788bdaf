// The parsed note templates (core/rules/notes.json), shared by notes_templates.cpp (loading,
// validation, forms) and notes.cpp (drafting).
//
// A template is one sentence: segments of literal text and placeholders; a segment in [brackets]
// is optional. The forms of a sentence, longest first: every optional segment whose values are
// known; then without the optional time ({year}, {when}) and placeholder-free segments; then
// without any optional segment.
#pragma once

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "vouch/notes.hpp"

namespace vouch::detail::note_pack {

enum class slot { first, me, where, org, year, when, topic, item };
inline constexpr std::size_t slot_count = 8;
inline constexpr const char* slot_names[slot_count] = {"first", "me",   "where", "org",
                                                       "year",  "when", "topic", "item"};
using values = std::array<std::string, slot_count>;

enum class key {
  greeting,
  worked_together,
  studied_together,
  met_at,
  their_content,
  their_content_item,
  mutual_contact,
  cold,
  shared_company,
  shared_school,
  sales,
  job_seeking,
  hiring,
  closing,
  signature
};
inline constexpr std::size_t key_count = 15;
inline constexpr const char* key_names[key_count] = {"greeting",
                                                     "worked_together",
                                                     "studied_together",
                                                     "met_at",
                                                     "their_content",
                                                     "their_content_item",
                                                     "mutual_contact",
                                                     "cold",
                                                     "shared_company",
                                                     "shared_school",
                                                     "sales",
                                                     "job_seeking",
                                                     "hiring",
                                                     "closing",
                                                     "signature"};

/// What the user says about themselves in their reason, in the order they are checked.
enum class intent { hiring, sales, job_seeking };
inline constexpr std::size_t intent_count = 3;
inline constexpr const char* intent_names[intent_count] = {"hiring", "sales", "job_seeking"};

struct piece {
  std::string text;  ///< literal text, when `slot_index` < 0
  int slot_index = -1;
};

struct segment {
  std::vector<piece> pieces;
  bool optional = false;
  bool timing = false;  ///< holds {year} or {when}, or no placeholder: the first to go
};

struct sentence {
  bool present = false;
  std::vector<segment> segments;
  /// The distinct forms with these values, longest first; none when a mandatory value is missing.
  std::vector<std::string> forms(const values& v) const;
};

struct tone {
  std::array<sentence, key_count> sentences;
  const sentence& operator[](key k) const { return sentences[static_cast<std::size_t>(k)]; }
};

struct language {
  std::array<std::vector<std::string>, intent_count> intent_words;  ///< folded, " a b "
  std::vector<std::pair<std::string, std::string>> topic_prefixes;
  std::vector<tone> tones;  ///< in the order of note_templates::tone_names
};

}  // namespace vouch::detail::note_pack

namespace vouch {

struct note_templates {
  std::vector<std::string> tone_names;
  std::map<std::string, detail::note_pack::language> languages;
};

}  // namespace vouch
