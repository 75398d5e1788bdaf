// The audit's streaming CSV reader (detail::csv_reader): any bytes, fed whole and fed in chunks
// whose sizes the input picks (splitting rows, quotes, CRLF and the byte-order mark), give the
// same rows on the same lines and the same ending; a row never holds more text than the input.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit_detail.hpp"
#include "fuzz_support.hpp"

using namespace vouch::fuzz;

namespace {

struct parsed {
  std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;
  bool closed = false;
  std::size_t open_line = 0;
};

parsed read(std::string_view bytes, unsigned chunk_seed) {
  parsed out;
  std::size_t text = 0;
  vouch::detail::csv_reader reader([&](std::vector<std::string>& fields, std::size_t line) {
    for (const auto& f : fields) text += f.size();
    out.rows.emplace_back(line, fields);
  });
  if (chunk_seed == 0) {
    reader.feed(bytes);
  } else {
    std::size_t at = 0, k = 0;
    while (at < bytes.size()) {
      const std::size_t n = std::min<std::size_t>(bytes.size() - at, 1 + ((chunk_seed * 7u + k++ * 13u) % chunk_seed));
      reader.feed(bytes.substr(at, n));
      at += n;
    }
  }
  out.closed = reader.end();
  out.open_line = reader.open_line();
  require(text <= bytes.size(), "rows hold more text than the input");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned chunk_seed = 1 + data[0] % 32;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const parsed whole = read(bytes, 0), chunked = read(bytes, chunk_seed), bytewise = read(bytes, 1);
  std::size_t newlines = 0;
  for (char c : bytes) newlines += c == '\n';
  for (const parsed* p : {&chunked, &bytewise}) {
    require(p->rows.size() == whole.rows.size(), "a different number of rows when fed in chunks");
    require(p->closed == whole.closed && (whole.closed || p->open_line == whole.open_line), "a different ending when fed in chunks");
    for (std::size_t i = 0; i < whole.rows.size(); ++i) {
      require(p->rows[i].first == whole.rows[i].first, "a row on another line when fed in chunks");
      require(p->rows[i].second == whole.rows[i].second, "a row differs when fed in chunks");
    }
  }
  for (std::size_t i = 0; i < whole.rows.size(); ++i) {
    require(whole.rows[i].first >= 1 && whole.rows[i].first <= newlines + 1, "a row's line out of range");
    if (i) require(whole.rows[i].first > whole.rows[i - 1].first, "rows out of line order");
  }
  return 0;
}
