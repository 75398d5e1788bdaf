// The only place JavaScript meets C++: each binding takes JSON text and returns a plain
// {ok, text} value (an embind value_object) or a view of bytes JavaScript copies at once, so
// JavaScript never holds a C++ object to free.
// wasm/api.mjs turns these into the public API (plain objects in and out, errors thrown).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "vouch/api.hpp"

namespace {

// Embind has no std::string_view: the adapters below take std::string.

// The policy of the last classify call, so a page or worker classifying many invitations under
// one policy hands its text over once (api.mjs calls setPolicy only when the text changes).
std::string& current_policy() {
  static std::string text = "{}";
  return text;
}

void set_policy(const std::string& policy) { current_policy() = policy; }

// A result's text stays here until the next call, and JavaScript decodes it straight out of wasm
// memory (resultBytes: one TextDecoder pass) rather than through embind's string conversion,
// which reads a long string byte by byte twice. Only `ok` travels in the returned value.
std::string& last_text() {
  static std::string text;
  return text;
}

vouch::json_result classify_with_policy(const std::string& invitation) {
  auto r = vouch::classify_json(invitation, current_policy());
  last_text() = std::move(r.text);
  return {r.ok, {}};
}

emscripten::val result_bytes() {
  const auto& t = last_text();
  return emscripten::val(emscripten::typed_memory_view(t.size(), reinterpret_cast<const unsigned char*>(t.data())));
}

vouch::json_result draft_note(const std::string& target, const std::string& policy) {
  return vouch::draft_note_json(target, policy);
}

vouch::json_result validate_policy(const std::string& policy) {
  return vouch::validate_policy_json(policy);
}

}  // namespace

EMSCRIPTEN_BINDINGS(vouch) {
  emscripten::value_object<vouch::json_result>("JsonResult")
      .field("ok", &vouch::json_result::ok)
      .field("text", &vouch::json_result::text);
  emscripten::function("setPolicy", &set_policy);
  emscripten::function("classifyWithPolicy", &classify_with_policy);
  emscripten::function("resultBytes", &result_bytes);
  emscripten::function("draftNote", &draft_note);
  emscripten::function("validatePolicy", &validate_policy);
  emscripten::function("defaultPolicy", &vouch::default_policy_json);
  emscripten::function("version", &vouch::version_json);
}
