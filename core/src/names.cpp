// First version; the note-drafting work refines it (see tests/core/names_test.cpp).
#include "vouch/names.hpp"

#include <cctype>
#include <string>
#include <vector>

namespace vouch {

std::string first_name_of(std::string_view display_name) {
  std::string s(display_name);
  // Cut at separators that start a tagline: "|", " - ", ",", "(".
  for (const char* sep : {"|", " - ", " – ", ",", "(", "/"}) {
    auto pos = s.find(sep);
    if (pos != std::string::npos && pos > 0) s.resize(pos);
  }
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t') { if (!cur.empty()) words.push_back(cur), cur.clear(); }
    else cur += c;
  }
  if (!cur.empty()) words.push_back(cur);
  static const char* titles[] = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "sir", "dame"};
  for (const auto& w : words) {
    std::string lower;
    for (char c : w) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool title = false;
    for (const char* t : titles) title = title || lower == t;
    if (title) continue;
    // Skip initials ("J." or "J") and words with no letter (emoji, symbols).
    bool has_alpha = false;
    for (unsigned char c : w) has_alpha = has_alpha || std::isalpha(c) || c >= 0x80;
    if (!has_alpha || (w.size() <= 2 && (w.size() == 1 || w[1] == '.'))) continue;
    if (static_cast<unsigned char>(w[0]) >= 0xF0) continue;  // an emoji-led word
    return w;
  }
  return "";
}

}  // namespace vouch
