#include "vouch/policy.hpp"

#include "vouch/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include <nlohmann/json.hpp>

#include "json_read.hpp"
#include "rule_pack.hpp"
#include "vouch/category.hpp"
#include "vouch/names.hpp"

namespace vouch {

VOUCH_SMALL_CODE void detail::json_reader::fail(const std::string& path, const std::string& what) {
  if (errors_ != 0 && !every_) return;
  if (errors_++ != 0) error_ += '\n';
  error_ += path + ": " + what;
}

using nlohmann::json;
using detail::json_reader;

const char* mode_name(vouch::mode m) {
  switch (m) {
    case mode::quality: return "quality";
    case mode::balanced: return "balanced";
    case mode::open: return "open";
  }
  return "balanced";
}

namespace {

// Every invalid field is reported (json_reader(true)); a field's meaning is checked only when it
// could be read, so one mistake gives one message.

/// `s` in quotes, as JSON writes it, so that a value shown in a message cannot break its line.
VOUCH_SMALL_CODE std::string in_quotes(const std::string& s) { return json(s).dump(-1, ' ', false, json::error_handler_t::replace); }

const std::string categories_expected =
    "expected one of known, personal, generic, networker, sales, recruiter, job_seeker, romance, scam; got ";

VOUCH_SMALL_CODE void read_me(json_reader& r, const json& j, me_profile& me) {
  const std::string path = "policy.me";
  r.string_field(j, "name", path, me.name);
  r.string_field(j, "first_name", path, me.first_name);
  r.string_field(j, "headline", path, me.headline);
  r.string_list(j, "companies", path, me.companies);
  r.string_list(j, "schools", path, me.schools);
  r.string_list(j, "groups", path, me.groups);
  r.string_field(j, "work_email", path, me.work_email);
  r.string_field(j, "follow_url", path, me.follow_url);
  if (!me.work_email.empty() && me.work_email.find('@') == std::string::npos)
    r.fail(path + ".work_email", "expected an e-mail address such as name@example.com, got " + in_quotes(me.work_email));
  if (me.first_name.empty()) me.first_name = first_name_of(me.name);
}

VOUCH_SMALL_CODE void read_rules(json_reader& r, const json& list, std::vector<custom_rule>& out) {
  const std::string path = "policy.rules";
  if (!list.is_array()) return r.fail(path, "expected a list of rules, got " + json_reader::type_of(list));
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string p = path + "[" + std::to_string(i) + "]";
    const json& j = list[i];
    if (!j.is_object()) { r.fail(p, "expected a rule object, got " + json_reader::type_of(j)); continue; }
    const std::size_t before = r.error_count();
    custom_rule rule;
    // Each field is read and checked on its own; `ok` says whether reading it added no error.
    auto ok = [&](std::size_t was) { return r.error_count() == was; };
    std::size_t was = r.error_count();
    r.string_field(j, "id", p, rule.id);
    if (ok(was)) {
      if (rule.id.empty()) r.fail(p + ".id", "missing: every rule needs an id");
      else if (!ids.insert(rule.id).second) r.fail(p + ".id", "duplicate rule id " + in_quotes(rule.id));
    }
    was = r.error_count();
    r.string_field(j, "category", p, rule.category);
    if (ok(was) && !category_from_name(rule.category)) r.fail(p + ".category", categories_expected + in_quotes(rule.category));
    r.string_field(j, "text", p, rule.text);
    was = r.error_count();
    r.number_field(j, "weight", p, rule.weight);
    if (ok(was) && (!std::isfinite(rule.weight) || rule.weight < -20 || rule.weight > 20))
      r.fail(p + ".weight", "expected a number from -20 to 20");
    was = r.error_count();
    r.string_list(j, "phrases", p, rule.phrases);
    if (ok(was) && rule.phrases.empty()) r.fail(p + ".phrases", "expected at least one phrase");
    for (std::size_t k = 0; ok(was) && k < rule.phrases.size(); ++k)
      if (rule.phrases[k].find_first_not_of(" \t") == std::string::npos)
        r.fail(p + ".phrases[" + std::to_string(k) + "]", "a phrase must not be empty");
      else if (fold_phrase(rule.phrases[k]).find_first_not_of(' ') == std::string::npos)
        r.fail(p + ".phrases[" + std::to_string(k) + "]", "has no words to match");
    if (!ok(before)) continue;
    if (rule.text.empty()) rule.text = "Matches your rule \"" + rule.id + "\"";
    out.push_back(std::move(rule));
  }
}

/// Whether `id` names a rule that rule_weights can re-weight: the pack's phrase rules and facts,
/// and the policy's own rules.
VOUCH_SMALL_CODE bool is_rule_id(const std::string& id, const std::vector<custom_rule>& custom) {
  for (const auto& r : custom)
    if (r.id == id) return true;
  if (const auto& pack = detail::default_rule_pack(); pack.ok())
    for (const auto& r : pack.value().rules)
      if (r.id == id) return true;
  const json& pack_json = detail::default_pack_json();
  const auto c = pack_json.find("classify");
  if (c == pack_json.end() || !c->is_object()) return false;
  const auto f = c->find("features");
  return f != c->end() && f->is_object() && f->contains(id);
}

VOUCH_SMALL_CODE void read_rule_weights(json_reader& r, const json& weights, const std::vector<custom_rule>& custom,
                       std::map<std::string, double>& out) {
  const std::string path = "policy.rule_weights";
  if (!weights.is_object())
    return r.fail(path, "expected an object of rule id to weight, got " + json_reader::type_of(weights));
  for (auto w = weights.begin(); w != weights.end(); ++w) {
    const std::string p = path + "." + w.key();
    if (!w->is_number()) { r.fail(p, "expected a number, got " + json_reader::type_of(*w)); continue; }
    // The same range as a rule's own weight: a scale beyond it only breaks the arithmetic.
    const double v = w->get<double>();
    if (!std::isfinite(v) || v < -20 || v > 20) { r.fail(p, "expected a number from -20 to 20, got " + w->dump()); continue; }
    if (!is_rule_id(w.key(), custom)) { r.fail(p, "no rule has the id " + in_quotes(w.key())); continue; }
    out[w.key()] = v;
  }
}

VOUCH_SMALL_CODE void read_corrections(json_reader& r, const json& list, std::vector<correction>& out) {
  const std::string path = "policy.corrections";
  if (!list.is_array()) return r.fail(path, "expected a list of corrections, got " + json_reader::type_of(list));
  // Newest last: when there are more than the engine keeps, the oldest go.
  const std::size_t first = list.size() > max_corrections ? list.size() - max_corrections : 0;
  for (std::size_t i = first; i < list.size(); ++i) {
    const std::string p = path + "[" + std::to_string(i) + "]";
    const json& j = list[i];
    if (!j.is_object()) {
      r.fail(p, "expected {\"invitation\": {...}, \"category\": \"...\"}, got " + json_reader::type_of(j));
      continue;
    }
    const std::size_t before = r.error_count();
    std::string cat;
    r.string_field(j, "category", p, cat);
    const auto c = category_from_name(cat);
    if (r.error_count() == before && !c) r.fail(p + ".category", categories_expected + in_quotes(cat));
    auto inv_it = j.find("invitation");
    if (inv_it == j.end()) { r.fail(p + ".invitation", "missing"); continue; }
    auto inv = parse_invitation(*inv_it);
    if (!inv) { r.fail(p + ".invitation", inv.message()); continue; }
    if (r.error_count() == before) out.push_back({std::move(inv).value(), *c});
  }
}

json invitation_to_json(const invitation& inv) {
  return {{"id", inv.id},
          {"sender", {{"name", inv.sender.name}, {"headline", inv.sender.headline},
                      {"profile_url", inv.sender.profile_url},
                      {"mutual_connections", inv.sender.mutual_connections < 0 ? json(nullptr) : json(inv.sender.mutual_connections)}}},
          {"message", inv.message},
          {"prior_invitations", inv.prior_invitations}};
}

}  // namespace

