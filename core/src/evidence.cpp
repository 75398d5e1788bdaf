// Compiling a policy and gathering an invitation's evidence (see engine_detail.hpp).
//
// One engine per policy compiles every phrase of the pack, the policy's own rules, the user's
// organisations and groups, greeting words and language hints into a single Aho-Corasick
// automaton. Gathering is then: fold the note and the headline → one scan each → rule hits and
// facts (no note, default text, greeting only, placeholders, links, look-alike words, shared
// organisations) → hashed features for the model: every hit and fact, the note's words, word
// pairs and character 4-grams, the headline's words and word pairs.
#include <algorithm>
#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

#include "engine_detail.hpp"
#include "orgs_detail.hpp"
#include "vouch/names.hpp"

namespace vouch::detail {

using nlohmann::json;

// What a pattern of the automaton stands for: the kind in the top byte, an index below.
enum pattern_kind : std::uint32_t { k_rule = 0, k_company = 1, k_school = 2, k_group = 3, k_filler = 4, k_language = 5, k_invite = 6, k_me = 7 };
constexpr std::uint32_t pack_id(pattern_kind k, std::size_t index) { return (static_cast<std::uint32_t>(k) << 24) | static_cast<std::uint32_t>(index); }

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


std::string profile_slug(std::string_view url) {
  const auto at = url.find("/in/");
  if (at == std::string_view::npos) return "";
  std::string slug;
  for (std::size_t i = at + 4; i < url.size() && url[i] != '/' && url[i] != '?' && url[i] != '#'; ++i)
    slug += static_cast<char>(std::tolower(static_cast<unsigned char>(url[i])));
  return slug;
}

namespace {


std::string fill(std::string text, std::string_view key, std::string_view value) {
  const auto at = text.find(key);
  if (at != std::string::npos) text.replace(at, key.size(), value);
  return text;
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
  // Most notes have no bracket at all: memchr (vectorised by the C library) tells at once.
  bool any_open = false;
  for (const char open : {'{', '[', '<', '%'}) any_open = any_open || std::memchr(m.data(), open, m.size()) != nullptr;
  if (!any_open) return false;
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


}  // namespace

namespace {

/// Appends features for one group of words, each of value 1/sqrt(count) (the group has unit length).
struct feature_group {
  std::vector<feature>& out;
  std::size_t first;
  explicit feature_group(std::vector<feature>& o) : out(o), first(o.size()) {}
  void add(std::uint32_t bucket, feature_source src, std::uint32_t ref) { out.push_back({bucket, 1.0f, src, ref}); }
  ~feature_group() {
    const std::size_t n = out.size() - first;
    if (n == 0) return;
    const float v = static_cast<float>(1.0 / std::sqrt(static_cast<double>(n)));
    for (std::size_t i = first; i < out.size(); ++i) out[i].value = v;
  }
};

bool token_word(std::string_view w) { return w.size() > 1 && w[0] == 'z' && (w == "zme" || w == "zsender"); }

}  // namespace

void gather(const compiled_engine& c, const invitation& inv, evidence& ev, bool expand_chars) {
  ev.reset();
  const rule_pack& pack = *c.pack;
  const std::size_t n_rules = c.rules.size();

  // Per rule: the first hit's folded span, and how many distinct hits.
  struct rule_hit { std::size_t b = 0, e = 0; int count = 0; };
  thread_local std::vector<rule_hit> msg, head;
  msg.assign(n_rules, rule_hit{});
  head.assign(n_rules, rule_hit{});
  ev.lang_count.assign(c.languages.size(), 0);
  std::vector<std::uint64_t> invite_words(pack.default_invites.size(), 0);
  struct org_seen { std::size_t index = 0; std::size_t b = 0, e = 0; bool found = false; };
  org_seen msg_company, msg_school, msg_group, head_company, head_school, head_group;

  // A note is judged on its first max_note_bytes (cut at a character boundary).
  std::string_view message = inv.message;
  if (message.size() > max_note_bytes) {
    std::size_t cut = max_note_bytes;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
    message = message.substr(0, cut);
  }
  ev.no_note = message.find_first_not_of(" \t\r\n") == std::string::npos;
  thread_local std::vector<std::uint8_t> filler;  // per folded byte: 1 greeting, 2 the recipient's name
  filler.clear();
  if (!ev.no_note) {
    fold_into(message, ev.note);
    filler.assign(ev.note.text.size(), 0);
    c.automaton.scan(ev.note.text, [&](std::uint32_t id, std::size_t b, std::size_t e) {
      const auto kind = id >> 24;
      const auto index = id & 0xFFFFFF;
      switch (kind) {
        case k_rule: {
          if (c.rules[index].headline) break;
          auto& h = msg[index];
          if (h.count == 0) { h.b = b; h.e = e; }
          ++h.count;
          break;
        }
        case k_company:
          if (!msg_company.found && !org_runs_on(ev.note, message, b, e, c.company_words[index], c.company_names[index])) msg_company = {index, b, e, true};
          break;
        case k_school:
          if (!msg_school.found && !org_runs_on(ev.note, message, b, e, c.school_words[index], c.school_names[index])) msg_school = {index, b, e, true};
          break;
        case k_group: if (!msg_group.found) msg_group = {index, b, e, true}; break;
        case k_filler: for (std::size_t k = b; k < e; ++k) filler[k] = std::max<std::uint8_t>(filler[k], 1); break;
        case k_me: for (std::size_t k = b; k < e; ++k) filler[k] = 2; break;
        case k_language: ++ev.lang_count[index]; break;
        case k_invite: invite_words[index / 64] |= std::uint64_t{1} << (index % 64); break;
        default: break;
      }
    });
  }
  folded_text& h = ev.head;
  if (!inv.sender.headline.empty()) {
    std::string_view headline = inv.sender.headline;
    if (headline.size() > max_headline_bytes) headline = headline.substr(0, max_headline_bytes);
    fold_into(headline, h);
    c.automaton.scan(h.text, [&](std::uint32_t id, std::size_t b, std::size_t e) {
      const auto kind = id >> 24;
      const auto index = id & 0xFFFFFF;
      if (kind == k_rule && c.rules[index].headline) {
        auto& hh = head[index];
        if (hh.count == 0) { hh.b = b; hh.e = e; }
        ++hh.count;
      } else if (kind == k_company && !head_company.found) {
        if (!org_runs_on(h, headline, b, e, c.company_words[index], c.company_names[index])) head_company = {index, b, e, true};
      } else if (kind == k_school && !head_school.found) {
        if (!org_runs_on(h, headline, b, e, c.school_words[index], c.school_names[index])) head_school = {index, b, e, true};
      } else if (kind == k_group && !head_group.found) head_group = {index, b, e, true};
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
        if (kind == k_company && !head_company.found) head_company = {index, 0, 0, true};
        else if (kind == k_school && !head_school.found) head_school = {index, 0, 0, true};
      });
    }
  }

