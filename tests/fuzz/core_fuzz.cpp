// libFuzzer harness for the core: bad input must give an error, never a crash. Raw bytes go
// through folding, first names, classify_json (as the note of an invitation and as the whole
// invitation) and validate_policy_json. Run it with tests/fuzz/run (clang, ASan and UBSan).
#include <cstdint>
#include <cstdio>
#include <string>

#include "vouch/api.hpp"
#include "vouch/names.hpp"
#include "vouch/text.hpp"

namespace {

const char* const policy =
    R"({"me":{"name":"Dana Whitfield","companies":["Lakeside Community College","Contoso Ltd."],)"
    R"("schools":["University of Michigan"],"groups":["EDUCAUSE"],"work_email":"d@x.edu"},"mode":"balanced"})";

// The bytes as the contents of a JSON string literal.
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)vouch::fold(bytes);
  (void)vouch::first_name_of(bytes);
  const std::string invitation =
      R"({"id":"f","sender":{"name":)" + json_string(bytes) + R"(,"headline":"h"},"message":)" + json_string(bytes) + "}";
  (void)vouch::classify_json(invitation, policy);
  (void)vouch::classify_json(bytes, policy);
  (void)vouch::validate_policy_json(bytes);
  return 0;
}
