// The tool's line splitting (cli::line_splitter, under for_each_line): the bytes fed in chunks
// whose sizes the input picks give the same lines, numbered the same, as splitting the whole
// input at once ("\n" ends a line, a "\r" before it is dropped, a last line needs no "\n").
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "fuzz_support.hpp"

using namespace vouch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned chunk_seed = data[0];
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::vector<std::string> want;
  for (std::size_t b = 0; b < bytes.size();) {
    const std::size_t nl = bytes.find('\n', b);
    std::string line = bytes.substr(b, (nl == std::string::npos ? bytes.size() : nl) - b);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    want.push_back(std::move(line));
    if (nl == std::string::npos) break;
    b = nl + 1;
  }

  std::vector<std::pair<std::size_t, std::string>> got;
  vouch::cli::line_splitter lines([&](std::size_t n, std::string& line) {
    got.emplace_back(n, line);
    (void)vouch::cli::blank(line);
  });
  std::size_t at = 0, k = 0;
  while (at < bytes.size()) {
    const std::size_t n = std::min<std::size_t>(bytes.size() - at, 1 + ((chunk_seed * 31u + k++ * 17u) % 64u));
    lines.feed(bytes.data() + at, n);
    at += n;
  }
  lines.finish();
  require(got.size() == want.size(), "a different number of lines when fed in chunks");
  for (std::size_t i = 0; i < got.size(); ++i) {
    require(got[i].first == i + 1, "lines numbered out of order");
    require(got[i].second == want[i], "a line differs when fed in chunks", got[i].second);
  }
  return 0;
}