  auto note_span = [&](std::size_t b, std::size_t e) -> std::optional<std::pair<std::uint32_t, std::uint32_t>> {
    return ev.note.original_span(b, e);
  };
  auto add = [&](std::size_t rule, std::optional<std::pair<std::uint32_t, std::uint32_t>> span, std::string text = {}) {
    if (c.rules[rule].scale == 0) return;
    ev.items.push_back({rule, span, std::move(text)});
  };

  // Does the note disclaim a pitch ("not a pitch", "no agenda")? Sales talk after the disclaimer
  // makes it the pitch's disguise: the disclaimer is then not evidence of anything.
  std::size_t disclaimer = n_rules;
  for (std::size_t i = 0; i < c.feature_base; ++i)
    if (msg[i].count && c.rules[i].disclaims_pitch) disclaimer = i;
  if (disclaimer != n_rules)
    for (std::size_t i = 0; i < c.feature_base; ++i)
      if (msg[i].count && !c.rules[i].headline && c.rules[i].cat == category::sales && msg[i].b >= msg[disclaimer].e) {
        msg[disclaimer].count = 0;
        disclaimer = n_rules;
        break;
      }
  if (disclaimer != n_rules) add(c.f_disclaims, note_span(msg[disclaimer].b, msg[disclaimer].e));

  for (std::size_t i = 0; i < c.feature_base; ++i) {
    const auto& r = c.rules[i];
    const rule_hit& hh = r.headline ? head[i] : msg[i];
    if (!hh.count) continue;
    add(i, r.headline ? std::nullopt : note_span(hh.b, hh.e));
  }

