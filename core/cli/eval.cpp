// `vouch eval`: judgement against labeled records ({"expect": {"category", "verdict"}}):
// a confusion matrix, per-category precision/recall/F1, the safety counts and every miss.
#include <array>
#include <cstdio>
#include <iostream>

#include "cli.hpp"
#include "vouch/api.hpp"
#include "vouch/category.hpp"
#include "vouch/classify.hpp"

namespace vouch::cli {

using nlohmann::json;

int run_eval(const options& o) {
  std::string policy_text;
  if (!load_policy(o, policy_text, true)) return 2;
  if (o.inputs.size() != 1) { std::cerr << "vouch: eval needs LABELED.jsonl (or --corpus DIR)\n"; return usage(std::cerr, 2); }
  auto e = engine_for(policy_text);
  if (!e) { std::cerr << "vouch: " << e.message() << "\n"; return 2; }
  const engine& eng = *e.value();

  constexpr std::size_t n = category_count;
  std::array<std::array<int, n>, n> confusion{};
  int total = 0, category_ok = 0, verdict_ok = 0, bad_lines = 0, unsafe_decline = 0, unsafe_accept = 0;
  std::string misses;
  const bool read = for_each_line(o.inputs[0], [&](std::size_t line_no, std::string& line) {
    if (blank(line)) return;
    auto r = read_eval_record(line);
    if (!r) {
      std::cerr << "vouch: line " << line_no << ": " << r.message() << "\n";
      ++bad_lines;
      return;
    }
    const eval_record& rec = r.value();
    const auto want_cat = &rec.want_category;
    const json got = json::parse(result_to_text(eng.classify(rec.inv)));
    const auto got_cat = *category_from_name(got["category"].get<std::string>());
    const std::string got_verdict = got["verdict"], want_verdict = rec.want_verdict;
    ++total;
    ++confusion[static_cast<std::size_t>(*want_cat)][static_cast<std::size_t>(got_cat)];
    const bool cat_hit = got_cat == *want_cat, verdict_hit = want_verdict.empty() || got_verdict == want_verdict;
    category_ok += cat_hit;
    verdict_ok += verdict_hit;
    if ((*want_cat == category::known || *want_cat == category::personal) &&
        (got_verdict == "decline" || got_verdict == "ignore"))
      ++unsafe_decline;
    if ((*want_cat == category::scam || *want_cat == category::romance) && got_verdict == "accept") ++unsafe_accept;
    if (!cat_hit || !verdict_hit) {
      misses += "  " + rec.id + ": expected " + std::string(category_name(*want_cat)) + "/" +
                want_verdict + ", got " + got["category"].get<std::string>() + "/" + got_verdict;
      if (!rec.note.empty()) misses += "  (" + rec.note + ")";
      misses += "\n";
      int shown = 0;
      for (const auto& reason : got["reasons"]) {
        if (shown++ == 3) break;
        misses += "      " + reason.value("rule", "") + " " + reason["weight"].dump();
        if (reason.contains("evidence")) misses += " \"" + reason["evidence"].get<std::string>() + "\"";
        misses += "\n";
      }
    }
  });
  if (!read) return 2;

  std::printf("confusion matrix (rows: expected, columns: got)\n%-11s", "");
  for (auto c : all_categories) std::printf(" %6.6s", std::string(category_name(c)).c_str());
  std::printf("\n");
  for (auto r : all_categories) {
    std::printf("%-11s", std::string(category_name(r)).c_str());
    for (auto c : all_categories) std::printf(" %6d", confusion[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)]);
    std::printf("\n");
  }
  std::printf("\n%-11s %9s %9s %9s %7s\n", "category", "precision", "recall", "f1", "support");
  for (auto c : all_categories) {
    const auto k = static_cast<std::size_t>(c);
    int tp = confusion[k][k], predicted = 0, actual = 0;
    for (std::size_t j = 0; j < n; ++j) { predicted += confusion[j][k]; actual += confusion[k][j]; }
    if (actual == 0 && predicted == 0) continue;
    const double p = predicted ? double(tp) / predicted : 0, rc = actual ? double(tp) / actual : 0;
    const double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
    std::printf("%-11s %9.2f %9.2f %9.2f %7d\n", std::string(category_name(c)).c_str(), p, rc, f1, actual);
  }
  std::printf("\nrecords: %d\ncategory accuracy: %.1f%% (%d/%d)\nverdict accuracy: %.1f%% (%d/%d)\n", total,
              total ? 100.0 * category_ok / total : 0.0, category_ok, total,
              total ? 100.0 * verdict_ok / total : 0.0, verdict_ok, total);
  std::printf("known/personal declined or ignored: %d\nscam/romance accepted: %d\n", unsafe_decline, unsafe_accept);
  if (bad_lines) std::printf("unreadable lines: %d\n", bad_lines);
  if (!misses.empty()) std::printf("\nmisses:\n%s", misses.c_str());
  return bad_lines ? 1 : 0;
}

}  // namespace vouch::cli
