// `vouch eval`'s record reading (cli::read_eval_record) on any line: an error naming the field,
// or a record whose invitation classifies under the fixed policy into a well-formed Result.
#include <cstdint>
#include <string>

#include "cli.hpp"
#include "fuzz_support.hpp"
#include "result_check.hpp"
#include "vouch/api.hpp"
#include "vouch/classify.hpp"
#include "vouch/text.hpp"

using namespace vouch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  const auto r = vouch::cli::read_eval_record(line);
  if (!r) {
    require(!r.message().empty(), "an eval error without a message");
    return 0;
  }
  static const auto eng = vouch::engine_for(fixed_policy);
  require(eng.ok(), "the fixed policy does not compile");
  const auto& rec = r.value();
  require(static_cast<std::size_t>(rec.want_category) < vouch::category_count, "an expected category out of range");
  const std::string text = vouch::result_to_text(eng.value()->classify(rec.inv));
  check_result(text, vouch::utf16_length(rec.inv.message), 600);
  return 0;
}
