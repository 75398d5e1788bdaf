// Shared by the fuzz harnesses: a check that is a finding when it fails, and JSON string quoting.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace vouch::fuzz {

/// A broken property is a finding: say which and stop (libFuzzer saves the input).
inline void require(bool ok, const char* what, std::string_view detail = {}) {
  if (ok) return;
  std::fprintf(stderr, "fuzz property broken: %s %.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

/// The bytes as a JSON string literal (control characters escaped; other bytes as they are).
inline std::string json_string(std::string_view s) {
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

/// The policy the fixed-policy harnesses classify and draft under (tests/fixtures/policy.json).
inline constexpr const char* fixed_policy =
    R"({"me":{"name":"Dana Whitfield","first_name":"Dana","headline":"IT Director at Lakeside Community College",)"
    R"("companies":["Lakeside Community College","Northwind Health Systems","Contoso Ltd."],)"
    R"("schools":["University of Michigan"],"groups":["EDUCAUSE"],"work_email":"dana@lakeside.example.edu",)"
    R"("follow_url":"https://www.linkedin.com/in/dana-whitfield-it/"},"mode":"balanced"})";

}  // namespace vouch::fuzz
