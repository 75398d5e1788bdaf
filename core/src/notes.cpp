// Drafting personal connection notes (contract: "Drafting a connection note").
//
// Pipeline: read the target -> find shared employers/schools (same_org) -> fill the values
// ({first}, {where}, {year}...) -> for each tone, list the clauses in reading order, each with its
// forms (longest first, notes_templates.hpp), its importance and whether the note needs it ->
// fit: clauses by importance, each takes its longest form that leaves room for the needed
// clauses not yet placed -> join: greeting, newline, sentences, newline, signature.
// Nothing is ever cut: a clause is shortened by its template's own shorter forms or left out.
#include "vouch/notes.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "json_read.hpp"
#include "notes_templates.hpp"
#include "notes_text.hpp"
#include "vouch/api.hpp"
#include "vouch/names.hpp"
#include "vouch/orgs.hpp"
#include "vouch/text.hpp"

namespace vouch {

using nlohmann::json;
using namespace detail::note_pack;

namespace {

constexpr std::array<const char*, 6> relation_names = {
    "worked_together", "studied_together", "met_at", "their_content", "mutual_contact", "cold"};

constexpr int min_limit = 60, max_limit = 300;

// User text for the middle of a sentence: one line, single spaces, no template braces.
std::string clean(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '{' || c == '}') continue;
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A value placed inside a sentence loses its own final punctuation: "Contoso." -> "Contoso".
std::string clean_value(std::string_view s) {
  std::string out = clean(s);
  while (!out.empty() && std::string_view(".,;:!? ").find(out.back()) != std::string_view::npos)
    out.pop_back();
  return out;
}

// The user's reason as a sentence of its own: capitalised, ending with punctuation.
std::string reason_sentence(std::string_view s) {
  std::string out = detail::letters::capitalize_first(clean(s));
  if (out.empty()) return out;
  const std::string_view enders[] = {".",   "!",   "?",  "…",  ".)", ".\"",
                                     "!\"", "?\"", ".”", "!”", "?”"};
  for (auto e : enders)
    if (out.size() >= e.size() && out.compare(out.size() - e.size(), e.size(), e) == 0) return out;
  while (!out.empty() && std::string_view(",;:").find(out.back()) != std::string_view::npos)
    out.pop_back();
  return out + ".";
}

// "2019", "2017-2019", "2017 – 2019": a year or a span, which reads well after "in".
bool is_year_like(std::string_view s) {
  bool digit = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9')
      digit = true;
    else if (s.compare(i, 3, "\xE2\x80\x93") == 0)
      i += 2;  // en dash
    else if (c != ' ' && c != '-' && c != '/')
      return false;
  }
  return digit;
}

bool starts_with_ascii_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    if (lower(s[i]) != lower(prefix[i])) return false;
  }
  return true;
}

// The first of `theirs` that is also one of `mine` (name variants count), in the user's spelling
// when that is shorter, so that the note has more room.
std::string shared_org(const std::vector<std::string>& theirs,
                       const std::vector<std::string>& mine) {
  for (const auto& t : theirs) {
    if (clean_value(t).empty()) continue;
    for (const auto& m : mine)
      if (!clean_value(m).empty() && same_org(t, m)) {
        const std::string a = clean_value(m), b = clean_value(t);
        return utf16_length(b) < utf16_length(a) ? b : a;
      }
  }
  return "";
}

std::optional<intent> intent_of(std::string_view reason, const language& lang,
                                const language& english) {
  if (reason.empty()) return std::nullopt;
  const std::string folded = fold_phrase(reason);
  for (std::size_t i = 0; i < intent_count; ++i)
    for (const language* l : {&lang, &english})
      for (const auto& phrase : l->intent_words[i])
        if (folded.find(phrase) != std::string::npos) return static_cast<intent>(i);
  return std::nullopt;
}

// One clause of a note: its forms (longest first), how much it matters, and where it goes.
struct clause {
  std::vector<std::string> forms;
  int importance = 0;
  bool needed = false;
  const char* field = "";  // the input to blame when even its shortest form does not fit
  int chosen = -1;         // index into forms, or -1 when left out
  bool own_line = false;   // the signature: on a line of its own
};

std::size_t units(const std::string& s) { return utf16_length(s); }

