// Drafting connection notes: properties over many generated targets, then the edges one by one.
#include "vouch/notes.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rule_pack_data.hpp"
#include "vouch/api.hpp"
#include "vouch/names.hpp"
#include "vouch/text.hpp"

using nlohmann::json;

namespace {

std::string notes_pack_text() {
  for (std::size_t i = 0; i < vouch::detail::default_pack_file_count; ++i)
    if (vouch::detail::default_pack_files[i].name == "notes")
      return std::string(vouch::detail::default_pack_files[i].text);
  return "";
}

// Words: runs of letters, digits, apostrophes and hyphens (any non-ASCII byte counts as a letter).
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || std::isalnum(c) || c == '\'' || c == '-')
      cur += ch;
    else if (!cur.empty())
      out.push_back(cur), cur.clear();
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

void collect_strings(const json& j, std::set<std::string>& words) {
  if (j.is_string())
    for (auto& w : words_of(j.get<std::string>())) words.insert(w);
  else if (j.is_structured())
    for (const auto& v : j) collect_strings(v, words);
}

const std::set<std::string>& template_words() {
  static const std::set<std::string> words = [] {
    std::set<std::string> w;
    collect_strings(json::parse(notes_pack_text()), w);
    return w;
  }();
  return words;
}

// A small deterministic generator, the same on every platform.
struct lcg {
  std::uint64_t state;
  std::size_t pick(std::size_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state >> 33) % n);
  }
  template <class T>
  const T& of(const std::vector<T>& v) {
    return v[pick(v.size())];
  }
};

const std::vector<std::string> names = {
    "Priya Raman",
    "Dr. Priya Raman, PhD | Hiring",
    "J. R. Ewing-Smith",
    "JOSÉ GARCÍA",
    "Åsa Lindqvist 🌿",
    "Prof. Dr.-Ing. Klaus Müller",
    "Mary-Kate O'Brien - CFO",
    "Ngozi Okonjo-Iweala (she/her)",
    "𝐉𝐨𝐡𝐧 𝐃𝐨𝐞",
    "Zoë Þórsdóttir, MBA",
    "李娜",
    "🚀 Sam Lee | Building the future of work",
    "Olusegun Adebayo-Oyetoro Jr.",
    "Maximiliana-Alexandrina Wolfeschlegelsteinhausenbergerdorff",
    "Bartholomew-Christopherson Featherstonehaugh III"};
const std::vector<std::string> companies = {"Contoso",
                                            "Northwind Traders",
                                            "Fabrikam",
                                            "International Business Machines Corporation Global "
                                            "Technology Services Division Northern Europe",
                                            "A.P. Moller - Maersk",
                                            "Société Générale Corporate & Investment Banking",
                                            "Carlsberg Danmark A/S"};
const std::vector<std::string> schools = {"University of Michigan", "Copenhagen Business School",
                                          "Université Paris-Saclay",
                                          "Ludwig-Maximilians-Universität München"};
const std::vector<std::string> events = {"Web Summit", "KubeCon + CloudNativeCon Europe in Paris",
                                         "the Women in Data Science regional meetup hosted by the "
                                         "Copenhagen Business School alumni association"};
const std::vector<std::string> people = {"Tomás Ruiz",
                                         "Dr. Henrietta Featherstonehaugh-Montgomery"};
const std::vector<std::string> topics = {"data contracts", "their post on data contracts",
                                         "why most dashboards go unread and what product teams can "
                                         "do about it in practice, with examples from retail"};
const std::vector<std::string> whens = {"", "2019", "2016-2018", "last spring"};
const std::vector<std::string> reasons = {
    "",
    "I'd love to swap notes on hiring data engineers",
    "I sell observability software and think it could help your team",
    "I'm looking for a new role in data engineering and admire your team",
    "I am hiring a staff engineer for my team in Lisbon",
    "Your migration story matches what we are planning at my company next year, and I would really "
    "value hearing "
    "what you would do differently if you started again today, especially around testing"};
const std::vector<std::string> relations = {
    "worked_together", "studied_together", "met_at", "their_content", "mutual_contact", "cold", ""};

json me_json() {
  return {{"name", "Dana Whitfield"},
          {"companies", {"Contoso Ltd", "Fabrikam Inc."}},
          {"schools", {"University of Michigan"}}};
}

