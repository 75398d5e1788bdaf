#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vouch/category.hpp"
#include "vouch/invitation.hpp"
#include "vouch/outcome.hpp"

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

/// The line splitting of for_each_line, fed in chunks of any size: each line ("\n" ends one, a
/// "\r" before it is dropped) goes to `fn(line_number, line)` once complete; finish() delivers
/// a last line that has no "\n" after it. Holds one line at a time.
class line_splitter {
 public:
  using line_fn = std::function<void(std::size_t, std::string&)>;
  explicit line_splitter(line_fn fn) : fn_(std::move(fn)) {}
  void feed(const char* data, std::size_t size);
  void finish();

 private:
  void emit();
  line_fn fn_;
  std::string line_;
  std::size_t number_ = 0;
};

/// A labelled record of `vouch eval`, read from one line: the invitation and what is expected.
struct eval_record {
  invitation inv;
  vouch::category want_category;
  std::string want_verdict;  ///< empty when the record gives none (then any verdict counts as right)
  std::string id, note;      ///< the record's id ("?" when none) and its optional "note"
};
/// Reads one line of a labelled file, or says what is wrong with it and in which field
/// ("not valid JSON", "expect: expected an object...", "expect.category: missing or unknown", or
/// the invitation's own error). `line` may be emptied (a huge line is let go once parsed).
outcome<eval_record> read_eval_record(std::string& line);
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