// Places the clauses within `limit` UTF-16 units (one separator between clauses), by importance.
// Returns "" or the field whose value leaves no room.
std::string fit(std::vector<clause>& clauses, std::size_t limit) {
  std::size_t needed_total = 0;
  for (const auto& c : clauses)
    if (c.needed) needed_total += units(c.forms.back()) + 1;
  if (needed_total > limit + 1) {
    const clause* worst = nullptr;
    for (const auto& c : clauses)
      if (c.needed && (!worst || units(c.forms.back()) > units(worst->forms.back()))) worst = &c;
    return worst ? worst->field : "limit";
  }
  std::vector<std::size_t> order(clauses.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return clauses[a].importance > clauses[b].importance;
  });
  std::size_t used = 0, reserved = needed_total;
  for (std::size_t i : order) {
    clause& c = clauses[i];
    if (c.needed) reserved -= units(c.forms.back()) + 1;
    for (std::size_t f = 0; f < c.forms.size(); ++f)
      if (used + reserved + units(c.forms[f]) + 1 <= limit + 1) {
        c.chosen = static_cast<int>(f);
        used += units(c.forms[f]) + 1;
        break;
      }
  }
  return "";
}

struct draft_input {
  const language* lang = nullptr;
  const language* english = nullptr;
  values v;
  relation rel = relation::cold;
  std::string reason;          // as a sentence, or ""
  std::optional<key> shared;   // cold notes: shared_company or shared_school, named in {org}
  std::optional<intent> why;   // what the user's reason says they do: sell, recruit, seek a job
  bool topic_is_item = false;  // "their post on X": a thing, not a subject
};

key relation_key(const draft_input& in) {
  switch (in.rel) {
    case relation::worked_together:
      return key::worked_together;
    case relation::studied_together:
      return key::studied_together;
    case relation::met_at:
      return key::met_at;
    case relation::their_content:
      return in.topic_is_item ? key::their_content_item : key::their_content;
    case relation::mutual_contact:
      return key::mutual_contact;
    case relation::cold:
      break;
  }
  return key::cold;
}

key intent_key(intent i) {
  switch (i) {
    case intent::hiring:
      return key::hiring;
    case intent::sales:
      return key::sales;
    case intent::job_seeking:
      break;
  }
  return key::job_seeking;
}

// The clauses of one tone's note in reading order (greeting first, signature last); clauses
// with no form (a value missing) are left out.
std::vector<clause> clauses_for(const draft_input& in, const tone& t, std::size_t limit) {
  std::vector<clause> cs;
  // Adds a clause unless it has no form; returns its index, or -1.
  auto add = [&](std::vector<std::string> forms, int importance, const char* field) {
    if (forms.empty()) return -1;
    cs.push_back({std::move(forms), importance, false, field, -1, false});
    return static_cast<int>(cs.size()) - 1;
  };
  auto sentence = [&](key k, int importance, const char* field) {
    return add(t[k].forms(in.v), importance, field);
  };
  auto need = [&](int i) {
    if (i >= 0) cs[static_cast<std::size_t>(i)].needed = true;
    return i >= 0;
  };
  std::vector<std::string> reason;
  if (!in.reason.empty()) reason.push_back(in.reason);

  if (!in.v[static_cast<std::size_t>(slot::first)].empty()) {
    need(sentence(key::greeting, 100, "target.name"));
  } else {
    // No plausible first name (first_name_of): the first tone's greeting without one ("Hi!",
    // "Bonjour !", "¡Hola!"), which reads well alone in every tone ("Dear," would not).
    values named = in.v;
    named[static_cast<std::size_t>(slot::first)] = "\x01";
    std::vector<std::string> forms = in.lang->tones.front()[key::greeting].forms(named);
    for (auto& f : forms) {
      const std::size_t at = f.find('\x01');
      if (at == std::string::npos) continue;
      std::size_t from = at;
      while (from > 0 && (f[from - 1] == ' ' || f[from - 1] == ',')) --from;
      f.erase(from, at + 1 - from);
    }
    need(add(std::move(forms), 100, "target.name"));
  }
  // Whatever the relation, a reason that reveals selling, recruiting or job seeking is never
  // hidden by shortening. A seller's pitch rarely says "I sell", so a sales note always says so;
  // a reason that says "I'm hiring" or "I'm looking for a role" already says it plainly, and the
  // intent sentence only stands in for it when it does not fit.
  const std::size_t greeting = units(cs.front().forms.back());
  const bool reason_fits = !in.reason.empty() && greeting + units(in.reason) + 1 <= limit;
  const bool say_intent = in.why && (*in.why == intent::sales || !reason_fits);
  if (in.rel != relation::cold) {
    need(sentence(relation_key(in), 90,
                  in.rel == relation::their_content ? "context.topic" : "context.where"));
    if (say_intent) need(sentence(intent_key(*in.why), 85, "context.reason"));
    add(reason, 60, "context.reason");
  } else {
    // A note to a stranger must say why: the first of intent, reason and shared employer or
    // school that fits beside the greeting is needed.
    if (!in.shared) sentence(key::cold, 20, "");
    const int shared = in.shared ? sentence(*in.shared, 50, "target.companies") : -1;
    const int why = say_intent ? sentence(intent_key(*in.why), 90, "context.reason") : -1;
    const int own = add(reason, 80, "context.reason");
    std::vector<int> candidates;
    for (int i : {why, own, shared})
      if (i >= 0) candidates.push_back(i);
    auto fits = [&](int i) {
      return greeting + units(cs[static_cast<std::size_t>(i)].forms.back()) + 1 <= limit;
    };
    auto chosen = std::find_if(candidates.begin(), candidates.end(), fits);
    if (chosen != candidates.end())
      need(*chosen);
    else if (!candidates.empty())
      need(candidates.front());  // fit() then names the field
  }
  sentence(key::closing, 30, "");
  if (const int sig = sentence(key::signature, 10, "policy.signature"); sig >= 0)
    cs[static_cast<std::size_t>(sig)].own_line = true;
  return cs;
}

