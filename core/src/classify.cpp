// Weighing the evidence (see engine_detail.hpp for the pipeline): the learned model's scores,
// plus the user's own rules and corrections, give a probability per category. The verdict
// follows the mode; when the top two categories disagree on accepting and the top one is not
// sure enough, the verdict is `ask` (contract: "Verdicts"). The reasons are the features'
// exact contributions to the margin between the chosen category and the runner-up, signed:
// a negative reason argued against the choice.
#include "vouch/classify.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "engine_detail.hpp"
#include "reply.hpp"
#include "vouch/names.hpp"

namespace vouch {

using nlohmann::json;

verdict verdict_for(category c, mode m, int prior_invitations) {
  const bool repeatable = c == category::generic || c == category::networker ||
                          c == category::recruiter || c == category::job_seeker;
  if (prior_invitations >= 1 && repeatable) return verdict::ignore;
  switch (c) {
    case category::known:
    case category::personal: return verdict::accept;
    case category::generic:
    case category::networker:
      return m == mode::quality ? verdict::ignore : m == mode::open ? verdict::accept : verdict::ask;
    case category::recruiter:
    case category::job_seeker: return m == mode::open ? verdict::accept : verdict::ask;
    case category::sales: return verdict::decline;
    case category::romance:
    case category::scam: return verdict::ignore;
  }
  return verdict::ignore;
}

namespace detail {

namespace {

/// The terms that make two invitations alike: words, word pairs, headline words, rules and facts.
std::vector<std::pair<std::uint32_t, float>> similarity_terms(const evidence& ev) {
  std::vector<std::pair<std::uint32_t, float>> t;
  for (const auto& f : ev.features)
    if (f.source != feature_source::chars) t.push_back({f.bucket, f.source == feature_source::rule || f.source == feature_source::flag ? 0.5f : f.value});
  std::sort(t.begin(), t.end());
  std::vector<std::pair<std::uint32_t, float>> merged;
  for (const auto& x : t)
    if (!merged.empty() && merged.back().first == x.first) merged.back().second += x.second;
    else merged.push_back(x);
  double norm = 0;
  for (const auto& x : merged) norm += double(x.second) * x.second;
  norm = std::sqrt(norm);
  if (norm > 0)
    for (auto& x : merged) x.second = static_cast<float>(x.second / norm);
  return merged;
}

double cosine(const std::vector<std::pair<std::uint32_t, float>>& a, const std::vector<std::pair<std::uint32_t, float>>& b) {
  double s = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else s += double(a[i++].second) * b[j++].second;
  }
  return s;
}

std::string folded_name(std::string_view name) { return fold(name.substr(0, 200)).text; }

/// A word's character 4-gram rows, summed: words recur across invitations, so each is hashed and
/// looked up once per model and thread, not once per invitation. A small open-addressing index
/// (hash and entry) over entries kept in order, emptied when half full: it stays in cache.
using row_sum = std::array<float, category_count>;
row_sum char_sum(const linear_model& m, std::string_view word, char kind = 'c') {
  struct entry {
    std::uint32_t at = 0, len = 0;  // the key (kind, then the word) in the arena
    row_sum sum{};
  };
  struct cache {
    std::uint64_t model = 0;
    std::vector<std::uint64_t> index;  // hash << 32 | entry + 1; 0 when empty
    std::vector<entry> entries;
    std::string arena;
  };
  static constexpr std::size_t index_size = std::size_t{1} << 15;
  thread_local cache tc;
  if (tc.index.empty() || tc.model != m.id() || tc.entries.size() >= index_size / 2) {
    tc.index.assign(index_size, 0);
    tc.entries.clear();
    tc.arena.clear();
    tc.model = m.id();
  }
  std::uint32_t h = 2166136261u;  // FNV-1a over the kind and the word
  h = (h ^ static_cast<unsigned char>(kind)) * 16777619u;
  for (char ch : word) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  const auto len = static_cast<std::uint32_t>(word.size()) + 1;
  for (std::size_t i = (h ^ (h >> 15)) & (index_size - 1);; i = (i + 1) & (index_size - 1)) {
    const std::uint64_t slot = tc.index[i];
    if (slot == 0) {
      std::array<double, category_count> sum{};
      char_grams(word, [&](std::uint32_t bucket) {
        if (const float* r = m.row(bucket))
          for (std::size_t k = 0; k < category_count; ++k) sum[k] += r[k];
      }, kind);
      entry e;
      for (std::size_t k = 0; k < category_count; ++k) e.sum[k] = static_cast<float>(sum[k]);
      e.at = static_cast<std::uint32_t>(tc.arena.size());
      e.len = len;
      tc.arena += kind;
      tc.arena.append(word);
      tc.entries.push_back(e);
      tc.index[i] = std::uint64_t{h} << 32 | tc.entries.size();
      return tc.entries.back().sum;
    }
    if ((slot >> 32) != h) continue;
    const entry& e = tc.entries[(slot & 0xFFFFFFFFu) - 1];
    if (e.len == len && tc.arena[e.at] == kind && std::string_view(tc.arena).substr(e.at + 1, len - 1) == word) return e.sum;
  }
}


/// The model's scores for gathered evidence, with the rows it read (reasons need them) and the
/// user's own rules. Corrections are added by the caller.
struct model_scores {
  scores s;
  std::vector<const float*> rows;        // per feature, or nullptr
  std::vector<row_sum> char_rows;       // per char word (copies: the cache may be emptied)
  std::vector<row_sum> head_char_rows;  // per headline char word
};
void score(const compiled_engine& c, const evidence& ev, model_scores& out) {
  const linear_model& model = *c.model;
  out.s = model.bias();
  out.rows.assign(ev.features.size(), nullptr);
  for (std::size_t i = 0; i < ev.features.size(); ++i) {
    out.rows[i] = model.row(ev.features[i].bucket);
    if (out.rows[i])
      for (std::size_t k = 0; k < category_count; ++k) out.s[k] += ev.features[i].value * out.rows[i][k];
  }
  out.char_rows.resize(ev.char_words.size());
  for (std::size_t i = 0; i < ev.char_words.size(); ++i) {
    const auto& span = ev.words[ev.char_words[i].first];
    out.char_rows[i] = char_sum(model, std::string_view(ev.note.text).substr(span.first, span.second - span.first));
    for (std::size_t k = 0; k < category_count; ++k) out.s[k] += ev.char_words[i].second * out.char_rows[i][k];
  }
  out.head_char_rows.resize(ev.head_char_words.size());
  for (std::size_t i = 0; i < ev.head_char_words.size(); ++i) {
    out.head_char_rows[i] = char_sum(model, ev.headline_words[ev.head_char_words[i].first], 'g');
    for (std::size_t k = 0; k < category_count; ++k) out.s[k] += ev.head_char_words[i].second * out.head_char_rows[i][k];
  }
  for (const auto& it : ev.items)
    if (c.rules[it.rule].custom) out.s[static_cast<std::size_t>(c.rules[it.rule].cat)] += c.rules[it.rule].weight * c.rules[it.rule].scale;
}

/// The learned adjustment's contribution per category, and each feature's (for the reasons).
scores learned(const compiled_engine& c, const evidence& ev) {
  scores d{};
  if (c.learned.empty()) return d;
  for (const auto& f : ev.features) {
    const auto it = c.learned.find(f.bucket);
    if (it == c.learned.end()) continue;
    for (std::size_t k = 0; k < category_count; ++k) d[k] += f.value * it->second[k];
  }
  return d;
}

}  // namespace

void compile_corrections(compiled_engine& c) {
  c.corrections.clear();
  c.learned.clear();
  // Each correction's evidence and the model's own scores for it.
  struct example { std::vector<std::pair<std::uint32_t, float>> x; scores base; std::size_t y; };
  std::vector<example> data;
  for (const auto& corr : c.policy.corrections) {
    evidence ev;
    gather(c, corr.inv, ev, false);
    model_scores ms;
    score(c, ev, ms);
    c.corrections.push_back({corr.cat, profile_slug(corr.inv.sender.profile_url), folded_name(corr.inv.sender.name),
                             corr.inv.message, similarity_terms(ev)});
    example ex{{}, ms.s, static_cast<std::size_t>(corr.cat)};
    // Words, word pairs, headline words and rule hits: what is particular to the invitation, not
    // the facts nearly every invitation has (a note of some length, mutual connections).
    for (const auto& f : ev.features)
      if (f.source != feature_source::flag) ex.x.push_back({f.bucket, f.value});
    data.push_back(std::move(ex));
  }
  // Learning from them: a per-user adjustment of the weights, fitted on the corrections with the
  // model's scores as the starting point (logistic loss, plain gradient steps, L2 towards zero), in
  // the order the user made them. Words and rules the user's corrections share move their category.
  for (int epoch = 0; epoch < learn_epochs; ++epoch)
    for (const auto& ex : data) {
      scores s = ex.base;
      for (const auto& [bucket, v] : ex.x)
        if (auto it = c.learned.find(bucket); it != c.learned.end())
          for (std::size_t k = 0; k < category_count; ++k) s[k] += v * it->second[k];
      const scores p = softmax(s);
      // Only where Vouch is still wrong or unsure: a correction it already agrees with teaches
      // nothing new, and pushing it further would only make its words overconfident.
      if (p[ex.y] >= learn_until) continue;
      for (const auto& [bucket, v] : ex.x) {
        auto& w = c.learned[bucket];
        for (std::size_t k = 0; k < category_count; ++k)
          w[k] = static_cast<float>(w[k] - learn_rate * ((p[k] - (k == ex.y ? 1.0 : 0.0)) * v + learn_l2 * w[k]));
      }
    }
}

}  // namespace detail

