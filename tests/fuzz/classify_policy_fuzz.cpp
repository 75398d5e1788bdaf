// Classifying under a FUZZED policy: the bytes choose the policy (custom rules with their
// categories, weights and phrases; rule_weights of the pack's rules, facts and the custom ones,
// in and out of range, and unknown ids; mode, language, note limit, signature, the user's
// profile; corrections) and the invitation. A bad policy is errors naming their paths; a good one
// reads back the same once its defaults are filled in, compiles, and classifies the invitation
// into a well-formed Result. (validate_policy_json and classify_json are these same steps; they
// are not called too, as each compiles the engine again and compiling is most of the time.)
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "result_check.hpp"
#include "rule_pack.hpp"
#include "vouch/api.hpp"
#include "vouch/classify.hpp"
#include "vouch/policy.hpp"
#include "vouch/text.hpp"

using nlohmann::json;
using namespace vouch::fuzz;

namespace {

const char* const categories[] = {"known",     "personal", "recruiter", "job_seeker", "sales", "networker",
                                  "generic",   "scam",     "romance",   "not_a_category", ""};
const char* const modes[] = {"quality", "balanced", "open", "strict"};
const char* const languages[] = {"en", "fr", "de", "es", "pt", "it", "nl", "xx", ""};

/// The ids rule_weights can name: the pack's phrase rules and its facts (features).
const std::vector<std::string>& pack_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    if (const auto& pack = vouch::detail::default_rule_pack(); pack.ok())
      for (const auto& r : pack.value().rules) out.push_back(r.id);
    const json& j = vouch::detail::default_pack_json();
    if (const auto c = j.find("classify"); c != j.end() && c->is_object())
      if (const auto f = c->find("features"); f != c->end() && f->is_object())
        for (auto it = f->begin(); it != f->end(); ++it) out.push_back(it.key());
    return out;
  }();
  return ids;
}

/// Phrases from the pack, so that custom rules and notes overlap with what the pack matches.
const std::vector<std::string>& pack_phrases() {
  static const std::vector<std::string> phrases = [] {
    std::vector<std::string> out;
    if (const auto& pack = vouch::detail::default_rule_pack(); pack.ok())
      for (const auto& r : pack.value().rules)
        for (const auto& p : r.phrases) out.push_back(p);
    return out;
  }();
  return phrases;
}

std::string text(FuzzedDataProvider& f, std::size_t max = 64) {
  if (!pack_phrases().empty() && f.ConsumeBool())
    return pack_phrases()[f.ConsumeIntegralInRange<std::size_t>(0, pack_phrases().size() - 1)];
  return f.ConsumeRandomLengthString(max);
}

double weight(FuzzedDataProvider& f) {
  static const double edges[] = {0, 1, -1, 2.5, 20, -20, 20.000001, -20.5, 1e308, -1e308, 5e-324, 1e-300, 100};
  if (f.ConsumeBool()) return edges[f.ConsumeIntegralInRange<std::size_t>(0, std::size(edges) - 1)];
  return f.ConsumeFloatingPointInRange<double>(-25, 25);
}