// Greeting, newline, the sentences, newline, signature: one separator between clauses.
std::string join(const std::vector<clause>& cs) {
  std::string out;
  const clause* last = nullptr;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (cs[i].chosen < 0) continue;
    if (last) out += (last == &cs.front() || cs[i].own_line) ? "\n" : " ";
    out += cs[i].forms[static_cast<std::size_t>(cs[i].chosen)];
    last = &cs[i];
  }
  return out;
}

}  // namespace

std::string_view relation_name(relation r) { return relation_names[static_cast<std::size_t>(r)]; }

std::optional<relation> relation_from_name(std::string_view name) {
  for (std::size_t i = 0; i < relation_names.size(); ++i)
    if (name == relation_names[i]) return static_cast<relation>(i);
  return std::nullopt;
}

outcome<note_request> parse_note_request(const json& j) {
  using detail::json_reader;
  if (!j.is_object())
    return error{"target record: expected a JSON object, got " + json_reader::type_of(j)};
  note_request req;
  if (auto e = json_reader::required_string(j, "id", "id", req.id)) return error{*e};
  const json* target = nullptr;
  if (auto e = json_reader::required_object(j, "target", "target", target)) return error{*e};
  json_reader r;
  r.string_field(*target, "name", "target", req.name);
  r.string_field(*target, "headline", "target", req.headline);
  r.string_list(*target, "companies", "target", req.companies);
  r.string_list(*target, "schools", "target", req.schools);
  if (r.failed()) return error{r.error()};
  if (clean(req.name).empty()) return error{"target.name: missing"};

  auto context = j.find("context");
  if (context != j.end() && !context->is_null()) {
    if (!context->is_object())
      return error{"context: expected an object, got " + json_reader::type_of(*context)};
    std::string rel;
    r.string_field(*context, "relation", "context", rel);
    r.string_field(*context, "where", "context", req.where);
    r.string_field(*context, "when", "context", req.when);
    r.string_field(*context, "reason", "context", req.reason);
    r.string_field(*context, "topic", "context", req.topic);
    if (r.failed()) return error{r.error()};
    if (!rel.empty()) {
      req.rel = relation_from_name(rel);
      if (!req.rel)
        return error{
            "context.relation: expected one of worked_together, studied_together, met_at, "
            "their_content, mutual_contact, cold; got \"" +
            rel + "\""};
    }
    if (req.rel == relation::met_at && clean_value(req.where).empty())
      return error{"context.where: missing: met_at needs where you met (an event or place)"};
    if (req.rel == relation::mutual_contact && clean_value(req.where).empty())
      return error{
          "context.where: missing: mutual_contact needs the name of the person you both know"};
    if (req.rel == relation::their_content && clean_value(req.topic).empty())
      return error{"context.topic: missing: their_content needs the topic of their post or talk"};
  }

  if (auto limit = j.find("limit"); limit != j.end() && !limit->is_null()) {
    const bool whole = limit->is_number_integer() || limit->is_number_unsigned();
    const long long n = whole ? limit->get<long long>() : 0;
    if (!whole || n < min_limit || n > max_limit)
      return error{"limit: expected a whole number of characters from 60 to 300, got " +
                   (whole ? std::to_string(n) : json_reader::type_of(*limit))};
    req.limit = static_cast<int>(n);
  }
  return req;
}

