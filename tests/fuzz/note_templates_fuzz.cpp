// load_note_templates on fuzzed templates: the bytes as one language's templates (used for all
// seven languages, with the tones warm, brief and formal), or as a whole notes file. Bad
// templates are an error naming the key; good ones draft, for targets of every relation, either
// an error or at least three distinct notes within the limit.
#include <cstdint>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "vouch/notes.hpp"
#include "vouch/policy.hpp"
#include "vouch/text.hpp"

using nlohmann::json;
using namespace vouch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string doc = bytes;
  const json j = json::parse(bytes, nullptr, false);
  if (!j.is_discarded() && !(j.is_object() && j.contains("languages"))) {
    json whole = {{"tones", {"warm", "brief", "formal"}}, {"languages", json::object()}};
    for (const auto& lang : vouch::supported_languages()) whole["languages"][lang] = j;
    doc = whole.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  const auto t = vouch::load_note_templates(doc);
  if (!t) {
    require(t.message().rfind("notes", 0) == 0, "a templates error that does not name its key", t.message());
    return 0;
  }
  vouch::policy pol;
  pol.me.name = "Dana Whitfield";
  pol.me.first_name = "Dana";
  pol.me.companies = {"Contoso Ltd."};
  for (const auto& lang : {"en", "fr"}) {
    pol.language = lang;
    for (int rel = 0; rel <= 6; ++rel) {
      vouch::note_request req;
      req.id = "t";
      req.name = rel % 2 ? "Dr. Priya Raman, PhD" : "<b>x</b>";
      req.companies = {"Contoso"};
      if (rel < 6) req.rel = static_cast<vouch::relation>(rel);
      req.where = "KubeCon Europe";
      req.when = "2019";
      req.topic = "data contracts";
      req.reason = rel == 5 ? "I'd like to hear how you run your on-call rota" : "";
      req.limit = rel % 3 ? 300 : 60;
      const auto notes = vouch::draft_notes(req, pol, *t.value());
      if (!notes) continue;
      std::set<std::string> distinct(notes.value().begin(), notes.value().end());
      require(distinct.size() >= 3 && distinct.size() == notes.value().size(), "fewer than three distinct notes");
      for (const auto& n : notes.value())
        require(vouch::utf16_length(n) <= static_cast<std::size_t>(req.limit), "a note over the limit", n);
    }
  }
  return 0;
}
