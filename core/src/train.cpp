// Fitting and measuring (vouch/train.hpp).
#include "vouch/train.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "model.hpp"
#include "vouch/classify.hpp"

namespace vouch {

using nlohmann::json;

outcome<labelled_inbox> parse_inbox(const std::string& name, std::string_view policy_json, std::string_view jsonl,
                                    std::vector<std::string>& warnings) {
  labelled_inbox box;
  box.name = name;
  const json pj = json::parse(policy_json, nullptr, false);
  if (pj.is_discarded()) return error{name + "/policy.json: not valid JSON"};
  auto pol = parse_policy(pj);
  if (!pol) return error{name + "/policy.json: " + pol.message()};
  box.pol = std::move(pol).value();
  std::size_t line_no = 0, at = 0;
  while (at < jsonl.size()) {
    std::size_t end = jsonl.find('\n', at);
    if (end == std::string_view::npos) end = jsonl.size();
    const std::string_view line = jsonl.substr(at, end - at);
    at = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = name + " line " + std::to_string(line_no) + ": ";
    const json rec = json::parse(line, nullptr, false);
    if (rec.is_discarded()) { warnings.push_back(where + "not valid JSON"); continue; }
    auto inv = parse_invitation(rec);
    if (!inv) { warnings.push_back(where + inv.message()); continue; }
    const auto e = rec.find("expect");
    if (e == rec.end() || !e->is_object()) { warnings.push_back(where + "expect: expected an object"); continue; }
    const auto c = e->find("category");
    const auto cat = c != e->end() && c->is_string() ? category_from_name(c->get<std::string>()) : std::nullopt;
    if (!cat) { warnings.push_back(where + "expect.category: missing or unknown"); continue; }
    labelled_invitation li{std::move(inv).value(), *cat, "", ""};
    if (auto v = e->find("verdict"); v != e->end() && v->is_string()) li.verdict = v->get<std::string>();
    if (auto n = rec.find("note"); n != rec.end() && n->is_string()) li.note = n->get<std::string>();
    box.items.push_back(std::move(li));
  }
  return box;
}

namespace {

struct example {
  std::vector<std::pair<std::uint32_t, float>> x;
  std::size_t y;
};

/// A small seeded generator (xorshift64*): the same order on every machine.
struct rng {
  std::uint64_t s;
  std::uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 2685821657736338717ull;
  }
};

}  // namespace

std::shared_ptr<const detail::linear_model> train_model(const std::vector<labelled_inbox>& inboxes,
                                                        const train_options& opt) {
  constexpr std::size_t K = category_count;
  // Features of every invitation, each read under its recipient's policy (no corrections).
  auto no_model = std::make_shared<const detail::linear_model>();
  std::vector<example> data;
  for (const auto& box : inboxes) {
    policy p = box.pol;
    p.corrections.clear();
    auto e = engine::create(p, no_model);
    if (!e) continue;
    for (const auto& li : box.items) {
      example ex;
      for (const auto& f : e.value().features_of(li.inv)) ex.x.push_back({f.bucket, f.value});
      ex.y = static_cast<std::size_t>(li.cat);
      data.push_back(std::move(ex));
    }
  }

  // FTRL-Proximal, per coordinate (McMahan et al. 2013), for a softmax over the categories.
  const std::size_t n_weights = static_cast<std::size_t>(detail::model_buckets) * K;
  std::vector<float> z(n_weights, 0.0f), n(n_weights, 0.0f);
  std::array<double, K> bias{}, bias_n{};
  auto weight = [&](std::size_t i) -> double {
    const double zi = z[i];
    if (std::fabs(zi) <= opt.l1) return 0.0;
    return -(zi - (zi > 0 ? opt.l1 : -opt.l1)) / ((opt.beta + std::sqrt(double(n[i]))) / opt.alpha + opt.l2);
  };
  std::vector<std::size_t> order(data.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  rng r{opt.seed | 1};
  std::vector<double> w;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[r.next() % i]);
    for (std::size_t idx : order) {
      const example& ex = data[idx];
      w.assign(ex.x.size() * K, 0.0);
      detail::scores s;
      for (std::size_t k = 0; k < K; ++k) s[k] = bias[k];
      for (std::size_t f = 0; f < ex.x.size(); ++f)
        for (std::size_t k = 0; k < K; ++k) {
          w[f * K + k] = weight(static_cast<std::size_t>(ex.x[f].first) * K + k);
          s[k] += ex.x[f].second * w[f * K + k];
        }
      const detail::scores p = detail::softmax(s);
      for (std::size_t k = 0; k < K; ++k) {
        const double g = p[k] - (k == ex.y ? 1.0 : 0.0);
        bias_n[k] += g * g;
        bias[k] -= 0.1 * g / std::sqrt(bias_n[k] + 1.0);
        for (std::size_t f = 0; f < ex.x.size(); ++f) {
          const std::size_t i = static_cast<std::size_t>(ex.x[f].first) * K + k;
          const double gi = g * ex.x[f].second;
          const double sigma = (std::sqrt(double(n[i]) + gi * gi) - std::sqrt(double(n[i]))) / opt.alpha;
          z[i] = static_cast<float>(z[i] + gi - sigma * w[f * K + k]);
          n[i] = static_cast<float>(n[i] + gi * gi);
        }
      }
    }
  }
  std::vector<float> dense(n_weights, 0.0f);
  for (std::size_t i = 0; i < n_weights; ++i)
    if (n[i] > 0) dense[i] = static_cast<float>(weight(i));
  // Keep the strongest rows within the size budget (ties broken by bucket: deterministic).
  std::vector<std::pair<float, std::uint32_t>> strength;
  for (std::uint32_t bucket = 0; bucket < detail::model_buckets; ++bucket) {
    float top = 0;
    for (std::size_t k = 0; k < K; ++k) top = std::max(top, std::fabs(dense[static_cast<std::size_t>(bucket) * K + k]));
    if (top > 0) strength.push_back({top, bucket});
  }
  if (strength.size() > opt.max_rows) {
    std::sort(strength.begin(), strength.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (std::size_t i = opt.max_rows; i < strength.size(); ++i)
      std::fill_n(dense.begin() + static_cast<std::ptrdiff_t>(strength[i].second) * K, K, 0.0f);
  }
  detail::scores b;
  for (std::size_t k = 0; k < K; ++k) b[k] = bias[k];
  // Quantised as it will be compiled in, so what is measured is what ships.
  const auto blob = detail::linear_model::from_dense(dense, b, opt.unsure).to_blob();
  auto m = detail::linear_model::from_blob(blob.data(), blob.size());
  return std::make_shared<const detail::linear_model>(std::move(m).value());
}

