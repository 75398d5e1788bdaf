// The tool's edges: its command line (which options each command takes, and their values) and
// its input files (read a line at a time, so a 10 MB line costs about 10 MB, not the whole file
// several times over; a folder, a missing file or a read error is an error that names the path).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "cli.hpp"

namespace vouch::cli {

namespace {

struct file_closer {
  void operator()(std::FILE* f) const {
    if (f && f != stdin) std::fclose(f);
  }
};
using file_ptr = std::unique_ptr<std::FILE, file_closer>;

/// Opens `path` for reading ("-" is standard input), or says why not in `err`.
file_ptr open_input(const std::string& path, std::string& err) {
  if (path == "-") return file_ptr(stdin);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    err = path + ": is a folder, not a file";
    return nullptr;
  }
  file_ptr f(std::fopen(path.c_str(), "rb"));
  if (!f) err = path + ": cannot open file (" + std::strerror(errno) + ")";
  return f;
}

std::string read_error(const std::string& path) {
  return (path == "-" ? std::string("standard input") : path) + ": cannot be read (" + std::strerror(errno) + ")";
}

}  // namespace

bool read_file(const std::string& path, std::string& out, std::string& err) {
  file_ptr f = open_input(path, err);
  if (!f) return false;
  out.clear();
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) out.append(buf, n);
  if (std::ferror(f.get())) {
    err = read_error(path);
    return false;
  }
  return true;
}

bool read_input(const std::string& path, std::string& out) {
  std::string err;
  if (read_file(path, out, err)) return true;
  std::cerr << "vouch: " << err << "\n";
  return false;
}

bool for_each_line(const std::string& path, const std::function<void(std::size_t, std::string&)>& fn) {
  std::string err;
  file_ptr f = open_input(path, err);
  if (!f) {
    std::cerr << "vouch: " << err << "\n";
    return false;
  }
  line_splitter lines(fn);
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) lines.feed(buf, n);
  if (std::ferror(f.get())) {
    std::cerr << "vouch: " << read_error(path) << "\n";
    return false;
  }
  lines.finish();
  return true;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r") == std::string::npos; }

void line_splitter::emit() {
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  fn_(++number_, line_);
  line_.clear();
}

void line_splitter::feed(const char* data, std::size_t size) {
  const char* p = data;
  const char* end = data + size;
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!nl) {
      line_.append(p, end);
      break;
    }
    line_.append(p, nl);
    emit();
    p = nl + 1;
  }
}

void line_splitter::finish() {
  if (!line_.empty()) emit();
}

namespace {

/// The options each command takes (besides --help); a value option is followed by its value.
struct command_spec {
  const char* name;
  std::set<std::string> options;
  std::size_t max_inputs;
};

const command_spec* spec_of(const std::string& cmd) {
  static const command_spec specs[] = {
      {"classify", {"--policy"}, 1},
      {"draft-note", {"--policy"}, 1},
      {"eval", {"--policy", "--corpus", "--cv", "--learn-first", "--fit", "--set", "--verbose"}, 1},
      {"train", {"--corpus", "--out", "--cv", "--set", "--verbose"}, 0},
      {"bench", {"--policy", "--min"}, 1},
      {"validate-policy", {}, 1},
      {"version", {}, 0},
      {"audit", {"--policy", "--as-of", "--stale-days", "--grace-days", "--summary"}, 1},
  };
  for (const auto& s : specs)
    if (cmd == s.name) return &s;
  return nullptr;
}

bool takes_value(const std::string& opt) {
  return opt != "--verbose" && opt != "--fit" && opt != "--help" && opt != "--summary";
}

/// A whole number from lo to hi, or an error naming the option and the value.
bool whole_number(const std::string& opt, const std::string& v, long long lo, long long hi, long long& out,
                  std::string& error) {
  char* end = nullptr;
  errno = 0;
  const long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || errno == ERANGE || n < lo || n > hi) {
    error = opt + " \"" + v + "\": expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    return false;
  }
  out = n;
  return true;
}

