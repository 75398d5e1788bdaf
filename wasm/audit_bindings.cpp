// The audit's own wasm module (dist/vouch/audit.mjs + audit.wasm): the main module is at its
// size budget, so the network audit ships apart and api.mjs loads it only when vouch.audit() is
// first called.
//
// A functional handle API, so JavaScript never holds a C++ object: begin() creates an auditor
// and returns its number, feed() and end() stream the export's files into it, finish() returns
// the report as JSON text and forgets the handle. Every call returns {ok, text}; errors are
// values (the module is built without exceptions).
#include <emscripten/bind.h>

#include <map>
#include <memory>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "vouch/api.hpp"
#include "vouch/audit.hpp"
#include "vouch/policy.hpp"

namespace {

using vouch::json_result;

std::map<int, vouch::auditor>& auditors() {
  static std::map<int, vouch::auditor> table;
  return table;
}

json_result fail(std::string message) { return {false, std::move(message)}; }

// The options object: as_of, stale_days, grace_days, zip_name (all optional).
vouch::outcome<vouch::audit_options> read_options(const std::string& text) {
  vouch::audit_options o;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return vouch::error{"options: not valid JSON"};
  if (j.is_null()) return o;
  if (!j.is_object()) return vouch::error{"options: expected an object"};
  if (auto it = j.find("as_of"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) return vouch::error{"options.as_of: expected a date YYYY-MM-DD"};
    o.as_of = it->get<std::string>();
  }
  if (auto it = j.find("zip_name"); it != j.end() && !it->is_null()) {
    if (!it->is_string()) return vouch::error{"options.zip_name: expected a file name"};
    o.zip_name = it->get<std::string>();
  }
  for (auto [key, field] : {std::pair{"stale_days", &o.stale_days}, std::pair{"grace_days", &o.grace_days}}) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) continue;
    if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 100000) {
      return vouch::error{std::string("options.") + key + ": expected a whole number of days from 0 to 100000"};
    }
    *field = static_cast<int>(it->get<long long>());
  }
  return o;
}

json_result begin(const std::string& policy_json, const std::string& options_json) {
  auto p = vouch::parse_policy_text(policy_json);
  if (!p) return fail(p.message());
  auto o = read_options(options_json);
  if (!o) return fail(o.message());
  auto a = vouch::auditor::create(p.value(), std::move(o).value());
  if (!a) return fail(a.message());
  static int next = 0;
  const int handle = ++next;
  auditors().emplace(handle, std::move(a).value());
  return {true, std::to_string(handle)};
}

vouch::auditor* find(int handle) {
  auto it = auditors().find(handle);
  return it == auditors().end() ? nullptr : &it->second;
}

// Embind hands a Uint8Array (or a string, UTF-8 encoded) over as std::string.
json_result feed(int handle, const std::string& name, const std::string& bytes) {
  auto* a = find(handle);
  if (!a) return fail("audit: this audit is finished or was never begun");
  a->feed(name, bytes);
  return {true, {}};
}

json_result end_file(int handle, const std::string& name) {
  auto* a = find(handle);
  if (!a) return fail("audit: this audit is finished or was never begun");
  a->end_file(name);
  return {true, {}};
}

// {"connections": [...], "summary": {...}}; the handle is gone afterwards either way.
json_result finish(int handle) {
  auto it = auditors().find(handle);
  if (it == auditors().end()) return fail("audit: this audit is finished or was never begun");
  auto report = it->second.finish();
  auditors().erase(it);
  if (!report) return fail(report.message());
  const auto& r = report.value();
  std::string text = "{\"connections\":[";
  for (std::size_t i = 0; i < r.connections.size(); ++i) {
    if (i) text += ',';
    text += vouch::audit_connection_json(r.connections[i]);
  }
  text += "],\"summary\":";
  text += vouch::audit_summary_json(r);
  text += '}';
  return {true, std::move(text)};
}

void cancel(int handle) { auditors().erase(handle); }

}  // namespace

EMSCRIPTEN_BINDINGS(vouch_audit) {
  emscripten::value_object<json_result>("JsonResult")
      .field("ok", &json_result::ok)
      .field("text", &json_result::text);
  emscripten::function("begin", &begin);
  emscripten::function("feed", &feed);
  emscripten::function("end", &end_file);
  emscripten::function("finish", &finish);
  emscripten::function("cancel", &cancel);
}