VOUCH_SMALL_CODE outcome<policy> parse_policy(const json& j) {
  json_reader r(true);
  policy p;
  if (!j.is_object()) return error{"policy: expected a JSON object, got " + json_reader::type_of(j)};

  if (auto it = j.find("me"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) r.fail("policy.me", "expected an object, got " + json_reader::type_of(*it));
    else read_me(r, *it, p.me);
  }
  if (auto it = j.find("mode"); it != j.end() && !it->is_null()) {
    const std::string expected = "expected \"quality\", \"balanced\" or \"open\", got ";
    const std::string m = it->is_string() ? it->get<std::string>() : "";
    if (m == "quality") p.mode = mode::quality;
    else if (m == "balanced") p.mode = mode::balanced;
    else if (m == "open") p.mode = mode::open;
    else r.fail("policy.mode", expected + (it->is_string() ? in_quotes(m) : json_reader::type_of(*it)));
  }
  r.string_field(j, "signature", "policy", p.signature);
  const std::size_t before_language = r.error_count();
  r.string_field(j, "language", "policy", p.language);
  if (r.error_count() == before_language &&
      std::find(supported_languages().begin(), supported_languages().end(), p.language) == supported_languages().end())
    r.fail("policy.language", "expected one of en, fr, de, es, pt, it, nl; got " + in_quotes(p.language));

  // The note limit: "note_limit" wins; else "premium": true means LinkedIn's 300.
  if (auto it = j.find("premium"); it != j.end() && !it->is_null()) {
    if (!it->is_boolean()) r.fail("policy.premium", "expected true or false, got " + json_reader::type_of(*it));
    else if (it->get<bool>()) p.note_limit = 300;
  }
  if (auto it = j.find("note_limit"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer() && !it->is_number_unsigned())
      r.fail("policy.note_limit", "expected a whole number of characters, got " + json_reader::type_of(*it));
    else {
      const auto n = it->get<long long>();
      if (n < 60 || n > 300) r.fail("policy.note_limit", "expected a number from 60 to 300, got " + std::to_string(n));
      else p.note_limit = static_cast<int>(n);
    }
  }
  if (auto it = j.find("rules"); it != j.end() && !it->is_null()) read_rules(r, *it, p.rules);
  if (auto it = j.find("rule_weights"); it != j.end() && !it->is_null()) read_rule_weights(r, *it, p.rules, p.rule_weights);
  if (auto it = j.find("corrections"); it != j.end() && !it->is_null()) read_corrections(r, *it, p.corrections);
  if (r.failed()) return error{r.error()};
  return p;
}

