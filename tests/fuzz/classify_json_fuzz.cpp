// classify_json under a fixed policy: the bytes as a whole invitation's JSON text, and as the
// sender's name, headline and note of a well-formed one. Bad input is an error, never a crash;
// a result is always a well-formed Result (check_result).
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "result_check.hpp"
#include "vouch/api.hpp"
#include "vouch/text.hpp"

using namespace vouch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  // The fixed policy's fields have no braces and the replies' templates are at most 365
  // characters: with the signature and a first name, well under 600.
  constexpr std::size_t max_reply = 600;

  const auto whole = vouch::classify_json(bytes, fixed_policy);
  if (whole.ok) {
    const auto inv = nlohmann::json::parse(bytes, nullptr, false);
    const auto m = inv.find("message");
    check_result(whole.text, m != inv.end() && m->is_string() ? vouch::utf16_length(m->get<std::string>()) : 0, max_reply);
  } else {
    require(!whole.text.empty(), "an error without a message");
  }

  // The bytes as JSON strings: text a stranger wrote. (The note is read as UTF-8; invalid bytes
  // make the JSON invalid, which is an error too.)
  const std::string q = json_string(bytes);
  const std::string inv = R"({"id":"f","sender":{"name":)" + q + R"(,"headline":)" + q +
                          R"(,"mutual_connections":3},"message":)" + q + "}";
  const auto r = vouch::classify_json(inv, fixed_policy);
  if (r.ok) {
    check_result(r.text, vouch::utf16_length(bytes), max_reply);
    const auto j = nlohmann::json::parse(r.text);
    const std::string reply = j["reply"].is_string() ? j["reply"].get<std::string>() : "";
    require(reply.find('{') == std::string::npos, "an unfilled placeholder in a reply", reply);
  }
  return 0;
}