  // Praise that leads into a pitch: content praise or flattery before the first pitch phrase.
  if (!ev.no_note) {
    std::size_t first_pitch = std::string::npos, first_pitch_end = 0, first_praise = std::string::npos;
    for (std::size_t i = 0; i < c.feature_base; ++i) {
      const auto& r = c.rules[i];
      if (!msg[i].count || r.headline || r.custom) continue;
      if (r.cat == category::sales && msg[i].b < first_pitch) { first_pitch = msg[i].b; first_pitch_end = msg[i].e; }
      if (r.id == "personal.their_content" || r.id == "generic.flattery") first_praise = std::min(first_praise, msg[i].b);
    }
    if (first_pitch != std::string::npos && first_praise < first_pitch) add(c.f_praise_pitch, note_span(first_praise, first_pitch_end));
  }

  // The note's words: greetings, the recipient's and the sender's names are not content.
  std::size_t content_words = 0;
  thread_local folded_text sender_folded;
  thread_local std::vector<std::string_view> sender_words;
  fold_into(std::string_view(inv.sender.name).substr(0, 200), sender_folded);
  folded_word_views(sender_folded.text, sender_words);
  thread_local std::vector<std::string_view> words;  // the note's words, names replaced by tokens
  words.clear();
  if (!ev.no_note) {
    std::size_t i = 0;
    const std::string& t = ev.note.text;
    while (i < t.size()) {
      while (i < t.size() && t[i] == ' ') ++i;
      std::size_t j = i;
      while (j < t.size() && t[j] != ' ') ++j;
      if (j > i) {
        ++ev.total_words;
        const std::string_view w(t.data() + i, j - i);
        const bool is_sender = std::find(sender_words.begin(), sender_words.end(), w) != sender_words.end();
        if (!filler[i] && !is_sender) ++content_words;
        ev.words.push_back({i, j});
        words.push_back(filler[i] == 2 ? std::string_view("zme") : is_sender ? std::string_view("zsender") : w);
      }
      i = j;
    }
    if (has_placeholder(message)) add(c.f_placeholder, std::nullopt);
    if (content_words == 0) add(c.f_greeting_only, std::nullopt);
    else if (content_words <= 3) add(c.f_short_note, std::nullopt);
    else if (content_words <= 25) add(c.f_medium_note, std::nullopt);
    else add(c.f_long_note, std::nullopt);
    if (std::find(words.begin(), words.end(), "zme") != words.end()) add(c.f_greets_me, std::nullopt);
  } else {
    add(c.f_no_note, std::nullopt);
  }

  // LinkedIn's default texts, in any language, matched as templates: most of a template's words
  // present and little else beyond greetings and names.
  bool default_text = false;
  if (!ev.no_note && ev.total_words <= 30) {
    for (std::size_t t = 0; t < pack.default_invites.size(); ++t) {
      const auto& d = pack.default_invites[t];
      const std::size_t present = static_cast<std::size_t>(__builtin_popcountll(invite_words[t]));
      const double containment = d.words.empty() ? 0 : static_cast<double>(present) / d.words.size();
      const std::size_t extra = content_words > present ? content_words - present : 0;
      if (containment >= 0.75 && extra <= 3) {
        ev.default_lang = d.language;
        default_text = true;
        add(c.f_default_text, std::nullopt);
        break;
      }
    }
  }