namespace {

using detail::compiled_engine;
using detail::evidence;
using detail::feature_source;

/// A category's name as words: "job seeker" for job_seeker.
std::string plain_name(category k) {
  std::string s(category_name(k));
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

/// How a category reads in a sentence: "reads as {this}".
const char* category_phrase(category k) {
  switch (k) {
    case category::known: return "someone you know";
    case category::personal: return "a personal reason";
    case category::generic: return "a generic invitation";
    case category::networker: return "collecting connections";
    case category::sales: return "selling";
    case category::recruiter: return "recruiting";
    case category::job_seeker: return "looking for a job";
    case category::romance: return "flirting";
    case category::scam: return "a scam";
  }
  return "";
}

// A similar correction moves its category up by this much per unit of similarity over the floor.
constexpr double correction_floor = 0.6, correction_gain = 20.0;

}  // namespace

result engine::classify(const invitation& inv) const {
  const compiled_engine& c = *impl_;
  const detail::linear_model& model = *c.model;
  thread_local evidence scratch;  // reused: its buffers outlive the call, its content does not
  evidence& ev = scratch;
  detail::gather(c, inv, ev, false);

  // Scores: the model's bias and features, the user's own rules, what the user's corrections taught.
  thread_local detail::model_scores ms;  // reused, as the evidence is
  detail::score(c, ev, ms);
  detail::scores& s = ms.s;
  const auto& rows = ms.rows;
  const auto& char_rows = ms.char_rows;
  const detail::scores taught = detail::learned(c, ev);
  for (std::size_t k = 0; k < category_count; ++k) s[k] += taught[k];

  // Corrections: the same invitation is judged as the user said; similar ones move towards it.
  std::optional<category> corrected;
  std::array<double, category_count> correction_bonus{};
  if (!c.corrections.empty()) {
    const std::string slug = detail::profile_slug(inv.sender.profile_url);
    const std::string name = detail::folded_name(inv.sender.name);
    const auto terms = detail::similarity_terms(ev);
    std::array<double, category_count> best{};
    for (const auto& corr : c.corrections) {  // newest last: a later correction wins
      const bool same_sender = !slug.empty() ? slug == corr.profile : name == corr.sender;
      if (same_sender && corr.message == inv.message) { corrected = corr.cat; continue; }
      const double sim = detail::cosine(terms, corr.terms);
      auto& b = best[static_cast<std::size_t>(corr.cat)];
      b = std::max(b, sim);
    }
    for (std::size_t k = 0; k < category_count; ++k)
      if (best[k] > correction_floor) s[k] += correction_bonus[k] = correction_gain * (best[k] - correction_floor);
  }

  const detail::scores p = detail::softmax(s);
  std::size_t top = 0, second = 1;
  for (std::size_t k = 0; k < category_count; ++k)
    if (p[k] > p[top]) top = k;
  if (second == top) second = 0;
  for (std::size_t k = 0; k < category_count; ++k)
    if (k != top && p[k] > p[second]) second = k;
  // With nothing said (no note, LinkedIn's default text, a greeting alone) the contract decides:
  // known when the headline names one of the user's employers or schools, else generic.
  const bool by_contract = !corrected && ev.content_free;
  double confidence = p[top];
  if (by_contract) {
    const auto k = static_cast<std::size_t>(category::known), g = static_cast<std::size_t>(category::generic);
    // ...unless the user's corrections say otherwise: they know which headline is a colleague's
    // ("ADP" is their employer) and which only looks like one.
    const double taught_known = taught[k] + correction_bonus[k] - taught[g] - correction_bonus[g];
    const bool known = taught_known > 2.0 ? true : taught_known < -2.0 ? false : ev.headline_org;
    top = known ? k : g;
    second = known ? g : k;
    confidence = p[top] / (p[k] + p[g]);
  }
  // A job ask from someone who says how you know each other is from someone you know (contract:
  // job_seeker is an ask "with no other concrete reason"; known holds "even if the note then asks").
  bool relationship_ask = false;
  if (!corrected && !by_contract && top == static_cast<std::size_t>(category::job_seeker))
    for (const auto& it : ev.items) {
      const auto& r = c.rules[it.rule];
      // Working together, meeting or an introduction, not a shared school alone ("I studied there
      // too" is how job seekers open), and only where the model sees someone known as possible.
      if (it.rule < c.feature_base && !r.custom && !r.headline && r.cat == category::known &&
          r.id != "known.studied_together" && p[static_cast<std::size_t>(category::known)] >= 0.15) {
        relationship_ask = true;
        second = top;
        top = static_cast<std::size_t>(category::known);
        confidence = p[top] + p[second];
        break;
      }
    }
  if (corrected) {
    const auto want = static_cast<std::size_t>(*corrected);
    if (want != top) second = top;
    top = want;
  }
  const category chosen = static_cast<category>(top), runner = static_cast<category>(second);

  result out;
  out.id = inv.id;
  out.category = chosen;
  out.verdict = verdict_for(chosen, c.policy.mode, inv.prior_invitations);
  out.confidence = corrected ? 1.0 : std::round(confidence * 100.0) / 100.0;

  // Reasons: each feature's contribution to the margin of the chosen category over the runner-up.
  // A reason before it is kept: views into the engine's rules and the evidence, copied only if kept.
  struct piece { double weight; std::string_view rule, text; std::optional<std::pair<std::uint32_t, std::uint32_t>> span; category cat; std::string owned = {}; };
  thread_local std::vector<piece> pieces;
  pieces.clear();
  auto margin_of = [&](std::size_t i) { return rows[i] ? ev.features[i].value * (double(rows[i][top]) - rows[i][second]) : 0.0; };
  thread_local std::vector<double> rule_margin, word_margin, head_margin;
  rule_margin.assign(c.rules.size(), 0.0);
  word_margin.assign(ev.words.size(), 0.0);
  head_margin.assign(ev.headline_words.size(), 0.0);
  for (std::size_t i = 0; i < ev.features.size(); ++i) {
    const auto& f = ev.features[i];
    const double m = margin_of(i);
    switch (f.source) {
      case feature_source::rule:
      case feature_source::flag: rule_margin[f.ref] += m; break;
      case feature_source::word:
      case feature_source::chars: word_margin[f.ref] += m; break;
      case feature_source::bigram: word_margin[f.ref] += m / 2; word_margin[f.ref + 1] += m / 2; break;
      case feature_source::head_word:
      case feature_source::head_chars: head_margin[f.ref] += m; break;
      case feature_source::head_bigram: head_margin[f.ref] += m / 2; head_margin[f.ref + 1] += m / 2; break;
    }
  }
  for (std::size_t i = 0; i < ev.head_char_words.size(); ++i)
    head_margin[ev.head_char_words[i].first] += ev.head_char_words[i].second *
        (double(ms.head_char_rows[i][top]) - ms.head_char_rows[i][second]);
  for (std::size_t i = 0; i < ev.char_words.size(); ++i)
    word_margin[ev.char_words[i].first] += ev.char_words[i].second * (double(char_rows[i][top]) - char_rows[i][second]);
  for (const auto& it : ev.items) {
    const auto& r = c.rules[it.rule];
    double m = rule_margin[it.rule];
    if (r.custom) m = r.cat == chosen ? r.weight * r.scale : r.cat == runner ? -r.weight * r.scale : 0.0;
    piece pc{m, r.id, it.text.empty() ? std::string_view(r.text) : std::string_view(it.text), std::nullopt, m >= 0 ? chosen : runner};
    if (it.span && it.span->second > it.span->first) pc.span = it.span;
    pieces.push_back(pc);
  }
  // Runs of words that pushed the same way become one quoted reason.
  constexpr double word_floor = 0.08;
  for (std::size_t k = 0; k < word_margin.size();) {
    if (std::fabs(word_margin[k]) < word_floor) { ++k; continue; }
    const bool up = word_margin[k] > 0;
    std::size_t e = k;
    double sum = 0;
    while (e < word_margin.size() && std::fabs(word_margin[e]) >= word_floor && (word_margin[e] > 0) == up) sum += word_margin[e++];
    const auto span = ev.note.original_span(ev.words[k].first, ev.words[e - 1].second);
    pieces.push_back({sum, "model.words", "", span, up ? chosen : runner});  // text once kept
    k = e;
  }
  {
    double up = 0, down = 0;
    std::string up_words, down_words;
    for (std::size_t k = 0; k < head_margin.size(); ++k) {
      if (std::fabs(head_margin[k]) < word_floor) continue;
      auto& words = head_margin[k] > 0 ? up_words : down_words;
      (head_margin[k] > 0 ? up : down) += head_margin[k];
      if (!words.empty()) words += ' ';
      words += ev.headline_words[k];
    }
    if (!up_words.empty()) pieces.push_back({up, "model.headline", "", std::nullopt, chosen, "Their headline (" + up_words + ") reads as " + category_phrase(chosen)});
    if (!down_words.empty()) pieces.push_back({down, "model.headline", "", std::nullopt, runner, "Their headline (" + down_words + ") reads as " + category_phrase(runner)});
  }
  if (const double m = taught[top] - taught[second]; std::fabs(m) >= 0.05)
    pieces.push_back({m, "corrections.learned", "", std::nullopt, m >= 0 ? chosen : runner,
                      std::string("What your corrections taught Vouch reads as ") + category_phrase(m >= 0 ? chosen : runner)});
  for (std::size_t k = 0; k < category_count; ++k) {
    const double m = k == top ? correction_bonus[k] : k == second ? -correction_bonus[k] : 0.0;
    if (m == 0) continue;
    pieces.push_back({m, "corrections.similar", "", std::nullopt, static_cast<category>(k),
                      "You marked a similar invitation as " + plain_name(static_cast<category>(k))});
  }
  // For the verdict first, then against it; strongest first; ties in the order they were found.
  thread_local std::vector<std::uint32_t> order;
  order.resize(pieces.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const piece &a = pieces[x], &b = pieces[y];
    if ((a.weight >= 0) != (b.weight >= 0)) return a.weight >= 0;
    if (std::fabs(a.weight) != std::fabs(b.weight)) return std::fabs(a.weight) > std::fabs(b.weight);
    return x < y;
  });
  // The original text of a span: UTF-16 offsets to bytes, mapped once for the part of the note
  // that was judged (spans lie within its first max_note_bytes; a map of a 10 MB note was 40 MB).
  thread_local std::vector<std::uint32_t> byte_at;  // byte offset of each UTF-16 unit (and of the end)
  byte_at.clear();
  auto quote = [&](std::uint32_t b16, std::uint32_t e16) -> std::string {
    const std::string& m = inv.message;
    if (byte_at.empty()) {
      const std::size_t judged = std::min(m.size(), detail::max_note_bytes);
      byte_at.reserve(judged + 1);
      std::size_t i = 0;
      while (i < judged) {
        const auto ch = static_cast<unsigned char>(m[i]);
        std::size_t len = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
        byte_at.push_back(static_cast<std::uint32_t>(i));
        if (len == 4) byte_at.push_back(static_cast<std::uint32_t>(i));  // a surrogate pair: two units
        i += len;
        while (i < m.size() && (static_cast<unsigned char>(m[i]) & 0xC0) == 0x80) ++i;
      }
      byte_at.push_back(static_cast<std::uint32_t>(std::min(i, m.size())));
    }
    if (b16 >= e16) return std::string();
    const std::uint32_t b = byte_at[std::min<std::size_t>(b16, byte_at.size() - 1)];
    const std::uint32_t e = byte_at[std::min<std::size_t>(e16, byte_at.size() - 1)];
    return m.substr(b, e - b);
  };
  // The strongest reasons each way; quoting the note costs a walk over it, so only for those kept.
  constexpr std::size_t most_for = 10, most_against = 5;
  std::size_t n_for = 0, n_against = 0;
  out.reasons.reserve(most_for + most_against + 2);
  for (const std::uint32_t idx : order) {
    piece& pc = pieces[idx];
    const double w = std::round(pc.weight * 100.0) / 100.0;
    if (std::fabs(w) < 0.05 || (w > 0 ? n_for++ >= most_for : n_against++ >= most_against)) continue;
    reason rs;
    rs.rule = std::string(pc.rule);
    rs.category = pc.cat;
    rs.weight = w;
    rs.span = pc.span;
    if (pc.span) rs.evidence = quote(pc.span->first, pc.span->second);
    if (pc.rule == "model.words") {  // built in one allocation
      const std::string_view open = "\u201c", close = "\u201d reads as ", phrase = category_phrase(pc.cat);
      rs.text.reserve(open.size() + rs.evidence.size() + close.size() + phrase.size());
      rs.text.append(open).append(rs.evidence).append(close).append(phrase);
    } else {
      rs.text = !pc.owned.empty() ? std::move(pc.owned) : std::string(pc.text);
    }
    out.reasons.push_back(std::move(rs));
  }

