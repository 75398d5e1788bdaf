// The classifier. One engine per policy compiles every phrase of the pack, the policy's own
// rules, the user's organisations and groups, greeting words and language hints into a single
// Aho-Corasick automaton. Classifying an invitation is then:
//   fold the note and the headline → one scan each → features (no note, default text, greeting
//   only, placeholders, links, look-alike words) → scores per category → decision → verdict by
//   mode → reasons, strongest first → a drafted reply for `ask` and `decline`.
#include "vouch/classify.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <nlohmann/json.hpp>

#include "aho_corasick.hpp"
#include "orgs_detail.hpp"
#include "reply.hpp"
#include "rule_pack.hpp"
#include "vouch/names.hpp"
#include "vouch/text.hpp"

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

// What a pattern of the automaton stands for: the kind in the top byte, an index below.
enum pattern_kind : std::uint32_t { k_rule = 0, k_company = 1, k_school = 2, k_group = 3, k_filler = 4, k_language = 5, k_invite = 6 };
constexpr std::uint32_t pack_id(pattern_kind k, std::size_t index) { return (static_cast<std::uint32_t>(k) << 24) | static_cast<std::uint32_t>(index); }

struct rule_entry {
  std::string id;
  category cat;
  double weight;
  std::string text;
  bool headline;
  bool disclaims_pitch;
};

struct compiled_engine {
  vouch::policy policy;
  const rule_pack* pack = nullptr;
  std::vector<rule_entry> rules;     // the pack's phrase rules, then the policy's, then features
  aho_corasick automaton;
  std::vector<std::string> languages;
  std::vector<std::string> brand_skeletons;
  std::vector<std::string> employer_words;  // one-word forms of me.companies, for link checks
  std::size_t feature_base = 0;

  /// The index of a feature rule by id (features are few; looked up while compiling only).
  std::size_t feature(std::string_view id) const {
    for (std::size_t i = feature_base; i < rules.size(); ++i)
      if (rules[i].id == id) return i;
    return rules.size();
  }
  // Feature indexes, resolved once.
  std::size_t f_no_note, f_default_text, f_placeholder, f_greeting_only, f_short_note,
      f_headline_company, f_headline_school, f_headline_group, f_named_company, f_named_school,
      f_named_group, f_mutuals, f_question, f_praise_pitch, f_lookalike, f_lookalike_domain,
      f_employer_domain, f_short_link, f_login_link, f_link, f_phone;
};

std::string skeleton(std::string_view w) {
  std::string s;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] == 'r' && i + 1 < w.size() && w[i + 1] == 'n') { s += 'm'; ++i; continue; }
    if (w[i] == 'v' && i + 1 < w.size() && w[i + 1] == 'v') { s += 'w'; ++i; continue; }
    const char c = w[i];
    s += (c == 'i' || c == '1') ? 'l' : c == '0' ? 'o' : c;
  }
  return s;
}

}  // namespace detail

