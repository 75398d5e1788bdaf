// `vouch bench`: classification throughput on one core, over a corpus repeated to at least
// --min invitations (default 100,000). Prints figures; asserts nothing.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli.hpp"
#include "vouch/api.hpp"
#include "vouch/classify.hpp"

namespace vouch::cli {

using nlohmann::json;
using clock_type = std::chrono::steady_clock;

int run_bench(const options& o) {
  std::string policy_text;
  if (!load_policy(o, policy_text, false)) return 2;
  if (o.inputs.size() != 1) { std::cerr << "vouch: bench needs INVITATIONS.jsonl\n"; return usage(std::cerr, 2); }

  std::vector<std::string> lines;
  std::vector<invitation> invitations;
  const bool read = for_each_line(o.inputs[0], [&](std::size_t, std::string& line) {
    const json j = json::parse(line, nullptr, false);
    if (j.is_discarded()) return;
    auto inv = parse_invitation(j);
    if (!inv) return;
    invitations.push_back(std::move(inv).value());
    lines.push_back(std::move(line));
  });
  if (!read) return 2;
  if (invitations.empty()) { std::cerr << "vouch: no valid invitations in " << o.inputs[0] << "\n"; return 2; }
  const std::size_t rounds = (o.min_records + invitations.size() - 1) / invitations.size();
  const std::size_t count = rounds * invitations.size();
  double bytes = 0;
  for (const auto& l : lines) bytes += static_cast<double>(l.size());
  bytes *= static_cast<double>(rounds);

  auto e = engine_for(policy_text);
  if (!e) { std::cerr << "vouch: " << e.message() << "\n"; return 2; }
  const engine& eng = *e.value();

  // Warm up, then time classification of parsed invitations (results built, not serialised).
  std::size_t sink = 0;
  for (const auto& inv : invitations) sink += eng.classify(inv).reasons.size();
  auto t0 = clock_type::now();
  for (std::size_t r = 0; r < rounds; ++r)
    for (const auto& inv : invitations) sink += eng.classify(inv).reasons.size();
  const double classify_s = std::chrono::duration<double>(clock_type::now() - t0).count();

  // The JSON-text API, as the wasm module is called: parse, classify, serialise.
  t0 = clock_type::now();
  for (std::size_t r = 0; r < rounds; ++r)
    for (const auto& l : lines) sink += classify_json(l, policy_text).text.size();
  const double api_s = std::chrono::duration<double>(clock_type::now() - t0).count();

  std::printf("corpus: %zu invitations from %s, repeated %zu times: %zu invitations, %.1f MB of JSON\n",
              invitations.size(), o.inputs[0].c_str(), rounds, count, bytes / 1e6);
  std::printf("classify: %.0f invitations/s, %.1f MB/s (one core, parsed invitations, %.3f s)\n",
              count / classify_s, bytes / 1e6 / classify_s, classify_s);
  std::printf("json_api: %.0f invitations/s, %.1f MB/s (JSON text in and out, %.3f s)\n",
              count / api_s, bytes / 1e6 / api_s, api_s);
  if (sink == 42) std::printf(" ");  // keeps the work observable
  return 0;
}

}  // namespace vouch::cli