namespace {

// Finding where an error's path is in the policy's text, to report errors in document order.
// The text has been parsed already, so these only walk it; nothing is copied.

VOUCH_SMALL_CODE std::size_t skip_space(std::string_view t, std::size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r' || t[i] == ':' || t[i] == ','))
    ++i;
  return i;
}

/// The end of the string that starts at t[i].
VOUCH_SMALL_CODE std::size_t skip_string(std::string_view t, std::size_t i) {
  for (++i; i < t.size() && t[i] != '"'; ++i)
    if (t[i] == '\\') ++i;
  return i + 1;
}

/// The end of the value that starts at t[i].
VOUCH_SMALL_CODE std::size_t skip_value(std::string_view t, std::size_t i) {
  int depth = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '"') {
      i = skip_string(t, i);
      if (depth == 0) return i;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']' || (c == ',' && depth == 0)) {
      if (depth == 0) return i;
      if (c != ',' && --depth == 0) return i + 1;
    }
    ++i;
  }
  return i;
}

/// Where the value at `path` ("policy.me.companies[1]", keys may hold dots) starts in `t`; for a
/// path that is not there (a missing field), where its nearest enclosing value starts.
VOUCH_SMALL_CODE std::size_t position_of(std::string_view t, std::string_view path) {
  path.remove_prefix(std::min(path.size(), std::string_view("policy").size()));
  std::size_t at = skip_space(t, 0);
  while (!path.empty() && at < t.size()) {
    std::size_t found = std::string_view::npos, rest = 0;
    if (path[0] == '[' && t[at] == '[' && path.find(']') != std::string_view::npos) {
      const std::size_t n = std::strtoul(std::string(path.substr(1, path.find(']'))).c_str(), nullptr, 10);
      std::size_t i = skip_space(t, at + 1);
      for (std::size_t k = 0; k < n && i < t.size() && t[i] != ']'; ++k) i = skip_space(t, skip_value(t, i));
      if (i < t.size() && t[i] != ']') found = i;
      rest = path.find(']') + 1;
    } else if (path[0] == '.' && t[at] == '{') {
      // The longest key that the path goes on with.
      for (std::size_t i = skip_space(t, at + 1); i < t.size() && t[i] == '"';) {
        const std::size_t key_end = skip_string(t, i);
        const std::string_view key = t.substr(i + 1, key_end - i - 2);
        const std::size_t value = skip_space(t, key_end);
        const bool match = path.size() > key.size() && path.compare(1, key.size(), key) == 0 &&
                           (path.size() == key.size() + 1 || path[key.size() + 1] == '.' || path[key.size() + 1] == '[');
        if (match && key.size() + 1 > rest) { rest = key.size() + 1; found = value; }
        i = skip_space(t, skip_value(t, value));
      }
    }
    if (found == std::string_view::npos || rest == 0) break;
    at = found;
    path.remove_prefix(rest);
  }
  return at;
}

