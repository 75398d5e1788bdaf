#pragma once

#include <cstddef>
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
  bool fit = false;  // eval --corpus: judge the test recipients with a model fitted now (--set applies)
  std::string corpus, out, cv, learn_first;  // train and eval --corpus
  std::vector<std::string> settings;         // train: --set NAME=VALUE (alpha, l1, l2, epochs, unsure)
  std::string unknown;
};

int usage(std::ostream& os, int status);
bool read_file(const std::string& path, std::string& out, std::string& err);
bool read_input(const std::string& path, std::string& out);
std::vector<std::string> split_lines(const std::string& text);
bool blank(const std::string& s);
bool load_policy(const options& o, std::string& policy_text, bool required);

inline std::string error_record(std::size_t line, const std::string& message) {
  return nlohmann::json{{"line", line}, {"error", message}}.dump();
}

int run_eval(const options& o);
int run_bench(const options& o);
int run_train(const options& o);
int run_corpus_eval(const options& o);

}  // namespace vouch::cli
