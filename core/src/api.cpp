// Temporary stub so the other parts can build against the API while the core is written.
#include "vouch/api.hpp"

#include <nlohmann/json.hpp>

namespace vouch {

json_result classify_json(std::string_view invitation_json, std::string_view) {
  auto inv = nlohmann::json::parse(invitation_json, nullptr, false);
  if (inv.is_discarded() || !inv.is_object()) return {false, "invitation: not a JSON object"};
  nlohmann::json out = {{"id", inv.value("id", "")}, {"category", "generic"}, {"verdict", "ask"},
                        {"confidence", 0.5}, {"reasons", nlohmann::json::array()}, {"reply", "Hi"}};
  return {true, out.dump()};
}

json_result validate_policy_json(std::string_view policy_json) {
  auto p = nlohmann::json::parse(policy_json, nullptr, false);
  if (p.is_discarded() || !p.is_object()) return {false, "policy: not a JSON object"};
  return {true, p.dump()};
}

std::string default_policy_json() { return R"({"me":{},"mode":"balanced"})"; }
std::string version_json() { return R"({"core":"0.1.0"})"; }

}  // namespace vouch
