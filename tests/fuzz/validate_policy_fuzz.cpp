// validate_policy_json on any bytes: an error naming a path, or a policy with every default
// filled in that validates again to itself (a fixed point) and that classify_json accepts.
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "vouch/api.hpp"

using namespace vouch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto r = vouch::validate_policy_json(bytes);
  if (!r.ok) {
    // One error a line, each naming its path ("policy..." or "policy: not valid JSON").
    std::size_t b = 0;
    do {
      require(r.text.compare(b, 6, "policy") == 0, "a policy error that does not name its path", r.text);
      b = r.text.find('\n', b);
    } while (b != std::string::npos && ++b);
    return 0;
  }
  const auto again = vouch::validate_policy_json(r.text);
  require(again.ok && again.text == r.text, "a validated policy does not validate to itself", again.text);
  const auto c = vouch::classify_json(R"({"id":"p","sender":{"name":"Ann Lee"},"message":"Hi Dana, we met at EDUCAUSE."})", bytes);
  require(c.ok, "a valid policy that does not classify", c.text);
  return 0;
}