json invitation(FuzzedDataProvider& f, std::string id) {
  json inv = {{"id", std::move(id)}, {"sender", {{"name", text(f, 48)}}}};
  if (f.ConsumeBool()) inv["sender"]["headline"] = text(f);
  if (f.ConsumeBool()) inv["sender"]["profile_url"] = "https://www.linkedin.com/in/" + f.ConsumeRandomLengthString(16);
  if (f.ConsumeBool()) inv["sender"]["mutual_connections"] = f.ConsumeIntegralInRange<int>(-2, 600);
  if (f.ConsumeBool()) inv["prior_invitations"] = f.ConsumeIntegralInRange<int>(-1, 5);
  std::string note;
  for (int k = f.ConsumeIntegralInRange<int>(0, 4); k > 0; --k) note += text(f) + (f.ConsumeBool() ? " " : ". ");
  if (f.ConsumeBool()) inv["message"] = note;
  return inv;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider f(data, size);
  json p = json::object();
  json me = json::object();
  if (f.ConsumeBool()) me["name"] = text(f, 40);
  if (f.ConsumeBool()) me["first_name"] = f.ConsumeRandomLengthString(20);
  if (f.ConsumeBool()) me["headline"] = text(f);
  for (const char* list : {"companies", "schools", "groups"})
    if (f.ConsumeBool()) {
      json items = json::array();
      for (int k = f.ConsumeIntegralInRange<int>(0, 3); k > 0; --k) items.push_back(text(f, 40));
      me[list] = items;
    }
  if (f.ConsumeBool()) me["work_email"] = f.ConsumeRandomLengthString(30);
  if (f.ConsumeBool()) me["follow_url"] = f.ConsumeRandomLengthString(40);
  p["me"] = me;
  if (f.ConsumeBool()) p["mode"] = modes[f.ConsumeIntegralInRange<std::size_t>(0, std::size(modes) - 1)];
  if (f.ConsumeBool()) p["language"] = languages[f.ConsumeIntegralInRange<std::size_t>(0, std::size(languages) - 1)];
  if (f.ConsumeBool()) p["note_limit"] = f.ConsumeIntegralInRange<int>(0, 400);
  if (f.ConsumeBool()) p["premium"] = f.ConsumeBool();
  if (f.ConsumeBool()) p["signature"] = f.ConsumeRandomLengthString(30);

  std::vector<std::string> custom_ids;
  if (f.ConsumeBool()) {
    json rules = json::array();
    for (int k = f.ConsumeIntegralInRange<int>(0, 4); k > 0; --k) {
      json rule = json::object();
      const std::string id = f.ConsumeBool() ? "custom." + std::to_string(k) : f.ConsumeRandomLengthString(12);
      custom_ids.push_back(id);
      rule["id"] = id;
      rule["category"] = categories[f.ConsumeIntegralInRange<std::size_t>(0, std::size(categories) - 1)];
      if (f.ConsumeBool()) rule["weight"] = weight(f);
      if (f.ConsumeBool()) rule["text"] = f.ConsumeRandomLengthString(30);
      json phrases = json::array();
      for (int n = f.ConsumeIntegralInRange<int>(0, 3); n > 0; --n) phrases.push_back(text(f, 24));
      rule["phrases"] = phrases;
      rules.push_back(rule);
    }
    p["rules"] = rules;
  }
  if (f.ConsumeBool()) {
    json weights = json::object();
    for (int k = f.ConsumeIntegralInRange<int>(0, 6); k > 0; --k) {
      std::string id;
      const int pick = f.ConsumeIntegralInRange<int>(0, 3);
      if (pick <= 1 && !pack_ids().empty()) id = pack_ids()[f.ConsumeIntegralInRange<std::size_t>(0, pack_ids().size() - 1)];
      else if (pick == 2 && !custom_ids.empty()) id = custom_ids[f.ConsumeIntegralInRange<std::size_t>(0, custom_ids.size() - 1)];
      else id = f.ConsumeRandomLengthString(16);
      weights[id] = weight(f);
    }
    p["rule_weights"] = weights;
  }
  if (f.ConsumeBool()) {
    json corrections = json::array();
    for (int k = f.ConsumeIntegralInRange<int>(0, 3); k > 0; --k)
      corrections.push_back({{"invitation", invitation(f, "c" + std::to_string(k))},
                             {"category", categories[f.ConsumeIntegralInRange<std::size_t>(0, std::size(categories) - 1)]}});
    p["corrections"] = corrections;
  }
  const json inv = invitation(f, "f");

  // Invalid UTF-8 in a string makes dump() throw; replace it so every policy can be tried.
  const std::string policy_text = p.dump(-1, ' ', false, json::error_handler_t::replace);
  const std::string inv_text = inv.dump(-1, ' ', false, json::error_handler_t::replace);
  // One compilation an input (it is most of the time): the policy read as validate_policy_json
  // and classify_json read it, its engine, and the invitation classified by it.
  const auto pol = vouch::parse_policy_text(policy_text);
  if (!pol) {
    const std::string& m = pol.message();
    for (std::size_t b = 0; b != std::string::npos && b < m.size(); b = m.find('\n', b), b += b != std::string::npos)
      require(m.compare(b, 6, "policy") == 0, "a policy error that does not name its path", m);
    return 0;
  }
  // The policy as validated (defaults filled in) reads back as the same policy.
  const json filled = vouch::policy_to_json(pol.value());
  const auto back = vouch::parse_policy(filled);
  require(back.ok() && vouch::policy_to_json(back.value()) == filled, "the validated policy does not read back the same",
          filled.dump(-1, ' ', false, json::error_handler_t::replace));
  const auto eng = vouch::engine::create(pol.value());
  if (!eng) {
    require(eng.message().rfind("policy", 0) == 0, "an engine error that does not name its path", eng.message());
    return 0;
  }
  const auto inv_parsed = vouch::parse_invitation(json::parse(inv_text));
  require(inv_parsed.ok(), "a well-formed invitation is refused", inv_parsed.ok() ? "" : inv_parsed.message());
  const std::string result = vouch::result_to_text(eng.value().classify(inv_parsed.value()));
  const auto parsed = json::parse(inv_text);
  const std::string note = parsed.contains("message") ? parsed["message"].get<std::string>() : "";
  // The reply: a template (at most 365 characters) with the user's own signature, e-mail and
  // address and the sender's first name (at most 80) put in.
  const std::size_t max_reply = 600 + 2 * (vouch::utf16_length(p["me"].value("work_email", "")) +
                                            vouch::utf16_length(p["me"].value("follow_url", ""))) +
                                vouch::utf16_length(p.value("signature", "")) +
                                vouch::utf16_length(p["me"].value("first_name", p["me"].value("name", "")));
  check_result(result, vouch::utf16_length(note), max_reply);
  return 0;
}
