// Loading and validating the note templates (format: core/rules/notes.json; model:
// notes_templates.hpp). A bad template is an error naming its key, found when the pack loads
// rather than when a note happens to use it.
#include "notes_templates.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "json_read.hpp"
#include "rule_pack_data.hpp"
#include "vouch/text.hpp"

namespace vouch {

using nlohmann::json;
using namespace detail::note_pack;

namespace {

constexpr unsigned bit(slot s) { return 1u << static_cast<unsigned>(s); }

// Which placeholders a key may use, and which it must use outside [brackets].
struct key_rule {
  unsigned allowed;
  unsigned mandatory;
};

key_rule rule_for(key k) {
  const unsigned anywhere = bit(slot::first) | bit(slot::me);
  const unsigned place_time = bit(slot::where) | bit(slot::year) | bit(slot::when);
  switch (k) {
    case key::greeting:
      return {anywhere, bit(slot::first)};
    case key::worked_together:
    case key::studied_together:
      return {anywhere | place_time, 0};
    case key::met_at:
      return {anywhere | place_time, bit(slot::where)};
    case key::their_content:
      return {anywhere | bit(slot::topic), bit(slot::topic)};
    case key::their_content_item:
      return {anywhere | bit(slot::item), bit(slot::item)};
    case key::mutual_contact:
      return {anywhere | bit(slot::where), bit(slot::where)};
    case key::shared_company:
    case key::shared_school:
      return {anywhere | bit(slot::org), bit(slot::org)};
    case key::signature:
      return {anywhere, bit(slot::me)};
    default:
      return {anywhere, 0};
  }
}

std::string slot_list(unsigned mask) {
  std::string out;
  for (std::size_t i = 0; i < slot_count; ++i)
    if (mask & (1u << i)) out += (out.empty() ? "{" : ", {") + std::string(slot_names[i]) + "}";
  return out;
}

// Parses "We met at {where}[ in {year}]." into segments; "" on success, else what is wrong.
std::string parse_sentence(std::string_view text, key k, sentence& out) {
  const key_rule rule = rule_for(k);
  if (text.find_first_not_of(" \t\n") == std::string_view::npos) return "empty";
  unsigned mandatory_seen = 0;
  segment cur;
  auto flush = [&] {
    if (!cur.pieces.empty()) out.segments.push_back(std::move(cur));
    cur = segment{};
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '[') {
      if (cur.optional) return "'[' inside an optional [part]";
      flush();
      cur.optional = true;
      cur.timing = true;  // until a placeholder other than {year}/{when} shows up
    } else if (c == ']') {
      if (!cur.optional) return "']' without '['";
      if (cur.pieces.empty()) return "an empty optional []";
      flush();
    } else if (c == '{') {
      const auto close = text.find('}', i);
      if (close == std::string_view::npos) return "'{' without '}'";
      const std::string name(text.substr(i + 1, close - i - 1));
      const auto* found = std::find(std::begin(slot_names), std::end(slot_names), name);
      if (found == std::end(slot_names))
        return "unknown placeholder {" + name + "} (known: " + slot_list(~0u >> (32 - slot_count)) +
               ")";
      const int s = static_cast<int>(found - std::begin(slot_names));
      if (!(rule.allowed & (1u << s)))
        return "{" + name + "} cannot be used in " + key_names[static_cast<std::size_t>(k)] +
               " (allowed: " + slot_list(rule.allowed) + ")";
      if (!cur.optional) mandatory_seen |= 1u << s;
      if (s != static_cast<int>(slot::year) && s != static_cast<int>(slot::when))
        cur.timing = false;
      cur.pieces.push_back({"", s});
      i = close;
    } else if (c == '}') {
      return "'}' without '{'";
    } else {
      if (cur.pieces.empty() || cur.pieces.back().slot_index >= 0) cur.pieces.push_back({});
      cur.pieces.back().text += c;
    }
  }
  if (cur.optional) return "'[' without ']'";
  flush();
  if ((mandatory_seen & rule.mandatory) != rule.mandatory)
    return "needs " + slot_list(rule.mandatory & ~mandatory_seen) + " outside [brackets]";
  out.present = true;
  return "";
}

void read_intents(detail::json_reader& r, const json& j, const std::string& path, language& lang) {
  auto it = j.find("intent_words");
  if (it == j.end() || it->is_null()) return;
  if (!it->is_object())
    return r.fail(path + ".intent_words", "expected an object of intent to phrases");
  for (std::size_t i = 0; i < intent_count && !r.failed(); ++i) {
    std::vector<std::string> phrases;
    r.string_list(*it, intent_names[i], path + ".intent_words", phrases);
    for (std::size_t n = 0; n < phrases.size() && !r.failed(); ++n) {
      std::string folded = fold_phrase(phrases[n]);
      if (folded.find_first_not_of(' ') == std::string::npos)
        r.fail(path + ".intent_words." + intent_names[i] + "[" + std::to_string(n) + "]",
               "a phrase must have a word");
      lang.intent_words[i].push_back(std::move(folded));
    }
  }
}

void read_topic_prefixes(detail::json_reader& r, const json& j, const std::string& path,
                         language& lang) {
  auto it = j.find("topic_prefixes");
  if (it == j.end() || it->is_null()) return;
  const std::string p = path + ".topic_prefixes";
  if (!it->is_array()) return r.fail(p, "expected a list of [from, to] pairs");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& pair = (*it)[i];
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string() ||
        pair[0].get<std::string>().empty())
      return r.fail(p + "[" + std::to_string(i) + "]",
                    "expected a pair of strings [\"their \", \"your \"]");
    lang.topic_prefixes.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
}

