// Text folded for matching, with a map back to the original.
//
// Pipeline (one pass over the code points, then two small passes over the folded characters):
//   1. UTF-8 decode; each code point knows its [begin, end) in UTF-16 code units of the original.
//   2. Fold each code point to zero or more ASCII characters: case folding, accents removed
//      (é→e, ø→o, ß→ss), mathematical alphanumerics (𝗣→p) and full-width forms (Ａ→a) to ASCII,
//      Cyrillic/Greek look-alikes to Latin, zero-width characters and soft hyphens dropped,
//      currency signs to '$', romantic emoji to the word "zheart", other symbols to a space.
//   3. Entities found on the folded characters become single tokens: URLs ("zurl"), e-mail
//      addresses ("zemail"), phone numbers ("zphone"), money ("zmoney"), percentages ("zpct"),
//      messenger handles ("zhandle"); numbers become "#", years "zyear", "30k" becomes "#k".
//   4. Words: letters and digits; leetspeak inside a word is folded (3th3reum → ethereum), and
//      s p a c e d letters are joined (F O R E X → forex).
// The result is " word word word ": single spaces, one leading and one trailing space, so a
// phrase " a b " matches whole words only. Every byte maps back to the original UTF-16 span.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vouch {

enum class entity_kind { url, email, phone, money, percent, handle };

/// A URL, address, number... recognised in the original text.
struct entity {
  entity_kind kind;
  std::uint32_t begin16 = 0, end16 = 0;  ///< span in the original, UTF-16 code units
  std::string folded;                     ///< the entity's own folded characters (e.g. the URL)
};

struct folded_text {
  std::string text;                   ///< " word word ", see above
  std::vector<std::uint32_t> begin16; ///< for each byte of `text`, where it starts in the original
  std::vector<std::uint32_t> end16;   ///< for each byte of `text`, where it ends in the original
  std::vector<entity> entities;
  std::uint32_t length16 = 0;         ///< the original's length in UTF-16 code units
  int question_marks = 0;             ///< '?' (and full-width/inverted forms) in the original

  /// The original span, in UTF-16 code units, of the folded bytes [a, b).
  std::pair<std::uint32_t, std::uint32_t> original_span(std::size_t a, std::size_t b) const {
    while (a < b && text[a] == ' ') ++a;
    while (b > a && text[b - 1] == ' ') --b;
    if (a >= b) return {0, 0};
    return {begin16[a], end16[b - 1]};
  }
  /// The number of words.
  std::size_t word_count() const;
  /// Empty again, keeping the buffers.
  void clear() {
    text.clear();
    begin16.clear();
    end16.clear();
    entities.clear();
    length16 = 0;
    question_marks = 0;
  }
};

/// Folds UTF-8 text for matching (see the pipeline above). Invalid UTF-8 is read as U+FFFD.
folded_text fold(std::string_view utf8);
/// The same into `out`, reusing its buffers (no allocation once they are large enough).
void fold_into(std::string_view utf8, folded_text& out);

/// The words of folded text (" a b " → {"a", "b"}).
std::vector<std::string> folded_words(std::string_view folded);
/// The same as views into `folded`, into `out` (emptied first).
void folded_word_views(std::string_view folded, std::vector<std::string_view>& out);

/// Folds a phrase of the rule pack the same way, returning just the words (" a b ").
std::string fold_phrase(std::string_view utf8);

/// The length of UTF-8 text in UTF-16 code units (how JavaScript and LinkedIn count).
std::size_t utf16_length(std::string_view utf8);

}  // namespace vouch
