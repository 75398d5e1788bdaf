// fold, fold_into, fold_phrase, folded_words and utf16_length on any bytes: no crash, and the
// folded text's map back to the original stays consistent.
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "vouch/text.hpp"

using vouch::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const vouch::folded_text f = vouch::fold(bytes);
  require(f.begin16.size() == f.text.size() && f.end16.size() == f.text.size(), "fold: one span per folded byte");
  for (std::size_t i = 0; i < f.text.size(); ++i) {
    require(static_cast<unsigned char>(f.text[i]) < 0x80, "fold: folded text is ASCII");
    require(f.begin16[i] <= f.end16[i] && f.end16[i] <= f.length16, "fold: span within the original");
  }
  for (const auto& e : f.entities) require(e.begin16 <= e.end16 && e.end16 <= f.length16, "fold: entity within the original");
  if (!f.text.empty()) require(f.text.front() == ' ' && f.text.back() == ' ', "fold: text is \" word ... \"");
  require(f.text.find("  ") == std::string::npos, "fold: single spaces");
  const auto span = f.original_span(0, f.text.size());
  require(span.first <= span.second && span.second <= f.length16, "fold: original_span within the original");

  // Folding into a buffer that held other text gives the same result.
  static vouch::folded_text reused;
  vouch::fold_into(bytes, reused);
  require(reused.text == f.text && reused.begin16 == f.begin16 && reused.end16 == f.end16 &&
              reused.length16 == f.length16 && reused.question_marks == f.question_marks,
          "fold_into equals fold");

  (void)vouch::folded_words(f.text);
  const std::string phrase = vouch::fold_phrase(bytes);
  require(phrase.find("  ") == std::string::npos, "fold_phrase: single spaces");
  require(vouch::utf16_length(bytes) <= 2 * size, "utf16_length at most 2 units a byte");
  return 0;
}
