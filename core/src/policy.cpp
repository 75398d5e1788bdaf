#include "vouch/policy.hpp"

#include "vouch/text.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "json_read.hpp"
#include "vouch/category.hpp"
#include "vouch/names.hpp"

namespace vouch {

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

void read_me(json_reader& r, const json& j, me_profile& me) {
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
    r.fail(path + ".work_email", "expected an e-mail address such as name@example.com, got \"" + me.work_email + "\"");
  if (me.first_name.empty()) me.first_name = first_name_of(me.name);
}

void read_rules(json_reader& r, const json& list, std::vector<custom_rule>& out) {
  const std::string path = "policy.rules";
  if (!list.is_array()) return r.fail(path, "expected a list of rules, got " + json_reader::type_of(list));
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list.size() && !r.failed(); ++i) {
    const std::string p = path + "[" + std::to_string(i) + "]";
    const json& j = list[i];
    if (!j.is_object()) return r.fail(p, "expected a rule object, got " + json_reader::type_of(j));
    custom_rule rule;
    r.string_field(j, "id", p, rule.id);
    r.string_field(j, "category", p, rule.category);
    r.string_field(j, "text", p, rule.text);
    r.number_field(j, "weight", p, rule.weight);
    r.string_list(j, "phrases", p, rule.phrases);
    if (r.failed()) return;
    if (rule.id.empty()) return r.fail(p + ".id", "missing: every rule needs an id");
    if (!ids.insert(rule.id).second) return r.fail(p + ".id", "duplicate rule id \"" + rule.id + "\"");
    if (!category_from_name(rule.category))
      return r.fail(p + ".category", "expected one of known, personal, generic, networker, sales, "
                                     "recruiter, job_seeker, romance, scam; got \"" + rule.category + "\"");
    if (!std::isfinite(rule.weight) || rule.weight < -20 || rule.weight > 20)
      return r.fail(p + ".weight", "expected a number from -20 to 20");
    if (rule.phrases.empty()) return r.fail(p + ".phrases", "expected at least one phrase");
    for (std::size_t k = 0; k < rule.phrases.size(); ++k)
      if (rule.phrases[k].find_first_not_of(" \t") == std::string::npos)
        return r.fail(p + ".phrases[" + std::to_string(k) + "]", "a phrase must not be empty");
      else if (fold_phrase(rule.phrases[k]).find_first_not_of(' ') == std::string::npos)
        return r.fail(p + ".phrases[" + std::to_string(k) + "]", "has no words to match");
    if (rule.text.empty()) rule.text = "Matches your rule \"" + rule.id + "\"";
    out.push_back(std::move(rule));
  }
}

void read_corrections(json_reader& r, const json& list, std::vector<correction>& out) {
  const std::string path = "policy.corrections";
  if (!list.is_array()) return r.fail(path, "expected a list of corrections, got " + json_reader::type_of(list));
  // Newest last: when there are more than the engine keeps, the oldest go.
  const std::size_t first = list.size() > max_corrections ? list.size() - max_corrections : 0;
  for (std::size_t i = first; i < list.size() && !r.failed(); ++i) {
    const std::string p = path + "[" + std::to_string(i) + "]";
    const json& j = list[i];
    if (!j.is_object()) return r.fail(p, "expected {\"invitation\": {...}, \"category\": \"...\"}, got " + json_reader::type_of(j));
    std::string cat;
    r.string_field(j, "category", p, cat);
    if (r.failed()) return;
    const auto c = category_from_name(cat);
    if (!c) return r.fail(p + ".category", "expected one of known, personal, generic, networker, sales, recruiter, "
                                          "job_seeker, romance, scam; got \"" + cat + "\"");
    auto inv_it = j.find("invitation");
    if (inv_it == j.end()) return r.fail(p + ".invitation", "missing");
    auto inv = parse_invitation(*inv_it);
    if (!inv) return r.fail(p + ".invitation", inv.message());
    out.push_back({std::move(inv).value(), *c});
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

outcome<policy> parse_policy(const json& j) {
  json_reader r;
  policy p;
  if (!j.is_object()) return error{"policy: expected a JSON object, got " + json_reader::type_of(j)};

  if (auto it = j.find("me"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) return error{"policy.me: expected an object, got " + json_reader::type_of(*it)};
    read_me(r, *it, p.me);
  }
  if (auto it = j.find("mode"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) return error{"policy.mode: expected \"quality\", \"balanced\" or \"open\", got " + json_reader::type_of(*it)};
    const auto m = it->get<std::string>();
    if (m == "quality") p.mode = mode::quality;
    else if (m == "balanced") p.mode = mode::balanced;
    else if (m == "open") p.mode = mode::open;
    else return error{"policy.mode: expected \"quality\", \"balanced\" or \"open\", got \"" + m + "\""};
  }
  r.string_field(j, "signature", "policy", p.signature);
  r.string_field(j, "language", "policy", p.language);
  if (!r.failed() && std::find(supported_languages().begin(), supported_languages().end(), p.language) ==
                         supported_languages().end())
    r.fail("policy.language", "expected one of en, fr, de, es, pt, it, nl; got \"" + p.language + "\"");

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
  if (auto it = j.find("rules"); it != j.end() && !it->is_null() && !r.failed()) read_rules(r, *it, p.rules);
  if (auto it = j.find("rule_weights"); it != j.end() && !it->is_null() && !r.failed()) {
    if (!it->is_object()) r.fail("policy.rule_weights", "expected an object of rule id to weight, got " + json_reader::type_of(*it));
    else
      for (auto w = it->begin(); w != it->end(); ++w) {
        if (!w->is_number()) { r.fail("policy.rule_weights." + w.key(), "expected a number, got " + json_reader::type_of(*w)); break; }
        p.rule_weights[w.key()] = w->get<double>();
      }
  }
  if (auto it = j.find("corrections"); it != j.end() && !it->is_null() && !r.failed()) read_corrections(r, *it, p.corrections);
  if (r.failed()) return error{r.error()};
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
