// The audit (vouch::auditor) fed a fuzzed export. The input is text: a first line of options
// ("as_of stale_days grace_days chunk zip_name", any of them may be garbage), then files, each
// starting with a line "@@ NAME" (Connections.csv, messages.csv, ... or any name), fed in chunks
// of the size given. finish() is an error or a report whose figures add up, and the report's
// JSON writers give JSON.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "vouch/audit.hpp"
#include "vouch/classify.hpp"

using namespace vouch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::size_t first_nl = std::min(in.find('\n'), in.size());
  std::istringstream header{std::string(in.substr(0, first_nl))};
  std::string as_of, stale, grace, chunk, zip;
  header >> as_of >> stale >> grace >> chunk >> zip;
  vouch::audit_options opt;
  if (as_of != "-") opt.as_of = as_of;
  opt.stale_days = std::atoi(stale.c_str()) % 40000;
  opt.grace_days = std::atoi(grace.c_str()) % 40000;
  opt.zip_name = zip;
  const std::size_t chunk_size = 1 + static_cast<std::size_t>(std::abs(std::atoi(chunk.c_str()) % 4096));

  // The policy's engine is compiled once (auditor::create(policy) would compile it per input).
  static const auto eng = [] {
    vouch::policy p;
    p.me.name = "Ann Me";
    p.me.first_name = "Ann";
    return vouch::engine::create(p);
  }();
  require(eng.ok(), "the engine does not compile");
  auto a = vouch::auditor::create(eng.value(), opt);
  if (!a) {  // a bad as_of, or negative days: said, and nothing else happens
    require(a.message().rfind("audit: ", 0) == 0, "an auditor error that does not say so", a.message());
    return 0;
  }
  vouch::auditor& aud = a.value();

  // Each file's bytes are gathered, then fed in chunks that split rows, quotes and characters.
  std::string current, body;
  bool open = false;
  std::size_t rows_fed = 0;
  auto flush = [&] {
    if (!open) return;
    for (std::size_t k = 0; k < body.size(); k += chunk_size)
      aud.feed(current, std::string_view(body).substr(k, chunk_size));
    aud.end_file(current);
    body.clear();
  };
  for (std::size_t at = first_nl + 1; at < in.size();) {
    const std::size_t nl = std::min(in.find('\n', at), in.size());
    const std::string_view line = in.substr(at, nl - at);
    if (line.rfind("@@ ", 0) == 0) {
      flush();
      current = std::string(line.substr(3));
      open = true;
    } else if (open) {
      body.append(in.substr(at, std::min(nl + 1, in.size()) - at));
      ++rows_fed;
    }
    at = nl + 1;
  }
  flush();

  const auto r = aud.finish();
  if (!r) {
    require(!r.message().empty(), "an audit error without a message");
    return 0;
  }
  const auto& rep = r.value();
  require(rep.as_of.size() == 10, "a report's as_of is not YYYY-MM-DD", rep.as_of);
  int counted = 0;
  for (const char* s : {"active", "faded", "never", "new"}) {
    const auto it = rep.status.find(s);
    require(it != rep.status.end() && it->second >= 0, "a status count missing", s);
    counted += it->second;
  }
  require(counted == static_cast<int>(rep.connections.size()), "the status counts do not add up to the connections");
  require(rep.connections.size() <= rows_fed + 1, "more connections than rows");
  for (const auto& c : rep.connections)
    require(c.status == "active" || c.status == "faded" || c.status == "never" || c.status == "new", "an unknown status", c.status);
  const auto summary = nlohmann::json::parse(vouch::audit_summary_json(rep), nullptr, false);
  require(summary.is_object(), "the summary is not a JSON object");
  const std::string lines = vouch::audit_report_lines_json(rep);
  std::size_t b = 0;
  while (b < lines.size()) {
    const std::size_t e = std::min(lines.find('\n', b), lines.size());
    require(!nlohmann::json::parse(lines.substr(b, e - b), nullptr, false).is_discarded(), "a connection line that is not JSON");
    b = e + 1;
  }
  return 0;
}
