// `vouch train` and `vouch eval --corpus`: the labelled corpus, split by recipient.
//
// A corpus folder holds one folder per recipient (policy.json + invitations.jsonl) and
// split.json: {"test": [recipients never fitted on], "also_train": [other labelled folders, relative
// to the corpus]}. Every recipient not in "test" is a training recipient.
//
//   vouch train [--corpus DIR] [--out FILE] [--cv K]   fit on the training recipients
//   vouch eval --corpus DIR [--cv K] [--learn-first N] the built-in model on the test recipients
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <fstream>

#include "cli.hpp"
#include "vouch/train.hpp"

namespace vouch::cli {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct corpus {
  std::vector<labelled_inbox> train, test;
};

bool load_inbox(const fs::path& dir, const std::string& name, std::vector<labelled_inbox>& into) {
  std::string policy_text, lines, err;
  if (!read_file((dir / "policy.json").string(), policy_text, err) ||
      !read_file((dir / "invitations.jsonl").string(), lines, err)) {
    std::cerr << "vouch: " << err << "\n";
    return false;
  }
  std::vector<std::string> warnings;
  auto box = parse_inbox(name, policy_text, lines, warnings);
  for (const auto& w : warnings) std::cerr << "vouch: " << w << "\n";
  if (!box) { std::cerr << "vouch: " << box.message() << "\n"; return false; }
  into.push_back(std::move(box).value());
  return true;
}

bool load_corpus(const std::string& root, corpus& c) {
  const fs::path base(root);
  std::string split_text, err;
  if (!read_file((base / "split.json").string(), split_text, err)) { std::cerr << "vouch: " << err << "\n"; return false; }
  const json split = json::parse(split_text, nullptr, false);
  if (!split.is_object() || !split.value("test", json::array()).is_array()) {
    std::cerr << "vouch: " << (base / "split.json").string() << ": expected {\"test\": [...], \"also_train\": [...]}\n";
    return false;
  }
  std::vector<std::string> test;
  for (const auto& t : split.value("test", json::array()))
    if (t.is_string()) test.push_back(t.get<std::string>());
  std::error_code ec;
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(base, ec))
    if (entry.is_directory() && fs::exists(entry.path() / "invitations.jsonl")) dirs.push_back(entry.path());
  if (ec) { std::cerr << "vouch: " << root << ": " << ec.message() << "\n"; return false; }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& d : dirs) {
    const std::string name = d.filename().string();
    const bool is_test = std::find(test.begin(), test.end(), name) != test.end();
    if (!load_inbox(d, name, is_test ? c.test : c.train)) return false;
  }
  for (const auto& extra : split.value("also_train", json::array()))
    if (extra.is_string() && !load_inbox(base / extra.get<std::string>(), extra.get<std::string>(), c.train)) return false;
  for (const auto& t : test)
    if (std::none_of(c.test.begin(), c.test.end(), [&](const labelled_inbox& b) { return b.name == t; }))
      std::cerr << "vouch: split.json names test recipient " << t << ", which has no folder\n";
  return true;
}

std::size_t count_items(const std::vector<labelled_inbox>& v) {
  std::size_t n = 0;
  for (const auto& b : v) n += b.items.size();
  return n;
}

void print_row(const std::string& name, const judgement_stats& s) {
  std::printf("  %-30s %5d  category %5.1f%%  verdict %5.1f%%  known/personal lost %d of %d  scam/romance accepted %d of %d\n",
              name.c_str(), s.total, s.category_accuracy(), s.verdict_accuracy(), s.known_personal_lost, s.known_personal,
              s.scam_romance_accepted, s.scam_romance);
}

/// Leave-recipients-out: K folds of training recipients; each fold judged by a model fitted on the others.
judgement_stats cross_validate(const std::vector<labelled_inbox>& train, int folds, const train_options& opt, bool verbose,
                               std::size_t learn = 0) {
  judgement_stats all, before, after;
  std::printf("leave-recipients-out cross-validation, %d folds over %zu training recipients:\n", folds, train.size());
  for (int f = 0; f < folds; ++f) {
    std::vector<labelled_inbox> fit, held;
    for (std::size_t i = 0; i < train.size(); ++i) (static_cast<int>(i % folds) == f ? held : fit).push_back(train[i]);
    const auto model = train_model(fit, opt);
    for (const auto& b : held) {
      auto s = judge_inbox(b, model);
      if (!s) { std::cerr << "vouch: " << s.message() << "\n"; continue; }
      print_row(b.name + " (fold " + std::to_string(f + 1) + ")", s.value());
      if (verbose)
        for (const auto& m : s.value().misses) std::printf("      %s\n", m.c_str());
      all.add(s.value());
      if (learn) {
        auto s0 = judge_inbox(b, model, learn, 0), s1 = judge_inbox(b, model, learn, learn);
        if (s0 && s1) { before.add(s0.value()); after.add(s1.value()); }
      }
    }
  }
  print_row("cross-validation, all", all);
  if (learn)
    std::printf("  cross-validation, the first %zu of each as corrections: category %.1f%% -> %.1f%% on the rest (%d), "
                "known/personal lost %d -> %d\n", learn, before.category_accuracy(), after.category_accuracy(), before.total,
                before.known_personal_lost, after.known_personal_lost);
  return all;
}