/// The error lines of `errors` ("path: what", one a line) in the order of their paths in `text`.
VOUCH_SMALL_CODE std::string in_document_order(std::string_view text, const std::string& errors) {
  std::vector<std::pair<std::size_t, std::string_view>> lines;  // (position, line), kept sorted
  const std::string_view all = errors;
  for (std::size_t b = 0; b <= all.size();) {
    std::size_t e = all.find('\n', b);
    if (e == std::string_view::npos) e = all.size();
    const std::string_view line = all.substr(b, e - b);
    const std::size_t at = position_of(text, line.substr(0, line.find(": ")));
    // After every line at the same place or before: stable, and there are few lines.
    std::size_t i = lines.size();
    while (i > 0 && lines[i - 1].first > at) --i;
    lines.insert(lines.begin() + static_cast<long>(i), {at, line});
    b = e + 1;
  }
  std::string out;
  for (const auto& l : lines) (out += out.empty() ? "" : "\n") += l.second;
  return out;
}

}  // namespace

VOUCH_SMALL_CODE outcome<policy> parse_policy_text(std::string_view text) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return error{"policy: not valid JSON"};
  auto p = parse_policy(j);
  if (!p) return error{in_document_order(text, p.message())};
  return p;
}

json policy_to_json(const policy& p) {
  json corrections = json::array();
  for (const auto& c : p.corrections)
    corrections.push_back({{"invitation", invitation_to_json(c.inv)}, {"category", category_name(c.cat)}});
  json rules = json::array();
  for (const auto& rule : p.rules)
    rules.push_back({{"id", rule.id}, {"category", rule.category}, {"text", rule.text},
                     {"weight", rule.weight}, {"phrases", rule.phrases}});
  return {
      {"me", {{"name", p.me.name}, {"first_name", p.me.first_name}, {"headline", p.me.headline},
              {"companies", p.me.companies}, {"schools", p.me.schools}, {"groups", p.me.groups},
              {"work_email", p.me.work_email}, {"follow_url", p.me.follow_url}}},
      {"mode", mode_name(p.mode)},
      {"signature", p.signature},
      {"note_limit", p.note_limit},
      {"language", p.language},
      {"rules", rules},
      {"rule_weights", p.rule_weights},
      {"corrections", corrections},
  };
}

}  // namespace vouch
