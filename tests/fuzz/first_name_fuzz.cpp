// first_name_of on any display name: no crash, and the name it gives is short, has no markup
// characters and no control characters (it goes into replies and notes).
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "vouch/names.hpp"
#include "vouch/text.hpp"

using vouch::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string first = vouch::first_name_of(bytes);
  // A first word is at most 40 characters; "M. Tanaka" (initials, then the family name) a few more.
  require(vouch::utf16_length(first) <= 80, "a first name over 80 characters", first);
  require(first.find_first_of("<>{}\\") == std::string::npos, "markup characters in a first name", first);
  for (const unsigned char c : first) require(c >= 0x20 && c != 0x7f, "a control character in a first name", first);
  return 0;
}