outcome<std::vector<std::string>> draft_notes(const note_request& req, const policy& pol,
                                              const note_templates& templates) {
  auto lang_it = templates.languages.find(pol.language);
  auto en_it = templates.languages.find("en");
  if (lang_it == templates.languages.end() || en_it == templates.languages.end())
    return error{"policy.language: no note templates for \"" + pol.language + "\""};

  draft_input in;
  in.lang = &lang_it->second;
  in.english = &en_it->second;
  in.rel = req.rel.value_or(relation::cold);
  auto& v = in.v;
  auto at = [&](slot s) -> std::string& { return v[static_cast<std::size_t>(s)]; };
  at(slot::first) = first_name_of(req.name);  // "" (greeted without a name) when it is not a name
  at(slot::me) =
      clean(pol.signature.empty() ? pol.me.first_name : pol.signature);  // keeps "Dana W."
  at(slot::where) = clean_value(req.where);
  const std::string when = clean_value(req.when);
  at(is_year_like(when) ? slot::year : slot::when) = when;
  in.reason = reason_sentence(req.reason);
  in.why = intent_of(req.reason, *in.lang, *in.english);

  if (in.rel == relation::worked_together && at(slot::where).empty())
    at(slot::where) = shared_org(req.companies, pol.me.companies);
  if (in.rel == relation::studied_together && at(slot::where).empty())
    at(slot::where) = shared_org(req.schools, pol.me.schools);
  if (in.rel == relation::their_content) {
    at(slot::topic) = clean_value(req.topic);
    for (const auto& [from, to] : in.lang->topic_prefixes)
      if (starts_with_ascii_ci(at(slot::topic), from)) {
        at(slot::item) = to + at(slot::topic).substr(from.size());
        in.topic_is_item = true;
        break;
      }
  }
  if (in.rel == relation::cold) {
    at(slot::org) = shared_org(req.companies, pol.me.companies);
    if (!at(slot::org).empty())
      in.shared = key::shared_company;
    else if (!(at(slot::org) = shared_org(req.schools, pol.me.schools)).empty())
      in.shared = key::shared_school;
  }

  const std::size_t limit = static_cast<std::size_t>(req.limit > 0 ? req.limit : pol.note_limit);
  std::vector<std::string> notes;
  for (const auto& t : in.lang->tones) {
    std::vector<clause> cs = clauses_for(in, t, limit);
    if (in.rel == relation::cold &&
        std::none_of(cs.begin() + 1, cs.end(), [](const clause& c) { return c.needed; }))
      return error{
          "context.reason: missing: a note to someone you have not met must say why you write "
          "(or choose how you know them)"};
    const std::string field = fit(cs, limit);
    if (!field.empty()) {
      if (field == "target.name")
        return error{"target.name: the first name \"" + at(slot::first) +
                     "\" leaves no room in a note of " + std::to_string(limit) + " characters"};
      return error{field + ": too long to fit in a note of " + std::to_string(limit) +
                   " characters"};
    }
    std::string note = join(cs);
    if (utf16_length(note) > limit)
      return error{"draft_note: internal error: a note exceeds the limit"};
    if (std::find(notes.begin(), notes.end(), note) == notes.end())
      notes.push_back(std::move(note));
  }
  if (notes.size() < 3)
    return error{"draft_note: fewer than three distinct notes; check the note templates"};
  return notes;
}

outcome<std::vector<std::string>> draft_notes(const note_request& req, const policy& pol) {
  const auto& templates = default_note_templates();
  if (!templates.ok()) return error{templates.message()};
  return draft_notes(req, pol, *templates.value());
}

json_result draft_note_json(std::string_view target_json, std::string_view policy_json) {
  const json target = json::parse(target_json, nullptr, false);
  if (target.is_discarded()) return {false, "target record: not valid JSON"};
  auto pol = parse_policy_text(policy_json);
  if (!pol.ok()) return {false, pol.message()};
  auto req = parse_note_request(target);
  if (!req.ok()) return {false, req.message()};
  auto notes = draft_notes(req.value(), pol.value());
  if (!notes.ok()) return {false, notes.message()};
  // Inputs were valid UTF-8 and every step keeps it so; "replace" guards the no-exceptions build.
  return {true, json{{"id", req.value().id}, {"notes", notes.value()}}.dump(
                    -1, ' ', false, json::error_handler_t::replace)};
}

}  // namespace vouch
