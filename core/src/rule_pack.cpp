#include "rule_pack.hpp"

#include <set>

#include "json_read.hpp"
#include "rule_pack_data.hpp"
#include "vouch/text.hpp"

namespace vouch::detail {

using nlohmann::json;

const json& default_pack_json() {
  static const json merged = [] {
    json out = json::object();
    for (std::size_t i = 0; i < default_pack_file_count; ++i) {
      json part = json::parse(default_pack_files[i].text, nullptr, false);
      if (part.is_discarded() || !part.is_object()) {
        out["_errors"].push_back("core/rules/" + std::string(default_pack_files[i].name) + ".json: not a JSON object");
        continue;
      }
      for (auto it = part.begin(); it != part.end(); ++it) out[it.key()] = it.value();
    }
    return out;
  }();
  return merged;
}

namespace {

void read_word_list(json_reader& r, const json& obj, const char* key, const std::string& path,
                    std::vector<std::string>& out) {
  r.string_list(obj, key, path, out);
}

void load_classify(json_reader& r, const json& c, rule_pack& pack) {
  const std::string path = "pack.classify";
  if (!c.is_object()) return r.fail(path, "expected an object");
  if (auto t = c.find("thresholds"); t != c.end()) {
    r.number_field(*t, "decide", path + ".thresholds", pack.decide_threshold);
    r.number_field(*t, "scam", path + ".thresholds", pack.scam_threshold);
    r.number_field(*t, "romance", path + ".thresholds", pack.romance_threshold);
  }
  auto rules = c.find("rules");
  if (rules == c.end() || !rules->is_array()) return r.fail(path + ".rules", "expected a list of rules");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < rules->size() && !r.failed(); ++i) {
    const std::string p = path + ".rules[" + std::to_string(i) + "]";
    const json& j = (*rules)[i];
    if (!j.is_object()) return r.fail(p, "expected a rule object");
    pack_rule rule;
    std::string category, where = "message";
    r.string_field(j, "id", p, rule.id);
    r.string_field(j, "category", p, category);
    r.string_field(j, "text", p, rule.text);
    r.string_field(j, "where", p, where);
    r.number_field(j, "weight", p, rule.weight);
    r.string_list(j, "phrases", p, rule.phrases);
    std::vector<std::string> flags;
    r.string_list(j, "flags", p, flags);
    if (r.failed()) return;
    if (rule.id.empty()) return r.fail(p + ".id", "missing");
    if (!ids.insert(rule.id).second) return r.fail(p + ".id", "duplicate rule id \"" + rule.id + "\"");
    const auto cat = category_from_name(category);
    if (!cat) return r.fail(p + ".category", "unknown category \"" + category + "\"");
    rule.category = *cat;
    if (where != "message" && where != "headline")
      return r.fail(p + ".where", "expected \"message\" or \"headline\", got \"" + where + "\"");
    rule.headline = where == "headline";
    for (const auto& f : flags) {
      if (f == "disclaims_pitch") rule.disclaims_pitch = true;
      else return r.fail(p + ".flags", "unknown flag \"" + f + "\"");
    }
    if (rule.text.empty()) return r.fail(p + ".text", "missing: every rule needs a reason to show");
    if (rule.phrases.empty()) return r.fail(p + ".phrases", "expected at least one phrase");
    for (std::size_t k = 0; k < rule.phrases.size(); ++k)
      if (fold_phrase(rule.phrases[k]).size() <= 1)
        return r.fail(p + ".phrases[" + std::to_string(k) + "]", "has no words to match");
    pack.rules.push_back(std::move(rule));
  }
  if (auto d = c.find("default_invites"); d != c.end() && d->is_object()) {
    for (auto it = d->begin(); it != d->end(); ++it) {
      std::vector<std::string> texts;
      r.string_list(*d, it.key().c_str(), path + ".default_invites", texts);
      for (const auto& t : texts) {
        default_invite inv{it.key(), {}};
        const std::string f = fold_phrase(t);
        std::size_t i = 1;
        while (i < f.size()) {
          const std::size_t j = f.find(' ', i);
          if (j > i) inv.words.push_back(f.substr(i, j - i));
          i = j + 1;
        }
        pack.default_invites.push_back(std::move(inv));
      }
    }
  }
  read_word_list(r, c, "greetings", path, pack.greetings);
  if (auto l = c.find("languages"); l != c.end() && l->is_object()) {
    for (auto it = l->begin(); it != l->end(); ++it) {
      std::vector<std::string> words;
      r.string_list(*l, it.key().c_str(), path + ".languages", words);
      pack.language_words.emplace_back(it.key(), std::move(words));
    }
  }
  read_word_list(r, c, "brands", path, pack.brands);
  read_word_list(r, c, "official_domains", path, pack.official_domains);
  read_word_list(r, c, "url_words", path, pack.url_words);
  read_word_list(r, c, "shorteners", path, pack.shorteners);
}

/// Replies: every language needs signoffs and templates; every template list is non-empty strings
/// whose placeholders are known.
void load_replies(json_reader& r, const json& rep, rule_pack& pack) {
  const std::string path = "pack.replies";
  if (!rep.is_object()) return r.fail(path, "expected an object");
  auto templates = rep.find("templates");
  auto signoffs = rep.find("signoffs");
  if (templates == rep.end() || !templates->is_object()) return r.fail(path + ".templates", "expected an object of languages");
  if (signoffs == rep.end() || !signoffs->is_object()) return r.fail(path + ".signoffs", "expected an object of languages");
  if (templates->find("en") == templates->end()) return r.fail(path + ".templates.en", "missing: English is the fallback");
  for (auto lang = templates->begin(); lang != templates->end(); ++lang) {
    const std::string lp = path + ".templates." + lang.key();
    if (!lang->is_object()) return r.fail(lp, "expected an object of situations");
    reply_language compiled{lang.key(), {}, {}};
    r.string_list(*signoffs, lang.key().c_str(), path + ".signoffs", compiled.signoffs);
    if (compiled.signoffs.empty() && !r.failed()) return r.fail(path + ".signoffs." + lang.key(), "missing");
    for (auto sit = lang->begin(); sit != lang->end(); ++sit) {
      compiled.situations.emplace_back(sit.key(), std::vector<std::string>{});
      const std::string sp = lp + "." + sit.key();
      if (!sit->is_array() || sit->empty()) return r.fail(sp, "expected a non-empty list of templates");
      for (std::size_t i = 0; i < sit->size(); ++i) {
        const json& t = (*sit)[i];
        const std::string tp = sp + "[" + std::to_string(i) + "]";
        if (!t.is_string()) return r.fail(tp, "expected a string");
        const std::string s = t.get<std::string>();
        for (std::size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
          const std::size_t close = s.find('}', open);
          const std::string name = close == std::string::npos ? "" : s.substr(open + 1, close - open - 1);
          if (name != "first_name" && name != "work_email" && name != "follow_url")
            return r.fail(tp, "unknown placeholder {" + name + "}");
        }
        compiled.situations.back().second.push_back(s);
      }
    }
    if (compiled.language == "en") pack.replies.insert(pack.replies.begin(), std::move(compiled));
    else pack.replies.push_back(std::move(compiled));
  }
}

}  // namespace

outcome<rule_pack> load_rule_pack(const json& j) {
  if (!j.is_object()) return error{"pack: expected a JSON object"};
  if (auto e = j.find("_errors"); e != j.end()) return error{e->dump()};
  json_reader r;
  rule_pack pack;
  auto c = j.find("classify");
  if (c == j.end()) return error{"pack.classify: missing"};
  load_classify(r, *c, pack);
  if (auto rep = j.find("replies"); rep != j.end() && !r.failed()) load_replies(r, *rep, pack);
  if (auto n = j.find("notes"); n != j.end()) pack.notes = *n;
  if (r.failed()) return error{r.error()};
  return pack;
}

const outcome<rule_pack>& default_rule_pack() {
  static const outcome<rule_pack> pack = load_rule_pack(default_pack_json());
  return pack;
}

}  // namespace vouch::detail
