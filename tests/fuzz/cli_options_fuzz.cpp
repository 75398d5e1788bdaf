// The tool's option parsing (cli::parse_options): the bytes as a command line, split at NUL
// bytes, after a command the first byte picks. It never crashes, and a command line it accepts
// holds only values in range and no more inputs than the command takes.
#include <cstdint>
#include <string>
#include <vector>

#include "cli.hpp"
#include "fuzz_support.hpp"

using namespace vouch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const commands[] = {"classify", "draft-note", "eval", "train", "bench",
                                         "validate-policy", "version", "audit", "bogus"};
  if (size == 0) return 0;
  std::vector<std::string> args{"vouch", commands[data[0] % std::size(commands)]};
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  for (std::size_t b = 0; b <= rest.size();) {
    const std::size_t e = std::min(rest.find('\0', b), rest.size());
    args.push_back(rest.substr(b, e - b));
    b = e + 1;
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int argc = static_cast<int>(args.size());
  const auto o = vouch::cli::parse_options(args[1], argc, argv.data(), 2);
  const auto again = vouch::cli::parse_options(args[1], argc, argv.data(), 2);
  require(o.error == again.error && o.inputs == again.inputs, "parse_options is not deterministic");
  if (!o.error.empty() || o.help || args[1] == "bogus") return 0;
  require(o.min_records >= 1 && o.min_records <= 100000000, "--min out of range");
  require(o.cv == 0 || (o.cv >= 2 && o.cv <= 20), "--cv out of range");
  require(o.learn_first >= 0 && o.learn_first <= 1000, "--learn-first out of range");
  require(o.stale_days >= 0 && o.stale_days <= 36500 && o.grace_days >= 0 && o.grace_days <= 36500, "--stale-days or --grace-days out of range");
  require(o.as_of.empty() || o.as_of.size() == 10, "--as-of not YYYY-MM-DD", o.as_of);
  const std::size_t max_inputs = args[1] == "train" || args[1] == "version" ? 0 : 1;
  require(o.inputs.size() <= max_inputs, "more inputs than the command takes");
  for (const auto& s : o.settings) require(!s.empty(), "an empty --set");
  return 0;
}