namespace {

using detail::compiled_engine;
using detail::pack_id;
using detail::rule_entry;

std::string fill(std::string text, std::string_view key, std::string_view value) {
  const auto at = text.find(key);
  if (at != std::string::npos) text.replace(at, key.size(), value);
  return text;
}

/// The original UTF-8 text of a UTF-16 span.
std::string slice16(std::string_view s, std::uint32_t b16, std::uint32_t e16) {
  std::size_t pos16 = 0, i = 0, start = std::string::npos;
  while (i < s.size()) {
    if (pos16 == b16 && start == std::string::npos) start = i;
    if (pos16 >= e16) break;
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    pos16 += len == 4 ? 2 : 1;
    i += len;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  if (start == std::string::npos) return "";
  return std::string(s.substr(start, i - start));
}

/// A word spelled with the letters people swap to dodge filters: "rn" for m, "vv" for w, "ln"
/// for in, digits for letters.
bool may_be_lookalike(std::string_view w) {
  for (std::size_t k = 0; k < w.size(); ++k) {
    const char ch = w[k];
    if (ch == '0' || ch == '1') return true;
    if (k + 1 < w.size() && ((ch == 'r' && w[k + 1] == 'n') || (ch == 'v' && w[k + 1] == 'v') || (ch == 'l' && w[k + 1] == 'n')))
      return true;
  }
  return false;
}

/// True when the raw note has a template placeholder: {{first_name}}, [Name], <Company>, %NAME%.
bool has_placeholder(std::string_view m) {
  for (std::size_t i = 0; i < m.size(); ++i) {
    const char open = m[i];
    char close = 0;
    if (open == '{') close = '}';
    else if (open == '[') close = ']';
    else if (open == '<') close = '>';
    else if (open == '%') close = '%';
    else continue;
    std::size_t j = i + 1;
    while (j < m.size() && m[j] == open) ++j;
    const std::size_t inner_begin = j;
    while (j < m.size() && j - inner_begin < 24 && m[j] != close &&
           (std::isalpha(static_cast<unsigned char>(m[j])) || m[j] == '_' || m[j] == ' ' || m[j] == '.'))
      ++j;
    if (j >= m.size() || m[j] != close || j == inner_begin) continue;
    std::string inner;
    for (std::size_t k = inner_begin; k < j; ++k) inner += static_cast<char>(std::tolower(static_cast<unsigned char>(m[k])));
    for (const char* key : {"name", "first", "company", "title", "role", "firma", "nom", "nombre", "nome", "naam"})
      if (inner.find(key) != std::string::npos) return true;
  }
  return false;
}

std::string url_host(const std::string& url) {
  std::string h = url;
  for (const char* scheme : {"https://", "http://"})
    if (h.rfind(scheme, 0) == 0) h = h.substr(std::char_traits<char>::length(scheme));
  h = h.substr(0, h.find_first_of("/?#"));
  if (h.rfind("www.", 0) == 0) h = h.substr(4);
  return h;
}

bool ends_with_domain(const std::string& host, const std::string& domain) {
  return host == domain ||
         (host.size() > domain.size() && host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
          host[host.size() - domain.size() - 1] == '.');
}

struct scored {
  std::array<double, category_count> score{};
  struct item {
    std::size_t rule;
    double weight;
    std::optional<std::pair<std::uint32_t, std::uint32_t>> span;
    std::string text;  // filled in text for features with {org}/{brand}/{n}
  };
  std::vector<item> items;
};

}  // namespace

outcome<engine> engine::create(const vouch::policy& p) {
  const auto& pack_outcome = detail::default_rule_pack();
  if (!pack_outcome.ok()) return error{"the built-in rule pack is invalid: " + pack_outcome.message()};
  const detail::rule_pack& pack = pack_outcome.value();

  auto c = std::make_shared<compiled_engine>();
  c->policy = p;
  c->pack = &pack;
  auto weight_of = [&](const std::string& id, double w) {
    auto it = p.rule_weights.find(id);
    return it == p.rule_weights.end() ? w : it->second;
  };
  for (const auto& r : pack.rules)
    c->rules.push_back({r.id, r.category, weight_of(r.id, r.weight), r.text, r.headline, r.disclaims_pitch});
  for (const auto& r : p.rules)
    c->rules.push_back({r.id, *category_from_name(r.category), weight_of(r.id, r.weight), r.text, false, false});

  // Features: rules computed in code, with weights and texts from the pack.
  c->feature_base = c->rules.size();
  const json& features = detail::default_pack_json()["classify"]["features"];
  if (features.is_object())
    for (auto it = features.begin(); it != features.end(); ++it) {
      const auto cat = category_from_name(it->value("category", ""));
      if (!cat) return error{"pack.classify.features." + it.key() + ".category: unknown category"};
      c->rules.push_back({it.key(), *cat, weight_of(it.key(), it->value("weight", 0.0)), it->value("text", ""), false, false});
    }
  struct { std::size_t* slot; const char* id; } wanted[] = {
      {&c->f_no_note, "generic.no_note"}, {&c->f_default_text, "generic.default_text"},
      {&c->f_placeholder, "generic.placeholder"}, {&c->f_greeting_only, "generic.greeting_only"},
      {&c->f_short_note, "generic.short_note"}, {&c->f_headline_company, "known.headline_company"},
      {&c->f_headline_school, "known.headline_school"}, {&c->f_headline_group, "known.headline_group"},
      {&c->f_named_company, "known.named_company"}, {&c->f_named_school, "known.named_school"},
      {&c->f_named_group, "personal.named_group"}, {&c->f_mutuals, "known.mutuals"},
      {&c->f_question, "personal.question"}, {&c->f_praise_pitch, "sales.praise_then_pitch"},
      {&c->f_lookalike, "scam.lookalike"}, {&c->f_lookalike_domain, "scam.lookalike_domain"},
      {&c->f_employer_domain, "scam.employer_domain"}, {&c->f_short_link, "scam.short_link"},
      {&c->f_login_link, "scam.login_link"}, {&c->f_link, "scam.link"}, {&c->f_phone, "scam.phone"}};
  for (auto& w : wanted) {
    *w.slot = c->feature(w.id);
    if (*w.slot == c->rules.size()) return error{std::string("pack.classify.features.") + w.id + ": missing"};
  }

  // Phrases: " a b " matches whole words; a trailing '*' makes the last word a prefix.
  auto add_phrase = [&](const std::string& phrase, std::uint32_t id) {
    std::string f = phrase;
    bool prefix = false;
    if (!f.empty() && f.back() == '*') { prefix = true; f.pop_back(); }
    std::string folded = fold_phrase(f);
    if (folded.size() <= 1) return;
    if (prefix) folded.pop_back();
    c->automaton.add(folded, id);
  };
  for (std::size_t i = 0; i < pack.rules.size(); ++i)
    for (const auto& ph : pack.rules[i].phrases) add_phrase(ph, pack_id(detail::k_rule, i));
  for (std::size_t i = 0; i < p.rules.size(); ++i)
    for (const auto& ph : p.rules[i].phrases) add_phrase(ph, pack_id(detail::k_rule, pack.rules.size() + i));
  auto add_orgs = [&](const std::vector<std::string>& names, detail::pattern_kind kind) {
    for (std::size_t i = 0; i < names.size(); ++i)
      for (const auto& v : detail::org_variants(names[i])) c->automaton.add(v, pack_id(kind, i));
  };
  add_orgs(p.me.companies, detail::k_company);
  add_orgs(p.me.schools, detail::k_school);
  add_orgs(p.me.groups, detail::k_group);
  for (const auto& g : pack.greetings) add_phrase(g, pack_id(detail::k_filler, 0));
  for (const auto& w : folded_words(fold_phrase(p.me.name))) c->automaton.add(" " + w + " ", pack_id(detail::k_filler, 1));
  for (const auto& w : folded_words(fold_phrase(p.me.first_name))) c->automaton.add(" " + w + " ", pack_id(detail::k_filler, 1));
  for (std::size_t i = 0; i < pack.language_words.size(); ++i) {
    c->languages.push_back(pack.language_words[i].first);
    for (const auto& w : pack.language_words[i].second) add_phrase(w, pack_id(detail::k_language, i));
  }
  // LinkedIn's default texts: each word of each template, so one scan tells how much of a
  // template a note contains (a bit per word; templates have at most 64 words).
  for (std::size_t t = 0; t < pack.default_invites.size(); ++t) {
    const auto& words = pack.default_invites[t].words;
    for (std::size_t w = 0; w < words.size() && w < 64; ++w)
      c->automaton.add(" " + words[w] + " ", pack_id(detail::k_invite, t * 64 + w));
  }
  c->automaton.build();

  for (const auto& b : pack.brands) c->brand_skeletons.push_back(detail::skeleton(b));
  for (const auto& name : p.me.companies)
    for (const auto& v : detail::org_variants(name)) {
      const auto ws = folded_words(v);
      if (ws.size() == 1 && ws[0].size() >= 4) c->employer_words.push_back(ws[0]);
      // Written together in an address: "vanderstroom-payroll.net".
      std::string joined;
      for (const auto& w : ws) joined += w;
      if (ws.size() > 1 && joined.size() >= 6 &&
          std::find(c->employer_words.begin(), c->employer_words.end(), joined) == c->employer_words.end())
        c->employer_words.push_back(joined);
    }
  return engine(std::move(c));
}

const vouch::policy& engine::policy() const { return impl_->policy; }

result engine::classify(const invitation& inv) const {
  const compiled_engine& c = *impl_;
  const detail::rule_pack& pack = *c.pack;
  const std::size_t n_rules = c.rules.size();

  // Per rule: the first hit's folded span, and how many distinct hits.
  struct rule_hit { std::size_t b = 0, e = 0; int count = 0; };
  std::vector<rule_hit> msg(n_rules), head(n_rules);
  std::vector<int> lang_count(c.languages.size(), 0);
  std::vector<std::uint64_t> invite_words(pack.default_invites.size(), 0);
  struct org_seen { std::size_t index = 0; std::size_t b = 0, e = 0; bool found = false; };
  org_seen msg_company, msg_school, msg_group, head_company, head_school, head_group;

  const bool no_note = inv.message.find_first_not_of(" \t\r\n") == std::string::npos;
  folded_text note;
  std::vector<bool> filler;  // per folded byte: covered by a greeting or the recipient's name
  if (!no_note) {
    note = fold(inv.message);
    filler.assign(note.text.size(), false);
    c.automaton.scan(note.text, [&](std::uint32_t id, std::size_t b, std::size_t e) {
      const auto kind = id >> 24;
      const auto index = id & 0xFFFFFF;
      switch (kind) {
        case detail::k_rule: {
          if (c.rules[index].headline) break;
          auto& h = msg[index];
          if (h.count == 0) { h.b = b; h.e = e; }
          ++h.count;
          break;
        }
        case detail::k_company: if (!msg_company.found) msg_company = {index, b, e, true}; break;
        case detail::k_school: if (!msg_school.found) msg_school = {index, b, e, true}; break;
        case detail::k_group: if (!msg_group.found) msg_group = {index, b, e, true}; break;
        case detail::k_filler: for (std::size_t k = b; k < e; ++k) filler[k] = true; break;
        case detail::k_language: ++lang_count[index]; break;
        case detail::k_invite: invite_words[index / 64] |= std::uint64_t{1} << (index % 64); break;
        default: break;
      }
    });
  }
  if (!inv.sender.headline.empty()) {
    const folded_text h = fold(inv.sender.headline);
    c.automaton.scan(h.text, [&](std::uint32_t id, std::size_t b, std::size_t e) {
      const auto kind = id >> 24;
      const auto index = id & 0xFFFFFF;
      if (kind == detail::k_rule && c.rules[index].headline) {
        auto& hh = head[index];
        if (hh.count == 0) { hh.b = b; hh.e = e; }
        ++hh.count;
      } else if (kind == detail::k_company && !head_company.found) head_company = {index, b, e, true};
      else if (kind == detail::k_school && !head_school.found) head_school = {index, b, e, true};
      else if (kind == detail::k_group && !head_group.found) head_group = {index, b, e, true};
    });
    // An organisation written as its address: "Backend Developer @ allegro.tech".
    for (const auto& ent : h.entities) {
      if (ent.kind != entity_kind::url || (head_company.found && head_school.found)) continue;
      std::string words = " ";
      for (char ch : url_host(ent.folded)) words += (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? ch : ' ';
      words += ' ';
      c.automaton.scan(words, [&](std::uint32_t id, std::size_t, std::size_t) {
        const auto kind = id >> 24;
        const auto index = id & 0xFFFFFF;
        if (kind == detail::k_company && !head_company.found) head_company = {index, 0, 0, true};
        else if (kind == detail::k_school && !head_school.found) head_school = {index, 0, 0, true};
      });
    }
  }

  scored s;
  s.items.reserve(16);
  auto add = [&](std::size_t rule, double weight, std::optional<std::pair<std::uint32_t, std::uint32_t>> span,
                 std::string text = {}) {
    if (weight == 0) return;
    s.score[static_cast<std::size_t>(c.rules[rule].cat)] += weight;
    s.items.push_back({rule, weight, span, std::move(text)});
  };
  auto note_span = [&](std::size_t b, std::size_t e) -> std::optional<std::pair<std::uint32_t, std::uint32_t>> {
    return note.original_span(b, e);
  };

  // Does the note disclaim a pitch ("not a pitch", "no agenda")?
  // "Not a pitch" followed by sales talk in the note is the pitch's disguise, not the truth: it
  // then neither weakens the sales evidence nor speaks for `personal`. Saying what one sells
  // before the disclaimer ("I sell X, so: no pitch") is candour, and the disclaimer stands.
  bool disclaims = false;
  std::size_t disclaimer = n_rules;
  for (std::size_t i = 0; i < c.feature_base; ++i)
    if (msg[i].count && !c.rules[i].headline && c.rules[i].disclaims_pitch) { disclaims = true; disclaimer = i; }
  if (disclaims) {
    for (std::size_t i = 0; i < c.feature_base; ++i)
      if (msg[i].count && !c.rules[i].headline && c.rules[i].cat == category::sales && msg[i].b >= msg[disclaimer].e) {
        disclaims = false;
        msg[disclaimer].count = 0;
        break;
      }
  }

  // Phrase rules: each rule counts once, a little more for further distinct hits.
  for (std::size_t i = 0; i < c.feature_base; ++i) {
    const auto& r = c.rules[i];
    const rule_hit& h = r.headline ? head[i] : msg[i];
    if (!h.count) continue;
    double w = r.weight * (1.0 + 0.25 * std::min(h.count - 1, 2));
    if (disclaims && (r.cat == category::sales || (r.headline && r.cat == category::recruiter))) w *= 0.3;
    add(i, w, r.headline ? std::nullopt : note_span(h.b, h.e));
  }

  // Praise that leads into a pitch: content praise or flattery before the first pitch phrase.
  if (!no_note && !disclaims) {
    std::size_t first_pitch = std::string::npos, first_pitch_end = 0, first_praise = std::string::npos;
    for (std::size_t i = 0; i < c.feature_base; ++i) {
      const auto& r = c.rules[i];
      if (!msg[i].count || r.headline) continue;
      if (r.cat == category::sales && r.weight >= 3.0 && msg[i].b < first_pitch) {
        first_pitch = msg[i].b;
        first_pitch_end = msg[i].e;
      }
      if (r.id == "personal.their_content" || r.id == "generic.flattery") first_praise = std::min(first_praise, msg[i].b);
    }
    if (first_pitch != std::string::npos && first_praise < first_pitch) {
      add(c.f_praise_pitch, c.rules[c.f_praise_pitch].weight, note_span(first_praise, first_pitch_end));
      // The praise was the hook, not the reason: it no longer speaks for `personal`.
      for (auto& it : s.items)
        if (c.rules[it.rule].cat == category::personal) {
          s.score[static_cast<std::size_t>(category::personal)] -= it.weight * 0.7;
          it.weight *= 0.3;
        }
    }
  }

  // Features of the note as a whole.
  std::size_t content_words = 0, total_words = 0;
  if (no_note) {
    add(c.f_no_note, c.rules[c.f_no_note].weight, std::nullopt);
  } else {
    const std::vector<std::string> sender_words = folded_words(fold(inv.sender.name).text);
    std::size_t i = 0;
    const std::string& t = note.text;
    while (i < t.size()) {
      while (i < t.size() && t[i] == ' ') ++i;
      std::size_t j = i;
      while (j < t.size() && t[j] != ' ') ++j;
      if (j > i) {
        ++total_words;
        const std::string_view w(t.data() + i, j - i);
        bool is_filler = filler[i];
        if (!is_filler)  // the sender's own name is not content either
          is_filler = std::find(sender_words.begin(), sender_words.end(), w) != sender_words.end();
        if (!is_filler) ++content_words;
      }
      i = j;
    }
    if (has_placeholder(inv.message)) add(c.f_placeholder, c.rules[c.f_placeholder].weight, std::nullopt);
    if (content_words == 0) {
      add(c.f_greeting_only, c.rules[c.f_greeting_only].weight, std::nullopt);
    }
  }

  // LinkedIn's default texts, in any language, matched as templates: most of a template's words
  // present and little else beyond greetings and names.
  std::string default_lang;
  if (!no_note && total_words <= 30) {
    for (std::size_t t = 0; t < pack.default_invites.size(); ++t) {
      const auto& d = pack.default_invites[t];
      const std::size_t present = static_cast<std::size_t>(__builtin_popcountll(invite_words[t]));
      const double containment = d.words.empty() ? 0 : static_cast<double>(present) / d.words.size();
      const std::size_t extra = content_words > present ? content_words - present : 0;
      if (containment >= 0.75 && extra <= 3) {
        default_lang = d.language;
        add(c.f_default_text, c.rules[c.f_default_text].weight, std::nullopt);
        break;
      }
    }
  }

  // Shared organisations: in the headline they make a generic invitation `known`; in the note
  // they are weaker evidence that needs words of a relationship beside them.
  const auto& me = c.policy.me;
  auto org_text = [&](std::size_t rule, const std::vector<std::string>& names, std::size_t index) {
    return fill(c.rules[rule].text, "{org}", index < names.size() ? names[index] : "");
  };
  if (msg_company.found) add(c.f_named_company, c.rules[c.f_named_company].weight, note_span(msg_company.b, msg_company.e), org_text(c.f_named_company, me.companies, msg_company.index));
  if (msg_school.found) add(c.f_named_school, c.rules[c.f_named_school].weight, note_span(msg_school.b, msg_school.e), org_text(c.f_named_school, me.schools, msg_school.index));
  if (msg_group.found) add(c.f_named_group, c.rules[c.f_named_group].weight, note_span(msg_group.b, msg_group.e), org_text(c.f_named_group, me.groups, msg_group.index));

  // Links, phones and look-alike words.
  if (!no_note) {
    bool any_link = false, strong_link = false;
    for (const auto& ent : note.entities) {
      const std::pair<std::uint32_t, std::uint32_t> sp{ent.begin16, ent.end16};
      if (ent.kind == entity_kind::phone) { add(c.f_phone, c.rules[c.f_phone].weight, sp); continue; }
      if (ent.kind != entity_kind::url) continue;
      const std::string host = url_host(ent.folded);
      bool official = false;
      for (const auto& d : pack.official_domains) official = official || ends_with_domain(host, d);
      if (official) continue;
      any_link = true;
      for (const auto& d : pack.shorteners)
        if (ends_with_domain(host, d)) { add(c.f_short_link, c.rules[c.f_short_link].weight, sp); strong_link = true; break; }
      // A host that contains a brand (or its look-alike) but is not the brand's own domain.
      const std::string host_skel = detail::skeleton(host);
      for (std::size_t b = 0; b < pack.brands.size() && !strong_link; ++b)
        if (host.find(pack.brands[b]) != std::string::npos || host_skel.find(c.brand_skeletons[b]) != std::string::npos) {
          add(c.f_lookalike_domain, c.rules[c.f_lookalike_domain].weight, sp, fill(c.rules[c.f_lookalike_domain].text, "{brand}", pack.brands[b]));
          strong_link = true;
        }
      for (std::size_t k = 0; k < c.employer_words.size() && !strong_link; ++k) {
        const auto& w = c.employer_words[k];
        const auto at = host.find(w);
        if (at == std::string::npos) continue;
        const bool own = ends_with_domain(host, w + ".com") || host.rfind(w + ".", 0) == 0;
        if (!own) {
          add(c.f_employer_domain, c.rules[c.f_employer_domain].weight, sp, fill(c.rules[c.f_employer_domain].text, "{org}", w));
          strong_link = true;
        }
      }
      for (const auto& w : pack.url_words)
        if (ent.folded.find(w) != std::string::npos) { add(c.f_login_link, c.rules[c.f_login_link].weight, sp); break; }
    }
    if (any_link && !strong_link) add(c.f_link, c.rules[c.f_link].weight, std::nullopt);

    // Words spelled to dodge filters: "telegrarn", "linkedln", "whatsap p".
    std::size_t i = 0;
    const std::string& t = note.text;
    bool found = false;
    while (i < t.size() && !found) {
      while (i < t.size() && t[i] == ' ') ++i;
      std::size_t j = i;
      while (j < t.size() && t[j] != ' ') ++j;
      const std::string_view w(t.data() + i, j - i);
      if (w.size() >= 6 && may_be_lookalike(w)) {
        const std::string sk = detail::skeleton(w);
        for (std::size_t b = 0; b < pack.brands.size(); ++b)
          if (sk == c.brand_skeletons[b] && w != pack.brands[b]) {
            add(c.f_lookalike, c.rules[c.f_lookalike].weight, note_span(i, j), fill(c.rules[c.f_lookalike].text, "{brand}", pack.brands[b]));
            found = true;
            break;
          }
      }
      i = j;
    }
    if (note.question_marks > 0) add(c.f_question, c.rules[c.f_question].weight, std::nullopt);
  }

  // The decision.
  auto S = [&](category k) { return s.score[static_cast<std::size_t>(k)]; };
  const category specific[] = {category::known, category::personal, category::job_seeker,
                               category::recruiter, category::sales, category::networker};
  // Message-only strength of each specific category, to decide whether headline evidence counts.
  auto message_score = [&](category k) {
    double v = 0;
    for (const auto& it : s.items)
      if (c.rules[it.rule].cat == k && !(it.rule < c.feature_base && c.rules[it.rule].headline)) v += it.weight;
    return v;
  };
  double strongest_message = 0;
  for (category k : {category::personal, category::job_seeker, category::recruiter, category::sales,
                     category::networker, category::romance, category::scam})
    strongest_message = std::max(strongest_message, message_score(k));
  // A headline naming the user's employer or school makes an invitation `known` only when the
  // note itself says nothing more specific (contract: "no/generic note but the headline...").
  const double org_factor = strongest_message >= pack.decide_threshold ? 0.3 : 1.0;
  if (head_company.found) add(c.f_headline_company, c.rules[c.f_headline_company].weight * org_factor, std::nullopt, org_text(c.f_headline_company, me.companies, head_company.index));
  else if (head_school.found) add(c.f_headline_school, c.rules[c.f_headline_school].weight * org_factor, std::nullopt, org_text(c.f_headline_school, me.schools, head_school.index));
  if (head_group.found) add(c.f_headline_group, c.rules[c.f_headline_group].weight, std::nullopt, org_text(c.f_headline_group, me.groups, head_group.index));
  if (inv.sender.mutual_connections >= 10)
    add(c.f_mutuals, c.rules[c.f_mutuals].weight, std::nullopt, fill(c.rules[c.f_mutuals].text, "{n}", std::to_string(inv.sender.mutual_connections)));

  // A short note with nothing specific is generic.
  if (!no_note && content_words > 0 && content_words <= 3) {
    double any = 0;
    for (category k : specific) any = std::max(any, S(k));
    if (any < pack.decide_threshold) add(c.f_short_note, c.rules[c.f_short_note].weight, std::nullopt);
  }

  category chosen = category::generic;
  if (S(category::scam) >= pack.scam_threshold && S(category::scam) >= S(category::known)) {
    chosen = category::scam;
  } else if (S(category::romance) >= pack.romance_threshold && S(category::romance) >= S(category::known) &&
             S(category::romance) >= S(category::personal)) {
    chosen = category::romance;
  } else {
    category best = category::known;
    for (category k : specific)
      if (S(k) > S(best) + 1e-9) best = k;
    if (S(best) >= pack.decide_threshold && S(best) >= 0.5 * S(category::generic)) chosen = best;
    // A job ask from someone with a real relationship is still someone you know (contract:
    // job_seeker is an ask "with no other concrete reason").
    // Only the note's own words of a relationship count: a shared school in the headline does not.
    if (chosen == category::job_seeker) {
      double said = 0;
      for (const auto& it : s.items)
        if (it.rule < c.feature_base && c.rules[it.rule].cat == category::known && !c.rules[it.rule].headline) said += it.weight;
      if (said >= pack.decide_threshold) chosen = category::known;
    }
  }

  // Confidence from the margin over the runner-up, by arithmetic alone (no libm), so the native
  // and wasm builds print the same digits.
  double top = S(chosen), second = 0;
  if (chosen == category::generic) top = std::max(top, pack.decide_threshold);
  for (category k : all_categories)
    if (k != chosen) second = std::max(second, S(k));
  const double margin = std::max(0.0, top - second);
  double confidence = 0.5 + 0.49 * margin / (margin + 2.0);
  confidence = std::round(confidence * 100.0) / 100.0;

  result out;
  out.id = inv.id;
  out.category = chosen;
  out.verdict = verdict_for(chosen, c.policy.mode, inv.prior_invitations);
  out.confidence = confidence;

  // Reasons: the chosen category's evidence first, then the rest, each strongest first.
  std::stable_sort(s.items.begin(), s.items.end(), [&](const scored::item& a, const scored::item& b) {
    const bool ac = c.rules[a.rule].cat == chosen, bc = c.rules[b.rule].cat == chosen;
    if (ac != bc) return ac;
    return a.weight > b.weight;
  });
  out.reasons.reserve(s.items.size() + 1);
  for (const auto& it : s.items) {
    if (it.weight <= 0.05) continue;
    const rule_entry& r = c.rules[it.rule];
    reason rs;
    rs.rule = r.id;
    rs.text = it.text.empty() ? r.text : it.text;
    rs.category = r.cat;
    rs.weight = std::round(it.weight * 100.0) / 100.0;
    if (it.span && it.span->second > it.span->first) {
      rs.span = it.span;
      rs.evidence = slice16(inv.message, it.span->first, it.span->second);
    }
    out.reasons.push_back(std::move(rs));
  }
  if (inv.prior_invitations >= 1 && out.verdict == verdict::ignore &&
      verdict_for(chosen, c.policy.mode, 0) != verdict::ignore) {
    reason rs;
    rs.rule = "policy.repeat_invitation";
    rs.text = "Invited you before and was not accepted (" + std::to_string(inv.prior_invitations) +
              (inv.prior_invitations == 1 ? " earlier invitation)" : " earlier invitations)");
    rs.category = chosen;
    out.reasons.insert(out.reasons.begin(), std::move(rs));
  }

  // Language: the default text's, else the language with most function words.
  out.language = default_lang;
  if (out.language.empty()) {
    int best = 0;
    for (std::size_t i = 0; i < lang_count.size(); ++i)
      if (lang_count[i] > best) { best = lang_count[i]; out.language = c.languages[i]; }
    if (best < 2 && total_words > 4) out.language.clear();
  }
  if (out.language.empty()) out.language = "en";

  const std::string reply_lang =
      std::find(supported_languages().begin(), supported_languages().end(), out.language) != supported_languages().end()
          ? out.language : "en";
  if (out.verdict == verdict::ask || out.verdict == verdict::decline)
    out.reply_variants = detail::draft_replies(pack, c.policy,
        {chosen, out.verdict, reply_lang, first_name_of(inv.sender.name), inv.id + "\n" + inv.sender.name});
  if (!out.reply_variants.empty()) out.reply = out.reply_variants.front();
  return out;
}

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
