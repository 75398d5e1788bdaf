// Text-in, text-out entry points: what the `vouch` tool and the wasm bindings call.
//
// Every function takes JSON text and returns JSON text, so nothing crosses a language boundary
// but strings. Errors are values: `ok == false` and `text` holds a message naming the field.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "vouch/outcome.hpp"

namespace vouch {

/// The outcome of a JSON-text call: on success `text` is JSON, on failure a readable message.
struct json_result {
  bool ok = false;
  std::string text;
};

/// Classifies one invitation (contract: "Invitation") under a policy (contract: "Policy") and
/// returns the result object (contract: "Result") as JSON text. The compiled policy is cached,
/// so calling this repeatedly with the same policy text costs one policy parse in all.
json_result classify_json(std::string_view invitation_json, std::string_view policy_json);

class engine;
/// The compiled engine for a policy's JSON text (cached: the same text compiles once).
outcome<std::shared_ptr<engine>> engine_for(std::string_view policy_json);

/// Drafts personal connection notes for one target (contract: "Drafting a connection note").
json_result draft_note_json(std::string_view target_json, std::string_view policy_json);

/// Validates a policy; on success returns it with every default filled in.
json_result validate_policy_json(std::string_view policy_json);

/// The policy used when the user has set nothing, with every default filled in.
std::string default_policy_json();

/// The version of the core and of its default rule pack, as JSON text.
std::string version_json();

}  // namespace vouch
