#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vouch::cli {

struct options {
  std::string policy;
  std::vector<std::string> inputs;
  std::size_t min_records = 100000;
  bool help = false;
  bool verbose = false;
  bool fit = false;                   // eval --corpus --fit: a model fitted now judges the test recipients
  std::string corpus, out;            // train and eval --corpus
  int cv = 0, learn_first = 0;        // --cv K (2-20) and --learn-first N (1-1000); 0 when not given
  std::vector<std::string> settings;  // train, eval --corpus: --set NAME=VALUE (alpha, l1, l2, epochs, unsure, rows)
  std::string as_of;                  // audit --as-of YYYY-MM-DD
  int stale_days = 365, grace_days = 90;  // audit --stale-days N, --grace-days N
  bool summary = false;               // audit --summary
  std::string error;                  // the first bad option or value, naming both; empty when all is well
};

/// The options of `cmd` from argv[first...]: each command takes only its own options, and every
/// value is checked (a whole number in range, a non-empty name); `error` says what was wrong.
options parse_options(const std::string& cmd, int argc, char** argv, int first);

int usage(std::ostream& os, int status);
/// Reads a whole file ("-" is standard input); a folder, a missing file or a read error sets `err`
/// to a message naming the path.
bool read_file(const std::string& path, std::string& out, std::string& err);
/// read_file, saying why on standard error when it cannot.
bool read_input(const std::string& path, std::string& out);
/// Calls `fn(line_number, line)` for each line of `path` ("-" is standard input; "\r\n" or "\n"),
/// holding one line at a time; false (with a message on standard error naming the path) when the
/// input cannot be opened or read.
bool for_each_line(const std::string& path, const std::function<void(std::size_t, std::string&)>& fn);
bool blank(const std::string& s);
bool load_policy(const options& o, std::string& policy_text, bool required);
void report_policy_errors(const std::string& file, const std::string& errors);

inline std::string error_record(std::size_t line, const std::string& message) {
  return nlohmann::json{{"line", line}, {"error", message}}.dump();
}

int run_eval(const options& o);
int run_bench(const options& o);
int run_train(const options& o);
int run_corpus_eval(const options& o);
int run_audit(const options& o);

}  // namespace vouch::cli
