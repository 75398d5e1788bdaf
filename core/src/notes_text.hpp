// Letters and case in UTF-8, for people's names and the sentences of drafted notes.
//
// Only what names need: decode/encode UTF-8, tell letters from symbols and emoji, and map case
// for Latin (with Latin-1 and Extended-A), Greek and Cyrillic. Other scripts have no case and
// pass through unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vouch::detail::letters {

/// The code points of UTF-8 text; invalid bytes are read as U+FFFD.
std::vector<char32_t> decode(std::string_view utf8);
/// Appends one code point as UTF-8.
void append(std::string& out, char32_t cp);
std::string encode(const std::vector<char32_t>& cps);

/// True for letters of any script (not digits, punctuation, symbols, emoji or joiners).
bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
char32_t to_upper(char32_t cp);
char32_t to_lower(char32_t cp);
/// Mathematical "fancy" letters (𝐉𝐨𝐡𝐧, 𝘑𝘰𝘩𝘯) and full-width forms mapped to plain ASCII.
char32_t plain(char32_t cp);

/// The text with its first letter upper-cased.
std::string capitalize_first(std::string_view utf8);

}  // namespace vouch::detail::letters
