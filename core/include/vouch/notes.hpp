// Drafting personal connection notes (contract: "Drafting a connection note").
//
// A request names the person (target), how the user knows them (context) and the length limit;
// the drafts are built from the sentence templates of the rule pack (core/rules/notes.json), one
// note per tone (warm, brief, formal), in the policy's language. A note is made of clauses
// (greeting, relation, shared employer or school, intent, the user's reason, closing,
// signature), each with shorter forms; to fit the limit, the least important clauses are left
// out or shortened, never cut.
#pragma once

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vouch/outcome.hpp"
#include "vouch/policy.hpp"

namespace vouch {

/// How the user knows the person (contract: `context.relation`).
enum class relation {
  worked_together,
  studied_together,
  met_at,
  their_content,
  mutual_contact,
  cold
};

/// The contract's name of a relation, e.g. "met_at".
std::string_view relation_name(relation r);
/// The relation named `name`, if any.
std::optional<relation> relation_from_name(std::string_view name);

/// One target (contract: "Drafting a connection note"), read and checked.
struct note_request {
  std::string id;
  std::string name;  ///< the person's display name, e.g. "Dr. Priya Raman, PhD"
  std::string headline;
  std::vector<std::string> companies;
  std::vector<std::string> schools;
  /// Absent (no context, or no relation given): treated as `cold`, with shared companies and
  /// schools found automatically.
  std::optional<relation> rel;
  std::string where;   ///< company, school, event or the mutual contact's name
  std::string when;    ///< "2019", "2017-2019", "last spring"
  std::string reason;  ///< the user's own words: why they write
  std::string topic;   ///< their post or talk's topic
  int limit = 0;       ///< in UTF-16 code units; 0 means the policy's note limit
};

/// Reads a target; errors name the field, e.g. `target.name: missing`.
outcome<note_request> parse_note_request(const nlohmann::json& json);

/// The note templates of a rule pack, validated (see core/rules/notes.json for the format).
struct note_templates;

/// Reads and validates note templates from JSON text; errors name the key at fault, e.g.
/// `notes.languages.fr.brief.met_at: unknown placeholder {lieu}`.
outcome<std::shared_ptr<const note_templates>> load_note_templates(std::string_view json_text);

/// The templates of the default rule pack (compiled in), loaded once.
const outcome<std::shared_ptr<const note_templates>>& default_note_templates();

/// Drafts one note per tone (at least three, all distinct), each within the limit, in the
/// policy's language. Deterministic. An error when no honest note fits (the message names the
/// field to change, e.g. `context.reason: missing: ...`).
outcome<std::vector<std::string>> draft_notes(const note_request& request, const policy& pol,
                                              const note_templates& templates);
outcome<std::vector<std::string>> draft_notes(const note_request& request, const policy& pol);

}  // namespace vouch
