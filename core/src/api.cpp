// The JSON-text entry points (vouch/api.hpp), shared by the CLI and the wasm bindings.
#include "vouch/api.hpp"

#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>

#include "rule_pack.hpp"
#include "vouch/classify.hpp"

namespace vouch {

using nlohmann::json;

namespace {

outcome<json> parse_json(std::string_view text, const char* what) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return error{std::string(what) + ": not valid JSON"};
  return j;
}

/// The engine for the most recent policy text: callers classify many invitations under one
/// policy, so one entry is enough and compiling happens once per policy change.
struct engine_cache {
  std::mutex lock;
  std::string policy_text;
  std::shared_ptr<engine> compiled;
  std::string error_message;
};

engine_cache& cache() {
  static engine_cache c;
  return c;
}

}  // namespace

/// The engine for a policy's JSON text, or the policy's error.
outcome<std::shared_ptr<engine>> engine_for(std::string_view policy_json) {
  auto& c = cache();
  std::lock_guard<std::mutex> guard(c.lock);
  if (!c.policy_text.empty() && c.policy_text == policy_json) {
    if (c.compiled) return c.compiled;
    return error{c.error_message};
  }
  c.policy_text = std::string(policy_json);
  c.compiled.reset();
  c.error_message.clear();
  auto p = parse_policy_text(policy_json);
  if (!p) { c.error_message = p.message(); return error{c.error_message}; }
  auto e = engine::create(p.value());
  if (!e) { c.error_message = e.message(); return error{c.error_message}; }
  c.compiled = std::make_shared<engine>(std::move(e).value());
  return c.compiled;
}

json_result classify_json(std::string_view invitation_json, std::string_view policy_json) {
  auto e = engine_for(policy_json);
  if (!e) return {false, e.message()};
  auto j = parse_json(invitation_json, "invitation");
  if (!j) return {false, j.message()};
  auto inv = parse_invitation(j.value());
  if (!inv) return {false, inv.message()};
  return {true, result_to_text(e.value()->classify(inv.value()))};
}

json_result validate_policy_json(std::string_view policy_json) {
  auto p = parse_policy_text(policy_json);
  if (!p) return {false, p.message()};
  // Custom rules must also compile with the pack (e.g. a phrase with no words).
  auto e = engine::create(p.value());
  if (!e) return {false, e.message()};
  return {true, policy_to_json(p.value()).dump()};
}

std::string default_policy_json() { return policy_to_json(policy{}).dump(); }

std::string version_json() {
  const auto& pack = detail::default_pack_json();
  return json{{"core", "0.1.0"}, {"pack", pack.value("pack_version", 0)}}.dump();
}

}  // namespace vouch