json make_target(lcg& g, const std::string& relation, int n) {
  json target = {{"name", g.of(names)}};
  json comps = json::array(), schs = json::array();
  for (std::size_t i = g.pick(3); i > 0; --i) comps.push_back(g.of(companies));
  for (std::size_t i = g.pick(2); i > 0; --i) schs.push_back(g.of(schools));
  target["companies"] = comps;
  target["schools"] = schs;
  json rec = {{"id", "gen-" + std::to_string(n)}, {"target", target}};
  if (relation.empty()) return rec;  // no context at all
  json ctx = {{"relation", relation}, {"when", g.of(whens)}, {"reason", g.of(reasons)}};
  if (relation == "worked_together") ctx["where"] = g.pick(3) ? g.of(companies) : "";
  if (relation == "studied_together") ctx["where"] = g.pick(3) ? g.of(schools) : "";
  if (relation == "met_at") ctx["where"] = g.of(events);
  if (relation == "mutual_contact") ctx["where"] = g.of(people);
  if (relation == "their_content") ctx["topic"] = g.of(topics);
  rec["context"] = ctx;
  if (g.pick(2)) rec["limit"] = g.pick(2) ? 200 : 300;
  return rec;
}

// Everything a drafted note must be, whatever the target.
void check_note(const std::string& note, const json& rec, std::size_t limit,
                const std::string& first, const std::string& signature,
                const std::set<std::string>& allowed_words) {
  INFO("note: " << note);
  CHECK(vouch::utf16_length(note) <= limit);
  CHECK(note.find(first) != std::string::npos);
  for (const char* marker : {"{", "}", "[", "]", "%s", "XXX", "  "})
    CHECK(note.find(marker) == std::string::npos);
  CHECK(note.back() != ' ');
  for (const auto& w : words_of(note)) {
    INFO("word: " << w);
    CHECK(allowed_words.count(w) == 1);
  }
  // A note ends with a sentence's punctuation or with the signature.
  const bool ends_with_punct = std::string(".!?").find(note.back()) != std::string::npos;
  const bool ends_with_signature =
      note.size() > signature.size() &&
      note.compare(note.size() - signature.size(), signature.size(), signature) == 0;
  CHECK((ends_with_punct || ends_with_signature));
  // The note names what the two share when the relation depends on it.
  const json ctx = rec.value("context", json::object());
  const std::string rel = ctx.value("relation", "");
  if (rel == "met_at" || rel == "mutual_contact")
    CHECK(note.find(ctx["where"].get<std::string>()) != std::string::npos);
  if (rel == "their_content") {
    std::string topic = ctx["topic"].get<std::string>();
    if (topic.rfind("their ", 0) == 0) topic = topic.substr(6);
    CHECK(note.find(topic) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("generated targets in every language, relation and limit give three good notes") {
  lcg g{42};
  int drafted = 0, refused = 0, n = 0;
  for (const auto& lang : vouch::supported_languages())
    for (const auto& relation : relations)
      for (int round = 0; round < 12; ++round) {
        json rec = make_target(g, relation, ++n);
        json pol = {{"me", me_json()}, {"language", lang}};
        if (round % 3 == 0) pol["premium"] = true;
        if (round % 4 == 1) pol["signature"] = "Dana W.";
        const std::size_t limit =
            rec.contains("limit") ? rec["limit"].get<std::size_t>() : (round % 3 == 0 ? 300 : 200);
        INFO("target: " << rec.dump() << "\npolicy: " << pol.dump());
        const auto result = vouch::draft_note_json(rec.dump(), pol.dump());
        if (!result.ok) {
          // The only refusals: a stranger with nothing shared and no reason, or a value too long
          // for an honest note (a sales note must say so, whatever else has to fit).
          ++refused;
          INFO("error: " << result.text);
          CHECK((result.text.rfind("context.reason: missing", 0) == 0 ||
                 (result.text.rfind("context.", 0) == 0 &&
                  result.text.find(": too long to fit") != std::string::npos)));
          continue;
        }
        ++drafted;
        const json out = json::parse(result.text);
        CHECK(out["id"] == rec["id"]);
        const auto notes = out["notes"].get<std::vector<std::string>>();
        REQUIRE(notes.size() >= 3);
        CHECK(std::set<std::string>(notes.begin(), notes.end()).size() == notes.size());
        std::set<std::string> allowed = template_words();
        collect_strings(rec, allowed);
        collect_strings(pol, allowed);
        const std::string first = vouch::first_name_of(rec["target"]["name"].get<std::string>());
        for (const auto& w : words_of(first)) allowed.insert(w);
        const std::string signature = pol.value("signature", "Dana");
        for (const auto& note : notes) check_note(note, rec, limit, first, signature, allowed);
        // The same input gives the same notes.
        CHECK(vouch::draft_note_json(rec.dump(), pol.dump()).text == result.text);
      }
  CHECK(drafted > 5 * refused);
}

TEST_CASE("a seller's cold note says it is about sales, a job seeker's says so") {
  json pol = {{"me", me_json()}};
  auto notes_for = [&](const std::string& reason, int limit) {
    json rec = {{"id", "c"},
                {"target", {{"name", "Sam Lee"}}},
                {"context", {{"relation", "cold"}, {"reason", reason}}},
                {"limit", limit}};
    auto r = vouch::draft_note_json(rec.dump(), pol.dump());
    REQUIRE(r.ok);
    return json::parse(r.text)["notes"].get<std::vector<std::string>>();
  };
  const std::string long_pitch =
      "We help data teams cut their warehouse bill by a third with our platform, and I would love "
      "to show you a "
      "short walkthrough of how it works for teams like yours at Northwind";
  for (int limit : {200, 300})
    for (const auto& note : notes_for(long_pitch, limit)) {
      INFO(note);
      CHECK((note.find("sales") != std::string::npos || note.find("sells") != std::string::npos));
    }
  for (const auto& note : notes_for("I'm looking for a new role in data engineering", 200)) {
    INFO(note);
    CHECK((note.find("job") != std::string::npos || note.find("role") != std::string::npos ||
           note.find("position") != std::string::npos));
  }
  for (const auto& note : notes_for("I am hiring a staff engineer for my team in Lisbon", 200)) {
    INFO(note);
    CHECK((note.find("recruit") != std::string::npos || note.find("hiring") != std::string::npos));
  }
}

TEST_CASE("shared employers and schools are found when there is no context") {
  json pol = {{"me", me_json()}};
  json rec = {{"id", "s"},
              {"target", {{"name", "José García"}, {"companies", {"Northwind", "Contoso"}}}}};
  auto r = vouch::draft_note_json(rec.dump(), pol.dump());
  REQUIRE(r.ok);
  for (const auto& note : json::parse(r.text)["notes"])
    CHECK(note.get<std::string>().find("Contoso") != std::string::npos);

  SECTION("a shared school when no employer is shared") {
    json school = {{"id", "s"},
                   {"target", {{"name", "José"}, {"schools", {"University of Michigan"}}}},
                   {"context", {{"relation", "cold"}}}};
    auto rs = vouch::draft_note_json(school.dump(), pol.dump());
    REQUIRE(rs.ok);
    for (const auto& note : json::parse(rs.text)["notes"])
      CHECK(note.get<std::string>().find("Michigan") != std::string::npos);
  }
  SECTION("worked_together without a place names the shared employer") {
    json w = {{"id", "w"},
              {"target", {{"name", "José"}, {"companies", {"Fabrikam"}}}},
              {"context", {{"relation", "worked_together"}, {"when", "2019"}}}};
    auto rw = vouch::draft_note_json(w.dump(), pol.dump());
    REQUIRE(rw.ok);
    for (const auto& note : json::parse(rw.text)["notes"]) {
      CHECK(note.get<std::string>().find("Fabrikam") != std::string::npos);
      CHECK(note.get<std::string>().find("2019") != std::string::npos);
    }
  }
}

TEST_CASE("shortening leaves clauses out instead of cutting text") {
  json pol = {{"me", me_json()}};
  const std::string reason =
      "I would love to compare notes on how your team moved its reporting stack to the cloud last "
      "year, since we "
      "are about to start the same journey";
  json rec = {{"id", "x"},
              {"target", {{"name", "Priya Raman"}}},
              {"context",
               {{"relation", "worked_together"},
                {"where", "Contoso"},
                {"when", "2019"},
                {"reason", reason}}}};
  SECTION("with room, the reason is kept word for word") {
    rec["limit"] = 300;
    auto r = json::parse(vouch::draft_note_json(rec.dump(), pol.dump()).text);
    CHECK(r["notes"][1].get<std::string>().find(reason) != std::string::npos);
  }
  SECTION("without room, the reason goes whole but the employer and year stay") {
    rec["limit"] = 120;
    auto r = json::parse(vouch::draft_note_json(rec.dump(), pol.dump()).text);
    for (const auto& note : r["notes"]) {
      const auto s = note.get<std::string>();
      CHECK(s.find("would love to compare") == std::string::npos);
      CHECK(s.find("Contoso") != std::string::npos);
      CHECK(vouch::utf16_length(s) <= 120);
    }
  }
  SECTION("a company too long for any form is left out, not cut") {
    rec["context"]["where"] = std::string(230, 'a') + " Holdings";
    rec["context"]["reason"] = "";
    rec["limit"] = 200;
    auto r = vouch::draft_note_json(rec.dump(), pol.dump());
    REQUIRE(r.ok);
    for (const auto& note : json::parse(r.text)["notes"])
      CHECK(note.get<std::string>().find("aaa") == std::string::npos);
  }
}

TEST_CASE("notes follow the policy's language") {
  json rec = {{"id", "l"},
              {"target", {{"name", "Priya Raman"}}},
              {"context", {{"relation", "met_at"}, {"where", "Web Summit"}}}};
  auto notes = [&](const char* lang) {
    json pol = {{"language", lang}};
    return json::parse(vouch::draft_note_json(rec.dump(), pol.dump()).text)["notes"][2]
        .get<std::string>();
  };
  CHECK(notes("en").rfind("Dear Priya", 0) == 0);
  CHECK(notes("de").rfind("Guten Tag Priya", 0) == 0);
  CHECK(notes("nl").rfind("Beste Priya", 0) == 0);
}

TEST_CASE("the sample targets in the fixtures all draft") {
  std::ifstream in(std::string(VOUCH_TEST_DATA) + "/targets.jsonl");
  REQUIRE(in);
  json pol = {{"me", me_json()}};
  std::string line;
  int count = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++count;
    INFO(line);
    auto r = vouch::draft_note_json(line, pol.dump());
    CHECK(r.ok);
  }
  CHECK(count >= 10);
}

TEST_CASE("a bad target is an error that names the field") {
  json pol = json::object();
  auto err = [&](const std::string& target) {
    auto r = vouch::draft_note_json(target, pol.dump());
    CHECK_FALSE(r.ok);
    return r.text;
  };
  const std::string person = R"("target":{"name":"Priya Raman"})";
  CHECK(err("{").rfind("target record: not valid JSON", 0) == 0);
  CHECK(err("[]").rfind("target record: expected a JSON object", 0) == 0);
  CHECK(err("{" + person + "}") == "id: missing");
  CHECK(err(R"({"id":7,)" + person + "}").rfind("id: expected a string", 0) == 0);
  CHECK(err(R"({"id":"a"})") == "target: missing");
  CHECK(err(R"({"id":"a","target":{}})") == "target.name: missing");
  CHECK(err(R"({"id":"a","target":{"name":" "}})") == "target.name: missing");
  CHECK(err(R"({"id":"a","target":{"name":"A B","companies":[1]}})")
            .rfind("target.companies[0]: expected a string", 0) == 0);
  CHECK(err(R"({"id":"a",)" + person + R"(,"context":{"relation":"friends"}})")
            .rfind("context.relation: expected one of worked_together", 0) == 0);
  CHECK(err(R"({"id":"a",)" + person + R"(,"context":{"relation":"met_at"}})")
            .rfind("context.where: missing", 0) == 0);
  CHECK(err(R"({"id":"a",)" + person + R"(,"context":{"relation":"mutual_contact"}})")
            .rfind("context.where: missing", 0) == 0);
  CHECK(err(R"({"id":"a",)" + person + R"(,"context":{"relation":"their_content"}})")
            .rfind("context.topic: missing", 0) == 0);
  CHECK(err(R"({"id":"a",)" + person + R"(,"context":{"relation":"cold"}})")
            .rfind("context.reason: missing", 0) == 0);
  CHECK(err(R"({"id":"a",)" + person + "}").rfind("context.reason: missing", 0) == 0);
  CHECK(err(R"({"id":"a",)" + person + R"(,"limit":20})")
            .rfind("limit: expected a whole number", 0) == 0);
  CHECK(err(R"({"id":"a",)" + person + R"(,"limit":"200"})")
            .rfind("limit: expected a whole number", 0) == 0);
  SECTION("a first name that leaves no room") {
    // 40 letters is the longest first name greeted; a longer one is greeted without a name.
    json rec = {{"id", "a"},
                {"target", {{"name", std::string(40, 'x')}}},
                {"context", {{"relation", "met_at"}, {"where", "Web Summit"}}},
                {"limit", 60}};
    CHECK(err(rec.dump()).rfind("target.name: the first name", 0) == 0);
  }
  SECTION("a stranger's reason too long for any note") {
    json rec = {
        {"id", "a"},
        {"target", {{"name", "Priya"}}},
        {"context",
         {{"relation", "cold"}, {"reason", std::string(150, 'w') + " " + std::string(150, 'w')}}}};
    CHECK(err(rec.dump()).rfind("context.reason: too long", 0) == 0);
  }
  SECTION("a bad policy") {
    auto r = vouch::draft_note_json(
        R"({"id":"a","target":{"name":"A"},"context":{"relation":"met_at","where":"X"}})",
        R"({"language":"xx"})");
    CHECK(r.text.rfind("policy.language", 0) == 0);
  }
}

TEST_CASE("unknown fields are ignored") {
  auto r = vouch::draft_note_json(
      R"({"id":"a","expect":"x","target":{"name":"Priya","x":1},"context":{"relation":"met_at","where":"Web Summit","y":2}})",
      "{}");
  CHECK(r.ok);
}

TEST_CASE("the default note templates load") {
  const auto& t = vouch::default_note_templates();
  INFO((t.ok() ? "" : t.message()));
  CHECK(t.ok());
}

TEST_CASE("a bad template is an error that names its key") {
  auto with = [](const std::string& lang, const std::string& tone, const std::string& key,
                 const json& value) {
    json pack = json::parse(notes_pack_text());
    if (value.is_null())
      pack["languages"][lang][tone].erase(key);
    else
      pack["languages"][lang][tone][key] = value;
    auto r = vouch::load_note_templates(pack.dump());
    REQUIRE_FALSE(r.ok());
    return r.message();
  };
  CHECK(with("fr", "brief", "met_at", "On s'est vus à {lieu}.")
            .rfind("notes.languages.fr.brief.met_at: unknown placeholder {lieu}", 0) == 0);
  CHECK(with("en", "warm", "met_at", "We met[ at {where}].") ==
        "notes.languages.en.warm.met_at: needs {where} outside [brackets]");
  CHECK(with("en", "warm", "met_at", "We met at {where}[ in {year}.") ==
        "notes.languages.en.warm.met_at: '[' without ']'");
  CHECK(with("en", "warm", "closing", "Thanks} a lot.") ==
        "notes.languages.en.warm.closing: '}' without '{'");
  CHECK(with("en", "warm", "closing", "See you at {where}.")
            .rfind("notes.languages.en.warm.closing: {where} cannot be used", 0) == 0);
  CHECK(with("de", "formal", "closing", nullptr) == "notes.languages.de.formal.closing: missing");
  CHECK(with("it", "brief", "greeting", "Ciao {first}!") ==
        "notes.languages.it.brief.greeting: must differ from the warm greeting");
  CHECK(with("en", "brief", "signature", 3)
            .rfind("notes.languages.en.brief.signature: expected a string", 0) == 0);
  SECTION("a missing language") {
    json pack = json::parse(notes_pack_text());
    pack["languages"].erase("nl");
    auto r = vouch::load_note_templates(pack.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(r.message() == "notes.languages.nl: missing");
  }
}

TEST_CASE("a target whose name is not a name is greeted without one, in every language") {
  const std::vector<std::string> not_names{
      "<script>window.pwned</script>", "\U0001F680\U0001F680", std::string(30000, 'A'),
      "https://evil.example.com/in/x", "{first_name}", "J0hn Smith"};
  for (const auto& lang : vouch::supported_languages()) {
    for (const auto& name : not_names) {
      INFO(lang << ": " << name.substr(0, 40));
      const json rec = {{"id", "a"},
                        {"target", {{"name", name}}},
                        {"context", {{"relation", "met_at"}, {"where", "Web Summit"}}}};
      const auto r = vouch::draft_note_json(rec.dump(), json{{"language", lang}, {"me", {{"name", "Dana Whitfield"}}}}.dump());
      REQUIRE(r.ok);
      const json notes = json::parse(r.text)["notes"];
      CHECK(notes.size() >= 3);
      for (const auto& n : notes) {
        const std::string note = n.get<std::string>();
        const std::string greeting = note.substr(0, note.find('\n'));
        CHECK(greeting.size() <= 12);  // "Hi!", "Bonjour !", "¡Hola!"...
        CHECK(note.find("cript") == std::string::npos);
        CHECK(note.find("AAAA") == std::string::npos);
        CHECK(note.find("http") == std::string::npos);
        CHECK(note.find("irst") == std::string::npos);
        CHECK(note.find("Jhn") == std::string::npos);
        CHECK(note.find(" ,") == std::string::npos);
        CHECK(note.find(", !") == std::string::npos);
      }
    }
  }
}