/// YYYY-MM-DD naming a real day.
bool valid_date(const std::string& v) {
  int y, m, d;
  char tail;
  if (v.size() != 10 || v[4] != '-' || v[7] != '-' || std::sscanf(v.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (v[i] < '0' || v[i] > '9') return false;
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m >= 1 && m <= 12 && d >= 1 && d <= len[m - 1] + (m == 2 && leap);
}

}  // namespace

options parse_options(const std::string& cmd, int argc, char** argv, int first) {
  options o;
  const command_spec* spec = spec_of(cmd);
  std::set<std::string> seen;
  auto fail = [&](std::string message) {
    if (o.error.empty()) o.error = std::move(message);
  };
  for (int i = first; i < argc && o.error.empty(); ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { o.help = true; continue; }
    if (a == "-" || a.empty() || a[0] != '-') { o.inputs.push_back(a); continue; }
    // The long form of the short ones, and --name=value.
    if (a == "-p") a = "--policy";
    if (a == "-v") a = "--verbose";
    std::string value;
    bool has_value = false;
    if (const auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
      value = a.substr(eq + 1);
      a.resize(eq);
      has_value = true;
    }
    if (!spec) continue;  // an unknown command: main says so
    if (!spec->options.count(a)) {
      fail(a + ": not an option of vouch " + cmd);
      break;
    }
    if (a != "--set" && !seen.insert(a).second) { fail(a + ": given twice"); break; }
    if (!takes_value(a)) {
      if (has_value) fail(a + " takes no value, got \"" + value + "\"");
      (a == "--fit" ? o.fit : a == "--summary" ? o.summary : o.verbose) = true;
      continue;
    }
    if (!has_value) {
      if (i + 1 >= argc) { fail(a + ": needs a value"); break; }
      value = argv[++i];
    }
    if (value.empty()) { fail(a + ": needs a value, got \"\""); break; }
    long long n = 0;
    if (a == "--policy") o.policy = value;
    else if (a == "--corpus") o.corpus = value;
    else if (a == "--out") o.out = value;
    else if (a == "--set") o.settings.push_back(value);
    else if (a == "--min") { if (whole_number(a, value, 1, 100000000, n, o.error)) o.min_records = static_cast<std::size_t>(n); }
    else if (a == "--as-of") {
      if (!valid_date(value)) o.error = a + " \"" + value + "\": expected a date YYYY-MM-DD";
      else o.as_of = value;
    }
    else if (a == "--stale-days") { if (whole_number(a, value, 0, 36500, n, o.error)) o.stale_days = static_cast<int>(n); }
    else if (a == "--grace-days") { if (whole_number(a, value, 0, 36500, n, o.error)) o.grace_days = static_cast<int>(n); }
    else if (a == "--cv") { if (whole_number(a, value, 2, 20, n, o.error)) o.cv = static_cast<int>(n); }
    else if (a == "--learn-first") { if (whole_number(a, value, 1, 1000, n, o.error)) o.learn_first = static_cast<int>(n); }
  }
  if (!spec || !o.error.empty() || o.help) return o;
  if (o.inputs.size() > spec->max_inputs)
    fail("vouch " + cmd + " takes " + (spec->max_inputs ? "one input file" : "no input file") + ", got \"" +
         o.inputs[spec->max_inputs] + "\"");
  if (cmd == "eval" && o.corpus.empty())
    for (const char* corpus_only : {"--cv", "--learn-first", "--fit", "--set", "--verbose"})
      if (seen.count(corpus_only)) fail(std::string(corpus_only) + ": only with vouch eval --corpus DIR");
  if (cmd == "eval" && !o.corpus.empty() && (!o.policy.empty() || !o.inputs.empty()))
    fail("--corpus: vouch eval takes either --corpus DIR or --policy POLICY.json LABELED.jsonl, not both");
  return o;
}

}  // namespace vouch::cli