  // Shared organisations, in the note and in the headline; in the headline, what the note says
  // beside it decides what it means (a colleague's bare invitation, or a pitch from someone there).
  const auto& me = c.policy.me;
  auto org_text = [&](std::size_t rule, const std::vector<std::string>& names, std::size_t index) {
    return fill(c.rules[rule].text, "{org}", index < names.size() ? names[index] : "");
  };
  if (msg_company.found) add(c.f_named_company, note_span(msg_company.b, msg_company.e), org_text(c.f_named_company, me.companies, msg_company.index));
  if (msg_school.found) add(c.f_named_school, note_span(msg_school.b, msg_school.e), org_text(c.f_named_school, me.schools, msg_school.index));
  if (msg_group.found) add(c.f_named_group, note_span(msg_group.b, msg_group.e), org_text(c.f_named_group, me.groups, msg_group.index));
  std::string head_org;
  if (head_company.found) {
    add(c.f_headline_company, std::nullopt, org_text(c.f_headline_company, me.companies, head_company.index));
    head_org = head_company.index < me.companies.size() ? me.companies[head_company.index] : "";
  } else if (head_school.found) {
    add(c.f_headline_school, std::nullopt, org_text(c.f_headline_school, me.schools, head_school.index));
    head_org = head_school.index < me.schools.size() ? me.schools[head_school.index] : "";
  }
  ev.content_free = ev.no_note || default_text || content_words == 0;
  ev.headline_org = head_company.found || head_school.found;
  if (head_company.found || head_school.found) {
    const std::size_t f = ev.no_note ? c.f_org_no_note : default_text || content_words == 0 ? c.f_org_default
                          : content_words <= 8 ? c.f_org_short : c.f_org_long;
    add(f, std::nullopt, fill(c.rules[f].text, "{org}", head_org));
  }
  if (head_group.found) add(c.f_headline_group, std::nullopt, org_text(c.f_headline_group, me.groups, head_group.index));
  const int mutuals = inv.sender.mutual_connections;
  if (mutuals >= 10) add(c.f_mutuals, std::nullopt, fill(c.rules[c.f_mutuals].text, "{n}", std::to_string(mutuals)));
  else if (mutuals >= 1) add(c.f_few_mutuals, std::nullopt, fill(c.rules[c.f_few_mutuals].text, "{n}", std::to_string(mutuals)));
  else if (mutuals == 0) add(c.f_no_mutuals, std::nullopt);
  if (inv.sender.headline.find_first_not_of(" \t") == std::string::npos) add(c.f_headline_empty, std::nullopt);

  // Links, phones and look-alike words.
  if (!ev.no_note) {
    bool any_link = false, strong_link = false;
    for (const auto& ent : ev.note.entities) {
      const std::pair<std::uint32_t, std::uint32_t> sp{ent.begin16, ent.end16};
      if (ent.kind == entity_kind::phone) { add(c.f_phone, sp); continue; }
      if (ent.kind != entity_kind::url) continue;
      const std::string host = url_host(ent.folded);
      bool official = false;
      for (const auto& d : pack.official_domains) official = official || ends_with_domain(host, d);
      if (official) continue;
      any_link = true;
      for (const auto& d : pack.shorteners)
        if (ends_with_domain(host, d)) { add(c.f_short_link, sp); strong_link = true; break; }
      // A host that contains a brand (or its look-alike) but is not the brand's own domain.
      const std::string host_skel = skeleton(host);
      for (std::size_t b = 0; b < pack.brands.size() && !strong_link; ++b)
        if (host.find(pack.brands[b]) != std::string::npos || host_skel.find(c.brand_skeletons[b]) != std::string::npos) {
          add(c.f_lookalike_domain, sp, fill(c.rules[c.f_lookalike_domain].text, "{brand}", pack.brands[b]));
          strong_link = true;
        }
      for (std::size_t k = 0; k < c.employer_words.size() && !strong_link; ++k) {
        const auto& w = c.employer_words[k];
        if (host.find(w) == std::string::npos) continue;
        const bool own = ends_with_domain(host, w + ".com") || host.rfind(w + ".", 0) == 0;
        if (!own) {
          add(c.f_employer_domain, sp, fill(c.rules[c.f_employer_domain].text, "{org}", w));
          strong_link = true;
        }
      }
      for (const auto& w : pack.url_words)
        if (ent.folded.find(w) != std::string::npos) { add(c.f_login_link, sp); break; }
    }
    if (any_link && !strong_link) add(c.f_link, std::nullopt);

    // Words spelled to dodge filters: "telegrarn", "linkedln", "whatsap p".
    for (std::size_t k = 0; k < ev.words.size(); ++k) {
      const std::string_view w(ev.note.text.data() + ev.words[k].first, ev.words[k].second - ev.words[k].first);
      if (w.size() < 6 || !may_be_lookalike(w)) continue;
      const std::string sk = skeleton(w);
      bool found = false;
      for (std::size_t b = 0; b < pack.brands.size() && !found; ++b)
        if (sk == c.brand_skeletons[b] && w != pack.brands[b]) {
          add(c.f_lookalike, note_span(ev.words[k].first, ev.words[k].second), fill(c.rules[c.f_lookalike].text, "{brand}", pack.brands[b]));
          found = true;
        }
      if (found) break;
    }
    if (ev.note.question_marks > 0) add(c.f_question, std::nullopt);
  }

