// draft_note_json: the bytes as a whole target's JSON text, and as the name, headline, where,
// when, reason and topic of a well-formed target of each relation, under a policy whose
// language and note limit the input picks. An error or at least three distinct notes, each
// within the limit (UTF-16 code units), with no unfilled placeholder.
#include <cstdint>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "vouch/api.hpp"
#include "vouch/text.hpp"

using nlohmann::json;
using namespace vouch::fuzz;

namespace {

const char* const languages[] = {"en", "fr", "de", "es", "pt", "it", "nl"};
const char* const relations[] = {"worked_together", "studied_together", "met_at", "their_content", "mutual_contact", "cold", "bogus"};
const int limits[] = {60, 120, 200, 300};

void check_notes(const std::string& target_text, const std::string& policy_text, int policy_limit) {
  const auto r = vouch::draft_note_json(target_text, policy_text);
  if (!r.ok) {
    require(!r.text.empty(), "an error without a message");
    return;
  }
  const json out = json::parse(r.text, nullptr, false);
  require(out.is_object() && out.contains("notes") && out["notes"].is_array(), "draft_note_json: not {id, notes}", r.text);
  const json target = json::parse(target_text);
  int limit = policy_limit;
  if (const auto l = target.find("limit"); l != target.end() && l->is_number_integer()) limit = l->get<int>();
  std::set<std::string> distinct;
  for (const auto& n : out["notes"]) {
    require(n.is_string(), "a note that is not a string", r.text);
    const std::string note = n.get<std::string>();
    require(vouch::utf16_length(note) <= static_cast<std::size_t>(limit), "a note over the limit", note);
    require(note.find('{') == std::string::npos && note.find('}') == std::string::npos, "an unfilled placeholder", note);
    distinct.insert(note);
  }
  require(distinct.size() >= 3 && distinct.size() == out["notes"].size(), "fewer than three distinct notes", r.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const unsigned pick = size ? data[0] : 0;
  const int policy_limit = limits[pick % std::size(limits)];
  const std::string policy = std::string(R"({"me":{"name":"Dana Whitfield","companies":["Contoso Ltd.","Northwind"],)") +
                             R"("schools":["University of Michigan"]},"language":")" + languages[(pick / 4) % std::size(languages)] +
                             R"(","note_limit":)" + std::to_string(policy_limit) + "}";
  check_notes(bytes, policy, policy_limit);

  // The bytes as every text field of a target; the first byte picks the relation.
  const std::string q = json_string(bytes.substr(size ? 1 : 0));
  const std::string target = std::string(R"({"id":"t","target":{"name":)") + q + R"(,"headline":)" + q +
                             R"(,"companies":[)" + q + R"(,"Contoso"]},"context":{"relation":")" +
                             relations[pick % std::size(relations)] + R"(","where":)" + q + R"(,"when":)" + q +
                             R"(,"reason":)" + q + R"(,"topic":)" + q + "}}";
  if (json::parse(target, nullptr, false).is_discarded()) return 0;  // invalid UTF-8 is not JSON
  check_notes(target, policy, policy_limit);
  return 0;
}