  auto lead = [&](std::string rule, std::string text, double weight = 0) {
    reason rs;
    rs.rule = std::move(rule);
    rs.text = std::move(text);
    rs.category = chosen;
    rs.weight = weight;
    out.reasons.insert(out.reasons.begin(), std::move(rs));
  };
  if (corrected) {
    lead("corrections.same", "You marked this invitation as " + plain_name(chosen));
  } else {
    if (relationship_ask) lead("policy.known_asks", "Asks for help with a job, and says how you know each other");
    // Unsure between accepting and not: ask, the one reply that cannot hurt (contract).
    const verdict runner_verdict = verdict_for(runner, c.policy.mode, inv.prior_invitations);
    bool split = (out.verdict == verdict::accept) != (runner_verdict == verdict::accept);
    // The two costly mistakes, weighed over every category, not only the runner-up: someone you
    // know turned away, a scam or flirt let in.
    const auto P = [&](category k) { return p[static_cast<std::size_t>(k)]; };
    const double at_risk = out.verdict == verdict::accept ? P(category::scam) + P(category::romance)
                                                          : P(category::known) + P(category::personal);
    if (!by_contract && at_risk >= 1.0 - model.unsure()) split = true;
    // An accept Vouch can barely tell from the rest is no accept: most wrong accepts are there.
    if (!by_contract && out.verdict == verdict::accept && p[top] < 0.5) split = true;
    // With nothing said, the contract's choice is weighed against the model's view of the sender.
    const double p_top = by_contract ? confidence : p[top], p_second = by_contract ? 1 - confidence : p[second];
    // A sender the user already saw and did not accept is not asked again (contract: ignored),
    // unless the model still gives a real chance that the user knows them.
    const bool repeat_ignored = inv.prior_invitations >= 1 && out.verdict == verdict::ignore &&
                                verdict_for(chosen, c.policy.mode, 0) != verdict::ignore && at_risk < 0.25;
    if (split && p_top < model.unsure() && !repeat_ignored) {
      out.verdict = verdict::ask;
      const auto pct = [](double v) { return std::to_string(static_cast<int>(std::round(v * 100))) + "%"; };
      lead("policy.unsure", "Unsure whether this is " + std::string(category_phrase(chosen)) + " (" + pct(p_top) +
                                ") or " + category_phrase(runner) + " (" + pct(p_second) + "): asking is the safe choice");
    }
  }
  if (inv.prior_invitations >= 1 && out.verdict == verdict::ignore &&
      verdict_for(chosen, c.policy.mode, 0) != verdict::ignore)
    lead("policy.repeat_invitation", "Invited you before and was not accepted (" + std::to_string(inv.prior_invitations) +
                                         (inv.prior_invitations == 1 ? " earlier invitation)" : " earlier invitations)"));