  // The model's features: every rule and fact, then the words.
  ev.features.clear();
  for (const auto& it : ev.items)
    if (!c.rules[it.rule].custom)
      ev.features.push_back({c.rules[it.rule].bucket, static_cast<float>(c.rules[it.rule].scale),
                             it.rule < c.feature_base ? feature_source::rule : feature_source::flag,
                             static_cast<std::uint32_t>(it.rule)});
  {
    feature_group g(ev.features);
    for (std::size_t k = 0; k < words.size(); ++k) g.add(feature_bucket('w', words[k]), feature_source::word, static_cast<std::uint32_t>(k));
  }
  {
    feature_group g(ev.features);
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
      feature_hasher f('b');
      f.add(words[k]);
      f.add(' ');
      f.add(words[k + 1]);
      g.add(f.bucket(), feature_source::bigram, static_cast<std::uint32_t>(k));
    }
  }
  if (expand_chars) {
    feature_group g(ev.features);
    for (std::size_t k = 0; k < words.size(); ++k)
      if (words[k].size() >= 3 && !token_word(words[k]))
        char_grams(words[k], [&](std::uint32_t bucket) { g.add(bucket, feature_source::chars, static_cast<std::uint32_t>(k)); });
  } else {
    // Scored per word from a cache of each word's summed 4-gram rows (classify.cpp): the same sum.
    std::size_t grams = 0;
    for (std::size_t k = 0; k < words.size(); ++k)
      if (words[k].size() >= 3 && !token_word(words[k])) {
        ev.char_words.push_back({static_cast<std::uint32_t>(k), 0.0f});
        grams += std::min<std::size_t>(words[k].size(), max_gram_word) - 1;
      }
    const float v = grams ? static_cast<float>(1.0 / std::sqrt(static_cast<double>(grams))) : 0.0f;
    for (auto& cw : ev.char_words) cw.second = v;
  }
  folded_word_views(h.text, ev.headline_words);
  // The headline's words in pieces too: roles read alike across languages ("recruiter",
  // "recrutadora", "reclutador").
  if (expand_chars) {
    feature_group g(ev.features);
    for (std::size_t k = 0; k < ev.headline_words.size(); ++k)
      if (ev.headline_words[k].size() >= 3 && !token_word(ev.headline_words[k]))
        char_grams(ev.headline_words[k], [&](std::uint32_t bucket) { g.add(bucket, feature_source::head_chars, static_cast<std::uint32_t>(k)); }, 'g');
  } else {
    std::size_t grams = 0;
    for (std::size_t k = 0; k < ev.headline_words.size(); ++k)
      if (ev.headline_words[k].size() >= 3 && !token_word(ev.headline_words[k])) {
        ev.head_char_words.push_back({static_cast<std::uint32_t>(k), 0.0f});
        grams += std::min<std::size_t>(ev.headline_words[k].size(), max_gram_word) - 1;
      }
    const float v = grams ? static_cast<float>(1.0 / std::sqrt(static_cast<double>(grams))) : 0.0f;
    for (auto& cw : ev.head_char_words) cw.second = v;
  }
  {
    feature_group g(ev.features);
    for (std::size_t k = 0; k < ev.headline_words.size(); ++k)
      g.add(feature_bucket('h', ev.headline_words[k]), feature_source::head_word, static_cast<std::uint32_t>(k));
  }
  {
    feature_group g(ev.features);
    for (std::size_t k = 0; k + 1 < ev.headline_words.size(); ++k) {
      feature_hasher f('k');
      f.add(ev.headline_words[k]);
      f.add(' ');
      f.add(ev.headline_words[k + 1]);
      g.add(f.bucket(), feature_source::head_bigram, static_cast<std::uint32_t>(k));
    }
  }
}

}  // namespace vouch::detail

