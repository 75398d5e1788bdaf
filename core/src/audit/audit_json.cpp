// The audit's output: a JSON line per connection and the summary (contract: "Auditing the network").
#include <nlohmann/json.hpp>

#include "vouch/audit.hpp"

namespace vouch {

namespace {

/// A JSON string: quotes, backslashes and control characters escaped; invalid UTF-8 replaced
/// the way nlohmann's dump does (U+FFFD), by passing such text through it.
void put_string(std::string& out, const std::string& v) {
  bool plain = true;
  for (unsigned char ch : v)
    if (ch >= 0x80) { plain = false; break; }
  if (!plain) {
    out += nlohmann::json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  for (char ch : v) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          static const char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[(ch >> 4) & 0xF];
          out += hex[ch & 0xF];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

void put_or_null(std::string& out, const std::string& v) {
  if (v.empty()) out += "null";
  else put_string(out, v);
}

void put_connection(std::string& o, const audit_connection& c) {
  o += "{\"name\":"; put_string(o, c.name);
  o += ",\"profile_url\":"; put_or_null(o, c.profile_url);
  o += ",\"company\":"; put_string(o, c.company);
  o += ",\"position\":"; put_string(o, c.position);
  o += ",\"connected_on\":"; put_or_null(o, c.connected_on);
  o += ",\"messages\":{\"sent\":" + std::to_string(c.messages.sent) + ",\"received\":" + std::to_string(c.messages.received) + ",\"last\":";
  put_or_null(o, c.messages.last);
  o += "},\"endorsements\":" + std::to_string(c.endorsements) + ",\"recommendations\":" + std::to_string(c.recommendations);
  o += ",\"last_interaction\":"; put_or_null(o, c.last_interaction);
  o += ",\"status\":"; put_string(o, c.status);
  o += ",\"role\":";
  if (c.role) put_string(o, std::string(category_name(*c.role)));
  else o += "null";
  o += ",\"reasons\":[";
  for (std::size_t i = 0; i < c.reasons.size(); ++i) {
    if (i) o += ',';
    put_string(o, c.reasons[i]);
  }
  o += "]}";
}

}  // namespace

std::string audit_connection_json(const audit_connection& c) {
  std::string out;
  put_connection(out, c);
  return out;
}

std::string audit_report_lines_json(const audit_report& r) {
  std::string out;
  out.reserve(r.connections.size() * 400);
  for (const auto& c : r.connections) {
    put_connection(out, c);
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
