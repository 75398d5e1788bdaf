// The `vouch` command-line tool: a thin shell over the core's public API.
//
//   vouch classify --policy POLICY.json [INVITATIONS.jsonl | -]
//   vouch draft-note --policy POLICY.json [TARGETS.jsonl | -]
//   vouch eval --policy POLICY.json LABELED.jsonl
//   vouch eval --corpus DIR [--cv K] [--learn-first N]   test recipients, cross-validation, corrections
//   vouch train [--corpus DIR] [--out FILE] [--cv K]     fits the model (see cli/corpus.cpp)
//   vouch bench [--policy POLICY.json] [--min N] INVITATIONS.jsonl
//   vouch validate-policy POLICY.json
//
// Exit status: 0 all good; 1 some input lines were bad (each gave an error record);
// 2 the policy or the command line is unusable (nothing was written to standard output).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "vouch/api.hpp"

namespace vouch::cli {

int usage(std::ostream& os, int status) {
  os << "usage:\n"
        "  vouch classify --policy POLICY.json [INVITATIONS.jsonl | -]\n"
        "  vouch draft-note --policy POLICY.json [TARGETS.jsonl | -]\n"
        "  vouch eval --policy POLICY.json LABELED.jsonl\n"
        "  vouch eval --corpus DIR [--cv K] [--learn-first N] [--fit] [--set NAME=VALUE] [--verbose]\n"
        "  vouch train [--corpus DIR] [--out FILE] [--cv K] [--verbose]\n"
        "  vouch bench [--policy POLICY.json] [--min N] INVITATIONS.jsonl\n"
        "  vouch validate-policy POLICY.json\n"
        "  vouch version\n";
  return status;
}

bool read_file(const std::string& path, std::string& out, std::string& err) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) { err = path + ": is a folder, not a file"; return false; }
  std::ifstream in(path, std::ios::binary);
  if (!in) { err = path + ": cannot open file"; return false; }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) { err = path + ": cannot be read"; return false; }
  out = ss.str();
  return true;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    std::string line = text.substr(i, j - i);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (j == text.size()) break;
    i = j + 1;
  }
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r") == std::string::npos; }

options parse_options(int argc, char** argv, int first) {
  options o;
  for (int i = first; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--policy" || a == "-p") && i + 1 < argc) o.policy = argv[++i];
    else if (a.rfind("--policy=", 0) == 0) o.policy = a.substr(9);
    else if (a == "--min" && i + 1 < argc) {
      // A whole number of invitations, 1 to 100 million; anything else stops the tool (exit 2).
      const std::string v = argv[++i];
      char* end = nullptr;
      const long long n = std::strtoll(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 1 || n > 100000000) o.unknown = "--min " + v + " (expected a whole number from 1 to 100000000)";
      else o.min_records = static_cast<std::size_t>(n);
    }
    else if (a == "--corpus" && i + 1 < argc) o.corpus = argv[++i];
    else if (a == "--out" && i + 1 < argc) o.out = argv[++i];
    else if (a == "--cv" && i + 1 < argc) o.cv = argv[++i];
    else if (a == "--learn-first" && i + 1 < argc) o.learn_first = argv[++i];
    else if (a == "--set" && i + 1 < argc) o.settings.push_back(argv[++i]);
    else if (a == "--verbose" || a == "-v") o.verbose = true;
    else if (a == "--fit") o.fit = true;
    else if (a == "--help" || a == "-h") o.help = true;
    else if (!a.empty() && a[0] == '-' && a != "-") o.unknown = a;
    else o.inputs.push_back(a);
  }
  return o;
}

/// Reads an input file ("-" is standard input); says why on stderr when it cannot.
bool read_input(const std::string& path, std::string& out) {
  std::string err;
  if (read_file(path, out, err)) return true;
  std::cerr << "vouch: " << err << "\n";
  return false;
}

/// Loads and validates the policy named by --policy ("{}" when none); exits 2 on failure.
bool load_policy(const options& o, std::string& policy_text, bool required) {
  if (o.policy.empty()) {
    if (required) { std::cerr << "vouch: --policy POLICY.json is required\n"; return false; }
    policy_text = "{}";
    return true;
  }
  std::string err;
  if (!read_file(o.policy, policy_text, err)) { std::cerr << "vouch: policy " << err << "\n"; return false; }
  const auto v = validate_policy_json(policy_text);
  if (!v.ok) { std::cerr << "vouch: " << o.policy << ": " << v.text << "\n"; return false; }
  return true;
}

/// classify and draft-note: one JSON result a line, an error record for each bad line.
int run_lines(const options& o, json_result (*fn)(std::string_view, std::string_view)) {
  std::string policy_text;
  if (!load_policy(o, policy_text, true)) return 2;
  if (o.inputs.size() > 1) return usage(std::cerr, 2);
  std::string text;
  if (!read_input(o.inputs.empty() ? "-" : o.inputs[0], text)) return 2;
  int status = 0;
  const auto lines = split_lines(text);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (blank(lines[i])) continue;
    const auto r = fn(lines[i], policy_text);
    if (r.ok) {
      out += r.text;
    } else {
      status = 1;
      std::cerr << "vouch: line " << (i + 1) << ": " << r.text << "\n";
      out += error_record(i + 1, r.text);
    }
    out += '\n';
    if (out.size() > (1 << 16)) { std::cout << out; out.clear(); }
  }
  std::cout << out << std::flush;
  return status;
}

}  // namespace vouch::cli

int main(int argc, char** argv) {
  using namespace vouch::cli;
  if (argc < 2) return usage(std::cerr, 2);
  const std::string cmd = argv[1];
  const options o = parse_options(argc, argv, 2);
  if (o.help || cmd == "--help" || cmd == "-h" || cmd == "help") return usage(std::cout, 0);
  if (!o.unknown.empty()) {
    std::cerr << "vouch: bad option " << o.unknown << "\n";
    return usage(std::cerr, 2);
  }
  if (cmd == "classify") return run_lines(o, vouch::classify_json);
  if (cmd == "draft-note") return run_lines(o, vouch::draft_note_json);
  if (cmd == "eval") return o.corpus.empty() ? run_eval(o) : run_corpus_eval(o);
  if (cmd == "train") return run_train(o);
  if (cmd == "bench") return run_bench(o);
  if (cmd == "version") { std::cout << vouch::version_json() << "\n"; return 0; }
  if (cmd == "validate-policy") {
    if (o.inputs.size() != 1) return usage(std::cerr, 2);
    std::string text;
    if (!read_input(o.inputs[0], text)) return 2;
    const auto r = vouch::validate_policy_json(text);
    if (!r.ok) { std::cerr << "vouch: " << o.inputs[0] << ": " << r.text << "\n"; return 2; }
    std::cout << r.text << "\n";
    return 0;
  }
  std::cerr << "vouch: unknown command \"" << cmd << "\"\n";
  return usage(std::cerr, 2);
}