namespace vouch {

using detail::compiled_engine;
using detail::pack_id;
using detail::rule_entry;
using nlohmann::json;

outcome<engine> engine::create(const vouch::policy& p) { return create(p, nullptr); }

outcome<engine> engine::create(const vouch::policy& p, std::shared_ptr<const detail::linear_model> model) {
  const auto& pack_outcome = detail::default_rule_pack();
  if (!pack_outcome.ok()) return error{"the built-in rule pack is invalid: " + pack_outcome.message()};
  const detail::rule_pack& pack = pack_outcome.value();

  auto c = std::make_shared<compiled_engine>();
  c->policy = p;
  c->pack = &pack;
  c->model = model ? std::move(model)
                   : std::shared_ptr<const detail::linear_model>(std::shared_ptr<void>{}, &detail::linear_model::builtin());
  auto scale_of = [&](const std::string& id) {
    auto it = p.rule_weights.find(id);
    return it == p.rule_weights.end() ? 1.0 : it->second;
  };
  auto bucket_of = [](const std::string& id) { return detail::feature_bucket('r', id); };
  for (const auto& r : pack.rules)
    c->rules.push_back({r.id, r.category, r.weight, scale_of(r.id), r.text, r.headline, r.disclaims_pitch, false, bucket_of(r.id)});
  for (const auto& r : p.rules)
    c->rules.push_back({r.id, *category_from_name(r.category), r.weight, scale_of(r.id), r.text, false, false, true, 0});

  // Facts: rules computed in code, with texts from the pack.
  c->feature_base = c->rules.size();
  const json& features = detail::default_pack_json()["classify"]["features"];
  if (features.is_object())
    for (auto it = features.begin(); it != features.end(); ++it) {
      const auto cat = category_from_name(it->value("category", ""));
      if (!cat) return error{"pack.classify.features." + it.key() + ".category: unknown category"};
      c->rules.push_back({it.key(), *cat, it->value("weight", 0.0), scale_of(it.key()), it->value("text", std::string()), false, false, false, bucket_of(it.key())});
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
      {&c->f_login_link, "scam.login_link"}, {&c->f_link, "scam.link"}, {&c->f_phone, "scam.phone"},
      {&c->f_no_mutuals, "note.no_mutuals"}, {&c->f_few_mutuals, "note.few_mutuals"},
      {&c->f_long_note, "note.long"}, {&c->f_medium_note, "note.medium"},
      {&c->f_org_no_note, "known.headline_org_no_note"}, {&c->f_org_default, "known.headline_org_default_note"},
      {&c->f_org_short, "known.headline_org_short_note"}, {&c->f_org_long, "known.headline_org_long_note"},
      {&c->f_disclaims, "personal.no_pitch_stands"}, {&c->f_greets_me, "note.greets_you"},
      {&c->f_headline_empty, "note.no_headline"}};
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
  auto own_words = [](const std::vector<std::string>& names) {
    std::vector<std::vector<std::string>> out;
    for (const auto& n : names) out.push_back(detail::org_own_words(n));
    return out;
  };
  c->company_words = own_words(p.me.companies);
  c->school_words = own_words(p.me.schools);
  for (const auto& n : p.me.companies) c->company_names.push_back(folded_words(fold_phrase(n)));
  for (const auto& n : p.me.schools) c->school_names.push_back(folded_words(fold_phrase(n)));
  add_orgs(p.me.companies, detail::k_company);
  add_orgs(p.me.schools, detail::k_school);
  add_orgs(p.me.groups, detail::k_group);
  for (const auto& g : pack.greetings) add_phrase(g, pack_id(detail::k_filler, 0));
  for (const auto& w : folded_words(fold_phrase(p.me.name))) c->automaton.add(" " + w + " ", pack_id(detail::k_me, 1));
  for (const auto& w : folded_words(fold_phrase(p.me.first_name))) c->automaton.add(" " + w + " ", pack_id(detail::k_me, 1));
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
  detail::compile_corrections(*c);
  return engine(std::move(c));
}

std::vector<detail::feature> engine::features_of(const invitation& inv) const {
  detail::evidence ev;
  detail::gather(*impl_, inv, ev, true);
  return std::move(ev.features);
}

}  // namespace vouch