  // Language: the default text's, else the language with most function words.
  out.language = ev.default_lang;
  if (out.language.empty()) {
    int best = 0;
    for (std::size_t i = 0; i < ev.lang_count.size(); ++i)
      if (ev.lang_count[i] > best) { best = ev.lang_count[i]; out.language = c.languages[i]; }
    if (best < 2 && ev.total_words > 4) out.language.clear();
  }
  if (out.language.empty()) out.language = "en";

  const std::string reply_lang =
      std::find(supported_languages().begin(), supported_languages().end(), out.language) != supported_languages().end()
          ? out.language : "en";
  if (out.verdict == verdict::ask || out.verdict == verdict::decline)
    out.reply_variants = detail::draft_replies(*c.pack, c.policy,
        {out.verdict == verdict::ask && verdict_for(chosen, c.policy.mode, inv.prior_invitations) != verdict::ask ? category::generic : chosen,
         out.verdict, reply_lang, first_name_of(inv.sender.name.substr(0, 200)), inv.id + "\n" + inv.sender.name});
  if (!out.reply_variants.empty()) out.reply = out.reply_variants.front();
  return out;
}

const vouch::policy& engine::policy() const { return impl_->policy; }

json result_to_json(const result& r) {
  json reasons = json::array();
  for (const auto& rs : r.reasons) {
    json j = {{"rule", rs.rule}, {"text", rs.text}, {"category", category_name(rs.category)}, {"weight", rs.weight}};
    if (rs.span) j["span"] = {rs.span->first, rs.span->second};
    if (!rs.evidence.empty()) j["evidence"] = rs.evidence;
    reasons.push_back(std::move(j));
  }
  json out = {{"id", r.id},
              {"category", category_name(r.category)},
              {"verdict", verdict_name(r.verdict)},
              {"confidence", r.confidence},
              {"reasons", std::move(reasons)},
              {"reply", r.reply.empty() ? json(nullptr) : json(r.reply)},
              {"language", r.language}};
  if (!r.reply_variants.empty()) out["reply_variants"] = r.reply_variants;
  return out;
}

}  // namespace vouch
