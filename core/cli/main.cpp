// The `vouch` command-line tool: a thin shell over the core's public API.
//
//   vouch classify --policy POLICY.json [INVITATIONS.jsonl | -]
//   vouch draft-note --policy POLICY.json [TARGETS.jsonl | -]
//   vouch eval --policy POLICY.json LABELED.jsonl
//   vouch eval --corpus DIR [--cv K] [--learn-first N]   test recipients, cross-validation, corrections
//   vouch train [--corpus DIR] [--out FILE] [--cv K]     fits the model (see cli/corpus.cpp)
//   vouch bench [--policy POLICY.json] [--min N] INVITATIONS.jsonl
//   vouch validate-policy POLICY.json
//   vouch audit --policy POLICY.json EXPORT.zip|DIR [--as-of YYYY-MM-DD] [--stale-days N] [--grace-days N] [--summary]
//
// Exit status: 0 all good; 1 some input lines were bad (classify and draft-note: each gave an
// error record; eval: each was reported on standard error with its line and field, the others
// were scored); 2 the policy, an input file or the command line is unusable (a message names the
// file or the option and its value; nothing was written to standard output, unless the input
// failed part-way through being read).
#include <iostream>
#include <string>

#include "cli.hpp"
#include "vouch/api.hpp"

namespace vouch::cli {

int usage(std::ostream& os, int status) {
  os << "usage:\n"
        "  vouch classify --policy POLICY.json [INVITATIONS.jsonl | -]\n"
        "  vouch draft-note --policy POLICY.json [TARGETS.jsonl | -]\n"
        "  vouch eval --policy POLICY.json LABELED.jsonl\n"
        "  vouch eval --corpus DIR [--cv K] [--learn-first N] [--fit] [--set NAME=VALUE]... [--verbose]\n"
        "  vouch train [--corpus DIR] [--out FILE] [--cv K] [--set NAME=VALUE]... [--verbose]\n"
        "  vouch bench [--policy POLICY.json] [--min N] INVITATIONS.jsonl\n"
        "  vouch validate-policy POLICY.json\n"
        "  vouch audit --policy POLICY.json EXPORT.zip|DIR [--as-of YYYY-MM-DD] [--stale-days N] [--grace-days N] [--summary]\n"
        "  vouch version\n";
  return status;
}

/// A policy's errors (one a line, each naming its field), each as "vouch: FILE: path: what".
void report_policy_errors(const std::string& file, const std::string& errors) {
  std::size_t b = 0;
  for (std::size_t e; (e = errors.find('\n', b)) != std::string::npos; b = e + 1)
    std::cerr << "vouch: " << file << ": " << errors.substr(b, e - b) << "\n";
  std::cerr << "vouch: " << file << ": " << errors.substr(b) << "\n";
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
  if (!v.ok) { report_policy_errors(o.policy, v.text); return false; }
  return true;
}

/// classify and draft-note: one JSON result a line, an error record for each bad line.
int run_lines(const options& o, json_result (*fn)(std::string_view, std::string_view)) {
  std::string policy_text;
  if (!load_policy(o, policy_text, true)) return 2;
  int status = 0;
  std::string out;
  const bool read = for_each_line(o.inputs.empty() ? "-" : o.inputs[0], [&](std::size_t n, std::string& line) {
    if (blank(line)) return;
    const auto r = fn(line, policy_text);
    if (r.ok) {
      out += r.text;
    } else {
      status = 1;
      std::cerr << "vouch: line " << n << ": " << r.text << "\n";
      out += error_record(n, r.text);
    }
    out += '\n';
    if (out.size() > (1 << 16)) { std::cout << out; out.clear(); }
  });
  std::cout << out << std::flush;
  return read ? status : 2;
}

}  // namespace vouch::cli

int main(int argc, char** argv) {
  using namespace vouch::cli;
  if (argc < 2) return usage(std::cerr, 2);
  const std::string cmd = argv[1];
  const options o = parse_options(cmd, argc, argv, 2);
  if (o.help || cmd == "--help" || cmd == "-h" || cmd == "help") return usage(std::cout, 0);
  if (!o.error.empty()) {
    std::cerr << "vouch: " << o.error << "\n";
    return usage(std::cerr, 2);
  }
  if (cmd == "classify") return run_lines(o, vouch::classify_json);
  if (cmd == "draft-note") return run_lines(o, vouch::draft_note_json);
  if (cmd == "eval") return o.corpus.empty() ? run_eval(o) : run_corpus_eval(o);
  if (cmd == "train") return run_train(o);
  if (cmd == "bench") return run_bench(o);
  if (cmd == "audit") return run_audit(o);
  if (cmd == "version") { std::cout << vouch::version_json() << "\n"; return 0; }
  if (cmd == "validate-policy") {
    if (o.inputs.empty()) { std::cerr << "vouch: validate-policy needs a POLICY.json\n"; return usage(std::cerr, 2); }
    std::string text;
    if (!read_input(o.inputs[0], text)) return 2;
    const auto r = vouch::validate_policy_json(text);
    if (!r.ok) { report_policy_errors(o.inputs[0], r.text); return 2; }
    std::cout << r.text << "\n";
    return 0;
  }
  std::cerr << "vouch: unknown command \"" << cmd << "\"\n";
  return usage(std::cerr, 2);
}
