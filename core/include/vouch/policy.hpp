// The user's policy: who "me" is, the mode, and the user's own additions to the rule pack.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "vouch/category.hpp"
#include "vouch/invitation.hpp"
#include "vouch/outcome.hpp"

namespace vouch {

/// How generous the user is with generic invitations (contract: "Verdicts").
enum class mode { quality, balanced, open };

/// The recipient's own profile, used to recognise shared employers, schools and groups.
struct me_profile {
  std::string name;
  std::string first_name;  ///< derived from `name` when not given
  std::string headline;
  std::vector<std::string> companies;
  std::vector<std::string> schools;
  std::vector<std::string> groups;
  std::string work_email;
  std::string follow_url;
};

/// A rule the user adds: any phrase in `phrases` found in a note adds `weight` to `category`.
struct custom_rule {
  std::string id;        ///< e.g. "custom.crypto-swap"; must be unique
  std::string category;  ///< one of the contract's categories
  std::string text;      ///< the reason shown to the user
  double weight = 2.0;
  std::vector<std::string> phrases;
};

/// An invitation the user re-labelled (contract: "Corrections").
struct correction {
  invitation inv;
  vouch::category cat;
};

struct policy {
  me_profile me;
  vouch::mode mode = mode::balanced;
  /// How replies and notes are signed; empty means "me.first_name".
  std::string signature;
  /// The connection-note length limit in UTF-16 code units: 200 (free) or 300 (Premium).
  int note_limit = 200;
  /// The language of drafted connection notes ("en", "fr", "de", "es", "pt", "it", "nl").
  std::string language = "en";
  std::vector<custom_rule> rules;
  /// Re-weights rules of the pack by id; 0 turns a rule off.
  std::map<std::string, double> rule_weights;
  /// The user's corrections, newest last (at most max_corrections are kept: the newest).
  std::vector<correction> corrections;
};

inline constexpr std::size_t max_corrections = 1000;

/// Parses and validates a policy. Every invalid field is reported, one a line, each naming its
/// path, e.g. `policy.me.companies[1]: expected a string, got a number`.
outcome<policy> parse_policy(const nlohmann::json& json);

/// parse_policy on JSON text ("policy: not valid JSON" when it is not JSON), with the errors in
/// the order of the document.
outcome<policy> parse_policy_text(std::string_view text);

/// The policy as JSON, with every default filled in.
nlohmann::json policy_to_json(const policy& p);

/// The contract's name of a mode ("quality", "balanced", "open").
const char* mode_name(vouch::mode m);

/// The languages replies and notes can be written in.
inline const std::vector<std::string>& supported_languages() {
  static const std::vector<std::string> langs{"en", "fr", "de", "es", "pt", "it", "nl"};
  return langs;
}

}  // namespace vouch