void read_tone(detail::json_reader& r, const json& j, const std::string& path, bool needs_item,
               tone& t) {
  if (!j.is_object())
    return r.fail(path, "expected an object of sentences, got " + detail::json_reader::type_of(j));
  for (std::size_t k = 0; k < key_count && !r.failed(); ++k) {
    const std::string p = path + "." + key_names[k];
    auto it = j.find(key_names[k]);
    const bool optional = static_cast<key>(k) == key::their_content_item && !needs_item;
    if (it == j.end() || it->is_null()) {
      if (!optional) r.fail(p, "missing");
      continue;
    }
    if (!it->is_string())
      return r.fail(p, "expected a string, got " + detail::json_reader::type_of(*it));
    const std::string problem =
        parse_sentence(it->get<std::string>(), static_cast<key>(k), t.sentences[k]);
    if (!problem.empty()) r.fail(p, problem);
  }
}

void read_language(detail::json_reader& r, const json& j, const std::string& path,
                   const std::vector<std::string>& tone_names, language& lang) {
  if (!j.is_object())
    return r.fail(path, "expected an object, got " + detail::json_reader::type_of(j));
  read_intents(r, j, path, lang);
  read_topic_prefixes(r, j, path, lang);
  for (const auto& name : tone_names) {
    if (r.failed()) return;
    auto it = j.find(name);
    if (it == j.end()) return r.fail(path + "." + name, "missing");
    lang.tones.emplace_back();
    read_tone(r, *it, path + "." + name, !lang.topic_prefixes.empty(), lang.tones.back());
  }
  // The three notes must differ even in their shortest form, so the greetings must differ.
  for (std::size_t a = 0; a < tone_names.size() && !r.failed(); ++a)
    for (std::size_t b = a + 1; b < tone_names.size(); ++b)
      if (lang.tones[a][key::greeting].forms({"X"}) == lang.tones[b][key::greeting].forms({"X"}))
        return r.fail(path + "." + tone_names[b] + ".greeting",
                      "must differ from the " + tone_names[a] + " greeting");
}

}  // namespace

namespace detail::note_pack {

std::vector<std::string> sentence::forms(const values& v) const {
  auto known = [&](const segment& s) {
    return std::all_of(s.pieces.begin(), s.pieces.end(), [&](const piece& p) {
      return p.slot_index < 0 || !v[static_cast<std::size_t>(p.slot_index)].empty();
    });
  };
  std::vector<std::string> out;
  for (int level = 0; level < 3; ++level) {
    std::string text;
    for (const auto& s : segments) {
      if (!known(s)) {
        if (!s.optional) return {};
        continue;
      }
      if (s.optional && (level == 2 || (level == 1 && s.timing))) continue;
      for (const auto& p : s.pieces)
        text += p.slot_index < 0 ? p.text : v[static_cast<std::size_t>(p.slot_index)];
    }
    if (out.empty() || out.back() != text) out.push_back(std::move(text));
  }
  return out;
}

}  // namespace detail::note_pack

outcome<std::shared_ptr<const note_templates>> load_note_templates(std::string_view json_text) {
  const json doc = json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return error{"notes: expected a JSON object"};
  detail::json_reader r;
  auto pack = std::make_shared<note_templates>();
  r.string_list(doc, "tones", "notes", pack->tone_names);
  if (r.failed()) return error{r.error()};
  if (pack->tone_names.size() < 3)
    return error{"notes.tones: expected at least three tones, so that notes differ"};
  for (std::size_t i = 0; i < pack->tone_names.size(); ++i)
    if (pack->tone_names[i].empty() ||
        std::count(pack->tone_names.begin(), pack->tone_names.end(), pack->tone_names[i]) > 1)
      return error{"notes.tones[" + std::to_string(i) + "]: expected a distinct, non-empty name"};
  auto langs = doc.find("languages");
  if (langs == doc.end() || !langs->is_object()) return error{"notes.languages: missing"};
  for (const auto& code : supported_languages()) {
    auto it = langs->find(code);
    const std::string path = "notes.languages." + code;
    if (it == langs->end()) return error{path + ": missing"};
    read_language(r, *it, path, pack->tone_names, pack->languages[code]);
    if (r.failed()) return error{r.error()};
  }
  return std::shared_ptr<const note_templates>(std::move(pack));
}

const outcome<std::shared_ptr<const note_templates>>& default_note_templates() {
  static const outcome<std::shared_ptr<const note_templates>> loaded = [] {
    for (std::size_t i = 0; i < detail::default_pack_file_count; ++i)
      if (detail::default_pack_files[i].name == "notes")
        return load_note_templates(detail::default_pack_files[i].text);
    return outcome<std::shared_ptr<const note_templates>>(
        error{"rule pack: the notes part is missing"});
  }();
  return loaded;
}

}  // namespace vouch