/// --set NAME=VALUE for the fitting's settings.
bool apply_settings(const std::vector<std::string>& settings, train_options& opt) {
  for (const auto& s : settings) {
    const auto eq = s.find('=');
    const std::string key = s.substr(0, eq), value = eq == std::string::npos ? "" : s.substr(eq + 1);
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    const bool number = !value.empty() && *end == '\0' && std::isfinite(v) && v >= 0;
    double* slot = key == "alpha" ? &opt.alpha : key == "l1" ? &opt.l1 : key == "l2" ? &opt.l2
                 : key == "unsure" ? &opt.unsure : nullptr;
    if (key == "epochs" && number && v >= 1 && v <= 200) { opt.epochs = static_cast<int>(v); continue; }
    if (key == "rows" && number && v >= 1 && v <= 262144) { opt.max_rows = static_cast<std::size_t>(v); continue; }
    if (!slot || !number || (key == "alpha" && v == 0)) {
      std::cerr << "vouch: --set " << s << ": expected alpha, l1, l2, unsure (non-negative numbers), epochs (1-200) or rows (1-262144)\n";
      return false;
    }
    *slot = v;
  }
  return true;
}

}  // namespace

int run_train(const options& o) {
  train_options opt;
  if (!apply_settings(o.settings, opt)) return 2;  // before the corpus, which takes a while to read
  corpus c;
  if (!load_corpus(o.corpus.empty() ? "data/corpus" : o.corpus, c)) return 2;
  const long folds = o.cv;
  std::printf("training recipients: %zu (%zu invitations); test recipients: %zu (%zu invitations), not used\n",
              c.train.size(), count_items(c.train), c.test.size(), count_items(c.test));
  if (folds) cross_validate(c.train, static_cast<int>(folds), opt, o.verbose);
  const auto model = train_model(c.train, opt);
  const std::string out = o.out.empty() ? "core/model/model_data.cpp" : o.out;
  std::ofstream f(out, std::ios::binary);
  f << model_source(*model);
  if (!f) { std::cerr << "vouch: " << out << ": cannot write\n"; return 2; }
  std::printf("wrote %s: %zu weight rows\n", out.c_str(), model_row_count(*model));
  return 0;
}

int run_corpus_eval(const options& o) {
  corpus c;
  if (!load_corpus(o.corpus, c)) return 2;
  const long folds = o.cv, learn = o.learn_first;  // checked by parse_options
  train_options opt;
  if (!apply_settings(o.settings, opt)) return 2;
  // --fit: a model fitted now on the training recipients (with --set), instead of the built-in one.
  const std::shared_ptr<const detail::linear_model> fitted = o.fit ? train_model(c.train, opt) : nullptr;
  std::printf("test recipients (never fitted on), %s model:\n", o.fit ? "freshly fitted" : "built-in");
  judgement_stats all;
  for (const auto& b : c.test) {
    auto s = judge_inbox(b, fitted);
    if (!s) { std::cerr << "vouch: " << s.message() << "\n"; return 2; }
    print_row(b.name, s.value());
    if (o.verbose)
      for (const auto& m : s.value().misses) std::printf("      %s\n", m.c_str());
    all.add(s.value());
  }
  print_row("test, all", all);
  if (learn) {
    std::printf("\nlearning from the user: the first %ld invitations of each test recipient given as corrections,\n"
                "judged on the rest (same records with and without):\n", learn);
    judgement_stats before, after;
    for (const auto& b : c.test) {
      auto s0 = judge_inbox(b, fitted, static_cast<std::size_t>(learn), 0);
      auto s1 = judge_inbox(b, fitted, static_cast<std::size_t>(learn), static_cast<std::size_t>(learn));
      if (!s0 || !s1) continue;
      std::printf("  %-30s %5d  category %5.1f%% -> %5.1f%%  known/personal lost %d -> %d\n", b.name.c_str(),
                  s0.value().total, s0.value().category_accuracy(), s1.value().category_accuracy(),
                  s0.value().known_personal_lost, s1.value().known_personal_lost);
      before.add(s0.value());
      after.add(s1.value());
    }
    std::printf("  %-30s %5d  category %5.1f%% -> %5.1f%%  known/personal lost %d -> %d\n", "all", before.total,
                before.category_accuracy(), after.category_accuracy(), before.known_personal_lost, after.known_personal_lost);
    // The same notes again from other senders (a campaign, a template): what "similar" means most.
    judgement_stats again0, again1;
    for (const auto& b : c.test) {
      labelled_inbox twin = b;
      twin.items.resize(std::min<std::size_t>(b.items.size(), static_cast<std::size_t>(learn)));
      for (std::size_t i = 0; i < twin.items.size() && i < static_cast<std::size_t>(learn); ++i) {
        labelled_invitation copy = b.items[i];
        copy.inv.id += "-again";
        copy.inv.sender.name = "Sam Taylor";
        copy.inv.sender.profile_url = "https://www.linkedin.com/in/sam-taylor-" + std::to_string(i) + "/";
        twin.items.push_back(std::move(copy));
      }
      auto s0 = judge_inbox(twin, fitted, static_cast<std::size_t>(learn), 0);
      auto s1 = judge_inbox(twin, fitted, static_cast<std::size_t>(learn), static_cast<std::size_t>(learn));
      if (s0 && s1) { again0.add(s0.value()); again1.add(s1.value()); }
    }
    std::printf("  the corrected notes again, from another sender: category %.1f%% -> %.1f%% (%d)\n",
                again0.category_accuracy(), again1.category_accuracy(), again0.total);
  }
  if (folds) {
    std::printf("\n");
    cross_validate(c.train, static_cast<int>(folds), opt, o.verbose, static_cast<std::size_t>(learn));
  }
  return 0;
}

}  // namespace vouch::cli