std::string model_source(const detail::linear_model& m) {
  const auto blob = m.to_blob();
  std::string out =
      "// Written by `vouch train` (core/src/train.cpp): the fitted model, as data. Do not edit.\n"
      "// " + std::to_string(m.row_count()) + " weight rows, " + std::to_string(blob.size()) + " bytes.\n"
      "#include <cstddef>\nnamespace vouch::detail {\nextern const unsigned char model_blob[] = {\n";
  for (std::size_t i = 0; i < blob.size(); ++i) {
    out += std::to_string(blob[i]);
    out += (i + 1) % 32 == 0 ? ",\n" : ",";
  }
  out += "};\nextern const std::size_t model_blob_size = " + std::to_string(blob.size()) + ";\n}  // namespace vouch::detail\n";
  return out;
}

std::size_t model_row_count(const detail::linear_model& m) { return m.row_count(); }

void judgement_stats::add(const judgement_stats& o) {
  total += o.total;
  category_ok += o.category_ok;
  verdict_ok += o.verdict_ok;
  known_personal += o.known_personal;
  known_personal_lost += o.known_personal_lost;
  scam_romance += o.scam_romance;
  scam_romance_accepted += o.scam_romance_accepted;
  for (std::size_t i = 0; i < category_count; ++i)
    for (std::size_t j = 0; j < category_count; ++j) confusion[i][j] += o.confusion[i][j];
  misses.insert(misses.end(), o.misses.begin(), o.misses.end());
}

outcome<judgement_stats> judge_inbox(const labelled_inbox& inbox, std::shared_ptr<const detail::linear_model> model,
                                     std::size_t skip, std::size_t corrections) {
  policy p = inbox.pol;
  for (std::size_t i = 0; i < corrections && i < inbox.items.size(); ++i)
    p.corrections.push_back({inbox.items[i].inv, inbox.items[i].cat});
  auto e = engine::create(p, std::move(model));
  if (!e) return error{inbox.name + ": " + e.message()};
  judgement_stats st;
  for (std::size_t i = skip; i < inbox.items.size(); ++i) {
    const auto& li = inbox.items[i];
    const result r = e.value().classify(li.inv);
    const std::string got_verdict(verdict_name(r.verdict));
    const bool cat_ok = r.category == li.cat, verdict_ok = li.verdict.empty() || li.verdict == got_verdict;
    ++st.total;
    st.category_ok += cat_ok;
    st.verdict_ok += verdict_ok;
    ++st.confusion[static_cast<std::size_t>(li.cat)][static_cast<std::size_t>(r.category)];
    if (li.cat == category::known || li.cat == category::personal) {
      ++st.known_personal;
      st.known_personal_lost += r.verdict == verdict::decline || r.verdict == verdict::ignore;
    }
    if (li.cat == category::scam || li.cat == category::romance) {
      ++st.scam_romance;
      st.scam_romance_accepted += r.verdict == verdict::accept;
    }
    if (!cat_ok || !verdict_ok) {
      std::string m = li.inv.id + ": expected " + std::string(category_name(li.cat)) + "/" + li.verdict + ", got " +
                      std::string(category_name(r.category)) + "/" + got_verdict + " (" +
                      std::to_string(static_cast<int>(r.confidence * 100)) + "%)";
      if (!li.note.empty()) m += "  [" + li.note + "]";
      int shown = 0;
      for (const auto& rs : r.reasons) {
        if (shown++ == 3) break;
        m += "\n      " + rs.rule + " " + std::to_string(rs.weight).substr(0, 5) + " " + rs.text;
      }
      st.misses.push_back(std::move(m));
    }
  }
  return st;
}

}  // namespace vouch
