// The audit's output: a JSON line per connection and the summary (contract: "Auditing the network").
#include <nlohmann/json.hpp>

#include "vouch/audit.hpp"

namespace vouch {

namespace {

nlohmann::ordered_json date_or_null(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

nlohmann::ordered_json connection_object(const audit_connection& c) {
  nlohmann::ordered_json j;
  j["name"] = c.name;
  j["profile_url"] = date_or_null(c.profile_url);
  j["company"] = c.company;
  j["position"] = c.position;
  j["connected_on"] = date_or_null(c.connected_on);
  j["messages"] = {{"sent", c.messages.sent}, {"received", c.messages.received}, {"last", date_or_null(c.messages.last)}};
  j["endorsements"] = c.endorsements;
  j["recommendations"] = c.recommendations;
  j["last_interaction"] = date_or_null(c.last_interaction);
  j["status"] = c.status;
  j["role"] = c.role ? nlohmann::ordered_json(std::string(category_name(*c.role))) : nlohmann::ordered_json(nullptr);
  j["reasons"] = c.reasons;
  return j;
}

}  // namespace

std::string audit_connection_json(const audit_connection& c) {
  return connection_object(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string audit_report_lines_json(const audit_report& r) {
  std::string out;
  for (const auto& c : r.connections) {
    out += audit_connection_json(c);
    out += '\n';
  }
  return out;
}

std::string audit_summary_json(const audit_report& r) {
  nlohmann::ordered_json j;
  j["as_of"] = r.as_of;
  j["connections"] = r.connections.size();
  nlohmann::ordered_json st;
  for (const char* s : {"active", "faded", "never", "new"}) {
    auto it = r.status.find(s);
    st[s] = it == r.status.end() ? 0 : it->second;
  }
  j["status"] = st;
  nlohmann::ordered_json years = nlohmann::ordered_json::object();
  for (const auto& [y, n] : r.per_year) years[std::to_string(y)] = n;
  j["per_year"] = years;
  nlohmann::ordered_json cats = nlohmann::ordered_json::object();
  for (const auto& [k, n] : r.invitation_categories) cats[k] = n;
  j["invitations"] = {{"count", r.invitations}, {"categories", cats}};
  j["pending_sent_over_21_days"] = r.pending_sent_over_21_days;
  nlohmann::ordered_json w = nlohmann::ordered_json::array();
  for (const auto& x : r.warnings) w.push_back({{"file", x.file}, {"line", x.line}, {"message", x.message}});
  j["warnings"] = w;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace vouch
